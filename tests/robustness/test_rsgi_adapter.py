"""The RSGI adapter `serve --workers` runs the app through: the environ it builds, and the body it reads
(capped, and bounded in time on each chunk) as the app's reads then see it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from typing import Any

import pytest

from mockserver.rsgi import WsgiOverRsgi

CAP = 100


@dataclass
class _Headers:
    pairs: list[tuple[str, str]]

    def items(self) -> Iterable[tuple[str, str]]:
        return self.pairs


@dataclass
class _Scope:
    headers: _Headers
    path: str = "/tenants/a%20b/svc"
    query_string: str = "wsdl"
    proto: str = "http"
    http_version: str = "1.1"
    server: str = "127.0.0.1:8080"
    client: str = "127.0.0.1:50000"
    scheme: str = "http"
    method: str = "POST"


@dataclass
class _Protocol:
    """A client sending ``chunks``, then nothing for ``stall`` seconds (None: the body ends)."""

    chunks: list[bytes]
    stall: float | None = None
    answered: list[Any] = field(default_factory=list)

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._sent()

    async def _sent(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk
        if self.stall is not None:
            await asyncio.sleep(self.stall)

    def response_bytes(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.answered.append((status, headers, body))


def _serve(protocol: _Protocol, headers: list[tuple[str, str]], read_timeout: float = 5) -> dict[str, Any]:
    """The environ the app was given, with what its read of the body gave (or the error it raised)."""
    seen: dict[str, Any] = {}

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        seen.update(environ)
        try:
            seen["body"] = environ["wsgi.input"].read()
        except TimeoutError as error:
            seen["body"] = error
        start_response("201 Created", [("X-Answer", "yes")])
        return [b"answered"]

    adapter = WsgiOverRsgi(app, read_timeout, CAP)  # type: ignore[arg-type]
    asyncio.run(adapter(_Scope(_Headers(headers)), protocol))
    assert protocol.answered == [(201, [("X-Answer", "yes")], b"answered")]
    return seen


def test_the_environ_carries_the_request_as_wsgi_names_it() -> None:
    seen = _serve(
        _Protocol([b"<a/>"]),
        [
            ("content-type", "text/xml"),
            ("content-length", "4"),
            ("soapaction", '"x"'),
            ("accept", "a"),
            ("accept", "b"),
        ],
    )
    assert (seen["REQUEST_METHOD"], seen["PATH_INFO"], seen["QUERY_STRING"]) == ("POST", "/tenants/a b/svc", "wsdl")
    assert (seen["CONTENT_TYPE"], seen["CONTENT_LENGTH"], seen["HTTP_SOAPACTION"]) == ("text/xml", "4", '"x"')
    assert seen["HTTP_ACCEPT"] == "a, b"
    assert (seen["SERVER_NAME"], seen["SERVER_PORT"], seen["REMOTE_ADDR"]) == ("127.0.0.1", "8080", "127.0.0.1")
    assert seen["body"] == b"<a/>"


def test_a_body_in_chunks_is_read_whole() -> None:
    assert _serve(_Protocol([b"<a>", b"x", b"</a>"]), [])["body"] == b"<a>x</a>"


def test_a_body_past_the_cap_is_read_no_further_than_the_chunk_that_passes_it() -> None:
    sent = [b"x" * 60] * 5
    assert _serve(_Protocol(sent), [])["body"] == b"x" * 120


def test_a_body_whose_content_length_passes_the_cap_is_not_read() -> None:
    assert _serve(_Protocol([b"x" * 10]), [("content-length", str(CAP + 1))])["body"] == b""


@pytest.mark.parametrize("chunks", [[], [b"<s:Envelope"]])
def test_a_body_that_stops_coming_reads_as_a_timeout_after_the_read_timeout(chunks: list[bytes]) -> None:
    seen = _serve(_Protocol(chunks, stall=5), [("content-length", "50")], read_timeout=0.05)
    assert isinstance(seen["body"], TimeoutError)


def test_a_slow_body_whose_every_chunk_comes_within_the_timeout_is_read_whole() -> None:
    class Slow(_Protocol):
        async def _sent(self) -> AsyncIterator[bytes]:
            for chunk in self.chunks:
                await asyncio.sleep(0.03)
                yield chunk

    assert _serve(Slow([b"a", b"b", b"c", b"d"]), [], read_timeout=0.05)["body"] == b"abcd"


def test_an_app_that_drops_the_connection_is_sent_no_answer() -> None:
    def dropping(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        raise ConnectionAbortedError("connection dropped by a fault rule")

    protocol = _Protocol([b"<a/>"])
    asyncio.run(WsgiOverRsgi(dropping, 5, CAP)(_Scope(_Headers([])), protocol))  # type: ignore[arg-type]
    assert protocol.answered == []
