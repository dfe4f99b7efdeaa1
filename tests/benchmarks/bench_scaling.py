"""Benchmark: how cost grows with size. In-process (werkzeug's test client over create_app()).

Run: python tests/benchmarks/bench_scaling.py [--quick]   (or everything: bench.py)
- OpsImportTimeCards of 100, 1,000 and 10,000 cards in one call (and closing that batch), time and
  peak Python memory (bench_ops_import's functions); one card imported into a batch already holding
  10,000 cards.
- SearchTimeEntriesForSynchronisation with 1k, 10k and 100k entries of the searching profile stored
  before its lastSyncTime and five after it: the five are answered each time, the cost should not grow
  with the entries it skips (the index tp_time_entry_profile_time serves the query).
- Every operation of PWS, Ops and TimePunch in tenants padded with 1k and 100k rows it does not answer
  (bench_flat.py).
- Memory per 100k stored time cards: the tenant database's pages and the process's RSS growth, in a
  fresh interpreter.
"""

from __future__ import annotations

import json
import time
import uuid
from datetime import datetime, timedelta

from bench_flat import flat
from bench_ops_import import call, close_body, import_body, open_batch, peak_memory, timed
from benchlib import (
    ROOT,
    TP_SEARCH_HEADERS,
    TP_USER,
    Figures,
    json_from_fresh_interpreter,
    median,
    percentile,
    run_part_alone,
    search_body,
    section,
)
from werkzeug.test import Client

from mockserver.app import MockServer, create_app
from mockserver.timepunch import sync

IMPORT_TARGET = "< 1 s"
SEARCH_SINCE = "2030-12-31T00:00:00"
INSIDE = 5
"""Entries after SEARCH_SINCE: what every search answers."""
OUTSIDE_FROM, OUTSIDE_TO = datetime(1995, 1, 1, 8), datetime(2029, 12, 31, 8)
SEARCH_SQL = "SELECT * FROM tp_time_entry WHERE profile_id = ? AND logon_time > ? ORDER BY logon_time"
"""The query of mockserver.timepunch.sync.search_time_entries_for_synchronisation, for its plan."""

# -- OpsImportTimeCards ------------------------------------------------------------------------


def ops_import(figures: Figures, client: Client, quick: bool) -> None:
    section("scaling: OpsImportTimeCards of N cards in one call, then OpsCloseTimeCardBatch")
    for count in (100, 1_000, 10_000):
        repeats = 1 if quick else 3
        imports, closes = [], []
        for repeat in range(repeats):
            tenant = f"import-{count}-{repeat}"
            batch = open_batch(client, tenant)
            imports.append(timed(client, tenant, import_body(batch, count)))
            closes.append(timed(client, tenant, close_body(batch)))
        figures.add(
            f"ops_import_{count}_seconds",
            median(imports),
            "s",
            IMPORT_TARGET if count == 10_000 else None,
            f"median of {repeats}",
        )
        traced = f"import-{count}-traced"
        batch = open_batch(client, traced)
        figures.add(f"ops_import_{count}_peak_mib", peak_memory(client, traced, import_body(batch, count)), "MiB")
        figures.add(f"ops_close_{count}_seconds", median(closes), "s", note="the batch's cards become time cards")
        if not quick:
            figures.add(f"ops_close_{count}_peak_mib", peak_memory(client, traced, close_body(batch)), "MiB")
    tenant = "import-into-full"
    batch = open_batch(client, tenant)
    call(client, tenant, import_body(batch, 10_000))
    one_card = import_body(batch, 1)
    timings = [timed(client, tenant, one_card.replace(b">B-0<", f">X-{n}<".encode())) for n in range(50)]
    figures.add(
        "ops_import_1_into_10000_batch_ms",
        median(timings) * 1000,
        "ms",
        note="one card into a batch already holding 10,000 (vs inproc_OpsImportTimeCards_median_ms)",
    )


# -- SearchTimeEntriesForSynchronisation -------------------------------------------------------


def seed_entries(app: MockServer, tenant: str, outside: int) -> None:
    """``outside`` entries of ralf.herrmann spread over 1995-2029, before SEARCH_SINCE, and INSIDE after it,
    inserted straight into the tenant's tp_time_entry (the dataset's rows as the model)."""
    with app.tenants.get(tenant).transaction() as db:
        profile = db.execute("SELECT id FROM tp_profile WHERE logon_name = ?", (TP_USER,)).fetchone()["id"]
        model = db.execute("SELECT * FROM tp_time_entry WHERE profile_id = ? LIMIT 1", (profile,)).fetchone()
        payload = json.loads(model["payload"])
        step = (OUTSIDE_TO - OUTSIDE_FROM) / outside
        inside_from = datetime.fromisoformat(SEARCH_SINCE) + timedelta(days=1, hours=8)
        logons = [OUTSIDE_FROM + step * n for n in range(outside)]
        logons += [inside_from + timedelta(days=n) for n in range(INSIDE)]
        rows = []
        for number, logon in enumerate(logons):
            entry_id = str(uuid.UUID(int=number + 1, version=4))
            stamp = (logon + timedelta(hours=10)).isoformat(timespec="seconds")
            entry = {
                **payload,
                "Id": entry_id,
                "LastUpdate": stamp,
                "Created": stamp,
                "LogonTime": logon.isoformat(timespec="seconds"),
                "LogoffTime": (logon + timedelta(hours=8, minutes=30)).isoformat(timespec="seconds"),
                "Description": f"Entry {number} of the search benchmark",
            }
            rows.append(
                (
                    entry_id,
                    profile,
                    entry["LogonTime"],
                    stamp,
                    model["project_id"],
                    model["task_id"],
                    model["customer_id"],
                    json.dumps(entry),
                )
            )
        db.executemany("INSERT INTO tp_time_entry VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def search(figures: Figures, app: MockServer, client: Client, quick: bool) -> None:
    section(
        f"scaling: SearchTimeEntriesForSynchronisation, N entries before lastSyncTime {SEARCH_SINCE}, {INSIDE} after"
    )
    iterations = 100 if quick else 500
    body = search_body(SEARCH_SINCE)
    sizes = (1_000, 10_000, 100_000)
    for outside in sizes:
        started = time.perf_counter()
        seed_entries(app, f"search-{outside}", outside)
        figures.add(
            f"tp_search_{outside // 1000}k_seed_seconds",
            time.perf_counter() - started,
            "s",
            note="inserting the rows (setup)",
        )
    timings: dict[int, list[float]] = {outside: [] for outside in sizes}
    answers = []
    for _ in range(iterations + 5):  # the sizes in turns, so that a busy machine weighs on each alike
        for outside in sizes:
            url = f"/tenants/search-{outside}{sync.ENDPOINT_PATH}"
            started = time.perf_counter()
            answer = client.post(url, data=body, headers=TP_SEARCH_HEADERS).get_data()
            timings[outside].append(time.perf_counter() - started)
            answers.append(answer)
    for answer in answers:
        if answer.count(b"TimeEntryDto>") != 2 * INSIDE:
            raise RuntimeError(f"the search did not answer the {INSIDE} entries: {answer[:800]!r}")
    for outside in sizes:
        measured = timings[outside][5:]
        figures.add(f"tp_search_{outside // 1000}k_stored_median_ms", median(measured) * 1000, "ms")
        figures.add(f"tp_search_{outside // 1000}k_stored_p99_ms", percentile(measured, 99) * 1000, "ms")
    figures.add(
        "tp_search_100k_vs_1k",
        median(timings[100_000][5:]) / median(timings[1_000][5:]),
        "x",
        "≈ 1 (flat)",
        "search cost with 100k entries stored / with 1k",
    )
    with app.tenants.get("search-100000").transaction() as db:
        plan = " ".join(row["detail"] for row in db.execute(f"EXPLAIN QUERY PLAN {SEARCH_SQL}", ("x", "y")))
    figures.say(f"the search's query plan: {plan}")


# -- memory per 100k stored cards --------------------------------------------------------------

_MEMORY_CHILD = """
import gc, json, sys
sys.path.insert(0, {here!r})
from bench_scaling import memory_of_cards
print(json.dumps(memory_of_cards({count})))
"""


def memory_of_cards(count: int) -> dict[str, float]:
    """Run in a fresh interpreter: bytes of the tenant database and of process RSS that ``count``
    more pr_time_card rows take, in an in-memory tenant."""
    import gc

    from benchlib import rss_bytes

    app = create_app()
    tenant = app.tenants.get("memory")

    def database_bytes() -> int:
        with tenant.transaction() as db:
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            size: int = pages * db.execute("PRAGMA page_size").fetchone()[0]
            return size

    with tenant.transaction() as db:  # the example card of PwsTransferTime as the model
        model = db.execute("SELECT * FROM pr_time_card WHERE uid = 1152921504652486587").fetchone()
    gc.collect()
    rss, size = rss_bytes(), database_bytes()
    first_day = datetime(2019, 1, 1)
    for start in range(0, count, 10_000):  # in chunks: the row tuples should not inflate the RSS figure
        rows = [
            (
                1152921504800000000 + n,
                60_000_000 + n,
                "T",
                model["resource_uid"],
                model["project_uid"],
                model["role_uid"],
                model["task_uid"],
                (first_day + timedelta(days=n % 4383)).date().isoformat(),
                1 + n % 480,
                f"Wireframes for the landing page, part {n}",
                "D",
                "2026-01-05T09:30:00.123456+00:00",
            )
            for n in range(start, min(start + 10_000, count))
        ]
        with tenant.transaction() as db:
            db.executemany(
                "INSERT INTO pr_time_card (uid, id, type, resource_uid, project_uid, role_uid, task_uid, work_date, "
                "work_minutes, description, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        del rows
    gc.collect()
    return {"database": database_bytes() - size, "rss": rss_bytes() - rss}


def memory(figures: Figures, quick: bool) -> None:
    section("memory per 100k stored time cards (pr_time_card rows in an in-memory tenant, fresh interpreter)")
    count = 100_000
    code = _MEMORY_CHILD.format(here=str(ROOT / "tests" / "benchmarks"), count=count)
    grown = json_from_fresh_interpreter(code)
    per = 100_000 / count / 2**20
    figures.add("memory_100k_cards_database_mib", grown["database"] * per, "MiB", note="PRAGMA page_count * page_size")
    figures.add("memory_100k_cards_rss_mib", grown["rss"] * per, "MiB", note="VmRSS growth of the process")


def run(figures: Figures, quick: bool = False) -> None:
    app = create_app()
    client = Client(app)
    ops_import(figures, client, quick)
    search(figures, app, client, quick)
    flat(figures, quick)
    memory(figures, quick)


if __name__ == "__main__":
    run_part_alone(run, __doc__)
