"""The Projector PSA (PWS) contract files hold together and accept exactly what the vendor documents.

Standalone: reads only ``contracts/projector/`` and ``fixtures/projector/examples/`` (no project imports), so it
runs before any server code exists. What it proves:

- the XSD set compiles with lxml (from ``pws-services.xsd``, relative schemaLocations) and with xmlschema;
- every vendor example envelope's Body element validates unchanged;
- the contract rejects what a WCF service would not deserialize (bad values, unknown or misplaced members) and
  accepts what the vendor answers with business errors instead (free-text TimecardType / CardStatus, missing dates);
- zeep consumes ``pws.wsdl``: seven operations with the vendor's SOAPActions, requests it builds validate, and it
  reads the vendor's response examples;
- PwsSplitTimeCards (the vendor's time card split service): its wiki request example, hand-written requests and the
  wiki's response shape validate; page 003's PwsVersionedTimecardRef items validate against the new type;
- PwsTransferTime (page 003): its example request and response validate unchanged and are page 003's verbatim; the
  error table's flag spelling AdjustRoleDatesAsNeededFlag is refused (the wire name is the example's);
- PwsGetTimeEntryProjectRole (page 004): minimal and full requests and the response shape validate;
- ``errors.csv`` is well formed ((number, operations) unique) and holds page 002's, 003's and 004's error tables.
"""

from __future__ import annotations

import copy
import csv
import re
from pathlib import Path

import pytest
import xmlschema
import zeep
from lxml import etree

from mockserver.projector.catalogue import PWS_CATALOGUE

REPO = Path(__file__).resolve().parents[2]
CONTRACTS = REPO / "contracts" / "projector"
EXAMPLES = REPO / "fixtures" / "projector" / "examples"
PAGE_002 = REPO / "fixtures" / "vendor-docs" / "002_54ea57f30008c731.txt"
PAGE_003 = REPO / "fixtures" / "vendor-docs" / "003_19d93cea1d06a091.txt"
PAGE_004 = REPO / "fixtures" / "vendor-docs" / "004_eefd9b7464ffb5a0.txt"

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSD = "http://www.w3.org/2001/XMLSchema"
WSDL = "http://schemas.xmlsoap.org/wsdl/"
WSDL_SOAP11 = "http://schemas.xmlsoap.org/wsdl/soap/"
PWS = "http://projectorpsa.com/PwsProjectorServices/"
REQ = "http://projectorpsa.com/DataContracts/Requests/"
RESP = "http://projectorpsa.com/DataContracts/Responses/"
TIM = "http://projectorpsa.com/DataContracts/Shared/TimeAndCost/"
COM = "http://projectorpsa.com/DataContracts/Shared/Common/"
CS = "http://projectorpsa.com/CommonServices/"
NSMAP = {"pws": PWS, "req": REQ, "resp": RESP, "tim": TIM, "com": COM, "cs": CS, "xs": XSD}

XSD_FILES = {
    "pws-services.xsd": PWS,
    "requests.xsd": REQ,
    "responses.xsd": RESP,
    "timeandcost.xsd": TIM,
    "common.xsd": COM,
    "commonservices.xsd": CS,
}
OPERATIONS = (
    "PwsAuthenticate",
    "PwsUnauthenticate",
    "PwsSaveTimeCards",
    "PwsGetTimeCards",
    "PwsSplitTimeCards",
    "PwsTransferTime",
    "PwsGetTimeEntryProjectRole",
    "PwsTestRateLimiter",
)
ACTION_PREFIX = "http://projectorpsa.com/PwsProjectorServices/IPwsProjectorServices/"

# Page 002's error table (vendor-docs/002, PwsSaveTimeCards - Common Errors and Warnings).
# fmt: off
PAGE_002_NUMBERS = frozenset({
    19093, 20001, 20002, 20003, 20004, 20028, 20033, 20037, 20050, 20051, 64161, 64182, 64220, 64222, 64237,
    64239, 64240, 64244, 64294, 64295, 64299, 64314, 64318, 64332, 64333, 64334, 64335, 64338, 64340,
})
# fmt: on


# ---------------------------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(CONTRACTS / "pws-services.xsd")))


@pytest.fixture(scope="module")
def xml_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(CONTRACTS / "pws-services.xsd"))


@pytest.fixture(scope="module")
def client() -> zeep.Client:
    return zeep.Client(str(CONTRACTS / "pws.wsdl"))


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.xml"))


def body_element(path: Path) -> etree._Element:
    """The Body's first element of an example envelope, as a detached copy."""
    root = etree.parse(str(path)).getroot()
    body = root.find(f"{{{SOAP_ENV}}}Body")
    assert body is not None, f"{path.name}: no SOAP 1.1 Body"
    children = [child for child in body if isinstance(child.tag, str)]
    assert len(children) == 1, f"{path.name}: the Body must hold one element"
    return copy.deepcopy(children[0])


def save_request() -> etree._Element:
    return body_element(EXAMPLES / "PwsSaveTimeCards.request.xml")


def service_request(element: etree._Element) -> etree._Element:
    found = element.find("pws:serviceRequest", NSMAP)
    assert found is not None
    return found


def detail(element: etree._Element) -> etree._Element:
    found = element.find("pws:serviceRequest/tim:SaveTimeCards/tim:PwsTimecardDetail", NSMAP)
    assert found is not None
    return found


def errors_of(schema: etree.XMLSchema, element: etree._Element) -> list[str]:
    if schema.validate(element):
        return []
    return [f"{entry.path}: {entry.message}" for entry in schema.error_log]


def assert_valid(schema: etree.XMLSchema, element: etree._Element) -> None:
    assert errors_of(schema, element) == []


def assert_invalid(schema: etree.XMLSchema, element: etree._Element, *fragments: str) -> None:
    found = errors_of(schema, element)
    assert found, "expected the contract to reject this message"
    text = "\n".join(found)
    for fragment in fragments:
        assert fragment in text, text


def sub(parent: etree._Element, ns: str, name: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{{{ns}}}{name}")
    if text is not None:
        child.text = text
    return child


def schema_doc(name: str) -> etree._ElementTree:
    return etree.parse(str(CONTRACTS / name))


def enumeration(file: str, type_name: str) -> list[str]:
    nodes = schema_doc(file).xpath(
        f"/xs:schema/xs:simpleType[@name='{type_name}']/xs:restriction/xs:enumeration/@value", namespaces=NSMAP
    )
    return [str(value) for value in nodes]


# ---------------------------------------------------------------------------------------------------------------
# the schema set
# ---------------------------------------------------------------------------------------------------------------


def test_one_schema_per_namespace_all_qualified():
    for file, namespace in XSD_FILES.items():
        root = schema_doc(file).getroot()
        assert root.get("targetNamespace") == namespace, file
        assert root.get("elementFormDefault") == "qualified", file
        for imported in root.iterfind("xs:import", NSMAP):
            location = imported.get("schemaLocation")
            assert location in XSD_FILES, f"{file} imports {location!r}: not a sibling file name"
            assert XSD_FILES[location] == imported.get("namespace"), f"{file}: {location} is another namespace"


def test_lxml_compiles_the_set(schema):
    assert schema is not None


def test_xmlschema_loads_the_set(xml_schema):
    for namespace in XSD_FILES.values():
        assert namespace in xml_schema.maps.namespaces
    assert xml_schema.maps.types[f"{{{TIM}}}PwsTimecardDetail"].is_complex()


def test_examples_are_present():
    names = {path.name for path in example_files()}
    assert {
        "PwsSaveTimeCards.request.xml",
        "PwsSaveTimeCards.response.xml",
        "PwsSplitTimeCards.request.xml",
        "PwsTestRateLimiter.request.xml",
        "PwsTransferTime.request.xml",
        "PwsTransferTime.response.xml",
    } <= names
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert f"`{name}`" in readme, f"{name} is not listed in the examples README"


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.name)
def test_vendor_example_validates_unchanged(schema, xml_schema, path):
    element = body_element(path)
    assert_valid(schema, element)
    assert list(xml_schema.iter_errors(etree.tostring(element).decode())) == []


WIKI_RATE_LIMIT_SNAPSHOT = f"""<b:PwsRateLimitSnapshot xmlns:b="{COM}"> <b:EnabledFlag>false</b:EnabledFlag>
<b:InstallationHitCount>1601</b:InstallationHitCount> <b:InstallationRateLimit>2400</b:InstallationRateLimit>
<b:RollingWindowSeconds>60</b:RollingWindowSeconds> <b:SessionHitCount>1201</b:SessionHitCount>
<b:SessionRateLimit>1200</b:SessionRateLimit> <b:UserHitCount>2001</b:UserHitCount>
<b:UserRateLimit>1800</b:UserRateLimit> </b:PwsRateLimitSnapshot>"""
"""The wiki's PwsRateLimitSnapshot usage example (page "PwsRateLimitSnapshot"), its members unchanged; the wiki
shows them inside a:RateLimitSnapshot, here they sit in the type's global element."""


def test_the_wikis_rate_limit_snapshot_validates(schema):
    assert_valid(schema, etree.fromstring(WIKI_RATE_LIMIT_SNAPSHOT))
    reordered = etree.fromstring(WIKI_RATE_LIMIT_SNAPSHOT)
    reordered.append(reordered[0])  # EnabledFlag last: WCF would drop it, the contract refuses it
    assert_invalid(schema, reordered)


def test_vendor_examples_match_page_002():
    """The fixture holds page 002's example verbatim: same elements and values in the same order."""
    text = PAGE_002.read_text(encoding="utf-8")
    envelopes = re.findall(r"<(?:soapenv|s):Envelope .*?</(?:soapenv|s):Envelope>", text, re.S)
    assert len(envelopes) == 2
    parser = etree.XMLParser(remove_blank_text=True)
    for envelope, name in zip(
        envelopes, ("PwsSaveTimeCards.request.xml", "PwsSaveTimeCards.response.xml"), strict=True
    ):
        vendor = etree.fromstring(envelope.encode(), parser)
        ours = etree.parse(str(EXAMPLES / name), parser).getroot()
        assert etree.tostring(ours, method="c14n") == etree.tostring(vendor, method="c14n"), name


# ---------------------------------------------------------------------------------------------------------------
# what the contract rejects, and what it deliberately lets through to business rules
# ---------------------------------------------------------------------------------------------------------------


def test_rejects_non_integer_work_minutes(schema):
    element = save_request()
    detail(element).find("tim:WorkMinutes", NSMAP).text = "abc"
    assert_invalid(schema, element, "WorkMinutes")


def test_rejects_unknown_element(schema):
    element = save_request()
    sub(service_request(element), TIM, "Bogus", "x")
    assert_invalid(schema, element, "Bogus")


def test_rejects_out_of_order_request_members(schema):
    element = save_request()
    request = service_request(element)
    start = request.find("tim:StartDate", NSMAP)
    request.remove(start)
    request.find("tim:EndDate", NSMAP).addnext(start)  # StartDate right after EndDate: before Estimates
    assert_invalid(schema, element)  # lxml names the element it did not expect next (Estimates)


def test_rejects_base_member_after_derived_member(schema):
    """WorkMinutes belongs to the card base level: it may not follow CardStatus."""
    element = save_request()
    card = detail(element)
    minutes = card.find("tim:WorkMinutes", NSMAP)
    card.remove(minutes)
    card.find("tim:CardStatus", NSMAP).addnext(minutes)
    assert_invalid(schema, element, "WorkMinutes")


def test_rejects_late_member_moved_into_alphabetical_run(schema):
    """PreserveTimeCardStatusFlag is a later member: it must stay last, not in alphabetical place."""
    element = save_request()
    request = service_request(element)
    flag = request.find("tim:PreserveTimeCardStatusFlag", NSMAP)
    request.remove(flag)
    request.find("tim:InsertIfNotFoundOnUpdateFlag", NSMAP).addnext(flag)
    assert_invalid(schema, element)


def test_rejects_member_in_wrong_namespace(schema):
    element = save_request()
    timecard_type = detail(element).find("com:TimecardType", NSMAP)
    timecard_type.tag = f"{{{TIM}}}TimecardType"
    assert_invalid(schema, element, "TimecardType")


def test_rejects_unknown_deprecated_status_value(schema):
    element = save_request()
    detail(element).find("tim:Status", NSMAP).text = "Finished"
    assert_invalid(schema, element, "Status")


def test_rejects_non_boolean_flag(schema):
    element = save_request()
    service_request(element).find("tim:SubmitFlag", NSMAP).text = "yes"
    assert_invalid(schema, element, "SubmitFlag")


def test_rejects_description_over_documented_length(schema):
    element = save_request()
    card = detail(element)
    description = etree.Element(f"{{{TIM}}}Description")
    description.text = "x" * 1001
    card.find("tim:DescriptionClearFlag", NSMAP).addprevious(description)
    assert_invalid(schema, element, "Description")
    description.text = "x" * 1000
    assert_valid(schema, element)


@pytest.mark.parametrize("value", ["X", "Time", ""])
def test_accepts_any_timecard_type_for_business_errors(schema, value):
    """Bad TimecardType values are answered with 19093 / 20051, so the contract lets them through."""
    element = save_request()
    detail(element).find("com:TimecardType", NSMAP).text = value
    assert_valid(schema, element)


@pytest.mark.parametrize("value", ["D", "R", "S", "A", "Draft", "Approved", "Q"])
def test_accepts_any_card_status_for_business_errors(schema, value):
    """CardStatus takes letters or words; other values are answered with 20050."""
    element = save_request()
    detail(element).find("tim:CardStatus", NSMAP).text = value
    assert_valid(schema, element)


@pytest.mark.parametrize("path", ["tim:StartDate", "tim:EndDate", "req:SessionTicket", "req:RequestId"])
def test_accepts_missing_members_answered_with_business_errors(schema, path):
    """StartDate / EndDate (20001 / 20002) and SessionTicket (10004) are optional in the contract."""
    element = save_request()
    request = service_request(element)
    request.remove(request.find(path, NSMAP))
    assert_valid(schema, element)


def test_accepts_minimal_save_request(schema):
    element = etree.Element(f"{{{PWS}}}PwsSaveTimeCards", nsmap={"pws": PWS})
    sub(element, PWS, "serviceRequest")
    assert_valid(schema, element)


def test_delete_list_holds_pws_timecard_ref_items(schema):
    element = save_request()
    request = service_request(element)
    deletes = etree.Element(f"{{{TIM}}}DeleteTimeCards")
    ref = sub(deletes, COM, "PwsTimecardRef")
    sub(ref, COM, "TimecardType", "T")
    sub(ref, COM, "TimecardUid", "1152921504646141261")
    request.find("tim:EndDate", NSMAP).addprevious(deletes)
    assert_valid(schema, element)
    ref.tag = f"{{{COM}}}PwsTimeCardRef"  # the wiki page title's spelling is not the wire name
    assert_invalid(schema, element, "PwsTimeCardRef")


def test_full_timecard_detail_in_documented_order(schema):
    """Every documented PwsTimecardDetail member, in hierarchy order, including nils and UDFs."""
    element = etree.Element(f"{{{PWS}}}PwsSaveTimeCards", nsmap={"pws": PWS, "i": XSI})
    request = sub(element, PWS, "serviceRequest")
    sub(request, REQ, "SessionTicket", "AUtZcJgtdfVGhgjNekiP9w==")
    sub(request, TIM, "EndDate", "2018-03-31T00:00:00Z")
    cards = sub(request, TIM, "SaveTimeCards")
    card = sub(cards, TIM, "PwsTimecardDetail")
    sub(card, COM, "ReferenceId", "C1")
    sub(card, COM, "TimecardId").set(f"{{{XSI}}}nil", "true")
    sub(card, COM, "TimecardType", "T")
    sub(card, COM, "TimecardUid", "1152921504646141261")
    sub(card, TIM, "Description", "Initial research")
    sub(card, TIM, "DescriptionClearFlag", "false")
    sub(card, TIM, "RejectedByUser").set(f"{{{XSI}}}nil", "true")
    sub(card, TIM, "RejectedReason").set(f"{{{XSI}}}nil", "true")
    sub(card, TIM, "RejectedTimestamp").set(f"{{{XSI}}}nil", "true")
    sub(card, TIM, "Status", "Draft")
    sub(card, TIM, "WorkDate", "2018-03-05T00:00:00Z")
    sub(card, TIM, "WorkMinutes", "480")
    sub(card, TIM, "Timestamp", "AAAAAA64Niw=")
    sub(card, TIM, "CardStatus", "D")
    sub(card, TIM, "LocationClearFlag", "false")
    sub(sub(card, TIM, "LocationIdentity"), COM, "LocationName", "USA")
    sub(sub(card, TIM, "ProjectIdentity"), COM, "ProjectCode", "P001396-001")
    sub(sub(card, TIM, "ProjectRateTypeIdentity"), COM, "ProjectRateTypeUid", "1152921504607370468")
    sub(sub(card, TIM, "ProjectTaskIdentity"), COM, "ProjectTaskUid", "1152921504608637344")
    sub(card, TIM, "RoleClearFlag", "false")
    sub(sub(card, TIM, "RoleIdentity"), COM, "ProjectRoleUid", "1152921504609525049")
    udf = sub(card, TIM, "Udf1")
    sub(udf, COM, "UdfName", "Attendees")
    sub(udf, COM, "TextValue", "3")
    sub(card, TIM, "Udf1ClearFlag", "false")
    sub(card, TIM, "Udf2").set(f"{{{XSI}}}nil", "true")
    sub(card, TIM, "Udf2ClearFlag", "false")
    sub(card, TIM, "ExternalGroupingIdentifier", "7")
    sub(card, TIM, "ExternalGroupingIdentifierClearFlag", "false")
    sub(request, TIM, "StartDate", "2018-03-09T00:00:00Z")
    submit = sub(request, TIM, "SubmitTimeCardIdentity")
    sub(submit, COM, "TimecardType", "T")
    sub(submit, COM, "TimecardUid", "1152921504646141261")
    assert_valid(schema, element)


def test_time_off_card_detail(schema):
    element = etree.Element(f"{{{PWS}}}PwsSaveTimeCards", nsmap={"pws": PWS})
    request = sub(element, PWS, "serviceRequest")
    cards = sub(request, TIM, "SaveTimeOffCards")
    card = sub(cards, TIM, "PwsTimeOffCardDetail")
    sub(card, COM, "TimecardType", "R")
    sub(card, TIM, "Description", "Vacation Day")
    sub(card, TIM, "WorkDate", "2018-03-21T00:00:00Z")
    sub(card, TIM, "WorkMinutes", "480")
    sub(card, TIM, "Timestamp", "AAAAAA64QjU=")
    sub(card, TIM, "CardStatus", "S")
    sub(sub(card, TIM, "TimeOffReasonIdentity"), COM, "TimeOffReasonName", "Vacation")
    assert_valid(schema, element)
    sub(card, TIM, "LocationClearFlag", "false")  # a time card member
    assert_invalid(schema, element, "LocationClearFlag")


def test_authenticate_requires_account_user_and_password(schema):
    element = body_element(EXAMPLES / "PwsAuthenticate.request.xml")
    request = service_request(element)
    request.remove(request.find("req:AccountCode", NSMAP))
    assert_invalid(schema, element)


def test_get_time_cards_request_in_documented_order(schema):
    element = etree.Element(f"{{{PWS}}}PwsGetTimeCards", nsmap={"pws": PWS})
    request = sub(element, PWS, "serviceRequest")
    sub(request, REQ, "RequestId", "1")
    sub(request, REQ, "SessionTicket", "AdW9hL5iEq/mAQnDQ5AweA==")
    sub(request, TIM, "EndDate", "2018-12-31T00:00:00.000Z")
    for flag in (
        "IncludeApprovedFlag",
        "IncludeBookedAndAssignedRolesFlag",
        "IncludeDraftFlag",
        "IncludeReferencedTasksOnlyFlag",
        "IncludeReferencedTimeOffReasonsOnlyFlag",
        "IncludeRejectedFlag",
        "IncludeSubmittedFlag",
        "IncludeTimeCardsFlag",
        "IncludeTimeOffCardsFlag",
    ):
        sub(request, TIM, flag, "true")
    sub(sub(request, TIM, "ProjectIdentity"), COM, "ProjectCode", "P001396-001")
    sub(sub(request, TIM, "ResourceIdentity"), COM, "ResourceReferenceSystemId", "E123")
    sub(request, TIM, "StartDate", "2018-12-01T00:00:00.000Z")
    sub(request, TIM, "IncludeTaskHierarchyFlag", "false")
    sub(request, TIM, "AutoMemorizeBookedAndAssignedRolesFlag", "false")
    sub(request, TIM, "IncludeMemorizedRolesAndTasksFlag", "false")
    sub(request, TIM, "RespectMemorizedRemovedRolesAndTasksFlag", "false")
    identity = sub(request, TIM, "TimeCardIdentity")
    sub(identity, COM, "TimecardType", "R")
    sub(identity, COM, "TimecardUid", "1152921504608460883")
    assert_valid(schema, element)


def test_get_time_cards_response_shape(schema):
    """A PwsGetTimeCards result as the mock must emit it: base members, then projects and time off."""
    response = etree.Element(f"{{{PWS}}}PwsGetTimeCardsResponse", nsmap={None: PWS, "i": XSI})
    result = sub(response, PWS, "PwsGetTimeCardsResult")
    sub(result, CS, "Messages")
    sub(result, CS, "ResponseId", "1")
    sub(result, CS, "Status", "Ok")
    sub(result, CS, "ServerTimestampUtc", "2018-03-09T22:19:31.3446007Z")
    locations = sub(result, TIM, "Locations")
    location = sub(locations, COM, "PwsLocationSummary")
    sub(location, COM, "LocationId").set(f"{{{XSI}}}nil", "true")
    sub(location, COM, "LocationName", "USA")
    sub(location, COM, "LocationUid", "1152921504606850978")
    projects = sub(result, TIM, "TimeEntryProjects")
    project = sub(projects, TIM, "PwsTimeEntryProject")
    for flag in ("AllowAssignmentFlag", "AllowBookingFlag", "CanOpenFlag"):
        sub(project, TIM, flag, "false")
    sub(project, TIM, "CloseDate").set(f"{{{XSI}}}nil", "true")
    sub(project, TIM, "DescriptionRequiredFlag", "false")
    sub(project, TIM, "OpenDate", "2018-01-01T00:00:00Z")
    sub(project, TIM, "OpenFlag", "true")
    sub(project, TIM, "PmModuleEnabledFlag", "true")
    descriptor = sub(project, TIM, "ProjectDescriptor")
    sub(descriptor, COM, "ProjectCode", "P001396-001")
    sub(descriptor, COM, "ProjectId").set(f"{{{XSI}}}nil", "true")
    sub(descriptor, COM, "ProjectUid", "1152921504607412209")
    sub(descriptor, TIM, "ProjectName", "New Web Services Project (A)")
    roles = sub(descriptor, TIM, "ProjectRoles")
    role = sub(roles, TIM, "PwsRole")
    sub(role, COM, "ProjectRoleUid", "1152921504609525049")
    sub(role, TIM, "RoleName", "Developer")
    values = sub(descriptor, TIM, "Udf1Values")
    etree.SubElement(values, "{http://schemas.microsoft.com/2003/10/Serialization/Arrays}string").text = "A"
    rate_types = sub(project, TIM, "ProjectRateTypes")
    rate_type = sub(rate_types, COM, "PwsProjectRateTypeSummary")
    sub(rate_type, COM, "ProjectRateTypeUid", "1152921504607370460")
    sub(rate_type, COM, "ProjectRateTypeName", "Regular")
    sub(project, TIM, "ProjectTaskTypes")
    tasks = sub(project, TIM, "ProjectTasks")
    task = sub(tasks, TIM, "PwsProjectTask")
    sub(task, COM, "ProjectTaskUid", "1152921504608637344")
    sub(task, TIM, "Name", "Task A1")
    sub(project, TIM, "RoleCount", "1")
    sub(project, TIM, "TaskCount", "1")
    cards = sub(project, TIM, "TimeCards")
    card = sub(cards, TIM, "PwsTimecardDetail")
    sub(card, COM, "TimecardType", "T")
    sub(card, COM, "TimecardUid", "1152921504646141261")
    sub(card, TIM, "CardStatus", "S")
    sub(project, TIM, "Udf1Treatment", "A")
    sub(project, TIM, "Udf2Treatment", "N")
    time_off = sub(result, TIM, "TimeEntryTimeOff")
    reason = sub(time_off, TIM, "PwsTimeEntryTimeOff")
    sub(reason, TIM, "InactiveFlag", "false")
    sub(reason, TIM, "MinutesYearToDate", "0")
    sub(reason, TIM, "SortOrder", "148")
    sub(reason, TIM, "TimeOffCards")
    sub(sub(reason, TIM, "TimeOffReasonIdentity"), COM, "TimeOffReasonName", "Vacation")
    assert_valid(schema, response)
    project.remove(project.find("tim:TimeCards", NSMAP))  # documented as always present
    assert_invalid(schema, response, "TimeCards")


def test_save_response_with_results(schema):
    response = body_element(EXAMPLES / "PwsSaveTimeCards.response.xml")
    result = response[0]
    results = result.find("tim:TimecardResults", NSMAP)
    failed = sub(results, TIM, "PwsSaveTimecardResult")
    error = sub(failed, TIM, "ErrorDetail")
    sub(error, COM, "ErrorCode", "TimeCardWorkDateRequired")
    sub(error, COM, "ErrorNumber", "64239")
    sub(error, COM, "ErrorText", "Work date is required for new time cards.")
    sub(failed, TIM, "ReferenceId", "C1")
    sub(failed, TIM, "TimeCard").set(f"{{{XSI}}}nil", "true")
    estimates = result.find("tim:EstimateResults", NSMAP)
    estimate = sub(estimates, TIM, "PwsSaveEstimateResult")
    sub(estimate, TIM, "ErrorDetail").set(f"{{{XSI}}}nil", "true")
    remaining = sub(sub(estimate, TIM, "Estimates"), TIM, "PwsProjectTaskRoleRemaining")
    sub(remaining, TIM, "CompletedFlag", "false")
    sub(remaining, TIM, "RemainingAsOfDate", "2018-03-09T00:00:00Z")
    sub(remaining, TIM, "RemainingMinutes", "360")
    sub(estimate, TIM, "ReferenceId", "E11")
    messages = result.find("cs:Messages", NSMAP)
    message = sub(messages, COM, "PwsMessage")
    sub(message, COM, "AdditionalErrorText", "Error 20028: TimeCardErrors")
    sub(message, COM, "ErrorCode", "TimeCardErrors")
    sub(message, COM, "ErrorNumber", "20028")
    sub(message, COM, "ErrorText", "One or more time cards or time off cards could not be saved.")
    sub(message, COM, "Type", "Error")
    sub(message, COM, "ReferenceId1").set(f"{{{XSI}}}nil", "true")
    sub(message, COM, "ReferenceId2").set(f"{{{XSI}}}nil", "true")
    result.find("cs:Status", NSMAP).text = "Fail"
    assert_valid(schema, response)
    message.find("com:Type", NSMAP).text = "Fatal"
    assert_invalid(schema, response, "Type")


def test_authenticate_response_shape(schema):
    response = etree.Element(f"{{{PWS}}}PwsAuthenticateResponse", nsmap={None: PWS, "i": XSI})
    result = sub(response, PWS, "PwsAuthenticateResult")
    sub(result, CS, "Messages").set(f"{{{XSI}}}nil", "true")
    sub(result, CS, "ResponseId", "0")
    sub(result, CS, "Status", "Ok")
    sub(result, CS, "ServerTimestampUtc", "2018-01-16T18:43:11.6585593Z")
    sub(result, RESP, "RedirectUrl").set(f"{{{XSI}}}nil", "true")
    sub(result, RESP, "SessionTicket", "ARQC8d/V3CZk+kOWf7w3KQ==")
    account = sub(result, RESP, "AccountIdentity")
    sub(account, COM, "AccountCode", "revcorp-min")
    sub(account, COM, "AccountId").set(f"{{{XSI}}}nil", "true")
    sub(account, COM, "AccountUid", "1152921504606848622")
    user = sub(result, RESP, "UserIdentity")
    sub(user, COM, "UserDisplayName", "Krakauer, Larry")
    sub(user, COM, "UserId").set(f"{{{XSI}}}nil", "true")
    sub(user, COM, "UserReferenceSystemId", "097")
    sub(user, COM, "UserUid", "1152921504606944254")
    sub(result, RESP, "SuperUserFlag", "false")
    sub(result, RESP, "DocumentServerUrl", "https://docqadoc.projectorpsa.com/1")
    summary = sub(result, RESP, "Account")
    sub(summary, COM, "AccountCode", "revcorp-min")
    sub(summary, COM, "Name", "Revolutionary Solutions Corp (Documentation)")
    person = sub(result, RESP, "User")
    sub(person, COM, "UserUid", "1152921504606944254")
    sub(person, COM, "EmailAddress", "larry@revcorp.min")
    assert_valid(schema, response)


def test_unauthenticate_messages(schema):
    request = etree.Element(f"{{{PWS}}}PwsUnauthenticate", nsmap={"pws": PWS})
    sub(sub(request, PWS, "serviceRequest"), REQ, "SessionTicket", "ARQC8d/V3CZk+kOWf7w3KQ==")
    assert_valid(schema, request)
    response = etree.Element(f"{{{PWS}}}PwsUnauthenticateResponse", nsmap={None: PWS})
    result = sub(response, PWS, "PwsUnauthenticateResult")
    sub(result, CS, "Messages")
    sub(result, CS, "ResponseId", "0")
    sub(result, CS, "Status", "FailSessionInvalid")
    sub(result, CS, "ServerTimestampUtc", "2018-01-16T18:43:11.6585593Z")
    assert_valid(schema, response)


# ---------------------------------------------------------------------------------------------------------------
# value sets
# ---------------------------------------------------------------------------------------------------------------


def test_documented_value_sets():
    assert enumeration("commonservices.xsd", "RequestStatus") == ["Ok", "OkWithWarnings", "Fail", "FailSessionInvalid"]
    assert enumeration("common.xsd", "MessageType") == ["Information", "Warning", "Error"]
    assert enumeration("common.xsd", "TimecardTypeCode") == ["T", "R"]
    assert enumeration("common.xsd", "ApprovalStatusCode") == ["D", "R", "S", "A", "I", "B", "M"]
    assert {"Draft", "Submitted", "Approved", "Rejected"} <= set(enumeration("timeandcost.xsd", "TimeCardStatus"))


def test_code_fields_stay_strings():
    """TimecardType and CardStatus carry business-error values, so they are xs:string in the contract."""
    common = schema_doc("common.xsd")
    assert common.xpath(
        "//xs:complexType[@name='PwsTimecardRef']//xs:element[@name='TimecardType']/@type", namespaces=NSMAP
    ) == ["xs:string"]
    tim = schema_doc("timeandcost.xsd")
    assert tim.xpath("//xs:element[@name='CardStatus']/@type", namespaces=NSMAP) == ["xs:string"]


# ---------------------------------------------------------------------------------------------------------------
# the WSDL, through zeep and as a document
# ---------------------------------------------------------------------------------------------------------------


def test_zeep_lists_the_operations(client):
    service = next(iter(client.wsdl.services.values()))
    assert service.name == "PwsProjectorServices"
    port = service.ports["BasicHttpBinding_IPwsProjectorServices"]
    assert port.binding_options["address"] == "http://localhost/OpsProjectorWcfSvc/PwsProjectorServices.svc"
    operations = port.binding._operations
    assert set(operations) == set(OPERATIONS)
    for name in OPERATIONS:
        assert operations[name].soapaction == ACTION_PREFIX + name
        assert operations[name].style == "document"
        assert getattr(client.service, name) is not None
        assert set(operations[name].faults) == {"PwsFaultFault"}, "every operation declares the rate limit fault"


def test_zeep_builds_requests_the_contract_accepts(client, schema):
    message = client.create_message(
        client.service,
        "PwsSaveTimeCards",
        serviceRequest={
            "RequestId": 1,
            "SessionTicket": "AUtZcJgtdfVGhgjNekiP9w==",
            "EndDate": "2018-03-31T00:00:00Z",
            "SaveTimeCards": {
                "PwsTimecardDetail": [
                    {
                        "TimecardType": "T",
                        "WorkDate": "2018-03-09T00:00:00Z",
                        "WorkMinutes": 60,
                        "CardStatus": "D",
                        "ProjectIdentity": {"ProjectCode": "P001396-001"},
                        "ExternalGroupingIdentifierClearFlag": False,
                    }
                ]
            },
            "StartDate": "2018-03-09T00:00:00Z",
            "SubmitFlag": False,
            "PreserveTimeCardStatusFlag": True,
        },
    )
    assert_valid(schema, message.find(f"{{{SOAP_ENV}}}Body")[0])
    message = client.create_message(
        client.service, "PwsAuthenticate", serviceRequest={"AccountCode": "DEMO", "Password": "p", "UserName": "u"}
    )
    assert_valid(schema, message.find(f"{{{SOAP_ENV}}}Body")[0])


def test_zeep_reads_the_vendor_response(client):
    operation = client.service._binding.get("PwsSaveTimeCards")
    envelope = etree.parse(str(EXAMPLES / "PwsSaveTimeCards.response.xml")).getroot()
    result = operation.output.deserialize(envelope)
    assert result.Status == "Ok"
    assert result.ResponseId == 1
    assert result.SubmittedFlag is True


def test_wsdl_document_is_wcf_shaped():
    wsdl = etree.parse(str(CONTRACTS / "pws.wsdl")).getroot()
    ns = {"wsdl": WSDL, "soap": WSDL_SOAP11, "xs": XSD}
    assert wsdl.get("targetNamespace") == PWS
    imports = wsdl.xpath("wsdl:types/xs:schema/xs:import", namespaces=ns)
    assert [(i.get("namespace"), i.get("schemaLocation")) for i in imports] == [
        (PWS, "pws-services.xsd"),
        (COM, "common.xsd"),  # where PwsFault, the declared fault's detail, lives
    ]
    for name in OPERATIONS:
        for direction, element in (("Input", name), ("Output", f"{name}Response")):
            parts = wsdl.xpath(
                f"wsdl:message[@name='IPwsProjectorServices_{name}_{direction}Message']/wsdl:part", namespaces=ns
            )
            assert len(parts) == 1
            assert parts[0].get("name") == "parameters"
            assert parts[0].get("element") == f"tns:{element}"
    binding = wsdl.find(f"{{{WSDL}}}binding")
    assert binding.get("name") == "BasicHttpBinding_IPwsProjectorServices"
    assert binding.get("type") == "tns:IPwsProjectorServices"
    assert binding.find(f"{{{WSDL_SOAP11}}}binding").get("transport") == "http://schemas.xmlsoap.org/soap/http"
    for body in binding.iter(f"{{{WSDL_SOAP11}}}body"):
        assert body.get("use") == "literal"


# ---------------------------------------------------------------------------------------------------------------
# the error catalogue
# ---------------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalogue() -> list[dict[str, str]]:
    with (CONTRACTS / "errors.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["number", "code", "type", "operations", "text", "source", "subject"]
        return list(reader)


def general_rows(catalogue: list[dict[str, str]]) -> dict[int, dict[str, str]]:
    """Each number's general row: the one the server falls back to when no row names the operation."""
    rows: dict[int, list[dict[str, str]]] = {}
    for row in catalogue:
        rows.setdefault(int(row["number"]), []).append(row)
    return {
        number: max(found, key=lambda row: ("*" in row["operations"].split(), len(row["operations"].split())))
        for number, found in rows.items()
    }


def row_for(catalogue: list[dict[str, str]], number: int, operation: str, subject: str = "") -> dict[str, str]:
    """The row the server answers ``number`` with in ``operation`` (about ``subject``), by the server's own rule."""
    code = next(row["code"] for row in catalogue if int(row["number"]) == number)
    entry = PWS_CATALOGUE.entry_for(code, operation, subject)
    return next(row for row in catalogue if int(row["number"]) == number and row["text"] == entry.text)


def test_catalogue_rows_are_well_formed(catalogue):
    keys = [(int(row["number"]), row["operations"], row["subject"]) for row in catalogue]
    assert len(keys) == len(set(keys)), "(number, operations, subject) must be unique"
    named: set[tuple[int, str, str]] = set()
    for row in catalogue:
        for operation in row["operations"].split():
            key = (int(row["number"]), operation, row["subject"])
            assert key not in named, f"{key}: two rows of one number name the same operation"
            named.add(key)
    for number in {number for number, _, _ in keys}:
        codes = {row["code"] for row in catalogue if int(row["number"]) == number}
        assert len(codes) == 1, f"{number}: one number, one code ({codes})"
    for row in catalogue:
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]+", row["code"]), row
        assert row["type"] in ("Error", "Warning"), row
        operations = row["operations"].split()
        assert operations == ["*"] or (operations and set(operations) <= set(OPERATIONS)), row
        assert row["text"], row
        assert row["text"].strip() == row["text"], row
        assert re.match(r"(vendor-docs/\d{3}|vendor-notes|wiki:|mock: )", row["source"]), row


def test_catalogue_holds_page_002_table(catalogue):
    by_number = general_rows(catalogue)
    assert set(by_number) >= PAGE_002_NUMBERS
    if PAGE_002.exists():
        table = PAGE_002.read_text(encoding="utf-8").split("ErrorNumber | ErrorCode | ErrorText |", 1)[1]
        documented = {}
        for line in table.strip().splitlines():
            number, code, text = (cell.strip() for cell in line.strip().strip("|").split(" | ", 2))
            documented[int(number)] = (code, text.rstrip(" |"))
        assert set(documented) == PAGE_002_NUMBERS
        for number, (code, text) in documented.items():
            assert (by_number[number]["code"], by_number[number]["text"]) == (code, text)
            assert by_number[number]["source"].startswith("vendor-docs/002")


def test_catalogue_holds_the_other_documented_errors(catalogue):
    by_number = general_rows(catalogue)
    expected = {
        10004: "InvalidSessionTicket",
        -101: "InvalidSession",
        50024: "EntityNotFound",
        64219: "SpecifiedTimeoffCardDoesNotExist",
    }
    for number, code in expected.items():
        assert by_number[number]["code"] == code
    assert "PwsGetTimeCards" in by_number[64219]["operations"].split()
    for number in (20001, 20002, 20003, 20004):
        assert set(by_number[number]["operations"].split()) >= {"PwsSaveTimeCards", "PwsGetTimeCards"}
    authentication = [row for row in catalogue if "PwsAuthenticate" in row["operations"].split()]
    assert len(authentication) >= 3, "bad-credential errors for PwsAuthenticate"


# ---------------------------------------------------------------------------------------------------------------
# PwsSplitTimeCards (the vendor's time card split service) and PwsVersionedTimecardRef
# ---------------------------------------------------------------------------------------------------------------

SPLIT = "PwsSplitTimeCards"

# Page 003's (PwsTransferTime) TimeCardIdentities, verbatim: the vendor's only example of PwsVersionedTimecardRef items.
PAGE_003_TIME_CARD_IDENTITIES = """<tim:TimeCardIdentities>
                     <tim:PwsVersionedTimecardRef>
                        <!--com:ReferenceId>?</com:ReferenceId-->
                        <com:TimecardId>45639611</com:TimecardId>
                        <com:TimecardType>T</com:TimecardType>
                        <com:TimecardUid>1152921504652486587</com:TimecardUid>
                        <!--tim:Timestamp>?</tim:Timestamp-->
                     </tim:PwsVersionedTimecardRef>
                  </tim:TimeCardIdentities>"""

# The wiki's PwsSplitTimeCards response example as far as our copy goes (it breaks off inside SplitTimeCardIdentity),
# closed, and with its stray '</Messages>' after the self-closed Messages removed. Otherwise unchanged.
SPLIT_RESPONSE = """<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
   <s:Body>
      <PwsSplitTimeCardsResponse xmlns="http://projectorpsa.com/PwsProjectorServices/">
         <PwsSplitTimeCardsResult xmlns:a="http://projectorpsa.com/DataContracts/Shared/TimeAndCost/" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
            <Messages xmlns="http://projectorpsa.com/CommonServices/" xmlns:b="http://projectorpsa.com/DataContracts/Shared/Common/"/>
            <ResponseId xmlns="http://projectorpsa.com/CommonServices/">1</ResponseId>
            <Status xmlns="http://projectorpsa.com/CommonServices/">Ok</Status>
            <ServerTimestampUtc xmlns="http://projectorpsa.com/CommonServices/">2019-11-07T20:07:08.3533516Z</ServerTimestampUtc>
            <a:TimeCardSplits>
               <a:PwsTimeCardSplit>
                  <a:OriginalTimeCardIdentity xmlns:b="http://projectorpsa.com/DataContracts/Shared/Common/">
                     <b:ReferenceId i:nil="true"/>
                     <b:TimecardId>45639608</b:TimecardId>
                     <b:TimecardType>T</b:TimecardType>
                     <b:TimecardUid>1152921504652486584</b:TimecardUid>
                  </a:OriginalTimeCardIdentity>
                  <a:SplitTimeCardIdentity xmlns:b="http://projectorpsa.com/DataContracts/Shared/Common/">
                     <b:ReferenceId i:nil="true"/>
                     <b:TimecardId>45639615</b:TimecardId>
                     <b:TimecardType>T</b:TimecardType>
                     <b:TimecardUid>1152921504652486591</b:TimecardUid>
                  </a:SplitTimeCardIdentity>
               </a:PwsTimeCardSplit>
            </a:TimeCardSplits>
         </PwsSplitTimeCardsResult>
      </PwsSplitTimeCardsResponse>
   </s:Body>
</s:Envelope>"""


def split_request() -> etree._Element:
    return body_element(EXAMPLES / "PwsSplitTimeCards.request.xml")


def split_order(element: etree._Element) -> etree._Element:
    found = element.find("pws:serviceRequest/tim:SplitOrders/tim:PwsTimeSplitOrder", NSMAP)
    assert found is not None
    return found


def page_003_identities(text: str = PAGE_003_TIME_CARD_IDENTITIES) -> etree._Element:
    wrapper = etree.fromstring(f'<wrapper xmlns:tim="{TIM}" xmlns:com="{COM}">{text}</wrapper>')
    return copy.deepcopy(wrapper[0])


def split_response() -> etree._Element:
    body = etree.fromstring(SPLIT_RESPONSE.encode()).find(f"{{{SOAP_ENV}}}Body")
    return copy.deepcopy(body[0])


def test_page_003_fragment_is_verbatim():
    text = PAGE_003.read_text(encoding="utf-8")
    found = re.search(r"<tim:TimeCardIdentities>.*?</tim:TimeCardIdentities>", text, re.S)
    assert found is not None
    assert found.group(0) == PAGE_003_TIME_CARD_IDENTITIES


def test_page_003_versioned_timecard_refs_validate(schema, xml_schema):
    """Page 003's TimeCardIdentities, unchanged but for the element name, is an ArrayOfPwsVersionedTimecardRef."""
    identities = page_003_identities()
    identities.tag = f"{{{TIM}}}ArrayOfPwsVersionedTimecardRef"  # the collection type's global element
    assert_valid(schema, identities)
    assert list(xml_schema.iter_errors(etree.tostring(identities).decode())) == []
    item = identities.find("tim:PwsVersionedTimecardRef", NSMAP)
    assert xml_schema.maps.types[f"{{{TIM}}}PwsVersionedTimecardRef"].base_type.name == f"{{{COM}}}PwsTimecardRef"
    item.tag = f"{{{TIM}}}PwsVersionedTimeCardRef"  # the wiki page title's spelling is not the wire name
    assert_invalid(schema, identities, "PwsVersionedTimeCardRef")


def test_page_003_versioned_ref_with_its_optional_members(schema):
    """The members page 003 leaves commented out (com:ReferenceId, tim:Timestamp) are accepted where it puts them."""
    text = PAGE_003_TIME_CARD_IDENTITIES.replace(
        "<!--com:ReferenceId>?</com:ReferenceId-->", "<com:ReferenceId>C1</com:ReferenceId>"
    ).replace("<!--tim:Timestamp>?</tim:Timestamp-->", "<tim:Timestamp>AAAAAA64Niw=</tim:Timestamp>")
    identities = page_003_identities(text)
    identities.tag = f"{{{TIM}}}ArrayOfPwsVersionedTimecardRef"
    assert_valid(schema, identities)
    item = identities.find("tim:PwsVersionedTimecardRef", NSMAP)
    item.find("tim:Timestamp", NSMAP).tag = f"{{{COM}}}Timestamp"  # Timestamp is the TimeAndCost level's member
    assert_invalid(schema, identities, "Timestamp")
    item.find("com:Timestamp", NSMAP).tag = f"{{{TIM}}}Timestamp"
    timestamp = item.find("tim:Timestamp", NSMAP)
    item.remove(timestamp)
    item.insert(0, timestamp)  # the derived member may not precede the base members
    assert_invalid(schema, identities)


def test_page_003_item_is_a_split_orders_time_card_identity(schema):
    element = split_request()
    order = split_order(element)
    order.remove(order.find("tim:TimeCardIdentity", NSMAP))
    item = page_003_identities().find("tim:PwsVersionedTimecardRef", NSMAP)
    item.tag = f"{{{TIM}}}TimeCardIdentity"
    order.append(item)
    assert_valid(schema, element)


def test_minimal_split_request(schema):
    element = etree.Element(f"{{{PWS}}}{SPLIT}", nsmap={"pws": PWS})
    request = sub(element, PWS, "serviceRequest")
    sub(request, REQ, "SessionTicket", "AWuKIeUvHQC5lNzuzE3Ugg==")
    order = sub(sub(request, TIM, "SplitOrders"), TIM, "PwsTimeSplitOrder")
    sub(order, TIM, "SplitMinutes", "60")
    identity = sub(order, TIM, "TimeCardIdentity")
    sub(identity, COM, "TimecardType", "T")
    sub(identity, COM, "TimecardUid", "1152921504652486584")
    assert_valid(schema, element)


def test_full_split_request_in_documented_order(schema):
    element = etree.Element(f"{{{PWS}}}{SPLIT}", nsmap={"pws": PWS, "i": XSI})
    request = sub(element, PWS, "serviceRequest")
    sub(request, REQ, "RequestId", "1")
    sub(request, REQ, "SessionTicket", "AWuKIeUvHQC5lNzuzE3Ugg==")
    code = sub(request, TIM, "AdjustmentCodeIdentity")
    sub(code, COM, "AdjustmentCodeId").set(f"{{{XSI}}}nil", "true")
    sub(code, COM, "AdjustmentCodeName", "Other")
    sub(code, COM, "AdjustmentCodeUid", "1152921504606858479")
    sub(request, TIM, "Explanation", "x" * 1024)
    orders = sub(request, TIM, "SplitOrders")
    order = sub(orders, TIM, "PwsTimeSplitOrder")
    sub(order, TIM, "SplitAdjustmentAmount", "153.35")
    sub(order, TIM, "SplitMinutes", "60")
    sub(order, TIM, "SplitPercent", ".35")
    identity = sub(order, TIM, "TimeCardIdentity")
    sub(identity, COM, "ReferenceId", "S1")
    sub(identity, COM, "TimecardId").set(f"{{{XSI}}}nil", "true")
    sub(identity, COM, "TimecardType", "T")
    sub(identity, COM, "TimecardUid", "1152921504652486584")
    sub(identity, TIM, "Timestamp", "AAAAAA64Niw=")
    nils = sub(orders, TIM, "PwsTimeSplitOrder")
    for member in ("SplitAdjustmentAmount", "SplitMinutes", "SplitPercent", "TimeCardIdentity"):
        sub(nils, TIM, member).set(f"{{{XSI}}}nil", "true")
    assert_valid(schema, element)
    request.find("tim:Explanation", NSMAP).text = "x" * 1025
    assert_invalid(schema, element, "Explanation")


@pytest.mark.parametrize("value", ["0", "1", "1.5", "-0.2", "35", "100"])
def test_split_percent_out_of_range_reaches_the_server(schema, value):
    """20037 TimeCardSplitPercentOutOfRange must be reachable: the contract has no range facet on SplitPercent."""
    element = split_request()
    split_order(element).find("tim:SplitPercent", NSMAP).text = value
    assert_valid(schema, element)


def test_split_members_answered_with_business_errors_are_optional(schema):
    """No split value (90009), no identity (20033) and no SplitOrders at all reach the server."""
    element = split_request()
    order = split_order(element)
    order.remove(order.find("tim:SplitPercent", NSMAP))
    assert_valid(schema, element)
    order.remove(order.find("tim:TimeCardIdentity", NSMAP))
    assert_valid(schema, element)
    request = service_request(element)
    request.remove(request.find("tim:SplitOrders", NSMAP))
    request.remove(request.find("req:SessionTicket", NSMAP))
    assert_valid(schema, element)


@pytest.mark.parametrize(("member", "value"), [("SplitPercent", "35%"), ("SplitMinutes", "1.5"), ("SplitMinutes", "")])
def test_split_rejects_values_wcf_cannot_read(schema, member, value):
    element = split_request()
    order = split_order(element)
    found = order.find(f"tim:{member}", NSMAP)
    if found is None:
        found = etree.Element(f"{{{TIM}}}{member}")
        order.insert(0, found)
    found.text = value
    assert_invalid(schema, element, member)


def test_split_rejects_misplaced_and_foreign_members(schema):
    element = split_request()
    order = split_order(element)
    minutes = etree.Element(f"{{{TIM}}}SplitMinutes")
    minutes.text = "60"
    order.find("tim:SplitPercent", NSMAP).addnext(minutes)  # SplitMinutes after SplitPercent: not alphabetical
    assert_invalid(schema, element, "SplitMinutes")
    order.remove(minutes)
    assert_valid(schema, element)
    request = service_request(element)
    for name in (
        "ReportOnlyFlag",
        "TimeCardIdentities",
    ):  # PwsTransferTime's flag; a member an old page revision listed
        extra = sub(request, TIM, name)
        assert_invalid(schema, element, name)
        request.remove(extra)
    request.find("tim:SplitOrders", NSMAP).addnext(etree.Element(f"{{{TIM}}}Explanation"))
    assert_invalid(schema, element, "Explanation")


def test_split_response_as_the_wiki_shows_it(schema, xml_schema):
    response = split_response()
    assert_valid(schema, response)
    assert list(xml_schema.iter_errors(etree.tostring(response).decode())) == []
    result = response[0]
    identities = etree.Element(f"{{{TIM}}}TimeCardIdentities")  # the wiki's element table, not its example
    result.find("cs:ServerTimestampUtc", NSMAP).addnext(identities)
    assert_invalid(schema, response, "TimeCardIdentities")


def test_split_failure_response(schema):
    response = etree.Element(f"{{{PWS}}}{SPLIT}Response", nsmap={None: PWS, "i": XSI})
    result = sub(response, PWS, f"{SPLIT}Result")
    message = sub(sub(result, CS, "Messages"), COM, "PwsMessage")
    sub(message, COM, "AdditionalErrorText", "Error 20037: TimeCardSplitPercentOutOfRange")
    sub(message, COM, "ErrorCode", "TimeCardSplitPercentOutOfRange")
    sub(message, COM, "ErrorNumber", "20037")
    sub(message, COM, "ErrorText", "The specified split percentage is out of range.")
    sub(message, COM, "Type", "Error")
    sub(result, CS, "ResponseId", "1")
    sub(result, CS, "Status", "Fail")
    sub(result, CS, "ServerTimestampUtc", "2019-11-07T20:07:08.3533516Z")
    sub(result, TIM, "TimeCardSplits")
    assert_valid(schema, response)


def test_zeep_lists_split_time_cards_with_its_actions(client):
    operation = client.service._binding.get(SPLIT)
    assert operation.soapaction == ACTION_PREFIX + SPLIT
    assert operation.style == "document"
    assert operation.input.body.qname == etree.QName(PWS, SPLIT)
    assert operation.output.body.qname == etree.QName(PWS, f"{SPLIT}Response")
    wsdl = etree.parse(str(CONTRACTS / "pws.wsdl")).getroot()
    ns = {"wsdl": WSDL, "wsaw": "http://www.w3.org/2006/05/addressing/wsdl"}
    port_type = wsdl.xpath(f"wsdl:portType/wsdl:operation[@name='{SPLIT}']", namespaces=ns)
    assert len(port_type) == 1
    actions = [node.get(f"{{{ns['wsaw']}}}Action") for node in port_type[0]]
    assert actions == [
        ACTION_PREFIX + SPLIT,
        ACTION_PREFIX + SPLIT + "Response",
        ACTION_PREFIX + SPLIT + "PwsFaultFault",
    ]


def test_zeep_builds_and_reads_split_messages(client, schema):
    message = client.create_message(
        client.service,
        SPLIT,
        serviceRequest={
            "RequestId": 1,
            "SessionTicket": "AWuKIeUvHQC5lNzuzE3Ugg==",
            "AdjustmentCodeIdentity": {"AdjustmentCodeUid": 1152921504606858479},
            "Explanation": "Time Card Split",
            "SplitOrders": {
                "PwsTimeSplitOrder": [
                    {
                        "SplitPercent": 0.35,
                        "TimeCardIdentity": {
                            "TimecardType": "T",
                            "TimecardUid": 1152921504652486584,
                            "Timestamp": "AAAAAA64Niw=",
                        },
                    }
                ]
            },
        },
    )
    assert_valid(schema, message.find(f"{{{SOAP_ENV}}}Body")[0])
    operation = client.service._binding.get(SPLIT)
    result = operation.output.deserialize(etree.fromstring(SPLIT_RESPONSE.encode()))
    assert result.Status == "Ok"
    split = result.TimeCardSplits.PwsTimeCardSplit[0]
    assert split.OriginalTimeCardIdentity.TimecardUid == 1152921504652486584
    assert split.SplitTimeCardIdentity.TimecardUid == 1152921504652486591


def test_catalogue_covers_split_time_cards(catalogue):
    by_number = general_rows(catalogue)
    for number in (20033, 20037, 20051, 50024, 64182, 64220, 64338, 64365, 90009, 90010, 10004, -101):
        assert SPLIT in by_number[number]["operations"].split(), number
    assert by_number[20037]["code"] == "TimeCardSplitPercentOutOfRange"
    assert by_number[64338]["code"] == "SplitCardTimeCardHasBeenDeleted"
    assert by_number[64365]["code"] == "OneOrMoreTimeCardsIneligibleForAdjustment"
    assert by_number[64365]["source"].startswith("vendor-docs/003")
    if PAGE_003.exists():
        assert by_number[64365]["text"] in " ".join(PAGE_003.read_text(encoding="utf-8").split())


# ---------------------------------------------------------------------------------------------------------------
# PwsTransferTime (page 003) and PwsGetTimeEntryProjectRole (page 004)
# ---------------------------------------------------------------------------------------------------------------

TRANSFER = "PwsTransferTime"
ENTRY_ROLE = "PwsGetTimeEntryProjectRole"
WIRE_FLAG = "AdjustProjectRoleDatesAsNeededFlag"  # page 003's listing and example
TABLE_FLAG = "AdjustRoleDatesAsNeededFlag"  # page 003's element table
TRANSFER_TIME_CARD_NOT_FOUND = "Time Card was not found. Another user may have deleted it."


def transfer_request() -> etree._Element:
    return body_element(EXAMPLES / f"{TRANSFER}.request.xml")


def transfer_response() -> etree._Element:
    return body_element(EXAMPLES / f"{TRANSFER}.response.xml")


def transfer_order(element: etree._Element) -> etree._Element:
    found = element.find("pws:serviceRequest/tim:TransferOrders/tim:PwsTimeTransferOrder", NSMAP)
    assert found is not None
    return found


def members(type_name: str) -> list[tuple[str, str]]:
    """(name, type) of the members a TimeAndCost complex type declares itself, in order."""
    nodes = schema_doc("timeandcost.xsd").xpath(
        f"/xs:schema/xs:complexType[@name='{type_name}']//xs:element", namespaces=NSMAP
    )
    return [
        (
            node.get("name"),
            node.get("type") or "restricted " + node.xpath("string(.//xs:restriction/@base)", namespaces=NSMAP),
        )
        for node in nodes
    ]


def base_of(type_name: str) -> str | None:
    found = schema_doc("timeandcost.xsd").xpath(
        f"/xs:schema/xs:complexType[@name='{type_name}']/xs:complexContent/xs:extension/@base", namespaces=NSMAP
    )
    return str(found[0]) if found else None


def normalized(path: Path) -> str:
    return " ".join(path.read_text(encoding="utf-8").split())


def test_transfer_time_examples_are_page_003_verbatim():
    text = PAGE_003.read_text(encoding="utf-8")
    envelopes = re.findall(r"<(?:soapenv|s):Envelope .*?</(?:soapenv|s):Envelope>", text, re.S)
    assert len(envelopes) == 2
    parser = etree.XMLParser(remove_blank_text=True)
    for envelope, name in zip(envelopes, (f"{TRANSFER}.request.xml", f"{TRANSFER}.response.xml"), strict=True):
        vendor = etree.fromstring(envelope.encode(), parser)
        ours = etree.parse(str(EXAMPLES / name), parser).getroot()
        assert etree.tostring(ours, method="c14n") == etree.tostring(vendor, method="c14n"), name


def test_transfer_time_examples_validate_unchanged(schema, xml_schema):
    request = transfer_request()
    assert request.tag == f"{{{PWS}}}{TRANSFER}"
    assert service_request(request).find(f"tim:{WIRE_FLAG}", NSMAP).text == "true"
    response = transfer_response()
    assert response.tag == f"{{{PWS}}}{TRANSFER}Response"
    for element in (request, response):
        assert_valid(schema, element)
        assert list(xml_schema.iter_errors(etree.tostring(element).decode())) == []


def test_transfer_types_members_in_wcf_order():
    assert base_of("PwsTransferTimeRq") == "req:RequestBase"
    assert members("PwsTransferTimeRq") == [
        (WIRE_FLAG, "xs:boolean"),
        ("AdjustmentCodeIdentity", "com:PwsAdjustmentCodeRef"),
        ("AdjustmentType", "xs:string"),
        ("Explanation", "restricted xs:string"),
        ("ReportOnlyFlag", "xs:boolean"),
        ("TransferOrders", "tim:ArrayOfPwsTimeTransferOrder"),
    ]
    assert base_of("PwsTimeTransferOrder") is None
    assert members("PwsTimeTransferOrder") == [
        ("NewProjectIdentity", "com:PwsProjectRef"),
        ("NewProjectRateTypeIdentity", "com:PwsProjectRateTypeRef"),
        ("NewProjectRoleIdentity", "com:PwsProjectRoleRef"),
        ("NewProjectRoleName", "xs:string"),
        ("NewProjectTaskIdentity", "com:PwsProjectTaskRef"),
        ("TimeCardIdentities", "tim:ArrayOfPwsVersionedTimecardRef"),
    ]
    assert base_of("PwsTransferTimeRs") == "cs:ResponseBase"
    assert members("PwsTransferTimeRs") == [
        ("TimeCardIdentities", "com:ArrayOfPwsTimecardRef"),
        ("TimecardValuationReport", "tim:PwsTimecardValuationReport"),
    ]
    assert base_of("PwsGetTimeEntryProjectRoleRq") == "req:RequestBase"
    assert members("PwsGetTimeEntryProjectRoleRq") == [
        ("EndDate", "xs:dateTime"),
        ("ProjectIdentity", "com:PwsProjectRef"),
        ("ResourceIdentity", "com:PwsResourceRef"),
        ("RoleIdentity", "com:PwsProjectRoleRef"),
        ("StartDate", "xs:dateTime"),
    ]
    assert base_of("PwsGetTimeEntryProjectRoleRs") == "cs:ResponseBase"
    assert members("PwsGetTimeEntryProjectRoleRs") == [("TimeEntryProject", "tim:PwsTimeEntryProject")]
    for type_name in ("PwsTransferTimeRq", "PwsTimeTransferOrder", "PwsGetTimeEntryProjectRoleRq"):
        names = [name for name, _ in members(type_name)]
        assert names == sorted(names), type_name  # ordinal order, no later DataMember Order
    assert enumeration("timeandcost.xsd", "TimeTransferAdjustmentTypeCode") == ["TPT", "TRT", "CTT"]


def test_table_spelling_of_the_adjust_flag_is_refused(schema):
    """Decision: only the wire name is declared; the table's AdjustRoleDatesAsNeededFlag is a contract violation.

    The vendor's WCF service would skip the unknown element and leave the flag false; the mock refuses it, naming it,
    like every other member WCF would silently drop.
    """
    element = transfer_request()
    request = service_request(element)
    flag = request.find(f"tim:{WIRE_FLAG}", NSMAP)
    flag.tag = f"{{{TIM}}}{TABLE_FLAG}"  # a client written from the element table, same place
    assert_invalid(schema, element, TABLE_FLAG)
    flag.tag = f"{{{TIM}}}{WIRE_FLAG}"
    flag.addnext(etree.Element(f"{{{TIM}}}{TABLE_FLAG}"))  # both spellings
    request.find(f"tim:{TABLE_FLAG}", NSMAP).text = "true"
    assert_invalid(schema, element, TABLE_FLAG)
    declared = schema_doc("timeandcost.xsd").xpath(f"//xs:element[@name='{TABLE_FLAG}']", namespaces=NSMAP)
    assert declared == []
    request.remove(request.find(f"tim:{TABLE_FLAG}", NSMAP))
    request.remove(flag)  # no flag at all: default false
    assert_valid(schema, element)


@pytest.mark.parametrize("value", ["TPT", "TRT", "CTT", "XYZ", "tpt", ""])
def test_any_adjustment_type_reaches_the_server(schema, value):
    """Values other than TPT / TRT / CTT are business error 20066, so AdjustmentType is a free string."""
    element = transfer_request()
    service_request(element).find("tim:AdjustmentType", NSMAP).text = value
    assert_valid(schema, element)


def test_transfer_members_answered_with_business_errors_are_optional(schema):
    """No AdjustmentType (20066), no identities or orders (20033), no targets: all reach the server."""
    element = transfer_request()
    order = transfer_order(element)
    for name in ("NewProjectIdentity", "NewProjectRateTypeIdentity", "NewProjectRoleIdentity", "NewProjectRoleName"):
        order.remove(order.find(f"tim:{name}", NSMAP))
    assert_valid(schema, element)  # a CTT: only the task changes
    order.remove(order.find("tim:TimeCardIdentities", NSMAP))
    assert_valid(schema, element)
    request = service_request(element)
    for path in ("tim:AdjustmentType", "tim:TransferOrders", "tim:AdjustmentCodeIdentity", "req:SessionTicket"):
        request.remove(request.find(path, NSMAP))
    assert_valid(schema, element)


def test_minimal_transfer_request(schema):
    element = etree.Element(f"{{{PWS}}}{TRANSFER}", nsmap={"pws": PWS})
    request = sub(element, PWS, "serviceRequest")
    sub(request, REQ, "SessionTicket", "AWuKIeUvHQC5lNzuzE3Ugg==")
    sub(request, TIM, "AdjustmentType", "TPT")
    order = sub(sub(request, TIM, "TransferOrders"), TIM, "PwsTimeTransferOrder")
    sub(sub(order, TIM, "NewProjectIdentity"), COM, "ProjectCode", "P001556-001")
    item = sub(sub(order, TIM, "TimeCardIdentities"), TIM, "PwsVersionedTimecardRef")
    sub(item, COM, "TimecardType", "T")
    sub(item, COM, "TimecardUid", "1152921504652486587")
    sub(item, TIM, "Timestamp", "AAAAAA64Niw=")
    assert_valid(schema, element)


def test_transfer_rejects_what_wcf_would_not_read(schema):
    element = transfer_request()
    request = service_request(element)
    request.find("tim:Explanation", NSMAP).text = "x" * 1025
    assert_invalid(schema, element, "Explanation")
    request.find("tim:Explanation", NSMAP).text = "x" * 1024
    assert_valid(schema, element)
    request.find("tim:ReportOnlyFlag", NSMAP).text = "yes"
    assert_invalid(schema, element, "ReportOnlyFlag")
    request.find("tim:ReportOnlyFlag", NSMAP).text = "true"
    order = transfer_order(element)
    name = order.find("tim:NewProjectRoleName", NSMAP)
    order.remove(name)
    order.find("tim:NewProjectTaskIdentity", NSMAP).addnext(name)  # NewProjectRoleName after NewProjectTaskIdentity
    assert_invalid(schema, element, "NewProjectRoleName")
    order.remove(name)
    order.find("tim:NewProjectRoleIdentity", NSMAP).addnext(name)
    assert_valid(schema, element)
    item = order.find("tim:TimeCardIdentities/tim:PwsVersionedTimecardRef", NSMAP)
    item.tag = f"{{{COM}}}PwsTimecardRef"  # the response's item type, not the request's
    assert_invalid(schema, element, "PwsTimecardRef")
    item.tag = f"{{{TIM}}}PwsVersionedTimecardRef"
    sub(request, TIM, "SplitOrders")  # a sibling adjustment's member
    assert_invalid(schema, element, "SplitOrders")


def test_transfer_response_shapes(schema, xml_schema):
    response = transfer_response()
    result = response[0]
    report = result.find("tim:TimecardValuationReport", NSMAP)
    assert report is not None
    assert len(report) == 0
    assert report.get(f"{{{XSI}}}nil") is None
    report.set(f"{{{XSI}}}nil", "true")
    assert_valid(schema, response)
    del report.attrib[f"{{{XSI}}}nil"]
    line = sub(report, TIM, "PwsTimecardValuation")  # undocumented content: open, so a vendor answer still reads
    sub(line, TIM, "ContractRevenueEffect", "7.35")
    assert_valid(schema, response)
    assert list(xml_schema.iter_errors(etree.tostring(response).decode())) == []
    result.remove(report)
    assert_valid(schema, response)
    identities = result.find("tim:TimeCardIdentities", NSMAP)
    result.append(report)
    result.remove(identities)
    result.append(identities)  # TimeCardIdentities after TimecardValuationReport: not ordinal order
    assert_invalid(schema, response, "TimeCardIdentities")


def test_transfer_failure_response(schema):
    response = etree.Element(f"{{{PWS}}}{TRANSFER}Response", nsmap={None: PWS, "i": XSI})
    result = sub(response, PWS, f"{TRANSFER}Result")
    message = sub(sub(result, CS, "Messages"), COM, "PwsMessage")
    sub(message, COM, "AdditionalErrorText", "Error 20066: InvalidValueForTimeAdjustmentType")
    sub(message, COM, "ErrorCode", "InvalidValueForTimeAdjustmentType")
    sub(message, COM, "ErrorNumber", "20066")
    sub(message, COM, "ErrorText", "Please specify either TPT, TRT or CTT for the time card transfer adjustment type.")
    sub(message, COM, "Type", "Error")
    sub(result, CS, "ResponseId", "1")
    sub(result, CS, "Status", "Fail")
    sub(result, CS, "ServerTimestampUtc", "2019-11-07T22:24:06.8248708Z")
    sub(result, TIM, "TimeCardIdentities")
    sub(result, TIM, "TimecardValuationReport")
    assert_valid(schema, response)


def test_minimal_get_time_entry_project_role_request(schema, xml_schema):
    element = etree.Element(f"{{{PWS}}}{ENTRY_ROLE}", nsmap={"pws": PWS})
    request = sub(element, PWS, "serviceRequest")
    assert_valid(schema, element)  # every member is optional (20010-20014, the caller's resource)
    sub(request, REQ, "SessionTicket", "ARgBFuS/0LDcPCTXeih6XQ==")
    sub(request, TIM, "EndDate", "2018-03-06T00:00:00.000Z")
    sub(sub(request, TIM, "ProjectIdentity"), COM, "ProjectCode", "P001396-001")
    sub(request, TIM, "StartDate", "2018-03-04T00:00:00.000Z")
    assert_valid(schema, element)
    assert list(xml_schema.iter_errors(etree.tostring(element).decode())) == []


def test_full_get_time_entry_project_role_request(schema):
    element = etree.Element(f"{{{PWS}}}{ENTRY_ROLE}", nsmap={"pws": PWS, "i": XSI})
    request = sub(element, PWS, "serviceRequest")
    sub(request, REQ, "RequestId", "1")
    sub(request, REQ, "SessionTicket", "ARgBFuS/0LDcPCTXeih6XQ==")
    sub(request, TIM, "EndDate", "2018-03-06T00:00:00.000Z")
    project = sub(request, TIM, "ProjectIdentity")
    sub(project, COM, "ProjectCode", "P001396-001")
    sub(project, COM, "ProjectId").set(f"{{{XSI}}}nil", "true")
    sub(project, COM, "ProjectUid", "1152921504607412209")
    sub(sub(request, TIM, "ResourceIdentity"), COM, "ResourceReferenceSystemId", "097")
    sub(sub(request, TIM, "RoleIdentity"), COM, "ProjectRoleUid", "1152921504609525049")
    sub(request, TIM, "StartDate", "2018-03-04T00:00:00.000Z")
    assert_valid(schema, element)
    start = request.find("tim:StartDate", NSMAP)
    request.remove(start)
    request.find("tim:EndDate", NSMAP).addprevious(start)  # StartDate first: not ordinal order
    assert_invalid(schema, element, "EndDate")
    request.remove(start)
    request.append(start)
    start.text = "2018-03-04"  # not a DateTime: WCF cannot read it (a time of day other than midnight is 20013)
    assert_invalid(schema, element, "StartDate")
    start.text = "2018-03-04T13:30:00Z"
    assert_valid(schema, element)
    role = request.find("tim:RoleIdentity", NSMAP)
    role.tag = f"{{{TIM}}}ProjectRoleIdentity"  # the transfer order's naming is not this request's
    assert_invalid(schema, element, "ProjectRoleIdentity")


def test_get_time_entry_project_role_response_shape(schema):
    response = etree.Element(f"{{{PWS}}}{ENTRY_ROLE}Response", nsmap={None: PWS, "i": XSI})
    result = sub(response, PWS, f"{ENTRY_ROLE}Result")
    sub(result, CS, "Messages")
    sub(result, CS, "ResponseId", "1")
    sub(result, CS, "Status", "Ok")
    sub(result, CS, "ServerTimestampUtc", "2018-03-12T19:39:20.0566836Z")
    project = sub(result, TIM, "TimeEntryProject")
    sub(project, TIM, "AllowAssignmentFlag", "false")
    sub(project, TIM, "AllowBookingFlag", "true")
    descriptor = sub(project, TIM, "ProjectDescriptor")
    sub(descriptor, COM, "ProjectCode", "P001396-001")
    sub(descriptor, COM, "ProjectUid", "1152921504607412209")
    sub(descriptor, TIM, "ProjectName", "New Web Services Project (A)")
    role = sub(sub(descriptor, TIM, "ProjectRoles"), TIM, "PwsRole")
    sub(role, COM, "ProjectRoleUid", "1152921504609525049")
    sub(role, TIM, "RoleEndDate", "2018-12-31T00:00:00Z")
    sub(role, TIM, "RoleName", "Developer")
    sub(role, TIM, "RoleStartDate", "2018-01-01T00:00:00Z")
    for name in ("ProjectRateTypes", "ProjectTaskTypes", "ProjectTasks"):
        sub(project, TIM, name)
    sub(project, TIM, "RoleCount", "1")
    sub(project, TIM, "TimeCards")
    assert_valid(schema, response)
    listed = sub(result, TIM, "TimeEntryProjects")  # PwsGetTimeCards' member, not this response's
    assert_invalid(schema, response, "TimeEntryProjects")
    result.remove(listed)
    result.remove(project)
    sub(result, TIM, "TimeEntryProject").set(f"{{{XSI}}}nil", "true")  # a failed request
    result.find("cs:Status", NSMAP).text = "Fail"
    assert_valid(schema, response)


@pytest.mark.parametrize("name", [TRANSFER, ENTRY_ROLE])
def test_zeep_lists_the_new_operations_with_their_actions(client, name):
    operation = client.service._binding.get(name)
    assert operation.soapaction == ACTION_PREFIX + name
    assert operation.style == "document"
    assert operation.input.body.qname == etree.QName(PWS, name)
    assert operation.output.body.qname == etree.QName(PWS, f"{name}Response")
    wsdl = etree.parse(str(CONTRACTS / "pws.wsdl")).getroot()
    ns = {"wsdl": WSDL, "wsaw": "http://www.w3.org/2006/05/addressing/wsdl", "soap": WSDL_SOAP11}
    port_type = wsdl.xpath(f"wsdl:portType/wsdl:operation[@name='{name}']", namespaces=ns)
    assert len(port_type) == 1
    actions = [node.get(f"{{{ns['wsaw']}}}Action") for node in port_type[0]]
    assert actions == [ACTION_PREFIX + name, ACTION_PREFIX + name + "Response", ACTION_PREFIX + name + "PwsFaultFault"]
    bound = wsdl.xpath(f"wsdl:binding/wsdl:operation[@name='{name}']/soap:operation/@soapAction", namespaces=ns)
    assert bound == [ACTION_PREFIX + name]


def test_zeep_builds_and_reads_transfer_messages(client, schema):
    message = client.create_message(
        client.service,
        TRANSFER,
        serviceRequest={
            "RequestId": 1,
            "SessionTicket": "AWuKIeUvHQC5lNzuzE3Ugg==",
            WIRE_FLAG: True,
            "AdjustmentType": "TPT",
            "Explanation": "Transferring time to the active project",
            "ReportOnlyFlag": False,
            "TransferOrders": {
                "PwsTimeTransferOrder": [
                    {
                        "NewProjectIdentity": {"ProjectCode": "P001556-001"},
                        "NewProjectRoleName": "Developer",
                        "TimeCardIdentities": {
                            "PwsVersionedTimecardRef": [{"TimecardType": "T", "TimecardUid": 1152921504652486587}]
                        },
                    }
                ]
            },
        },
    )
    assert_valid(schema, message.find(f"{{{SOAP_ENV}}}Body")[0])
    operation = client.service._binding.get(TRANSFER)
    result = operation.output.deserialize(etree.parse(str(EXAMPLES / f"{TRANSFER}.response.xml")).getroot())
    assert result.Status == "Ok"
    assert result.ResponseId == 1
    assert result.TimeCardIdentities.PwsTimecardRef[0].TimecardUid == 1152921504652486587
    assert result.TimeCardIdentities.PwsTimecardRef[0].ReferenceId is None


def test_zeep_builds_get_time_entry_project_role_requests(client, schema):
    message = client.create_message(
        client.service,
        ENTRY_ROLE,
        serviceRequest={
            "SessionTicket": "ARgBFuS/0LDcPCTXeih6XQ==",
            "EndDate": "2018-03-06T00:00:00Z",
            "ProjectIdentity": {"ProjectCode": "P001396-001"},
            "RoleIdentity": {"ProjectRoleUid": 1152921504609525049},
            "StartDate": "2018-03-04T00:00:00Z",
        },
    )
    assert_valid(schema, message.find(f"{{{SOAP_ENV}}}Body")[0])


def test_catalogue_holds_page_003_table(catalogue):
    documented = {
        20066: (
            "InvalidValueForTimeAdjustmentType",
            "Please specify either TPT, TRT or CTT for the time card transfer adjustment type.",
        ),
        50024: ("EntityNotFound", TRANSFER_TIME_CARD_NOT_FOUND),
        64365: (
            "OneOrMoreTimeCardsIneligibleForAdjustment",
            "Adjustment cannot be completed because one or more cards has changed or is ineligible for adjustment.",
        ),
    }
    page = normalized(PAGE_003)
    for number, (code, text) in documented.items():
        row = row_for(catalogue, number, TRANSFER, "PwsTimecardRef")
        assert (row["code"], row["text"]) == (code, text), number
        assert TRANSFER in row["operations"].split()
        assert row["source"].startswith("vendor-docs/003"), number
        if page is not None:
            assert f"{number}{code}" in page, number
            assert text in page, number


def test_catalogue_picks_the_transfer_text_for_50024(catalogue):
    rows = [row for row in catalogue if row["number"] == "50024"]
    assert len(rows) == 2
    general = general_rows(catalogue)[50024]
    assert general["text"] == "Entity {0} was not found."
    assert TRANSFER in general["operations"].split()  # a transfer's unknown project, role, task or rate type
    transfer = next(row for row in rows if row is not general)
    assert (transfer["operations"], transfer["subject"]) == (TRANSFER, "PwsTimecardRef")
    assert "picks the row whose operations name the operation, else the general one" in transfer["source"]
    assert row_for(catalogue, 50024, TRANSFER, "PwsTimecardRef")["text"] == TRANSFER_TIME_CARD_NOT_FOUND
    assert row_for(catalogue, 50024, TRANSFER, "PwsProjectRef") is general
    for operation in ("PwsSaveTimeCards", "PwsSplitTimeCards", ENTRY_ROLE, "PwsUnauthenticate"):
        assert row_for(catalogue, 50024, operation) is general


def test_catalogue_holds_page_004_table(catalogue):
    documented = {
        20010: ("ProjectRequiredForGetTimeEntryProjectRole", "A project must be specified."),
        20011: ("TimeEntryProjectRoleStartDateRequired", "The range start date must be specified."),
        20012: ("TimeEntryProjectRoleEndDateRequired", "The range end date must be specified."),
        20013: (
            "InvalidValueForTimeEntryProjectRoleStartDate",
            "The specified start date must be expressed as midnight UTC on the desired date.",
        ),
        20014: (
            "InvalidValueForTimeEntryProjectRoleEndDate",
            "The specified end date must be expressed as midnight UTC on the desired date.",
        ),
    }
    page = normalized(PAGE_004) if PAGE_004.exists() else None
    by_number = general_rows(catalogue)
    for number, (code, text) in documented.items():
        row = by_number[number]
        assert (row["code"], row["text"], row["operations"]) == (code, text, ENTRY_ROLE), number
        assert row["source"].startswith("vendor-docs/004"), number
        if page is not None:
            assert f"{number}{code}{text}" in page, number


def test_catalogue_operations_of_the_new_services(catalogue):
    by_number = general_rows(catalogue)

    def operations(number: int) -> set[str]:
        return set(by_number[number]["operations"].split())

    for number in (10004, -101):
        assert {TRANSFER, ENTRY_ROLE} <= operations(number), number
    for number in (20001, 20002, 20003, 20004):  # page 004 has its own 20011-20014
        assert ENTRY_ROLE not in operations(number), number
        assert TRANSFER not in operations(number), number
    for number in (20033, 20051, 64220, 54205, 54700, 90005, 90006, 64365):
        assert TRANSFER in operations(number), number
    for number in (54700, 90004, 50024):
        assert ENTRY_ROLE in operations(number), number
    for number in (64182, 64338, 90009, 90010):  # split-only rules; a changed card on a transfer is 64365
        assert TRANSFER not in operations(number), number
    several_roles, outside_role_dates = by_number[90011], by_number[90012]
    assert several_roles["code"] == "ProjectRoleIdentityRequired"
    assert ENTRY_ROLE in several_roles["operations"].split()
    assert outside_role_dates["code"] == "TimeCardWorkDateOutsideRoleDates"
    assert outside_role_dates["operations"] == TRANSFER
    assert WIRE_FLAG in outside_role_dates["text"]
    for row in (several_roles, outside_role_dates):
        assert row["source"].startswith("mock: "), row
    no_role = by_number[90013]  # the feature files' rule for a resource without a role (no booking allowed)
    assert no_role["code"] == "ResourceHasNoRoleOnProject"
    assert set(no_role["operations"].split()) == {ENTRY_ROLE, "PwsSaveTimeCards"}  # one rule, judged by both
    unassigned = by_number[90030]  # a task the card's role is not assigned to (no assignment allowed)
    assert (unassigned["code"], unassigned["operations"]) == ("ResourceNotAssignedToTask", "PwsSaveTimeCards")
    mock_numbers = sorted(number for number, row in by_number.items() if row["source"].startswith("mock: "))
    assert {90011, 90012, 90013, 90030} <= set(mock_numbers)


def test_the_vendor_pages_these_checks_read_are_in_the_repository():
    """The checks against the vendor's pages run in every clone (fixtures/vendor-docs is committed)."""
    for page in (PAGE_002, PAGE_003, PAGE_004):
        assert page.exists(), page
