"""A client developer's own suite, as the README shows it: the installed plugin's mock_tenant, with zeep.

Not collected here: the plugin tests and the installed-package test each run it as a project of its own."""
import pytest
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
    with pytest.raises(MockServerError, match=r"received: PwsAuthenticate \(ok\)"):  # it lists the calls it saw
        mock_tenant.assert_called("PwsGetTimeCards")


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
