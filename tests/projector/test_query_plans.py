"""A call's cost stays flat as the tenant's cards grow: every query the vendor's own save-and-submit example
runs on the time cards is served by an index, none scans the table, and the submit's sweep visits only the
cards it may submit (SQLite's own query plans say so). Repeating the example had read every card the
resource ever submitted in the range, so each call took longer than the last."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from werkzeug.test import Client

from mockserver.app import create_app
from mockserver.contract_suite.actions import soap11_headers
from mockserver.projector import pws

EXAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "projector" / "examples" / "PwsSaveTimeCards.request.xml"
LOGIN = (
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
    'xmlns:p="http://projectorpsa.com/PwsProjectorServices/" '
    'xmlns:r="http://projectorpsa.com/DataContracts/Requests/"><s:Body><p:PwsAuthenticate><p:serviceRequest>'
    "<r:AccountCode>DEMO</r:AccountCode><r:Password>demo-password</r:Password>"
    "<r:UserName>api.admin@example.com</r:UserName></p:serviceRequest></p:PwsAuthenticate></s:Body></s:Envelope>"
)


def post(client: Client, body: bytes) -> bytes:
    answer = client.post(f"/tenants/plans{pws.ENDPOINT_PATH}", data=body, headers=soap11_headers(body))
    assert answer.status_code == 200, answer.data[:500]
    return answer.data


def test_the_vendors_save_and_submit_reads_the_time_cards_through_indexes_only() -> None:
    app = create_app()
    client = Client(app)
    ticket = re.search(rb"SessionTicket>([^<]+)<", post(client, LOGIN.encode()))
    assert ticket is not None
    example = re.sub(rb"(<req:SessionTicket>)[^<]*", rb"\g<1>" + ticket[1], EXAMPLE.read_bytes())
    statements: list[str] = []
    with app.tenants.get("plans").transaction() as db:
        connection: sqlite3.Connection = db
    connection.set_trace_callback(statements.append)
    try:
        answer = post(client, example)
    finally:
        connection.set_trace_callback(None)
    assert b"<a:SubmittedFlag>true</a:SubmittedFlag>" in answer, answer[:2000]
    reads = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT") and "pr_time_card" in sql]
    assert any("status IN" in sql for sql in reads), "the submit's sweep ran"
    with app.tenants.get("plans").transaction(write=False) as db:
        plans = {sql: [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}")] for sql in reads}
    scans = {sql: plan for sql, plan in plans.items() if any(re.match(r"SCAN pr_time_card\b", step) for step in plan)}
    assert not scans, scans
    [sweep] = [plan for sql, plan in plans.items() if "status IN" in sql]
    assert any("status=?" in step for step in sweep), sweep  # the resource's earlier submits are never visited
