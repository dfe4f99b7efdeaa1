"""The pytest plugin as a client developer uses it: in their own suite, with zeep, under xdist."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

CLIENT_SUITE = """
import zeep

from mockserver.testing import MockServerError


def login(client):
    return client.service.PwsAuthenticate(
        serviceRequest={"AccountCode": "DEMO", "UserName": "e123@example.com", "Password": "e123-password"}
    ).SessionTicket


def save_card(client, ticket, minutes):
    card = {"TimecardType": "T", "ProjectIdentity": {"ProjectCode": "P001396-001"},
            "WorkDate": "2018-03-26T00:00:00Z", "WorkMinutes": minutes}
    return client.service.PwsSaveTimeCards(serviceRequest={
        "SessionTicket": ticket, "StartDate": "2018-03-01T00:00:00Z", "EndDate": "2018-03-31T00:00:00Z",
        "ResourceIdentity": {"ResourceReferenceSystemId": "E123"}, "SaveTimeCards": {"PwsTimecardDetail": [card]}})


def cards_on_the_26th(client, ticket):
    read = client.service.PwsGetTimeCards(serviceRequest={
        "SessionTicket": ticket, "StartDate": "2018-03-26T00:00:00Z", "EndDate": "2018-03-26T00:00:00Z",
        "IncludeTimeCardsFlag": True, "IncludeDraftFlag": True})
    projects = read.TimeEntryProjects.PwsTimeEntryProject if read.TimeEntryProjects else []
    return [card.WorkMinutes for project in projects for card in project.TimeCards.PwsTimecardDetail]


def test_a_tenant_of_its_own_with_a_forced_vendor_error(mock_tenant):
    client = zeep.Client(mock_tenant.wsdl("pws"))
    ticket = login(client)
    mock_tenant.force_error("PwsSaveTimeCards", 64182)
    answer = save_card(client, ticket, 60)
    assert answer.Status == "Fail"
    assert answer.Messages.PwsMessage[0].ErrorNumber == 64182
    assert save_card(client, ticket, 45).Status == "Ok"
    mock_tenant.assert_called("PwsSaveTimeCards", times=2)
    assert cards_on_the_26th(client, ticket) == [45]


def test_the_clock_and_the_journal(mock_tenant):
    mock_tenant.set_clock("2018-03-09T22:19:31+00:00")
    client = zeep.Client(mock_tenant.wsdl("pws"))
    answer = client.service.PwsAuthenticate(
        serviceRequest={"AccountCode": "DEMO", "UserName": "e123@example.com", "Password": "e123-password"})
    assert answer.ServerTimestampUtc.isoformat().startswith("2018-03-09T22:19:31")
    assert mock_tenant.count("PwsAuthenticate") == 1
    try:
        mock_tenant.assert_called("PwsGetTimeCards")
    except MockServerError as error:
        assert "received: PwsAuthenticate (ok)" in str(error)
    else:
        raise AssertionError("assert_called passed for a call never made")


def test_the_rate_limiter_refuses_with_a_pws_fault(mock_tenant):
    settings = mock_tenant.set_rate_limits(sessionLimit=1, warningPercent=100)
    assert settings["sessionLimit"] == 1
    assert settings["mode"] == "Error"
    client = zeep.Client(mock_tenant.wsdl("pws"))
    ticket = login(client)
    assert save_card(client, ticket, 60).Status == "Ok"
    try:
        save_card(client, ticket, 45)
    except zeep.exceptions.Fault as fault:
        number = fault.detail.find(".//{http://projectorpsa.com/DataContracts/Shared/Common/}ErrorNumber")
        assert number.text == "10016"
    else:
        raise AssertionError("the call past the session limit was not refused")
    mock_tenant.set_rate_limits(enabled=False)
    assert save_card(client, ticket, 30).Status == "Ok"
    assert sorted(cards_on_the_26th(client, ticket)) == [30, 60]
"""

PARALLEL_SUITE = """
import os

import zeep
import pytest

from test_client import cards_on_the_26th, login, save_card


@pytest.mark.parametrize("minutes", [15, 30, 45, 60, 75, 90])
def test_parallel_tests_never_see_each_others_cards(mock_tenant, minutes):
    assert mock_tenant.server.url == os.environ.get("MOCKSERVER_URL", mock_tenant.server.url)
    client = zeep.Client(mock_tenant.wsdl("pws"))
    ticket = login(client)
    assert save_card(client, ticket, minutes).Status == "Ok"
    assert cards_on_the_26th(client, ticket) == [minutes]
"""


@pytest.fixture
def client_suite(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(test_client=CLIENT_SUITE, test_parallel=PARALLEL_SUITE)
    return pytester


def test_a_client_suite_uses_the_fixtures(client_suite: pytest.Pytester) -> None:
    result = client_suite.runpytest_subprocess("-p", "no:cacheprovider", "test_client.py")
    result.assert_outcomes(passed=3)


def test_two_xdist_workers_share_nothing(client_suite: pytest.Pytester) -> None:
    result = client_suite.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2", "test_parallel.py")
    result.assert_outcomes(passed=6)


def test_two_workers_against_one_shared_server_stay_apart(
    client_suite: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mockserver.testing import RunningMockServer

    shared = RunningMockServer()
    try:
        monkeypatch.setenv("MOCKSERVER_URL", shared.url)
        result = client_suite.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2", "test_parallel.py")
        result.assert_outcomes(passed=6)
        assert shared.admin("GET", "/tenants")["meta"]["total"] == 0  # each test deleted its tenant
    finally:
        shared.stop()
