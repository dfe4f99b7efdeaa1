"""Several `mockserver serve` replicas sharing their tenants through one PostgreSQL database (issue 20): a tenant
and its sessions are the database's, not a replica's; every acknowledged change is stored once whichever replica
took it, also when one is killed -9 mid-load; a database that goes away is a Server fault, never a hang, and the
replicas answer normally once it is back, by themselves.

The replicas run as processes (robustness.harness), their clients race as the SQLite workers' do
(robustness.racing). Each test's tenant has a name of its own, in a database of this module's own on the session's
server; the outage test stops and restarts a server of its own.
"""

from __future__ import annotations

import signal
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from robustness.harness import (
    INELIGIBLE_FOR_ADJUSTMENT,
    PWS_ENDPOINT,
    TP_ENDPOINT,
    Endpoint,
    MockProcess,
    card_update,
    fault_of,
    mock_process,
    new_card,
    no_traceback,
    payload,
    pws_get,
    pws_save,
    pws_transfer,
    save_results,
    status_and_errors,
    tp_profiles,
)
from robustness.racing import OverHttp, all_at_once, contended_update, login, read_cards, save
from support.postgres import PostgresServer, RunningPostgres, binaries_present, new_database, running_postgres

CONNECTIONS = 16
READ_TIMEOUT = 3.0
STORE_UNAVAILABLE = "The mock's store is unavailable"
TRANSFERRED_TO = "P001556-001"
"""The project pws_transfer moves a card to."""


@pytest.fixture(scope="module")
def store(postgres: PostgresServer) -> Iterator[str]:
    """The URL of a database of this module's own on the session's server."""
    with new_database(postgres) as database:
        yield database.url


@pytest.fixture
def replicas(store: str) -> Iterator[tuple[MockProcess, MockProcess]]:
    """Two `mockserver serve --store URL` on ports of their own, one database."""
    with mock_process("--store", store) as first, mock_process("--store", store) as second:
        yield first, second


def new_tenant(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def journal_count(server: MockProcess, tenant: str, operation: str) -> int:
    counted = requests.post(
        f"{server.url}/__admin/requests/count", json={"tenant": tenant, "operation": operation}, timeout=30
    )
    assert counted.status_code == 200, counted.text
    count: int = counted.json()["count"]
    return count


def test_two_replicas_share_a_tenant_its_session_and_every_change(
    replicas: tuple[MockProcess, MockProcess],
) -> None:
    first, second = replicas
    tenant = new_tenant("shared")
    ticket = login(OverHttp([first.url], tenant))  # the tenant is made, and the session opened, through the first
    api = OverHttp([first.url, second.url], tenant)  # connection i through replica i % 2
    api.for_thread(1)
    before = read_cards(api, ticket)  # the second knows the tenant, and the session
    assert before

    def change_own(i: int) -> tuple[int, int]:
        """Two new cards; the first updated twice with the Timestamp read, then transferred: the two uids."""
        api.for_thread(i)
        saved = save(api, ticket, cards=[new_card(f"r{i}-{n}", f"2018-03-{10 + n}", 10 + i) for n in range(2)])
        cards = [result.card for result in saved if result.error is None and result.card is not None]
        assert len(cards) == 2, saved
        card = cards[0]
        for minutes in (200 + i, 300 + i):
            [result] = save(api, ticket, cards=[card_update(card.uid, card.timestamp, minutes)])
            assert result.error is None, result
            assert result.card is not None
            card = result.card
        assert status_and_errors(api.post(PWS_ENDPOINT, pws_transfer(ticket, card.uid, card.timestamp))) == ("Ok", [])
        return card.uid, cards[1].uid

    own = all_at_once(change_own, CONNECTIONS)
    changed, untouched = {uid: i for i, (uid, _) in enumerate(own)}, {uid: i for i, (_, uid) in enumerate(own)}
    assert len(changed.keys() | untouched.keys()) == 2 * CONNECTIONS  # every insert a uid of its own

    # One card version read, updated and then transferred by every connection at once: one wins each time.
    target = read_cards(api, ticket)[own[0][1]]
    winner, _ = contended_update(api, [ticket] * CONNECTIONS, target)

    updated = read_cards(api, ticket)[target.uid]

    def transfer(i: int) -> tuple[str, tuple[int, ...]]:
        api.for_thread(i)
        status, errors = status_and_errors(api.post(PWS_ENDPOINT, pws_transfer(ticket, updated.uid, updated.timestamp)))
        return status, tuple(errors)

    transfers = Counter(all_at_once(transfer, CONNECTIONS))
    assert transfers == {("Ok", ()): 1, ("Fail", (INELIGIBLE_FOR_ADJUSTMENT,)): CONNECTIONS - 1}, transfers

    # Both replicas read the same cards: each acknowledged change once, each version counting its changes.
    final = read_cards(OverHttp([first.url], tenant), ticket)
    assert read_cards(OverHttp([second.url], tenant), ticket) == final
    assert set(final) == set(before) | changed.keys() | untouched.keys()
    for uid, i in changed.items():
        assert (final[uid].minutes, final[uid].version, final[uid].project) == (300 + i, 4, TRANSFERRED_TO)
    for uid, i in untouched.items():
        if uid != target.uid:
            assert (final[uid].minutes, final[uid].version) == (10 + i, 1)
    assert (final[target.uid].minutes, final[target.uid].version) == (100 + winner, 3)  # an update, a transfer
    assert final[target.uid].project == TRANSFERRED_TO
    saves = CONNECTIONS * 3 + CONNECTIONS  # each connection's three, then the contended update
    assert journal_count(first, tenant, "PwsSaveTimeCards") == journal_count(second, tenant, "PwsSaveTimeCards")
    assert journal_count(second, tenant, "PwsSaveTimeCards") == saves


def test_a_replica_killed_mid_load_loses_nothing_it_acknowledged(replicas: tuple[MockProcess, MockProcess]) -> None:
    first, second = replicas
    tenant = new_tenant("killed")
    survivor = OverHttp([second.url], tenant)
    ticket = login(survivor)
    before = read_cards(survivor, ticket)
    acknowledged: dict[MockProcess, list[tuple[int, int]]] = {first: [], second: []}
    stop = threading.Event()

    def writer(i: int) -> None:
        """New cards through replica i % 2, one a call, until stopped; a call cut by the kill is not acknowledged."""
        server = (first, second)[i % 2]
        for n in range(1, 100_000):
            if stop.is_set():
                return
            data = pws_save(ticket, cards=[new_card(f"k{i}-{n}", "2018-03-27", (i * 97 + n) % 1441)])
            try:
                response = requests.post(
                    f"{server.url}{PWS_ENDPOINT.url(tenant)}",
                    data=data,
                    headers=PWS_ENDPOINT.headers_for(data),
                    timeout=30,
                )
            except requests.RequestException:
                if server is first:
                    return
                raise
            assert response.status_code == 200, response.text[:1000]
            [result] = save_results(payload(response.content, PWS_ENDPOINT.version))
            assert result.card is not None, result
            acknowledged[server].append((result.card.uid, result.card.minutes))

    with ThreadPoolExecutor(CONNECTIONS) as pool:
        writers = [pool.submit(writer, i) for i in range(CONNECTIONS)]
        try:
            wait_for(lambda: len(acknowledged[first]) >= 40)
            first.stop(signal.SIGKILL)
            after_kill = len(acknowledged[second])
            wait_for(lambda: len(acknowledged[second]) >= after_kill + 40)  # no lock left held by the killed one
        finally:
            stop.set()
        for done in writers:
            done.result(timeout=60)

    stored = read_cards(survivor, ticket)
    saves = acknowledged[first] + acknowledged[second]
    missing = [(uid, minutes) for uid, minutes in saves if uid not in stored or stored[uid].minutes != minutes]
    assert not missing, f"{len(missing)} of {len(saves)} acknowledged saves lost or changed"
    assert len({uid for uid, _ in saves}) == len(saves)
    unacknowledged = len(stored) - len(before) - len(saves)
    assert 0 <= unacknowledged <= CONNECTIONS // 2, unacknowledged  # at most the calls the kill cut


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not so after {seconds:g} s"
        time.sleep(0.01)


@pytest.fixture
def own_postgres() -> Iterator[RunningPostgres]:
    """A server of this test's own: the test stops it and starts it again."""
    if not binaries_present():
        pytest.skip("PostgreSQL 15 is not installed (Debian's postgresql; tests/toolkits/install.sh installs it)")
    with running_postgres() as running:
        yield running


def post_in_time(url: str, endpoint: Endpoint, data: bytes) -> requests.Response:
    """The answer to a call, which must come within the replica's read timeout."""
    started = time.monotonic()
    response = requests.post(url, data=data, headers=endpoint.headers_for(data), timeout=READ_TIMEOUT * 3)
    assert time.monotonic() - started < READ_TIMEOUT, f"answered after {time.monotonic() - started:.1f} s"
    return response


def test_a_database_away_is_a_server_fault_and_back_normal_answers(own_postgres: RunningPostgres) -> None:
    tenant = new_tenant("outage")
    with mock_process("--store", own_postgres.server.url, "--read-timeout", str(READ_TIMEOUT)) as replica:
        api = OverHttp([replica.url], tenant)
        ticket = login(api)
        [saved] = save(api, ticket, cards=[new_card("before", "2018-03-05", 55)])
        assert saved.card is not None
        all_at_once(lambda i: read_cards(api, ticket), 8)  # several connections kept open by the replica
        calls = [
            (PWS_ENDPOINT, pws_get(ticket)),
            (PWS_ENDPOINT, pws_save(ticket, cards=[new_card("x", "2018-03-06", 5)])),
        ]
        calls.append((TP_ENDPOINT, tp_profiles()))

        with own_postgres.outage():
            for endpoint, data in calls:
                response = post_in_time(f"{replica.url}{endpoint.url(tenant)}", endpoint, data)
                no_traceback(response.content)
                assert response.status_code == 500
                fault = fault_of(payload(response.content, endpoint.version), endpoint.version)
                assert fault.code in {"Server", "Receiver"}, fault
                assert fault.reason.startswith(STORE_UNAVAILABLE), fault

        for _ in range(10):  # every call after, each on whichever connection the replica has, answered normally
            answer = post_in_time(f"{replica.url}{PWS_ENDPOINT.url(tenant)}", PWS_ENDPOINT, pws_get(ticket))
            assert answer.status_code == 200, answer.text[:1000]
        assert read_cards(api, ticket)[saved.card.uid].minutes == 55
        [after] = save(api, ticket, cards=[new_card("after", "2018-03-07", 66)])
        assert after.error is None, after
