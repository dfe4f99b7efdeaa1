"""`mockserver serve --state-dir DIR` keeps every tenant across a restart and a kill -9; without it, nothing.

Each test runs `python -m mockserver serve --port 0` in a subprocess (killed whatever happens) and
compares the tenants' admin snapshots (every table: cards, sessions, journal, fault rules, clock).
"""

from __future__ import annotations

import signal
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import requests
from lxml import etree
from robustness.harness import (
    OPS,
    OPS_ENDPOINT,
    PWS_ENDPOINT,
    TP_ENDPOINT,
    Endpoint,
    MockProcess,
    cards_read,
    fault_of,
    mock_process,
    new_card,
    no_traceback,
    ops_close,
    ops_import,
    ops_open,
    payload,
    post_over_http,
    pws_authenticate,
    pws_get,
    pws_save,
    save_results,
    session_ticket,
    text_of,
    tp_apply_time_entry,
    tp_search_projects,
)
from werkzeug.test import Client

from mockserver.app import MockServer

TP_PROJECT_NS = "http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.ProjectService.Dto"
TP_CORE_NS = "http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.Core.Dto"


class Tenant:
    """One tenant of a running server, through its SOAP endpoints and the admin API."""

    def __init__(self, server: MockProcess, name: str) -> None:
        self.server, self.name = server, name

    def call(self, endpoint: Endpoint, data: bytes) -> etree._Element:
        return post_over_http(f"{self.server.url}{endpoint.url(self.name)}", endpoint, data)

    def admin(self, method: str, path: str, body: Any = None, status: int = 200) -> Any:
        response = requests.request(
            method, f"{self.server.url}/__admin/tenants/{self.name}{path}", json=body, timeout=30
        )
        assert response.status_code == status, response.text[:1000]
        return response.json() if response.content else None

    def snapshot(self) -> dict[str, list[dict[str, Any]]]:
        tables: dict[str, list[dict[str, Any]]] = self.admin("GET", "/snapshot")
        return tables

    def login(self) -> str:
        return session_ticket(self.call(PWS_ENDPOINT, pws_authenticate()))


def tenants_of(server: MockProcess) -> set[str]:
    listed = requests.get(f"{server.url}/__admin/tenants", timeout=30).json()
    return {tenant["name"] for tenant in listed["tenants"]}


def change_a_lot(alpha: Tenant, beta: Tenant) -> str:
    """Cards, a TimePunch entry, fault rules and a frozen clock in two tenants; alpha's session ticket."""
    alpha.admin("PUT", "/clock", {"now": "2018-03-15T12:00:00Z"})
    ticket = alpha.login()
    saved = save_results(
        alpha.call(
            PWS_ENDPOINT, pws_save(ticket, cards=[new_card(f"r{n}", f"2018-03-{20 + n}", 30 + n) for n in range(3)])
        )
    )
    assert all(result.error is None for result in saved)
    alpha.admin("POST", "/faults", {"operation": "PwsSplitTimeCards", "kind": "vendor-error", "code": 64182}, 201)
    projects = alpha.call(TP_ENDPOINT, tp_search_projects())
    project_id = projects.findtext(f".//{{{TP_PROJECT_NS}}}ProjectDto/{{{TP_CORE_NS}}}Id")
    assert project_id
    applied = alpha.call(
        TP_ENDPOINT,
        tp_apply_time_entry(str(uuid.uuid4()), project_id, "2024-03-20T08:00:00", "2024-03-20T09:30:00"),
    )
    fault = applied.find(".//{http://tempuri.org/}fault")
    assert fault is not None
    assert fault.get("{http://www.w3.org/2001/XMLSchema-instance}nil") == "true"
    batch = int(text_of(beta.call(OPS_ENDPOINT, ops_open()), OPS, "BatchId") or 0)
    assert text_of(beta.call(OPS_ENDPOINT, ops_import(batch, ["a", "b"])), OPS, "ServiceResult") == "Ok"
    assert text_of(beta.call(OPS_ENDPOINT, ops_close(batch)), OPS, "ServiceResult") == "Ok"
    beta.admin("POST", "/faults", {"operation": "*", "kind": "delay", "ms": 1, "count": 50}, 201)
    beta.admin("POST", "/clock/advance", {"seconds": 3600})
    return ticket


def integrity_of(state: Path) -> dict[str, str]:
    """PRAGMA integrity_check of every tenant file, opened as SQLite opens it after a crash."""
    results = {}
    for path in sorted(state.glob("*.sqlite3")):
        connection = sqlite3.connect(path)
        try:
            results[path.name] = "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
        finally:
            connection.close()
    return results


def test_every_tenant_survives_a_restart_and_a_kill_9(tmp_path: Path) -> None:
    state = tmp_path / "state"
    with mock_process("--state-dir", str(state)) as server:
        alpha, beta = Tenant(server, "alpha"), Tenant(server, "beta")
        ticket = change_a_lot(alpha, beta)
        before = {tenant.name: tenant.snapshot() for tenant in (alpha, beta)}
        server.stop(signal.SIGTERM)

    with mock_process("--state-dir", str(state)) as server:
        alpha, beta = Tenant(server, "alpha"), Tenant(server, "beta")
        assert tenants_of(server) >= {"alpha", "beta"}
        after = {tenant.name: tenant.snapshot() for tenant in (alpha, beta)}
        assert after == before
        # The state is live, not just stored: the old session still works, the clock still stands still.
        assert len(cards_read(alpha.call(PWS_ENDPOINT, pws_get(ticket)))) >= 3
        assert alpha.admin("GET", "/clock") == {"now": "2018-03-15T12:00:00+00:00", "frozen": True}

        # More changes, from four writers at once, until the server is killed -9 mid-stream.
        acknowledged: list[tuple[int, int]] = []
        problems: list[str] = []
        stop = threading.Event()

        def writer(index: int) -> None:
            for n in range(1, 10_000):
                if stop.is_set():
                    return
                card = new_card(f"k{index}-{n}", "2018-03-27", (index * 300 + n) % 1441)
                try:
                    response = requests.post(
                        f"{server.url}{PWS_ENDPOINT.url('alpha')}",
                        data=pws_save(ticket, cards=[card]),
                        headers=PWS_ENDPOINT.headers("PwsSaveTimeCards"),
                        timeout=30,
                    )
                except requests.RequestException:
                    return  # the server was killed under this call: not acknowledged
                results = save_results(payload(response.content, PWS_ENDPOINT.version))
                if response.status_code != 200 or len(results) != 1 or results[0].card is None:
                    problems.append(f"save refused: {response.status_code} {response.text[:300]}")
                    return
                [result] = results
                acknowledged.append((result.card.uid, result.card.minutes))

        writers = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
        for thread in writers:
            thread.start()
        deadline = time.monotonic() + 10
        while len(acknowledged) < 40 and time.monotonic() < deadline:
            time.sleep(0.01)
        server.stop(signal.SIGKILL)
        stop.set()
        for thread in writers:
            thread.join(timeout=30)
        assert not problems
        assert len(acknowledged) >= 40

    assert set(integrity_of(state).values()) == {"ok"}, integrity_of(state)
    with mock_process("--state-dir", str(state)) as server:
        alpha = Tenant(server, "alpha")
        stored = cards_read(alpha.call(PWS_ENDPOINT, pws_get(ticket)))
        missing = [(uid, minutes) for uid, minutes in acknowledged if stored.get(uid) is None]
        assert not missing, f"{len(missing)} acknowledged saves lost by kill -9"
        assert all(stored[uid].minutes == minutes for uid, minutes in acknowledged)
        assert Tenant(server, "beta").snapshot() == before["beta"]


def test_a_tenant_file_left_empty_by_a_crash_while_created_is_usable(tmp_path: Path) -> None:
    """sqlite3.connect creates the tenant's file before the dataset is copied into it, so a kill -9
    while a tenant is created leaves an empty file: the next start must not take it for the tenant."""
    state = tmp_path / "state"
    state.mkdir()
    (state / "crashed.sqlite3").write_bytes(b"")
    with mock_process("--state-dir", str(state)) as server:
        crashed, control = Tenant(server, "crashed"), Tenant(server, "control")
        assert crashed.login()
        assert control.login()
        assert control.login()  # so that the control tenant exists for its snapshot
        assert crashed.snapshot()["pr_time_card"] == control.snapshot()["pr_time_card"]


def test_a_failing_store_is_still_answered_in_soap(mock_app: MockServer) -> None:
    """When the tenant's database fails (here its journal table is gone, as in a file left empty by a
    crash), the answer is still SOAP (the call's answer, or a fault), never werkzeug's HTML error page."""
    tenant = f"broken-{uuid.uuid4().hex[:10]}"
    with mock_app.tenants.get(tenant).transaction() as db:
        db.execute("DROP TABLE mock_journal")
    try:
        response = Client(mock_app).post(
            PWS_ENDPOINT.url(tenant), data=pws_authenticate(), headers=PWS_ENDPOINT.headers("PwsAuthenticate")
        )
    finally:  # the app is the session's: a tenant left broken would fail every journal-wide admin query
        mock_app.tenants.delete(tenant)
    no_traceback(response.data)
    assert response.headers["Content-Type"] == PWS_ENDPOINT.content_type
    element = payload(response.data, PWS_ENDPOINT.version)
    if response.status_code != 200:
        assert response.status_code == 500
        fault_of(element, PWS_ENDPOINT.version)


def test_without_a_state_dir_a_restart_starts_from_the_dataset() -> None:
    with mock_process() as server:
        alpha = Tenant(server, "alpha")
        ticket = alpha.login()
        saved = save_results(alpha.call(PWS_ENDPOINT, pws_save(ticket, cards=[new_card("x", "2018-03-20", 42)])))
        assert saved[0].error is None
        server.stop(signal.SIGTERM)

    with mock_process() as server:
        assert "alpha" not in tenants_of(server)
        alpha, control = Tenant(server, "alpha"), Tenant(server, "control")
        for tenant in (alpha, control):
            created = requests.post(f"{server.url}/__admin/tenants", json={"name": tenant.name}, timeout=30)
            assert created.status_code == 201, created.text
        assert alpha.snapshot() == control.snapshot()
        answer = alpha.call(PWS_ENDPOINT, pws_get(ticket))
        assert text_of(answer, "http://projectorpsa.com/CommonServices/", "Status") == "FailSessionInvalid"
