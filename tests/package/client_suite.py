"""A client developer's own suite, as the README shows it: the installed plugin's mock_tenant, and zeep."""

import zeep

E123 = {"AccountCode": "DEMO", "UserName": "e123@example.com", "Password": "e123-password"}


def save_card(client, ticket):
    card = {
        "TimecardType": "T",
        "ProjectIdentity": {"ProjectCode": "P001396-001"},
        "WorkDate": "2018-03-26T00:00:00Z",
        "WorkMinutes": 60,
    }
    return client.service.PwsSaveTimeCards(
        serviceRequest={
            "SessionTicket": ticket,
            "StartDate": "2018-03-01T00:00:00Z",
            "EndDate": "2018-03-31T00:00:00Z",
            "ResourceIdentity": {"ResourceReferenceSystemId": "E123"},
            "SaveTimeCards": {"PwsTimecardDetail": [card]},
        }
    )


def test_my_client_sees_a_forced_vendor_error_then_saves(mock_tenant):
    client = zeep.Client(mock_tenant.wsdl("pws"))
    ticket = client.service.PwsAuthenticate(serviceRequest=E123).SessionTicket
    mock_tenant.force_error("PwsSaveTimeCards", 64182)
    failed = save_card(client, ticket)
    assert failed.Status == "Fail"
    assert failed.Messages.PwsMessage[0].ErrorNumber == 64182
    assert save_card(client, ticket).Status == "Ok"
    mock_tenant.assert_called("PwsSaveTimeCards", times=2)


def test_each_test_has_a_tenant_of_its_own(mock_tenant):
    assert mock_tenant.count() == 0
