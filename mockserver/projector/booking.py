"""Where a resource may log time: its roles on a project and its assignments to the project's tasks.

The wiki's PwsTimeEntryProject: AllowBookingFlag lets resources "report time against it, even if
the resource currently has no role", and "a new role will be created when the time card is
submitted"; AllowAssignmentFlag lets them "report time against tasks they are not already assigned
to. A task assignment will be created when the time card is submitted." PwsGetTimeEntryProjectRole
and PwsSaveTimeCards both judge a booking here, so they agree; the submit makes what it promised.
"""

from __future__ import annotations

import sqlite3

from mockserver.projector import store
from mockserver.projector.catalogue import PwsError


def resource_roles(db: sqlite3.Connection, project_uid: int, resource_uid: int) -> list[sqlite3.Row]:
    """The resource's roles on the project: the ones a PwsTimeEntryProject offers it (and counts)."""
    roles: list[sqlite3.Row] = db.execute(
        "SELECT * FROM pr_role WHERE project_uid = ? AND resource_uid = ? ORDER BY id", (project_uid, resource_uid)
    ).fetchall()
    return roles


def booking_roles(
    db: sqlite3.Connection, project: sqlite3.Row, resource_uid: int, role: sqlite3.Row | None
) -> list[sqlite3.Row]:
    """The roles the resource logs time with on the project: the one named, which must be its own
    (64161, as PwsTransferTime), else all its own; none only where the project allows booking (90013)."""
    if role is not None:
        store.require_resource_role(role, resource_uid)
        return [role]
    roles = resource_roles(db, project["uid"], resource_uid)
    if not roles and not project["allow_booking"]:
        raise PwsError("ResourceHasNoRoleOnProject", f"Project {project['code']} does not allow booking.")
    return roles


def create_role(db: sqlite3.Connection, project_uid: int, resource_uid: int, name: str) -> sqlite3.Row:
    """A new role of the resource on the project, open-ended (no start or end date)."""
    role_id, role_uid = store.next_identity(db)
    db.execute(
        "INSERT INTO pr_role (uid, id, project_uid, name, resource_uid) VALUES (?, ?, ?, ?, ?)",
        (role_uid, role_id, project_uid, name, resource_uid),
    )
    row: sqlite3.Row = db.execute("SELECT * FROM pr_role WHERE uid = ?", (role_uid,)).fetchone()
    return row
