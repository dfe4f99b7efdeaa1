"""Many clients of one tenant at once: threads released together, each a client of its own, over HTTP spread
across one or several servers (workers, replicas); the PWS calls they race with.

Imported as ``robustness.racing``, beside the harness whose requests and answer checks it uses.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol, TypeVar

from lxml import etree
from robustness.harness import (
    PWS_ENDPOINT,
    TIMECARD_HAS_BEEN_CHANGED,
    Card,
    Endpoint,
    SaveResult,
    card_update,
    cards_read,
    post_over_http,
    pws_authenticate,
    pws_get,
    pws_save,
    save_results,
    session_ticket,
)

THREADS = 12
T = TypeVar("T")


class Api(Protocol):
    """A client of one tenant: a call's body element, checked as a 200 answer valid against the contract."""

    def post(self, endpoint: Endpoint, data: bytes) -> etree._Element: ...


def all_at_once(action: Callable[[int], T], threads: int = THREADS) -> list[T]:
    """``action(i)`` in ``threads`` threads released together by a barrier; the results in order."""
    barrier = threading.Barrier(threads, timeout=30)

    def run(index: int) -> T:
        barrier.wait()
        return action(index)

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(run, range(threads)))


class OverHttp:
    """A client over HTTP: thread ``i`` talks to ``urls[i % len(urls)]``, a new connection per call
    (a kept-alive connection stays with the one worker that accepted it)."""

    def __init__(self, urls: list[str], tenant: str) -> None:
        self.urls, self.tenant = urls, tenant
        self._local = threading.local()

    def for_thread(self, index: int) -> None:
        self._local.url = self.urls[index % len(self.urls)]

    def post(self, endpoint: Endpoint, data: bytes) -> etree._Element:
        url = getattr(self._local, "url", self.urls[0])
        return post_over_http(f"{url}{endpoint.url(self.tenant)}", endpoint, data, {"Connection": "close"})


def login(api: Api) -> str:
    return session_ticket(api.post(PWS_ENDPOINT, pws_authenticate()))


def read_cards(api: Api, ticket: str) -> dict[int, Card]:
    return cards_read(api.post(PWS_ENDPOINT, pws_get(ticket)))


def save(api: Api, ticket: str, **request: Any) -> list[SaveResult]:
    return save_results(api.post(PWS_ENDPOINT, pws_save(ticket, **request)))


def contended_update(api: Api, tickets: list[str], card: Card) -> tuple[int, list[int | None]]:
    """All threads update ``card`` as read (its Timestamp): the winner's index and every outcome."""

    def update(i: int) -> int | None:
        if isinstance(api, OverHttp):
            api.for_thread(i)
        return save(api, tickets[i], cards=[card_update(card.uid, card.timestamp, 100 + i)])[0].error

    outcomes = all_at_once(update, len(tickets))
    assert outcomes.count(None) == 1, outcomes
    assert Counter(outcomes) == {None: 1, TIMECARD_HAS_BEEN_CHANGED: len(tickets) - 1}, outcomes
    return outcomes.index(None), outcomes
