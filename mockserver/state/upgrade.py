"""Bringing a tenant file written by an earlier version of the mock up to the current schema.

The schema only grows: new tables, indexes and nullable (or defaulted) columns. So a file kept under
``--state-dir`` across an upgrade gets what it lacks, and keeps all it holds. Anything else that
differs (a column the mock no longer has, a table whose key changed) cannot be carried over without
guessing, and is refused with a message that says what to do.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class IncompatibleTenantFile(Exception):
    """A tenant file this version cannot use as it is."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(
            f"{path} cannot serve as a tenant of this version of the mock ({problem}). Delete it to start the "
            "tenant again from the dataset, or export it with the version that wrote it "
            "(GET /__admin/tenants/<name>/snapshot)."
        )


def _objects(db: sqlite3.Connection) -> dict[tuple[str, str], str]:
    rows = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {(kind, name): sql for kind, name, sql in rows}


def _columns(db: sqlite3.Connection, table: str) -> dict[str, tuple[str, int, str | None, int]]:
    """Each column's (declared type, not null, default, primary key position)."""
    return {row[1]: (row[2], row[3], row[4], row[5]) for row in db.execute(f'PRAGMA table_info("{table}")')}


def upgrade_statements(template: sqlite3.Connection, target: sqlite3.Connection, path: Path) -> list[str]:
    """What makes ``target``'s schema the template's; raises IncompatibleTenantFile when nothing can."""
    wanted, present = _objects(template), _objects(target)
    statements = []
    for (kind, name), sql in wanted.items():
        if kind == "table" and (kind, name) not in present:
            statements.append(sql)
        elif kind == "table":
            statements += _added_columns(template, target, name, path)
    statements += [sql for (kind, name), sql in wanted.items() if kind == "index" and (kind, name) not in present]
    return statements


def _added_columns(template: sqlite3.Connection, target: sqlite3.Connection, table: str, path: Path) -> list[str]:
    wanted, present = _columns(template, table), _columns(target, table)
    unknown = sorted(set(present) - set(wanted))
    changed = sorted(name for name in set(present) & set(wanted) if present[name] != wanted[name])
    if unknown or changed:
        raise IncompatibleTenantFile(path, f"table {table}: columns {unknown + changed} differ")
    statements = []
    for name, (declared, not_null, default, key) in wanted.items():
        if name in present:
            continue
        if key or (not_null and default is None):
            raise IncompatibleTenantFile(path, f"table {table} lacks the required column {name}")
        clause = f" NOT NULL DEFAULT {default}" if not_null else (f" DEFAULT {default}" if default else "")
        statements.append(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {declared}{clause}')
    return statements


def upgrade(template: sqlite3.Connection, target: sqlite3.Connection, path: Path) -> None:
    """Bring ``target`` up to the template's schema (the caller holds it in one transaction)."""
    for statement in upgrade_statements(template, target, path):
        target.execute(statement)
