"""Benchmark: HTTP throughput and latency at 16 keep-alive connections (wrk), against WireMock in the same run.

Run: python tests/benchmarks/bench_http.py [--quick] [--seconds N]   (or everything: bench.py)
Three servers, started fresh together: ``mockserver serve --workers N`` (N = CPU count, sharing the tenants'
SQLite files), the default ``mockserver serve`` (one process, tenants in memory) and WireMock standalone
(wiremock_server.py) answering a canned body to the same request. wrk (Debian's package) drives 16
connections from 2 threads in alternating rounds, the same 1-card PwsSaveTimeCards to each server, every
request a new card of tenant ``bench`` (tests/benchmarks/pws_save.lua). Afterwards the mock's cards are
counted through the admin snapshot: every accepted save must be stored exactly once. Then OpsImportTimeCards
and SearchTimeEntriesForSynchronisation on both mock configurations, and the vendor's save example repeated
for a minute on a fresh ``--workers`` server, its throughput per window.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench_inprocess import SEARCH_SINCE
from bench_ops_import import envelope, import_body
from bench_ops_import import headers as ops_headers
from benchlib import (
    JSON_HEADERS,
    RATE_LIMITS_OFF,
    SAVE_FIRST_DAY,
    SAVE_LAST_DAY,
    TP_SEARCH_HEADERS,
    Figures,
    ServerProcess,
    authenticate_body,
    http,
    median,
    pws_headers,
    rate_limits_path,
    running_server,
    save_body,
    search_body,
    section,
    ticket_of,
    vendor_save_body,
)
from wiremock_server import OPTIONS, ensure_jar, java_version, running_wiremock, stub_xpath

from mockserver.projector import ops, pws
from mockserver.timepunch import sync

HERE = Path(__file__).resolve().parent
LUA = HERE / "pws_save.lua"
TENANT = "bench"
CONNECTIONS, THREADS = 16, 2
WARM_UP_SECONDS = 1
ROUNDS = 3
ROUND_SECONDS = {False: 5.0, True: 2.0}
"""A round's wrk run, by --quick."""
WINDOWS = 6
WORKERS = max(2, os.cpu_count() or 1)
"""--workers N: one granian worker per CPU."""
WIREMOCK_WARM_UP_SECONDS = (3, 10)
"""wrk against WireMock before its first round (--quick, full): the JVM compiles its hot path (JIT) meanwhile."""
DAYS = (date.fromisoformat(SAVE_LAST_DAY) - date.fromisoformat(SAVE_FIRST_DAY)).days + 1
MEASURED_OFFSET = DAYS * 100
"""The measured runs' saves have 101 minutes and more; the warm-up's (a day-range per 4,383 saves) fewer."""
ROUND_SPAN = DAYS * 40
"""Round r of the alternation starts at MEASURED_OFFSET + r * ROUND_SPAN: no two rounds save the same
(day, minutes) below 175,000 requests a round."""
SAVE_OK, SAVE_REFUSED = "Status>Ok<", "ErrorNumber>"
SAVE_TARGETS = {"requests_per_second": ">= 2000", "p99_ms": "< 20", "vs_wiremock": ">= 0.6"}
NAMESPACES = {
    "s": "http://schemas.xmlsoap.org/soap/envelope/",
    "pws": "http://projectorpsa.com/PwsProjectorServices/",
    "tim": "http://projectorpsa.com/DataContracts/Shared/TimeAndCost/",
}
SAVE_XPATH = "/s:Envelope/s:Body/pws:PwsSaveTimeCards/pws:serviceRequest/tim:SaveTimeCards/tim:PwsTimecardDetail"
"""What WireMock's one stub matches: a PwsSaveTimeCards with a card to save."""


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
    """User + system CPU seconds of ``pid`` and its descendants (granian's workers), from /proc."""
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


@dataclass
class Load:
    """What wrk sends to one server: the URL, the request template (@DAY@ and @MINUTES@ make each request its
    own, see pws_save.lua), its headers, and the texts an answer that succeeded holds and never holds."""

    server: ServerProcess
    url: str
    template: bytes
    headers: dict[str, str]
    success: str = SAVE_OK
    refusal: str = SAVE_REFUSED


@dataclass
class Run:
    """One wrk run's summary, the (day, minutes) keys of the saves it saw answered Ok, its answers per second
    and the server's CPU seconds meanwhile."""

    result: dict[str, int]
    keys: list[str]
    per_second: dict[int, int]
    cpu: float


def wrk(wrk_path: str, load: Load, seconds: float, offset: int = 0, connections: int = CONNECTIONS) -> Run:
    """wrk for ``seconds`` against ``load``. ``offset`` numbers its first request (see pws_save.lua): runs with
    offsets a day-range apart save different (day, minutes)."""
    first = date.fromisoformat(SAVE_FIRST_DAY)
    first_noon = (first - date(1970, 1, 1)).days * 86400 + 43200
    headers = [option for name, value in load.headers.items() for option in ("-H", f"{name}: {value}")]
    cpu_before = process_tree_cpu_seconds(load.server.process.pid)
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as scratch:
        template, acknowledged = Path(scratch) / "request.xml", Path(scratch) / "acknowledged.txt"
        template.write_bytes(load.template)
        command = [
            wrk_path,
            f"-t{THREADS}",
            f"-c{connections}",
            f"-d{seconds:g}s",
            "--timeout",
            "10s",
            *headers,
            "-s",
            str(LUA),
            load.url,
            "--",
            str(template),
            str(THREADS),
            str(first_noon),
            str(DAYS),
            str(offset),
            load.success,
            load.refusal,
        ]
        environment = {**os.environ, "WRK_ACKNOWLEDGED": str(acknowledged)}
        done = subprocess.run(command, capture_output=True, text=True, check=True, env=environment)
        keys = acknowledged.read_text().splitlines()
    cpu = process_tree_cpu_seconds(load.server.process.pid) - cpu_before
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if line.startswith("WRK_"))
    if "WRK_JSON" not in lines:
        raise RuntimeError(f"wrk printed no WRK_JSON line:\n{done.stdout}\n{done.stderr}")
    per_second = {int(second): count for second, count in json.loads(lines["WRK_SECONDS"]).items()}
    return Run(json.loads(lines["WRK_JSON"]), keys, per_second, cpu)


@dataclass
class Rounds:
    """The runs of one server in the alternation, added up."""

    runs: list[Run] = field(default_factory=list)

    def total(self, key: str) -> int:
        return sum(run.result[key] for run in self.runs)

    def per_second(self) -> float:
        return self.total("requests") / (self.total("duration_us") / 1e6)


def latency_figures(figures: Figures, prefix: str, rounds: Rounds, targets: dict[str, str]) -> None:
    """req/s, latency (the median of the rounds' p50 and p99, the largest max), errors and server CPU."""
    figures.add(f"{prefix}_requests_per_second", rounds.per_second(), "req/s", targets.get("requests_per_second"))
    many = f"median of {len(rounds.runs)} runs" if len(rounds.runs) > 1 else None
    figures.add(f"{prefix}_p50_ms", median([run.result["p50_us"] / 1000 for run in rounds.runs]), "ms", note=many)
    p99 = median([run.result["p99_us"] / 1000 for run in rounds.runs])
    figures.add(f"{prefix}_p99_ms", p99, "ms", targets.get("p99_ms"), many)
    figures.add(f"{prefix}_max_ms", max(run.result["max_us"] / 1000 for run in rounds.runs), "ms")
    figures.add(f"{prefix}_non2xx", rounds.total("non2xx"), "")
    socket_errors = sum(rounds.total(key) for key in ("connect_errors", "read_errors", "write_errors", "timeouts"))
    figures.add(f"{prefix}_socket_errors", socket_errors, "", note="connect, read, write, timeout")
    cpu = sum(run.cpu for run in rounds.runs)
    figures.add(
        f"{prefix}_server_cpu_ms_per_request", cpu * 1000 / max(rounds.total("requests"), 1), "ms", note="all processes"
    )
    figures.add(f"{prefix}_not_ok", rounds.total("failed"), "", "0", "200 but not the success the request expects")


def correctness_figures(
    figures: Figures, prefix: str, rounds: Rounds, cards: list[dict[str, Any]], before: int
) -> None:
    """Every save answered Ok stored exactly once: the measured rounds' answers against the tenant's cards."""
    measured = [card for card in cards if card["work_minutes"] > MEASURED_OFFSET // DAYS]
    if len(measured) != len(cards) - before:
        raise RuntimeError(f"{len(cards) - before} new cards, {len(measured)} of them from the measured runs")
    stored = Counter(f"{card['work_date']} {card['work_minutes']}" for card in measured)
    answered = Counter(key for run in rounds.runs for key in run.keys)
    unanswered = rounds.total("sent") - rounds.total("ok") - rounds.total("failed") - rounds.total("non2xx")
    figures.add(f"{prefix}_saves_ok", rounds.total("ok"), "", note="wrk's successful requests: 200 and Status Ok")
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


@dataclass
class Mock:
    """A mock configuration under load: its server, the saving session's ticket and its PWS URL."""

    label: str
    server: ServerProcess
    ticket: str
    url: str

    def save_load(self, body: Callable[[str, str, str], bytes]) -> Load:
        template = body(self.ticket, "@DAY@", "@MINUTES@")
        return Load(self.server, self.url, template, pws_headers("PwsSaveTimeCards"))


def ready(label: str, server: ServerProcess) -> Mock:
    """The server answering, the tenant's rate limiter off and a session of the demo administrator."""
    wait_ready(server)
    url = f"{server.base_url}/tenants/{TENANT}{pws.ENDPOINT_PATH}"
    http(f"{server.base_url}{rate_limits_path(TENANT)}", RATE_LIMITS_OFF, JSON_HEADERS, method="PUT")
    return Mock(label, server, ticket_of(http(url, authenticate_body(), pws_headers("PwsAuthenticate"))), url)


def save_with_minutes(ticket: str, work_date: str, minutes: str) -> bytes:
    """benchlib's 1-card save, in the order vendor_save_body takes its arguments."""
    return save_body(ticket, work_date, minutes=minutes)


@contextmanager
def mock_servers() -> Iterator[list[Mock]]:
    """Both mock configurations, fresh, each ready for load."""
    with tempfile.TemporaryDirectory(prefix="bench-state-") as state_dir, ExitStack() as stack:
        started = {
            "workers": stack.enter_context(running_server("--workers", str(WORKERS), "--state-dir", state_dir)),
            "threaded": stack.enter_context(running_server()),
        }
        yield [ready(label, server) for label, server in started.items()]


def compare(figures: Figures, wrk_path: str, mocks: list[Mock], jar: Path | None, seconds: float, quick: bool) -> None:
    """The save on each mock and on WireMock in alternating rounds, each warmed first."""
    loads = {mock.label: mock.save_load(save_with_minutes) for mock in mocks}
    model = mocks[-1]  # WireMock answers what this mock answered to one such save, sent before the warm-up
    canned = http(model.url, save_body(model.ticket, SAVE_LAST_DAY), pws_headers("PwsSaveTimeCards"))
    for load in loads.values():
        wrk(wrk_path, load, WARM_UP_SECONDS)  # every worker past its first requests of the tenant
    before = {mock.label: len(settled_cards(mock.server)) for mock in mocks}
    with ExitStack() as stack:
        if jar is not None:
            wiremock = stack.enter_context(running_wiremock(jar))
            figures.say(
                f"WireMock {jar.stem.removeprefix('wiremock-standalone-')} standalone on {java_version()}, "
                f"options {' '.join(OPTIONS)}"
            )
            path = model.url.removeprefix(model.server.base_url)
            stub_xpath(wiremock, path, SAVE_XPATH, NAMESPACES, canned, "text/xml; charset=utf-8")
            template = loads[model.label].template
            loads["wiremock"] = Load(wiremock, f"{wiremock.base_url}{path}", template, pws_headers("PwsSaveTimeCards"))
            warm_up = WIREMOCK_WARM_UP_SECONDS[0 if quick else 1]
            figures.say(f"WireMock warmed by {warm_up} s of the same load before its first round (the JVM's JIT)")
            wrk(wrk_path, loads["wiremock"], warm_up)
        rounds = {label: Rounds() for label in loads}
        for number in range(ROUNDS):
            for label, load in loads.items():
                rounds[label].runs.append(wrk(wrk_path, load, seconds, MEASURED_OFFSET + number * ROUND_SPAN))
    for mock in mocks:
        prefix = f"http_{mock.label}"
        latency_figures(figures, prefix, rounds[mock.label], SAVE_TARGETS)
        correctness_figures(figures, prefix, rounds[mock.label], settled_cards(mock.server), before[mock.label])
    if "wiremock" in rounds:
        latency_figures(figures, "http_wiremock", rounds["wiremock"], {})
        for mock in mocks:
            ratio = rounds[mock.label].per_second() / rounds["wiremock"].per_second()
            figures.add(
                f"http_{mock.label}_vs_wiremock", ratio, "x", SAVE_TARGETS["vs_wiremock"], "same run, alternating"
            )


def other_operations(figures: Figures, wrk_path: str, mock: Mock, seconds: float) -> None:
    """OpsImportTimeCards of one card per request into one open batch, and the fixture's TimePunch search."""
    base = mock.server.base_url
    ops_url = f"{base}/tenants/{TENANT}{ops.ENDPOINT_PATH}"
    open_batch = envelope(f'<OpsOpenTimeCardBatch xmlns="{ops.OPS}"/>')
    opened = http(ops_url, open_batch, ops_headers(open_batch))
    found = re.search(rb"<BatchId>([^<]+)</BatchId>", opened)
    assert found is not None, opened[:500]
    one_card = import_body(found[1].decode(), 1)
    loads = {
        "ops_import": Load(
            mock.server,
            ops_url,
            one_card.replace(b">B-0<", b">B-@DAY@-@MINUTES@<"),
            ops_headers(one_card),
            "<ServiceResult>Ok</ServiceResult>",
            "Fault>",
        ),
        "search": Load(
            mock.server,
            f"{base}/tenants/{TENANT}{sync.ENDPOINT_PATH}",
            search_body(SEARCH_SINCE),
            TP_SEARCH_HEADERS,
            "TimeEntryDto>",
            "Fault>",
        ),
    }
    for name, load in loads.items():
        wrk(wrk_path, load, WARM_UP_SECONDS)
        latency_figures(
            figures, f"http_{mock.label}_{name}", Rounds([wrk(wrk_path, load, seconds, MEASURED_OFFSET)]), {}
        )


def vendor_example(figures: Figures, wrk_path: str, window: int) -> None:
    """The vendor's save example, a fresh card each request, for WINDOWS windows of ``window`` seconds on one
    fresh --workers server: throughput per window from wrk's answers per second."""
    with (
        tempfile.TemporaryDirectory(prefix="bench-state-") as state_dir,
        running_server("--workers", str(WORKERS), "--state-dir", state_dir) as server,
    ):
        mock = ready("workers", server)
        load = mock.save_load(vendor_save_body)
        wrk(wrk_path, load, WARM_UP_SECONDS)
        run = wrk(wrk_path, load, window * WINDOWS + 2, MEASURED_OFFSET)
    seconds = sorted(run.per_second)[1:]  # the first second is partial
    rates = []
    for number in range(WINDOWS):
        counted = [run.per_second[second] for second in seconds[number * window : (number + 1) * window]]
        rates.append(sum(counted) / len(counted))
        figures.add(f"http_vendor_example_window_{number + 1}_requests_per_second", rates[-1], "req/s")
    figures.add("http_vendor_example_not_ok", run.result["failed"] + run.result["non2xx"], "", "0")
    figures.add("http_vendor_example_last10_vs_first10", rates[-1] / rates[0], "x", ">= 0.9", f"{window:g}-s windows")


def saves(figures: Figures, quick: bool = False, seconds: float | None = None) -> None:
    """Part ``http``: the 1-card save on both mock configurations and on WireMock, in alternating rounds."""
    seconds = seconds or ROUND_SECONDS[quick]
    section(
        f"HTTP: wrk -t{THREADS} -c{CONNECTIONS}, keep-alive, 1-card PwsSaveTimeCards, each request a new card of "
        f"tenant {TENANT!r}; {ROUNDS} alternating rounds of {seconds:g} s per server"
    )
    wrk_path = ensure_wrk(figures)
    if wrk_path is None:
        return
    figures.say(
        f"workers: `mockserver serve --workers {WORKERS} --state-dir TMP`: state shared through the tenants' SQLite "
        "files; threaded: `mockserver serve`, one process, tenants in memory"
    )
    jar = ensure_jar(figures)
    with mock_servers() as mocks:
        compare(figures, wrk_path, mocks, jar, seconds, quick)


def operations(figures: Figures, quick: bool = False, seconds: float | None = None) -> None:
    """Part ``http_operations``: OpsImportTimeCards and the TimePunch search on both mock configurations."""
    seconds = seconds or ROUND_SECONDS[quick]
    section(f"HTTP: OpsImportTimeCards (1 card into an open batch) and the TimePunch search, {seconds:g} s each")
    wrk_path = ensure_wrk(figures)
    if wrk_path is None:
        return
    with mock_servers() as mocks:
        for mock in mocks:
            other_operations(figures, wrk_path, mock, seconds)


def vendor(figures: Figures, quick: bool = False) -> None:
    """Part ``http_flat``: the vendor's save example for a minute (12 s when quick), throughput per sixth."""
    window = 2 if quick else 10
    section(f"HTTP: the vendor's save example, {window * WINDOWS:g} s on a fresh --workers server")
    wrk_path = ensure_wrk(figures)
    if wrk_path is not None:
        vendor_example(figures, wrk_path, window)


def run(figures: Figures, quick: bool = False, seconds: float | None = None) -> None:
    saves(figures, quick, seconds)
    operations(figures, quick, seconds)
    vendor(figures, quick)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seconds", type=float, help="wrk's duration per round (default 5, --quick 2)")
    args = parser.parse_args()
    run(Figures(), args.quick, args.seconds)


if __name__ == "__main__":
    main()
