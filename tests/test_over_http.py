"""The real thing: `mockserver serve` in its own process, zeep built from the WSDLs it serves over HTTP."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
import zeep
from lxml import etree
from support.journal_requests import VALID
from support.served import served

from mockserver.fixtures import TIMEPUNCH_CUSTOMER_TOKEN, md5_upper
from mockserver.projector import ops, pws
from mockserver.timepunch import sync

EXAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "projector" / "examples"
BINDING = "{http://projectorpsa.com/PwsProjectorServices/}BasicHttpBinding_IPwsProjectorServices"
SYNC_BINDING = "{http://tempuri.org/}WSHttpBinding_ISyncService"


@pytest.fixture(scope="module")
def client(server_url: str) -> zeep.Client:
    return zeep.Client(f"{server_url}{pws.ENDPOINT_PATH}?wsdl")


@pytest.fixture
def service(client: zeep.Client, server_url: str, request: pytest.FixtureRequest) -> Any:
    tenant = re.sub(r"[^A-Za-z0-9]", "-", request.node.name)[:60]
    return client.create_service(BINDING, f"{server_url}/tenants/{tenant}{pws.ENDPOINT_PATH}")


def login(service: Any, user: str = "e123@example.com", password: str = "e123-password") -> str:
    result = service.PwsAuthenticate(serviceRequest={"AccountCode": "DEMO", "UserName": user, "Password": password})
    assert result.Status == "Ok"
    return str(result.SessionTicket)


def test_served_wsdl_names_the_address_the_client_used(client: zeep.Client, server_url: str) -> None:
    port = client.wsdl.services["PwsProjectorServices"].ports["BasicHttpBinding_IPwsProjectorServices"]
    assert port.binding_options["address"] == f"{server_url}{pws.ENDPOINT_PATH}"
    assert set(client.wsdl.bindings[BINDING]._operations) == set(pws.HANDLERS)  # every operation the mock answers


def test_insert_update_delete_and_submit_over_http(service: Any) -> None:
    ticket = login(service)
    march = {"StartDate": "2018-03-01T00:00:00Z", "EndDate": "2018-03-31T00:00:00Z"}

    def save(**request: Any) -> Any:
        whose = {"ResourceIdentity": {"ResourceReferenceSystemId": "E123"}}
        return service.PwsSaveTimeCards(serviceRequest={"SessionTicket": ticket, **march, **whose, **request})

    card = {"TimecardType": "T", "ProjectIdentity": {"ProjectCode": "P001396-001"}, "WorkMinutes": 60}
    inserted = save(
        SaveTimeCards={
            "PwsTimecardDetail": [
                {**card, "ReferenceId": "a", "WorkDate": "2018-03-26T00:00:00Z"},
                {**card, "ReferenceId": "b", "WorkDate": "2018-03-27T00:00:00Z"},
            ]
        }
    )
    assert inserted.Status == "Ok"
    saved = {r.ReferenceId: r.TimeCard for r in inserted.TimecardResults.PwsSaveTimecardResult}

    updated = save(
        SaveTimeCards={
            "PwsTimecardDetail": [
                {
                    "TimecardType": "T",
                    "TimecardUid": saved["a"].TimecardUid,
                    "Timestamp": saved["a"].Timestamp,
                    "WorkMinutes": 75,
                }
            ]
        }
    )
    assert updated.Status == "Ok"

    deleted = save(DeleteTimeCards={"PwsTimecardRef": [{"TimecardType": "T", "TimecardUid": saved["b"].TimecardUid}]})
    assert deleted.Status == "Ok"

    submitted = save(SubmitFlag=True, SubmitSavedCardsOnlyFlag=False)
    assert submitted.SubmittedFlag is True

    read = service.PwsGetTimeCards(
        serviceRequest={
            "SessionTicket": ticket,
            "StartDate": "2018-03-26T00:00:00Z",
            "EndDate": "2018-03-27T00:00:00Z",
            "IncludeTimeCardsFlag": True,  # every Include*Flag defaults to false
            "IncludeSubmittedFlag": True,
        }
    )
    cards = [c for p in read.TimeEntryProjects.PwsTimeEntryProject for c in p.TimeCards.PwsTimecardDetail]
    assert [(c.TimecardUid, c.WorkMinutes, c.CardStatus) for c in cards] == [(saved["a"].TimecardUid, 75, "S")]


def test_vendor_example_request_with_only_the_ticket_swapped(service: Any, server_url: str) -> None:
    ticket = login(service, "api.admin@example.com", "demo-password")
    example = (EXAMPLES / "PwsSaveTimeCards.request.xml").read_text(encoding="utf-8")
    tenant_url = service._binding_options["address"]
    answer = requests.post(
        tenant_url,
        data=example.replace("AUtZcJgtdfVGhgjNekiP9w==", ticket).encode(),
        headers={
            "Content-Type": "text/xml; charset=utf-8",
            "SOAPAction": '"http://projectorpsa.com/PwsProjectorServices/IPwsProjectorServices/PwsSaveTimeCards"',
        },
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    assert "<c:Status>Ok</c:Status>" in answer.text
    read = service.PwsGetTimeCards(
        serviceRequest={
            "SessionTicket": ticket,
            "StartDate": "2018-03-09T00:00:00Z",
            "EndDate": "2018-03-09T00:00:00Z",
            "ResourceIdentity": {"ResourceReferenceSystemId": "E123"},
            "IncludeTimeCardsFlag": True,  # every Include*Flag defaults to false
            "IncludeSubmittedFlag": True,
        }
    )
    cards = [c for p in read.TimeEntryProjects.PwsTimeEntryProject for c in p.TimeCards.PwsTimecardDetail]
    assert [(c.WorkMinutes, c.CardStatus, c.LocationIdentity.LocationName) for c in cards] == [(60, "S", "USA")]


def test_tenant_header_selects_the_tenant(server_url: str) -> None:
    client = zeep.Client(f"{server_url}{pws.ENDPOINT_PATH}?wsdl")
    client.transport.session.headers["X-Mock-Tenant"] = "header-tenant"
    ticket = login(client.service)
    other = zeep.Client(f"{server_url}/tenants/someone-else{pws.ENDPOINT_PATH}?wsdl")
    read = other.service.PwsGetTimeCards(
        serviceRequest={"SessionTicket": ticket, "StartDate": "2018-03-01T00:00:00Z", "EndDate": "2018-03-31T00:00:00Z"}
    )
    assert read.Status == "FailSessionInvalid"  # the session lives in the header's tenant only


def test_transfer_and_project_role_over_http(service: Any) -> None:
    ticket = login(service)
    developer_role = {
        "SessionTicket": ticket,
        "StartDate": "2018-03-01T00:00:00Z",
        "EndDate": "2018-03-31T00:00:00Z",
        "ProjectIdentity": {"ProjectCode": "P001556-001"},
        "RoleIdentity": {"ProjectRoleUid": 1152921504609801802},
    }
    role = service.PwsGetTimeEntryProjectRole(serviceRequest=developer_role)
    assert role.Status == "Ok"
    project = role.TimeEntryProject
    assert project.ProjectDescriptor.ProjectCode == "P001556-001"
    assert [r.RoleName for r in project.ProjectDescriptor.ProjectRoles.PwsRole] == ["Developer"]

    transferred = service.PwsTransferTime(
        serviceRequest={
            "SessionTicket": ticket,
            "AdjustmentType": "TPT",
            "Explanation": "Over HTTP",
            "TransferOrders": {
                "PwsTimeTransferOrder": [
                    {
                        "NewProjectIdentity": {"ProjectCode": "P001556-001"},
                        "NewProjectRoleIdentity": {"ProjectRoleUid": 1152921504609801802},
                        "TimeCardIdentities": {
                            "PwsVersionedTimecardRef": [{"TimecardType": "T", "TimecardId": 45639611}]
                        },
                    }
                ]
            },
        }
    )
    assert transferred.Status == "Ok"
    assert [ref.TimecardId for ref in transferred.TimeCardIdentities.PwsTimecardRef] == [45639611]

    after = service.PwsGetTimeEntryProjectRole(serviceRequest=developer_role)
    assert [card.TimecardId for card in after.TimeEntryProject.TimeCards.PwsTimecardDetail] == [45639611]


def test_ops_open_import_close_over_http(server_url: str) -> None:
    client = zeep.Client(f"{server_url}/tenants/ops-http{ops.ENDPOINT_PATH}?wsdl")
    client.set_default_soapheaders(
        {"OpsAuthenticationHeader": {"EmailAddress": "api.admin@example.com", "Password": "demo-password"}}
    )
    opened = client.service.OpsOpenTimeCardBatch(request={})
    assert opened.ServiceResult == "Ok"
    card = {
        "ProjectCode": "P001396-001",
        "ResourceReferenceSystemId": "E123",
        "Role": "Consultant",
        "ProjectWbsTaskCode": "1.1",
        "WorkDate": date(2018, 4, 9),
        "WorkMinutes": 90,
    }
    imported = client.service.OpsImportTimeCards(
        request={
            "BatchId": opened.BatchId,
            "TimeCards": {"TimeCard": [{"TimeCardReferenceSystemId": "A", **card}, {"TimeCardReferenceSystemId": "B"}]},
        }
    )
    assert imported.ServiceResult == "PartialFail"
    assert [e.Index for e in imported.TimeCardErrors.TimeCardError] == [1, 1, 1, 1]
    closed = client.service.OpsCloseTimeCardBatch(request={"BatchId": opened.BatchId, "Status": "A"})
    assert closed.ServiceResult == "Ok"

    pws_client = zeep.Client(f"{server_url}/tenants/ops-http{pws.ENDPOINT_PATH}?wsdl")
    read = pws_client.service.PwsGetTimeCards(
        serviceRequest={
            "SessionTicket": login(pws_client.service, "api.admin@example.com", "demo-password"),
            "StartDate": "2018-04-09T00:00:00Z",
            "EndDate": "2018-04-09T00:00:00Z",
            "ResourceIdentity": {"ResourceReferenceSystemId": "E123"},
            "IncludeTimeCardsFlag": True,  # every Include*Flag defaults to false
            "IncludeApprovedFlag": True,
        }
    )
    cards = [c for p in read.TimeEntryProjects.PwsTimeEntryProject for c in p.TimeCards.PwsTimecardDetail]
    assert [(c.WorkMinutes, c.CardStatus) for c in cards] == [(90, "A")]


def no_fault(answer: Any) -> bool:
    """zeep reads a nil TpFault as an empty one, and unwraps a void method's answer to its fault."""
    fault = getattr(answer, "fault", answer)
    return fault is None or fault.Message is None


def test_timepunch_all_twelve_operations_over_http(server_url: str) -> None:
    client = zeep.Client(f"{server_url}/tenants/timepunch-http{sync.ENDPOINT_PATH}?wsdl")
    assert client.wsdl.bindings[SYNC_BINDING].__class__.__name__ == "Soap12Binding"
    auth = {"CustomerToken": TIMEPUNCH_CUSTOMER_TOKEN, "TpUser": "ralf.herrmann", "TpHashedPwd": md5_upper("tpdemo")}
    service = client.service

    profiles = service.GetUseableSyncUserProfiles(authentication=auth)
    assert no_fault(profiles)
    ralf = next(
        p for p in profiles.GetUseableSyncUserProfilesResult.SyncUserProfileDto if p.LogonName == "ralf.herrmann"
    )
    devices = service.GetUseableConnectedDevicesForSync(authentication=auth)
    phone = next(
        d for d in devices.GetUseableConnectedDevicesForSyncResult.ConnectedDeviceDto if d.DeviceName == "Ralf iPhone"
    )
    assert phone.UserProfile.Id == ralf.Id

    assert no_fault(service.PullAndSyncConnectedDevices(authentication=auth, userProfileId=ralf.Id))
    info = service.GetDeviceInfo(authentication=auth, deviceConnectionId=phone.DeviceConnectionId)
    assert info.GetDeviceInfoResult.BindingState == "Bound"
    client_info = service.GetClientInfo(
        authentication=auth, deviceConnectionId=phone.DeviceConnectionId, clientConnectionId=ralf.Id
    )
    assert client_info.fault.Message.startswith("UnknownClientConnection: ")

    found = service.SearchTimeEntriesForSynchronisation(authentication=auth, lastSyncTime=datetime(2024, 3, 10))
    assert [entry.LogonTime.date() for entry in found.timeEntries.TimeEntryDto] == [
        date(2024, 3, 11),
        date(2024, 3, 12),
    ]
    projects = service.SearchProjectsForSynchronisation(authentication=auth)
    assert len(projects.SearchProjectsForSynchronisationResult.ProjectDto) == 3
    assert no_fault(service.UpdateLastSyncDate(syncDate=datetime(2024, 3, 12, 18), authentication=auth))

    customer = {"CustomerName": "Neu AG", "CustomerRefNr": "1"}
    assert no_fault(service.ApplyStaticData(authentication=auth, customers={"CustomerDto": [customer]}))
    project = projects.SearchProjectsForSynchronisationResult.ProjectDto[0]
    entry = {
        "Id": "7b1b2c3d-0000-4000-8000-000000000001",
        "LogonTime": datetime(2024, 3, 20, 8),
        "LogoffTime": datetime(2024, 3, 20, 9),
        "ProjectId": project.Id,
        "Usage": "WorkTime",
    }
    assert no_fault(service.ApplyTimeEntries(authentication=auth, timeEntries={"TimeEntrySaveDto": [entry]}))

    spare = {"DeviceConnectionId": phone.DeviceConnectionId}
    assert no_fault(service.ReleaseClientFromDevice(authentication=auth, connectedDevice=spare))
    assert no_fault(service.BindClientToDevice(authentication=auth, connectedDevice=spare))
    again = service.GetDeviceInfo(authentication=auth, deviceConnectionId=phone.DeviceConnectionId)
    assert again.GetDeviceInfoResult.BindingState == "Bound"


def test_serve_strict_refuses_an_unknown_member_that_the_default_reads_past(server_url: str) -> None:
    """By default a member the contract lacks is skipped, as WCF skips it, with a warning; ``--strict`` refuses it."""
    body = VALID.replace("<r:Password>", "<r:Bogus>1</r:Bogus><r:Password>")
    headers = {
        "Content-Type": "text/xml; charset=utf-8",
        "SOAPAction": '"http://projectorpsa.com/PwsProjectorServices/IPwsProjectorServices/PwsAuthenticate"',
    }
    lenient = requests.post(f"{server_url}{pws.ENDPOINT_PATH}", data=body, headers=headers, timeout=10)
    assert lenient.status_code == 200, lenient.text
    assert "<c:Status>Ok</c:Status>" in lenient.text
    assert lenient.headers["X-Mock-Warnings"] == "1"
    with served("--strict") as strict_url:
        strict = requests.post(f"{strict_url}{pws.ENDPOINT_PATH}", data=body, headers=headers, timeout=10)
    assert strict.status_code == 500, strict.text
    assert "X-Mock-Warnings" not in strict.headers
    fault = etree.fromstring(strict.content).find(".//faultcode")
    assert fault is not None
    assert fault.text == "sub:DeserializationFailed"
    assert "Bogus" in strict.text
