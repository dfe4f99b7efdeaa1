"""Lookups in a tenant's Projector tables: identities to rows, new ids and uids."""

from __future__ import annotations

from mockserver.projector.catalogue import PwsError
from mockserver.projector.model import ENTITY_NAMES, ENTITY_TABLES, REF_TYPES, CardRef, EntityRef
from mockserver.state.database import Database, Row


def find(db: Database, ref: EntityRef) -> Row | None:
    """The row an identity names, found by its most specific member (uid, then id, then code). A
    member naming another row makes the identity name none (the wiki's PwsResourceRef: "if you do
    specify more than one, they must all refer to the same resource or the resource reference will
    not be considered valid"); a member naming no row is passed over, as the vendor's own page 003
    example sends "?" placeholders beside the uids and is answered Ok (assumption)."""
    table = ENTITY_TABLES[ref.kind]

    def lookup(column: str, value: object) -> Row | None:
        found: Row | None = db.execute(f"SELECT * FROM {table} WHERE {column} = ?", (value,)).fetchone()
        return found

    row = next(filter(None, (lookup(column, value) for column, value in ref.criteria)), None)
    if row is None:
        return None
    disagreeing = [(column, value) for column, value in ref.criteria if row[column] != value]
    return None if any(lookup(column, value) is not None for column, value in disagreeing) else row


_INCOMPLETE = {"task": "ProjectTaskReferenceInvalid"}
"""Kinds whose identity, sent without any identifying member, has a documented error of its own."""
_OTHER_PROJECT = {
    "role": "RoleNotOnSameProject",
    "task": "TaskNotOnSameProject",
    "rate_type": "RateTypeNotOnSameProject",
}


def require(db: Database, ref: EntityRef, project_uid: int | None = None) -> Row:
    """Like :func:`find`, but a missing entity is 50024 EntityNotFound, and a role, task or rate
    type of another project than ``project_uid`` is that kind's "not on same project" error."""
    if not ref.criteria and ref.kind in _INCOMPLETE:
        raise PwsError(_INCOMPLETE[ref.kind])
    row = find(db, ref)
    if row is None:
        named_apart = len(ref.criteria) > 1 and any(find(db, EntityRef(ref.kind, (pair,))) for pair in ref.criteria)
        why = " (its members name different ones)" if named_apart else ""
        raise PwsError("EntityNotFound", f"{ref.describe()} was not found{why}.", fill=[REF_TYPES[ref.kind]])
    if project_uid is not None:
        require_on_project(ref.kind, row, project_uid)
    return row


def require_on_project(kind: str, row: Row, project_uid: int) -> None:
    """A role, task or rate type is only usable on its own project: else that kind's "not on same project" error."""
    if row["project_uid"] != project_uid:
        raise PwsError(_OTHER_PROJECT[kind], f"{ENTITY_NAMES[kind]} {row['uid']} belongs to another project.")


def require_resource_role(role: Row, resource_uid: int) -> None:
    """A role is one resource's place on a project: another resource's time cannot go on it (64161)."""
    if role["resource_uid"] != resource_uid:
        raise PwsError("TimeCardResourceMismatch", f"Project role {role['uid']} is not a role of this resource.")


def find_card(db: Database, ref: CardRef) -> Row | None:
    """The card a ref names by uid or id, deleted cards included (they answer "deleted")."""
    if ref.card_uid is not None:
        row: Row | None = db.execute("SELECT * FROM pr_time_card WHERE uid = ?", (ref.card_uid,)).fetchone()
        return row
    if ref.card_id is not None:
        row = db.execute("SELECT * FROM pr_time_card WHERE id = ?", (ref.card_id,)).fetchone()
        return row
    return None


def next_identity(db: Database) -> tuple[int, int]:
    """A fresh (id, uid) pair for a new row: both sequences advanced in one statement."""
    drawn = dict(
        db.execute(
            "UPDATE pr_sequence SET next_value = next_value + 1 WHERE name IN ('id', 'uid') "
            "RETURNING name, next_value - 1"
        ).fetchall()
    )
    return drawn["id"], drawn["uid"]


def period_closed_for_time(db: Database, work_date: str) -> bool:
    row = db.execute(
        "SELECT closed_for_time FROM pr_accounting_period WHERE start_date <= ? AND end_date >= ?",
        (work_date, work_date),
    ).fetchone()
    return bool(row and row[0])


def narrative_demanded_by(db: Database, project: Row, task_uid: int | None) -> str | None:
    """What demands a description of a card on this project and task, if anything: the project
    (DescriptionRequiredFlag) or the type of its task (NarrativeRequiredFlag). PWS and the Ops close
    apply the same rule (wiki PwsTimeCardDetail: "unless the time card task type or project requires")."""
    if project["description_required"]:
        return f"Project {project['code']}"
    if task_uid is None:
        return None
    task_type = db.execute(
        "SELECT tt.name FROM pr_project_task_type tt JOIN pr_task t ON t.task_type_uid = tt.uid "
        "WHERE t.uid = ? AND tt.narrative_required = 1",
        (task_uid,),
    ).fetchone()
    return None if task_type is None else f"Task type {task_type['name']}"
