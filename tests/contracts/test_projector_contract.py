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
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import zeep
from lxml import etree
from support.schema_checks import (
    NIL,
    SOAP11_ENV,
    VENDOR_DOCS,
    WSDL,
    WSDL_SOAP11,
    XSD,
    XSI,
    Member,
    Nil,
    assert_invalid,
    assert_valid,
    assert_valid_in_both,
    body_element,
    build,
    contract_files,
    contract_fixtures,
    enumeration,
    find_one,
    move_after,
    read_catalogue,
)

from mockserver.projector.catalogue import PWS_CATALOGUE

CONTRACTS, EXAMPLES = contract_files("projector")
PAGE_002 = VENDOR_DOCS / "002_54ea57f30008c731.txt"
PAGE_003 = VENDOR_DOCS / "003_19d93cea1d06a091.txt"
PAGE_004 = VENDOR_DOCS / "004_eefd9b7464ffb5a0.txt"

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
    "arrays.xsd": "http://schemas.microsoft.com/2003/10/Serialization/Arrays",
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
CARD = "tim:SaveTimeCards/tim:PwsTimecardDetail"
SPLIT_ORDER = "tim:SplitOrders/tim:PwsTimeSplitOrder"
"""Where a save request's first card and a split request's first order stand in the serviceRequest."""
ACTION_PREFIX = "http://projectorpsa.com/PwsProjectorServices/IPwsProjectorServices/"
SPLIT, TRANSFER, ENTRY_ROLE = "PwsSplitTimeCards", "PwsTransferTime", "PwsGetTimeEntryProjectRole"

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


schema, xml_schema, client = contract_fixtures(CONTRACTS / "pws-services.xsd", CONTRACTS / "pws.wsdl")


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.xml"))


def example(name: str) -> etree._Element:
    """The Body element of one of the vendor's example envelopes, detached."""
    return body_element(EXAMPLES / name, SOAP11_ENV)


def save_request() -> etree._Element:
    return example("PwsSaveTimeCards.request.xml")


def service_request(element: etree._Element) -> etree._Element:
    return find_one(element, "pws:serviceRequest", NSMAP)


def detail(element: etree._Element) -> etree._Element:
    return find_one(service_request(element), CARD, NSMAP)


def message(name: str, *members: Member) -> etree._Element:
    """A hand-made PWS Body element ``name`` (``pws:PwsSaveTimeCards``) holding ``members`` in order."""
    prefix, local = name.split(":")
    return build(etree.Element(f"{{{NSMAP[prefix]}}}{local}"), members, NSMAP)


def pws_request(operation: str, *request: Member) -> etree._Element:
    """``operation``'s Body element with ``request`` as its serviceRequest's members."""
    return message(f"pws:{operation}", ("pws:serviceRequest", request))


def zeep_request(client: zeep.Client, operation: str, request: dict[str, Any]) -> etree._Element:
    """The Body element zeep sends for ``operation`` with ``request`` as its serviceRequest."""
    envelope = client.create_message(client.service, operation, serviceRequest=request)
    return envelope.find(f"{{{SOAP11_ENV}}}Body")[0]


def pws_response(operation: str, *result: Member) -> etree._Element:
    """``<operation>Response`` with its ``<operation>Result`` holding ``result``, as the vendor answers."""
    return message(f"pws:{operation}Response", (f"pws:{operation}Result", result))


def response_base(
    status: str, timestamp: str, response_id: str = "1", messages: Sequence[Member] | Nil | None = None
) -> list[Member]:
    """The ResponseBase members every PWS result starts with."""
    return [
        ("cs:Messages", messages),
        ("cs:ResponseId", response_id),
        ("cs:Status", status),
        ("cs:ServerTimestampUtc", timestamp),
    ]


def error_detail(number: str, code: str, text: str) -> list[Member]:
    """How the vendor names an error: its code, number and sentence."""
    return [("com:ErrorCode", code), ("com:ErrorNumber", number), ("com:ErrorText", text)]


def error_message(number: str, code: str, text: str) -> list[Member]:
    """A PwsMessage's members for an error, as the vendor fills them in."""
    return [
        ("com:AdditionalErrorText", f"Error {number}: {code}"),
        *error_detail(number, code, text),
        ("com:Type", "Error"),
    ]


def failure_response(operation: str, timestamp: str, error: list[Member], *result: Member) -> etree._Element:
    """A failed ``operation``: ``error`` its one message, ``result`` the members that follow ResponseBase's."""
    messages = [("com:PwsMessage", error)]
    return pws_response(operation, *response_base("Fail", timestamp, messages=messages), *result)


def sub(parent: etree._Element, ns: str, name: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{{{ns}}}{name}")
    if text is not None:
        child.text = text
    return child


def schema_doc(name: str) -> etree._ElementTree:
    return etree.parse(str(CONTRACTS / name))


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
    element = body_element(path, SOAP11_ENV)
    assert_valid_in_both(schema, xml_schema, element)


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


@pytest.mark.parametrize(
    ("member", "value"),
    [
        ("tim:SaveTimeCards/tim:PwsTimecardDetail/tim:WorkMinutes", "abc"),
        ("tim:SaveTimeCards/tim:PwsTimecardDetail/tim:Status", "Finished"),  # not a deprecated status value
        ("tim:SubmitFlag", "yes"),
    ],
)
def test_rejects_a_value_wcf_cannot_read(schema, member, value):
    element = save_request()
    find_one(service_request(element), member, NSMAP).text = value
    assert_invalid(schema, element, member.rpartition(":")[2])


def test_rejects_unknown_element(schema):
    element = save_request()
    sub(service_request(element), TIM, "Bogus", "x")
    assert_invalid(schema, element, "Bogus")


@pytest.mark.parametrize(
    ("parent", "member", "anchor", "named"),
    [
        # StartDate right after EndDate, before Estimates: lxml names the element it did not expect next (Estimates)
        (".", "tim:StartDate", "tim:EndDate", ()),
        # WorkMinutes belongs to the card base level: it may not follow CardStatus
        ("tim:SaveTimeCards/tim:PwsTimecardDetail", "tim:WorkMinutes", "tim:CardStatus", ("WorkMinutes",)),
        # PreserveTimeCardStatusFlag is a later member: it must stay last, not in alphabetical place
        (".", "tim:PreserveTimeCardStatusFlag", "tim:InsertIfNotFoundOnUpdateFlag", ()),
    ],
    ids=["request members out of order", "base member after derived member", "late member in alphabetical run"],
)
def test_rejects_a_member_out_of_wcf_order(schema, parent, member, anchor, named):
    element = save_request()
    move_after(find_one(service_request(element), parent, NSMAP), member, anchor, NSMAP)
    assert_invalid(schema, element, *named)


def test_rejects_member_in_wrong_namespace(schema):
    element = save_request()
    timecard_type = detail(element).find("com:TimecardType", NSMAP)
    timecard_type.tag = f"{{{TIM}}}TimecardType"
    assert_invalid(schema, element, "TimecardType")


def test_rejects_description_over_documented_length(schema):
    element = save_request()
    card = detail(element)
    description = etree.Element(f"{{{TIM}}}Description")
    description.text = "x" * 1001
    card.find("tim:DescriptionClearFlag", NSMAP).addprevious(description)
    assert_invalid(schema, element, "Description")
    description.text = "x" * 1000
    assert_valid(schema, element)


@pytest.mark.parametrize(
    ("example_name", "member", "value"),
    [
        # bad TimecardType values are answered with 19093 / 20051
        *(("PwsSaveTimeCards.request.xml", f"{CARD}/com:TimecardType", value) for value in ("X", "Time", "")),
        # CardStatus takes letters or words; other values are answered with 20050
        *(
            ("PwsSaveTimeCards.request.xml", f"{CARD}/tim:CardStatus", value)
            for value in ("D", "R", "S", "A", "Draft", "Approved", "Q")
        ),
        # 20037 TimeCardSplitPercentOutOfRange must be reachable: the contract has no range facet on SplitPercent
        *(
            (f"{SPLIT}.request.xml", f"{SPLIT_ORDER}/tim:SplitPercent", value)
            for value in ("0", "1", "1.5", "-0.2", "35", "100")
        ),
        # values other than TPT / TRT / CTT are business error 20066, so AdjustmentType is a free string
        *(
            (f"{TRANSFER}.request.xml", "tim:AdjustmentType", value)
            for value in ("TPT", "TRT", "CTT", "XYZ", "tpt", "")
        ),
    ],
)
def test_a_value_answered_with_a_business_error_reaches_the_server(schema, example_name, member, value):
    element = example(example_name)
    find_one(service_request(element), member, NSMAP).text = value
    assert_valid(schema, element)


@pytest.mark.parametrize("path", ["tim:StartDate", "tim:EndDate", "req:SessionTicket", "req:RequestId"])
def test_accepts_missing_members_answered_with_business_errors(schema, path):
    """StartDate / EndDate (20001 / 20002) and SessionTicket (10004) are optional in the contract."""
    element = save_request()
    request = service_request(element)
    request.remove(request.find(path, NSMAP))
    assert_valid(schema, element)


def test_accepts_minimal_save_request(schema):
    assert_valid(schema, pws_request("PwsSaveTimeCards"))  # an empty serviceRequest


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
    card = [
        ("com:ReferenceId", "C1"),
        ("com:TimecardId", NIL),
        ("com:TimecardType", "T"),
        ("com:TimecardUid", "1152921504646141261"),
        ("tim:Description", "Initial research"),
        ("tim:DescriptionClearFlag", "false"),
        ("tim:RejectedByUser", NIL),
        ("tim:RejectedReason", NIL),
        ("tim:RejectedTimestamp", NIL),
        ("tim:Status", "Draft"),
        ("tim:WorkDate", "2018-03-05T00:00:00Z"),
        ("tim:WorkMinutes", "480"),
        ("tim:Timestamp", "AAAAAA64Niw="),
        ("tim:CardStatus", "D"),
        ("tim:LocationClearFlag", "false"),
        ("tim:LocationIdentity", [("com:LocationName", "USA")]),
        ("tim:ProjectIdentity", [("com:ProjectCode", "P001396-001")]),
        ("tim:ProjectRateTypeIdentity", [("com:ProjectRateTypeUid", "1152921504607370468")]),
        ("tim:ProjectTaskIdentity", [("com:ProjectTaskUid", "1152921504608637344")]),
        ("tim:RoleClearFlag", "false"),
        ("tim:RoleIdentity", [("com:ProjectRoleUid", "1152921504609525049")]),
        ("tim:Udf1", [("com:UdfName", "Attendees"), ("com:TextValue", "3")]),
        ("tim:Udf1ClearFlag", "false"),
        ("tim:Udf2", NIL),
        ("tim:Udf2ClearFlag", "false"),
        ("tim:ExternalGroupingIdentifier", "7"),
        ("tim:ExternalGroupingIdentifierClearFlag", "false"),
    ]
    submit = [("com:TimecardType", "T"), ("com:TimecardUid", "1152921504646141261")]
    element = pws_request(
        "PwsSaveTimeCards",
        ("req:SessionTicket", "AUtZcJgtdfVGhgjNekiP9w=="),
        ("tim:EndDate", "2018-03-31T00:00:00Z"),
        ("tim:SaveTimeCards", [("tim:PwsTimecardDetail", card)]),
        ("tim:StartDate", "2018-03-09T00:00:00Z"),
        ("tim:SubmitTimeCardIdentity", submit),
    )
    assert_valid(schema, element)


def test_time_off_card_detail(schema):
    card = [
        ("com:TimecardType", "R"),
        ("tim:Description", "Vacation Day"),
        ("tim:WorkDate", "2018-03-21T00:00:00Z"),
        ("tim:WorkMinutes", "480"),
        ("tim:Timestamp", "AAAAAA64QjU="),
        ("tim:CardStatus", "S"),
        ("tim:TimeOffReasonIdentity", [("com:TimeOffReasonName", "Vacation")]),
    ]
    element = pws_request("PwsSaveTimeCards", ("tim:SaveTimeOffCards", [("tim:PwsTimeOffCardDetail", card)]))
    assert_valid(schema, element)
    time_off_card = find_one(element, "pws:serviceRequest/tim:SaveTimeOffCards/tim:PwsTimeOffCardDetail", NSMAP)
    sub(time_off_card, TIM, "LocationClearFlag", "false")  # a time card member
    assert_invalid(schema, element, "LocationClearFlag")


def test_authenticate_requires_account_user_and_password(schema):
    element = example("PwsAuthenticate.request.xml")
    request = service_request(element)
    request.remove(request.find("req:AccountCode", NSMAP))
    assert_invalid(schema, element)


def test_get_time_cards_request_in_documented_order(schema):
    flags = (
        "IncludeApprovedFlag",
        "IncludeBookedAndAssignedRolesFlag",
        "IncludeDraftFlag",
        "IncludeReferencedTasksOnlyFlag",
        "IncludeReferencedTimeOffReasonsOnlyFlag",
        "IncludeRejectedFlag",
        "IncludeSubmittedFlag",
        "IncludeTimeCardsFlag",
        "IncludeTimeOffCardsFlag",
    )
    later_flags = (
        "IncludeTaskHierarchyFlag",
        "AutoMemorizeBookedAndAssignedRolesFlag",
        "IncludeMemorizedRolesAndTasksFlag",
        "RespectMemorizedRemovedRolesAndTasksFlag",
    )
    element = pws_request(
        "PwsGetTimeCards",
        ("req:RequestId", "1"),
        ("req:SessionTicket", "AdW9hL5iEq/mAQnDQ5AweA=="),
        ("tim:EndDate", "2018-12-31T00:00:00.000Z"),
        *((f"tim:{flag}", "true") for flag in flags),
        ("tim:ProjectIdentity", [("com:ProjectCode", "P001396-001")]),
        ("tim:ResourceIdentity", [("com:ResourceReferenceSystemId", "E123")]),
        ("tim:StartDate", "2018-12-01T00:00:00.000Z"),
        *((f"tim:{flag}", "false") for flag in later_flags),
        ("tim:TimeCardIdentity", [("com:TimecardType", "R"), ("com:TimecardUid", "1152921504608460883")]),
    )
    assert_valid(schema, element)


def test_get_time_cards_response_shape(schema):
    """A PwsGetTimeCards result as the mock must emit it: base members, then projects and time off."""
    descriptor = [
        ("com:ProjectCode", "P001396-001"),
        ("com:ProjectId", NIL),
        ("com:ProjectUid", "1152921504607412209"),
        ("tim:ProjectName", "New Web Services Project (A)"),
        (
            "tim:ProjectRoles",
            [("tim:PwsRole", [("com:ProjectRoleUid", "1152921504609525049"), ("tim:RoleName", "Developer")])],
        ),
        ("tim:Udf1Values", None),
    ]
    project = [
        *((f"tim:{flag}", "false") for flag in ("AllowAssignmentFlag", "AllowBookingFlag", "CanOpenFlag")),
        ("tim:CloseDate", NIL),
        ("tim:DescriptionRequiredFlag", "false"),
        ("tim:OpenDate", "2018-01-01T00:00:00Z"),
        ("tim:OpenFlag", "true"),
        ("tim:PmModuleEnabledFlag", "true"),
        ("tim:ProjectDescriptor", descriptor),
        (
            "tim:ProjectRateTypes",
            [
                (
                    "com:PwsProjectRateTypeSummary",
                    [("com:ProjectRateTypeUid", "1152921504607370460"), ("com:ProjectRateTypeName", "Regular")],
                )
            ],
        ),
        ("tim:ProjectTaskTypes", None),
        (
            "tim:ProjectTasks",
            [("tim:PwsProjectTask", [("com:ProjectTaskUid", "1152921504608637344"), ("tim:Name", "Task A1")])],
        ),
        ("tim:RoleCount", "1"),
        ("tim:TaskCount", "1"),
        (
            "tim:TimeCards",
            [
                (
                    "tim:PwsTimecardDetail",
                    [("com:TimecardType", "T"), ("com:TimecardUid", "1152921504646141261"), ("tim:CardStatus", "S")],
                )
            ],
        ),
        ("tim:Udf1Treatment", "A"),
        ("tim:Udf2Treatment", "N"),
    ]
    time_off = [
        ("tim:InactiveFlag", "false"),
        ("tim:MinutesYearToDate", "0"),
        ("tim:SortOrder", "148"),
        ("tim:TimeOffCards", None),
        ("tim:TimeOffReasonIdentity", [("com:TimeOffReasonName", "Vacation")]),
    ]
    location = [("com:LocationId", NIL), ("com:LocationName", "USA"), ("com:LocationUid", "1152921504606850978")]
    response = pws_response(
        "PwsGetTimeCards",
        *response_base("Ok", "2018-03-09T22:19:31.3446007Z"),
        ("tim:Locations", [("com:PwsLocationSummary", location)]),
        ("tim:TimeEntryProjects", [("tim:PwsTimeEntryProject", project)]),
        ("tim:TimeEntryTimeOff", [("tim:PwsTimeEntryTimeOff", time_off)]),
    )
    values = find_one(response, ".//tim:Udf1Values", NSMAP)
    etree.SubElement(values, "{http://schemas.microsoft.com/2003/10/Serialization/Arrays}string").text = "A"
    assert_valid(schema, response)
    entry_project = find_one(response, ".//tim:PwsTimeEntryProject", NSMAP)
    entry_project.remove(find_one(entry_project, "tim:TimeCards", NSMAP))  # documented as always present
    assert_invalid(schema, response, "TimeCards")


def test_save_response_with_results(schema):
    response = example("PwsSaveTimeCards.response.xml")
    result = response[0]
    failed = [
        (
            "tim:ErrorDetail",
            error_detail("64239", "TimeCardWorkDateRequired", "Work date is required for new time cards."),
        ),
        ("tim:ReferenceId", "C1"),
        ("tim:TimeCard", NIL),
    ]
    build(find_one(result, "tim:TimecardResults", NSMAP), [("tim:PwsSaveTimecardResult", failed)], NSMAP)
    remaining = [
        ("tim:CompletedFlag", "false"),
        ("tim:RemainingAsOfDate", "2018-03-09T00:00:00Z"),
        ("tim:RemainingMinutes", "360"),
    ]
    estimate = [
        ("tim:ErrorDetail", NIL),
        ("tim:Estimates", [("tim:PwsProjectTaskRoleRemaining", remaining)]),
        ("tim:ReferenceId", "E11"),
    ]
    build(find_one(result, "tim:EstimateResults", NSMAP), [("tim:PwsSaveEstimateResult", estimate)], NSMAP)
    error = [
        *error_message("20028", "TimeCardErrors", "One or more time cards or time off cards could not be saved."),
        ("com:ReferenceId1", NIL),
        ("com:ReferenceId2", NIL),
    ]
    build(find_one(result, "cs:Messages", NSMAP), [("com:PwsMessage", error)], NSMAP)
    result.find("cs:Status", NSMAP).text = "Fail"
    assert_valid(schema, response)
    find_one(result, "cs:Messages/com:PwsMessage/com:Type", NSMAP).text = "Fatal"
    assert_invalid(schema, response, "Type")


def test_authenticate_response_shape(schema):
    response = pws_response(
        "PwsAuthenticate",
        *response_base("Ok", "2018-01-16T18:43:11.6585593Z", response_id="0", messages=NIL),
        ("resp:RedirectUrl", NIL),
        ("resp:SessionTicket", "ARQC8d/V3CZk+kOWf7w3KQ=="),
        (
            "resp:AccountIdentity",
            [("com:AccountCode", "revcorp-min"), ("com:AccountId", NIL), ("com:AccountUid", "1152921504606848622")],
        ),
        (
            "resp:UserIdentity",
            [
                ("com:UserDisplayName", "Krakauer, Larry"),
                ("com:UserId", NIL),
                ("com:UserReferenceSystemId", "097"),
                ("com:UserUid", "1152921504606944254"),
            ],
        ),
        ("resp:SuperUserFlag", "false"),
        ("resp:DocumentServerUrl", "https://docqadoc.projectorpsa.com/1"),
        (
            "resp:Account",
            [("com:AccountCode", "revcorp-min"), ("com:Name", "Revolutionary Solutions Corp (Documentation)")],
        ),
        ("resp:User", [("com:UserUid", "1152921504606944254"), ("com:EmailAddress", "larry@revcorp.min")]),
    )
    assert_valid(schema, response)


def test_unauthenticate_messages(schema):
    request = pws_request("PwsUnauthenticate", ("req:SessionTicket", "ARQC8d/V3CZk+kOWf7w3KQ=="))
    assert_valid(schema, request)
    response = pws_response(
        "PwsUnauthenticate", *response_base("FailSessionInvalid", "2018-01-16T18:43:11.6585593Z", response_id="0")
    )
    assert_valid(schema, response)


# ---------------------------------------------------------------------------------------------------------------
# value sets
# ---------------------------------------------------------------------------------------------------------------


def test_documented_value_sets():
    assert enumeration(CONTRACTS / "commonservices.xsd", "RequestStatus") == [
        "Ok",
        "OkWithWarnings",
        "Fail",
        "FailSessionInvalid",
    ]
    assert enumeration(CONTRACTS / "common.xsd", "MessageType") == ["Information", "Warning", "Error"]
    assert enumeration(CONTRACTS / "common.xsd", "TimecardTypeCode") == ["T", "R"]
    assert enumeration(CONTRACTS / "common.xsd", "ApprovalStatusCode") == ["D", "R", "S", "A", "I", "B", "M"]
    assert {"Draft", "Submitted", "Approved", "Rejected"} <= set(
        enumeration(CONTRACTS / "timeandcost.xsd", "TimeCardStatus")
    )


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
    request = {
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
    }
    assert_valid(schema, zeep_request(client, "PwsSaveTimeCards", request))
    credentials = {"AccountCode": "DEMO", "Password": "p", "UserName": "u"}
    assert_valid(schema, zeep_request(client, "PwsAuthenticate", credentials))


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
    assert [(i.get("namespace"), i.get("schemaLocation")) for i in imports] == [  # all, in WCF's xsdN order
        (PWS, "pws-services.xsd"),
        ("http://schemas.microsoft.com/2003/10/Serialization/", "../wcf/serialization.xsd"),
        (REQ, "requests.xsd"),
        (COM, "common.xsd"),  # where PwsFault, the declared fault's detail, lives
        (RESP, "responses.xsd"),
        (CS, "commonservices.xsd"),
        (TIM, "timeandcost.xsd"),
        ("http://schemas.microsoft.com/2003/10/Serialization/Arrays", "arrays.xsd"),
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
    return read_catalogue(CONTRACTS / "errors.csv")


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
    return example("PwsSplitTimeCards.request.xml")


def split_order(element: etree._Element) -> etree._Element:
    return find_one(service_request(element), SPLIT_ORDER, NSMAP)


def page_003_identities(text: str = PAGE_003_TIME_CARD_IDENTITIES) -> etree._Element:
    wrapper = etree.fromstring(f'<wrapper xmlns:tim="{TIM}" xmlns:com="{COM}">{text}</wrapper>')
    return copy.deepcopy(wrapper[0])


def split_response() -> etree._Element:
    body = etree.fromstring(SPLIT_RESPONSE.encode()).find(f"{{{SOAP11_ENV}}}Body")
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
    assert_valid_in_both(schema, xml_schema, identities)
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
    identity = [("com:TimecardType", "T"), ("com:TimecardUid", "1152921504652486584")]
    order = [("tim:SplitMinutes", "60"), ("tim:TimeCardIdentity", identity)]
    element = pws_request(
        SPLIT,
        ("req:SessionTicket", "AWuKIeUvHQC5lNzuzE3Ugg=="),
        ("tim:SplitOrders", [("tim:PwsTimeSplitOrder", order)]),
    )
    assert_valid(schema, element)


def test_full_split_request_in_documented_order(schema):
    identity = [
        ("com:ReferenceId", "S1"),
        ("com:TimecardId", NIL),
        ("com:TimecardType", "T"),
        ("com:TimecardUid", "1152921504652486584"),
        ("tim:Timestamp", "AAAAAA64Niw="),
    ]
    order = [
        ("tim:SplitAdjustmentAmount", "153.35"),
        ("tim:SplitMinutes", "60"),
        ("tim:SplitPercent", ".35"),
        ("tim:TimeCardIdentity", identity),
    ]
    nils = [
        (f"tim:{member}", NIL)
        for member in ("SplitAdjustmentAmount", "SplitMinutes", "SplitPercent", "TimeCardIdentity")
    ]
    code = [
        ("com:AdjustmentCodeId", NIL),
        ("com:AdjustmentCodeName", "Other"),
        ("com:AdjustmentCodeUid", "1152921504606858479"),
    ]
    element = pws_request(
        SPLIT,
        ("req:RequestId", "1"),
        ("req:SessionTicket", "AWuKIeUvHQC5lNzuzE3Ugg=="),
        ("tim:AdjustmentCodeIdentity", code),
        ("tim:Explanation", "x" * 1024),
        ("tim:SplitOrders", [("tim:PwsTimeSplitOrder", order), ("tim:PwsTimeSplitOrder", nils)]),
    )
    assert_valid(schema, element)
    find_one(service_request(element), "tim:Explanation", NSMAP).text = "x" * 1025
    assert_invalid(schema, element, "Explanation")


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
    assert_valid_in_both(schema, xml_schema, response)
    result = response[0]
    identities = etree.Element(f"{{{TIM}}}TimeCardIdentities")  # the wiki's element table, not its example
    result.find("cs:ServerTimestampUtc", NSMAP).addnext(identities)
    assert_invalid(schema, response, "TimeCardIdentities")


def test_split_failure_response(schema):
    error = error_message("20037", "TimeCardSplitPercentOutOfRange", "The specified split percentage is out of range.")
    response = failure_response(SPLIT, "2019-11-07T20:07:08.3533516Z", error, ("tim:TimeCardSplits", None))
    assert_valid(schema, response)


def test_zeep_builds_and_reads_split_messages(client, schema):
    request = {
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
    }
    assert_valid(schema, zeep_request(client, SPLIT, request))
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

WIRE_FLAG = "AdjustProjectRoleDatesAsNeededFlag"  # page 003's listing and example
TABLE_FLAG = "AdjustRoleDatesAsNeededFlag"  # page 003's element table
TRANSFER_TIME_CARD_NOT_FOUND = "Time Card was not found. Another user may have deleted it."


def transfer_request() -> etree._Element:
    return example(f"{TRANSFER}.request.xml")


def transfer_response() -> etree._Element:
    return example(f"{TRANSFER}.response.xml")


def transfer_order(element: etree._Element) -> etree._Element:
    return find_one(element, "pws:serviceRequest/tim:TransferOrders/tim:PwsTimeTransferOrder", NSMAP)


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
        assert_valid_in_both(schema, xml_schema, element)


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
    assert enumeration(CONTRACTS / "timeandcost.xsd", "TimeTransferAdjustmentTypeCode") == ["TPT", "TRT", "CTT"]


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
    item = [("com:TimecardType", "T"), ("com:TimecardUid", "1152921504652486587"), ("tim:Timestamp", "AAAAAA64Niw=")]
    order = [
        ("tim:NewProjectIdentity", [("com:ProjectCode", "P001556-001")]),
        ("tim:TimeCardIdentities", [("tim:PwsVersionedTimecardRef", item)]),
    ]
    element = pws_request(
        TRANSFER,
        ("req:SessionTicket", "AWuKIeUvHQC5lNzuzE3Ugg=="),
        ("tim:AdjustmentType", "TPT"),
        ("tim:TransferOrders", [("tim:PwsTimeTransferOrder", order)]),
    )
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


def test_transfer_response_shapes(schema):
    response = transfer_response()
    result = response[0]
    report = result.find("tim:TimecardValuationReport", NSMAP)
    assert report is not None
    assert len(report) == 0
    assert report.get(f"{{{XSI}}}nil") is None
    report.set(f"{{{XSI}}}nil", "true")
    assert_valid(schema, response)
    del report.attrib[f"{{{XSI}}}nil"]
    line = sub(report, TIM, "PwsTimecardValuation")  # a data contract with no members, as WCF publishes one
    sub(line, TIM, "ContractRevenueEffect", "7.35")
    assert_invalid(schema, response, "TimecardValuationReport", "content type is empty")
    report.remove(line)
    result.remove(report)
    assert_valid(schema, response)
    identities = result.find("tim:TimeCardIdentities", NSMAP)
    result.append(report)
    result.remove(identities)
    result.append(identities)  # TimeCardIdentities after TimecardValuationReport: not ordinal order
    assert_invalid(schema, response, "TimeCardIdentities")


def test_transfer_failure_response(schema):
    error = error_message(
        "20066",
        "InvalidValueForTimeAdjustmentType",
        "Please specify either TPT, TRT or CTT for the time card transfer adjustment type.",
    )
    empty = (("tim:TimeCardIdentities", None), ("tim:TimecardValuationReport", None))
    assert_valid(schema, failure_response(TRANSFER, "2019-11-07T22:24:06.8248708Z", error, *empty))


def test_minimal_get_time_entry_project_role_request(schema, xml_schema):
    element = pws_request(ENTRY_ROLE)
    assert_valid(schema, element)  # every member is optional (20010-20014, the caller's resource)
    request = [
        ("req:SessionTicket", "ARgBFuS/0LDcPCTXeih6XQ=="),
        ("tim:EndDate", "2018-03-06T00:00:00.000Z"),
        ("tim:ProjectIdentity", [("com:ProjectCode", "P001396-001")]),
        ("tim:StartDate", "2018-03-04T00:00:00.000Z"),
    ]
    build(service_request(element), request, NSMAP)
    assert_valid_in_both(schema, xml_schema, element)


def test_full_get_time_entry_project_role_request(schema):
    project = [("com:ProjectCode", "P001396-001"), ("com:ProjectId", NIL), ("com:ProjectUid", "1152921504607412209")]
    element = pws_request(
        ENTRY_ROLE,
        ("req:RequestId", "1"),
        ("req:SessionTicket", "ARgBFuS/0LDcPCTXeih6XQ=="),
        ("tim:EndDate", "2018-03-06T00:00:00.000Z"),
        ("tim:ProjectIdentity", project),
        ("tim:ResourceIdentity", [("com:ResourceReferenceSystemId", "097")]),
        ("tim:RoleIdentity", [("com:ProjectRoleUid", "1152921504609525049")]),
        ("tim:StartDate", "2018-03-04T00:00:00.000Z"),
    )
    assert_valid(schema, element)
    request = service_request(element)
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
    role = [
        ("com:ProjectRoleUid", "1152921504609525049"),
        ("tim:RoleEndDate", "2018-12-31T00:00:00Z"),
        ("tim:RoleName", "Developer"),
        ("tim:RoleStartDate", "2018-01-01T00:00:00Z"),
    ]
    descriptor = [
        ("com:ProjectCode", "P001396-001"),
        ("com:ProjectUid", "1152921504607412209"),
        ("tim:ProjectName", "New Web Services Project (A)"),
        ("tim:ProjectRoles", [("tim:PwsRole", role)]),
    ]
    project = [
        ("tim:AllowAssignmentFlag", "false"),
        ("tim:AllowBookingFlag", "true"),
        ("tim:ProjectDescriptor", descriptor),
        *((f"tim:{name}", None) for name in ("ProjectRateTypes", "ProjectTaskTypes", "ProjectTasks")),
        ("tim:RoleCount", "1"),
        ("tim:TimeCards", None),
    ]
    response = pws_response(
        ENTRY_ROLE, *response_base("Ok", "2018-03-12T19:39:20.0566836Z"), ("tim:TimeEntryProject", project)
    )
    assert_valid(schema, response)
    result = response[0]
    listed = sub(result, TIM, "TimeEntryProjects")  # PwsGetTimeCards' member, not this response's
    assert_invalid(schema, response, "TimeEntryProjects")
    result.remove(listed)
    result.remove(find_one(result, "tim:TimeEntryProject", NSMAP))
    build(result, [("tim:TimeEntryProject", NIL)], NSMAP)  # a failed request
    result.find("cs:Status", NSMAP).text = "Fail"
    assert_valid(schema, response)


@pytest.mark.parametrize("name", [SPLIT, TRANSFER, ENTRY_ROLE])
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
    request = {
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
    }
    assert_valid(schema, zeep_request(client, TRANSFER, request))
    operation = client.service._binding.get(TRANSFER)
    result = operation.output.deserialize(etree.parse(str(EXAMPLES / f"{TRANSFER}.response.xml")).getroot())
    assert result.Status == "Ok"
    assert result.ResponseId == 1
    assert result.TimeCardIdentities.PwsTimecardRef[0].TimecardUid == 1152921504652486587
    assert result.TimeCardIdentities.PwsTimecardRef[0].ReferenceId is None


def test_zeep_builds_get_time_entry_project_role_requests(client, schema):
    request = {
        "SessionTicket": "ARgBFuS/0LDcPCTXeih6XQ==",
        "EndDate": "2018-03-06T00:00:00Z",
        "ProjectIdentity": {"ProjectCode": "P001396-001"},
        "RoleIdentity": {"ProjectRoleUid": 1152921504609525049},
        "StartDate": "2018-03-04T00:00:00Z",
    }
    assert_valid(schema, zeep_request(client, ENTRY_ROLE, request))


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
    for number in (64182, 64338, 90009, 90010, 90040):  # split-only rules; a changed card on a transfer is 64365
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
    assert set(no_role["operations"].split()) == {ENTRY_ROLE, "PwsSaveTimeCards", TRANSFER}  # one rule, judged by all
    unassigned = by_number[90030]  # a task the card's role is not assigned to (no assignment allowed)
    assert (unassigned["code"], unassigned["operations"]) == ("ResourceNotAssignedToTask", "PwsSaveTimeCards")
    mock_numbers = sorted(number for number, row in by_number.items() if row["source"].startswith("mock: "))
    assert {90011, 90012, 90013, 90030} <= set(mock_numbers)


def test_the_vendor_pages_these_checks_read_are_in_the_repository():
    """The checks against the vendor's pages run in every clone (fixtures/vendor-docs is committed)."""
    for page in (PAGE_002, PAGE_003, PAGE_004):
        assert page.exists(), page
