"""The TimePunch 5.4 Sync Service contract files hold together and accept what a WCF client of the vendor sends.

Standalone: reads only ``contracts/timepunch/``, ``fixtures/timepunch/examples/`` and page 000 of the vendor docs (no
project imports), so it runs before any server code exists. What it proves:

- the XSD set compiles with lxml (from ``tempuri.xsd``, relative schemaLocations) and with xmlschema, one file per
  namespace, and the WSDL imports exactly those files;
- the wrappers follow WCF's rules for page 000's C# signatures: request = the in parameters in signature order
  (``UpdateLastSyncDate``: syncDate before authentication); response = ``<Op>Result`` if any, then the out parameters in
  signature order, so ``fault`` (always the first out parameter) comes right after the Result;
- every example envelope is a SOAP 1.2 request with the WS-Addressing headers a WCF client sends, and its Body element
  validates unchanged;
- the contract rejects what the DataContractSerializer would not read (wrong type, bad Guid, unknown enum name, unknown
  or misplaced element, nil on a value type) and accepts what the service answers with a TpFault instead (missing
  parameters, nil authentication);
- response shapes validate: a SearchTimeEntriesForSynchronisation reply, a fault carried as TpAuthenticationFault;
- zeep consumes ``tpsync.wsdl``: twelve operations, SOAP 1.2 binding, the soapActions and wsaw:Actions, a request it
  builds validates, and it reads a reply;
- ``faults.csv`` is well formed (exact header, unique numbers and codes) and covers every permission page 000 lists
  for every operation.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import xmlschema
import zeep
from lxml import etree
from support.schema_checks import (
    VENDOR_DOCS,
    WSDL,
    XSD,
    XSI,
    assert_invalid,
    assert_valid,
    body_element,
    contract_files,
    contract_fixtures,
    find_one,
    read_catalogue,
)
from zeep.wsdl.bindings.soap import Soap12Binding

CONTRACTS, EXAMPLES = contract_files("timepunch")
PAGE_000 = VENDOR_DOCS / "000_9bbd5c43f7d22203.txt"

SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
WSA = "http://www.w3.org/2005/08/addressing"
WSA_ANONYMOUS = "http://www.w3.org/2005/08/addressing/anonymous"
WSDL_SOAP12 = "http://schemas.xmlsoap.org/wsdl/soap12/"
WSAW = "http://www.w3.org/2006/05/addressing/wsdl"
TEMPURI = "http://tempuri.org/"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
DTO = "http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.{}.Dto"
AUTH = DTO.format("AuthenticationService")
CORE = DTO.format("Core")
SYNC = DTO.format("SyncService")
TE = DTO.format("TimeEntryService")
PRJ = DTO.format("ProjectService")
CUS = DTO.format("CustomerService")
NSMAP = {
    "s": SOAP12,
    "a": WSA,
    "t": TEMPURI,
    "auth": AUTH,
    "core": CORE,
    "sync": SYNC,
    "te": TE,
    "prj": PRJ,
    "cus": CUS,
}

ENDPOINT = "http://localhost/TimePunch/API/TpSync.svc"
ACTION_PREFIX = "http://tempuri.org/ISyncService/"

XSD_FILES = {
    "tempuri.xsd": TEMPURI,
    "../wcf/serialization.xsd": SER,  # WCF's own schema, shared with PWS
    "authentication.xsd": AUTH,
    "core.xsd": CORE,
    "sync.xsd": SYNC,
    "timeentry.xsd": TE,
    "project.xsd": PRJ,
    "customer.xsd": CUS,
}

# Page 000's signatures, as WCF wraps them: (request children, response children).
OPERATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "GetUseableSyncUserProfiles": (("authentication",), ("GetUseableSyncUserProfilesResult", "fault")),
    "GetUseableConnectedDevicesForSync": (("authentication",), ("GetUseableConnectedDevicesForSyncResult", "fault")),
    "PullAndSyncConnectedDevices": (("authentication", "userProfileId"), ("fault",)),
    "BindClientToDevice": (("authentication", "connectedDevice"), ("fault",)),
    "ReleaseClientFromDevice": (("authentication", "connectedDevice"), ("fault",)),
    "GetDeviceInfo": (("authentication", "deviceConnectionId"), ("GetDeviceInfoResult", "fault")),
    "GetClientInfo": (
        ("authentication", "deviceConnectionId", "clientConnectionId"),
        ("GetClientInfoResult", "fault"),
    ),
    "SearchTimeEntriesForSynchronisation": (
        ("authentication", "lastSyncTime"),
        ("fault", "timeEntries", "projects", "commonTasks", "customers"),
    ),
    "SearchProjectsForSynchronisation": (("authentication",), ("SearchProjectsForSynchronisationResult", "fault")),
    "UpdateLastSyncDate": (("syncDate", "authentication"), ("fault",)),
    "ApplyStaticData": (("authentication", "projects", "commonTasks", "customers"), ("fault",)),
    "ApplyTimeEntries": (("authentication", "timeEntries", "projects", "commonTasks", "customers"), ("fault",)),
}

NULLABLE_VALUE_TYPES = {
    ("ConnectedDeviceDto", "DeviceConnectionId"),  # Guid? in the Sync Service entities table
    ("ProjectDto", "StartDate"),  # DateTime? in the Project Service entities table
    ("ProjectDto", "EndDate"),
    ("TimeEntrySaveDto", "LogoffTime"),  # the rest are our assumptions (TimeEntrySaveDto, TaskDto are unpublished)
    ("TimeEntrySaveDto", "TaskId"),
    ("TimeEntrySaveDto", "SiblingId"),
    ("TaskDto", "ProjectId"),
}
"""The DTO members of a value type that are T? (nillable); every other value-type member is a plain T, as the
vendor's entity tables type it (e.g. SyncUserProfileDto.LastSyncTime: DateTime; TimeEntryDto.CustomerId: Guid)."""

PERMISSION_CODES = {
    "sync@access": "MissingPermissionSyncAccess",
    "timeEntries@download": "MissingPermissionTimeEntriesDownload",
    "timeEntries@upload": "MissingPermissionTimeEntriesUpload",
    "projects@download": "MissingPermissionProjectsDownload",
    "projects@upload": "MissingPermissionProjectsUpload",
    "core@switchIdentity": "MissingPermissionSwitchIdentity",
}


# ---------------------------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------------------------


schema, xml_schema, client = contract_fixtures(CONTRACTS / "tempuri.xsd", CONTRACTS / "tpsync.wsdl")


@pytest.fixture(scope="module")
def wsdl_tree() -> etree._ElementTree:
    return etree.parse(str(CONTRACTS / "tpsync.wsdl"))


def example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.request.xml"))


def example(operation: str) -> etree._Element:
    return body_element(EXAMPLES / f"{operation}.request.xml", SOAP12)


def child_names(element: etree._Element) -> tuple[str, ...]:
    return tuple(etree.QName(child).localname for child in element if isinstance(child.tag, str))


def find(element: etree._Element, path: str) -> etree._Element:
    return find_one(element, path, NSMAP)


def wrapper(name: str, *children: etree._Element) -> etree._Element:
    element = etree.Element(f"{{{TEMPURI}}}{name}", nsmap={None: TEMPURI, "i": XSI})
    element.extend(children)
    return element


def nil(name: str) -> etree._Element:
    element = etree.Element(f"{{{TEMPURI}}}{name}")
    element.set(f"{{{XSI}}}nil", "true")
    return element


def xml(text: str) -> etree._Element:
    return etree.fromstring(text)


def read_faults() -> list[dict[str, str]]:
    return read_catalogue(CONTRACTS / "faults.csv")


def page_000_permissions() -> dict[str, set[str]]:
    """Operation -> the permissions page 000 lists under 'Needed Permission'."""
    text = PAGE_000.read_text(encoding="utf-8")
    starts = sorted((m.start(), m.group(1)) for m in re.finditer(r"\b(\w+)\(\s*\n\s*out TpFault fault", text))
    found: dict[str, set[str]] = {}
    for index, (start, name) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        section = text[start:end]
        needed = re.search(r"Needed Permission(.*)", section)
        assert needed is not None, name
        found[name] = set(re.findall(r"\w+@\w+", needed.group(1)))
    return found


# ---------------------------------------------------------------------------------------------------------------
# the schema set
# ---------------------------------------------------------------------------------------------------------------


def test_schema_set_is_one_file_per_namespace() -> None:
    siblings = sorted(name for name in XSD_FILES if "/" not in name)
    assert sorted(path.name for path in CONTRACTS.glob("*.xsd")) == siblings
    for name, namespace in XSD_FILES.items():
        root = etree.parse(str(CONTRACTS / name)).getroot()
        assert root.get("targetNamespace") == namespace, name
        for imported in root.iterfind(f"{{{XSD}}}import"):
            location = imported.get("schemaLocation")
            assert location in XSD_FILES, f"{name} imports {location}"
            assert XSD_FILES[location] == imported.get("namespace"), f"{name}: {location}"


def test_lxml_compiles_the_set(schema: etree.XMLSchema) -> None:
    assert schema is not None


def test_xmlschema_loads_the_set() -> None:
    loaded = xmlschema.XMLSchema(str(CONTRACTS / "tempuri.xsd"))
    assert set(XSD_FILES.values()) <= set(loaded.maps.namespaces)
    assert {etree.QName(name).localname for name in loaded.elements} == set(OPERATIONS) | {
        f"{name}Response" for name in OPERATIONS
    }
    assert loaded.maps.types[f"{{{TE}}}TimeEntryDto"].base_type.name == f"{{{TE}}}TimeEntrySaveDto"
    assert loaded.maps.types[f"{{{AUTH}}}TpAuthenticationFault"].base_type.name == f"{{{AUTH}}}TpFault"


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_wrappers_follow_the_csharp_signatures(xml_schema: xmlschema.XMLSchema, operation: str) -> None:
    request, response = OPERATIONS[operation]
    for name, expected in ((operation, request), (f"{operation}Response", response)):
        element = xml_schema.elements[name]
        children = [child for child in element.type.content.iter_elements()]
        assert tuple(child.local_name for child in children) == expected, name
        assert all(child.min_occurs == 0 for child in children), name


def test_fault_is_a_nillable_tpfault_after_the_result(xml_schema: xmlschema.XMLSchema) -> None:
    for operation, (_, response) in OPERATIONS.items():
        fault = next(
            c
            for c in xml_schema.elements[f"{operation}Response"].type.content.iter_elements()
            if c.local_name == "fault"
        )
        assert fault.type.name == f"{{{AUTH}}}TpFault"
        assert fault.nillable
        assert response.index("fault") == (1 if response[0].endswith("Result") else 0), operation


def test_value_type_parameters_are_not_nillable_reference_types_are(xml_schema: xmlschema.XMLSchema) -> None:
    children = {
        (operation, child.local_name): child
        for operation in OPERATIONS
        for child in xml_schema.elements[operation].type.content.iter_elements()
    }
    for (operation, name), child in children.items():
        is_guid = child.type.name == f"{{{SER}}}guid"
        assert child.nillable is not is_guid, (operation, name)
    assert children[("SearchTimeEntriesForSynchronisation", "lastSyncTime")].type.name == f"{{{XSD}}}dateTime"
    assert children[("UpdateLastSyncDate", "syncDate")].nillable


def test_value_type_members_are_nillable_only_where_the_vendor_writes_t_nullable(
    xml_schema: xmlschema.XMLSchema,
) -> None:
    """WCF publishes a T? and a reference type nillable and a plain value type not: a client typed from the
    contract cannot read nil into a DateTime, a Guid, a number, a Boolean or an enum."""
    found = set()
    for name, dto in xml_schema.maps.types.items():
        if not name.startswith("{http://schemas.datacontract.org/") or dto.is_simple() or "ArrayOf" in name:
            continue
        base = dto.base_type
        inherited = {m.name for m in base.content.iter_elements()} if base is not None and base.is_complex() else set()
        for member in (m for m in dto.content.iter_elements() if m.name not in inherited):
            value_type = member.type.is_simple() and member.type.name != f"{{{XSD}}}string"
            if value_type and member.nillable:
                found.add((etree.QName(name).localname, member.local_name))
            if not value_type:
                assert member.nillable, (name, member.local_name)
    assert found == NULLABLE_VALUE_TYPES


# ---------------------------------------------------------------------------------------------------------------
# example envelopes
# ---------------------------------------------------------------------------------------------------------------


def test_one_example_per_operation() -> None:
    assert sorted(path.name.removesuffix(".request.xml") for path in example_files()) == sorted(OPERATIONS)
    assert (EXAMPLES / "README.md").is_file()


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.name)
def test_example_body_validates(schema: etree.XMLSchema, path: Path) -> None:
    element = body_element(path, SOAP12)
    operation = path.name.removesuffix(".request.xml")
    assert element.tag == f"{{{TEMPURI}}}{operation}"
    assert child_names(element) == OPERATIONS[operation][0]
    assert_valid(schema, element)


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.name)
def test_example_body_validates_with_xmlschema(xml_schema: xmlschema.XMLSchema, path: Path) -> None:
    assert list(xml_schema.iter_errors(body_element(path, SOAP12))) == []


@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.name)
def test_example_carries_wcf_addressing_headers(path: Path) -> None:
    root = etree.parse(str(path)).getroot()
    assert root.tag == f"{{{SOAP12}}}Envelope"
    operation = path.name.removesuffix(".request.xml")
    action = find(root, "s:Header/a:Action")
    assert action.text == ACTION_PREFIX + operation
    assert action.get(f"{{{SOAP12}}}mustUnderstand") == "1"
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", find(root, "s:Header/a:MessageID").text or "")
    assert find(root, "s:Header/a:ReplyTo/a:Address").text == WSA_ANONYMOUS
    assert find(root, "s:Header/a:To").text == ENDPOINT


def test_example_message_ids_are_unique() -> None:
    ids = [find(etree.parse(str(path)).getroot(), "s:Header/a:MessageID").text for path in example_files()]
    assert len(ids) == len(set(ids))


def test_examples_authenticate_with_upper_case_md5() -> None:
    for path in example_files():
        hashed = find(body_element(path, SOAP12), "t:authentication/auth:TpHashedPwd").text or ""
        assert re.fullmatch(r"[0-9A-F]{32}", hashed), path.name


# ---------------------------------------------------------------------------------------------------------------
# what the contract accepts and refuses
# ---------------------------------------------------------------------------------------------------------------


def test_parameters_may_be_missing_or_nil(schema: etree.XMLSchema) -> None:
    """Absent or nil parameters reach the service, which answers with a TpFault (faults.csv)."""
    for operation in OPERATIONS:
        assert_valid(schema, wrapper(operation))
    assert_valid(schema, wrapper("GetDeviceInfo", nil("authentication")))
    assert_valid(schema, wrapper("UpdateLastSyncDate", nil("syncDate"), nil("authentication")))
    assert_valid(schema, wrapper("SearchTimeEntriesForSynchronisation", nil("authentication"), nil("lastSyncTime")))


@pytest.mark.parametrize(
    ("operation", "path", "value", "named"),
    [
        ("SearchTimeEntriesForSynchronisation", "t:lastSyncTime", "gestern", ("lastSyncTime", "dateTime")),
        (
            "PullAndSyncConnectedDevices",
            "t:userProfileId",
            "{3f9c1d52-8a47-4b1e-9d2a-6c0e5b7a1f34}",
            ("userProfileId",),
        ),
        ("BindClientToDevice", "t:connectedDevice/sync:BindingState", "Connected", ("BindingState",)),
        ("ApplyTimeEntries", "t:timeEntries/te:TimeEntrySaveDto/te:Usage", "Worktime", ("Usage",)),
    ],
    ids=["wrong type", "bad guid", "unknown enum member", "enum member misspelt"],
)
def test_a_value_the_serializer_cannot_read_is_refused(
    schema: etree.XMLSchema, operation: str, path: str, value: str, named: tuple[str, ...]
) -> None:
    element = example(operation)
    find(element, path).text = value
    assert_invalid(schema, element, *named)


def test_nil_on_a_guid_parameter_is_refused(schema: etree.XMLSchema) -> None:
    element = example("GetDeviceInfo")
    guid = find(element, "t:deviceConnectionId")
    guid.text = None
    guid.set(f"{{{XSI}}}nil", "true")
    assert_invalid(schema, element, "deviceConnectionId", "nillable")


@pytest.mark.parametrize(
    ("operation", "parent", "tag", "text"),
    [
        ("GetUseableSyncUserProfiles", "t:authentication", f"{{{AUTH}}}Password", "tpdemo"),
        ("SearchProjectsForSynchronisation", ".", f"{{{TEMPURI}}}lastSyncTime", "2024-03-01T00:00:00"),
    ],
    ids=["unknown member", "unknown parameter"],
)
def test_an_unknown_element_is_refused(
    schema: etree.XMLSchema, operation: str, parent: str, tag: str, text: str
) -> None:
    element = example(operation)
    etree.SubElement(find(element, parent), tag).text = text
    assert_invalid(schema, element, etree.QName(tag).localname)


def test_update_last_sync_date_takes_sync_date_first(schema: etree.XMLSchema) -> None:
    element = example("UpdateLastSyncDate")
    element.append(find(element, "t:syncDate"))  # move it after authentication
    assert child_names(element) == ("authentication", "syncDate")
    assert_invalid(schema, element, "syncDate")


def test_misplaced_member_is_refused(schema: etree.XMLSchema) -> None:
    """TimeEntrySaveDto: Usage belongs before the DataMember-Order members (CustomerId ...)."""
    element = example("ApplyTimeEntries")
    entry = find(element, "t:timeEntries/te:TimeEntrySaveDto")
    entry.append(find(entry, "te:Usage"))
    assert_invalid(schema, element, "Usage")


def test_base_members_travel_in_the_core_namespace(schema: etree.XMLSchema) -> None:
    element = example("ApplyTimeEntries")
    entry = find(element, "t:timeEntries/te:TimeEntrySaveDto")
    assert child_names(entry)[:3] == ("Id", "LastUpdate", "Created")
    find(entry, "core:Id").tag = f"{{{TE}}}Id"
    assert_invalid(schema, element, "Id")


def test_flags_enums_are_lists_of_names(schema: etree.XMLSchema) -> None:
    element = example("ApplyStaticData")
    flags = find(element, "t:customers/cus:CustomerDto/cus:ColumnFlags")
    flags.text = "Date Sick HourlyRate"
    assert_valid(schema, element)
    flags.text = "Date Overtime"
    assert_invalid(schema, element, "ColumnFlags")


def test_a_time_entry_dto_may_stand_for_a_time_entry_save_dto(schema: etree.XMLSchema) -> None:
    element = example("ApplyTimeEntries")
    entry = find(element, "t:timeEntries/te:TimeEntrySaveDto")
    entry.set(f"{{{XSI}}}type", "b:TimeEntryDto")
    etree.SubElement(entry, f"{{{TE}}}ProjectName").text = "SWM-Wartung-2024"
    etree.SubElement(entry, f"{{{TE}}}WorkTime").text = "8"
    assert_valid(schema, element)


# ---------------------------------------------------------------------------------------------------------------
# response shapes
# ---------------------------------------------------------------------------------------------------------------

SEARCH_RESPONSE = f"""
<SearchTimeEntriesForSynchronisationResponse xmlns="{TEMPURI}">
  <fault xmlns:i="{XSI}" i:nil="true"/>
  <timeEntries xmlns:b="{TE}" xmlns:c="{CORE}" xmlns:u="{AUTH}" xmlns:i="{XSI}">
    <b:TimeEntryDto>
      <c:Id>0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e</c:Id>
      <c:LastUpdate>2024-03-14T16:30:00</c:LastUpdate>
      <c:Created>2024-03-14T16:30:00</c:Created>
      <b:BreakTime>0.5</b:BreakTime>
      <b:Description>Störung Pumpstation Nord behoben</b:Description>
      <b:HasBeenPaid>false</b:HasBeenPaid>
      <b:LogoffTime>2024-03-14T16:30:00</b:LogoffTime>
      <b:LogonName>ralf.herrmann</b:LogonName>
      <b:LogonTime>2024-03-14T08:00:00</b:LogonTime>
      <b:ProjectId>a1c4e6f8-2b3d-4f5a-9c7e-0d1b2a3c4e5f</b:ProjectId>
      <b:TaskId i:nil="true"/>
      <b:Usage>WorkTime</b:Usage>
      <b:CustomerId>00000000-0000-0000-0000-000000000000</b:CustomerId>
      <b:IsImportant>false</b:IsImportant>
      <b:IsOnSite>true</b:IsOnSite>
      <b:IsNotInvoiced>false</b:IsNotInvoiced>
      <b:Duration>8.5</b:Duration>
      <b:CutTime>0</b:CutTime>
      <b:LogonLocation i:nil="true"/>
      <b:LogoffLocation i:nil="true"/>
      <b:SiblingId i:nil="true"/>
      <b:BackgroundColor>4294944000</b:BackgroundColor>
      <b:CreatedBy>
        <u:Email>ralf.herrmann@example.com</u:Email>
        <u:Id>3f9c1d52-8a47-4b1e-9d2a-6c0e5b7a1f34</u:Id>
        <u:LogonName>ralf.herrmann</u:LogonName>
        <u:SaveAsName>Herrmann, Ralf</u:SaveAsName>
        <u:UserName>Ralf Herrmann</u:UserName>
      </b:CreatedBy>
      <b:CustomerName i:nil="true"/>
      <b:CustomerRefNr i:nil="true"/>
      <b:DrivingTime>0</b:DrivingTime>
      <b:DurationAsDay>1</b:DurationAsDay>
      <b:IsVirtual>false</b:IsVirtual>
      <b:LastUpdatedBy i:nil="true"/>
      <b:Leave>0</b:Leave>
      <b:ProjectDescription>Wartung Leitstelle</b:ProjectDescription>
      <b:ProjectName>SWM-Wartung-2024</b:ProjectName>
      <b:Sick>0</b:Sick>
      <b:TakenOvertime>0</b:TakenOvertime>
      <b:TaskDescription i:nil="true"/>
      <b:TaskName i:nil="true"/>
      <b:TaskNameId i:nil="true"/>
      <b:TextColor>4278190080</b:TextColor>
      <b:UserId>3f9c1d52-8a47-4b1e-9d2a-6c0e5b7a1f34</b:UserId>
      <b:WorkTime>8</b:WorkTime>
    </b:TimeEntryDto>
  </timeEntries>
  <projects xmlns:b="{PRJ}"/>
  <commonTasks xmlns:b="{PRJ}"/>
  <customers xmlns:b="{CUS}"/>
</SearchTimeEntriesForSynchronisationResponse>"""

AUTH_FAULT_RESPONSE = f"""
<GetDeviceInfoResponse xmlns="{TEMPURI}">
  <GetDeviceInfoResult xmlns:i="{XSI}" i:nil="true"/>
  <fault xmlns:b="{AUTH}" xmlns:i="{XSI}" i:type="b:TpAuthenticationFault">
    <b:Message>AuthenticationFailure: The user name or password is invalid.</b:Message>
  </fault>
</GetDeviceInfoResponse>"""


def test_search_response_validates(schema: etree.XMLSchema) -> None:
    assert_valid(schema, xml(SEARCH_RESPONSE))


def test_fault_after_the_other_out_parameters_is_refused(schema: etree.XMLSchema) -> None:
    element = xml(SEARCH_RESPONSE)
    element.append(find(element, "t:fault"))
    assert_invalid(schema, element, "fault")


def test_result_after_fault_is_refused(schema: etree.XMLSchema) -> None:
    element = xml(AUTH_FAULT_RESPONSE)
    element.append(find(element, "t:GetDeviceInfoResult"))
    assert_invalid(schema, element, "GetDeviceInfoResult")


def test_authentication_fault_travels_as_a_tpfault_subtype(schema: etree.XMLSchema) -> None:
    element = xml(AUTH_FAULT_RESPONSE)
    assert_valid(schema, element)
    failure = etree.SubElement(find(element, "t:fault"), f"{{{AUTH}}}AuthenticationFailure")
    failure.text = "NoDatabaseConnection"
    assert_valid(schema, element)
    failure.text = "WrongPassword"
    assert_invalid(schema, element, "AuthenticationFailure")


PROJECT_DTO_TABLE = (
    "Id", "LastUpdate", "IsPaid", "PricePerHour", "Vat", "Currency", "TextColor", "BackgroundColor", "ProjectName",
    "ProjectDescription", "IsProjectDeleted", "IsProjectTimeLimited", "StartDate", "EndDate", "TaskList",
    "IsWorkingTimeRestricted", "MaxWorkingTime", "Customer", "ManualProjectState", "ProjectStateDescription",
    "DontInheritCommonTasks", "IsOrderBased", "Account", "CostCenter", "OrderType", "ContractId",
)  # fmt: skip
"""ProjectDto's members in the order of the vendor's table (Project Service entities, 5.0 to 5.3), as far as any
copy of the page reaches: past ContractId it lists a String member whose name is cut off at "Plac"."""


def test_project_dto_holds_the_vendor_table_in_wcf_order(xml_schema: xmlschema.XMLSchema) -> None:
    project = xml_schema.maps.types[f"{{{PRJ}}}ProjectDto"]
    members = [element.local_name for element in project.content.iter_elements()]
    base, own = members[:3], members[3:]
    assert base == ["Id", "LastUpdate", "Created"]  # core:EntityDto's, first
    assert own == sorted(own)  # str sorts by code point: ordinal, as WCF orders
    assert set(members) == {*PROJECT_DTO_TABLE, "Created"}


def test_time_entry_dto_members_follow_the_base_members(schema: etree.XMLSchema) -> None:
    element = xml(SEARCH_RESPONSE)
    entry = find(element, "t:timeEntries/te:TimeEntryDto")
    entry.insert(3, find(entry, "te:WorkTime"))  # a TimeEntryDto member before TimeEntrySaveDto's
    # every member is optional, so WorkTime itself matches; what follows it no longer can
    assert_invalid(schema, element, "BreakTime", "This element is not expected")


# ---------------------------------------------------------------------------------------------------------------
# the WSDL
# ---------------------------------------------------------------------------------------------------------------


def test_wsdl_types_only_import_the_schema_files(wsdl_tree: etree._ElementTree) -> None:
    schemas = wsdl_tree.getroot().findall(f"{{{WSDL}}}types/{{{XSD}}}schema")
    assert len(schemas) == 1
    assert [etree.QName(child).localname for child in schemas[0] if isinstance(child.tag, str)] == ["import"] * len(
        schemas[0]
    )
    locations = {child.get("schemaLocation"): child.get("namespace") for child in schemas[0]}
    assert locations == XSD_FILES


def test_wsdl_binding_is_soap12_with_addressing(wsdl_tree: etree._ElementTree) -> None:
    root = wsdl_tree.getroot()
    assert root.get("targetNamespace") == TEMPURI
    binding = root.find(f"{{{WSDL}}}binding")
    assert binding is not None
    assert binding.get("name") == "WSHttpBinding_ISyncService"
    assert binding.find(f"{{{WSAW}}}UsingAddressing") is not None
    soap_binding = binding.find(f"{{{WSDL_SOAP12}}}binding")
    assert soap_binding is not None
    assert soap_binding.get("transport") == "http://schemas.xmlsoap.org/soap/http"
    for operation in binding.iterfind(f"{{{WSDL}}}operation"):
        for direction in ("input", "output"):
            body = operation.find(f"{{{WSDL}}}{direction}/{{{WSDL_SOAP12}}}body")
            assert body is not None
            assert body.get("use") == "literal"
    port = root.find(f"{{{WSDL}}}service/{{{WSDL}}}port")
    assert port is not None
    assert port.get("name") == "WSHttpBinding_ISyncService"
    address = port.find(f"{{{WSDL_SOAP12}}}address")
    assert address is not None
    assert address.get("location") == ENDPOINT


def test_wsdl_port_type_names_the_wcf_actions(wsdl_tree: etree._ElementTree) -> None:
    port_type = wsdl_tree.getroot().find(f"{{{WSDL}}}portType")
    assert port_type is not None
    assert port_type.get("name") == "ISyncService"
    found = {}
    for operation in port_type.iterfind(f"{{{WSDL}}}operation"):
        name = operation.get("name")
        request = operation.find(f"{{{WSDL}}}input")
        reply = operation.find(f"{{{WSDL}}}output")
        assert request is not None
        assert reply is not None
        assert request.get("message") == f"tns:ISyncService_{name}_InputMessage"
        assert reply.get("message") == f"tns:ISyncService_{name}_OutputMessage"
        found[name] = (request.get(f"{{{WSAW}}}Action"), reply.get(f"{{{WSAW}}}Action"))
    assert found == {op: (ACTION_PREFIX + op, f"{ACTION_PREFIX}{op}Response") for op in OPERATIONS}


def test_zeep_lists_twelve_soap12_operations(client: zeep.Client) -> None:
    binding = client.service._binding
    assert isinstance(binding, Soap12Binding)
    assert {name: op.soapaction for name, op in binding._operations.items()} == {
        op: ACTION_PREFIX + op for op in OPERATIONS
    }
    for name, operation in binding._operations.items():
        assert operation.abstract.wsa_action == ACTION_PREFIX + name
    port = client.wsdl.services["SyncService"].ports["WSHttpBinding_ISyncService"]
    assert port.binding_options["address"] == ENDPOINT


def test_zeep_builds_a_search_request(client: zeep.Client, schema: etree.XMLSchema) -> None:
    authentication = client.get_type(f"{{{AUTH}}}TpAuthentication")(
        Culture="de-DE",
        CustomerToken="default_timepunch",
        Identity=None,
        Origin="Management",
        TpHashedPwd="DA773CA1F82EB34F7EFF1D9672816729",
        TpUser="ralf.herrmann",
    )
    envelope = client.create_message(
        client.service,
        "SearchTimeEntriesForSynchronisation",
        authentication=authentication,
        lastSyncTime="2024-03-14T18:05:12+01:00",
    )
    assert envelope.tag == f"{{{SOAP12}}}Envelope"
    assert find(envelope, "s:Header/a:Action").text == ACTION_PREFIX + "SearchTimeEntriesForSynchronisation"
    element = find(envelope, "s:Body/t:SearchTimeEntriesForSynchronisation")
    assert child_names(element) == ("authentication", "lastSyncTime")
    assert_valid(schema, copy.deepcopy(element))


def test_zeep_reads_a_search_reply(client: zeep.Client) -> None:
    envelope = xml(f'<s:Envelope xmlns:s="{SOAP12}"><s:Header/><s:Body>{SEARCH_RESPONSE}</s:Body></s:Envelope>')
    reply = client.service._binding.get("SearchTimeEntriesForSynchronisation").process_reply(envelope)
    assert list(reply) == ["fault", "timeEntries", "projects", "commonTasks", "customers"]
    assert reply["fault"]["Message"] is None  # i:nil: zeep leaves the structure empty
    (entry,) = reply["timeEntries"]["TimeEntryDto"]
    assert entry["Usage"] == "WorkTime"
    assert entry["CreatedBy"]["LogonName"] == "ralf.herrmann"


# ---------------------------------------------------------------------------------------------------------------
# faults.csv
# ---------------------------------------------------------------------------------------------------------------


def test_faults_csv_is_well_formed() -> None:
    rows = read_faults()  # its header checked on reading
    numbers = [row["number"] for row in rows]
    codes = [row["code"] for row in rows]
    assert len(numbers) == len(set(numbers))
    assert len(codes) == len(set(codes))
    for row in rows:
        assert re.fullmatch(r"92\d{3}", row["number"]), row
        assert re.fullmatch(r"[A-Z][A-Za-z]+", row["code"]), row
        assert row["type"] == "Error", row
        assert row["text"], row
        assert "mock:" in row["source"], row
        assert row["subject"] == "", row
        operations = row["operations"].split(" ")
        assert operations, row
        assert set(operations) <= set(OPERATIONS), row


def test_faults_csv_holds_the_required_codes() -> None:
    codes = {row["code"] for row in read_faults()}
    assert {
        "AuthenticationFailure",
        "UnknownCustomerToken",
        "UnknownIdentity",
        "UnknownUserProfile",
        "UnknownDevice",
        "UnknownClientConnection",
        "DeviceNotBound",
        "DeviceAlreadyBound",
        "InvalidTimeEntry",
        "InvalidStaticData",
        *PERMISSION_CODES.values(),
    } <= codes


def test_page_000_lists_exactly_our_operations() -> None:
    assert set(page_000_permissions()) == set(OPERATIONS)


def test_every_needed_permission_has_its_fault() -> None:
    by_code = {row["code"]: set(row["operations"].split(" ")) for row in read_faults()}
    for operation, permissions in page_000_permissions().items():
        assert permissions, operation
        for permission in permissions:
            assert operation in by_code[PERMISSION_CODES[permission]], (operation, permission)
    assert by_code["MissingPermissionSwitchIdentity"] == set(OPERATIONS)  # Identity may be set on every call
