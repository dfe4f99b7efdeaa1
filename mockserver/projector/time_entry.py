"""Reading time cards back: PwsGetTimeCards' query and the PwsTimeEntryProject it groups cards in.

PwsTimeEntryProject is also what PwsGetTimeEntryProjectRole returns, so its builder lives here.
Which cards and which of a project's tasks are read follows the request's flags, as
features/projector/reading_time_cards.feature specifies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from mockserver.projector import store
from mockserver.projector.booking import booking_roles, resource_roles
from mockserver.projector.catalogue import PwsError, PwsFailure
from mockserver.projector.model import TIME_CARD, TIME_OFF_CARD, EntityRef, ProjectRoleRequest, ReadRequest
from mockserver.projector.sessions import Caller
from mockserver.projector.timecards import check_range
from mockserver.projector.wire import COM, TAC, add, card_element, members, q, ref, ref_members, xml_day
from mockserver.state.database import Database, Row

PROJECT_ROLE_DATE_RULES = (
    "TimeEntryProjectRoleStartDateRequired",
    "TimeEntryProjectRoleEndDateRequired",
    "InvalidValueForTimeEntryProjectRoleStartDate",
    "InvalidValueForTimeEntryProjectRoleEndDate",
)
READ_DATE_RULES = (
    "TimeCardStartDateRequired",
    "TimeCardEndDateRequired",
    "InvalidValueForTimeCardStartDate",
    "InvalidValueForTimeCardEndDate",
)


@dataclass
class FoundCards:
    cards: list[Row] = field(default_factory=list)
    projects: list[etree._Element] = field(default_factory=list)
    timeoff: list[etree._Element] = field(default_factory=list)


def read_time_cards(db: Database, caller: Caller, request: ReadRequest) -> FoundCards:
    """The resource's cards with work dates in the range, grouped by project and by time-off reason."""
    start, end = check_range(request.start_date, request.end_date, READ_DATE_RULES)
    resource_uid = resource_for(db, caller, request.resource)
    conditions = ["resource_uid = ?", "work_date BETWEEN ? AND ?", "deleted = 0"]
    parameters: list[object] = [resource_uid, start.isoformat(), end.isoformat()]
    if request.card is not None:
        card = store.find_card(db, request.card)
        if card is None or card["deleted"]:
            missing = (
                "SpecifiedTimeoffCardDoesNotExist"
                if request.card.card_type == TIME_OFF_CARD
                else ("SpecifiedTimeCardDoesNotExist")
            )
            raise PwsFailure(PwsError(missing))
        conditions.append("uid = ?")
        parameters.append(card["uid"])
    project_uid = None if request.project is None else int(store.require(db, request.project)["uid"])
    if project_uid is not None:
        conditions.append("project_uid = ?")
        parameters.append(project_uid)
    conditions.append(f"status IN ({', '.join('?' for _ in request.statuses)})")
    parameters.extend(sorted(request.statuses))
    types = [
        t
        for t, wanted in ((TIME_CARD, request.include_time_cards), (TIME_OFF_CARD, request.include_timeoff_cards))
        if wanted
    ]
    conditions.append(f"type IN ({', '.join('?' for _ in types)})")
    parameters.extend(types)
    cards = db.execute(
        f"SELECT * FROM pr_time_card WHERE {' AND '.join(conditions)} ORDER BY work_date, uid",
        parameters,
    ).fetchall()
    found = FoundCards(cards=cards)
    project_uids = list(dict.fromkeys(card["project_uid"] for card in cards if card["type"] == TIME_CARD))
    if request.booked_and_assigned:
        project_uids += [uid for uid in _booked_projects(db, resource_uid, start, end) if uid not in project_uids]
    for uid in project_uids:
        if project_uid is not None and uid != project_uid:
            continue
        project = db.execute("SELECT * FROM pr_project WHERE uid = ?", (uid,)).fetchone()
        project_cards = [c for c in cards if c["project_uid"] == uid]
        only = {card["task_uid"] for card in project_cards} if request.referenced_tasks_only else None
        found.projects.append(
            time_entry_project(db, project, project_cards, resource_roles(db, uid, resource_uid), only)
        )
    for reason in _timeoff_reasons(db, request, cards):
        found.timeoff.append(
            time_entry_timeoff(db, reason, [c for c in cards if c["timeoff_reason_uid"] == reason["uid"]])
        )
    return found


def _booked_projects(db: Database, resource_uid: int, start: date, end: date) -> list[int]:
    """IncludeBookedAndAssignedRolesFlag: projects where one of the resource's roles spans part of the period
    (the mock keeps no booked hours or task dates: a role's own dates stand for them, open when unset)."""
    rows = db.execute(
        "SELECT DISTINCT project_uid FROM pr_role WHERE resource_uid = ? "
        "AND (start_date IS NULL OR start_date <= ?) AND (end_date IS NULL OR end_date >= ?) ORDER BY project_uid",
        (resource_uid, end.isoformat(), start.isoformat()),
    ).fetchall()
    return [int(row[0]) for row in rows]


def _timeoff_reasons(db: Database, request: ReadRequest, cards: Sequence[Row]) -> list[Row]:
    """The reasons PwsTimeEntryTimeOff lists: every reason a resource may take time off for, or with
    IncludeReferencedTimeOffReasonsOnlyFlag only those of the time off cards read."""
    if request.include_timeoff_cards and not request.referenced_timeoff_reasons_only:
        return db.execute("SELECT * FROM pr_timeoff_reason ORDER BY id").fetchall()
    referenced = dict.fromkeys(card["timeoff_reason_uid"] for card in cards if card["type"] == TIME_OFF_CARD)
    return [db.execute("SELECT * FROM pr_timeoff_reason WHERE uid = ?", (uid,)).fetchone() for uid in referenced]


def resource_for(db: Database, caller: Caller, resource: EntityRef | None) -> int:
    """The resource named, else the caller's own; a caller who is not a resource must name one."""
    if resource is not None:
        return int(store.require(db, resource)["uid"])
    if caller.resource_uid is None:
        raise PwsError("CallerNotAssociatedWithResource")
    return caller.resource_uid


def time_entry_project_role(db: Database, caller: Caller, request: ProjectRoleRequest) -> etree._Element:
    """PwsGetTimeEntryProjectRole: the project and role a resource logs time on, with its cards in the range."""
    # An empty <ProjectIdentity/> specifies no project either: 20010, not "not found".
    project_ref = request.project if request.project is not None and request.project.criteria else None
    errors = [] if project_ref is not None else [PwsError("ProjectRequiredForGetTimeEntryProjectRole")]
    try:
        start, end = check_range(request.start_date, request.end_date, PROJECT_ROLE_DATE_RULES)
    except PwsFailure as failure:
        errors += failure.errors
    if errors or project_ref is None:
        raise PwsFailure(*errors)
    project = store.require(db, project_ref)
    resource_uid = resource_for(db, caller, request.resource)
    role = store.require(db, request.role, project["uid"]) if request.role is not None else None
    roles = booking_roles(db, project, resource_uid, role)
    if len(roles) > 1:
        raise PwsError("ProjectRoleIdentityRequired", f"The resource has {len(roles)} roles on it.")
    role_uids = [role["uid"] for role in roles]
    cards = db.execute(
        "SELECT * FROM pr_time_card WHERE resource_uid = ? AND project_uid = ? AND work_date BETWEEN ? AND ? "
        "AND deleted = 0 ORDER BY work_date, uid",
        (resource_uid, project["uid"], start.isoformat(), end.isoformat()),
    ).fetchall()
    if request.role is not None:
        cards = [card for card in cards if card["role_uid"] in role_uids]
    return time_entry_project(db, project, cards, roles)


def time_entry_project(
    db: Database,
    project: Row,
    cards: Sequence[Row],
    roles: Sequence[Row],
    task_uids: set[int] | None = None,
) -> etree._Element:
    """PwsTimeEntryProject: what a client needs to log time on a project, with the cards given.

    ``roles`` are the roles it offers, and RoleCount counts: the resource's own (or the one asked
    for), never other resources' roles, which it could not log time on. ``task_uids``, when given,
    are the only tasks it lists and TaskCount counts (PwsGetTimeCards' IncludeReferencedTasksOnlyFlag)."""
    tasks = [
        task
        for task in db.execute("SELECT * FROM pr_task WHERE project_uid = ? ORDER BY id", (project["uid"],))
        if task_uids is None or task["uid"] in task_uids
    ]
    task_types = db.execute(
        "SELECT * FROM pr_project_task_type WHERE project_uid = ? ORDER BY id", (project["uid"],)
    ).fetchall()
    types_by_uid = {task_type["uid"]: task_type for task_type in task_types}
    rate_types = db.execute(
        "SELECT * FROM pr_rate_type WHERE project_uid = ? ORDER BY id", (project["uid"],)
    ).fetchall()
    descriptor = members(
        TAC,
        "ProjectDescriptor",
        [
            *(ref_members("project", project) or []),
            (TAC, "ProjectCloseDate", xml_day(project["close_date"]) if project["close_date"] else None),
            (TAC, "ProjectName", project["name"]),
            (TAC, "ProjectOpenDate", xml_day(project["open_date"]) if project["open_date"] else None),
            (TAC, "ProjectRoles", [_role(role) for role in roles]),
        ],
    )
    element = members(
        TAC,
        "PwsTimeEntryProject",
        [
            (TAC, "AllowAssignmentFlag", bool(project["allow_assignment"])),
            (TAC, "AllowBookingFlag", bool(project["allow_booking"])),
            (TAC, "CloseDate", xml_day(project["close_date"]) if project["close_date"] else None),
            (TAC, "DescriptionRequiredFlag", bool(project["description_required"])),
            (TAC, "OpenDate", xml_day(project["open_date"]) if project["open_date"] else None),
            (TAC, "OpenFlag", bool(project["open_flag"])),
            (TAC, "PmModuleEnabledFlag", bool(project["pm_module"])),
            (TAC, "ProjectDescriptor", descriptor),
            (
                TAC,
                "ProjectRateTypes",
                [
                    members(
                        COM,
                        "PwsProjectRateTypeSummary",
                        [*(ref_members("rate_type", rate_type) or []), (COM, "ProjectRateTypeName", rate_type["name"])],
                    )
                    for rate_type in rate_types
                ],
            ),
            (TAC, "ProjectTaskTypes", [_task_type(task_type) for task_type in task_types]),
            (TAC, "ProjectTasks", [_task(task, types_by_uid.get(task["task_type_uid"])) for task in tasks]),
            (TAC, "RoleCount", len(roles)),
            (TAC, "TaskCount", len(tasks)),
            (TAC, "TimeCards", [card_element(db, card, "PwsTimecardDetail") for card in cards]),
            (TAC, "Udf1Treatment", project["udf1_treatment"]),
            (TAC, "Udf2Treatment", project["udf2_treatment"]),
        ],
    )
    return element


def _role(role: Row) -> etree._Element:
    return members(
        TAC,
        "PwsRole",
        [
            *(ref_members("role", role) or []),
            (TAC, "RoleEndDate", xml_day(role["end_date"]) if role["end_date"] else None),
            (TAC, "RoleName", role["name"]),
            (TAC, "RoleStartDate", xml_day(role["start_date"]) if role["start_date"] else None),
        ],
    )


def _task(task: Row, task_type: Row | None) -> etree._Element:
    return members(
        TAC,
        "PwsProjectTask",
        [
            *(ref_members("task", task) or []),
            (TAC, "Name", task["name"]),
            (TAC, "OpenForTimeFlag", True),
            (TAC, "ProjectTaskTypeIdentity", ref(TAC, "ProjectTaskTypeIdentity", "task_type", task_type)),
            (TAC, "WbsCode", task["code"]),
        ],
    )


def _task_type(task_type: Row) -> etree._Element:
    """PwsTaskType: a client learns from NarrativeRequiredFlag which tasks' cards need a description."""
    return members(
        TAC,
        "PwsTaskType",
        [
            *(ref_members("task_type", task_type) or []),
            (TAC, "InactiveFlag", False),  # the mock's task types are all active
            (TAC, "NarrativeRequiredFlag", bool(task_type["narrative_required"])),
            (TAC, "ProjectTaskTypeName", task_type["name"]),
        ],
    )


def time_entry_timeoff(db: Database, reason: Row, cards: Sequence[Row]) -> etree._Element:
    """PwsTimeEntryTimeOff: one time-off reason with its cards."""
    element = etree.Element(q(TAC, "PwsTimeEntryTimeOff"))
    add(element, TAC, "InactiveFlag", False)
    add(element, TAC, "TimeOffCards", [card_element(db, card, "PwsTimeOffCardDetail") for card in cards])
    timeoff_ref = ref(TAC, "TimeOffReasonIdentity", "timeoff_reason", reason)
    if timeoff_ref is not None:
        element.append(timeoff_ref)
    return element


def location_summaries(db: Database, card_uids: Sequence[int]) -> list[etree._Element]:
    """PwsLocationSummary of every location the given cards name."""
    if not card_uids:
        return []
    marks = ", ".join("?" for _ in card_uids)
    rows = db.execute(
        f"SELECT DISTINCT l.* FROM pr_location l JOIN pr_time_card c ON c.location_uid = l.uid "
        f"WHERE c.uid IN ({marks}) ORDER BY l.id",
        list(card_uids),
    ).fetchall()
    return [members(COM, "PwsLocationSummary", ref_members("location", row) or []) for row in rows]
