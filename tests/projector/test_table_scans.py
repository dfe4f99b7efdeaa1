"""No operation of PWS, Ops or TimePunch reads a table that grows with use by scanning it: every statement a
call runs on the time cards, entries, notes, adjustments, batches, sessions, rate hits and the journal is served
by an index (SQLite's own query plans say so), so a call costs the same in a tenant holding 1k rows as in one
holding 100k it does not answer (issue 19, "Flat"). A foreign key whose child column has no index scans the
child table on every change of its parent, so those count too."""

from __future__ import annotations

import re
import sqlite3

from support.every_operation import EveryOperation
from werkzeug.test import Client

from mockserver.app import create_app
from mockserver.projector import ops, pws
from mockserver.timepunch import sync

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


def scans_of(db: sqlite3.Connection, sql: str) -> list[str]:
    """The steps of the statement's plan that read a growing table whole, or from one end by its key: a range of
    ids alone bounds nothing, every older row is visited (a plan names a table by its alias in the statement)."""
    named = re.findall(r"(?:FROM|JOIN|INTO)\s+(\w+)\s+(\w+)", sql, re.I)  # a keyword after a table is harmless here
    tables = {alias: table for table, alias in named}
    plan = [str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {sql}")]
    whole = r"SCAN (\w+)\b"
    if not sql.lstrip().upper().startswith("DELETE"):  # the journal's trim visits only the rows it drops
        whole += r"|SEARCH (\w+) USING INTEGER PRIMARY KEY \(rowid[<>]"
    return [
        step
        for step in plan
        if (found := re.match(whole, step)) and tables.get(name := found[1] or found[2], name) in GROWING
    ]


def test_no_operation_scans_a_table_that_grows() -> None:
    app = create_app()
    every = EveryOperation(Client(app), "scans")
    with app.tenants.get("scans").transaction() as db:
        connection: sqlite3.Connection = db
    called: dict[str, list[str]] = {}
    for operation, (endpoint, request) in every.requests().items():
        body = request()
        called[operation] = []
        connection.set_trace_callback(called[operation].append)
        try:
            every.post(endpoint, body)
        finally:
            connection.set_trace_callback(None)
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
    with app.tenants.get("scans").transaction(write=False) as db:
        [sweep] = [sql for sql in called["PwsSaveTimeCards"] if "status IN" in sql]  # the vendor's example submits
        plan = [str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {sweep}")]
    assert any("status=?" in step for step in plan), plan  # a submit never visits the resource's earlier submits
