"""Where the features run: the mock in-process (the default, fast), or live endpoints over HTTP.

``pytest --target-url URL`` runs the same scenarios against a server: URL is a base (every
service at its vendor path) or ``service=URL`` for one service (``pws``, ``ops``, ``tpsync``),
repeatable. Every response is checked against our contract whatever the target, so running
the features against a vendor sandbox reports exactly where it and our contract disagree.
When the target is our mock (it answers /__admin/health), each scenario gets a tenant of its
own and the mock's side arranges what the API cannot; a live target without that hook skips
those scenarios, with the reason.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from requests.adapters import HTTPAdapter

from mockserver import fixtures
from mockserver.admin import snapshots
from mockserver.app import MockServer
from mockserver.contract_suite.contract_check import check_response
from mockserver.contract_suite.wsgi_adapter import ResponseCheck, session_for
from mockserver.projector import ops, pws
from mockserver.projector.pws import SCHEMA_SQL as PROJECTOR_SCHEMA
from mockserver.soap.contract import Contract, load_contract
from mockserver.state import MOCK_SCHEMA
from mockserver.state.database import Database, Row
from mockserver.timepunch import sync
from mockserver.timepunch.sync import SCHEMA_SQL as TIMEPUNCH_SCHEMA

IN_PROCESS_BASE = "http://mock.test"
"""Where the in-process mock is reached (nothing listens there; a requests adapter serves it)."""
SERVICES = {"pws": pws.ENDPOINT_PATH, "ops": ops.ENDPOINT_PATH, "tpsync": sync.ENDPOINT_PATH}
CONTRACTS = {"pws": pws.CONTRACT_PATH, "ops": ops.CONTRACT_PATH, "tpsync": sync.CONTRACT_PATH}


def _contract_check(contracts: dict[str, Contract]) -> ResponseCheck:
    """Check a POST's answer against the contract of the endpoint it was sent to."""

    def check(url: str, body: bytes, status: int) -> None:
        path = urlsplit(url).path.lower()
        for service, contract in contracts.items():
            if path.endswith(SERVICES[service].lower()):
                check_response(contract, body, status)

    return check


class _CheckingAdapter(HTTPAdapter):
    """A real HTTP adapter that checks every SOAP answer against our contract."""

    def __init__(self, check: ResponseCheck) -> None:
        super().__init__()
        self.check = check

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        response = super().send(request, **kwargs)
        if request.method == "POST":
            self.check(response.url, response.content, response.status_code)
        return response


@dataclass
class Target:
    """The server the features talk to, and how to reach each service for a tenant."""

    urls: dict[str, str]
    """Endpoint URL (without tenant) by service."""
    session: requests.Session
    is_mock: bool
    app: MockServer | None = None
    contracts: dict[str, Contract] = field(default_factory=dict)

    def address(self, service: str, tenant: str) -> str:
        """The endpoint URL a scenario's client uses: its own tenant's, when the target is our mock."""
        url = self.urls[service]
        if not self.is_mock:
            return url
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}/tenants/{tenant}{parts.path}"

    def admin(self, tenant: str) -> TenantAdmin:
        if self.app is not None:
            return InProcessAdmin(self.app, tenant)
        if self.is_mock:
            parts = urlsplit(next(iter(self.urls.values())))
            return RemoteAdmin(self.session, f"{parts.scheme}://{parts.netloc}", tenant)
        return TenantAdmin(tenant)

    def password(self, user: str, in_dataset: str) -> str:
        """A login's password: TARGET_PASSWORD_<USER> from the environment, else the mock's dataset's
        (``in_dataset``); never read from a file in the repository for a live target."""
        variable = "TARGET_PASSWORD_" + re.sub(r"[^A-Za-z0-9]", "_", user).upper()
        if variable in os.environ:
            return os.environ[variable]
        if not self.is_mock:
            pytest.skip(f"no password for {user} on the live target: set {variable}")
        return in_dataset


PASSWORDS = {user["user_name"]: user["password"] for user in fixtures.projector_dataset()["pr_user"]}
"""The Projector logins of the mock's dataset (the same e-mail may be in two accounts, one password)."""


def in_process(app: MockServer) -> Target:
    contracts = {service: load_contract(path) for service, path in CONTRACTS.items()}
    session = session_for(app, IN_PROCESS_BASE, _contract_check(contracts))
    urls = {service: f"{IN_PROCESS_BASE}{path}" for service, path in SERVICES.items()}
    return Target(urls, session, is_mock=True, app=app, contracts=contracts)


def service_urls(options: list[str]) -> dict[str, str]:
    """Endpoint URL by service from ``--target-url`` values: a base URL, or ``service=URL`` entries."""
    urls: dict[str, str] = {}
    for option in options:
        service, _, url = option.partition("=") if re.match(r"^[a-z]+=", option) else ("", "", option)
        if service:
            if service not in SERVICES:
                raise ValueError(f"--target-url {option}: the services are {', '.join(SERVICES)}")
            urls[service] = url
        else:
            urls.update({name: url.rstrip("/") + path for name, path in SERVICES.items() if name not in urls})
    return urls


def live(options: list[str]) -> Target:
    """A live target from ``--target-url`` values (see :func:`service_urls`)."""
    try:
        urls = service_urls(options)
    except ValueError as error:
        raise pytest.UsageError(str(error)) from None
    contracts = {service: load_contract(path) for service, path in CONTRACTS.items()}
    session = requests.Session()
    adapter = _CheckingAdapter(_contract_check(contracts))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    base = urlsplit(next(iter(urls.values())))
    try:
        health = session.get(f"{base.scheme}://{base.netloc}/__admin/health", timeout=5)
        is_mock = health.ok and "endpoints" in health.json()
    except (requests.RequestException, ValueError):
        is_mock = False
    return Target(urls, session, is_mock=is_mock, contracts=contracts)


class TenantAdmin:
    """The mock's side of a tenant: what a scenario arranges or checks that the API cannot.

    This base class is a live target without that side: scenarios that need it are skipped."""

    def __init__(self, name: str) -> None:
        self.name = name

    @contextmanager
    def db(self) -> Iterator[Database]:
        pytest.skip("needs the mock's admin side (state a client cannot arrange); the live target has none")
        yield sqlite3.connect(":memory:")  # pragma: no cover - skip raises

    def rows(self, sql: str, *parameters: Any) -> list[Row]:
        """What a query of the tenant's database answers: a check's read, in a transaction of its own."""
        with self.db() as db:
            return db.execute(sql, parameters).fetchall()

    def lookup(self, sql: str, *parameters: Any) -> Any:
        """The first column of the first row a query answers; a query that finds nothing fails the check."""
        found = self.rows(sql, *parameters)
        assert found, (sql, parameters)
        return found[0][0]


class InProcessAdmin(TenantAdmin):
    """The in-process mock's tenant database, in one transaction."""

    def __init__(self, app: MockServer, name: str) -> None:
        super().__init__(name)
        self.app = app

    @contextmanager
    def db(self) -> Iterator[Database]:
        with self.app.tenants.get(self.name).transaction() as db:
            yield db


class RemoteAdmin(TenantAdmin):
    """A live mock's tenant through its admin API: its snapshot as a local database, written back if changed."""

    def __init__(self, session: requests.Session, base: str, name: str) -> None:
        super().__init__(name)
        self.session = session
        self.url = f"{base}/__admin/tenants/{name}/snapshot"

    @contextmanager
    def db(self) -> Iterator[Database]:
        self.session.post(self.url.replace(f"/tenants/{self.name}/snapshot", "/tenants"), json={"name": self.name})
        answer = self.session.get(self.url, timeout=30)
        answer.raise_for_status()
        local = sqlite3.connect(":memory:", isolation_level=None)
        local.row_factory = sqlite3.Row
        local.executescript(MOCK_SCHEMA + PROJECTOR_SCHEMA + TIMEPUNCH_SCHEMA)
        local.execute("BEGIN")
        snapshots.restore(local, answer.json())
        local.execute("COMMIT")
        before = local.total_changes
        local.execute("BEGIN")
        yield local
        local.execute("COMMIT")
        if local.total_changes != before:
            self.session.put(self.url, data=json.dumps(snapshots.export(local)), timeout=30).raise_for_status()
        local.close()
