"""Benchmark: HTTP throughput and latency of a 1-card PwsSaveTimeCards at 16 keep-alive connections (wrk).

Run: python tests/benchmarks/bench_http.py [--quick] [--seconds N]   (or everything: bench.py)
Two servers, each started fresh: ``mockserver serve --workers N`` (N = CPU count: gunicorn gthread
workers, 4 threads each, sharing the tenants' SQLite files) and the default ``mockserver serve``
(werkzeug's threaded server, tenants in memory). wrk (Debian's package) drives 16 connections from
2 threads; every request inserts one new card of tenant ``bench`` (tests/benchmarks/pws_save.lua).
Afterwards the tenant's cards are counted through the admin snapshot: every accepted save must be
stored exactly once.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from benchlib import (
    JSON_HEADERS,
    RATE_LIMITS_OFF,
    SAVE_FIRST_DAY,
    SAVE_LAST_DAY,
    Figures,
    ServerProcess,
    authenticate_body,
    http,
    pws_headers,
    rate_limits_path,
    running_server,
    save_body,
    section,
    ticket_of,
)

from mockserver.projector import pws

HERE = Path(__file__).resolve().parent
LUA = HERE / "pws_save.lua"
TENANT = "bench"
CONNECTIONS, THREADS = 16, 2
WARM_UP_SECONDS = 1
DAYS = (date.fromisoformat(SAVE_LAST_DAY) - date.fromisoformat(SAVE_FIRST_DAY)).days + 1
MEASURED_OFFSET = DAYS * 100
"""The measured run's saves have 101 minutes and more; the warm-up's (a day-range per 4,383 saves) fewer."""


def ensure_wrk(figures: Figures) -> str | None:
    """wrk's path; installs Debian's package when running as root, else says how."""
    found = shutil.which("wrk")
    if found or os.geteuid() != 0:
        if not found:
            figures.say("wrk is not installed: run `sudo apt-get install -y wrk`, then this again (HTTP skipped)")
        return found
    print("  installing wrk: apt-get install -y wrk", flush=True)
    install = ["apt-get", "install", "-y", "-qq", "wrk"]
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(install, env=environment, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=environment, capture_output=True)
        subprocess.run(install, env=environment, capture_output=True)
    found = shutil.which("wrk")
    if not found:
        figures.say("wrk could not be installed (apt-get install -y wrk failed): HTTP skipped")
    return found


def wait_ready(server: ServerProcess) -> None:
    url = f"{server.base_url}{pws.ENDPOINT_PATH}?wsdl"
    deadline = time.monotonic() + 60
    while True:
        try:
            http(url, timeout=10)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def stored_cards(server: ServerProcess) -> list[dict[str, Any]]:
    """The benchmark's cards in the tenant (the dataset's are all before SAVE_FIRST_DAY)."""
    snapshot = json.loads(http(f"{server.base_url}/__admin/tenants/{TENANT}/snapshot", timeout=120))
    return [card for card in snapshot["pr_time_card"] if card["work_date"] >= SAVE_FIRST_DAY]


def settled_cards(server: ServerProcess) -> list[dict[str, Any]]:
    """The stored cards once requests still in flight when wrk stopped have been served."""
    before = stored_cards(server)
    while True:
        time.sleep(0.5)
        after = stored_cards(server)
        if len(after) == len(before):
            return after
        before = after


def process_tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of ``pid`` and its descendants (gunicorn's workers), from /proc."""
    ticks, pending, total = os.sysconf("SC_CLK_TCK"), [pid], 0.0
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except FileNotFoundError:
            continue
    return total


def wrk(
    wrk_path: str, server: ServerProcess, ticket: str, seconds: float, offset: int = 0
) -> tuple[dict[str, int], list[str]]:
    """wrk's summary, and the (day, minutes) keys of the saves it saw answered Ok. ``offset`` numbers its
    first request (see pws_save.lua): runs with offsets a day-range apart save different (day, minutes)."""
    first = date.fromisoformat(SAVE_FIRST_DAY)
    first_noon = (first - date(1970, 1, 1)).days * 86400 + 43200
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as scratch:
        template, acknowledged = Path(scratch) / "request.xml", Path(scratch) / "acknowledged.txt"
        template.write_bytes(save_body(ticket, "@DAY@", minutes="@MINUTES@"))
        command = [
            wrk_path,
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{seconds:g}s",
            "--timeout",
            "10s",
            "-s",
            str(LUA),
            f"{server.base_url}/tenants/{TENANT}{pws.ENDPOINT_PATH}",
            "--",
            str(template),
            str(THREADS),
            str(first_noon),
            str(DAYS),
            str(offset),
        ]
        environment = {**os.environ, "WRK_ACKNOWLEDGED": str(acknowledged)}
        done = subprocess.run(command, capture_output=True, text=True, check=True, env=environment)
        keys = acknowledged.read_text().splitlines()
    for line in done.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            result: dict[str, int] = json.loads(line.removeprefix("WRK_JSON "))
            return result, keys
    raise RuntimeError(f"wrk printed no WRK_JSON line:\n{done.stdout}\n{done.stderr}")


def measure(figures: Figures, wrk_path: str, label: str, seconds: float, *serve_args: str) -> None:
    with running_server(*serve_args) as server:
        wait_ready(server)
        url = f"{server.base_url}/tenants/{TENANT}{pws.ENDPOINT_PATH}"
        http(f"{server.base_url}{rate_limits_path(TENANT)}", RATE_LIMITS_OFF, JSON_HEADERS, method="PUT")
        ticket = ticket_of(http(url, authenticate_body(), pws_headers("PwsAuthenticate")))
        wrk(wrk_path, server, ticket, WARM_UP_SECONDS)  # every worker past its first requests of the tenant
        before = len(settled_cards(server))
        cpu_before = process_tree_cpu_seconds(server.process.pid)
        result, acknowledged = wrk(wrk_path, server, ticket, seconds, offset=MEASURED_OFFSET)
        cpu = process_tree_cpu_seconds(server.process.pid) - cpu_before
        cards = settled_cards(server)
    measured = [card for card in cards if card["work_minutes"] > MEASURED_OFFSET // DAYS]
    if len(measured) != len(cards) - before:
        raise RuntimeError(f"{len(cards) - before} new cards, {len(measured)} of them from the measured run")
    stored = Counter(f"{card['work_date']} {card['work_minutes']}" for card in measured)
    answered = Counter(acknowledged)
    unanswered = result["sent"] - result["ok"] - result["failed"] - result["non2xx"]
    prefix = f"http_{label}"
    figures.add(f"{prefix}_requests_per_second", result["requests"] / (result["duration_us"] / 1e6), "req/s")
    figures.add(f"{prefix}_p50_ms", result["p50_us"] / 1000, "ms")
    figures.add(f"{prefix}_p99_ms", result["p99_us"] / 1000, "ms")
    figures.add(f"{prefix}_max_ms", result["max_us"] / 1000, "ms")
    figures.add(f"{prefix}_non2xx", result["non2xx"], "")
    socket_errors = sum(result[key] for key in ("connect_errors", "read_errors", "write_errors", "timeouts"))
    figures.add(f"{prefix}_socket_errors", socket_errors, "", note="connect, read, write, timeout")
    figures.add(
        f"{prefix}_server_cpu_ms_per_request", cpu * 1000 / max(result["requests"], 1), "ms", note="all processes"
    )
    figures.add(f"{prefix}_saves_ok", result["ok"], "", note="wrk's successful requests: 200 and Status Ok")
    figures.add(f"{prefix}_saves_not_ok", result["failed"], "", "0", "200 but not Status Ok")
    figures.add(f"{prefix}_cards_stored", len(measured), "", note="new cards in the tenant afterwards")
    figures.add(
        f"{prefix}_ok_saves_not_stored_once",
        sum(1 for key, n in answered.items() if stored[key] != n),
        "",
        "0",
        "answered Ok, but its card stored not exactly once",
    )
    figures.add(
        f"{prefix}_cards_stored_twice",
        sum(n - 1 for n in stored.values() if n > 1),
        "",
        "0",
        "the same save stored twice",
    )
    figures.add(
        f"{prefix}_cards_stored_unanswered",
        sum(1 for key in stored if key not in answered),
        "",
        f"0 to {unanswered}",
        "saves in flight when wrk stopped: stored, their answers never read",
    )


def run(figures: Figures, quick: bool = False, seconds: float | None = None) -> None:
    seconds = seconds or (3 if quick else 10)
    workers = max(2, os.cpu_count() or 1)
    section(
        f"HTTP: wrk -t{THREADS} -c{CONNECTIONS} -d{seconds:g}s, keep-alive, 1-card PwsSaveTimeCards, "
        f"each request a new card of tenant {TENANT!r}"
    )
    wrk_path = ensure_wrk(figures)
    if wrk_path is None:
        return
    figures.say(
        f"workers: `mockserver serve --workers {workers}`: gunicorn, {workers} gthread worker processes of 4 threads. "
        "State is shared through the tenants' SQLite files in the state dir (WAL, synchronous=NORMAL): each "
        "request's handler runs in one BEGIN IMMEDIATE transaction, so workers take turns on a tenant's writes; "
        "each thread of a process has its own connection to the file, so a waiting thread holds up no other"
    )
    with tempfile.TemporaryDirectory(prefix="bench-state-") as state_dir:
        measure(figures, wrk_path, "workers", seconds, "--workers", str(workers), "--state-dir", state_dir)
    figures.say(
        "threaded: `mockserver serve` (werkzeug's threaded server, one process): tenants in memory, one "
        "connection per tenant behind a lock, one transaction per request"
    )
    measure(figures, wrk_path, "threaded", seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=float, help="wrk's duration per server (default 10, --quick 3)")
    args = parser.parse_args()
    run(Figures(), args.quick, args.seconds)


if __name__ == "__main__":
    main()
