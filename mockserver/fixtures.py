"""Datasets: the default one built with faker from a fixed seed, or one loaded from a JSON file.

A dataset is plain data, ``{table: [row, ...]}``, so a user can export, edit and load it
(``mockserver serve --dataset FILE``). The default dataset holds every entity the vendor's
examples name, so those examples run against the mock as they are (the ticket aside), and
what each documented error needs to be reachable (a closed period, an FRO card, a deleted card...).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from mockserver.resources import FIXTURES_DIR
from mockserver.state.datasets import InvalidDataset
from mockserver.timepunch.access import DEFAULT_CUSTOMER_TOKEN

Row = dict[str, Any]
Dataset = dict[str, list[Row]]

DEFAULT_SEED = 20180309

DEMO_ACCOUNT = "DEMO"
DEMO_USER = "api.admin@example.com"
DEMO_PASSWORD = "demo-password"  # noqa: S105 - a published demo login of the mock
"""A demo login that may enter time on behalf of others (as the vendor's example does)."""

_FIRST_UID = 1152921504606846976  # 2**60: the vendor's uids live just above it
_OPEN_SPAN = ("2017-01-01", "2030-12-31")
"""The days the dataset's projects are open and its roles last, unless a row says otherwise."""


def _faker(locale: str, seed: int) -> Any:
    from faker import Faker  # here: only a build needs it, and importing it is a third of start-up

    fake = Faker(locale)
    fake.seed_instance(seed)
    return fake


class _Numbers:
    """Hands out ids and uids that never collide with the vendor examples' fixed ones."""

    def __init__(self) -> None:
        self._next_id = 1000
        self._next_uid = _FIRST_UID + 9_000_000

    def pair(self) -> tuple[int, int]:
        self._next_id += 1
        self._next_uid += 1
        return self._next_id, self._next_uid


def projector_dataset(seed: int = DEFAULT_SEED) -> Dataset:
    """The default Projector dataset: the vendor examples' entities plus faker-made neighbours."""
    fake = _faker("en_US", seed)
    numbers = _Numbers()
    data: Dataset = {}

    def add(table: str, **row: Any) -> Row:
        data.setdefault(table, []).append(row)
        return row

    account = add("pr_account", uid=_FIRST_UID + 1, id=1, code=DEMO_ACCOUNT, name=fake.company())

    def resource(reference: str, name: str | None = None, email: str | None = None, **flags: int) -> Row:
        rid, uid = numbers.pair()
        name = name or fake.name()
        email = email or f"{name.lower().replace(' ', '.')}@example.com"
        row = {"reference_system_id": reference, "name": name, "email": email, "account_uid": account["uid"], **flags}
        return add("pr_resource", uid=uid, id=rid, **row)

    e123 = resource("E123", email="e123@example.com")
    admin_resource = resource("E100", "Api Admin", "api.admin@example.com")
    viewer_resource = resource("E101")
    colleagues = [resource(f"E{200 + n}") for n in range(6)]
    data["pr_resource"].append({**resource("E300"), "active": 0})
    data["pr_resource"].pop(-2)  # the inactive resource replaces its active draft

    def user(user_name: str, password: str, resource_row: Row | None, in_account: Row = account, **rights: int) -> Row:
        uid_id, uid = numbers.pair()
        return add(
            "pr_user",
            uid=uid,
            id=uid_id,
            account_uid=in_account["uid"],
            user_name=user_name,
            password=password,
            display_name=resource_row["name"] if resource_row else fake.name(),
            email=user_name,
            resource_uid=resource_row["uid"] if resource_row else None,
            **rights,
        )

    user(DEMO_USER, DEMO_PASSWORD, admin_resource, may_save_time=1, may_enter_for_others=1, super_user=1)
    user("e123@example.com", "e123-password", e123, may_save_time=1, may_enter_for_others=0)
    user("viewer@example.com", "viewer-password", viewer_resource, may_save_time=0, may_enter_for_others=0)
    user("no.resource@example.com", "no-resource-password", None, may_save_time=1, may_enter_for_others=0)
    user("ui.only@example.com", "ui-only-password", colleagues[0], may_use_web_services=0)
    # One e-mail in two accounts: the Ops header then needs its AccountName.
    other_account = add("pr_account", uid=_FIRST_UID + 2, id=2, code="ACME", name=fake.company())
    user("shared@example.com", "shared-password", colleagues[1], may_enter_for_others=1)
    user("shared@example.com", "shared-password", None, in_account=other_account)

    for lid, (name, uid) in enumerate([("USA", 1152921504606847100), ("Canada", None), ("UK", None)], start=1):
        add("pr_location", uid=uid or numbers.pair()[1], id=lid, name=name)
    for rid, name in enumerate(["Vacation", "Sick", "Holiday"], start=1):
        add("pr_timeoff_reason", uid=_FIRST_UID + 500 + rid, id=rid, name=name)

    for cid, (name, uid) in enumerate([("Other", 1152921504606858479), ("Correction", None)], start=1):
        add("pr_adjustment_code", uid=uid or numbers.pair()[1], id=cid, name=name)

    add("pr_udf", slot=1, name="Billing Category", allowed_values=json.dumps(["Standard", "Overtime", "Travel"]))
    add("pr_udf", slot=2, name="Ticket", allowed_values=None)

    for period_start in _month_starts(date(2017, 1, 1), date(2030, 12, 1)):
        closed = period_start == date(2018, 2, 1)
        add(
            "pr_accounting_period",
            start_date=period_start.isoformat(),
            end_date=(_next_month(period_start) - timedelta(days=1)).isoformat(),
            closed_for_time=int(closed),
        )

    def project(code: str, uid: int | None = None, pid: int | None = None, **flags: Any) -> Row:
        new_id, new_uid = numbers.pair()
        return add(
            "pr_project",
            uid=uid or new_uid,
            id=pid or new_id,
            code=code,
            name=flags.pop("name", fake.catch_phrase()),
            open_date=_OPEN_SPAN[0],
            close_date=_OPEN_SPAN[1],
            **{"account_uid": account["uid"], **flags},
        )

    def child(table: str, uid: int | None = None, cid: int | None = None, **row: Any) -> Row:
        new_id, new_uid = numbers.pair()
        return add(table, uid=uid or new_uid, id=cid or new_id, **row)

    def role(
        project: Row,
        name: str,
        resource: Row,
        dates: tuple[str, str] | None = None,
        uid: int | None = None,
        cid: int | None = None,
    ) -> Row:
        """``resource``'s role on ``project``; without ``dates`` its row leaves them to the schema."""
        days = {} if dates is None else {"start_date": dates[0], "end_date": dates[1]}
        row = {"project_uid": project["uid"], "name": name, "resource_uid": resource["uid"], **days}
        return child("pr_role", uid=uid, cid=cid, **row)

    def task_type(number: int, of: Row, name: str, narrative_required: int = 0) -> Row:
        """A project task type, with a fixed uid and id: it takes no pair from ``numbers``, so every
        row made after it keeps the ids it had before task types existed."""
        return add(
            "pr_project_task_type",
            uid=_FIRST_UID + 600 + number,
            id=number,
            project_uid=of["uid"],
            name=name,
            narrative_required=narrative_required,
        )

    # The vendor examples' projects, with the uids and ids their requests use.
    pm_project = project("P001396-001", pm_module=1, name="Website Relaunch")
    pm_task_type = task_type(1, pm_project, "Design")
    pm_rate_type = child("pr_rate_type", uid=1152921504607370468, project_uid=pm_project["uid"], name="Standard")
    pm_task = child("pr_task", uid=1152921504608637344, project_uid=pm_project["uid"], name="Design", code="1.1")
    pm_role = role(pm_project, "Consultant", e123, _OPEN_SPAN, uid=1152921504609525049)
    child(
        "pr_task_role", uid=1152921504608549426, task_uid=pm_task["uid"], role_uid=pm_role["uid"], remaining_minutes=600
    )
    admin_role = role(pm_project, "Project Manager", admin_resource, _OPEN_SPAN)
    child("pr_task_role", task_uid=pm_task["uid"], role_uid=admin_role["uid"], remaining_minutes=120)

    transfer_target = project("P001556-001", uid=1152921504607450760, pid=603784, name="Active Support")
    support_rate_type = child(
        "pr_rate_type", uid=1152921504607410067, cid=563091, project_uid=transfer_target["uid"], name="Standard"
    )
    # Its task types: time on Support needs a description (NarrativeRequiredFlag), Maintenance's does not.
    support_type = task_type(2, transfer_target, "Support", narrative_required=1)
    task_type(3, transfer_target, "Maintenance")
    support = child("pr_task", uid=1152921504608940940, cid=2093964, project_uid=transfer_target["uid"], name="Support")
    developer = role(
        transfer_target, "Developer", e123, ("2018-01-01", "2018-12-31"), uid=1152921504609801802, cid=2954826
    )
    # A task role on a project without the PM module: estimates do not apply to it.
    child("pr_task_role", uid=1152921504608549500, task_uid=support["uid"], role_uid=developer["uid"])
    # A client may name a role, task or rate type by its own ExternalSystemIdentifier alone (page 003).
    for named, identifier in (
        (pm_role, "ROLE-WEB-E123"),
        (admin_role, "ROLE-WEB-PM"),
        (developer, "ROLE-SUPPORT-E123"),
        (pm_task, "TASK-WEB-DESIGN"),
        (support, "TASK-SUPPORT"),
        (pm_rate_type, "RT-WEB-STD"),
        (support_rate_type, "RT-SUPPORT-STD"),
    ):
        named["external_system_id"] = identifier
    for task, its_type in ((pm_task, pm_task_type), (support, support_type)):
        task["task_type_uid"] = its_type["uid"]

    # Projects whose rules the features exercise: description required, UDF 1 required.
    strict_project = project(
        "P002000-001", description_required=1, udf1_treatment="R", udf2_treatment="N", name="Regulated Audit"
    )
    child("pr_rate_type", project_uid=strict_project["uid"], name="Standard")
    child("pr_task", project_uid=strict_project["uid"], name="Fieldwork")
    role(strict_project, "Auditor", e123, _OPEN_SPAN, uid=1152921504609900001)

    role(strict_project, "Reviewer", e123)
    # A second role of E123 on the transfer target, whose dates do not cover March 2018.
    role(transfer_target, "Tester", e123, ("2018-06-01", "2018-06-30"), uid=1152921504609801803)
    # Projects E123 has no role on: one allows booking time without a role (and on unassigned tasks), one does not.
    open_booking = project("P001700-001", allow_booking=1, allow_assignment=1, name="Open Booking")
    child("pr_rate_type", project_uid=open_booking["uid"], name="Standard")
    child("pr_task", project_uid=open_booking["uid"], name="General")
    closed_team = project("P001800-001", name="Closed Team", booked_resources_only=1)
    role(closed_team, "Member", colleagues[0])

    closed_for_time = project("P001900-001", open_flag=0, name="Finished Rollout")
    role(closed_for_time, "Consultant", e123)
    for code in ("USD", "EUR", "GBP", "CAD"):
        add("pr_currency", code=code)

    for _ in range(4):
        extra = project(f"P00{fake.unique.random_int(3000, 9999)}-001", pm_module=fake.random_int(0, 1))
        child("pr_rate_type", project_uid=extra["uid"], name="Standard")
        child("pr_task", project_uid=extra["uid"], name=fake.bs().title()[:50])
        for colleague in fake.random_elements(colleagues, length=2, unique=True):
            role(extra, fake.job()[:50], colleague, _OPEN_SPAN)

    def card(uid: int | None = None, cid: int | None = None, **row: Any) -> Row:
        row.setdefault("type", "T")
        row.setdefault("resource_uid", e123["uid"])
        if row["type"] == "T":
            row.setdefault("project_uid", pm_project["uid"])
            row.setdefault("role_uid", pm_role["uid"])
            row.setdefault("task_uid", pm_task["uid"])
        row.setdefault("work_minutes", 60)
        return child("pr_time_card", uid=uid, cid=cid, **row)

    # The card of the vendor's PwsTransferTime example, and one card per documented state.
    card(uid=1152921504652486587, cid=45639611, work_date="2018-03-05", description="Example card")
    card(uid=1152921504652486588, cid=45639612, work_date="2018-03-06", status="A", description="Approved card")
    card(
        uid=1152921504652486589,
        cid=45639613,
        work_date="2018-02-14",
        status="S",
        description="Submitted in the closed February 2018 period",
    )
    card(
        uid=1152921504652486590,
        cid=45639614,
        work_date="2018-03-07",
        status="A",
        for_reporting_only=1,
        description="History from a previous system",
    )
    card(uid=1152921504652486591, cid=45639615, work_date="2018-03-08", deleted=1, description="Deleted card")
    card(uid=1152921504652486594, cid=45639618, work_date="2018-01-10", status="I", description="Invoiced card")
    card(
        uid=1152921504652486592,
        cid=45639616,
        type="R",
        timeoff_reason_uid=_FIRST_UID + 501,
        work_date="2018-03-12",
        work_minutes=480,
    )
    card(
        uid=1152921504652486593,
        cid=45639617,
        type="R",
        timeoff_reason_uid=_FIRST_UID + 502,
        work_date="2018-03-13",
        work_minutes=480,
        deleted=1,
    )

    # Faker-made history for the colleagues, so reads and searches have neighbours to skip.
    for colleague in colleagues:
        for day in range(10):
            card(
                resource_uid=colleague["uid"],
                work_date=(date(2018, 3, 1) + timedelta(days=day)).isoformat(),
                work_minutes=fake.random_int(1, 16) * 30,
                description=fake.sentence(nb_words=6),
                status=fake.random_element("DSA"),
            )

    # Rows added since, last so that every id and uid above stays as it was.
    # A colleague's role on the open project: booking there does not open another resource's role.
    role(open_booking, "Coordinator", colleagues[1], uid=1152921504609900002)
    # The second account's own resource and project: an Ops batch of ACME sees these, not DEMO's.
    acme_resource = resource("A100", account_uid=other_account["uid"])
    acme_project = project("A000100-001", name="Acme Rollout", account_uid=other_account["uid"])
    child("pr_task", project_uid=acme_project["uid"], name="General")
    role(acme_project, "Consultant", acme_resource, _OPEN_SPAN)

    id_next, uid_next = numbers.pair()
    add("pr_sequence", name="id", next_value=max(id_next, 50_000_000))
    add("pr_sequence", name="uid", next_value=max(uid_next, 1152921504700000000))
    return data


def _month_starts(first: date, last: date) -> Iterator[date]:
    current = first
    while current <= last:
        yield current
        current = _next_month(current)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def load_dataset_file(path: Path) -> Dataset:
    """A dataset saved as JSON: ``{"table": [{"column": value, ...}, ...]}`` (its tables and columns are
    checked when it is inserted); :class:`InvalidDataset` when the file cannot be read as JSON."""
    try:
        loaded: Dataset = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InvalidDataset(error.strerror or str(error)) from None
    except UnicodeDecodeError:
        raise InvalidDataset("not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise InvalidDataset(f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    return loaded


TIMEPUNCH_CUSTOMER_TOKEN = DEFAULT_CUSTOMER_TOKEN
TIMEPUNCH_PROFILES = {
    # logon name: (password, permissions)
    "ralf.herrmann": (
        "tpdemo",
        "core@logon core@switchIdentity sync@access timeEntries@download timeEntries@upload "
        "projects@download projects@upload",
    ),
    "anna.schmidt": (
        "anna-password",
        "core@logon sync@access timeEntries@download timeEntries@upload projects@download projects@upload",
    ),
    "max.mueller": ("max-password", "core@logon sync@access"),
    "no.sync": ("no-sync-password", "core@logon"),
}
"""TimePunch logins of the default dataset, with the permission sets the features exercise."""
_PROJECT_PRICE = {"IsPaid": "true", "PricePerHour": "95", "Currency": "EUR"}
"""What every TimePunch project of the default dataset bills."""


def md5_upper(password: str) -> str:
    """What TpAuthentication.TpHashedPwd carries: the upper-case hex MD5 of the password."""
    return hashlib.md5(password.encode("utf-8"), usedforsecurity=False).hexdigest().upper()


def timepunch_dataset(seed: int = DEFAULT_SEED) -> Dataset:
    """The default TimePunch dataset: profiles with different permissions, devices in every binding
    state (one with entries waiting in the cloud), customers, projects, tasks and time entries."""
    fake = _faker("de_DE", seed)
    data: Dataset = {}

    def add(table: str, **row: Any) -> Row:
        data.setdefault(table, []).append(row)
        return row

    def guid() -> str:
        return str(uuid.UUID(int=fake.random.getrandbits(128), version=4))

    stamp = "2024-01-08T10:00:00"

    def synced(kind: str, row_id: str, columns: Row, members: dict[str, str]) -> Row:
        """A row of ``tp_<kind>``, which clients synchronise: its columns, and as payload the DTO they
        receive, ``members`` framed by what every DTO carries (Id, the stamps, Is<Kind>Deleted)."""
        dto = {"Id": row_id, "LastUpdate": stamp, "Created": stamp, **members, f"Is{kind}Deleted": "false"}
        return add(f"tp_{kind.lower()}", id=row_id, **columns, last_update=stamp, payload=json.dumps(dto))

    add("tp_customer_token", token=TIMEPUNCH_CUSTOMER_TOKEN)
    profiles = {}
    for logon, (password, permissions) in TIMEPUNCH_PROFILES.items():
        first, last = (part.title() for part in logon.split("."))
        profiles[logon] = add(
            "tp_profile",
            id=guid(),
            logon_name=logon,
            password_md5=md5_upper(password),
            user_name=f"{first} {last}",
            save_as_name=f"{last}, {first}",
            email=f"{logon}@example.com",
            permissions=permissions,
        )
    profiles["ralf.herrmann"]["last_sync_time"] = "2024-03-01T00:00:00"

    customers = []
    for _ in range(3):
        customer_id, name, ref_nr = guid(), fake.company(), str(fake.random_int(10000, 99999))
        dto = {"CustomerName": name, "CustomerRefNr": ref_nr, "EMailAddress": fake.company_email()}
        customers.append(synced("Customer", customer_id, {"name": name, "ref_nr": ref_nr}, dto))
    projects, tasks = [], []
    for number, customer in enumerate(customers, start=1):
        project_id, name = guid(), f"PRJ-{number:03d} {fake.word().title()}"
        dto = {"ProjectName": name, "ProjectDescription": fake.sentence(nb_words=4), **_PROJECT_PRICE}
        projects.append(synced("Project", project_id, {"name": name, "customer_id": customer["id"]}, dto))
        task_id, task_name = guid(), fake.word().title()
        dto = {"ProjectId": project_id, "TaskName": task_name}
        tasks.append(synced("Task", task_id, {"project_id": project_id, "name": task_name}, dto))
    common_id = guid()
    synced("Task", common_id, {"project_id": None, "name": "Travel"}, {"TaskName": "Travel"})

    def entry(profile: Row, day: str, project: int, common_task: bool = False) -> dict[str, str]:
        entry_id = guid()
        task = common_id if common_task else tasks[project]["id"]
        return {
            "Id": entry_id,
            "LastUpdate": f"{day}T18:00:00",
            "Created": f"{day}T18:00:00",
            "BreakTime": "0.5",
            "Description": fake.sentence(nb_words=5),
            "HasBeenPaid": "false",
            "LogoffTime": f"{day}T16:30:00",
            "LogonName": profile["logon_name"],
            "LogonTime": f"{day}T08:00:00",
            "ProjectId": projects[project]["id"],
            "TaskId": task,
            "Usage": "WorkTime",
            "CustomerId": customers[project]["id"],
            "Duration": "8",
        }

    for logon, days in (
        ("ralf.herrmann", ("2024-02-26", "2024-02-28", "2024-03-04", "2024-03-06")),
        ("anna.schmidt", ("2024-03-05",)),
    ):
        for index, day in enumerate(days):
            payload = entry(profiles[logon], day, index % 2, common_task=index == 3)
            add(
                "tp_time_entry",
                id=payload["Id"],
                profile_id=profiles[logon]["id"],
                logon_time=payload["LogonTime"],
                last_update=payload["LastUpdate"],
                project_id=payload["ProjectId"],
                task_id=payload["TaskId"],
                customer_id=payload["CustomerId"],
                payload=json.dumps(payload),
            )

    def device(name: str, binding: str, owner: str | None, client: str | None = None) -> Row:
        return add(
            "tp_device",
            id=guid(),
            name=name,
            device_user=owner or "",
            sync_mail=f"{owner or 'spare'}@devices.example",
            binding_state=binding,
            profile_id=profiles[owner]["id"] if owner else None,
            client_connection_id=client,
        )

    ralf_phone = device("Ralf iPhone", "Bound", "ralf.herrmann", client=guid())
    device("Anna Android", "Bound", "anna.schmidt", client=guid())
    device("Spare Tablet", "NotBound", None)
    old_phone = device("Old Phone", "Released", "anna.schmidt", client=guid())
    for waiting_device, day in ((ralf_phone, "2024-03-11"), (ralf_phone, "2024-03-12"), (old_phone, "2024-03-13")):
        owner = "ralf.herrmann" if waiting_device is ralf_phone else "anna.schmidt"
        add("tp_cloud_entry", device_id=waiting_device["id"], payload=json.dumps(entry(profiles[owner], day, 2)))
    return data


DEFAULT_DATASET_FILE = FIXTURES_DIR / "default-dataset.json"
"""The default seed's dataset as built, kept so a start needs no faker (a test keeps it equal to a build)."""


def build_dataset(seed: int = DEFAULT_SEED) -> Dataset:
    """Every vendor's dataset for ``seed``, built with faker."""
    return {**projector_dataset(seed), **timepunch_dataset(seed)}


def default_dataset(seed: int = DEFAULT_SEED) -> Dataset:
    """What a new tenant starts from: the kept build for the default seed, else a fresh build."""
    if seed == DEFAULT_SEED and DEFAULT_DATASET_FILE.exists():
        return load_dataset_file(DEFAULT_DATASET_FILE)
    return build_dataset(seed)
