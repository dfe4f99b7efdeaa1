"""PWS messages to and from plain values: the vendor's namespaces, element names and member order.

Requests arrive already validated against the contract, so readers trust the shape and only
interpret values. Writers emit members in the contract's (WCF DataContract) order; strict mode
validates every response, so an ordering slip here is caught by the tests, not by a client.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from lxml import etree

from mockserver.projector.catalogue import PwsError
from mockserver.projector.model import CardDetail, CardRef, EntityRef, code_value, timestamp_of
from mockserver.soap import ns
from mockserver.soap.envelope import interpret
from mockserver.state.database import Database, Row

PWS = "http://projectorpsa.com/PwsProjectorServices/"
REQ = "http://projectorpsa.com/DataContracts/Requests/"
RESP = "http://projectorpsa.com/DataContracts/Responses/"
TAC = "http://projectorpsa.com/DataContracts/Shared/TimeAndCost/"
COM = "http://projectorpsa.com/DataContracts/Shared/Common/"
CS = "http://projectorpsa.com/CommonServices/"
_NIL = f"{{{ns.XSI}}}nil"

# -- reading -----------------------------------------------------------------------------------


def q(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}"


def child(parent: etree._Element | None, namespace: str, local: str) -> etree._Element | None:
    """The child element, or None when it is absent or ``i:nil``."""
    if parent is None:
        return None
    found = next(parent.iterchildren(q(namespace, local)), None)  # 2.5x faster than find(): no path parsing
    if found is None or found.get(_NIL) in ("true", "1"):
        return None
    return found


def text(parent: etree._Element | None, namespace: str, local: str) -> str | None:
    found = child(parent, namespace, local)
    return None if found is None else (found.text or "")


def integer(parent: etree._Element | None, namespace: str, local: str) -> int | None:
    value = text(parent, namespace, local)
    return None if value is None else interpret(int, value)


def decimal(parent: etree._Element | None, namespace: str, local: str) -> float | None:
    value = text(parent, namespace, local)
    return None if value is None else interpret(float, value)


def flag(parent: etree._Element | None, namespace: str, local: str) -> bool:
    return text(parent, namespace, local) in ("true", "1")


def optional_flag(parent: etree._Element | None, namespace: str, local: str) -> bool | None:
    """An xs:boolean member, None when it was not sent (a stored value is then kept)."""
    value = text(parent, namespace, local)
    return None if value is None else value in ("true", "1")


def instant(parent: etree._Element | None, namespace: str, local: str) -> datetime | None:
    """An xs:dateTime as a datetime: aware when the value has a zone, naive when it has none."""
    value = text(parent, namespace, local)
    if value is None:
        return None
    head, dot, fraction = value.partition(".")
    beyond_microseconds = ""
    if dot:  # .NET writes up to 7 fraction digits; Python takes 6
        digits = re.match(r"\d*", fraction)
        count = digits.end() if digits else 0
        beyond_microseconds = fraction[6:count]
        value = f"{head}.{fraction[:count][:6].ljust(6, '0')}{fraction[count:]}"
    parsed = interpret(datetime.fromisoformat, value)
    if beyond_microseconds.strip("0") and parsed.replace(tzinfo=None) < datetime.max:
        parsed += timedelta(microseconds=1)  # 100 ns past an instant is past it: never cut back onto midnight
    return parsed


def day(parent: etree._Element | None, namespace: str, local: str) -> date | None:
    value = instant(parent, namespace, local)
    return None if value is None else value.date()


def items(parent: etree._Element | None, namespace: str, local: str) -> list[etree._Element] | None:
    """The items of an array member; None when the member is absent (an empty list when sent empty)."""
    array = child(parent, namespace, local)
    if array is None:
        return None
    return [item for item in array if isinstance(item.tag, str) and item.get(_NIL) not in ("true", "1")]


_EXTERNAL = ("ExternalSystemIdentifier", "external_system_id", str)
"""A client's own key of a role, task or rate type (the only member a Pws*Ref needs), tried after uid and id."""
_REF_FIELDS: dict[str, tuple[tuple[str, str, type], ...]] = {
    "project": (("ProjectUid", "uid", int), ("ProjectId", "id", int), ("ProjectCode", "code", str)),
    "resource": (
        ("ResourceUid", "uid", int),
        ("ResourceId", "id", int),
        ("ResourceReferenceSystemId", "reference_system_id", str),
        ("ResourceDisplayName", "name", str),
    ),
    "role": (("ProjectRoleUid", "uid", int), ("ProjectRoleId", "id", int), _EXTERNAL),
    "task": (("ProjectTaskUid", "uid", int), ("ProjectTaskId", "id", int), _EXTERNAL),
    "task_role": (("ProjectTaskRoleUid", "uid", int), ("ProjectTaskRoleId", "id", int)),
    "task_type": (("ProjectTaskTypeUid", "uid", int), ("ProjectTaskTypeId", "id", int), _EXTERNAL),
    "rate_type": (("ProjectRateTypeUid", "uid", int), ("ProjectRateTypeId", "id", int), _EXTERNAL),
    "location": (("LocationUid", "uid", int), ("LocationId", "id", int), ("LocationName", "name", str)),
    "adjustment_code": (
        ("AdjustmentCodeUid", "uid", int),
        ("AdjustmentCodeId", "id", int),
        ("AdjustmentCodeName", "name", str),
    ),
    "timeoff_reason": (
        ("TimeOffReasonUid", "uid", int),
        ("TimeOffReasonId", "id", int),
        ("TimeOffReasonName", "name", str),
    ),
}


def entity_ref(parent: etree._Element | None, namespace: str, local: str, kind: str) -> EntityRef | None:
    """An identity member (PwsProjectRef, PwsResourceRef, ...) as the criteria the client sent."""
    element = child(parent, namespace, local)
    if element is None:
        return None
    criteria = []
    for name, column, convert in _REF_FIELDS[kind]:
        value = text(element, COM, name)
        if value:
            criteria.append((column, convert(value)))
    return EntityRef(kind, tuple(criteria))


def card_ref(element: etree._Element) -> CardRef:
    """PwsTimecardRef (Common members) plus, when present, the detail's Timestamp."""
    return CardRef(
        card_type=code_value(text(element, COM, "TimecardType")),
        card_uid=integer(element, COM, "TimecardUid"),
        card_id=integer(element, COM, "TimecardId"),
        reference_id=text(element, COM, "ReferenceId"),
        timestamp=text(element, TAC, "Timestamp"),
    )


def udf_value(parent: etree._Element, local: str) -> str | None:
    """A PwsUserDefinedFieldDetail's value, whichever typed member carries it."""
    element = child(parent, TAC, local)
    if element is None:
        return None
    for member in ("TextValue", "IntegerValue", "NumericValue", "BooleanValue", "DateValue"):
        value = text(element, COM, member)
        if value is not None:
            return value
    return None


def card_detail(element: etree._Element) -> CardDetail:
    """PwsTimecardDetail or PwsTimeOffCardDetail: what was sent, and which ClearFlags are set."""
    values: dict[str, Any] = {
        "work_date": day(element, TAC, "WorkDate"),
        "work_minutes": integer(element, TAC, "WorkMinutes"),
        "description": text(element, TAC, "Description"),
        "card_status": text(element, TAC, "CardStatus"),
        "rejected_reason": text(element, TAC, "RejectedReason"),
        "udf1": udf_value(element, "Udf1"),
        "udf2": udf_value(element, "Udf2"),
        "external_grouping_id": integer(element, TAC, "ExternalGroupingIdentifier"),
        "location": entity_ref(element, TAC, "LocationIdentity", "location"),
        "project": entity_ref(element, TAC, "ProjectIdentity", "project"),
        "role": entity_ref(element, TAC, "RoleIdentity", "role"),
        "task": entity_ref(element, TAC, "ProjectTaskIdentity", "task"),
        "rate_type": entity_ref(element, TAC, "ProjectRateTypeIdentity", "rate_type"),
        "timeoff_reason": entity_ref(element, TAC, "TimeOffReasonIdentity", "timeoff_reason"),
    }
    clear_flags = {
        "description": "DescriptionClearFlag",
        "location": "LocationClearFlag",
        "role": "RoleClearFlag",
        "udf1": "Udf1ClearFlag",
        "udf2": "Udf2ClearFlag",
        "external_grouping_id": "ExternalGroupingIdentifierClearFlag",
    }
    cleared = {field for field, member in clear_flags.items() if flag(element, TAC, member)}
    return CardDetail(ref=card_ref(element), values=values, clear=cleared)


# -- writing -----------------------------------------------------------------------------------


def xml_instant(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def xml_day(value: str | date) -> str:
    return f"{value if isinstance(value, str) else value.isoformat()}T00:00:00Z"


def add(parent: etree._Element, namespace: str, local: str, value: Any) -> etree._Element | None:
    """Append ``<local>value</local>`` unless value is None; a list of elements becomes its children,
    an element of that name is appended as it is."""
    if value is None:
        return None
    if isinstance(value, etree._Element):
        value.tag = q(namespace, local)
        parent.append(value)
        return value
    element = etree.SubElement(parent, q(namespace, local))
    if isinstance(value, bool):
        element.text = "true" if value else "false"
    elif isinstance(value, datetime):
        element.text = xml_instant(value)
    elif isinstance(value, list):
        element.extend(value)
    else:
        element.text = str(value)
    return element


def add_nil(parent: etree._Element, namespace: str, local: str) -> None:
    etree.SubElement(parent, q(namespace, local)).set(_NIL, "true")


def members(namespace: str, local: str, pairs: Iterable[tuple[str, str, Any]]) -> etree._Element:
    """An element whose members are ``(namespace, name, value)`` in contract order (None skipped)."""
    element = etree.Element(q(namespace, local))
    for member_ns, name, value in pairs:
        add(element, member_ns, name, value)
    return element


def sequence(pairs: Iterable[tuple[str, str, Any]]) -> list[etree._Element]:
    """Members ``(namespace, name, value)`` as a list of elements, None values skipped."""
    return list(members(TAC, "_", pairs))


def ref_members(kind: str, row: Row | None) -> list[tuple[str, str, Any]] | None:
    """The members of a Pws*Ref for ``row`` (Common namespace, alphabetical as WCF writes them)."""
    if row is None:
        return None
    keys = row.keys()
    pairs = [(COM, name, row[column]) for name, column, _ in _REF_FIELDS[kind] if column in keys]
    return sorted(pairs, key=lambda pair: pair[1])


def ref(namespace: str, local: str, kind: str, row: Row | None) -> etree._Element | None:
    pairs = ref_members(kind, row)
    return None if pairs is None else members(namespace, local, pairs)


_STATUS_WORD = {"D": "Draft", "R": "Rejected", "S": "Submitted", "A": "Approved"}


def card_element(db: Database, card: Row, local: str, reference_id: str | None = None) -> etree._Element:
    """A stored card as PwsTimecardDetail (type T) or PwsTimeOffCardDetail (type R)."""

    def row(table: str, uid: int | None) -> Row | None:
        if uid is None:
            return None
        found: Row | None = db.execute(f"SELECT * FROM {table} WHERE uid = ?", (uid,)).fetchone()
        return found

    element = etree.Element(q(TAC, local))
    add(element, COM, "ReferenceId", reference_id)
    add(element, COM, "TimecardId", card["id"])
    add(element, COM, "TimecardType", card["type"])
    add(element, COM, "TimecardUid", card["uid"])
    add(element, TAC, "Description", card["description"])
    add(element, TAC, "RejectedReason", card["rejected_reason"])
    add(element, TAC, "Status", _STATUS_WORD.get(card["status"]))
    add(element, TAC, "WorkDate", xml_day(card["work_date"]))
    add(element, TAC, "WorkMinutes", card["work_minutes"])
    add(element, TAC, "Timestamp", timestamp_of(card["version"]))
    add(element, TAC, "CardStatus", card["status"])
    if card["type"] == "R":
        put(
            element,
            ref(TAC, "TimeOffReasonIdentity", "timeoff_reason", row("pr_timeoff_reason", card["timeoff_reason_uid"])),
        )
        return element
    put(element, ref(TAC, "LocationIdentity", "location", row("pr_location", card["location_uid"])))
    put(element, ref(TAC, "ProjectIdentity", "project", row("pr_project", card["project_uid"])))
    put(element, ref(TAC, "ProjectRateTypeIdentity", "rate_type", row("pr_rate_type", card["rate_type_uid"])))
    put(element, ref(TAC, "ProjectTaskIdentity", "task", row("pr_task", card["task_uid"])))
    put(element, ref(TAC, "RoleIdentity", "role", row("pr_role", card["role_uid"])))
    for slot in (1, 2):
        if card[f"udf{slot}"] is not None:
            element.append(members(TAC, f"Udf{slot}", [(COM, "TextValue", card[f"udf{slot}"])]))
    add(element, TAC, "ExternalGroupingIdentifier", card["external_grouping_id"])
    return element


def put(parent: etree._Element, element: etree._Element | None) -> None:
    """Append ``element`` unless it is None (an absent optional member)."""
    if element is not None:
        parent.append(element)


def error_detail(parent: etree._Element, error: PwsError | None, operation: str) -> None:
    """PwsErrorDetail of a failed item, or ``i:nil`` when the item succeeded."""
    if error is None:
        add_nil(parent, TAC, "ErrorDetail")
        return
    entry = error.entry(operation)
    details = [
        (COM, "ErrorCode", entry.code),
        (COM, "ErrorNumber", entry.number),
        (COM, "ErrorText", error.text(operation)),
    ]
    parent.append(members(TAC, "ErrorDetail", details))
