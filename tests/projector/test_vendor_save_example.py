"""The vendor's PwsSaveTimeCards example as the HTTP benchmark repeats it (benchlib.vendor_save_body): each request a
fresh card that saves Ok and is submitted, with no task note (issue 19, "Flat"). How fast is the benchmark's business;
this only shows every request does the example's work."""

from __future__ import annotations

from benchmarks.benchlib import authenticate_body, pws_headers, ticket_of, vendor_save_body
from werkzeug.test import Client

from mockserver.app import MockServer
from mockserver.projector import pws


def test_each_request_saves_and_submits_a_fresh_card(mock_app: MockServer, tenant_name: str) -> None:
    client = Client(mock_app)
    url = f"/tenants/{tenant_name}{pws.ENDPOINT_PATH}"
    ticket = ticket_of(client.post(url, data=authenticate_body(), headers=pws_headers("PwsAuthenticate")).data)
    for work_date, minutes in (("2019-01-01", 7), ("2030-12-31", 8), ("2019-01-01", 9)):
        answer = client.post(
            url, data=vendor_save_body(ticket, work_date, minutes), headers=pws_headers("PwsSaveTimeCards")
        )
        assert b"Status>Ok<" in answer.data, answer.data[:1000]
        assert b"ErrorNumber>" not in answer.data, answer.data[:1000]
    with mock_app.tenants.get(tenant_name).transaction() as db:
        cards = db.execute(
            "SELECT work_date, work_minutes, status FROM pr_time_card WHERE work_date >= '2019-01-01' "
            "ORDER BY work_minutes"
        ).fetchall()
        notes = db.execute("SELECT COUNT(*) FROM pr_task_note WHERE notes = 'Added via the web service'").fetchone()[0]
    assert [tuple(card) for card in cards] == [("2019-01-01", 7, "S"), ("2030-12-31", 8, "S"), ("2019-01-01", 9, "S")]
    assert notes == 0
