"""Many clients at once on one tenant: every accepted change stored once, no lost update."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import zeep
from zeep.transports import Transport

from mockserver.app import MockServer
from mockserver.contract_suite.target import IN_PROCESS_BASE as BASE_URL
from mockserver.contract_suite.wsgi_adapter import session_for
from mockserver.projector import pws

BINDING = "{http://projectorpsa.com/PwsProjectorServices/}BasicHttpBinding_IPwsProjectorServices"
DRAFTS = {"IncludeTimeCardsFlag": True, "IncludeDraftFlag": True}
"""What a read must ask for to get the draft time cards these tests race on (every flag defaults to false)."""
MARCH = {"StartDate": "2018-03-01T00:00:00Z", "EndDate": "2018-03-31T00:00:00Z"}
E123 = {"ResourceIdentity": {"ResourceReferenceSystemId": "E123"}}
"""Whose cards the inserts are: page 002 requires ResourceIdentity to insert."""
THREADS = 8


def service_for(app: MockServer, tenant: str) -> Any:
    """A client of its own (zeep and its HTTP session are not shared between threads)."""
    client = zeep.Client(f"{BASE_URL}{pws.ENDPOINT_PATH}?wsdl", transport=Transport(session=session_for(app, BASE_URL)))
    return client.create_service(BINDING, f"{BASE_URL}/tenants/{tenant}{pws.ENDPOINT_PATH}")


def login(service: Any) -> str:
    result = service.PwsAuthenticate(
        serviceRequest={"AccountCode": "DEMO", "UserName": "e123@example.com", "Password": "e123-password"}
    )
    return str(result.SessionTicket)


def test_concurrent_updates_of_one_card_version_read_let_exactly_one_win(mock_app: MockServer) -> None:
    tenant = f"race-{uuid.uuid4().hex[:8]}"
    services = [service_for(mock_app, tenant) for _ in range(THREADS)]
    tickets = [login(service) for service in services]
    read = services[0].PwsGetTimeCards(serviceRequest={"SessionTicket": tickets[0], **MARCH, **DRAFTS})
    card = next(c for p in read.TimeEntryProjects.PwsTimeEntryProject for c in p.TimeCards.PwsTimecardDetail)

    def update(index: int) -> Any:
        detail = {
            "TimecardType": "T",
            "TimecardUid": card.TimecardUid,
            "Timestamp": card.Timestamp,
            "WorkMinutes": 100 + index,
            "ReferenceId": str(index),
        }
        request = {"SessionTicket": tickets[index], **MARCH, "SaveTimeCards": {"PwsTimecardDetail": [detail]}}
        return services[index].PwsSaveTimeCards(serviceRequest=request)

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(update, range(THREADS)))
    outcomes = [r.TimecardResults.PwsSaveTimecardResult[0].ErrorDetail.ErrorNumber for r in results]
    assert outcomes.count(None) == 1
    assert sorted(n for n in outcomes if n is not None) == [64182] * (THREADS - 1)
    after = services[0].PwsGetTimeCards(serviceRequest={"SessionTicket": tickets[0], **MARCH, **DRAFTS})
    stored = next(
        c
        for p in after.TimeEntryProjects.PwsTimeEntryProject
        for c in p.TimeCards.PwsTimecardDetail
        if c.TimecardUid == card.TimecardUid
    )
    winner = outcomes.index(None)
    assert stored.WorkMinutes == 100 + winner


def test_concurrent_inserts_are_each_stored_once_and_tenants_stay_apart(mock_app: MockServer) -> None:
    tenant, bystander = f"busy-{uuid.uuid4().hex[:8]}", f"quiet-{uuid.uuid4().hex[:8]}"
    services = [service_for(mock_app, tenant) for _ in range(THREADS)]
    tickets = [login(service) for service in services]

    def insert(index: int) -> None:
        cards = [
            {
                "ReferenceId": f"{index}-{n}",
                "TimecardType": "T",
                "ProjectIdentity": {"ProjectCode": "P001396-001"},
                "WorkDate": "2018-03-28T00:00:00Z",
                "WorkMinutes": 1 + n,
            }
            for n in range(5)
        ]
        request = {"SessionTicket": tickets[index], **MARCH, **E123, "SaveTimeCards": {"PwsTimecardDetail": cards}}
        assert services[index].PwsSaveTimeCards(serviceRequest=request).Status == "Ok"

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(insert, range(THREADS)))

    def cards_on_the_28th(service: Any, ticket: str) -> list[Any]:
        day = {"StartDate": "2018-03-28T00:00:00Z", "EndDate": "2018-03-28T00:00:00Z", **DRAFTS}
        read = service.PwsGetTimeCards(serviceRequest={"SessionTicket": ticket, **day})
        projects = read.TimeEntryProjects.PwsTimeEntryProject if read.TimeEntryProjects else []
        return [c for p in projects for c in p.TimeCards.PwsTimecardDetail]

    stored = cards_on_the_28th(services[0], tickets[0])
    assert len(stored) == THREADS * 5
    assert len({c.TimecardUid for c in stored}) == THREADS * 5
    quiet = service_for(mock_app, bystander)
    assert cards_on_the_28th(quiet, login(quiet)) == []


def test_concurrent_calls_of_one_user_are_each_counted_once_by_the_rate_limiter(mock_app: MockServer) -> None:
    """Eight sessions of one user call at once: the user's count is every call, each session's its own."""
    tenant = f"hits-{uuid.uuid4().hex[:8]}"
    services = [service_for(mock_app, tenant) for _ in range(THREADS)]
    tickets = [login(service) for service in services]
    calls = 10

    def hammer(index: int) -> None:
        for _ in range(calls):
            assert services[index].PwsTestRateLimiter(serviceRequest={"SessionTicket": tickets[index]}).Status == "Ok"

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(hammer, range(THREADS)))
    snapshot = services[0].PwsTestRateLimiter(serviceRequest={"SessionTicket": tickets[0]}).RateLimitSnapshot
    assert (snapshot.UserHitCount, snapshot.InstallationHitCount) == (THREADS * calls + 1, THREADS * calls + 1)
    assert snapshot.SessionHitCount == calls + 1
