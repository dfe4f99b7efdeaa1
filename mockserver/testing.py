"""The mock for client developers' test suites: a server to run, and a tenant to test against.

:class:`RunningMockServer` starts the mock in a background thread on a free port (well under a
second) or stands for one already running (``MOCKSERVER_URL``); :class:`MockTenant` is one
isolated tenant of it, with the verbs a test needs: the endpoint URLs its client takes, the
clock, the journal, fault rules, datasets. Everything goes through the admin API over HTTP, so a
tenant of a shared server (several pytest-xdist workers, a CI service) behaves the same.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
import uuid
from datetime import datetime
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from mockserver.app import create_app
from mockserver.settings import Settings


class _QuietRequestHandler(WSGIRequestHandler):
    """No access log: the journal keeps the calls, and a test's output stays the test's."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class MockServerError(AssertionError):
    """The admin API refused a test's request, or a journal assertion failed."""


def _refusal(body: bytes) -> str:
    """What the admin API said in refusing, in one line: each error's ``title: detail``."""
    try:
        return "; ".join(f"{error['title']}: {error['detail']}" for error in json.loads(body)["errors"])
    except (ValueError, LookupError, TypeError):  # not the admin API's error shape (a proxy's page, say)
        return body.decode(errors="replace")


class RunningMockServer:
    """A mock server for a test session: started here, or the one at ``url``."""

    def __init__(
        self, settings: Settings | None = None, host: str = "127.0.0.1", port: int = 0, url: str | None = None
    ):
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        if url is None:
            app = create_app(settings)
            self._server = make_server(host, port, app, threaded=True, request_handler=_QuietRequestHandler)
            self._thread = threading.Thread(target=self._server.serve_forever, name="mockserver", daemon=True)
            self._thread.start()
            url = f"http://{host}:{self._server.server_port}"
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"{url!r} is not an http(s) URL of a mock server")
        self.url = url.rstrip("/")
        self.services: dict[str, str] = {
            path.rsplit("/", 1)[-1].split(".")[0].lower(): path for path in self.admin("GET", "/health")["endpoints"]
        }
        """Endpoint paths by short name: pwsprojectorservices, opsprojectorsvc, tpsync."""

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        """Call the admin API; its JSON answer (None for 204), or :class:`MockServerError` with its errors."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(  # noqa: S310 - self.url is checked to be http(s) at construction
            f"{self.url}/__admin{path}", data=data, method=method, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310 - see above
                payload = answer.read()
        except urllib.error.HTTPError as error:
            raise MockServerError(f"{method} /__admin{path}: {error.code} {_refusal(error.read())}") from None
        return json.loads(payload) if payload else None

    def tenant(self, name: str | None = None) -> MockTenant:
        """A tenant of its own (a new name unless given), starting from the dataset."""
        name = name or f"t-{uuid.uuid4().hex[:16]}"
        self.admin("POST", "/tenants", {"name": name})
        return MockTenant(self, name)


class MockTenant:
    """One tenant: its own cards, sessions, clock, journal and fault rules."""

    def __init__(self, server: RunningMockServer, name: str) -> None:
        self.server = server
        self.name = name

    def url(self, service: str) -> str:
        """The endpoint address a client takes: ``pws``, ``ops`` or ``tpsync`` (or the endpoint's path)."""
        aliases = {"pws": "pwsprojectorservices", "ops": "opsprojectorsvc"}
        path = self.server.services.get(aliases.get(service, service).lower(), service)
        return f"{self.server.url}/tenants/{self.name}{path}"

    def wsdl(self, service: str) -> str:
        return f"{self.url(service)}?wsdl"

    def _admin(self, method: str, path: str, body: Any = None) -> Any:
        return self.server.admin(method, f"/tenants/{self.name}{path}", body)

    # -- state ----------------------------------------------------------------------------------

    def reset(self) -> None:
        self._admin("POST", "/reset")

    def delete(self) -> None:
        self.server.admin("DELETE", f"/tenants/{self.name}")

    def snapshot(self) -> dict[str, list[dict[str, Any]]]:
        snapshot: dict[str, list[dict[str, Any]]] = self._admin("GET", "/snapshot")
        return snapshot

    def restore(self, snapshot: dict[str, list[dict[str, Any]]]) -> None:
        self._admin("PUT", "/snapshot", snapshot)

    def load_dataset(self, dataset: dict[str, list[dict[str, Any]]]) -> None:
        self._admin("PUT", "/dataset", dataset)

    def deposit_in_cloud(self, device: str, entry: dict[str, Any]) -> None:
        """A TimePunch device leaves a time entry in the cloud, for the next PullAndSyncConnectedDevices."""
        self._admin("POST", "/timepunch/cloud", {"device": device, "entry": entry})

    def set_strict(self, strict: bool | None) -> dict[str, Any]:
        """Refuse every request that leaves the contract (True), read it as the vendor's runtime does, each
        departure a warning (False), or as the server does (None); the tenant's setting and the one in force."""
        reading: dict[str, Any] = self._admin("PUT", "/reading", {"strict": strict})
        return reading

    def set_rate_limits(self, **settings: Any) -> dict[str, Any]:
        """Change Projector's rate limiter (``enabled``, ``mode``, ``windowSeconds``, ``installationLimit``,
        ``userLimit``, ``sessionLimit``, ``warningPercent``); the settings now in force. It is on by
        default, as on the vendor's servers: a load test of one session switches it off."""
        changed: dict[str, Any] = self._admin("PUT", "/projector/rate-limits", settings)
        return changed

    # -- clock ----------------------------------------------------------------------------------

    def set_clock(self, instant: datetime | str) -> None:
        """Stop the tenant's clock at ``instant`` (every "now" of the mock comes from it)."""
        self._admin("PUT", "/clock", {"now": instant.isoformat() if isinstance(instant, datetime) else instant})

    def advance_clock(self, seconds: float) -> None:
        self._admin("POST", "/clock/advance", {"seconds": seconds})

    # -- fault rules ----------------------------------------------------------------------------

    def add_fault(self, kind: str, operation: str = "*", **parameters: Any) -> int:
        """A fault rule (kind: delay, soap-fault, http-status, drop, malformed, vendor-error); its id."""
        rule: dict[str, Any] = self._admin("POST", "/faults", {"kind": kind, "operation": operation, **parameters})
        return int(rule["id"])

    def force_error(self, operation: str, code: str | int, count: int = 1) -> int:
        """Answer the next ``count`` calls of ``operation`` with the vendor's error ``code`` (or number)."""
        return self.add_fault("vendor-error", operation, code=str(code), count=count)

    def remove_faults(self) -> None:
        self._admin("DELETE", "/faults")

    # -- journal --------------------------------------------------------------------------------

    def journal(
        self, operation: str | None = None, verdict: str | None = None, warned: bool | None = None
    ) -> list[dict[str, Any]]:
        """The calls this tenant received, oldest first, as the admin API lists them (``warned``: those that
        drew warnings, or those that drew none)."""
        found: list[dict[str, Any]] = self.server.admin(
            "POST",
            "/requests/find",
            {"tenant": self.name, "operation": operation, "verdict": verdict, "warned": warned},
        )["requests"]
        return found

    def count(self, operation: str | None = None, verdict: str | None = None) -> int:
        return int(
            self.server.admin(
                "POST", "/requests/count", {"tenant": self.name, "operation": operation, "verdict": verdict}
            )["count"]
        )

    def assert_called(self, operation: str, times: int | None = None, verdict: str | None = None) -> None:
        """Like WireMock's verify; a failure lists the calls the tenant did receive."""
        matching = self.journal(operation, verdict)
        if (times is None and matching) or len(matching) == times:
            return
        seen = [f"{entry['operation']} ({entry['verdict']})" for entry in self.journal()]
        expected = f"{times} time(s)" if times is not None else "at least once"
        raise MockServerError(
            f"expected {operation}{f' ({verdict})' if verdict else ''} {expected}, got {len(matching)}; "
            f"tenant {self.name} received: {', '.join(seen) or 'nothing'}"
        )

    def raise_server_errors(self) -> None:
        """Re-raise in the test what went wrong inside the mock (calls it answered as a mock bug)."""
        failures = self.journal(verdict="server-fault")
        if failures:
            raise MockServerError(
                f"the mock answered {len(failures)} call(s) with a Server fault: {failures[0]['response']}"
            )

    def raise_warnings(self) -> None:
        """Fail the test whose calls left the contract: the mock read them as the vendor's runtime does,
        and what that runtime drops silently is the client's bug."""
        warned = self.journal(warned=True)
        if warned:
            listed = "; ".join(
                f"{entry['operation']}: {warning['path']}: {warning['reason']}"
                for entry in warned
                for warning in entry["warnings"]
            )
            raise MockServerError(
                f"{len(warned)} call(s) left the contract, and the mock read past it as the vendor would: {listed} "
                "(mark the test mockserver_allow_warnings to allow it)"
            )
