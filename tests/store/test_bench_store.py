"""The store benchmark's own reckoning (tests/benchmarks/bench_store.py): two replicas' wrk runs added up, and the
statements of a save counted on each store. How fast is the benchmark's business; this only shows it counts right."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))  # its scripts import each other so

import bench_store
import pytest
from bench_http import Run
from support.postgres import PostgresServer


def _run(requests: int, seconds: float, p99_us: int, keys: list[str]) -> Run:
    result = {"requests": requests, "duration_us": round(seconds * 1e6), "sent": requests, "ok": requests}
    result |= {"p50_us": p99_us // 2, "p90_us": p99_us, "p99_us": p99_us, "max_us": p99_us * 2}
    return Run(result, keys, {100: requests}, 0.5)


def test_runs_made_at_once_add_their_rates_and_keep_the_worst_latency() -> None:
    one = _run(1000, 2.0, 30_000, ["2019-01-01 101"])
    other = _run(300, 1.5, 50_000, ["2019-01-02 121"])
    merged = bench_store.merged([one, other])
    assert merged.result["requests"] / (merged.result["duration_us"] / 1e6) == pytest.approx(500 + 200)
    assert merged.result["p99_us"] == 50_000
    assert merged.result["max_us"] == 100_000
    assert merged.keys == ["2019-01-01 101", "2019-01-02 121"]
    assert merged.per_second == {100: 1300}
    assert merged.cpu == 1.0


def test_a_save_sends_postgresql_the_statements_it_runs_on_sqlite_and_a_tenant_entry_per_transaction(
    postgres: PostgresServer,
) -> None:
    url = bench_store.database_url(postgres, "counted")
    on_postgres = Counter(map(bench_store.kind, bench_store.counted_saves(url)))
    on_sqlite = Counter(map(bench_store.kind, bench_store.counted_saves(None)))
    saves = bench_store.SAVES_COUNTED
    assert on_postgres["INSERT"] >= saves  # each save's card at least
    assert on_postgres["tenant entry"] == on_postgres["BEGIN"] == on_postgres["COMMIT"] >= saves
    assert "tenant entry" not in on_sqlite
    assert on_postgres - Counter({"tenant entry": on_postgres["tenant entry"]}) == on_sqlite
