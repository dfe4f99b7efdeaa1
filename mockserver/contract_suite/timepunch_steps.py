"""Step definitions for the TimePunch Sync Service features (features/timepunch/*.feature).

Devices, profiles and projects are named in the scenarios by their names ("Ralf iPhone",
"ralf.herrmann", "PRJ-001 ..."); the steps look their Guids up on the mock's side.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest
from lxml import etree
from pytest_bdd import given, parsers, then, when
from zeep.helpers import serialize_object

from mockserver.contract_suite.reading_steps import Posted
from mockserver.contract_suite.target import Target, TenantAdmin
from mockserver.fixtures import TIMEPUNCH_CUSTOMER_TOKEN, TIMEPUNCH_PROFILES, md5_upper
from mockserver.soap import ns
from mockserver.timepunch.data import deposit_in_cloud
from mockserver.timepunch.faults import TIMEPUNCH_FAULTS


@dataclass
class SyncWorld:
    """A TimePunch scenario: who authenticates, as whom, and the last answer."""

    service: Any
    tenant: TenantAdmin
    target: Target
    posted: Posted
    authentication: dict[str, Any] = field(default_factory=dict)
    answer: dict[str, Any] = field(default_factory=dict)
    soap_fault: etree._Element | None = None
    """The SOAP 1.2 Fault of the last message posted raw, if it was one."""
    reply_headers: list[etree._Element] = field(default_factory=list)
    sent: dict[str, Any] = field(default_factory=dict)
    """The last DTO sent member by member, to compare with what comes back."""

    def call(self, operation: str, **parameters: Any) -> dict[str, Any]:
        result = serialize_object(
            getattr(self.service, operation)(authentication=self.authentication, **parameters), dict
        )
        # zeep unwraps a response of one member: a void method's answer is its fault's Message, or None
        self.answer = result if isinstance(result, dict) else {"fault": {"Message": result}}
        return self.answer

    def device_id(self, name: str) -> str:
        return str(self.tenant.lookup("SELECT id FROM tp_device WHERE name = ?", name))

    def profile_id(self, logon: str) -> str:
        """The profile's Guid; a Guid no profile has for "nobody"."""
        if logon == "nobody":
            return "00000000-0000-4000-8000-00000000dead"
        return str(self.tenant.lookup("SELECT id FROM tp_profile WHERE logon_name = ?", logon))

    def project_id(self, name: str) -> str:
        """The project whose name starts with ``name``, in any case. Not LIKE: PostgreSQL refuses it on a NOCASE
        column, lower() of it included (the result keeps the column's collation)."""
        query = "SELECT id FROM tp_project WHERE lower(substr(name, 1, length(?))) = lower(?)"
        return str(self.tenant.lookup(query, name, name))


@pytest.fixture
def tp(sync_service: Any, tenant: TenantAdmin, target: Target, posted: Posted) -> SyncWorld:
    return SyncWorld(service=sync_service, tenant=tenant, target=target, posted=posted)


def fault(world: SyncWorld) -> dict[str, Any] | None:
    found: dict[str, Any] | None = world.answer.get("fault")
    return None if not found or found.get("Message") is None else found


# -- authentication --------------------------------------------------------------------------------


@given(parsers.parse('I am TimePunch user "{logon}"'))
def _(tp: SyncWorld, logon: str) -> None:
    password = tp.target.password(logon, TIMEPUNCH_PROFILES[logon][0])
    tp.authentication = {
        "Culture": "de-DE",
        "CustomerToken": TIMEPUNCH_CUSTOMER_TOKEN,
        "Identity": None,
        "Origin": "Management",
        "TpHashedPwd": md5_upper(password),
        "TpUser": logon,
    }


@given(parsers.parse('I present the password "{password}"'))
def _(tp: SyncWorld, password: str) -> None:
    tp.authentication["TpHashedPwd"] = md5_upper(password)


@given(parsers.parse('I present the customer token "{token}"'))
def _(tp: SyncWorld, token: str) -> None:
    tp.authentication["CustomerToken"] = token


@given(parsers.parse("I present {which} customer token"))
def _(tp: SyncWorld, which: str) -> None:
    """No CustomerToken member (nil), or an empty one."""
    tp.authentication["CustomerToken"] = {"no": None, "an empty": ""}[which]


@given(parsers.parse('I act as "{identity}"'))
def _(tp: SyncWorld, identity: str) -> None:
    tp.authentication["Identity"] = identity


# -- calls -----------------------------------------------------------------------------------------


@when(parsers.parse("I call {operation}"))
@given(parsers.parse("I have called {operation}"))
def _(tp: SyncWorld, operation: str) -> None:
    tp.call(operation)


@when(parsers.parse('I get the info of device "{device}"'))
def _(tp: SyncWorld, device: str) -> None:
    tp.call("GetDeviceInfo", deviceConnectionId=tp.device_id(device))


@when(parsers.parse("I get the info of an unknown device"))
def _(tp: SyncWorld) -> None:
    tp.call("GetDeviceInfo", deviceConnectionId="00000000-0000-4000-8000-000000000001")


@when(parsers.parse('I get the client info of device "{device}" with its client connection'))
def _(tp: SyncWorld, device: str) -> None:
    client = tp.tenant.lookup("SELECT client_connection_id FROM tp_device WHERE name = ?", device)
    tp.call("GetClientInfo", deviceConnectionId=tp.device_id(device), clientConnectionId=client)


@when(parsers.parse('I get the client info of device "{device}" with the client connection of "{other}"'))
def _(tp: SyncWorld, device: str, other: str) -> None:
    tp.call("GetClientInfo", deviceConnectionId=tp.device_id(device), clientConnectionId=tp.profile_id(other))


@when(parsers.parse('I pull and sync the connected devices of "{logon}"'))
@given(parsers.parse('I have pulled and synced the connected devices of "{logon}"'))
def _(tp: SyncWorld, logon: str) -> None:
    tp.call("PullAndSyncConnectedDevices", userProfileId=tp.profile_id(logon))


@when("I pull and sync the connected devices of an unknown profile")
def _(tp: SyncWorld) -> None:
    tp.call("PullAndSyncConnectedDevices", userProfileId="00000000-0000-4000-8000-000000000002")


@when(parsers.parse('I bind device "{device}"'))
@given(parsers.parse('I have bound device "{device}"'))
def _(tp: SyncWorld, device: str) -> None:
    tp.call("BindClientToDevice", connectedDevice={"DeviceConnectionId": tp.device_id(device)})


@when(parsers.parse('I bind device "{device}" to "{logon}"'))
def _(tp: SyncWorld, device: str, logon: str) -> None:
    profile = {"Id": tp.profile_id(logon)}
    tp.call("BindClientToDevice", connectedDevice={"DeviceConnectionId": tp.device_id(device), "UserProfile": profile})


@when("I bind no device")
def _(tp: SyncWorld) -> None:
    tp.call("BindClientToDevice", connectedDevice=None)


@when(parsers.parse('I release device "{device}"'))
@given(parsers.parse('I have released device "{device}"'))
def _(tp: SyncWorld, device: str) -> None:
    tp.call("ReleaseClientFromDevice", connectedDevice={"DeviceConnectionId": tp.device_id(device)})


@when(parsers.parse('I search time entries for synchronisation since "{moment}"'))
def _(tp: SyncWorld, moment: str) -> None:
    tp.call("SearchTimeEntriesForSynchronisation", lastSyncTime=None if moment == "nil" else moment)


@when(parsers.parse('I update the last sync date to "{moment}"'))
def _(tp: SyncWorld, moment: str) -> None:
    tp.call("UpdateLastSyncDate", syncDate=None if moment == "nil" else moment)


def rows(datatable: list[list[str]]) -> list[dict[str, str]]:
    header, *body = datatable
    return [{k: v for k, v in zip(header, row, strict=True) if v != ""} for row in body]


def static_data(tp: SyncWorld, datatable: list[list[str]]) -> dict[str, list[dict[str, Any]]]:
    """A table of Kind (customer, project, task) rows with the DTO members to send."""
    found: dict[str, list[dict[str, Any]]] = {"customers": [], "projects": [], "commonTasks": []}
    for row in rows(datatable):
        dto: dict[str, Any] = dict(row)
        kind = dto.pop("Kind")
        if kind == "project" and "CustomerName" in dto:
            dto["Customer"] = {"CustomerName": dto.pop("CustomerName"), "CustomerRefNr": dto.pop("CustomerRefNr", "")}
        key = {"customer": "customers", "project": "projects", "common task": "commonTasks"}[kind]
        found[key].append(dto)
    return found


@when("I apply static data:")
def _(tp: SyncWorld, datatable: list[list[str]]) -> None:
    found = static_data(tp, datatable)
    tp.call(
        "ApplyStaticData",
        projects={"ProjectDto": found["projects"]},
        commonTasks={"TaskDto": found["commonTasks"]},
        customers={"CustomerDto": found["customers"]},
    )


ARRAY_ITEMS = {"TaskList": "TaskDto"}
"""A DTO's array members and the name of their items (List<TaskDto> is ArrayOfTaskDto of TaskDto)."""


def dto_of_members(datatable: list[list[str]]) -> dict[str, Any]:
    """A two-column table of member and value; a dotted member is a member of a member (Customer.CustomerName),
    or of the one item of an array member (TaskList.TaskName)."""
    dto: dict[str, Any] = {}
    for path, value in datatable:
        *outer, last = path.split(".")
        target = dto
        for member in outer:
            if member in ARRAY_ITEMS:
                items = target.setdefault(member, {ARRAY_ITEMS[member]: [{}]})[ARRAY_ITEMS[member]]
                target = items[0]
            else:
                target = target.setdefault(member, {})
        target[last] = value
    return dto


@when("I apply static data with one project of these members:")
def _(tp: SyncWorld, datatable: list[list[str]]) -> None:
    tp.sent = dto_of_members(datatable)
    tp.call("ApplyStaticData", projects={"ProjectDto": [tp.sent]})


@when("I apply time entries:")
def _(tp: SyncWorld, datatable: list[list[str]]) -> None:
    entries = []
    for row in rows(datatable):
        if "Project" in row:
            row["ProjectId"] = tp.project_id(row.pop("Project"))
        row.setdefault("Usage", "WorkTime")
        entries.append(row)
    tp.call("ApplyTimeEntries", timeEntries={"TimeEntrySaveDto": entries})


# -- the mock's side -------------------------------------------------------------------------------


@given(parsers.parse('device "{device}" has left an entry for {day} in the cloud'))
def _(tp: SyncWorld, device: str, day: str) -> None:
    project, device_id = tp.tenant.lookup("SELECT id FROM tp_project ORDER BY name LIMIT 1"), tp.device_id(device)
    entry = {
        "Id": "5e0c4d1e-0000-4000-8000-00000000c10d",
        "LastUpdate": f"{day}T18:00:00",
        "Created": f"{day}T18:00:00",
        "LogonTime": f"{day}T09:00:00",
        "LogoffTime": f"{day}T12:00:00",
        "ProjectId": project,
        "Usage": "WorkTime",
        "Description": "From the cloud",
    }
    with tp.tenant.db() as db:
        deposit_in_cloud(db, device_id, entry)


def switch_on(tp: SyncWorld, setting: str) -> None:
    """An installation setting (a column of the dataset's tp_customer_token row) turned on."""
    with tp.tenant.db() as db:
        db.execute(f"UPDATE tp_customer_token SET {setting} = 1 WHERE token = ?", (TIMEPUNCH_CUSTOMER_TOKEN,))


@given("the installation reads TpAuthentication.Identity as the LogonName")
def _(tp: SyncWorld) -> None:
    switch_on(tp, "identity_by_logon_name")


@given("the installation takes a nil sync date for the clock's date and time")
def _(tp: SyncWorld) -> None:
    switch_on(tp, "nil_sync_date_is_now")


@when("I post this message to the TimePunch endpoint:")
def _(tp: SyncWorld, docstring: str) -> None:
    """The message as written, {TpUser}, {TpHashedPwd} and {CustomerToken} filled in from who I am."""
    message = docstring.format_map({key: tp.authentication.get(key) or "" for key in AUTHENTICATION_FIELDS})
    answer = tp.target.session.post(
        tp.target.address("tpsync", tp.tenant.name),
        data=message.encode(),
        headers={"Content-Type": "application/soap+xml; charset=utf-8"},
    )
    tp.posted.answer = answer
    reply = etree.fromstring(answer.content)
    tp.soap_fault = reply.find(f".//{{{ns.SOAP_ENV_12}}}Fault")
    tp.reply_headers = list(reply.iterfind(f"{{{ns.SOAP_ENV_12}}}Header/*"))


AUTHENTICATION_FIELDS = ("TpUser", "TpHashedPwd", "CustomerToken")


# -- checking --------------------------------------------------------------------------------------


@then("there is no fault")
def _(tp: SyncWorld) -> None:
    assert fault(tp) is None, fault(tp)


@then(parsers.parse("the fault is {number:d} {code}"))
def _(tp: SyncWorld, number: int, code: str) -> None:
    found = fault(tp)
    assert found is not None, f"no fault in {tp.answer}"
    entry = TIMEPUNCH_FAULTS.entry_for(code)
    assert entry.number == number, f"the scenario names {number} {code}, the catalogue {entry.number}"
    assert found["Message"].startswith(f"{code}: "), found["Message"]
    for key, value in tp.answer.items():
        assert key == "fault" or _nothing(value), f"{key} answered beside a fault: {value}"


def _nothing(value: Any) -> bool:
    """A member answered nil: zeep reads a nil array as its wrapper with no items."""
    return not value or (isinstance(value, dict) and not any(value.values()))


@then(parsers.parse('the fault says "{reason}"'))
def _(tp: SyncWorld, reason: str) -> None:
    found = fault(tp)
    assert found is not None, f"no fault in {tp.answer}"
    assert reason in found["Message"], found["Message"]


@then("the message is answered without a fault")
def _(tp: SyncWorld) -> None:
    """Neither a SOAP 1.2 Fault nor a TpFault: the method's out fault is nil."""
    assert tp.soap_fault is None, etree.tostring(tp.soap_fault)
    assert tp.posted.answer is not None
    answered = etree.fromstring(tp.posted.answer.content).find(f"{{{ns.SOAP_ENV_12}}}Body/*/{{*}}fault")
    assert answered is None or answered.get(f"{{{ns.XSI}}}nil") == "true", etree.tostring(answered)


@then(parsers.parse('the answer is a SOAP 1.2 fault "{code}" with subcode "{subcode}"'))
@then(parsers.parse('the answer is a SOAP 1.2 fault "{code}"'))
def _(tp: SyncWorld, code: str, subcode: str | None = None) -> None:
    assert tp.soap_fault is not None, "expected a SOAP 1.2 fault"
    value = tp.soap_fault.find(f"{{{ns.SOAP_ENV_12}}}Code/{{{ns.SOAP_ENV_12}}}Value")
    assert value is not None
    assert _qname(value, value.text) == etree.QName(ns.SOAP_ENV_12, code)
    if subcode is not None:
        found = tp.soap_fault.find(f"{{{ns.SOAP_ENV_12}}}Code/{{{ns.SOAP_ENV_12}}}Subcode/{{{ns.SOAP_ENV_12}}}Value")
        assert found is not None, "no subcode"
        assert _qname(found, found.text) == SUBCODES[subcode], found.text


SUBCODES = {
    "DeserializationFailed": etree.QName(ns.WCF_DISPATCHER, "DeserializationFailed"),
    "MessageAddressingHeaderRequired": etree.QName(ns.WSA, "MessageAddressingHeaderRequired"),
    "InvalidAddressingHeader": etree.QName(ns.WSA, "InvalidAddressingHeader"),
    "DestinationUnreachable": etree.QName(ns.WSA, "DestinationUnreachable"),
    "ActionNotSupported": etree.QName(ns.WSA, "ActionNotSupported"),
}
"""The subcodes the scenarios name, in the namespaces WCF and WS-Addressing define them in."""


def _qname(element: etree._Element, prefixed: str | None) -> etree.QName:
    """The QName ``prefixed`` ("p:local", in a fault code's text or an attribute) names, resolved
    against ``element``'s namespaces."""
    return etree.QName(ns.resolve(element, (prefixed or "").strip()))


@then(parsers.parse('its reason mentions "{text}"'))
def _(tp: SyncWorld, text: str) -> None:
    assert tp.soap_fault is not None, "expected a SOAP 1.2 fault"
    reason = tp.soap_fault.findtext(f"{{{ns.SOAP_ENV_12}}}Reason/{{{ns.SOAP_ENV_12}}}Text") or ""
    assert text in reason, reason


@then(parsers.parse('its reply header says the service did not understand "{header}"'))
def _(tp: SyncWorld, header: str) -> None:
    blocks = [block for block in tp.reply_headers if block.tag == f"{{{ns.SOAP_ENV_12}}}NotUnderstood"]
    assert [_qname(block, block.get("qname", "")) for block in blocks] == [etree.QName(header)]


def result_list(tp: SyncWorld, member: str) -> list[dict[str, Any]]:
    listed = tp.answer.get(member)
    if not listed:
        return []
    values = next(iter(listed.values())) if isinstance(listed, dict) else listed
    return list(values or [])


@then(parsers.parse("the profiles returned are {logons}"))
def _(tp: SyncWorld, logons: str) -> None:
    returned = [p["LogonName"] for p in result_list(tp, "GetUseableSyncUserProfilesResult")]
    assert sorted(returned) == sorted(logon.strip() for logon in logons.split(","))


@then(parsers.parse("the devices returned are {names}"))
def _(tp: SyncWorld, names: str) -> None:
    returned = [d["DeviceName"] for d in result_list(tp, "GetUseableConnectedDevicesForSyncResult")]
    expected = [] if names == "none" else [name.strip().strip('"') for name in names.split(",")]
    assert sorted(returned) == sorted(expected)


@then(parsers.parse('the device returned is "{device}", {state}, of "{logon}"'))
def _(tp: SyncWorld, device: str, state: str, logon: str) -> None:
    result = tp.answer.get("GetDeviceInfoResult") or tp.answer.get("GetClientInfoResult")
    assert result is not None, tp.answer
    assert (result["DeviceName"], result["BindingState"], result["UserProfile"]["LogonName"]) == (device, state, logon)


@then(parsers.parse('device "{device}" is {state}, of "{logon}"'))
def _(tp: SyncWorld, device: str, state: str, logon: str) -> None:
    found = tp.tenant.rows(
        "SELECT d.binding_state, p.logon_name FROM tp_device d LEFT JOIN tp_profile p ON p.id = d.profile_id "
        "WHERE d.name = ?",
        device,
    )
    assert tuple(found[0]) == (state, logon)


@then(parsers.parse("the time entries returned are on {days}"))
def _(tp: SyncWorld, days: str) -> None:
    entries = result_list(tp, "timeEntries")
    returned = sorted(str(entry["LogonTime"])[:10] for entry in entries)
    assert returned == sorted(day.strip() for day in days.split(",")) if days != "no day" else returned == []


@then(parsers.parse("the time entry returned for {day} has:"))
def _(tp: SyncWorld, day: str, datatable: list[list[str]]) -> None:
    """Members of the returned TimeEntryDto; a dotted column reads a member of a member (CreatedBy.LogonName)."""
    entries = [entry for entry in result_list(tp, "timeEntries") if str(entry["LogonTime"])[:10] == day]
    assert len(entries) == 1, f"{len(entries)} entries returned for {day}"
    for column, expected in rows(datatable)[0].items():
        value: Any = entries[0]
        for member in column.split("."):
            value = value[member]
        assert_read_back(value, expected, column)


def assert_read_back(value: Any, expected: Any, path: str) -> None:
    """What an answer holds (as zeep reads it) is what a table wrote as text: a DTO member by member, an
    array item by item, a value as its type reads the text."""
    assert value is not None, f"{path}: nothing returned"
    if isinstance(expected, dict):
        for member, wanted in expected.items():
            assert_read_back(value[member], wanted, f"{path}.{member}")
    elif isinstance(expected, list):
        assert len(value) == len(expected), f"{path}: {value!r}"
        for index, (item, wanted) in enumerate(zip(value, expected, strict=True)):
            assert_read_back(item, wanted, f"{path}[{index}]")
    else:
        assert _as_text(value) == _as_text(_typed_like(value, expected)), f"{path}: {value!r} != {expected!r}"


def _typed_like(value: Any, text: str) -> Any:
    if isinstance(value, bool):
        return {"true": True, "false": False}.get(text, text)
    if isinstance(value, (int, float)):
        return float(text)
    return text


def _as_text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(float(value))
    return str(value)


@then(
    parsers.parse(
        "the projects, common tasks and customers returned are those they reference: "
        "{projects:d}, {tasks:d}, {customers:d}"
    )
)
def _(tp: SyncWorld, projects: int, tasks: int, customers: int) -> None:
    counts = (len(result_list(tp, "projects")), len(result_list(tp, "commonTasks")), len(result_list(tp, "customers")))
    assert counts == (projects, tasks, customers)


@then(parsers.parse('the project "{name}" is returned with every member I sent'))
def _(tp: SyncWorld, name: str) -> None:
    returned = [p for p in result_list(tp, "SearchProjectsForSynchronisationResult") if p["ProjectName"] == name]
    assert len(returned) == 1, f"{len(returned)} projects named {name} returned"
    assert_read_back(returned[0], tp.sent, name)


@then(parsers.parse("the projects returned are {count:d}, each with its customer and tasks"))
def _(tp: SyncWorld, count: int) -> None:
    projects = result_list(tp, "SearchProjectsForSynchronisationResult")
    assert len(projects) == count
    assert all(project["Customer"]["CustomerName"] and project["TaskList"] for project in projects)


def last_synced(tp: SyncWorld, logon: str) -> str:
    """The profile's LastSyncTime as GetUseableSyncUserProfiles answers it (what a client sees)."""
    tp.call("GetUseableSyncUserProfiles")
    assert fault(tp) is None, fault(tp)
    profiles = [p for p in result_list(tp, "GetUseableSyncUserProfilesResult") if p["LogonName"] == logon]
    assert len(profiles) == 1, f"{logon} not among the profiles returned"
    synced = profiles[0]["LastSyncTime"]
    assert synced is not None, f"{logon} has no LastSyncTime"
    return str(synced.replace(tzinfo=None).isoformat())


@then(parsers.parse('"{logon}" last synced at "{moment}"'))
def _(tp: SyncWorld, logon: str, moment: str) -> None:
    assert last_synced(tp, logon) == moment


@then(parsers.parse('"{logon}" last synced at the tenant clock\'s now'))
def _(tp: SyncWorld, logon: str) -> None:
    synced = last_synced(tp, logon)
    assert synced.startswith("2024-03-20T10:00:00"), synced


@given(parsers.parse('TimePunch user "{logon}" lacks the permission {permission}'))
def _(tp: SyncWorld, logon: str, permission: str) -> None:
    """The installation's administrator takes a permission away (the mock's side)."""
    with tp.tenant.db() as db:
        held = db.execute("SELECT permissions FROM tp_profile WHERE logon_name = ?", (logon,)).fetchone()[0]
        kept = " ".join(p for p in held.split() if p != permission)
        db.execute("UPDATE tp_profile SET permissions = ? WHERE logon_name = ?", (kept, logon))


@then(parsers.parse('"{logon}" has time entries on {days}'))
def _(tp: SyncWorld, logon: str, days: str) -> None:
    found = tp.tenant.rows(
        "SELECT substr(e.logon_time, 1, 10) FROM tp_time_entry e JOIN tp_profile p ON p.id = e.profile_id "
        "WHERE p.logon_name = ? ORDER BY e.logon_time",
        logon,
    )
    assert [row[0] for row in found] == [day.strip() for day in days.split(",")]


@then(parsers.parse('the cloud holds {count:d} entries for device "{device}"'))
def _(tp: SyncWorld, count: int, device: str) -> None:
    assert tp.tenant.lookup("SELECT COUNT(*) FROM tp_cloud_entry WHERE device_id = ?", tp.device_id(device)) == count


@then(parsers.parse('the store holds {count:d} {kind} named "{name}"'))
def _(tp: SyncWorld, count: int, kind: str, name: str) -> None:
    table = {
        "customer": "tp_customer",
        "customers": "tp_customer",
        "project": "tp_project",
        "projects": "tp_project",
        "task": "tp_task",
        "tasks": "tp_task",
    }[kind]
    assert tp.tenant.lookup(f"SELECT COUNT(*) FROM {table} WHERE name = ?", name) == count


def stored(tp: SyncWorld, kind: str, name: str) -> dict[str, Any]:
    """The DTO the store keeps for the customer, project or task of that name."""
    table = {"customer": "tp_customer", "project": "tp_project", "task": "tp_task"}[kind]
    payload: dict[str, Any] = json.loads(tp.tenant.lookup(f"SELECT payload FROM {table} WHERE name = ?", name))
    return payload


@then(parsers.parse('the {kind} "{name}" has {member} "{value}"'))
def _(tp: SyncWorld, kind: str, name: str, member: str, value: str) -> None:
    payload = stored(tp, kind, name)
    assert payload.get(member) == value, payload


@then(parsers.parse('the {kind} "{name}" has no {member}'))
def _(tp: SyncWorld, kind: str, name: str, member: str) -> None:
    payload = stored(tp, kind, name)
    assert payload.get(member) in (None, ""), payload
