"""The mock's performance benchmark: every figure in one run, printed one a line and written as JSON.

Run: .venv/bin/python tests/benchmarks/bench.py [--json FILE] [--quick] [--only PARTS]
Parts, in this order (tests/benchmarks/README.md says what each figure means):
  startup    spawn of `mockserver serve` to its first answer, and what it is made of (bench_startup.py)
  inprocess  cost per operation in-process against the lxml parse+validate floor (bench_inprocess.py)
  scaling    Ops import of 100/1k/10k cards, search with 1k/10k/100k entries, memory per 100k cards
             (bench_scaling.py)
  http       wrk at 16 keep-alive connections: the 1-card save on `serve --workers N`, plain `serve` and
             WireMock in alternating rounds, their ratio (bench_http.py, wiremock_server.py)
  http_operations  OpsImportTimeCards and the TimePunch search over HTTP, both mock configurations
  http_flat  the vendor's save example repeated for 60 s (12 s with --quick), throughput per sixth
  store      the save on one and two `serve --store` replicas of a throwaway PostgreSQL beside SQLite's two
             configurations, tenant creation, SQL statements per save (bench_store.py)
Figures, never pass/fail: a line shows the issue's target where it has one. --quick runs fewer and
shorter rounds (about 1.5 minutes instead of ~4). Not collected by pytest (no test_ prefix).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import bench_http
import bench_inprocess
import bench_scaling
import bench_startup
import bench_store
from benchlib import ROOT, Figures

PARTS = {
    "startup": bench_startup.run,
    "inprocess": bench_inprocess.run,
    "scaling": bench_scaling.run,
    "http": bench_http.saves,
    "http_operations": bench_http.operations,
    "http_flat": bench_http.vendor,
    "store": bench_store.run,
}


def machine() -> dict[str, object]:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": commit.stdout.strip() or None,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=Path("bench.json"), help="where to write the figures")
    parser.add_argument("--quick", action="store_true", help="fewer, shorter rounds (under ~30 s)")
    parser.add_argument("--only", help=f"comma-separated parts to run (default all: {','.join(PARTS)})")
    args = parser.parse_args()
    chosen = args.only.split(",") if args.only else list(PARTS)
    unknown = set(chosen) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
    about = {**machine(), "quick": args.quick, "parts": chosen}
    print(f"benchmark of timecard-mockserver: {json.dumps(about)}", flush=True)
    figures = Figures()
    started = time.perf_counter()
    try:
        for part in chosen:
            PARTS[part](figures, args.quick)
    finally:
        about["seconds"] = round(time.perf_counter() - started, 1)
        args.json.write_text(json.dumps({"run": about, **figures.as_json()}, indent=2) + "\n", encoding="utf-8")
        print(f"\n{len(figures.items)} figures in {about['seconds']} s, written: {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
