"""TimePunch's synchronised data: customers, projects, tasks and time entries, merged and read.

Merge rules (ApplyStaticData, ApplyTimeEntries and what PullAndSyncConnectedDevices pulls; the
vendor says only "merges with the already existing", features/timepunch/apply_*.feature say this):
- the key is the Id when a stored item has it, else the natural key: CustomerName + CustomerRefNr
  for a customer, ProjectName for a project, ProjectId + TaskName for a task (time entries: Id);
- an item the store does not hold is added; one it holds is replaced when the incoming LastUpdate
  is not older than the stored one, and kept otherwise (the newer side wins);
- a request is all or nothing: one invalid item and nothing of it is applied.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from mockserver.soap.envelope import interpret
from mockserver.state.database import Database, Row
from mockserver.timepunch.faults import TpError

EMPTY_GUID = "00000000-0000-0000-0000-000000000000"
Item = dict[str, Any]


def moment(value: str | None) -> datetime | None:
    """An xs:dateTime as a naive datetime (UTC when it had a zone); None for none, and for
    DateTime.MinValue (0001-01-01T00:00:00), what a WCF client sends for a DateTime it never set:
    a DateTime is a value type, which it cannot send nil."""
    if not value:
        return None
    parsed = interpret(_naive_utc, value)
    return None if parsed == datetime.min else parsed


def _naive_utc(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        return parsed
    try:
        return parsed.astimezone(UTC).replace(tzinfo=None)
    except OverflowError:  # moved past year 1 or 9999: .NET's XmlConvert clamps to DateTime.MinValue / MaxValue
        return datetime.min if parsed.year == 1 else datetime.max


def _newer_or_same(incoming: Item, stored_last_update: str | None) -> bool:
    new, old = moment(incoming.get("LastUpdate")), moment(stored_last_update)
    return old is None or new is None or new >= old


def _reference(item: Item, member: str) -> str | None:
    """A Guid member's value; None when absent, nil or the all-zero Guid, what a WCF client sends
    for a Guid it never set (a Guid is a value type, never nil)."""
    value = item.get(member)
    return value if value and value != EMPTY_GUID else None


def _identity(item: Item) -> str:
    return _reference(item, "Id") or str(uuid.uuid4())


class Merger:
    """Applies incoming static data and time entries to one tenant's store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def customer(self, item: Item) -> str:
        name, ref_nr = item.get("CustomerName"), item.get("CustomerRefNr")
        for member, value in (("CustomerName", name), ("CustomerRefNr", ref_nr)):
            if not value:  # the vendor's mandatory fields 'Customer' and 'Ref. Nr.'
                raise TpError(
                    "InvalidStaticData", fill=["customer", item.get("Id") or "(no Id)", f"{member} is required"]
                )
        return self._merge("tp_customer", item, {"name": name, "ref_nr": ref_nr}, {}, item)

    def project(self, item: Item) -> str:
        name = item.get("ProjectName")
        if not name:
            raise TpError("InvalidStaticData", fill=["project", item.get("Id") or "(no Id)", "ProjectName is required"])
        problem = _project_problem(item)
        if problem:
            raise TpError("InvalidStaticData", fill=["project", item.get("Id") or name, problem])
        customer_id = self.customer(item["Customer"]) if item.get("Customer") else None
        columns: Item = {"deleted": int(_flag(item, "IsProjectDeleted"))}
        if customer_id is not None:  # a project sent without its customer keeps the one it has
            columns["customer_id"] = customer_id
        payload = {key: value for key, value in item.items() if key not in ("Customer", "TaskList")}
        project_id = self._merge("tp_project", item, {"name": name}, columns, payload)
        for task in item.get("TaskList") or []:
            self.task({**task, "ProjectId": project_id})
        return project_id

    def task(self, item: Item) -> str:
        name, project_id = item.get("TaskName"), _reference(item, "ProjectId")
        if not name:
            raise TpError("InvalidStaticData", fill=["task", item.get("Id") or "(no Id)", "TaskName is required"])
        if project_id and self.db.execute("SELECT 1 FROM tp_project WHERE id = ?", (project_id,)).fetchone() is None:
            raise TpError(
                "InvalidStaticData", fill=["task", item.get("Id") or name, f"project {project_id} is unknown"]
            )
        return self._merge("tp_task", item, {"project_id": project_id, "name": name}, {}, item)

    def _merge(self, table: str, item: Item, natural_key: Item, columns: Item, payload: Item) -> str:
        """Add the item, or replace the stored one (by Id, else by natural key) unless that one is newer."""
        match = " AND ".join(f"{column} IS ?" for column in natural_key)
        stored = self.db.execute(
            f"SELECT id, last_update FROM {table} WHERE id = ? OR ({match}) ORDER BY id = ? DESC",
            (item.get("Id"), *natural_key.values(), item.get("Id")),
        ).fetchone()
        identity = _identity(item) if stored is None else str(stored["id"])
        if stored is not None and not _newer_or_same(item, stored["last_update"]):
            return identity
        values = {
            **natural_key,
            **columns,
            "last_update": item.get("LastUpdate"),
            "payload": json.dumps({**payload, "Id": identity}),
        }
        if stored is None:
            self.db.execute(
                f"INSERT INTO {table} (id, {', '.join(values)}) VALUES (?{', ?' * len(values)})",
                (identity, *values.values()),
            )
        else:
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*values.values(), identity))
        return identity

    def static_data(self, projects: Iterable[Item], tasks: Iterable[Item], customers: Iterable[Item]) -> None:
        for customer in customers:
            self.customer(customer)
        for project in projects:
            self.project(project)
        for task in tasks:
            self.task(task)

    def time_entry(self, item: Item, profile_id: str) -> str:
        entry_id = item.get("Id") or "(no Id)"
        logon, logoff = moment(item.get("LogonTime")), moment(item.get("LogoffTime"))
        if logon is None:
            raise TpError("InvalidTimeEntry", fill=[entry_id, "LogonTime is required"])
        if logoff is not None and logoff < logon:
            raise TpError("InvalidTimeEntry", fill=[entry_id, "LogoffTime is before LogonTime"])
        problem = _hours_problem(item, logon, logoff) or self._owner_problem(item, profile_id)
        if problem:
            raise TpError("InvalidTimeEntry", fill=[entry_id, problem])
        for column, table, member in (
            ("project", "tp_project", "ProjectId"),
            ("task", "tp_task", "TaskId"),
            ("customer", "tp_customer", "CustomerId"),
        ):
            referenced = _reference(item, member)
            if referenced and self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (referenced,)).fetchone() is None:
                raise TpError("InvalidTimeEntry", fill=[entry_id, f"the {column} {referenced} is unknown"])
        if not _reference(item, "ProjectId"):
            raise TpError("InvalidTimeEntry", fill=[entry_id, "ProjectId is required"])
        stored = self.db.execute(
            "SELECT profile_id, last_update FROM tp_time_entry WHERE id = ?", (item.get("Id"),)
        ).fetchone()
        if stored is not None and stored["profile_id"] != profile_id:
            raise TpError("InvalidTimeEntry", fill=[entry_id, "it belongs to another user profile"])
        new_id = _identity(item)
        row = (
            new_id,
            profile_id,
            logon.isoformat(),
            item.get("LastUpdate"),
            item.get("ProjectId"),
            _reference(item, "TaskId"),
            _reference(item, "CustomerId"),
            json.dumps({**item, "Id": new_id}),
        )
        if stored is None:
            self.db.execute(
                "INSERT INTO tp_time_entry (id, profile_id, logon_time, last_update, project_id, task_id, customer_id, "
                "payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
        elif _newer_or_same(item, stored["last_update"]):
            self.db.execute(
                "UPDATE tp_time_entry SET profile_id = ?, logon_time = ?, last_update = ?, project_id = ?, "
                "task_id = ?, customer_id = ?, payload = ? WHERE id = ?",
                (*row[1:], new_id),
            )
        return new_id

    def _owner_problem(self, item: Item, profile_id: str) -> str | None:
        """An entry's LogonName, when sent, must be the acting profile's: another profile's entries are
        applied by acting as it (TpAuthentication.Identity, which needs core@switchIdentity)."""
        owner = item.get("LogonName")
        if not owner:
            return None
        found = self.db.execute("SELECT id FROM tp_profile WHERE logon_name = ?", (owner,)).fetchone()
        if found is None:
            return f"LogonName {owner} names no user profile"
        if found["id"] != profile_id:
            return f"LogonName {owner} is another user profile; act as it (Identity) to apply its entries"
        return None


def _flag(item: Item, member: str) -> bool:
    """An xs:boolean member: "true" or "1"."""
    return item.get(member) in ("true", "1")


def _hours(item: Item, member: str) -> float | None:
    value = item.get(member)
    return None if value in (None, "") else interpret(float, value)


def _hours_problem(item: Item, logon: datetime, logoff: datetime | None) -> str | None:
    """BreakTime and Duration are hours: neither negative, and the break not longer than the entry."""
    hours = {member: _hours(item, member) for member in ("BreakTime", "Duration")}
    for member, value in hours.items():
        if value is not None and value < 0:
            return f"{member} is negative"
    break_hours = hours["BreakTime"]
    if break_hours and logoff is not None and break_hours * 3600 > (logoff - logon).total_seconds():
        return "BreakTime is longer than LogoffTime - LogonTime"
    return None


def _project_problem(item: Item) -> str | None:
    """ProjectDto's own rules: a time-limited project has its dates in order; a paid one a currency."""
    if _flag(item, "IsProjectTimeLimited"):
        start, end = moment(item.get("StartDate")), moment(item.get("EndDate"))
        if start is None or end is None:
            return "IsProjectTimeLimited needs StartDate and EndDate"
        if end < start:
            return "EndDate is before StartDate"
    if _flag(item, "IsPaid") and not item.get("Currency"):
        return "IsPaid needs a Currency"
    return None


# -- reading ---------------------------------------------------------------------------------------


def customer_dto(row: Row) -> Item:
    payload: Item = json.loads(row["payload"])
    return payload


def task_dto(row: Row) -> Item:
    payload: Item = json.loads(row["payload"])
    return payload


def project_dto(db: Database, row: Row) -> Item:
    """ProjectDto with its Customer and TaskList."""
    project: Item = json.loads(row["payload"])
    if row["customer_id"]:
        customer = db.execute("SELECT * FROM tp_customer WHERE id = ?", (row["customer_id"],)).fetchone()
        project["Customer"] = customer_dto(customer) if customer else None
    project["TaskList"] = [
        task_dto(task) for task in db.execute("SELECT * FROM tp_task WHERE project_id = ?", (row["id"],))
    ]
    return project


WORKDAY_HOURS = 8.0
"""The workday DurationAsDay relates an entry to (assumption: the vendor does not publish it)."""
_HOURS_MEMBER = {
    "WorkTime": "WorkTime",
    "DrivingTime": "DrivingTime",
    "Leave": "Leave",
    "SpecialLeave": "Leave",
    "Sickness": "Sick",
    "TakeOvertime": "TakenOvertime",
}
"""Which of TimeEntryDto's hour members an entry's hours go to, by its Usage."""


def time_entry_dto(db: Database, row: Row, profile: Row) -> Item:
    """TimeEntryDto: the saved members plus what TimeEntryDto adds: the names of what it references,
    its hours under its kind (WorkTime, Leave, ...), and its owner as CreatedBy and LastUpdatedBy
    (assumption: the mock keeps no other author)."""
    entry: Item = json.loads(row["payload"])
    project = db.execute("SELECT name, payload FROM tp_project WHERE id = ?", (row["project_id"],)).fetchone()
    task = db.execute("SELECT name, payload FROM tp_task WHERE id = ?", (row["task_id"],)).fetchone()
    customer = db.execute("SELECT name, ref_nr FROM tp_customer WHERE id = ?", (row["customer_id"],)).fetchone()
    if project is not None:
        project_payload = json.loads(project["payload"])
        entry["ProjectName"] = project["name"]
        entry["ProjectDescription"] = project_payload.get("ProjectDescription")
        for member in ("BackgroundColor", "TextColor"):
            entry[member] = project_payload.get(member) or 0
    if task is not None:
        task_payload = json.loads(task["payload"])
        entry["TaskName"] = task["name"]
        entry["TaskNameId"] = task_payload.get("TaskNameId")
        entry["TaskDescription"] = task_payload.get("TaskDescription")
    if customer is not None:
        entry["CustomerName"], entry["CustomerRefNr"] = customer["name"], customer["ref_nr"]
    hours = _entry_hours(entry)
    for member in set(_HOURS_MEMBER.values()):
        entry[member] = hours if _HOURS_MEMBER.get(entry.get("Usage") or "WorkTime") == member else 0.0
    entry["DurationAsDay"] = round(hours / WORKDAY_HOURS, 4)
    entry["IsVirtual"] = False  # a stored entry; virtual ones (weekends, missing workdays) are never stored
    owner = {key: profile[column] for key, column in _USER_PROFILE_COLUMNS}
    entry["CreatedBy"] = entry["LastUpdatedBy"] = owner
    entry["UserId"] = profile["id"]
    return entry


_USER_PROFILE_COLUMNS = (
    ("Email", "email"),
    ("Id", "id"),
    ("LogonName", "logon_name"),
    ("SaveAsName", "save_as_name"),
    ("UserName", "user_name"),
)
"""UserProfileDto's members and the tp_profile columns that hold them."""


def _entry_hours(entry: Item) -> float:
    """The entry's hours: its Duration, else LogoffTime - LogonTime less BreakTime."""
    duration = _hours(entry, "Duration")
    if duration is not None:
        return duration
    logon, logoff = moment(entry.get("LogonTime")), moment(entry.get("LogoffTime"))
    if logon is None or logoff is None:
        return 0.0
    return max((logoff - logon).total_seconds() / 3600 - (_hours(entry, "BreakTime") or 0.0), 0.0)


def deposit_in_cloud(db: Database, device_id: str, entry: Item) -> None:
    """The mock's side: a device leaves a time entry in the TimePunch Cloud, for the next pull."""
    db.execute("INSERT INTO tp_cloud_entry (device_id, payload) VALUES (?, ?)", (device_id, json.dumps(entry)))
