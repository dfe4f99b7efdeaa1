"""Benchmark part of bench_scaling: every operation's in-process cost in a tenant padded with 1k rows and in one
padded with 100k rows of time cards, TimePunch entries, task notes and journal rows the call does not answer
(issue 19, "Flat": within 1.25x). The requests are tests/support/every_operation.py's, the ones the query-plan
test reads; the two tenants are called in turns, so a busy machine weighs on both alike."""

from __future__ import annotations

import sys
import time

from benchlib import JSON_HEADERS, RATE_LIMITS_OFF, ROOT, Figures, median, rate_limits_path, run_part_alone, section
from werkzeug.test import Client

from mockserver.app import MockServer, create_app

sys.path.insert(0, str(ROOT / "tests"))  # support/ and robustness/, as pytest's pythonpath has them
from support.every_operation import EXAMPLE_CARD, EveryOperation

SIZES = (1_000, 100_000)
FLAT_TARGET = "<= 1.25"
NOTES_TASK = 1152921504615847113
"""A task of the default dataset that no request of every_operation touches: its notes are never answered."""
PADDING = {
    "pr_time_card": (  # the example card's copies, 1990-2009: before every range a request names
        f"uid = {EXAMPLE_CARD}",
        {
            "uid": "1152921504800000000 + i",
            "id": "60000000 + i",
            "work_date": "date('1990-01-01', '+' || (i % 7300) || ' days')",
        },
    ),
    "tp_time_entry": (  # the first entry of the dataset's copies, in 1990-1998: before the searches' lastSyncTime
        "rowid = (SELECT min(rowid) FROM tp_time_entry)",
        {
            "id": "printf('00000000-0000-4000-8000-%012d', i)",
            "logon_time": "datetime('1990-01-01 08:00', '+' || (i % 3000) || ' days')",
        },
    ),
}


def pad(app: MockServer, tenant: str, rows: int) -> None:
    """``rows`` of each kind, inserted straight into the tenant's database in one transaction."""
    with app.tenants.get(tenant).transaction() as db:
        numbers = f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})"
        for table, (model, overrides) in PADDING.items():
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            values = ", ".join(overrides.get(column, column) for column in columns)
            db.execute(
                f"{numbers} INSERT INTO {table} ({', '.join(columns)}) "
                f"SELECT {values} FROM n, (SELECT * FROM {table} WHERE {model})"
            )
        user = db.execute("SELECT min(uid) FROM pr_user").fetchone()[0]
        db.execute(
            f"{numbers} INSERT INTO pr_task_note (task_uid, notes, user_uid, saved_at) "
            f"SELECT {NOTES_TASK}, 'Note ' || i, {user}, '2001-01-01T00:00:00Z' FROM n"
        )
        db.execute(
            f"{numbers} INSERT INTO mock_journal (logged_at, endpoint, operation, verdict, status, duration_ms, "
            "request, response) SELECT '2001-01-01T00:00:00Z', '/padding', 'PwsGetTimeCards', 'ok', 200, 1, '', ''"
            " FROM n"
        )


def flat(figures: Figures, quick: bool) -> None:
    section(f"scaling: every operation in tenants padded with {SIZES[0]:,} and {SIZES[1]:,} rows it does not answer")
    app = create_app()
    client = Client(app)
    tenants = {}
    for rows in SIZES:
        tenant = f"flat-{rows}"
        client.put(rate_limits_path(tenant), data=RATE_LIMITS_OFF, headers=JSON_HEADERS)
        pad(app, tenant, rows)
        tenants[rows] = EveryOperation(client, tenant).requests()
    rounds, warm_up = (40, 5) if quick else (200, 20)
    for operation in tenants[SIZES[0]]:
        timings: dict[int, list[float]] = {rows: [] for rows in SIZES}
        for _ in range(warm_up + rounds):
            for rows in SIZES:
                endpoint, request = tenants[rows][operation]
                body = request()
                started = time.perf_counter()
                client.post(endpoint.url(f"flat-{rows}"), data=body, headers=endpoint.headers_for(body))
                timings[rows].append(time.perf_counter() - started)
        small, big = (median(timings[rows][warm_up:]) for rows in SIZES)
        figures.add(f"flat_{operation}_1k_median_ms", small * 1000, "ms")
        figures.add(f"flat_{operation}_100k_vs_1k", big / small, "x", FLAT_TARGET, f"100k: {big * 1000:.3f} ms")
    figures.say(
        "the journal keeps 1,000 rows: the first call drops the padded ones past that (in the warm-up); each repeated "
        "PwsSaveTimeCards adds a note to its task, whose history it answers, alike in both tenants"
    )


if __name__ == "__main__":
    run_part_alone(flat, __doc__)
