"""A request whose bytes stop coming is answered as incomplete after the read timeout, and holds no
thread that runs the app for longer: without the bound, clients stalling in their bodies (a
Content-Length larger than the body is a plausible client bug) held a server's threads until every
worker hung (gunicorn's did), and granian bounds no body read of its own.

Each test talks raw HTTP over a socket to `mockserver serve --read-timeout 0.5` in a subprocess,
once with the threaded server and once with `--workers 2` (granian, the app in one thread a worker).
"""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from robustness.harness import (
    PWS_ENDPOINT,
    MockProcess,
    fault_of,
    mock_process,
    no_traceback,
    payload,
    pws_authenticate,
)

from mockserver.soap.envelope import SOAP_11

READ_TIMEOUT = 0.5
ANNOUNCED = 1000
STARTED = b"<s:Envelope"
"""The first bytes of a body announced as ANNOUNCED bytes long."""
STALLED_CLIENTS = 12
"""More than gunicorn's 2 workers of 4 threads held, and six times the app threads of `--workers 2`."""
STALLED_HEAD = b"POST /OpsProjectorWcfSvc/PwsProjectorServices.svc HTTP/1.1\r\nHost: mo"
"""A request line and the start of a header, then nothing."""


@pytest.fixture(scope="module")
def threaded() -> Iterator[MockProcess]:
    with mock_process("--read-timeout", str(READ_TIMEOUT)) as running:
        yield running


@pytest.fixture(scope="module")
def workers_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("workers") / "serve.log"


@pytest.fixture(scope="module")
def workers(workers_log: Path) -> Iterator[MockProcess]:
    with mock_process("--read-timeout", str(READ_TIMEOUT), "--workers", "2", log=workers_log) as running:
        yield running


@pytest.fixture(params=["threaded", "workers"])
def server(request: pytest.FixtureRequest) -> MockProcess:
    running: MockProcess = request.getfixturevalue(request.param)
    return running


def _connect(server: MockProcess) -> socket.socket:
    address = urlsplit(server.url)
    connection = socket.create_connection((address.hostname, address.port), timeout=10)
    return connection


def _post_head(path: str, content_type: str = "text/xml; charset=utf-8") -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: mock\r\nContent-Type: {content_type}\r\n"
        f'SOAPAction: "http://projectorpsa.com/PwsProjectorServices/PwsAuthenticate"\r\n'
        f"Content-Length: {ANNOUNCED}\r\n\r\n"
    ).encode()


def _answer(connection: socket.socket) -> tuple[int, bytes]:
    """Status and body of the one answer on ``connection``, read as far as its Content-Length: granian
    keeps open a connection whose body stopped coming (hyper waits for the rest), so only the answer
    is prompt, not the close."""
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = connection.recv(65536)
        assert chunk, f"the server closed the connection without an answer: {received!r}"
        received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    length = re.search(rb"(?im)^content-length: *(\d+)\r?$", head)
    assert length, head
    while len(body) < int(length[1]):
        chunk = connection.recv(65536)
        assert chunk, f"the server closed the connection within the answer: {body!r}"
        body += chunk
    return int(head.split(b" ", 2)[1]), body


def _incomplete_fault(body: bytes) -> str:
    no_traceback(body)
    fault = fault_of(payload(body, SOAP_11), SOAP_11)
    assert fault.code == "Client"
    return fault.reason


def test_a_body_that_stops_coming_is_answered_as_incomplete(server: MockProcess) -> None:
    with _connect(server) as connection:
        connection.sendall(_post_head(PWS_ENDPOINT.path) + STARTED)
        started = time.monotonic()
        status, body = _answer(connection)
    waited = time.monotonic() - started
    assert status == 500
    assert _incomplete_fault(body) == (
        f"The request body is incomplete: the {ANNOUNCED:,} bytes its Content-Length announced did not come "
        f"before the connection closed or went quiet for {READ_TIMEOUT:g} s."
    )
    assert READ_TIMEOUT * 0.9 < waited < READ_TIMEOUT + 5


def test_a_body_shorter_than_its_content_length_is_answered_as_incomplete(server: MockProcess) -> None:
    with _connect(server) as connection:
        connection.sendall(_post_head(PWS_ENDPOINT.path) + STARTED)
        connection.shutdown(socket.SHUT_WR)
        status, body = _answer(connection)
    assert status == 500
    assert _incomplete_fault(body) == (
        f"The request body ended after {len(STARTED)} of the {ANNOUNCED:,} bytes its Content-Length announced."
    )


@contextmanager
def _stalled_clients(server: MockProcess, sent: bytes) -> Iterator[list[socket.socket]]:
    """STALLED_CLIENTS clients, each stopped after ``sent``; meanwhile the server
    still answers another client at once. Yields their connections."""
    stalled = [_connect(server) for _ in range(STALLED_CLIENTS)]
    try:
        for connection in stalled:
            connection.sendall(sent)
        time.sleep(0.1)
        answer = requests.post(
            server.url + PWS_ENDPOINT.path,
            data=pws_authenticate(),
            headers=PWS_ENDPOINT.headers("PwsAuthenticate"),
            timeout=READ_TIMEOUT * 20,
        )
        assert answer.status_code == 200, answer.text[:500]
        yield stalled
    finally:
        for connection in stalled:
            connection.close()


def test_stalled_clients_leave_the_server_answering(server: MockProcess) -> None:
    with _stalled_clients(server, _post_head(PWS_ENDPOINT.path) + STARTED) as stalled:
        for connection in stalled:
            status, body = _answer(connection)
            assert status == 500
            assert _incomplete_fault(body).startswith("The request body is incomplete")


def test_an_admin_body_that_stops_coming_is_a_408(server: MockProcess) -> None:
    with _connect(server) as connection:
        connection.sendall(
            b"PUT /__admin/tenants/default/clock HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100\r\n\r\n{"frozenAt":'
        )
        status, body = _answer(connection)
    assert status == 408
    assert b"The request body did not all come." in body


def test_a_request_line_that_stops_coming_is_dropped(server: MockProcess) -> None:
    """Before the headers end there is no request to answer: the connection is closed."""
    with _connect(server) as connection:
        connection.sendall(STALLED_HEAD)
        started = time.monotonic()
        assert connection.recv(65536) == b""
    assert time.monotonic() - started < READ_TIMEOUT + 5


def test_clients_stalling_in_their_headers_leave_the_server_answering(server: MockProcess) -> None:
    """They hung `--workers` before its listening sockets carried the read timeout."""
    with _stalled_clients(server, STALLED_HEAD) as stalled:
        assert all(connection.recv(65536) == b"" for connection in stalled)


def test_a_stalled_client_leaves_the_workers_log_quiet(workers: MockProcess, workers_log: Path) -> None:
    """A client that stops sending is no error of the mock's: granian drops it without a line."""
    with _connect(workers) as connection:
        connection.sendall(STALLED_HEAD)
        assert connection.recv(65536) == b""
    time.sleep(0.2)
    assert workers_log.read_text() == ""
