"""Benchmark: start-up of ``mockserver serve``, from process spawn to the first 200 of GET ?wsdl.

Run: python tests/benchmarks/bench_startup.py [--quick]   (or everything: tests/benchmarks/bench.py)
Also times, each in a fresh interpreter, what the start-up is made of: the bare interpreter,
importing the package (what ``python -m mockserver`` imports), and create_app() (dataset and contracts).
"""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request

from benchlib import (
    PYTHON,
    ROOT,
    Figures,
    authenticate_body,
    http,
    json_from_fresh_interpreter,
    median,
    pws_headers,
    run_part_alone,
    section,
    spawn_server,
    ticket_of,
)

from mockserver.projector import pws

STARTUP_TARGET = "< 0.3 s"

_PARTS = """
import json, time
started = time.perf_counter()
import mockserver.cli  # what `python -m mockserver serve` imports
imported = time.perf_counter()
from mockserver import fixtures
fixtures.default_dataset()
dataset = time.perf_counter()
from mockserver.soap.contract import load_contract
from mockserver.projector import ops, pws
from mockserver.timepunch import sync
for path in (pws.CONTRACT_PATH, ops.CONTRACT_PATH, sync.CONTRACT_PATH):
    load_contract(path)
contracts = time.perf_counter()
from mockserver.app import create_app
create_app()
created = time.perf_counter()
print(json.dumps({"import": imported - started, "dataset": dataset - imported,
                  "contracts": contracts - dataset, "rest": created - contracts}))
"""


def first_answer(*serve_args: str) -> tuple[float, float, float]:
    """Seconds from spawning ``mockserver serve`` to its banner (listening), to its first 200 for
    GET ?wsdl (polled tightly), and to its first answered call (a PwsAuthenticate right after)."""
    server = spawn_server(*serve_args)
    listening = time.perf_counter() - server.started
    try:
        url = f"{server.base_url}{pws.ENDPOINT_PATH}"
        while True:
            try:
                http(f"{url}?wsdl", timeout=10)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.0005)
        described = time.perf_counter() - server.started
        ticket_of(http(url, authenticate_body(), pws_headers("PwsAuthenticate")))
        return listening, described, time.perf_counter() - server.started
    finally:
        server.stop()


def interpreter_seconds() -> float:
    started = time.perf_counter()
    subprocess.run([PYTHON, "-c", "pass"], check=True, cwd=ROOT)
    return time.perf_counter() - started


def parts() -> dict[str, float]:
    measured: dict[str, float] = json_from_fresh_interpreter(_PARTS)
    return measured


def import_times(packages: tuple[str, ...]) -> dict[str, float]:
    """Cumulative import seconds of each package as ``python -X importtime`` reports them."""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", "import mockserver.cli"],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    found: dict[str, float] = {}
    for line in done.stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) == 3 and fields[2].strip() in packages:
            found[fields[2].strip()] = int(fields[1]) / 1e6
    return found


def run(figures: Figures, quick: bool = False) -> None:
    section("start-up: `python -m mockserver serve --port 0`, spawn to the first 200 of GET ?wsdl")
    runs = 3 if quick else 5
    if not quick:
        first_answer()  # warms the OS's file cache: the figures are of a warm start (--quick: the median does)
    threaded = [first_answer() for _ in range(runs)]
    figures.add(
        "startup_serve_seconds",
        median([answered for _, answered, _ in threaded]),
        "s",
        STARTUP_TARGET,
        f"median of {runs}, werkzeug threaded server",
    )
    figures.add(
        "startup_serve_listening_seconds",
        median([listening for listening, _, _ in threaded]),
        "s",
        note="of which: spawn to the banner (socket bound)",
    )
    figures.add(
        "startup_serve_first_call_seconds",
        median([called for _, _, called in threaded]),
        "s",
        note="spawn to the first answered PwsAuthenticate, sent right after the ?wsdl: what a client waits",
    )
    workers = os.cpu_count() or 1
    if workers > 1:
        figures.add(
            "startup_serve_workers_seconds",
            median([first_answer("--workers", str(workers))[1] for _ in range(1 if quick else 3)]),
            "s",
            note=f"--workers {workers} (granian, RSGI), first worker answering",
        )
    figures.add(
        "startup_interpreter_seconds",
        median([interpreter_seconds() for _ in range(runs)]),
        "s",
        note="python -c pass",
    )
    measured = [parts() for _ in range(1 if quick else runs)]
    explained = {
        "import": "import mockserver.cli (what serve imports), fresh interpreter",
        "dataset": "fixtures.default_dataset(), first call (faker)",
        "contracts": "load_contract() of the three WSDLs (lxml XMLSchema compiled)",
        "rest": "create_app() after those: template database, endpoints",
    }
    for part, note in explained.items():
        figures.add(f"startup_{part}_seconds", median([m[part] for m in measured]), "s", note=note)
    packages = ("xmlschema", "faker", "werkzeug", "lxml.etree", "mockserver.admin.api")
    imports = [import_times(packages) for _ in range(1 if quick else runs)]
    for package in packages:
        figures.add(
            f"startup_import_{package.replace('.', '_')}_seconds",
            median([i.get(package, 0.0) for i in imports]),
            "s",
            note="of the import: this package, with what it imports first (-X importtime)",
        )


if __name__ == "__main__":
    run_part_alone(run, __doc__)
