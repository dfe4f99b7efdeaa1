"""Many clients changing one tenant at once: every accepted change stored exactly once, no lost update.

In-process (one werkzeug test client per thread, all on one app), then over HTTP against
`mockserver serve --workers 2 --state-dir DIR`: two processes sharing the tenant's SQLite file.
Named test_concurrent_changes.py: tests/projector/test_concurrency.py already owns the basename
test_concurrency (test modules are not in packages here, so basenames must be unique).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from lxml import etree
from robustness.harness import (
    INELIGIBLE_FOR_ADJUSTMENT,
    OPS,
    OPS_ENDPOINT,
    PWS_ENDPOINT,
    Endpoint,
    MockProcess,
    SaveResult,
    card_update,
    cards_read,
    expect_ok,
    mock_process,
    new_card,
    ops_close,
    ops_import,
    ops_open,
    pws_get,
    pws_transfer,
    status_and_errors,
    text_of,
)
from robustness.racing import THREADS, OverHttp, all_at_once, contended_update, login, read_cards, save
from werkzeug.test import Client

from mockserver.app import MockServer

TIMECARD_HAS_BEEN_DELETED = 64332
DUPLICATE_REFERENCE = "DuplicateTimeCardReferenceSystemId"


class InProcess:
    """A PWS/Ops client of one tenant, in-process: one werkzeug client per thread."""

    def __init__(self, app: MockServer, tenant: str) -> None:
        self.app, self.tenant = app, tenant
        self._local = threading.local()

    def post(self, endpoint: Endpoint, data: bytes) -> etree._Element:
        client = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = Client(self.app)
        return expect_ok(
            client.post(endpoint.url(self.tenant), data=data, headers=endpoint.headers_for(data)), endpoint
        )


def test_concurrent_inserts_updates_transfers_and_deletes_in_one_tenant(
    mock_app: MockServer, new_tenant: Callable[[str], str]
) -> None:
    tenant, bystander = new_tenant("busy"), new_tenant("quiet")
    api = InProcess(mock_app, tenant)
    admin = Client(mock_app)
    assert admin.post("/__admin/tenants", json={"name": bystander}).status_code == 201
    bystander_before = json.loads(admin.get(f"/__admin/tenants/{bystander}/snapshot").data)
    tickets = all_at_once(lambda i: login(api))  # the first calls create the tenant at once
    before = read_cards(api, tickets[0])

    # Inserts: every thread saves four new cards at once; each is stored once, with a uid of its own.
    inserted = all_at_once(
        lambda i: save(api, tickets[i], cards=[new_card(f"{i}-{n}", f"2018-03-{10 + n:02d}", 10 + i) for n in range(4)])
    )
    assert all(result.error is None for results in inserted for result in results)
    own = [[result.card for result in results if result.card is not None] for results in inserted]
    new_uids = {card.uid for cards in own for card in cards}
    assert len(new_uids) == THREADS * 4
    after_inserts = read_cards(api, tickets[0])
    assert set(after_inserts) == set(before) | new_uids
    assert all(after_inserts[uid].version == 1 for uid in new_uids)

    # Contended updates: N updates of one card version read, three rounds: one winner each, no lost update.
    target = own[0][0]
    for _ in range(3):
        current = read_cards(api, tickets[0])[target.uid]
        winner, _ = contended_update(api, tickets, current)
        stored = read_cards(api, tickets[0])[target.uid]
        assert (stored.minutes, stored.version) == (100 + winner, current.version + 1)

    # Contended transfers of one card version: one wins, the others are told it changed (64365).
    moved = read_cards(api, tickets[0])[own[1][0].uid]

    def transfer(i: int) -> tuple[str, list[int]]:
        return status_and_errors(api.post(PWS_ENDPOINT, pws_transfer(tickets[i], moved.uid, moved.timestamp)))

    transfers = all_at_once(transfer)
    assert Counter(status for status, _ in transfers) == {"Ok": 1, "Fail": THREADS - 1}, transfers
    assert all(errors == [INELIGIBLE_FOR_ADJUSTMENT] for status, errors in transfers if status == "Fail")
    after_transfer = read_cards(api, tickets[0])[moved.uid]
    assert (after_transfer.project, after_transfer.version) == ("P001556-001", moved.version + 1)

    # Each thread on its own cards at once: two updates with the Timestamp it read, a transfer, a delete.
    mine = {i: own[i][2:] for i in range(THREADS)}  # cards 0 and 1 of some threads were contended above

    def change_own(i: int) -> None:
        updated, deleted = mine[i]
        card = updated
        for minutes in (200 + i, 300 + i):
            [result] = save(api, tickets[i], cards=[card_update(card.uid, card.timestamp, minutes)])
            assert result.error is None, result
            assert result.card is not None
            card = result.card
        status, errors = status_and_errors(api.post(PWS_ENDPOINT, pws_transfer(tickets[i], card.uid, card.timestamp)))
        assert (status, errors) == ("Ok", [])
        [result] = save(api, tickets[i], deletes=[deleted.uid])
        assert result.error is None, result

    all_at_once(change_own)
    final = read_cards(api, tickets[0])
    for i, (updated, deleted) in mine.items():
        assert deleted.uid not in final
        assert final[updated.uid].minutes == 300 + i
        assert final[updated.uid].version == updated.version + 3  # two updates and a transfer
        assert final[updated.uid].project == "P001556-001"
    assert set(final) == set(before) | new_uids - {deleted.uid for _, deleted in mine.values()}

    # Contended deletes of one card: one deletes it, the others find it deleted.
    victim = own[0][1].uid
    outcomes = all_at_once(lambda i: save(api, tickets[i], deletes=[victim])[0].error)
    assert Counter(outcomes) == {None: 1, TIMECARD_HAS_BEEN_DELETED: THREADS - 1}, outcomes
    assert victim not in read_cards(api, tickets[0])

    # Every call was journaled once; the tenant next door saw nothing.
    counted = admin.post("/__admin/requests/count", json={"tenant": tenant, "operation": "PwsSaveTimeCards"})
    assert json.loads(counted.data)["count"] == THREADS * (1 + 3 + 2 + 1 + 1)
    assert json.loads(admin.get(f"/__admin/tenants/{bystander}/snapshot").data) == bystander_before


def test_concurrent_ops_imports_into_one_batch_lose_no_card(
    mock_app: MockServer, new_tenant: Callable[[str], str]
) -> None:
    api = InProcess(mock_app, new_tenant("ops-race"))
    batch = int(text_of(api.post(OPS_ENDPOINT, ops_open()), OPS, "BatchId") or 0)

    def load(i: int) -> tuple[str, list[str]]:
        answer = api.post(OPS_ENDPOINT, ops_import(batch, [f"card-{i}-{n}" for n in range(5)] + ["shared"]))
        codes = [code.text or "" for code in answer.iter(f"{{{OPS}}}ErrorCode")]
        return text_of(answer, OPS, "ServiceResult") or "", codes

    results = all_at_once(load)
    # Every call's own five cards are loaded; "shared" is loaded by exactly one call.
    assert Counter(result for result, _ in results) == {"Ok": 1, "PartialFail": THREADS - 1}, results
    assert all(codes == [DUPLICATE_REFERENCE] for result, codes in results if result == "PartialFail")
    closed = api.post(OPS_ENDPOINT, ops_close(batch))
    assert text_of(closed, OPS, "ServiceResult") == "Ok"
    ticket = login(api)
    april = cards_read(api.post(PWS_ENDPOINT, pws_get(ticket, ("2018-04-09T00:00:00Z", "2018-04-09T00:00:00Z"))))
    assert len(april) == THREADS * 5 + 1


def worker_pids(master: int) -> list[int]:
    """The processes whose parent is ``master`` (granian's workers)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            children.append(int(stat.parent.name))
    return children


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockProcess]:
    """`mockserver serve --workers 2 --state-dir DIR`: two processes sharing the tenants' files."""
    state: Path = tmp_path_factory.mktemp("state")
    with mock_process("--workers", "2", "--state-dir", str(state)) as server:
        deadline = time.monotonic() + 20
        while len(worker_pids(server.process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        yield server


def race_over_http(urls: list[str]) -> None:
    """Concurrent inserts, then three rounds of concurrent updates of one card, threads spread over ``urls``."""
    api = OverHttp(urls, f"http-race-{uuid.uuid4().hex[:10]}")
    threads = 8

    def first_use(i: int) -> str:  # every thread's first call creates the tenant, in both processes at once
        api.for_thread(i)
        return login(api)

    tickets = all_at_once(first_use, threads)

    def insert(i: int) -> list[SaveResult]:
        api.for_thread(i)
        return save(api, tickets[i], cards=[new_card(f"w{i}-{n}", "2018-03-20", 5) for n in range(3)])

    inserted = all_at_once(insert, threads)
    uids = {result.card.uid for results in inserted for result in results if result.card is not None}
    assert len(uids) == threads * 3
    assert uids <= set(read_cards(api, tickets[0]))
    card = read_cards(api, tickets[0])[min(uids)]
    for _ in range(3):
        winner, _ = contended_update(api, tickets, card)
        stored = read_cards(api, tickets[0])[card.uid]
        assert (stored.minutes, stored.version) == (100 + winner, card.version + 1)
        card = stored


def test_two_worker_processes_let_one_of_many_concurrent_updates_win(two_workers: MockProcess) -> None:
    assert len(worker_pids(two_workers.process.pid)) == 2
    race_over_http([two_workers.url])


def test_two_servers_on_one_state_dir_let_one_of_many_concurrent_updates_win(tmp_path: Path) -> None:
    """Two `mockserver serve --state-dir DIR` on one DIR: half the threads on each, so processes surely race."""
    with (
        mock_process("--state-dir", str(tmp_path)) as first,
        mock_process("--state-dir", str(tmp_path)) as second,
    ):
        race_over_http([first.url, second.url])
