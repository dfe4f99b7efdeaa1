"""Running the mock: werkzeug's threaded server by default, granian's workers for load.

With ``workers`` > 1 every process serves the same WSGI app, and the tenants' store is what they
share: the SQLite files under ``state_dir`` (a temporary directory when none is given), or the
PostgreSQL database ``store`` names. One transaction per request keeps them correct across
processes, as it does across threads.
"""

from __future__ import annotations

import atexit
import shutil
import signal
import socket
import tempfile
import threading
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

from werkzeug.serving import WSGIRequestHandler, make_server

from mockserver import fixtures
from mockserver.app import MockServer, create_app
from mockserver.report import write_report
from mockserver.rsgi import WsgiOverRsgi
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
    prints lines of its own and exits, and granian's workers, which bind with SO_REUSEPORT, would
    share a port that another of our servers holds."""
    _bind(host, port, shared=False).close()


def _bind(host: str, port: int, shared: bool) -> socket.socket:
    """A socket bound to ``host``:``port`` as the servers bind (SO_REUSEADDR), with SO_REUSEPORT if
    ``shared``; CannotListen if it cannot be."""
    try:
        family, kind, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        bound = socket.socket(family, kind)
        try:
            bound.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            bound.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, int(shared))
            bound.bind(address)
        except OSError:
            bound.close()
            raise
    except OSError as error:
        raise CannotListen(f"cannot listen on {host}:{port}: {error.strerror}") from None
    return bound


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


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM ends `serve` as Ctrl-C does: the report is written last


def _keep_writing(app: MockServer, report: Path, every: float = 1.0) -> None:
    """Keep the report current while serving, so a reader never needs the mock to stop first."""
    while True:
        write_report(app.tenants, report)
        time.sleep(every)


_LOG_TO_STDERR = {
    "handlers": {
        "console": {"formatter": "generic", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
        "access": {"formatter": "access", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
    }
}
"""granian's log goes to stdout by default, where `serve` prints its banner and nothing else."""


def serve_workers(settings: Settings, host: str, port: int, workers: int) -> None:
    """Serve with granian: ``workers`` processes, each running the app in one thread (rsgi.py says
    why), sharing the tenants' state files."""
    from granian.constants import Interfaces  # imported here: only --workers needs granian
    from granian.http import HTTP1Settings
    from granian.log import LogLevels
    from granian.server import Server

    check_address(host, port)
    with _reserve(host, port) as reserved:
        address, bound_port = reserved.getsockname()[:2]
        if settings.state_dir is None and settings.store is None:  # the workers share the tenants' files
            shared = Path(tempfile.mkdtemp(prefix="mockserver-state-"))
            atexit.register(shutil.rmtree, shared, ignore_errors=True)
            settings = replace(settings, state_dir=shared)
        app = create_app(settings)  # here, before the workers start: a state dir it cannot use ends `serve` plainly
        server = Server(
            "mockserver.app:create_app",  # granian's name for the app; target_loader below builds it
            address=address,
            port=bound_port,
            interface=Interfaces.RSGI,
            workers=workers,
            http1_settings=HTTP1Settings(header_read_timeout=max(1, round(settings.read_timeout * 1000))),
            log_level=LogLevels.warning,
            log_dictconfig=_LOG_TO_STDERR,
        )
        banner_text = banner(app, f"http://{address}:{bound_port}")
        app.tenants.close()  # the workers build their own; the parent holds no connection while they serve
        threading.Thread(target=_announce, args=(address, bound_port, banner_text), daemon=True).start()
        server.serve(target_loader=partial(_rsgi_app, settings), wrap_loader=False)


def _rsgi_app(settings: Settings) -> WsgiOverRsgi:
    """What each worker serves: the mock, built in the worker, under the RSGI adapter."""
    return WsgiOverRsgi(create_app(settings), settings.read_timeout, settings.max_request_bytes)


def _reserve(host: str, port: int) -> socket.socket:
    """A socket bound to ``host``:``port`` (a free port for 0) that granian's workers bind too: each
    binds its own with SO_REUSEPORT, and granian names the port only in its log. Not listening, it
    takes no connections; it keeps the port ours while the workers start."""
    return _bind(host, port, shared=True)


def _announce(address: str, port: int, text: str, every: float = 0.01) -> None:
    """Print the banner once a worker accepts connections, as a reader of it expects."""
    while True:
        try:
            socket.create_connection((address, port), timeout=1).close()
        except OSError:
            time.sleep(every)
            continue
        print(text, flush=True)
        return
