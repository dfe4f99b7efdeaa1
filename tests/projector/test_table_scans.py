"""No operation of PWS, Ops or TimePunch reads a table that grows with use by scanning it: every statement a
call runs on the time cards, entries, notes, adjustments, batches, sessions, rate hits and the journal is served
by an index (SQLite's own query plans say so), so a call costs the same in a tenant holding 1k rows as in one
holding 100k it does not answer (issue 19, "Flat"). A foreign key whose child column has no index scans the
child table on every change of its parent, so those count too."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from lxml import etree
from robustness.harness import (
    COM,
    DEVELOPER_ROLE,
    ENDPOINTS,
    PWS,
    REQ,
    TAC,
    Endpoint,
    _element,
    ops_close,
    ops_import,
    ops_open,
    pws_authenticate,
    pws_get,
    session_ticket,
    soap11,
)
from werkzeug.test import Client

from mockserver.app import create_app
from mockserver.projector import ops, pws
from mockserver.timepunch import sync

ROOT = Path(__file__).resolve().parents[2] / "fixtures"
GROWING = (
    "pr_time_card",
    "pr_task_note",
    "pr_adjustment",
    "pr_adjustment_card",
    "pr_card_revenue",
    "pr_notification",
    "pr_session",
    "pr_rate_hit",
    "ops_batch_card",
    "tp_time_entry",
    "tp_task",
    "mock_journal",
)
EXAMPLE_CARD = 1152921504652486587
"""The time card of the vendor's PwsTransferTime example, in the default dataset."""


def project_role(ticket: str) -> bytes:
    return soap11(
        f'<PwsGetTimeEntryProjectRole xmlns="{PWS}"><serviceRequest>{_element(REQ, "SessionTicket", ticket)}'
        f"{_element(TAC, 'EndDate', '2018-03-31T00:00:00Z')}"
        f'<ProjectIdentity xmlns="{TAC}">{_element(COM, "ProjectCode", "P001556-001")}</ProjectIdentity>'
        f'<RoleIdentity xmlns="{TAC}">{_element(COM, "ProjectRoleUid", DEVELOPER_ROLE)}</RoleIdentity>'
        f"{_element(TAC, 'StartDate', '2018-03-01T00:00:00Z')}</serviceRequest></PwsGetTimeEntryProjectRole>"
    )


def unauthenticate(ticket: str) -> bytes:
    return soap11(
        f'<PwsUnauthenticate xmlns="{PWS}"><serviceRequest>{_element(REQ, "SessionTicket", ticket)}'
        "</serviceRequest></PwsUnauthenticate>"
    )


def example(endpoint: Endpoint, operation: str, ticket: str = "") -> bytes:
    """The fixture's example request, sent with ``ticket`` and the example card of the default dataset."""
    body = (ROOT / endpoint.examples / "examples" / f"{operation}.request.xml").read_bytes()
    body = re.sub(rb"(<req:SessionTicket>)[^<]*", rb"\g<1>" + ticket.encode(), body)
    return re.sub(rb"(<com:TimecardUid>)1152921504652486584", rb"\g<1>" + str(EXAMPLE_CARD).encode(), body)


def calls(client: Client) -> Iterator[tuple[Endpoint, bytes]]:
    """One call of each operation that does its work (the write operations change something), in an order
    where each finds what it needs: a batch is opened before it is filled and closed."""
    pws_endpoint, ops_endpoint, tp_endpoint = ENDPOINTS["pws"], ENDPOINTS["ops"], ENDPOINTS["tpsync"]
    admin = ticket_of(client, pws_authenticate("api.admin@example.com", "demo-password"))
    e123 = ticket_of(client, pws_authenticate())
    yield pws_endpoint, pws_authenticate()
    for operation in ("PwsSaveTimeCards", "PwsTransferTime", "PwsSplitTimeCards"):
        yield pws_endpoint, example(pws_endpoint, operation, admin)
    yield pws_endpoint, pws_get(admin)
    yield pws_endpoint, project_role(e123)
    yield pws_endpoint, unauthenticate(e123)
    yield pws_endpoint, example(pws_endpoint, "PwsTestRateLimiter", admin)  # last: it simulates a full minute
    batch = int(answer_text(post(client, ops_endpoint, ops_open()), "BatchId"))
    yield ops_endpoint, ops_open()
    yield ops_endpoint, ops_import(batch, ["scan-1"])
    yield ops_endpoint, ops_close(batch)
    for path in sorted((ROOT / "timepunch" / "examples").glob("*.request.xml")):
        yield tp_endpoint, path.read_bytes()


def post(client: Client, endpoint: Endpoint, body: bytes) -> bytes:
    answer = client.post(endpoint.url("scans"), data=body, headers=endpoint.headers_for(body))
    assert answer.status_code == 200, answer.data[:1000]
    return answer.data


def answer_text(answer: bytes, local: str) -> str:
    [text] = etree.fromstring(answer).xpath(f"//*[local-name()='{local}']/text()")
    return str(text)


def ticket_of(client: Client, body: bytes) -> str:
    return session_ticket(etree.fromstring(post(client, ENDPOINTS["pws"], body)))


def operation_of(body: bytes) -> str:
    """The local name of the Body's first element."""
    envelope = etree.fromstring(body)
    [payload] = envelope.xpath("*[local-name()='Body']/*[1]")
    return str(etree.QName(payload).localname)


def scans_of(db: sqlite3.Connection, sql: str) -> list[str]:
    """The steps of the statement's plan that read a growing table whole."""
    plan = [str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {sql}")]
    return [step for step in plan if re.match(rf"SCAN ({'|'.join(GROWING)})\b", step)]


def test_no_operation_scans_a_table_that_grows() -> None:
    app = create_app()
    client = Client(app)
    statements: list[str] = []
    with app.tenants.get("scans").transaction() as db:
        connection: sqlite3.Connection = db
    called: dict[str, list[str]] = {}
    for endpoint, body in calls(client):
        operation = operation_of(body)
        connection.set_trace_callback(statements.append)
        try:
            post(client, endpoint, body)
        finally:
            connection.set_trace_callback(None)
        called[operation] = statements[:]
        statements.clear()
    assert set(called) == set(pws.HANDLERS) | set(ops.HANDLERS) | set(sync.HANDLERS)
    with app.tenants.get("scans").transaction(write=False) as db:
        scans = {
            (operation, " ".join(sql.split())[:300]): found
            for operation, run in called.items()
            for sql in run
            if sql.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE", "WITH"))
            and (found := scans_of(db, sql))
        }
    assert not scans, "\n".join(f"{operation}: {steps} in {sql}" for (operation, sql), steps in scans.items())

