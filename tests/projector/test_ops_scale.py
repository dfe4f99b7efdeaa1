"""One OpsImportTimeCards call with 10,000 cards works, and closing the batch creates them all.

How fast is the benchmark's business (tests/benchmarks/bench_ops_import.py); this only shows it works.
"""

from __future__ import annotations

from benchmarks.bench_ops_import import call, close_body, import_body, open_batch
from werkzeug.test import Client

from mockserver.app import MockServer


def test_ten_thousand_cards_in_one_call(mock_app: MockServer, tenant_name: str) -> None:
    client = Client(mock_app)
    batch = open_batch(client, tenant_name)
    call(client, tenant_name, import_body(batch, 10_000))
    call(client, tenant_name, close_body(batch))
    with mock_app.tenants.get(tenant_name).transaction() as db:
        created = db.execute("SELECT COUNT(*) FROM pr_time_card WHERE work_date >= '2018-04-01'").fetchone()[0]
    assert created == 10_000
