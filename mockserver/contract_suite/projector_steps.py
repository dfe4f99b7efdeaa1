"""Step definitions for the Projector features: the vocabulary of features/projector/*.feature.

Requests are built as zeep dicts from Gherkin tables whose columns are the vendor's element
names, sent by a zeep client built from the WSDL the mock serves, and every response is
checked against our contract on its way back (contract_suite.target). Cards a scenario saves are
named by their ReferenceId: ``@1`` in a later cell means "the card saved as ReferenceId 1".
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest
from lxml import etree
from pytest_bdd import given, parsers, then, when
from zeep.exceptions import Fault
from zeep.helpers import serialize_object

from mockserver import fixtures
from mockserver.contract_suite.actions import soap11_headers
from mockserver.contract_suite.reading_steps import Posted
from mockserver.contract_suite.target import PASSWORDS, Target, TenantAdmin
from mockserver.projector import rate_limits
from mockserver.projector.catalogue import PWS_CATALOGUE
from mockserver.resources import FIXTURES_DIR
from mockserver.soap.envelope import DEFAULT_READ_TIMEOUT
from mockserver.state import clock, faults

COMMON = "http://projectorpsa.com/DataContracts/Shared/Common/"
RESULT_LISTS = {
    "time card": ("TimecardResults", "PwsSaveTimecardResult", "TimeCard"),
    "time off card": ("TimeOffCardResults", "PwsSaveTimeOffCardResult", "TimeOffCard"),
    "estimate": ("EstimateResults", "PwsSaveEstimateResult", None),
    "task note": ("TaskNoteResults", "PwsSaveTaskNoteResult", None),
}


@dataclass
class Saved:
    uid: int
    card_type: str
    timestamp: str


@dataclass
class World:
    """What a scenario has done so far: its session, the request it builds, the last answer."""

    service: Any
    tenant: TenantAdmin
    session: Any
    target: Target
    posted: Posted
    ticket: str | None = None
    operation: str = ""
    answered: str = ""
    """The operation of the last answer (what its error texts are looked up for)."""
    request: dict[str, Any] = field(default_factory=dict)
    request_id: int = 0
    response: Any = None
    fault: Fault | None = None
    raw: tuple[int, bytes] | None = None
    saved: dict[str, Saved] = field(default_factory=dict)
    read_cards: list[dict[str, Any]] = field(default_factory=list)

    def call(self, operation: str, request: dict[str, Any]) -> Any:
        self.request_id += 1
        self.response, self.fault, self.answered = None, None, operation
        try:
            self.response = getattr(self.service, operation)(
                serviceRequest={"RequestId": self.request_id, "SessionTicket": self.ticket, **request}
            )
        except Fault as fault:
            self.fault = fault
        return self.response

    def result(self) -> dict[str, Any]:
        assert self.fault is None, f"expected a response, got a SOAP fault: {self.fault.message}"
        assert self.response is not None
        result: dict[str, Any] = serialize_object(self.response, dict)
        return result


@pytest.fixture
def world(pws_service: Any, tenant: TenantAdmin, target: Target, posted: Posted) -> World:
    return World(service=pws_service, tenant=tenant, session=target.session, target=target, posted=posted)


# -- values in tables ----------------------------------------------------------------------------


def instant(value: str) -> str | None:
    """A date cell: ``2018-03-09`` is midnight UTC, ``none`` omits it, a full instant goes as written."""
    if value.lower() == "none":
        return None
    return value if "T" in value else f"{value}T00:00:00Z"


def scalar(value: str) -> Any:
    if value in ("true", "false"):
        return value == "true"
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    return value


def items(array: Any, item: str) -> list[dict[str, Any]]:
    """The items of a serialized WCF array member (None and empty both mean no items)."""
    if not array:
        return []
    listed = array.get(item) if isinstance(array, dict) else array
    return list(listed or [])


def rows(datatable: list[list[str]]) -> list[dict[str, str]]:
    header, *body = datatable
    return [{name: cell for name, cell in zip(header, row, strict=True) if cell != ""} for row in body]


_IDENTITY_COLUMNS = {
    "ProjectCode": ("ProjectIdentity", "ProjectCode"),
    "ProjectUid": ("ProjectIdentity", "ProjectUid"),
    "RoleUid": ("RoleIdentity", "ProjectRoleUid"),
    "TaskUid": ("ProjectTaskIdentity", "ProjectTaskUid"),
    "RateTypeUid": ("ProjectRateTypeIdentity", "ProjectRateTypeUid"),
    "LocationName": ("LocationIdentity", "LocationName"),
    "TimeOffReason": ("TimeOffReasonIdentity", "TimeOffReasonName"),
}


def card_dict(world: World, row: dict[str, str]) -> dict[str, Any]:
    """A PwsTimecardDetail / PwsTimeOffCardDetail / PwsTimecardRef from a table row."""
    card: dict[str, Any] = {}
    for column, cell in row.items():
        if column in _IDENTITY_COLUMNS:
            member, key = _IDENTITY_COLUMNS[column]
            identity = card.setdefault(member, {})
            if cell != "none":  # "none": the identity element sent without any member
                identity[key] = scalar(cell)
        elif column == "WorkDate":
            card["WorkDate"] = instant(cell)
        elif column in ("Udf1", "Udf2"):
            card[column] = {"TextValue": cell}
        elif cell.startswith("@"):
            saved = world.saved[cell[1:]]
            card[column] = {"TimecardUid": saved.uid, "Timestamp": saved.timestamp}[column]
        elif column == "ReferenceId":
            card[column] = cell
        else:
            card[column] = scalar(cell)
    return card


def card_ref(world: World, card: str, card_type: str = "T") -> dict[str, Any]:
    """``@1`` (a card this scenario saved), a dataset card id such as 45639611, or ``no id`` (an
    identity without TimecardId and TimecardUid); a card_type ``none`` sends no TimecardType."""
    if card.startswith("@"):
        saved = world.saved[card[1:]]
        return {"TimecardType": saved.card_type, "TimecardUid": saved.uid}
    identity = {} if card == "no id" else {"TimecardId": int(card)}
    return identity if card_type == "none" else {"TimecardType": card_type, **identity}


# -- session -------------------------------------------------------------------------------------


def login(world: World, user: str, password: str, account: str = fixtures.DEMO_ACCOUNT) -> Any:
    response = world.call("PwsAuthenticate", {"AccountCode": account, "UserName": user, "Password": password})
    if response is not None and response.Status == "Ok":
        world.ticket = response.SessionTicket
    return response


@given(parsers.parse('I am logged in to Projector as "{user}"'))
def _(world: World, user: str) -> None:
    response = login(world, user, world.target.password(user, PASSWORDS[user]))
    assert response.Status == "Ok", response


@when(parsers.parse('I authenticate with account "{account}", user "{user}" and password "{password}"'))
def _(world: World, account: str, user: str, password: str) -> None:
    login(world, user, password, account)


@given(parsers.parse("{user} has failed to log in {count:d} times with a wrong password"))
def _(world: World, user: str, count: int) -> None:
    for _ in range(count):
        assert login(world, user, "wrong").Status == "Fail"


@given("my session was closed with PwsUnauthenticate")
def _(world: World) -> None:
    assert world.call("PwsUnauthenticate", {}).Status == "Ok"


@given(parsers.parse('I use the session ticket "{ticket}"'))
def _(world: World, ticket: str) -> None:
    world.ticket = ticket


@given("I send no session ticket")
def _(world: World) -> None:
    world.ticket = None


@given(parsers.parse("the tenant clock stands at {moment}"))
def _(world: World, moment: str) -> None:
    with world.tenant.db() as db:
        clock.freeze(db, datetime.fromisoformat(moment))


_ACCOUNT_SETTINGS = {
    "bounds every card a save touches by its StartDate and EndDate": "save_range_bounds_every_card",
    "refuses an empty list of cards to delete": "refuse_empty_delete_lists",
}
"""The pr_account settings that choose between two readings of the vendor's PwsSaveTimeCards pages."""


@given(parsers.re(rf'the account "(?P<account>[^"]+)" (?P<setting>{"|".join(map(re.escape, _ACCOUNT_SETTINGS))})$'))
def _(world: World, account: str, setting: str) -> None:
    with world.tenant.db() as db:
        db.execute(f"UPDATE pr_account SET {_ACCOUNT_SETTINGS[setting]} = 1 WHERE code = ?", (account,))


@given(parsers.parse("the next {operation} call is answered with the vendor error {code}"))
def _(world: World, operation: str, code: str) -> None:
    """A fault rule, as a client's CI sets one through the admin API, for what the mock never does alone."""
    with world.tenant.db() as db:
        rule = {"operation": operation, "kind": "vendor-error", "code": code, "count": 1}
        faults.add(db, rule, longest_delay=DEFAULT_READ_TIMEOUT)


@given(parsers.parse("{minutes:d} minutes pass"))
def _(world: World, minutes: int) -> None:
    with world.tenant.db() as db:
        clock.advance(db, timedelta(minutes=minutes))


@then("I receive a session ticket")
def _(world: World) -> None:
    ticket = world.result()["SessionTicket"]
    assert ticket is not None
    assert re.fullmatch(r"[A-Za-z0-9+/]{22}==", ticket), ticket


@then("I receive no session ticket")
def _(world: World) -> None:
    assert world.result()["SessionTicket"] is None


# -- building and sending a request ----------------------------------------------------------------

READ_EVERY_CARD = {
    flag: True
    for flag in (
        "IncludeApprovedFlag",
        "IncludeDraftFlag",
        "IncludeRejectedFlag",
        "IncludeSubmittedFlag",
        "IncludeTimeCardsFlag",
        "IncludeTimeOffCardsFlag",
    )
}
"""The flags a client sends to read every card: each defaults to false (the wiki's PwsGetTimeCards page)."""


@given(parsers.parse('a {operation} request from "{start}" to "{end}"'))
def _(world: World, operation: str, start: str, end: str) -> None:
    world.operation = operation
    world.request = {"StartDate": instant(start), "EndDate": instant(end)}


@given("the request asks for cards of every kind and status")
def _(world: World) -> None:
    world.request.update(READ_EVERY_CARD)


@given(parsers.parse("a {operation} request"))
def _(world: World, operation: str) -> None:
    world.operation, world.request = operation, {}


@given("the request saves time cards:")
def _(world: World, datatable: list[list[str]]) -> None:
    world.request["SaveTimeCards"] = {"PwsTimecardDetail": [card_dict(world, row) for row in rows(datatable)]}


@given("the request saves time off cards:")
def _(world: World, datatable: list[list[str]]) -> None:
    world.request["SaveTimeOffCards"] = {"PwsTimeOffCardDetail": [card_dict(world, row) for row in rows(datatable)]}


@given(parsers.parse("the request deletes {kind}:"))
def _(world: World, kind: str, datatable: list[list[str]]) -> None:
    member = {"time cards": "DeleteTimeCards", "time off cards": "DeleteTimeOffCards"}[kind]
    world.request[member] = {"PwsTimecardRef": [card_dict(world, row) for row in rows(datatable)]}


@given(parsers.parse("the request's {member} is empty"))
def _(world: World, member: str) -> None:
    world.request[member] = {}


@given("the request saves estimates:")
def _(world: World, datatable: list[list[str]]) -> None:
    estimates = []
    for row in rows(datatable):
        identity: dict[str, Any] = {}
        if "ProjectTaskRoleUid" in row:
            identity["ProjectTaskRoleUid"] = int(row["ProjectTaskRoleUid"])
        if "RoleUid" in row:
            identity["ProjectRoleIdentity"] = {"ProjectRoleUid": int(row["RoleUid"])}
        if "TaskUid" in row:
            identity["ProjectTaskIdentity"] = {"ProjectTaskUid": int(row["TaskUid"])}
        estimates.append(
            {
                "AsOfDate": instant(row.get("AsOfDate", "2018-03-09")),
                "CompletedFlag": scalar(row["CompletedFlag"]) if "CompletedFlag" in row else None,
                "ProjectTaskRoleIdentity": identity,
                "ReferenceId": row.get("ReferenceId"),
                "RemainingMinutes": scalar(row["RemainingMinutes"]) if "RemainingMinutes" in row else None,
            }
        )
    world.request["Estimates"] = {"PwsEstimate": estimates}


@given("the request saves task notes:")
def _(world: World, datatable: list[list[str]]) -> None:
    world.request["Tasks"] = {
        "PwsProjectTaskNote": [
            {
                "Notes": row["Notes"],
                "ProjectTaskIdentity": {"ProjectTaskUid": int(row["TaskUid"])},
                "ReferenceId": row.get("ReferenceId"),
                "EmailPmTeamFlag": scalar(row.get("EmailPmTeamFlag", "false")),
            }
            for row in rows(datatable)
        ]
    }


@given(parsers.parse('the request sets {member} to "{value}"'))
def _(world: World, member: str, value: str) -> None:
    world.request[member] = scalar(value)


@given(parsers.parse('the request\'s ResourceIdentity is "{reference}"'))
def _(world: World, reference: str) -> None:
    world.request["ResourceIdentity"] = {"ResourceReferenceSystemId": reference}


@given(parsers.parse('the request\'s ResourceIdentity has {member} "{value}"'))
def _(world: World, member: str, value: str) -> None:
    world.request.setdefault("ResourceIdentity", {})[member] = value


@given(parsers.parse('the request\'s ProjectIdentity is "{code}"'))
def _(world: World, code: str) -> None:
    world.request["ProjectIdentity"] = {"ProjectCode": code}


@given(parsers.parse("the request's {member} is time card {card}"))
def _(world: World, member: str, card: str) -> None:
    world.request[member] = card_ref(world, card, "T")


@given(parsers.parse("the request's {member} is time off card {card}"))
def _(world: World, member: str, card: str) -> None:
    world.request[member] = card_ref(world, card, "R")


@given(parsers.parse('the Description of card "{reference}" is {length:d} characters long'))
def _(world: World, reference: str, length: int) -> None:
    (card,) = [c for c in world.request["SaveTimeCards"]["PwsTimecardDetail"] if c.get("ReferenceId") == reference]
    card["Description"] = "x" * length


@when("I send the request")
@given("I have sent the request")
def _(world: World) -> None:
    send_request(world)


def send_request(world: World) -> None:
    """Send the request built so far; remember saved cards by ReferenceId and the cards read."""
    world.call(world.operation, world.request)
    if world.response is None:
        return
    result = world.result()
    for kind in ("time card", "time off card"):
        member, item, card_member = RESULT_LISTS[kind]
        for saved in items(result.get(member), item):
            card = saved.get(card_member or "")
            if card and saved.get("ReferenceId"):
                world.saved[saved["ReferenceId"]] = Saved(card["TimecardUid"], card["TimecardType"], card["Timestamp"])
    projects = items(result.get("TimeEntryProjects"), "PwsTimeEntryProject")
    if result.get("TimeEntryProject"):
        projects.append(result["TimeEntryProject"])
    world.read_cards = [
        card for project in projects for card in items(project.get("TimeCards"), "PwsTimecardDetail")
    ] + [
        card
        for reason in items(result.get("TimeEntryTimeOff"), "PwsTimeEntryTimeOff")
        for card in items(reason.get("TimeOffCards"), "PwsTimeOffCardDetail")
    ]


@when(parsers.parse('I read the time cards of "{resource}" from "{start}" to "{end}"'))
def _(world: World, resource: str, start: str, end: str) -> None:
    world.operation = "PwsGetTimeCards"
    world.request = {
        "StartDate": instant(start),
        "EndDate": instant(end),
        "ResourceIdentity": {"ResourceReferenceSystemId": resource},
        **READ_EVERY_CARD,
    }
    send_request(world)


@when(parsers.parse('I post this envelope to the PWS endpoint with SOAPAction "{action}":'))
def _(world: World, action: str, docstring: str) -> None:
    post_envelope(world, docstring, action)


@when("I post this envelope to the PWS endpoint:")
def _(world: World, docstring: str) -> None:
    post_envelope(world, docstring, None)


@when("I post this envelope to the PWS endpoint without a SOAPAction:")
def _(world: World, docstring: str) -> None:
    post_envelope(world, docstring, "")


@when("I post this envelope to the Ops endpoint:")
def _(world: World, docstring: str) -> None:
    post_envelope(world, docstring, None, service="ops")


@when(parsers.parse('I post this envelope to the Ops endpoint with SOAPAction "{action}":'))
def _(world: World, action: str, docstring: str) -> None:
    post_envelope(world, docstring, action, service="ops")


def post_envelope(world: World, envelope: str, action: str | None, service: str = "pws") -> None:
    """``action`` None: the SOAPAction of the body's operation, as a client sends it; "": none at all."""
    body = envelope.replace("{ticket}", world.ticket or "")
    headers = soap11_headers(body)
    if action == "":
        headers.pop("SOAPAction", None)
    elif action is not None:
        headers["SOAPAction"] = action
    address = world.target.address(service, world.tenant.name)
    answer = world.session.post(address, data=body.encode(), headers=headers)
    world.raw = (answer.status_code, answer.content)
    world.posted.answer = answer


# -- checking the answer ---------------------------------------------------------------------------


@then(parsers.parse('the response status is "{status}"'))
def _(world: World, status: str) -> None:
    assert world.result()["Status"] == status, world.result()["Messages"]


@then("the response echoes my RequestId as ResponseId")
def _(world: World) -> None:
    assert world.result()["ResponseId"] == world.request_id


@then(parsers.parse("ServerTimestampUtc is {moment}"))
def _(world: World, moment: str) -> None:
    assert world.result()["ServerTimestampUtc"] == datetime.fromisoformat(moment)


def messages(world: World) -> list[dict[str, Any]]:
    return items(world.result()["Messages"], "PwsMessage")


def assert_catalogued(found: dict[str, Any], number: int, code: str, operation: str) -> None:
    """The error is the catalogue's: number and code as the scenario names them, a text the vendor
    documents for it in this operation."""
    entry = PWS_CATALOGUE.entry_for(code, operation)
    assert (found["ErrorNumber"], found["ErrorCode"]) == (number, code), found
    assert entry.number == number, f"the scenario names {number} {code}, the catalogue {entry.number}"
    texts = [e.text for e in PWS_CATALOGUE.entries if e.code == code and (operation in e.operations or e is entry)]
    patterns = [re.escape(t).replace(re.escape("{0}"), "[^{}]+").replace(re.escape("{1}"), "[^{}]+") for t in texts]
    assert any(re.fullmatch(pattern, found["ErrorText"]) for pattern in patterns), (found["ErrorText"], texts)


@then(parsers.parse("the response reports error {number:d} {code}"))
def _(world: World, number: int, code: str) -> None:
    matching = [m for m in messages(world) if m["ErrorNumber"] == number]
    assert matching, f"no message {number} in {messages(world)}"
    assert_catalogued(matching[0], number, code, world.answered)
    assert matching[0]["Type"] == PWS_CATALOGUE.entry_for(code).type


@then("the response reports no messages")
def _(world: World) -> None:
    assert messages(world) == []


def result_item(world: World, kind: str, reference: str) -> dict[str, Any]:
    member, item, _ = RESULT_LISTS[kind]
    found = [r for r in items(world.result().get(member), item) if r.get("ReferenceId") == reference]
    assert len(found) == 1, f"{kind} results: {world.result().get(member)}"
    return found[0]


def error_detail(result: dict[str, Any]) -> dict[str, Any] | None:
    """The item's ErrorDetail; zeep reads an ``i:nil`` complex member as an empty object, not None."""
    detail: dict[str, Any] | None = result["ErrorDetail"]
    return None if detail is None or detail["ErrorNumber"] is None else detail


@then(parsers.parse('{kind} result "{reference}" succeeded'))
def _(world: World, kind: str, reference: str) -> None:
    assert error_detail(result_item(world, kind, reference)) is None


@then(parsers.parse('{kind} result "{reference}" failed with error {number:d} {code}'))
def _(world: World, kind: str, reference: str, number: int, code: str) -> None:
    detail = error_detail(result_item(world, kind, reference))
    assert detail is not None, f"{kind} {reference} succeeded"
    assert_catalogued(detail, number, code, world.answered)


@then(parsers.parse('the {kind} results are exactly "{references}"'))
def _(world: World, kind: str, references: str) -> None:
    member, item, _ = RESULT_LISTS[kind]
    listed = [result.get("ReferenceId") for result in items(world.result().get(member), item)]
    assert listed == references.split(", "), f"{kind} results: {listed}"


@then(parsers.parse("the time cards were {outcome}"))
def _(world: World, outcome: str) -> None:
    assert world.result()["SubmittedFlag"] is (outcome == "submitted")


@then(parsers.parse('{kind} result "{reference}" returns the saved card with:'))
def _(world: World, kind: str, reference: str, datatable: list[list[str]]) -> None:
    card = result_item(world, kind, reference)[RESULT_LISTS[kind][2] or ""]
    assert card is not None
    assert_card_matches(card, rows(datatable)[0])


def card_value(card: dict[str, Any], column: str) -> Any:
    """A card's value for a table column (identities by their key member, dates as days)."""
    if column in _IDENTITY_COLUMNS:
        member, key = _IDENTITY_COLUMNS[column]
        return (card.get(member) or {}).get(key)
    if column == "WorkDate":
        return card["WorkDate"].date().isoformat()
    if column in ("Udf1", "Udf2"):
        return (card.get(column) or {}).get("TextValue")
    return card.get(column)


def assert_card_matches(card: dict[str, Any], expected: dict[str, str], world: World | None = None) -> None:
    for column, cell in expected.items():
        if cell.startswith("@") and world is not None:
            column, cell = "TimecardUid", str(world.saved[cell[1:]].uid)
        wanted = None if cell == "none" else scalar(cell)
        assert card_value(card, column) == wanted, f"{column}: {card_value(card, column)!r} != {wanted!r} in {card}"


@then("the time cards read include:")
def _(world: World, datatable: list[list[str]]) -> None:
    for expected in rows(datatable):
        matching = [c for c in world.read_cards if _matches(c, expected, world)]
        assert matching, f"no card read matches {expected}; read {world.read_cards}"


def _matches(card: dict[str, Any], expected: dict[str, str], world: World) -> bool:
    try:
        assert_card_matches(card, expected, world)
    except AssertionError:
        return False
    return True


@then(parsers.parse("the time cards read are exactly {ids}"))
def _(world: World, ids: str) -> None:
    wanted = card_ids(world, ids) if ids != "none" else []
    assert sorted(card["TimecardId"] for card in world.read_cards) == wanted


@then(parsers.parse('the card saved as "{reference}" is read back with:'))
def _(world: World, reference: str, datatable: list[list[str]]) -> None:
    uid = world.saved[reference].uid
    matching = [card for card in world.read_cards if card["TimecardUid"] == uid]
    assert matching, f"card {uid} not read back"
    assert_card_matches(matching[0], rows(datatable)[0])


@then(parsers.parse('the answer is a SOAP fault "{code}" whose reason mentions "{text}"'))
def _(world: World, code: str, text: str) -> None:
    if world.raw is not None:
        _, body = world.raw
        root = etree.fromstring(body)
        fault_code = root.findtext(".//faultcode")
        reason = root.findtext(".//faultstring") or ""
    else:
        assert world.fault is not None, "expected a SOAP fault"
        fault_code, reason = str(world.fault.code), world.fault.message
    assert fault_code is not None
    assert fault_code.endswith(code), fault_code
    assert text in reason, reason


# -- the mock's side: state a client cannot arrange through the API ----------------------------------


@given(parsers.parse('another user has changed the card saved as "{reference}"'))
def _(world: World, reference: str) -> None:
    with world.tenant.db() as db:
        db.execute(
            "UPDATE pr_time_card SET version = version + 1, description = 'changed by someone else' WHERE uid = ?",
            (world.saved[reference].uid,),
        )


_APPROVAL_STATES = {"draft": "D", "rejected": "R", "submitted": "S", "approved": "A", "invoiced": "I"}


@given(parsers.parse("time card {listed} is {state}"))
@given(parsers.parse("time cards {listed} are {state}"))
def _(world: World, listed: str, state: str) -> None:
    """Approval and invoicing happen in Projector's own screens: the card's state is set as a dataset
    would hold it (its Timestamp unchanged)."""
    with world.tenant.db() as db:
        db.executemany(
            "UPDATE pr_time_card SET status = ? WHERE id = ?",
            [(_APPROVAL_STATES[state], card_id) for card_id in card_ids(world, listed)],
        )


@given("the account adjusts approved cards only")
def _(world: World) -> None:
    with world.tenant.db() as db:
        db.execute("UPDATE pr_account SET adjust_approved_cards_only = 1 WHERE code = ?", (fixtures.DEMO_ACCOUNT,))


@then(parsers.parse('a notification e-mail "{subject}" to "{recipient}" was recorded'))
def _(world: World, subject: str, recipient: str) -> None:
    with world.tenant.db() as db:
        found = db.execute("SELECT recipient FROM pr_notification WHERE subject = ?", (subject,)).fetchall()
    assert recipient in [row[0] for row in found], found


@then("no notification e-mail was recorded")
def _(world: World) -> None:
    with world.tenant.db() as db:
        assert db.execute("SELECT COUNT(*) FROM pr_notification").fetchone()[0] == 0


@then(parsers.parse('the answer\'s Locations are "{names}"'))
def _(world: World, names: str) -> None:
    listed = items(world.result()["Locations"], "PwsLocationSummary")
    assert sorted(location["LocationName"] for location in listed) == [n.strip() for n in names.split(",")], listed


@then(parsers.parse("task role {uid:d} is marked {state}"))
def _(world: World, uid: int, state: str) -> None:
    with world.tenant.db() as db:
        completed = db.execute("SELECT completed FROM pr_task_role WHERE uid = ?", (uid,)).fetchone()[0]
    assert bool(completed) is (state == "completed"), completed


@then(parsers.parse("the remaining estimate of task role {uid:d} is {minutes:d} minutes"))
def _(world: World, uid: int, minutes: int) -> None:
    with world.tenant.db() as db:
        assert db.execute("SELECT remaining_minutes FROM pr_task_role WHERE uid = ?", (uid,)).fetchone()[0] == minutes


@then(parsers.parse('estimate result "{reference}" reports the estimate as saved:'))
def _(world: World, reference: str, datatable: list[list[str]]) -> None:
    (expected,) = rows(datatable)
    (saved,) = items(result_item(world, "estimate", reference)["Estimates"], "PwsProjectTaskRoleRemaining")
    assert saved["RemainingMinutes"] == int(expected["RemainingMinutes"])
    assert saved["CompletedFlag"] is (expected["CompletedFlag"] == "true")
    assert saved["RemainingAsOfDate"].date().isoformat() == expected["RemainingAsOfDate"]


@then(parsers.parse('task note result "{reference}" lists the task\'s notes:'))
def _(world: World, reference: str, datatable: list[list[str]]) -> None:
    history = items(result_item(world, "task note", reference)["TaskNotes"], "PwsProjectTaskNoteHistory")
    listed = [(note["ProjectTaskNotes"], note["CreatedByUser"]["UserDisplayName"]) for note in history]
    assert listed == [(row["ProjectTaskNotes"], row["CreatedByUser"]) for row in rows(datatable)]
    assert all(note["CreatedTimestamp"] is not None for note in history)


@then(parsers.parse('task {uid:d} has the note "{notes}"'))
def _(world: World, uid: int, notes: str) -> None:
    with world.tenant.db() as db:
        stored = [row[0] for row in db.execute("SELECT notes FROM pr_task_note WHERE task_uid = ?", (uid,))]
    assert notes in stored, stored


@then(parsers.parse('the project read is "{code}" with:'))
def _(world: World, code: str, datatable: list[list[str]]) -> None:
    projects = items(world.result().get("TimeEntryProjects"), "PwsTimeEntryProject")
    matching = [p for p in projects if p["ProjectDescriptor"]["ProjectCode"] == code]
    assert matching, [p["ProjectDescriptor"]["ProjectCode"] for p in projects]
    for column, cell in rows(datatable)[0].items():
        assert matching[0][column] == scalar(cell), f"{column}: {matching[0][column]!r}"


@then(parsers.parse("the projects read are exactly {codes}"))
def _(world: World, codes: str) -> None:
    projects = items(world.result().get("TimeEntryProjects"), "PwsTimeEntryProject")
    read = sorted(project["ProjectDescriptor"]["ProjectCode"] for project in projects)
    assert read == ([] if codes == "none" else sorted(codes.split(","))), read


@then(parsers.parse("the time off reasons read are exactly {names}"))
def _(world: World, names: str) -> None:
    reasons = items(world.result().get("TimeEntryTimeOff"), "PwsTimeEntryTimeOff")
    read = [reason["TimeOffReasonIdentity"]["TimeOffReasonName"] for reason in reasons]
    assert read == ([] if names == "none" else names.split(",")), read


EXAMPLES = FIXTURES_DIR / "projector" / "examples"


@when(parsers.parse("I post the vendor's example {operation} request"))
def _(world: World, operation: str) -> None:
    """The example of the vendor's page as it is, but for its SessionTicket."""
    example = (EXAMPLES / f"{operation}.request.xml").read_text(encoding="utf-8")
    ticket = re.search(r"<req:SessionTicket>([^<]*)</req:SessionTicket>", example)
    assert ticket is not None
    post_envelope(world, example.replace(ticket[0], "<req:SessionTicket>{ticket}</req:SessionTicket>"), None)


@then(parsers.parse('the answer\'s {member} is "{value}"'))
def _(world: World, member: str, value: str) -> None:
    assert world.raw is not None
    status, body = world.raw
    assert status == 200, body
    found = etree.fromstring(body).find(f".//{{*}}{member}")
    assert found is not None, f"no {member} in {body!r}"
    assert found.text == value, body  # the response's own member comes before any card's


@given(parsers.parse('the account "{account}" reports only the failed items of a save'))
def _(world: World, account: str) -> None:
    set_account(world, account, "save_results_failed_only")


@given(parsers.parse('the account "{account}" lets only approvers approve or reject through a save'))
def _(world: World, account: str) -> None:
    set_account(world, account, "save_approval_by_approvers_only")


def set_account(world: World, account: str, setting: str) -> None:
    """Turns an account setting (a pr_account column) on in this test's tenant."""
    with world.tenant.db() as db:
        db.execute(f"UPDATE pr_account SET {setting} = 1 WHERE code = ?", (account,))


@then(parsers.parse("the answer's {member} lists {count:d} items"))
def _(world: World, member: str, count: int) -> None:
    assert world.raw is not None
    found = etree.fromstring(world.raw[1]).find(f".//{{*}}{member}")
    assert found is not None, f"no {member} in {world.raw[1]!r}"
    assert len(found) == count, world.raw[1]


@then(parsers.parse("the answer holds error {number:d} {code}"))
def _(world: World, number: int, code: str) -> None:
    """A message or an item's ErrorDetail of a posted message's answer is the catalogue's error."""
    assert world.raw is not None
    status, body = world.raw
    assert status == 200, body
    root = etree.fromstring(body)
    errors = [number_element.getparent() for number_element in root.iter("{*}ErrorNumber")]
    answered = [{etree.QName(m).localname: m.text or "" for m in error} for error in errors if error is not None]
    matching = [
        {**error, "ErrorNumber": int(error["ErrorNumber"])} for error in answered if error["ErrorNumber"] == str(number)
    ]
    assert matching, f"no error {number} in {answered}"
    response = root.find("{*}Body/*")
    assert response is not None
    assert_catalogued(matching[0], number, code, etree.QName(response).localname.removesuffix("Response"))


@then(parsers.parse("the answer has the members of the vendor's example {operation} response, nil ones as nil"))
def _(world: World, operation: str) -> None:
    """Member for member, in order, where the vendor's example writes a member nil the answer does too."""
    assert world.raw is not None
    answered = _members(etree.fromstring(world.raw[1]))
    assert answered == _members(etree.parse(EXAMPLES / f"{operation}.response.xml").getroot())


@then("the answer writes these members nil:")
def _(world: World, datatable: list[list[str]]) -> None:
    assert world.raw is not None
    answered = _members(etree.fromstring(world.raw[1]))
    for (path,) in datatable[1:]:
        assert any(member.endswith(f"/{path} (nil)") for member in answered), f"{path} not nil in {answered}"


def _members(root: etree._Element) -> list[str]:
    """Each element of a message as its path of local names, marked where it is i:nil."""
    nil = "{http://www.w3.org/2001/XMLSchema-instance}nil"
    return [
        "/".join(etree.QName(node).localname for node in [*reversed(list(element.iterancestors())), element])
        + (" (nil)" if element.get(nil) == "true" else "")
        for element in root.iter()
        if isinstance(element.tag, str)
    ]


@given("the request splits time cards:")
def _(world: World, datatable: list[list[str]]) -> None:
    orders = []
    for row in rows(datatable):
        shares: dict[str, float | int] = {
            key: float(row[key]) for key in ("SplitPercent", "SplitAdjustmentAmount") if key in row
        }
        if "SplitMinutes" in row:
            shares["SplitMinutes"] = int(row["SplitMinutes"])
        identity = card_dict(
            world, {k: v for k, v in row.items() if k not in ("SplitPercent", "SplitMinutes", "SplitAdjustmentAmount")}
        )
        orders.append({**shares, "TimeCardIdentity": identity})
    world.request["SplitOrders"] = {"PwsTimeSplitOrder": orders}


@given(parsers.parse('the request\'s AdjustmentCodeIdentity is "{name}"'))
def _(world: World, name: str) -> None:
    world.request["AdjustmentCodeIdentity"] = {"AdjustmentCodeName": name}


@then(parsers.parse("card {card_id:d} was split into a new card"))
def _(world: World, card_id: int) -> None:
    splits = items(world.result()["TimeCardSplits"], "PwsTimeCardSplit")
    originals = [s for s in splits if s["OriginalTimeCardIdentity"]["TimecardId"] == card_id]
    assert len(originals) == 1, splits
    created = originals[0]["SplitTimeCardIdentity"]
    world.saved["split"] = Saved(created["TimecardUid"], created["TimecardType"], "")


@then(parsers.parse('the card saved as "{reference}" keeps the administrator comments "{comments}"'))
def _(world: World, reference: str, comments: str) -> None:
    with world.tenant.db() as db:
        stored = db.execute(
            "SELECT administrator_comments FROM pr_time_card WHERE uid = ?", (world.saved[reference].uid,)
        ).fetchone()[0]
    assert stored == comments


# -- PwsTransferTime and PwsGetTimeEntryProjectRole ---------------------------------------------------


@given(parsers.parse('a PwsTransferTime request of type "{adjustment_type}"'))
def _(world: World, adjustment_type: str) -> None:
    world.operation = "PwsTransferTime"
    world.request = {"AdjustmentType": adjustment_type}


@given(parsers.parse('a PwsTransferTime request of type ""'))
def _(world: World) -> None:
    world.operation, world.request = "PwsTransferTime", {"AdjustmentType": ""}


_ORDER_TARGETS = {
    "NewProjectCode": ("NewProjectIdentity", "ProjectCode"),
    "NewRoleUid": ("NewProjectRoleIdentity", "ProjectRoleUid"),
    "NewRoleExternalId": ("NewProjectRoleIdentity", "ExternalSystemIdentifier"),
    "NewRateTypeUid": ("NewProjectRateTypeIdentity", "ProjectRateTypeUid"),
    "NewRateTypeExternalId": ("NewProjectRateTypeIdentity", "ExternalSystemIdentifier"),
    "NewTaskUid": ("NewProjectTaskIdentity", "ProjectTaskUid"),
    "NewTaskExternalId": ("NewProjectTaskIdentity", "ExternalSystemIdentifier"),
}


@given("the request transfers time cards:")
def _(world: World, datatable: list[list[str]]) -> None:
    """A row is an order: its cards (ids or @references, comma-separated), their Timestamps, its target."""
    orders = []
    for row in rows(datatable):
        cards = [card.strip() for card in row["Cards"].split(",")] if row["Cards"] != "none" else []
        stamps = [stamp.strip() for stamp in row.get("Timestamps", "").split(",")] if "Timestamps" in row else []
        identities = []
        for index, card in enumerate(cards):
            identity = card_ref(world, card, row.get("CardType", "T"))
            if index < len(stamps) and stamps[index]:
                stamp = stamps[index]
                identity["Timestamp"] = world.saved[stamp[1:]].timestamp if stamp.startswith("@") else stamp
            identities.append(identity)
        order: dict[str, Any] = {"TimeCardIdentities": {"PwsVersionedTimecardRef": identities}}
        for column, (member, key) in _ORDER_TARGETS.items():
            if column in row:
                identity = order.setdefault(member, {})
                if row[column] != "none":  # "none": the identity element sent without any member
                    identity[key] = scalar(row[column])
        if "NewRoleName" in row:
            order["NewProjectRoleName"] = row["NewRoleName"]
        orders.append(order)
    world.request["TransferOrders"] = {"PwsTimeTransferOrder": orders}


def card_ids(world: World, listed: str) -> list[int]:
    """``45639611, @a``: dataset ids, or the ids of cards this scenario saved."""
    ids = []
    for card in (c.strip() for c in listed.split(",")):
        if card.startswith("@"):
            with world.tenant.db() as db:
                ids.append(
                    db.execute("SELECT id FROM pr_time_card WHERE uid = ?", (world.saved[card[1:]].uid,)).fetchone()[0]
                )
        else:
            ids.append(int(card))
    return sorted(ids)


@then(parsers.parse("the transferred time cards are exactly {listed}"))
def _(world: World, listed: str) -> None:
    identities = items(world.result()["TimeCardIdentities"], "PwsTimecardRef")
    assert sorted(identity["TimecardId"] for identity in identities) == card_ids(world, listed)


@then(parsers.parse("the response reports error {number:d} {code} twice"))
def _(world: World, number: int, code: str) -> None:
    matching = [m for m in messages(world) if m["ErrorNumber"] == number]
    assert len(matching) == 2, messages(world)
    for message in matching:
        assert_catalogued(message, number, code, world.answered)


@given(parsers.parse("the request's RoleIdentity is role {uid:d}"))
def _(world: World, uid: int) -> None:
    world.request["RoleIdentity"] = {"ProjectRoleUid": uid}


@given(parsers.parse('the request\'s RoleIdentity is the role with ExternalSystemIdentifier "{identifier}"'))
def _(world: World, identifier: str) -> None:
    world.request["RoleIdentity"] = {"ExternalSystemIdentifier": identifier}


def time_entry_projects(world: World) -> list[dict[str, Any]]:
    result = world.result()
    single = result.get("TimeEntryProject")
    return [single] if single else items(result.get("TimeEntryProjects"), "PwsTimeEntryProject")


@then(parsers.parse('the time entry project is "{code}" with:'))
def _(world: World, code: str, datatable: list[list[str]]) -> None:
    projects = [p for p in time_entry_projects(world) if p["ProjectDescriptor"]["ProjectCode"] == code]
    assert len(projects) == 1, [p["ProjectDescriptor"]["ProjectCode"] for p in time_entry_projects(world)]
    for column, cell in rows(datatable)[0].items():
        assert projects[0][column] == scalar(cell), f"{column}: {projects[0][column]!r}"


@then(parsers.parse("the time entry project offers the roles {uids}"))
def _(world: World, uids: str) -> None:
    (project,) = time_entry_projects(world)
    roles = items(project["ProjectDescriptor"]["ProjectRoles"], "PwsRole")
    assert sorted(role["ProjectRoleUid"] for role in roles) == sorted(int(uid) for uid in uids.split(","))


@then("the time entry project offers the task types:")
def _(world: World, datatable: list[list[str]]) -> None:
    (project,) = time_entry_projects(world)
    offered = items(project["ProjectTaskTypes"], "PwsTaskType")
    wanted = [{column: scalar(cell) for column, cell in row.items()} for row in rows(datatable)]
    assert [{column: task_type[column] for column in wanted[0]} for task_type in offered] == wanted, offered


@then(parsers.parse('the time entry project\'s task "{task}" is of task type "{name}"'))
def _(world: World, task: str, name: str) -> None:
    (project,) = time_entry_projects(world)
    types = {
        t["ProjectTaskTypeUid"]: t["ProjectTaskTypeName"] for t in items(project["ProjectTaskTypes"], "PwsTaskType")
    }
    (found,) = [t for t in items(project["ProjectTasks"], "PwsProjectTask") if t["Name"] == task]
    assert types[found["ProjectTaskTypeIdentity"]["ProjectTaskTypeUid"]] == name, found


@then(parsers.parse('the adjustment recorded is "{kind}" with the explanation "{explanation}"'))
def _(world: World, kind: str, explanation: str) -> None:
    with world.tenant.db() as db:
        recorded = db.execute("SELECT kind, explanation FROM pr_adjustment").fetchall()
    assert [tuple(row) for row in recorded] == [(kind, explanation)]


@then(parsers.parse("card {card_id:d} is {billing}"))
def _(world: World, card_id: int, billing: str) -> None:
    with world.tenant.db() as db:
        excluded = db.execute("SELECT excluded_from_billing FROM pr_time_card WHERE id = ?", (card_id,)).fetchone()[0]
    assert bool(excluded) is (billing == "excluded from billing")


def e123_roles(world: World, joins: str, condition: str, parameters: tuple[object, ...]) -> int:
    """How many roles of E123 (``r``, its resource ``s``) meet the condition, over the joins given."""
    with world.tenant.db() as db:
        count: int = db.execute(
            f"SELECT COUNT(*) FROM pr_role r JOIN pr_resource s ON s.uid = r.resource_uid {joins} "
            f"WHERE s.reference_system_id = 'E123' AND {condition}",
            parameters,
        ).fetchone()[0]
    return count


@then(parsers.parse('E123 has a role "{name}" on project "{code}"'))
def _(world: World, name: str, code: str) -> None:
    joins = "JOIN pr_project p ON p.uid = r.project_uid"
    assert e123_roles(world, joins, "r.name = ? AND p.code = ?", (name, code)) == 1


@then(parsers.parse('E123\'s role "{name}" is assigned to task {task_uid:d}'))
def _(world: World, name: str, task_uid: int) -> None:
    joins = "JOIN pr_task_role t ON t.role_uid = r.uid"
    assert e123_roles(world, joins, "r.name = ? AND t.task_uid = ?", (name, task_uid)) == 1


@then(parsers.parse("role {uid:d} runs from {start} to {end}"))
def _(world: World, uid: int, start: str, end: str) -> None:
    with world.tenant.db() as db:
        dates = db.execute("SELECT start_date, end_date FROM pr_role WHERE uid = ?", (uid,)).fetchone()
    assert tuple(dates) == (start, end)


@then(parsers.parse('the adjustment recorded is "{kind}" with the adjustment code "{name}"'))
def _(world: World, kind: str, name: str) -> None:
    with world.tenant.db() as db:
        recorded = db.execute(
            "SELECT a.kind, c.name FROM pr_adjustment a JOIN pr_adjustment_code c ON c.uid = a.adjustment_code_uid"
        ).fetchall()
    assert [tuple(row) for row in recorded] == [(kind, name)]


# -- the rate limiter (rate_limits.feature) ---------------------------------------------------------


@given(parsers.parse('I am logged in to Projector account "{account}" as "{user}"'))
def _(world: World, account: str, user: str) -> None:
    response = login(world, user, world.target.password(user, PASSWORDS[user]), account)
    assert response.Status == "Ok", response


@given(parsers.parse("the session has {count:d} hits in the window"))
def _(world: World, count: int) -> None:
    """Simulated with PwsTestRateLimiter, as a client would: its own call is one of the hits."""
    world.call("PwsTestRateLimiter", {"SimulateSessionHitsAfter": count - 1})
    assert world.fault is None, world.fault


@given(parsers.parse("{seconds:d} seconds of real time pass"))
def _(world: World, seconds: int) -> None:
    time.sleep(seconds)


@given(parsers.parse("{seconds:d} seconds pass"))
def _(world: World, seconds: int) -> None:
    with world.tenant.db() as db:
        clock.advance(db, timedelta(seconds=seconds))


@given("the rate limiter is set to:")
def _(world: World, datatable: list[list[str]]) -> None:
    with world.tenant.db() as db:
        rate_limits.configure(db, {name: scalar(value) for name, value in rows(datatable)[0].items()})


@given("the rate limiter is switched off")
def _(world: World) -> None:
    with world.tenant.db() as db:
        rate_limits.configure(db, {"enabled": False})


@then("the rate limit snapshot is:")
def _(world: World, datatable: list[list[str]]) -> None:
    expected = {name: scalar(value) for name, value in rows(datatable)[0].items()}
    snapshot = world.result()["RateLimitSnapshot"]
    assert {name: snapshot[name] for name in expected} == expected


def fault_message(world: World) -> dict[str, Any]:
    """The PwsMessage a PwsFault carries in the fault's detail."""
    assert world.fault is not None, "expected a SOAP fault"
    assert world.fault.detail is not None, "the fault has no detail"
    found = world.fault.detail.find(f"{{{COMMON}}}PwsFault/{{{COMMON}}}Messages/{{{COMMON}}}PwsMessage")
    assert found is not None, etree.tostring(world.fault.detail)
    message: dict[str, Any] = {etree.QName(member).localname: member.text or "" for member in found}
    message["ErrorNumber"] = int(message["ErrorNumber"])
    return message


@then("the answer is a PwsFault")
def _(world: World) -> None:
    assert world.fault is not None, "expected a SOAP fault"
    assert str(world.fault.code).endswith("Client"), world.fault.code
    fault_message(world)


@then(parsers.parse("the PWS fault is {number:d} {code}"))
def _(world: World, number: int, code: str) -> None:
    message = fault_message(world)
    assert_catalogued(message, number, code, world.answered)
    assert message["Type"] == "Error"
    assert world.fault is not None
    assert world.fault.message == message["ErrorText"]


@then(parsers.parse("the response reports warning {number:d} {code}"))
def _(world: World, number: int, code: str) -> None:
    matching = [message for message in messages(world) if message["ErrorNumber"] == number]
    assert matching, f"no message {number} in {messages(world)}"
    assert_catalogued(matching[0], number, code, world.answered)
    assert matching[0]["Type"] == "Warning"


@then(parsers.parse('the rate limit message names "{counts}"'))
def _(world: World, counts: str) -> None:
    if world.fault is not None:
        text = fault_message(world)["ErrorText"]
    else:
        text = next(m["ErrorText"] for m in messages(world) if m["ErrorCode"] == rate_limits.CODE)
    assert counts in text, text
