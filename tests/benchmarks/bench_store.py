"""Benchmark: the PostgreSQL store (issue 20) beside SQLite: saves per second of one and of two replicas,
tenant creation, and the SQL statements a save sends.

Run: python tests/benchmarks/bench_store.py [--quick]   (or bench.py --only store)
A throwaway PostgreSQL 15 (tests/support/postgres.py, its default settings) holds two databases. Four mock
configurations, started fresh together, take the 1-card PwsSaveTimeCards of bench_http (wrk, 16 keep-alive
connections, pws_save.lua) in alternating rounds, each on its tenant ``bench``:
- pg_one: one ``mockserver serve --store URL`` replica;
- pg_two: two ``serve --store URL`` replicas of the other database, on two ports, sharing the tenant: wrk takes
  one URL, so two wrk of 8 connections run at once, one a replica, and their rates add up;
- sqlite_workers: ``serve --workers N --state-dir DIR``; sqlite_threaded: plain ``serve``.
Afterwards every save answered Ok must be stored exactly once (the admin snapshot, as bench_http checks it).
Then ``POST /__admin/tenants`` of new tenants on PostgreSQL and on both SQLite stores (median), and, in-process,
every statement a 1-card save sends to each store (psycopg's cursors counted; SQLite's trace callback).
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from unittest.mock import patch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the throwaway server of tests/support

import psycopg
from bench_http import (
    CONNECTIONS,
    MEASURED_OFFSET,
    ROUND_SECONDS,
    ROUND_SPAN,
    ROUNDS,
    TENANT,
    THREADS,
    WARM_UP_SECONDS,
    WORKERS,
    Mock,
    Rounds,
    Run,
    correctness_figures,
    ensure_wrk,
    latency_figures,
    process_tree_cpu_seconds,
    ready,
    save_with_minutes,
    settled_cards,
    wrk,
)
from benchlib import (
    JSON_HEADERS,
    RATE_LIMITS_OFF,
    SAVE_FIRST_DAY,
    Figures,
    authenticate_body,
    http,
    median,
    pws_headers,
    rate_limits_path,
    run_part_alone,
    running_server,
    save_body,
    section,
    ticket_of,
)
from support.postgres import BIN_DIR, PostgresServer, binaries_present, postgres_server
from werkzeug.test import Client

from mockserver.app import MockServer, create_app
from mockserver.projector import pws
from mockserver.settings import Settings

TENANTS_CREATED = {False: 15, True: 5}
"""Tenants created per store for the creation time, by --quick."""
SAVES_COUNTED = 20
"""In-process saves whose statements are counted, after one that is not (the tenant's first)."""


@dataclasses.dataclass
class Configuration:
    """A mock configuration under load: its replicas (one, or several sharing one tenant through one database)
    and the database server's process when it has one, whose CPU time counts too."""

    label: str
    replicas: list[Mock]
    database_pid: int | None = None

    def database_cpu(self) -> float:
        return process_tree_cpu_seconds(self.database_pid) if self.database_pid else 0.0


def merged(runs: list[Run]) -> Run:
    """Runs made at once as one: counts added, the rate the sum of theirs, the worst of their latencies."""
    if len(runs) == 1:
        return runs[0]
    result = {key: sum(run.result[key] for run in runs) for key in runs[0].result}
    rate = sum(run.result["requests"] / run.result["duration_us"] for run in runs)
    result["duration_us"] = round(result["requests"] / rate)
    for key in ("p50_us", "p90_us", "p99_us", "max_us"):
        result[key] = max(run.result[key] for run in runs)
    per_second: Counter[int] = Counter()
    for run in runs:
        per_second.update(run.per_second)
    return Run(result, [key for run in runs for key in run.keys], dict(per_second), sum(run.cpu for run in runs))


def load_replicas(wrk_path: str, configuration: Configuration, seconds: float, offset: int) -> Run:
    """One wrk a replica, all at once, the 16 connections shared out; each numbers its saves from an offset of its
    own (the replicas share the tenant: no two of them save the same day and minutes)."""
    replicas = configuration.replicas
    spacing = ROUND_SPAN // len(replicas)

    def one(number: int) -> Run:
        load = replicas[number].save_load(save_with_minutes)
        return wrk(wrk_path, load, seconds, offset + number * spacing, CONNECTIONS // len(replicas))

    with ThreadPoolExecutor(len(replicas)) as pool:
        return merged(list(pool.map(one, range(len(replicas)))))


def alternate(figures: Figures, wrk_path: str, configurations: list[Configuration], seconds: float) -> None:
    """Each configuration warmed, then ROUNDS rounds in turn; the figures of bench_http, and the database's CPU."""
    for configuration in configurations:
        load_replicas(wrk_path, configuration, WARM_UP_SECONDS, 0)
    before = {c.label: len(settled_cards(c.replicas[0].server)) for c in configurations}
    rounds = {c.label: Rounds() for c in configurations}
    database_cpu = {c.label: 0.0 for c in configurations}
    for number in range(ROUNDS):
        for configuration in configurations:
            cpu = configuration.database_cpu()
            run = load_replicas(wrk_path, configuration, seconds, MEASURED_OFFSET + number * ROUND_SPAN)
            rounds[configuration.label].runs.append(run)
            database_cpu[configuration.label] += configuration.database_cpu() - cpu
    for configuration in configurations:
        label, done = configuration.label, rounds[configuration.label]
        latency_figures(figures, f"store_{label}", done, {})
        if configuration.database_pid:
            figures.add(
                f"store_{label}_postgres_cpu_ms_per_request",
                database_cpu[label] * 1000 / max(done.total("requests"), 1),
                "ms",
                note="the PostgreSQL server's processes, beside the mock's above",
            )
        cards = settled_cards(configuration.replicas[0].server)
        correctness_figures(figures, f"store_{label}", done, cards, before[label])
    baseline = rounds["sqlite_threaded"].per_second()
    for label in ("pg_one", "pg_two", "sqlite_workers"):
        figures.add(f"store_{label}_vs_sqlite_threaded", rounds[label].per_second() / baseline, "x", note="same run")
    figures.add("store_pg_two_vs_pg_one", rounds["pg_two"].per_second() / rounds["pg_one"].per_second(), "x")


def created_tenant_ms(configuration: Configuration, count: int) -> list[float]:
    """Milliseconds of ``POST /__admin/tenants`` naming a new tenant, ``count`` times."""
    base = configuration.replicas[0].server.base_url
    timings = []
    for number in range(count):
        body = json.dumps({"name": f"created-{number}"}).encode()
        started = time.perf_counter()
        http(f"{base}/__admin/tenants", body, JSON_HEADERS)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def tenant_creation(figures: Figures, configurations: list[Configuration], count: int) -> None:
    for configuration in configurations:
        if configuration.label == "pg_two":
            continue  # the same store as pg_one
        figures.add(
            f"store_{configuration.label}_tenant_create_ms",
            median(created_tenant_ms(configuration, count)),
            "ms",
            note=f"median of {count} POST /__admin/tenants, over HTTP",
        )


def postmaster_pid(server: PostgresServer) -> int:
    return int((server.directory / "data" / "postmaster.pid").read_text().split()[0])


def database_url(server: PostgresServer, name: str) -> str:
    with server.connect(autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return dataclasses.replace(server, database=name).url


@contextmanager
def configurations(server: PostgresServer) -> Iterator[list[Configuration]]:
    """The four configurations, started fresh together, each ready for load (pg_two's replicas share one
    session: the ticket one replica issued, the other honours)."""
    one, two, pid = database_url(server, "one"), database_url(server, "two"), postmaster_pid(server)
    with tempfile.TemporaryDirectory(prefix="bench-state-") as state_dir, ExitStack() as stack:

        def started(label: str, *serve_args: str) -> Mock:
            return ready(label, stack.enter_context(running_server(*serve_args)))

        pg_two = [started("pg_two", "--store", two), started("pg_two", "--store", two)]
        pg_two[1] = dataclasses.replace(pg_two[1], ticket=pg_two[0].ticket)
        yield [
            Configuration("pg_one", [started("pg_one", "--store", one)], pid),
            Configuration("pg_two", pg_two, pid),
            Configuration(
                "sqlite_workers", [started("sqlite_workers", "--workers", str(WORKERS), "--state-dir", state_dir)]
            ),
            Configuration("sqlite_threaded", [started("sqlite_threaded")]),
        ]


# -- statements per save, in-process ----------------------------------------------------------------------


@contextmanager
def postgres_statements() -> Iterator[list[str]]:
    """Every statement psycopg's cursors send meanwhile (the store's, its transactions' BEGIN, tenant entry
    and COMMIT alike), an executemany's once a row."""
    seen: list[str] = []
    execute, executemany = psycopg.Cursor.execute, psycopg.Cursor.executemany

    def counted(cursor: psycopg.Cursor[Any], query: Any, *args: Any, **options: Any) -> psycopg.Cursor[Any]:
        seen.append(str(query))
        return execute(cursor, query, *args, **options)

    def counted_rows(cursor: psycopg.Cursor[Any], query: Any, rows: Any, *args: Any, **options: Any) -> None:
        rows = list(rows)
        seen.extend([str(query)] * len(rows))
        executemany(cursor, query, rows, *args, **options)

    with patch.object(psycopg.Cursor, "execute", counted), patch.object(psycopg.Cursor, "executemany", counted_rows):
        yield seen


@contextmanager
def sqlite_statements(app: MockServer, tenant_name: str) -> Iterator[list[str]]:
    """Every statement the in-memory tenant's connection runs meanwhile (sqlite3's trace callback)."""
    seen: list[str] = []
    with app.tenants.get(tenant_name).transaction(write=False) as connection:
        pass  # the tenant's one connection, handed out by its transactions
    connection.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        connection.set_trace_callback(None)


def kind(statement: str) -> str:
    words = statement.split()
    if "set_config(" in statement:  # the store's alone: no rule calls it
        return "tenant entry"  # its check that the tenant is there, setting, role and, for a writer, advisory lock
    return words[0].upper() if words else "?"


def counted_saves(store: str | None) -> list[str]:
    """The statements of SAVES_COUNTED 1-card saves of a fresh tenant, after its first save."""
    app = create_app(Settings(store=store))
    client = Client(app)
    name = "statements"
    url = f"/tenants/{name}{pws.ENDPOINT_PATH}"
    try:
        client.put(rate_limits_path(name), data=RATE_LIMITS_OFF, headers=JSON_HEADERS)
        ticket = ticket_of(client.post(url, data=authenticate_body(), headers=pws_headers("PwsAuthenticate")).data)
        days = [(date.fromisoformat(SAVE_FIRST_DAY) + timedelta(days=n)).isoformat() for n in range(SAVES_COUNTED + 1)]
        headers = pws_headers("PwsSaveTimeCards")
        client.post(url, data=save_body(ticket, days[0]), headers=headers)
        with postgres_statements() if store else sqlite_statements(app, name) as seen:
            for day in days[1:]:
                answer = client.post(url, data=save_body(ticket, day), headers=headers).data
                if b"Status>Ok<" not in answer:
                    raise RuntimeError(f"the counted save failed: {answer[:500]!r}")
        return list(seen)
    finally:
        app.tenants.close()


def statements_per_save(figures: Figures, url: str) -> None:
    for store, label in ((url, "postgresql"), (None, "sqlite")):
        seen = counted_saves(store)
        kinds = Counter(kind(statement) for statement in seen)
        figures.add(
            f"store_statements_per_save_{label}",
            len(seen) / SAVES_COUNTED,
            "",
            note=f"in-process, mean of {SAVES_COUNTED} 1-card saves, the journal's transaction included",
        )
        figures.say(
            f"{label}, a save's statements by kind: "
            + ", ".join(f"{name} {count / SAVES_COUNTED:g}" for name, count in kinds.most_common())
        )


def run(figures: Figures, quick: bool = False) -> None:
    """Part ``store``: throughput of the PostgreSQL store with one and two replicas beside SQLite, tenant
    creation, statements per save."""
    seconds = ROUND_SECONDS[quick]
    section(
        f"store: wrk -t{THREADS} -c{CONNECTIONS} (two replicas: two wrk -c{CONNECTIONS // 2} at once), 1-card "
        f"PwsSaveTimeCards into tenant {TENANT!r}; {ROUNDS} alternating rounds of {seconds:g} s per configuration"
    )
    wrk_path = ensure_wrk(figures)
    if wrk_path is None:
        return
    if not binaries_present():
        figures.say(f"no PostgreSQL 15 in {BIN_DIR}: run `apt-get install -y postgresql-15`, then this again (skipped)")
        return
    with postgres_server({}) as server:
        figures.say(
            "pg_one: `serve --store URL`; pg_two: two `serve --store URL` of another database, one tenant; "
            f"sqlite_workers: `serve --workers {WORKERS} --state-dir TMP`; sqlite_threaded: `serve`. PostgreSQL 15 "
            "on this machine, its default settings (the store's connections commit with synchronous_commit off)"
        )
        with configurations(server) as started:
            alternate(figures, wrk_path, started, seconds)
            tenant_creation(figures, started, TENANTS_CREATED[quick])
        statements_per_save(figures, database_url(server, "statements"))


if __name__ == "__main__":
    run_part_alone(run, __doc__)
