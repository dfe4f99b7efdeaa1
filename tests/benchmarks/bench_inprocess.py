"""Benchmark: in-process cost per operation, against the floor of parsing and validating the request with lxml.

Run: python tests/benchmarks/bench_inprocess.py [--quick] [--profile]   (or everything: bench.py)
Each operation is served by werkzeug's test client over create_app() (the whole request path: parse,
route, lxml validation, handler in one SQLite transaction, response validation, journal; no sockets),
each request prepared once, many iterations; per call the median and p99. The floor is
lxml.etree.fromstring of the same bytes plus the endpoint contract's compiled XMLSchema validating
the body element: what any validating SOAP server pays at least. The mock's own validation and state
frame (its parse and check of the request, the check of its answer, one write transaction with the
journal entry) is also measured apart on the same messages, against the same floor: what the rest of
a call costs is the operation's own work and the WSGI frame. --profile prints cProfile's top
functions per operation instead of the figures.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from bench_ops_import import headers as ops_headers
from bench_ops_import import import_body, open_batch
from benchlib import (
    JSON_HEADERS,
    RATE_LIMITS_OFF,
    SAVE_FIRST_DAY,
    SOAP11,
    TP_SEARCH_HEADERS,
    TRANSFER_TARGETS,
    Figures,
    authenticate_body,
    median,
    percentile,
    pws_headers,
    rate_limits_path,
    save_body,
    search_body,
    section,
    ticket_of,
    transfer_body,
)
from lxml import etree
from werkzeug.test import Client
from werkzeug.wrappers import Response

from mockserver.app import MockServer, create_app
from mockserver.projector import ops, pws
from mockserver.soap.contract import Contract, load_contract
from mockserver.soap.envelope import parse_envelope
from mockserver.state import clock, journal
from mockserver.state.tenants import Tenant
from mockserver.timepunch import sync

SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
RATIO_TARGET = "< 2x"
SEARCH_SINCE = "2024-02-27T00:00:00"
"""Three of ralf.herrmann's four dataset entries are after it: the search answers three entries."""
CARDS_PER_BATCH = 100
BLOCK = 100
"""Ops imports go into a new batch every 100 cards: each import's cost grows with its batch
(bench_scaling's ops_import_1_into_10000_batch_ms shows how much)."""


@dataclass
class Operation:
    """One operation as the benchmark sends it: a prepared request per iteration, and how to tell success."""

    name: str
    url: str
    headers: dict[str, str]
    bodies: list[bytes]
    contract: Contract
    succeeded: Callable[[bytes], bool]


def _days(count: int) -> Iterable[str]:
    first = date.fromisoformat(SAVE_FIRST_DAY)
    return ((first + timedelta(days=n)).isoformat() for n in range(count))


def operations(client: Client, iterations: int) -> list[Operation]:
    """The five operations, each in a tenant of its own, with ``iterations`` requests each (plus a warm-up)."""
    count = iterations + iterations // 10
    pws_url = f"/tenants/inproc-pws{pws.ENDPOINT_PATH}"
    for tenant in ("inproc-pws", "inproc-ops"):  # thousands of calls a minute, by one user
        client.put(rate_limits_path(tenant), data=RATE_LIMITS_OFF, headers=JSON_HEADERS)
    login = client.post(pws_url, data=authenticate_body(), headers=pws_headers("PwsAuthenticate"))
    ticket = ticket_of(login.get_data())
    pws_contract = load_contract(pws.CONTRACT_PATH)

    def pws_ok(answer: bytes) -> bool:
        return b"Status>Ok<" in answer and b"ErrorNumber>" not in answer

    batches = [open_batch(client, "inproc-ops") for _ in range(0, count, CARDS_PER_BATCH)]
    one_card = [import_body(batch, 1) for batch in batches]
    assert b">B-0<" in one_card[0]
    return [
        Operation(
            "PwsAuthenticate",
            pws_url,
            pws_headers("PwsAuthenticate"),
            [authenticate_body()] * count,
            pws_contract,
            pws_ok,
        ),
        Operation(
            "PwsSaveTimeCards",  # one new card per call, each on a day of its own: every call inserts
            pws_url,
            pws_headers("PwsSaveTimeCards"),
            [save_body(ticket, day) for day in _days(count)],
            pws_contract,
            pws_ok,
        ),
        Operation(
            "PwsTransferTime",  # one card, back and forth between two projects' roles
            pws_url,
            pws_headers("PwsTransferTime"),
            [transfer_body(ticket, TRANSFER_TARGETS[n % 2]) for n in range(count)],
            pws_contract,
            pws_ok,
        ),
        Operation(
            "OpsImportTimeCards",  # one card per call into an open batch, each its own reference id
            f"/tenants/inproc-ops{ops.ENDPOINT_PATH}",
            ops_headers(one_card[0]),
            [one_card[n // CARDS_PER_BATCH].replace(b">B-0<", f">I-{n}<".encode()) for n in range(count)],
            load_contract(ops.CONTRACT_PATH),
            lambda answer: b"<ServiceResult>Ok</ServiceResult>" in answer,
        ),
        Operation(
            "SearchTimeEntriesForSynchronisation",  # the fixture's request; three entries answered
            f"/tenants/inproc-tp{sync.ENDPOINT_PATH}",
            TP_SEARCH_HEADERS,
            [search_body(SEARCH_SINCE)] * count,
            load_contract(sync.CONTRACT_PATH),
            lambda answer: answer.count(b"TimeEntryDto>") == 6 and b"Fault" not in answer,
        ),
    ]


def body_element(root: etree._Element) -> etree._Element:
    body = root.find(f"{{{SOAP11}}}Body")
    if body is None:
        body = root.find(f"{{{SOAP12}}}Body")
    assert body is not None
    return body[0]


def served(
    client: Client, operation: Operation, bodies: list[bytes], with_floor: bool = True
) -> tuple[list[float], list[float], list[bytes]]:
    """Seconds per call through the whole app, and per floor of the same request (lxml parse of its bytes,
    its body element validated by the compiled schema the server uses). In turns, a block of BLOCK calls
    then their floors, so that a machine busy for a while weighs on both alike while the floor stays a
    tight loop (its best case: the floor). Every answer is checked after the clock stopped."""
    schema = operation.contract._schema  # the lxml XMLSchema the endpoint validates with
    assert schema.validate(body_element(etree.fromstring(bodies[0])))
    costs, floors, answers = [], [], []
    for first in range(0, len(bodies), BLOCK):
        block = bodies[first : first + BLOCK]
        for body in block:
            started = time.perf_counter()
            response = client.post(operation.url, data=body, headers=operation.headers)
            answer = response.get_data()
            costs.append(time.perf_counter() - started)
            answers.append((response.status_code, answer))
        for body in block if with_floor else ():
            started = time.perf_counter()
            schema.validate(body_element(etree.fromstring(body)))
            floors.append(time.perf_counter() - started)
    for status, answer in answers:
        if status != 200 or not operation.succeeded(answer):
            raise RuntimeError(f"{operation.name} failed ({status}): {answer[:800]!r}")
    return costs, floors, [answer for _, answer in answers]


@dataclass
class Frame:
    """Seconds per call of each part of the mock's own validation and state frame, and of the floor
    taken beside it on the same message (so that both meet the same warm or cold caches)."""

    floor: list[float]
    request_check: list[float]
    answer_check: list[float]
    state: list[float]

    def total(self) -> list[float]:
        return [sum(parts) for parts in zip(self.request_check, self.answer_check, self.state, strict=True)]


def validation_and_state(tenant: Tenant, operation: Operation, bodies: list[bytes], answers: list[bytes]) -> Frame:
    """The mock's own validation and state frame, measured apart on the same messages, part by part:
    the hardened parse and contract check of the request, the contract check of the answer the call
    gave (strict mode), and one write transaction journalling the call; before them, the floor of the
    same request. The rest of a call is the
    operation's own work (its rules and their SQL, writing the answer) and the WSGI frame."""
    contract, frame = operation.contract, Frame([], [], [], [])
    schema = contract._schema
    for body, answer in zip(bodies, answers, strict=True):
        payload = body_element(etree.fromstring(answer))
        floor_started = time.perf_counter()
        schema.validate(body_element(etree.fromstring(body)))
        started = time.perf_counter()
        contract.validate_request(parse_envelope(body, contract.version).body)
        checked = time.perf_counter()
        contract.validate_response(payload)
        answered = time.perf_counter()
        with tenant.transaction() as db:
            entry = journal.JournalEntry(
                logged_at=journal.instant_text(clock.now(db)),
                endpoint=operation.url,
                operation=operation.name,
                verdict="ok",
                status=200,
                duration_ms=0.5,
                request=body.decode("utf-8", "replace"),
                response=answer.decode("utf-8"),
            )
            journal.record(db, entry)
        stored = time.perf_counter()
        frame.floor.append(started - floor_started)
        frame.request_check.append(checked - started)
        frame.answer_check.append(answered - checked)
        frame.state.append(stored - answered)
    return frame


def empty_write_transactions(app: MockServer, iterations: int) -> list[float]:
    """Seconds per empty write transaction on a tenant: the least one call's state can cost."""
    tenant = app.tenants.get("bench-transaction-floor")
    timings = []
    for _ in range(iterations):
        started = time.perf_counter()
        with tenant.transaction():
            pass
        timings.append(time.perf_counter() - started)
    return timings


def client_overhead(body: bytes, iterations: int) -> list[float]:
    """Seconds per call of werkzeug's test client itself: the same request to an app that only reads it."""
    answer = b"<x/>" * 250

    def trivial(environ, start_response):  # type: ignore[no-untyped-def]
        environ["wsgi.input"].read()
        return Response(answer, content_type="text/xml; charset=utf-8")(environ, start_response)

    client, timings = Client(trivial), []
    for _ in range(iterations):
        started = time.perf_counter()
        client.post("/tenants/x/endpoint", data=body, headers=pws_headers("PwsSaveTimeCards")).get_data()
        timings.append(time.perf_counter() - started)
    return timings


def run(figures: Figures, quick: bool = False) -> None:
    iterations = 300 if quick else 2000
    section(f"in-process cost per operation (werkzeug test client, {iterations} calls each) vs the lxml floor")
    app = create_app()
    client = Client(app)
    write = median(empty_write_transactions(app, iterations))
    figures.add(
        "floor_write_transaction_median_ms",
        write * 1000,
        "ms",
        note="BEGIN IMMEDIATE + COMMIT on an in-memory tenant: what each call's state costs before any work",
    )
    frame_tenant = app.tenants.get("bench-validation-and-state")
    for operation in operations(client, iterations):
        served(client, operation, operation.bodies[:-iterations])  # warm-up
        cost, base, answers = served(client, operation, operation.bodies[-iterations:])
        frame = validation_and_state(frame_tenant, operation, operation.bodies[-iterations:], answers)
        name = operation.name
        figures.add(f"inproc_{name}_median_ms", median(cost) * 1000, "ms")
        figures.add(f"inproc_{name}_p99_ms", percentile(cost, 99) * 1000, "ms")
        figures.add(f"floor_{name}_median_ms", median(base) * 1000, "ms", note="lxml parse + validate")
        figures.add(f"inproc_{name}_vs_floor", median(cost) / median(base), "x", RATIO_TARGET)
        figures.add(
            f"inproc_{name}_validation_and_state_median_ms",
            median(frame.total()) * 1000,
            "ms",
            note="of the call: request parse + check, answer check, a write transaction journalling it",
        )
        figures.add(
            f"inproc_{name}_validation_and_state_vs_floor",
            median(frame.total()) / median(frame.floor),
            "x",
            RATIO_TARGET,
            note="the mock's validation and state frame alone, against the floor taken beside it",
        )
        figures.add(
            f"inproc_{name}_request_check_vs_floor",
            median(frame.request_check) / median(frame.floor),
            "x",
            note="of the frame: the hardened parse and contract check of the request, against the floor",
        )
        figures.add(
            f"inproc_{name}_answer_check_median_ms",
            median(frame.answer_check) * 1000,
            "ms",
            note=f"of the frame: the contract check of the {len(answers[0]):,}-byte answer (strict mode)",
        )
        figures.add(
            f"inproc_{name}_state_median_ms",
            median(frame.state) * 1000,
            "ms",
            note="of the frame: one write transaction writing the call's journal row",
        )
        figures.add(
            f"inproc_{name}_vs_floor_and_transaction",
            median(cost) / (median(base) + write),
            "x",
            note="the same against the floor plus one empty write transaction",
        )
    overhead = client_overhead(save_body("x", SAVE_FIRST_DAY), iterations)
    figures.add(
        "inproc_test_client_overhead_ms",
        median(overhead) * 1000,
        "ms",
        note="werkzeug test client alone, included in each inproc figure",
    )


def profile(iterations: int, top: int) -> None:
    """cProfile of each operation's calls: the functions where the time goes."""
    client = Client(create_app())
    for operation in operations(client, iterations):
        served(client, operation, operation.bodies[:10])
        profiler = cProfile.Profile()
        profiler.enable()
        served(client, operation, operation.bodies[10:], with_floor=False)  # timings unused: cProfile's
        profiler.disable()
        print(f"\n==== {operation.name}: {len(operation.bodies) - 10} calls")
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(top)
        stats.sort_stats("cumulative").print_stats("mockserver", top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions per operation")
    parser.add_argument("--top", type=int, default=20, help="functions listed per profile (default 20)")
    args = parser.parse_args()
    if args.profile:
        profile(300 if args.quick else 1000, args.top)
    else:
        run(Figures(), args.quick)


if __name__ == "__main__":
    main()
