"""The WSGI application: every vendor endpoint on one port, under its vendor path.

A client picks its tenant by URL (``/tenants/{name}/<endpoint>``: the WSDL served there names
that prefixed address, so a generated client stays in its tenant) or by the ``X-Mock-Tenant``
header; neither means tenant ``default``. Paths match case-insensitively, as on IIS.
"""

from __future__ import annotations

import re
import socket
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from werkzeug.wrappers import Request, Response

from mockserver import fixtures
from mockserver.admin.api import PREFIX as ADMIN_PREFIX
from mockserver.admin.api import AdminApi
from mockserver.projector import ops, pws, rate_limits
from mockserver.settings import Settings
from mockserver.soap.service import TENANT_ENVIRON_KEY, SoapEndpoint
from mockserver.state import MOCK_SCHEMA, datasets
from mockserver.state.tenants import TenantRegistry, UnusableStore
from mockserver.timepunch import sync

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

SERVICES = (pws.SERVICE, ops.SERVICE, sync.SERVICE)
"""Every vendor service the mock serves, each at its vendor path."""
_TENANT_PREFIX = re.compile(r"^/tenants/(?P<tenant>[^/]+)(?P<rest>/.*)$")


def build_template(settings: Settings) -> TenantRegistry:
    """The tenant registry, its template built once from the dataset the settings name."""
    dataset = (
        fixtures.load_dataset_file(settings.dataset) if settings.dataset else fixtures.default_dataset(settings.seed)
    )

    def build(db: sqlite3.Connection) -> None:
        db.executescript(MOCK_SCHEMA + pws.SCHEMA_SQL + sync.SCHEMA_SQL)
        datasets.insert(db, dataset)
        if not settings.rate_limits:
            rate_limits.configure(db, {"enabled": False})

    if settings.store is None:
        return TenantRegistry(build, settings.state_dir)
    try:
        from mockserver.state.postgres import PostgresTenantRegistry  # psycopg: only a PostgreSQL store needs it
    except ImportError:
        raise UnusableStore(
            "--store needs the PostgreSQL driver: pip install 'timecard-mockserver[postgresql]'"
        ) from None
    return PostgresTenantRegistry(build, settings.store, settings.read_timeout)


class MockServer:
    """Dispatches a request to the endpoint its path names, within the tenant its URL names."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.tenants = build_template(settings)
        self.endpoints: dict[str, SoapEndpoint] = {
            service.path: service.endpoint(
                self.tenants,
                settings.max_request_bytes,
                settings.strict_responses,
                settings.read_timeout,
                settings.strict_requests,
            )
            for service in SERVICES
        }
        self._by_path = {path.lower(): endpoint for path, endpoint in self.endpoints.items()}
        self.admin = AdminApi(self.tenants, self.endpoints, settings.read_timeout, settings.strict_requests)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        _limit_reads(environ, self.settings.read_timeout)
        path = environ.get("PATH_INFO", "")
        if path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/"):
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + ADMIN_PREFIX
            environ["PATH_INFO"] = path[len(ADMIN_PREFIX) :] or "/"
            return self.admin(environ, start_response)
        match = _TENANT_PREFIX.match(path)
        if match:
            environ[TENANT_ENVIRON_KEY] = match["tenant"]
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + path[: match.start("rest")]
            environ["PATH_INFO"] = path = match["rest"]
        endpoint = self._by_path.get(path.lower().rstrip("/"))
        if endpoint is None:
            return self.not_found(Request(environ))(environ, start_response)
        return endpoint(environ, start_response)

    def not_found(self, request: Request) -> Response:
        known = "\n".join(f"  {request.host_url.rstrip('/')}{path}?wsdl" for path in self.endpoints)
        return Response(f"No endpoint at {request.path}. Endpoints:\n{known}\n", 404, content_type="text/plain")


def _limit_reads(environ: WSGIEnvironment, seconds: float) -> None:
    """Bound each read of the request on werkzeug's socket, which its server puts in the environ
    (granian's workers bound theirs in mockserver.rsgi)."""
    connection = environ.get("werkzeug.socket")
    if isinstance(connection, socket.socket):
        connection.settimeout(seconds)


def create_app(settings: Settings | None = None) -> MockServer:
    """The mock as a WSGI application."""
    return MockServer(settings or Settings())
