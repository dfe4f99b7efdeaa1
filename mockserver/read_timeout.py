"""A bound on each read of a request, whichever server runs the app, so that a client whose bytes
stop coming is answered as incomplete after the read timeout instead of holding its request forever.

werkzeug's server puts its socket in the environ: a timeout on it bounds every read. granian streams
the body to the app through its own object, whose reads wait in Rust for as long as the client sends
nothing: it bounds the headers only (``header_read_timeout``) and leaves the body unbounded by design
(granian issue #728). So its reads run on a helper thread that the app waits for no longer than the
timeout. A helper whose read outlives that stays blocked until the client sends or goes away: hyper
keeps the connection open while its body is being read, so only the answer is prompt.
"""

from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as WaitedTooLong
from functools import cache
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIEnvironment

CHUNK = 64 * 1024
"""Bytes asked of granian per read: each read waits until that many came, or the body ended."""
HELPERS = 512
"""At most this many reads at once per process: granian's own default bound on a worker's requests."""


class _Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


def limit_reads(environ: WSGIEnvironment, seconds: float) -> None:
    """Bound each read of this request's body to ``seconds``."""
    connection = environ.get("werkzeug.socket")
    if isinstance(connection, socket.socket):
        connection.settimeout(seconds)
    elif environ.get("SERVER_SOFTWARE") == "Granian":
        environ["wsgi.input"] = BoundedBody(environ["wsgi.input"], seconds)


@cache
def _helpers() -> ThreadPoolExecutor:
    """Made on first use, so in the process that reads (a pool made before a fork has no threads)."""
    return ThreadPoolExecutor(HELPERS, thread_name_prefix="mockserver-read")


class BoundedBody:
    """granian's request body, each read of at most ``CHUNK`` bytes bounded to ``seconds``."""

    def __init__(self, body: _Readable, seconds: float) -> None:
        self.body = body
        self.seconds = seconds

    def read(self, size: int | None = -1) -> bytes:
        """Up to ``size`` bytes (all of them when ``size`` is None or negative), fewer at the end of
        the body; TimeoutError when a read waits longer than the timeout."""
        wanted = None if size is None or size < 0 else size
        chunks: list[bytes] = []
        got = 0
        while wanted is None or got < wanted:
            ask = CHUNK if wanted is None else min(CHUNK, wanted - got)
            try:
                chunk = _helpers().submit(self.body.read, ask).result(self.seconds)
            except WaitedTooLong:
                raise TimeoutError(f"no request bytes for {self.seconds:g} s") from None
            chunks.append(chunk)
            got += len(chunk)
            if len(chunk) < ask:
                break
        return b"".join(chunks)
