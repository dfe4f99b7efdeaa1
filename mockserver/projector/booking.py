"""Where a resource may log time: its roles on a project and its assignments to the project's tasks.

The wiki's PwsTimeEntryProject: AllowBookingFlag lets resources "report time against it, even if
the resource currently has no role", and "a new role will be created when the time card is
submitted"; AllowAssignmentFlag lets them "report time against tasks they are not already assigned
to. A task assignment will be created when the time card is submitted." PwsGetTimeEntryProjectRole
and PwsSaveTimeCards both judge a booking here, so they agree; the submit makes what it promised.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockserver.projector import store
from mockserver.projector.catalogue import PwsError
from mockserver.projector.model import TIME_CARD
from mockserver.state.database import Database, Row


def resource_roles(db: Database, project_uid: int, resource_uid: int) -> list[Row]:
    """The resource's roles on the project: the ones a PwsTimeEntryProject offers it (and counts)."""
    roles: list[Row] = db.execute(
        "SELECT * FROM pr_role WHERE project_uid = ? AND resource_uid = ? ORDER BY id", (project_uid, resource_uid)
    ).fetchall()
    return roles


def booking_roles(db: Database, project: Row, resource_uid: int, role: Row | None) -> list[Row]:
    """The roles the resource logs time with on the project: the one named, which must be its own
    (64161, as PwsTransferTime), else all its own; none only where the project allows booking (90013)."""
    if role is not None:
        store.require_resource_role(role, resource_uid)
        return [role]
    roles = resource_roles(db, project["uid"], resource_uid)
    if not roles and not project["allow_booking"]:
        raise PwsError("ResourceHasNoRoleOnProject", f"Project {project['code']} does not allow booking.")
    return roles


def create_role(db: Database, project_uid: int, resource_uid: int, name: str) -> Row:
    """A new role of the resource on the project, open-ended (no start or end date)."""
    role_id, role_uid = store.next_identity(db)
    db.execute(
        "INSERT INTO pr_role (uid, id, project_uid, name, resource_uid) VALUES (?, ?, ?, ?, ?)",
        (role_uid, role_id, project_uid, name, resource_uid),
    )
    row: Row = db.execute("SELECT * FROM pr_role WHERE uid = ?", (role_uid,)).fetchone()
    return row


def check_assignment(db: Database, project: Row, task_uid: int | None, roles: Sequence[Row]) -> None:
    """Time on a task needs one of the roles it goes with to be assigned to the task, unless the
    project allows assignment (90030: the vendor publishes no number)."""
    if task_uid is None or project["allow_assignment"]:
        return
    if not _assigned(db, task_uid, [role["uid"] for role in roles]):
        raise PwsError("ResourceNotAssignedToTask", f"Project task {task_uid} on project {project['code']}.")


def _assigned(db: Database, task_uid: int, role_uids: Sequence[int]) -> bool:
    marks = ", ".join("?" for _ in role_uids)
    found = db.execute(
        f"SELECT 1 FROM pr_task_role WHERE task_uid = ? AND role_uid IN ({marks})", (task_uid, *role_uids)
    ).fetchone()
    return found is not None


def book(db: Database, card_uid: int) -> None:
    """A submitted time card gets what its project let it go without. Without a role, it takes the
    resource's one role on the project, created when it has none (named after the resource, as the
    vendor names roles it creates on the fly); on a task its role is not assigned to, the assignment
    is created where the project allows it. A card without a role among several keeps none."""
    card = db.execute("SELECT * FROM pr_time_card WHERE uid = ?", (card_uid,)).fetchone()
    if card["type"] != TIME_CARD or card["status"] != "S":
        return
    project = db.execute("SELECT * FROM pr_project WHERE uid = ?", (card["project_uid"],)).fetchone()
    role_uid = card["role_uid"] if card["role_uid"] is not None else _only_role(db, project, card)
    task_uid = card["task_uid"]
    if role_uid is None or task_uid is None or not project["allow_assignment"] or _assigned(db, task_uid, [role_uid]):
        return
    task_role_id, task_role_uid = store.next_identity(db)
    db.execute(
        "INSERT INTO pr_task_role (uid, id, task_uid, role_uid) VALUES (?, ?, ?, ?)",
        (task_role_uid, task_role_id, task_uid, role_uid),
    )


def sole_role(db: Database, project: Row, resource_uid: int) -> Row | None:
    """The resource's one role on the project, created (named after the resource) where it has none
    and the project allows booking; None where it has several, or none and booking is not allowed."""
    roles = resource_roles(db, project["uid"], resource_uid)
    if not roles and project["allow_booking"]:
        (name,) = db.execute("SELECT name FROM pr_resource WHERE uid = ?", (resource_uid,)).fetchone()
        roles = [create_role(db, project["uid"], resource_uid, name)]
    return roles[0] if len(roles) == 1 else None


def _only_role(db: Database, project: Row, card: Row) -> int | None:
    """The resource's one role on the card's project (created where booking allows), set on the card."""
    role = sole_role(db, project, card["resource_uid"])
    if role is None:
        return None
    db.execute("UPDATE pr_time_card SET role_uid = ? WHERE uid = ?", (role["uid"], card["uid"]))
    return int(role["uid"])
