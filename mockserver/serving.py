"""Running the mock: werkzeug's threaded server by default, gunicorn's workers for load.

With ``workers`` > 1 every process serves the same WSGI app, and the tenants' SQLite files under
``state_dir`` (a temporary directory when none is given) are what they share: one transaction
per request keeps them correct across processes, as it does across threads.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import signal
import socket
import struct
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from werkzeug.serving import WSGIRequestHandler, make_server

from mockserver import fixtures
from mockserver.app import MockServer, create_app
from mockserver.report import write_report
from mockserver.settings import Settings


def banner(app: MockServer, base: str) -> str:
    """What `mockserver serve` prints: endpoints, WSDL addresses, the tenant URL form, a demo login."""
    lines = [f"timecard-mockserver listening on {base}"]
    for path, endpoint in app.endpoints.items():
        lines.append(f"  {endpoint.contract.wsdl_path.stem:<12} {base}{path}")
        lines.append(f"  {'':<12} WSDL: {base}{path}?wsdl")
    lines.append(f"  per-tenant:  {base}/tenants/<name>{next(iter(app.endpoints))} (or header X-Mock-Tenant)")
    lines.append(f"  admin:       {base}/__admin (journal page: {base}/__admin/)")
    lines.append(
        f"  demo login:  AccountCode={fixtures.DEMO_ACCOUNT} UserName={fixtures.DEMO_USER} "
        f"Password={fixtures.DEMO_PASSWORD}"
    )
    return "\n".join(lines)


class CannotListen(Exception):
    """An address the server cannot listen on: a host name that does not resolve, a port in use."""


def check_address(host: str, port: int) -> None:
    """Bind ``host``:``port`` once and let it go, so that a bad address is said in one line: werkzeug
    prints lines of its own and exits, and gunicorn retries for seconds before it gives up."""
    try:
        family, kind, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as both servers bind
            probe.bind(address)
    except OSError as error:
        raise CannotListen(f"cannot listen on {host}:{port}: {error.strerror}") from None


def serve_threaded(settings: Settings, host: str, port: int, report: Path | None = None) -> None:
    check_address(host, port)
    app = create_app(settings)
    server = make_server(host, port, app, threaded=True, request_handler=_timed_handler(settings.read_timeout))
    print(banner(app, f"http://{host}:{server.server_port}"), flush=True)
    signal.signal(signal.SIGTERM, _stop)
    if report is not None:
        threading.Thread(target=_keep_writing, args=(app, report), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if report is not None:
            write_report(app.tenants, report)


def _timed_handler(seconds: float) -> type[WSGIRequestHandler]:
    """werkzeug's handler with a timeout on its socket from the first byte: a client stalling in its
    request line or headers (before the app can bound the reads) holds its thread no longer either."""
    return type("TimedRequestHandler", (WSGIRequestHandler,), {"timeout": seconds})


def _bound_socket_io(listener: socket.socket, seconds: float) -> None:
    """Give every connection ``listener`` accepts a kernel timeout on each read and write.

    gunicorn's threads read a request's line and headers in blocking mode with no timeout of their
    own, before the app can bound the reads: a client stalling there held a thread until it went
    away, and a few such clients hung every worker. Linux copies SO_RCVTIMEO and SO_SNDTIMEO from
    the listening socket to each accepted one, and gunicorn's switches between blocking and
    non-blocking mode leave them alone: a stalled read fails after ``seconds`` and gunicorn closes
    the connection."""
    whole, fraction = divmod(seconds, 1)
    bound = struct.pack("ll", int(whole), int(fraction * 1_000_000))
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, bound)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, bound)


def _one_line_for_stalled_clients(record: logging.LogRecord) -> bool:
    """gunicorn logs a read or write cut short by that bound as a socket error with its traceback;
    a client that stopped sending is no error of the mock's, so one warning line says it."""
    error = record.exc_info[1] if record.exc_info else None
    if isinstance(error, BlockingIOError):
        record.msg, record.args, record.exc_info = (
            "A client stopped sending or reading; its connection was closed.",
            (),
            None,
        )
        record.levelno, record.levelname = logging.WARNING, "WARNING"
    return True


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM ends `serve` as Ctrl-C does: the report is written last


def _keep_writing(app: MockServer, report: Path, every: float = 1.0) -> None:
    """Keep the report current while serving, so a reader never needs the mock to stop first."""
    while True:
        write_report(app.tenants, report)
        time.sleep(every)


def serve_workers(settings: Settings, host: str, port: int, workers: int, threads: int = 4) -> None:
    """Serve with gunicorn: ``workers`` processes of ``threads`` threads each, sharing state files."""
    from gunicorn.app.base import BaseApplication  # imported here: only --workers needs it

    check_address(host, port)
    if settings.state_dir is None:
        shared = Path(tempfile.mkdtemp(prefix="mockserver-state-"))
        atexit.register(shutil.rmtree, shared, ignore_errors=True)
        settings = replace(settings, state_dir=shared)

    app = create_app(settings)  # here, before gunicorn starts: a state dir it cannot use ends `serve` plainly

    def when_ready(server: Any) -> None:
        for listener in server.LISTENERS:
            _bound_socket_io(listener.sock, settings.read_timeout)
        logging.getLogger("gunicorn.error").addFilter(_one_line_for_stalled_clients)
        bound_host, bound_port = server.LISTENERS[0].sock.getsockname()[:2]
        print(banner(app, f"http://{bound_host}:{bound_port}"), flush=True)

    class Gunicorn(BaseApplication):  # type: ignore[misc] # gunicorn is untyped
        def load_config(self) -> None:
            options: dict[str, Any] = {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "when_ready": when_ready,
                "accesslog": None,
                "loglevel": "warning",
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Callable[..., Any]:
            return create_app(settings)

    Gunicorn().run()
