"""The admin API under /__admin: tenants, datasets and snapshots, clock, request journal, fault rules,
and the vendors' own settings (Projector's rate limiter, TimePunch's cloud).

Shaped after WireMock's where the meaning matches (``/__admin/requests``, ``/count``, ``/find``,
``/reset``, ``/health``, camelCase keys, lists under a named key with ``meta.total``, errors as
``{"errors": [{"code", "title", "detail", "source": {"pointer"}}]}``, 422 for a bad body, 404 for
an unknown id); what WireMock lacks gets a sub-resource of its own under ``/__admin/tenants/{tenant}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from werkzeug.exceptions import ClientDisconnected, HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from mockserver.admin import page, snapshots
from mockserver.projector import rate_limits
from mockserver.state import clock, faults, journal, reading
from mockserver.state.database import Database, store_errors
from mockserver.state.tenants import StoreUnavailable, TenantRegistry, UnknownTenantName, check_tenant_name
from mockserver.timepunch.data import deposit_in_cloud

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

PREFIX = "/__admin"


class AdminError(Exception):
    """An answer in WireMock's error shape."""

    def __init__(self, status: int, title: str, detail: str, pointer: str | None = None) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.pointer = status, title, detail, pointer

    def response(self) -> Response:
        error: dict[str, Any] = {"code": self.status, "title": self.title, "detail": self.detail}
        if self.pointer:
            error["source"] = {"pointer": self.pointer}
        return _json({"errors": [error]}, self.status)


def _json(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, indent=1), status, content_type="application/json")


def _body(request: Request) -> dict[str, Any]:
    try:
        if not request.get_data():
            return {}
    except (TimeoutError, ClientDisconnected):  # werkzeug's word for both a timeout and a closed connection
        raise AdminError(408, "Request timeout", "The request body did not all come.") from None
    try:
        data = json.loads(request.get_data(as_text=True))
    except json.JSONDecodeError as error:
        raise AdminError(422, "Malformed JSON", f"{error.msg} at line {error.lineno}, column {error.colno}") from None
    if not isinstance(data, dict):
        raise AdminError(422, "Invalid body", "The body must be a JSON object.", "/")
    return data


def _warned(value: Any) -> bool | None:
    """The ``warned`` filter: a JSON boolean in a body, ``true`` or ``false`` in a query."""
    if value is None or isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return bool(value == "true")
    raise AdminError(422, "Invalid filter", f"'warned' is true or false, not {value!r}.", "/warned")


def _instant(value: Any, pointer: str) -> datetime:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise AdminError(422, "Invalid instant", f"{value!r} is not an ISO 8601 instant.", pointer) from None


Route = Callable[..., Response]


class AdminApi:
    """The admin WSGI application, mounted under /__admin by the mock server."""

    def __init__(
        self, tenants: TenantRegistry, endpoints: Iterable[str], read_timeout: float, strict_requests: bool = False
    ) -> None:
        self.tenants = tenants
        self.endpoints = list(endpoints)
        self.read_timeout = read_timeout
        """Seconds: the longest a delay fault rule may hold a call back (see faults.add)."""
        self.strict_requests = strict_requests
        """The server's reading of requests that leave the contract (``serve --strict``); a tenant may have its own."""
        self.routes = Map(
            [
                Rule("/", endpoint="page", methods=["GET"]),
                Rule("/health", endpoint="health", methods=["GET"]),
                Rule("/version", endpoint="version", methods=["GET"]),
                Rule("/reset", endpoint="reset_all", methods=["POST"]),
                Rule("/tenants", endpoint="list_tenants", methods=["GET"]),
                Rule("/tenants", endpoint="create_tenant", methods=["POST"]),
                Rule("/tenants/<tenant>", endpoint="delete_tenant", methods=["DELETE"]),
                Rule("/tenants/<tenant>/reset", endpoint="reset_tenant", methods=["POST"]),
                Rule("/tenants/<tenant>/snapshot", endpoint="export_snapshot", methods=["GET"]),
                Rule("/tenants/<tenant>/snapshot", endpoint="import_snapshot", methods=["PUT"]),
                Rule("/tenants/<tenant>/dataset", endpoint="load_dataset", methods=["PUT"]),
                Rule("/tenants/<tenant>/clock", endpoint="get_clock", methods=["GET"]),
                Rule("/tenants/<tenant>/clock", endpoint="set_clock", methods=["PUT"]),
                Rule("/tenants/<tenant>/clock/advance", endpoint="advance_clock", methods=["POST"]),
                Rule("/tenants/<tenant>/clock/run", endpoint="run_clock", methods=["POST"]),
                Rule("/tenants/<tenant>/reading", endpoint="get_reading", methods=["GET"]),
                Rule("/tenants/<tenant>/reading", endpoint="set_reading", methods=["PUT"]),
                Rule("/tenants/<tenant>/faults", endpoint="list_faults", methods=["GET"]),
                Rule("/tenants/<tenant>/faults", endpoint="add_fault", methods=["POST"]),
                Rule("/tenants/<tenant>/faults", endpoint="clear_faults", methods=["DELETE"]),
                Rule("/tenants/<tenant>/faults/<int:rule_id>", endpoint="remove_fault", methods=["DELETE"]),
                Rule("/tenants/<tenant>/projector/rate-limits", endpoint="get_rate_limits", methods=["GET"]),
                Rule("/tenants/<tenant>/projector/rate-limits", endpoint="set_rate_limits", methods=["PUT"]),
                Rule("/tenants/<tenant>/timepunch/cloud", endpoint="deposit_cloud_entry", methods=["POST"]),
                Rule("/requests", endpoint="list_requests", methods=["GET"]),
                Rule("/requests", endpoint="clear_requests", methods=["DELETE"]),
                Rule("/requests/find", endpoint="find_requests", methods=["POST"]),
                Rule("/requests/count", endpoint="count_requests", methods=["POST"]),
            ],
            strict_slashes=False,
        )

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        request = Request(environ)
        try:
            endpoint, arguments = self.routes.bind_to_environ(environ).match()
            response: Response = getattr(self, endpoint)(request, **arguments)
        except AdminError as error:
            response = error.response()
        except UnknownTenantName as error:
            response = AdminError(404, "Unknown tenant", str(error)).response()
        except StoreUnavailable as error:
            response = AdminError(503, "Store unavailable", str(error)).response()
        except HTTPException as error:
            response = AdminError(error.code or 500, error.name, error.description or "").response()
        return response(environ, start_response)

    # -- helpers ------------------------------------------------------------------------------------

    def _existing(self, tenant: str) -> str:
        if check_tenant_name(tenant) not in self.tenants.names():
            raise AdminError(404, "Unknown tenant", f"No tenant is named {tenant!r}.")
        return tenant

    def _filters(self, request: Request, body: dict[str, Any] | None = None) -> dict[str, Any]:
        source = body if body is not None else request.args
        filters = {key: source.get(key) for key in ("tenant", "operation", "since", "verdict")}
        if filters["since"] is not None:
            _instant(filters["since"], "/since")
        filters["warned"] = _warned(source.get("warned"))
        return filters

    def _entries(self, filters: dict[str, Any]) -> list[journal.JournalEntry]:
        names = [filters["tenant"]] if filters.get("tenant") else self.tenants.names()
        entries = []
        for name in names:
            with self.tenants.get(self._existing(name)).transaction() as db:
                entries += journal.find(
                    db, name, filters["operation"], filters["since"], filters["verdict"], filters["warned"]
                )
        return sorted(entries, key=lambda entry: entry.logged_at)

    # -- server -------------------------------------------------------------------------------------

    def page(self, request: Request) -> Response:
        return Response(page.HTML, content_type="text/html; charset=utf-8")

    def health(self, request: Request) -> Response:
        """Healthy while the tenants' store answers (503 when it does not: a load balancer takes the replica out)."""
        store = self.tenants.describe()
        healthy = store["reachable"]
        body = {"status": "healthy" if healthy else "unhealthy", "endpoints": self.endpoints, "store": store}
        return _json(body, 200 if healthy else 503)

    def version(self, request: Request) -> Response:
        from mockserver.version import version  # here: start-up need not read the installed distributions

        return _json({"version": version()})

    def reset_all(self, request: Request) -> Response:
        """Every tenant back to the dataset (WireMock's /reset)."""
        for name in self.tenants.names():
            self.tenants.reset(name)
        return _json({"tenants": self.tenants.names()})

    # -- tenants ------------------------------------------------------------------------------------

    def list_tenants(self, request: Request) -> Response:
        names = self.tenants.names()
        return _json({"tenants": [{"name": name} for name in names], "meta": {"total": len(names)}})

    def create_tenant(self, request: Request) -> Response:
        name = _body(request).get("name")
        if not isinstance(name, str):
            raise AdminError(422, "Invalid body", "'name' (a string) is required.", "/name")
        try:
            check_tenant_name(name)
        except UnknownTenantName as error:
            raise AdminError(422, "Invalid tenant name", str(error), "/name") from None
        created = name not in self.tenants.names()
        self.tenants.get(name)
        return _json({"name": name}, 201 if created else 200)

    def delete_tenant(self, request: Request, tenant: str) -> Response:
        if not self.tenants.delete(self._existing(tenant)):
            raise NotFound()
        return Response(status=204)

    def reset_tenant(self, request: Request, tenant: str) -> Response:
        self.tenants.reset(self._existing(tenant))
        return _json({"name": tenant})

    def export_snapshot(self, request: Request, tenant: str) -> Response:
        with self.tenants.get(self._existing(tenant)).transaction() as db:
            return _json(snapshots.export(db))

    def import_snapshot(self, request: Request, tenant: str) -> Response:
        snapshot = _body(request)
        with self.tenants.get(tenant).transaction() as db:
            try:
                snapshots.restore(db, snapshot)
                rate_limits.settings(db)  # a settings row this version cannot read is refused here, not per call
            except store_errors(ValueError) as error:
                raise AdminError(422, "Invalid snapshot", str(error)) from None
        return _json({"name": tenant})

    def load_dataset(self, request: Request, tenant: str) -> Response:
        """Replace the tenant's vendor data with a dataset (the tenant's journal and clock are kept)."""
        dataset = _body(request)
        with self.tenants.get(tenant).transaction() as db:
            try:
                snapshots.replace_data(db, dataset)
            except store_errors(ValueError) as error:
                raise AdminError(422, "Invalid dataset", str(error)) from None
        return _json({"name": tenant})

    # -- clock --------------------------------------------------------------------------------------

    def _clock(self, db: Database) -> Response:
        frozen = db.execute("SELECT frozen_at IS NOT NULL FROM clock").fetchone()[0]
        return _json({"now": clock.now(db).isoformat(), "frozen": bool(frozen)})

    def get_clock(self, request: Request, tenant: str) -> Response:
        with self.tenants.get(self._existing(tenant)).transaction() as db:
            return self._clock(db)

    def set_clock(self, request: Request, tenant: str) -> Response:
        instant = _instant(_body(request).get("now"), "/now")
        with self.tenants.get(tenant).transaction() as db:
            clock.freeze(db, instant)
            return self._clock(db)

    def advance_clock(self, request: Request, tenant: str) -> Response:
        seconds = _body(request).get("seconds")
        if not isinstance(seconds, int | float):
            raise AdminError(422, "Invalid body", "'seconds' (a number) is required.", "/seconds")
        with self.tenants.get(self._existing(tenant)).transaction() as db:
            clock.advance(db, timedelta(seconds=seconds))
            return self._clock(db)

    def run_clock(self, request: Request, tenant: str) -> Response:
        with self.tenants.get(self._existing(tenant)).transaction() as db:
            clock.run(db)
            return self._clock(db)

    # -- reading requests that leave the contract ---------------------------------------------------

    def _reading(self, db: Database) -> Response:
        own = reading.strict(db)
        return _json({"strict": own, "effectiveStrict": self.strict_requests if own is None else own})

    def get_reading(self, request: Request, tenant: str) -> Response:
        with self.tenants.get(self._existing(tenant)).transaction() as db:
            return self._reading(db)

    def set_reading(self, request: Request, tenant: str) -> Response:
        """The tenant's own ``strict``: true refuses every departure, false reads as the vendor, null as the server."""
        body = _body(request)
        shape = 'The body is {"strict": true, false or null}.'
        unknown = sorted(set(body) - {"strict"})
        if unknown:
            raise AdminError(422, "Invalid body", f"{shape} {unknown[0]!r} is not a setting.", f"/{unknown[0]}")
        if "strict" not in body or not isinstance(body["strict"], bool | None):
            raise AdminError(422, "Invalid body", shape, "/strict")
        with self.tenants.get(tenant).transaction() as db:
            reading.set_strict(db, body["strict"])
            return self._reading(db)

    # -- fault rules --------------------------------------------------------------------------------

    def list_faults(self, request: Request, tenant: str) -> Response:
        with self.tenants.get(self._existing(tenant)).transaction() as db:
            found = faults.rules(db)
        return _json({"faults": [rule.as_json() for rule in found], "meta": {"total": len(found)}})

    def add_fault(self, request: Request, tenant: str) -> Response:
        spec = _body(request)
        with self.tenants.get(tenant).transaction() as db:
            try:
                rule = faults.add(db, spec, longest_delay=self.read_timeout)
            except faults.InvalidFaultRule as error:
                raise AdminError(422, "Invalid fault rule", str(error)) from None
        return _json(rule.as_json(), 201)

    def clear_faults(self, request: Request, tenant: str) -> Response:
        with self.tenants.get(self._existing(tenant)).transaction() as db:
            faults.remove(db)
        return Response(status=204)

    def remove_fault(self, request: Request, tenant: str, rule_id: int) -> Response:
        with self.tenants.get(self._existing(tenant)).transaction() as db:
            if not faults.remove(db, rule_id):
                raise AdminError(404, "Unknown fault rule", f"Tenant {tenant} has no fault rule {rule_id}.")
        return Response(status=204)

    # -- Projector's rate limiter -------------------------------------------------------------------

    def get_rate_limits(self, request: Request, tenant: str) -> Response:
        with self.tenants.get(self._existing(tenant)).transaction() as db:
            return _json(rate_limits.settings(db).as_json())

    def set_rate_limits(self, request: Request, tenant: str) -> Response:
        """Change some of the limiter's settings (enabled, mode, windowSeconds, *Limit, warningPercent)."""
        changes = _body(request)
        with self.tenants.get(tenant).transaction() as db:
            try:
                return _json(rate_limits.configure(db, changes).as_json())
            except rate_limits.InvalidRateLimits as error:
                raise AdminError(422, "Invalid rate limits", str(error)) from None

    # -- TimePunch's cloud --------------------------------------------------------------------------

    def deposit_cloud_entry(self, request: Request, tenant: str) -> Response:
        """A device leaves a time entry (a TimeEntrySaveDto as JSON) in the simulated TimePunch Cloud."""
        body = _body(request)
        device, entry = body.get("device"), body.get("entry")
        if not isinstance(device, str) or not isinstance(entry, dict):
            raise AdminError(422, "Invalid body", "'device' (name or id) and 'entry' (an object) are required.")
        with self.tenants.get(self._existing(tenant)).transaction() as db:
            found = db.execute("SELECT id FROM tp_device WHERE id = ? OR name = ?", (device, device)).fetchone()
            if found is None:
                raise AdminError(404, "Unknown device", f"No connected device is named or identified {device!r}.")
            deposit_in_cloud(db, found["id"], entry)
        return _json({"device": found["id"]}, 201)

    # -- request journal ----------------------------------------------------------------------------

    def list_requests(self, request: Request) -> Response:
        entries = self._entries(self._filters(request))
        return _json({"requests": [entry.as_json() for entry in entries], "meta": {"total": len(entries)}})

    def find_requests(self, request: Request) -> Response:
        entries = self._entries(self._filters(request, _body(request)))
        return _json({"requests": [entry.as_json() for entry in entries]})

    def count_requests(self, request: Request) -> Response:
        return _json({"count": len(self._entries(self._filters(request, _body(request))))})

    def clear_requests(self, request: Request) -> Response:
        tenant = request.args.get("tenant")
        for name in [tenant] if tenant else self.tenants.names():
            with self.tenants.get(self._existing(name)).transaction() as db:
                journal.clear(db)
        return Response(status=204)
