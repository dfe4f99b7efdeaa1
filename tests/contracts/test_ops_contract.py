"""The Projector Ops (batch time card import) contract files hold together and accept what the mock must receive.

Standalone: reads only ``contracts/projector-ops/`` and ``fixtures/projector-ops/examples/`` (no project imports), so
it runs before any server code exists. What it proves:

- ``ops.xsd`` compiles with lxml and loads in xmlschema; every example envelope's Body element (and header) validates;
- the contract rejects what it should (a wrong type, an unknown or misplaced member, a bad enumeration value, a task
  type over 50 characters) and lets through what the server answers per card (a TimeCard missing its "required"
  members, a negative WorkMinutes, any batch Status), so one bad card never faults a whole batch;
- zeep consumes ``ops.wsdl``: three operations with ``<namespace>/<Method>`` SOAPActions, the
  OpsAuthenticationHeader as a soap:header, requests it builds (header included) validate, and it reads responses;
- ``errors.csv`` has the exact header, unique numbers in the mock's 91xxx range, a row for every rule of the brief,
  and ErrorCode a string (not an enumeration of the mock's codes).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from lxml import etree
from support.schema_checks import (
    SOAP11_ENV,
    WSDL,
    WSDL_SOAP11,
    XSD,
    XSI,
    assert_invalid,
    assert_valid,
    assert_valid_in_both,
    body_element,
    contract_files,
    contract_fixtures,
    enumeration,
    envelope_part,
    find_one,
    move_after,
    read_catalogue,
)

CONTRACTS, EXAMPLES = contract_files("projector-ops")
OPS_XSD = CONTRACTS / "ops.xsd"

OPS = "http://www.opsplanning.com/webservices/public/data"
NSMAP = {"ops": OPS, "xs": XSD, "wsdl": WSDL, "soap": WSDL_SOAP11}

OPEN, IMPORT, CLOSE = "OpsOpenTimeCardBatch", "OpsImportTimeCards", "OpsCloseTimeCardBatch"
OPERATIONS = (OPEN, IMPORT, CLOSE)
HEADER = {"EmailAddress": "api.admin@example.com", "Password": "demo-password", "AccountName": "DEMO"}

# The TimeCard members of page 001, in its order.
TIMECARD_MEMBERS = (
    "TimeCardReferenceSystemId",
    "ProjectCode",
    "ResourceReferenceSystemId",
    "Role",
    "ProjectTaskName",
    "ProjectWbsTaskCode",
    "ProjectWbsTaskName",
    "Narrative",
    "WorkDate",
    "WorkMinutes",
    "ContractRevenue",
    "AdjustedRevenue",
    "SystemRevenue",
    "CurrencyCode",
    "LocationName",
    "NonBillableFlag",
    "ProjectTaskTypeName",
    "ProjectRateTypeName",
    "ExternalGroupingIdentifier",
)
CLOSE_MEMBERS = (
    "BatchId",
    "BatchActionType",
    "Status",
    "OverrideRulesFlag",
    "PurgeBeginDate",
    "PurgeEndDate",
    "UseFirstRoleFlag",
    "UseFirstTaskFlag",
    "CreateTaskCodesFlag",
)
# Every rule the catalogue must answer: code -> (severity, operations that produce it).
REQUIRED_RULES = {
    "AuthenticationFailed": ("Error", set(OPERATIONS)),
    "AccountNameRequired": ("Error", set(OPERATIONS)),
    "BatchIdRequired": ("Error", {IMPORT, CLOSE}),
    "BatchNotFound": ("Error", {IMPORT, CLOSE}),
    "BatchNotOpen": ("Error", {IMPORT, CLOSE}),
    "InvalidValueForBatchStatus": ("Error", {CLOSE}),
    "TimeCardReferenceSystemIdRequired": ("Error", {IMPORT}),
    "DuplicateTimeCardReferenceSystemId": ("Error", {IMPORT}),
    "ProjectCodeRequired": ("Error", {IMPORT}),
    "ResourceReferenceSystemIdRequired": ("Error", {IMPORT}),
    "WorkDateRequired": ("Error", {IMPORT}),
    "WorkMinutesRequired": ("Error", {IMPORT}),
    "InvalidValueForWorkMinutes": ("Error", {IMPORT}),
    "ProjectTaskNameConflict": ("Error", {IMPORT}),
    "NonBillableFlagDeprecated": ("Warning", {IMPORT}),
    "ProjectNotFound": ("Error", {CLOSE}),
    "TimeOffNotSupported": ("Error", {CLOSE}),
    "ResourceNotFound": ("Error", {CLOSE}),
    "RoleRequired": ("Error", {CLOSE}),
    "RoleNotFound": ("Error", {CLOSE}),
    "ProjectWbsTaskRequired": ("Error", {CLOSE}),
    "ProjectTaskTypeRequired": ("Error", {CLOSE}),
    "ProjectTaskNotFound": ("Error", {CLOSE}),
    "NarrativeRequired": ("Error", {CLOSE}),
    "RevenueNotAllowedInImportMode": ("Error", {CLOSE}),
    "RevenueRequiredInReplaceMode": ("Error", {CLOSE}),
    "LocationNotFound": ("Error", {CLOSE}),
    "ProjectRateTypeNotFound": ("Error", {CLOSE}),
}


# ---------------------------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------------------------


schema, xml_schema, client = contract_fixtures(OPS_XSD, CONTRACTS / "ops.wsdl")


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.xml"))


def example_request(operation: str) -> etree._Element:
    return body_element(EXAMPLES / f"{operation}.request.xml", SOAP11_ENV)


def request_of(element: etree._Element) -> etree._Element:
    return find_one(element, "ops:request", NSMAP)


def first_card(element: etree._Element) -> etree._Element:
    return find_one(element, "ops:request/ops:TimeCards/ops:TimeCard", NSMAP)


def sub(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{{{OPS}}}{name}")
    if text is not None:
        child.text = text
    return child


def xsd_doc() -> etree._ElementTree:
    return etree.parse(str(OPS_XSD))


def members(type_name: str) -> list[tuple[str, str, str | None, str | None]]:
    """(name, type, minOccurs, nillable) of a complex type's own sequence members, in order."""
    nodes = xsd_doc().xpath(f"/xs:schema/xs:complexType[@name='{type_name}']//xs:sequence/xs:element", namespaces=NSMAP)
    return [(n.get("name"), n.get("type"), n.get("minOccurs"), n.get("nillable")) for n in nodes]


def body_of(message: etree._Element) -> etree._Element:
    return message.find(f"{{{SOAP11_ENV}}}Body")[0]


def header_of(message: etree._Element) -> etree._Element:
    found = message.find(f"{{{SOAP11_ENV}}}Header/{{{OPS}}}OpsAuthenticationHeader")
    assert found is not None, etree.tostring(message).decode()
    return found


# ---------------------------------------------------------------------------------------------------------------
# the schema
# ---------------------------------------------------------------------------------------------------------------


def test_one_qualified_schema_in_the_service_namespace():
    root = xsd_doc().getroot()
    assert root.get("targetNamespace") == OPS
    assert root.get("elementFormDefault") == "qualified"
    assert root.findall(f"{{{XSD}}}import") == []
    assert root.findall(f"{{{XSD}}}include") == []


def test_lxml_compiles_it(schema):
    assert schema is not None


def test_xmlschema_loads_it(xml_schema):
    assert OPS in xml_schema.maps.namespaces
    assert xml_schema.maps.types[f"{{{OPS}}}TimeCard"].is_complex()
    for name in (*OPERATIONS, *(f"{name}Response" for name in OPERATIONS), "OpsAuthenticationHeader"):
        assert f"{{{OPS}}}{name}" in xml_schema.maps.elements, name


def test_timecard_members_in_page_001_order():
    found = members("TimeCard")
    assert [name for name, *_ in found] == list(TIMECARD_MEMBERS)
    types = {name: type_ for name, type_, *_ in found}
    assert types["WorkDate"] == "xs:date"
    assert types["WorkMinutes"] == types["ExternalGroupingIdentifier"] == "xs:int"
    for revenue in ("ContractRevenue", "AdjustedRevenue", "SystemRevenue"):
        assert types[revenue] == "xs:double"
    assert types["NonBillableFlag"] == "xs:boolean"
    assert types["ProjectTaskTypeName"] == types["ProjectRateTypeName"] == "tns:String50"


def test_every_request_member_is_optional():
    """Absence is answered by the server (a TimeCardError, a batch error or a documented default), never a fault."""
    for type_name in ("TimeCard", "OpsImportTimeCardsRequest", "OpsCloseTimeCardBatchRequest"):
        for name, _type, min_occurs, _nillable in members(type_name):
            assert min_occurs == "0", f"{type_name}.{name}"


def test_close_request_members_and_types():
    found = members("OpsCloseTimeCardBatchRequest")
    assert [name for name, *_ in found] == list(CLOSE_MEMBERS)
    types = {name: type_ for name, type_, *_ in found}
    assert types["BatchId"] == "xs:int"
    assert types["BatchActionType"] == "tns:BatchActionType"
    assert types["Status"] == "xs:string"
    assert types["PurgeBeginDate"] == types["PurgeEndDate"] == "xs:date"
    for flag in ("OverrideRulesFlag", "UseFirstRoleFlag", "UseFirstTaskFlag", "CreateTaskCodesFlag"):
        assert types[flag] == "xs:boolean"


def test_responses_start_with_service_result_and_errors():
    assert members("OpsResponseBase") == [
        ("ServiceResult", "tns:ServiceResult", "1", None),
        ("Errors", "tns:ArrayOfOpsWebError", "0", None),
    ]
    assert members("OpsWebError") == [
        ("Severity", "tns:Severity", "1", None),
        ("DbErrorCode", "xs:int", "1", None),
        ("ErrorCode", "xs:string", "0", None),
        ("State", "xs:int", "1", None),
        ("AdditionalInfo", "xs:string", "0", None),
    ]
    assert members("TimeCardError") == [("Index", "xs:int", "1", None), ("OpsError", "tns:OpsWebError", "0", None)]
    assert members("OpsOpenTimeCardBatchResult") == [("BatchId", "xs:int", "1", None)]
    for name in ("OpsImportTimeCardsResult", "OpsCloseTimeCardBatchResult"):
        assert members(name) == [("TimeCardErrors", "tns:ArrayOfTimeCardError", "0", None)]


def test_enumerations():
    assert enumeration(OPS_XSD, "ServiceResult") == ["Ok", "Fail", "PartialFail"]
    assert enumeration(OPS_XSD, "Severity") == ["Informational", "Warning", "Error"]
    assert enumeration(OPS_XSD, "BatchActionType") == ["Import", "Replace", "Void"]


# ---------------------------------------------------------------------------------------------------------------
# the examples
# ---------------------------------------------------------------------------------------------------------------


def test_examples_are_present_and_listed():
    names = {path.name for path in example_files()}
    assert {f"{name}.request.xml" for name in OPERATIONS} <= names
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert f"`{name}`" in readme, f"{name} is not listed in the examples README"
    assert "ours" in readme.lower()


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.name)
def test_example_validates(schema, xml_schema, path):
    element = body_element(path, SOAP11_ENV)
    assert_valid_in_both(schema, xml_schema, element)
    operation = path.name.split(".")[0]
    expected = operation if path.name.endswith(".request.xml") else f"{operation}Response"
    assert element.tag == f"{{{OPS}}}{expected}"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.request.xml")), ids=lambda path: path.name)
def test_example_request_carries_the_header(schema, path):
    headers = envelope_part(path, SOAP11_ENV, "Header")
    assert [element.tag for element in headers] == [f"{{{OPS}}}OpsAuthenticationHeader"]
    assert_valid(schema, headers[0])


# ---------------------------------------------------------------------------------------------------------------
# what the contract rejects, and what it deliberately lets through to the per-card rules
# ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("operation", "member", "value"),
    [
        (IMPORT, "ops:TimeCards/ops:TimeCard/ops:WorkMinutes", "eight hours"),
        (IMPORT, "ops:TimeCards/ops:TimeCard/ops:WorkDate", "2018-03-05T00:00:00"),
        (IMPORT, "ops:BatchId", "batch-1"),
        *((CLOSE, "ops:BatchActionType", value) for value in ("Add", "import", "0", "")),
        *((CLOSE, f"ops:{flag}", "yes") for flag in ("OverrideRulesFlag", "UseFirstRoleFlag")),
    ],
)
def test_rejects_a_value_of_the_wrong_type(schema, operation, member, value):
    """What XmlSerializer cannot read faults the call. WorkDate is a date ("date" on page 001, as opposed to the
    wiki's dateTime members); BatchActionType names one of its enumeration's values, case and all."""
    element = example_request(operation)
    find_one(request_of(element), member, NSMAP).text = value
    assert_invalid(schema, element, member.rpartition(":")[2])


@pytest.mark.parametrize(
    ("operation", "parent", "name", "value"),
    [(IMPORT, "ops:TimeCards/ops:TimeCard", "Hours", "8"), (CLOSE, ".", "SessionTicket", "AUtZcJgtdfVGhgjNekiP9w==")],
)
def test_rejects_an_unknown_member(schema, operation, parent, name, value):
    element = example_request(operation)
    sub(find_one(request_of(element), parent, NSMAP), name, value)
    assert_invalid(schema, element, name)


def test_rejects_out_of_order_timecard_members(schema):
    element = example_request(IMPORT)
    move_after(first_card(element), "ops:WorkMinutes", "ops:ProjectCode", NSMAP)
    assert_invalid(schema, element)


def test_rejects_member_outside_the_service_namespace(schema):
    element = example_request(IMPORT)
    first_card(element).find("ops:ProjectCode", NSMAP).tag = "ProjectCode"
    assert_invalid(schema, element, "ProjectCode")


def test_a_task_type_name_over_50_characters_reaches_the_server(schema):
    """string(50) is checked per card (91110), as the vendor's XmlSerializer does not check lengths: a
    facet would throw the whole call away where the vendor refuses one card."""
    element = example_request(IMPORT)
    cards = element.findall("ops:request/ops:TimeCards/ops:TimeCard", NSMAP)
    cards[1].find("ops:ProjectTaskTypeName", NSMAP).text = "x" * 51
    assert_valid(schema, element)


@pytest.mark.parametrize(
    "member", ["TimeCardReferenceSystemId", "ProjectCode", "ResourceReferenceSystemId", "WorkDate", "WorkMinutes"]
)
def test_accepts_a_card_missing_a_required_member(schema, member):
    """Page 001 calls them required; the server answers their absence per card (911xx), so they stay optional."""
    element = example_request(IMPORT)
    card = first_card(element)
    card.remove(card.find(f"ops:{member}", NSMAP))
    assert_valid(schema, element)


def test_accepts_an_empty_card_and_nil_values(schema):
    element = example_request(IMPORT)
    cards = element.find("ops:request/ops:TimeCards", NSMAP)
    sub(cards, "TimeCard")
    nil_card = sub(cards, "TimeCard")
    for name in ("WorkDate", "WorkMinutes", "ContractRevenue", "NonBillableFlag", "ExternalGroupingIdentifier"):
        sub(nil_card, name).set(f"{{{XSI}}}nil", "true")
    assert_valid(schema, element)


def test_accepts_negative_work_minutes_and_revenue_fields(schema):
    """Negative minutes (91107) and revenue in import mode (91210) are business errors, not faults."""
    element = example_request(IMPORT)
    card = first_card(element)
    card.find("ops:WorkMinutes", NSMAP).text = "-30"
    location = card.find("ops:LocationName", NSMAP)
    for name, value in (
        ("ContractRevenue", "1200.5"),
        ("AdjustedRevenue", "1100"),
        ("SystemRevenue", "1200.5"),
        ("CurrencyCode", "USD"),
    ):
        revenue = etree.Element(f"{{{OPS}}}{name}")
        revenue.text = value
        location.addprevious(revenue)
    nonbillable = etree.Element(f"{{{OPS}}}NonBillableFlag")
    nonbillable.text = "true"
    location.addnext(nonbillable)
    assert_valid(schema, element)


@pytest.mark.parametrize("value", ["S", "A", "X", "Submitted", ""])
def test_accepts_any_batch_status_for_business_errors(schema, value):
    """Status is a string: values other than S and A are answered with 91006."""
    element = example_request(CLOSE)
    request_of(element).find("ops:Status", NSMAP).text = value
    assert_valid(schema, element)


def test_accepts_minimal_messages(schema):
    for operation in OPERATIONS:
        element = etree.Element(f"{{{OPS}}}{operation}", nsmap={None: OPS})
        assert_valid(schema, element)  # no request: BatchId missing is 91003, an open needs none
        sub(element, "request")
        assert_valid(schema, element)


def test_replace_close_with_purge_range(schema):
    element = example_request(CLOSE)
    request = request_of(element)
    request.find("ops:BatchActionType", NSMAP).text = "Replace"
    begin = etree.Element(f"{{{OPS}}}PurgeBeginDate")
    begin.text = "2018-01-01"
    end = etree.Element(f"{{{OPS}}}PurgeEndDate")
    end.set(f"{{{XSI}}}nil", "true")
    request.find("ops:OverrideRulesFlag", NSMAP).addnext(begin)
    begin.addnext(end)
    assert_valid(schema, element)


def test_header_members_in_any_order(schema):
    header = etree.Element(f"{{{OPS}}}OpsAuthenticationHeader", nsmap={None: OPS, "soap": SOAP11_ENV})
    for name in ("AccountName", "Password", "EmailAddress"):
        sub(header, name, HEADER[name])
    header.set(f"{{{SOAP11_ENV}}}mustUnderstand", "1")
    assert_valid(schema, header)
    sub(header, "SessionTicket", "AUtZcJgtdfVGhgjNekiP9w==")
    assert_invalid(schema, header, "SessionTicket")


def test_responses_take_any_error_code_but_reject_unknown_severities(schema):
    element = body_element(EXAMPLES / f"{IMPORT}.response.xml", SOAP11_ENV)
    error = element.find(".//ops:OpsError", NSMAP)
    error.find("ops:ErrorCode", NSMAP).text = "SomeVendorCode"  # the vendor's codes are not all known
    assert schema.validate(element), schema.error_log
    error.find("ops:Severity", NSMAP).text = "Information"  # PWS's word, not Ops's
    assert_invalid(schema, element, "Severity")


# ---------------------------------------------------------------------------------------------------------------
# the WSDL, through zeep and as a document
# ---------------------------------------------------------------------------------------------------------------


def test_zeep_lists_the_operations_with_their_actions(client):
    service = client.wsdl.services["OpsProjectorSvc"]
    port = service.ports["OpsProjectorSvcSoap"]
    assert port.binding_options["address"] == "http://localhost/OpsProjectorWebSvc/OpsProjectorSvc.asmx"
    operations = port.binding._operations
    assert set(operations) == set(OPERATIONS)
    for name in OPERATIONS:
        assert operations[name].soapaction == f"{OPS}/{name}"
        assert operations[name].style == "document"
        assert getattr(client.service, name) is not None
        header_parts = operations[name].input.header.signature(schema=client.wsdl.types)
        assert "OpsAuthenticationHeader" in header_parts


def test_zeep_sends_the_header_as_a_dict(client, schema):
    """How a zeep user authenticates: ``_soapheaders`` keyed by the header part, per call."""
    message = client.create_message(
        client.service,
        IMPORT,
        request={
            "BatchId": 40117,
            "TimeCards": {
                "TimeCard": [
                    {
                        "TimeCardReferenceSystemId": "HR-2018-03-000101",
                        "ProjectCode": "P001396-001",
                        "ResourceReferenceSystemId": "E123",
                        "Role": "Consultant",
                        "ProjectWbsTaskCode": "1.1",
                        "WorkDate": datetime.date(2018, 3, 5),
                        "WorkMinutes": 480,
                    },
                    {"TimeCardReferenceSystemId": "HR-2018-03-000102", "WorkMinutes": -5},
                ]
            },
        },
        _soapheaders={"OpsAuthenticationHeader": HEADER},
    )
    body = body_of(message)
    assert_valid(schema, body)
    assert body.findtext("ops:request/ops:TimeCards/ops:TimeCard/ops:WorkDate", namespaces=NSMAP) == "2018-03-05"
    header = header_of(message)
    assert_valid(schema, header)
    assert {child.tag.split("}")[1]: child.text for child in header} == HEADER


def test_zeep_sends_the_header_as_an_element(client, schema):
    """The other zeep spelling: a header element built from the schema, for one call or as the default."""
    header_type = client.get_element(f"{{{OPS}}}OpsAuthenticationHeader")
    header = header_type(EmailAddress="api.admin@example.com", Password="demo-password")
    for operation, request in (
        (OPEN, {}),
        (CLOSE, {"BatchId": 40117, "BatchActionType": "Replace", "PurgeBeginDate": datetime.date(2018, 1, 1)}),
    ):
        message = client.create_message(client.service, operation, request=request, _soapheaders=[header])
        assert_valid(schema, body_of(message))
        sent = header_of(message)
        assert_valid(schema, sent)
        assert sent.findtext("ops:EmailAddress", namespaces=NSMAP) == "api.admin@example.com"
        assert sent.find("ops:AccountName", NSMAP) is None


def test_zeep_reads_the_responses(client):
    open_result = client.service._binding.get(OPEN).output.deserialize(
        etree.parse(str(EXAMPLES / f"{OPEN}.response.xml")).getroot()
    )
    assert open_result.ServiceResult == "Ok"
    assert open_result.BatchId == 40117
    import_result = client.service._binding.get(IMPORT).output.deserialize(
        etree.parse(str(EXAMPLES / f"{IMPORT}.response.xml")).getroot()
    )
    assert import_result.ServiceResult == "PartialFail"
    errors = import_result.TimeCardErrors.TimeCardError
    assert [(error.Index, error.OpsError.DbErrorCode, error.OpsError.Severity) for error in errors] == [
        (2, 91105, "Error"),
        (3, 91109, "Warning"),
    ]
    close_result = client.service._binding.get(CLOSE).output.deserialize(
        etree.parse(str(EXAMPLES / f"{CLOSE}.response.xml")).getroot()
    )
    assert close_result.TimeCardErrors.TimeCardError[0].OpsError.ErrorCode == "RoleNotFound"


def test_wsdl_document_is_asmx_shaped():
    wsdl = etree.parse(str(CONTRACTS / "ops.wsdl")).getroot()
    assert wsdl.get("targetNamespace") == OPS
    schemas = wsdl.xpath("wsdl:types/xs:schema", namespaces=NSMAP)
    assert len(schemas) == 1
    assert [etree.QName(child).localname for child in schemas[0] if isinstance(child.tag, str)] == ["import"]
    imported = schemas[0][0]
    assert (imported.get("namespace"), imported.get("schemaLocation")) == (OPS, "ops.xsd")
    for name in OPERATIONS:
        for message, element in ((f"{name}SoapIn", name), (f"{name}SoapOut", f"{name}Response")):
            parts = wsdl.xpath(f"wsdl:message[@name='{message}']/wsdl:part", namespaces=NSMAP)
            assert [(part.get("name"), part.get("element")) for part in parts] == [("parameters", f"tns:{element}")]
        parts = wsdl.xpath(f"wsdl:message[@name='{name}OpsAuthenticationHeader']/wsdl:part", namespaces=NSMAP)
        assert [(p.get("name"), p.get("element")) for p in parts] == [
            ("OpsAuthenticationHeader", "tns:OpsAuthenticationHeader")
        ]
        operation = wsdl.xpath(f"wsdl:binding/wsdl:operation[@name='{name}']", namespaces=NSMAP)[0]
        headers = operation.xpath("wsdl:input/soap:header", namespaces=NSMAP)
        assert [(h.get("message"), h.get("part"), h.get("use")) for h in headers] == [
            (f"tns:{name}OpsAuthenticationHeader", "OpsAuthenticationHeader", "literal")
        ]
        assert operation.xpath("wsdl:output/soap:header", namespaces=NSMAP) == []
    binding = wsdl.find(f"{{{WSDL}}}binding")
    assert binding.get("name") == "OpsProjectorSvcSoap"
    assert binding.find(f"{{{WSDL_SOAP11}}}binding").get("transport") == "http://schemas.xmlsoap.org/soap/http"
    for body in binding.iter(f"{{{WSDL_SOAP11}}}body"):
        assert body.get("use") == "literal"
    service = wsdl.find(f"{{{WSDL}}}service")
    assert service.get("name") == "OpsProjectorSvc"
    port = service.find(f"{{{WSDL}}}port")
    assert port.get("name") == "OpsProjectorSvcSoap"
    address = port.find(f"{{{WSDL_SOAP11}}}address").get("location")
    assert address == "http://localhost/OpsProjectorWebSvc/OpsProjectorSvc.asmx"


# ---------------------------------------------------------------------------------------------------------------
# the error catalogue
# ---------------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalogue() -> list[dict[str, str]]:
    return read_catalogue(CONTRACTS / "errors.csv")


def test_catalogue_rows_are_well_formed(catalogue):
    numbers = [int(row["number"]) for row in catalogue]
    assert len(numbers) == len(set(numbers)), "DbErrorCode numbers must be unique"
    codes = [row["code"] for row in catalogue]
    assert len(codes) == len(set(codes)), "ErrorCodes must be unique"
    for row in catalogue:
        assert 91000 <= int(row["number"]) <= 91999, row["number"]
        assert row["type"] in {"Error", "Warning", "Informational"}, row
        operations = row["operations"].split()
        assert operations, row
        assert set(operations) <= set(OPERATIONS), row
        assert row["text"].strip(), row
        assert row["source"].strip(), row
        assert row["subject"] == "", row
    assert all(row["source"].startswith("mock: ") for row in catalogue)


def test_catalogue_covers_every_rule(catalogue):
    rows = {row["code"]: row for row in catalogue}
    for code, (severity, operations) in REQUIRED_RULES.items():
        assert code in rows, f"no row for {code}"
        assert rows[code]["type"] == severity, code
        assert set(rows[code]["operations"].split()) == operations, code
    assert "OpsUpdateResourceTimeoff" in rows["TimeOffNotSupported"]["text"]


def test_error_codes_are_strings_so_a_generated_client_reads_the_vendors_own(catalogue):
    assert enumeration(OPS_XSD, "OpsErrorCode") == []
    assert all(row["code"].isidentifier() for row in catalogue)
