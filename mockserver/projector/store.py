"""Lookups in a tenant's Projector tables: identities to rows, new ids and uids."""

from __future__ import annotations

import sqlite3

from mockserver.projector.catalogue import PwsError
from mockserver.projector.model import ENTITY_TABLES, REF_TYPES, CardRef, EntityRef


def find(db: sqlite3.Connection, ref: EntityRef) -> sqlite3.Row | None:
    """The row an identity names, found by its most specific member (uid, then id, then code). Every
    other member given must name that same row (the wiki's PwsResourceRef: "if you do specify more
    than one, they must all refer to the same resource or the resource reference will not be
    considered valid"); an identity whose members disagree names none."""
    table = ENTITY_TABLES[ref.kind]
    for column, value in ref.criteria:
        row: sqlite3.Row | None = db.execute(f"SELECT * FROM {table} WHERE {column} = ?", (value,)).fetchone()
        if row is not None:
            return row if all(row[other] == given for other, given in ref.criteria) else None
    return None


_INCOMPLETE = {"task": "ProjectTaskReferenceInvalid"}
"""Kinds whose identity, sent without any identifying member, has a documented error of its own."""
_OTHER_PROJECT = {
    "role": "RoleNotOnSameProject",
    "task": "TaskNotOnSameProject",
    "rate_type": "RateTypeNotOnSameProject",
}


def require(db: sqlite3.Connection, ref: EntityRef, project_uid: int | None = None) -> sqlite3.Row:
    """Like :func:`find`, but a missing entity is 50024 EntityNotFound, and a role, task or rate
    type of another project than ``project_uid`` is that kind's "not on same project" error."""
    if not ref.criteria and ref.kind in _INCOMPLETE:
        raise PwsError(_INCOMPLETE[ref.kind])
    row = find(db, ref)
    if row is None:
        agreeing = " (every member given must name the same one)" if len(ref.criteria) > 1 else ""
        raise PwsError("EntityNotFound", f"{ref.describe()} was not found{agreeing}.", fill=[REF_TYPES[ref.kind]])
    if project_uid is not None and row["project_uid"] != project_uid:
        raise PwsError(_OTHER_PROJECT[ref.kind], f"{ref.describe()} belongs to another project.")
    return row


def find_card(db: sqlite3.Connection, ref: CardRef) -> sqlite3.Row | None:
    """The card a ref names by uid or id, deleted cards included (they answer "deleted")."""
    if ref.card_uid is not None:
        row: sqlite3.Row | None = db.execute("SELECT * FROM pr_time_card WHERE uid = ?", (ref.card_uid,)).fetchone()
        return row
    if ref.card_id is not None:
        row = db.execute("SELECT * FROM pr_time_card WHERE id = ?", (ref.card_id,)).fetchone()
        return row
    return None


def next_identity(db: sqlite3.Connection) -> tuple[int, int]:
    """A fresh (id, uid) pair for a new row."""
    values = []
    for name in ("id", "uid"):
        (value,) = db.execute(
            "UPDATE pr_sequence SET next_value = next_value + 1 WHERE name = ? RETURNING next_value - 1", (name,)
        ).fetchone()
        values.append(value)
    return values[0], values[1]


def period_closed_for_time(db: sqlite3.Connection, work_date: str) -> bool:
    row = db.execute(
        "SELECT closed_for_time FROM pr_accounting_period WHERE start_date <= ? AND end_date >= ?",
        (work_date, work_date),
    ).fetchone()
    return bool(row and row[0])
