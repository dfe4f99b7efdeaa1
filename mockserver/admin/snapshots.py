"""A tenant's state as JSON: a snapshot is every table's rows; restoring it is exact.

Foreign keys are checked at commit (deferred), so tables empty and fill in any order.
"""

from __future__ import annotations

import sqlite3
from typing import Any

VENDOR_TABLE_PREFIXES = ("pr_", "ops_", "tp_")
Snapshot = dict[str, list[dict[str, Any]]]


def _tables(db: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def export(db: sqlite3.Connection) -> Snapshot:
    return {
        table: [dict(row) for row in db.execute(f'SELECT * FROM "{table}" ORDER BY rowid')] for table in _tables(db)
    }


def _fill(db: sqlite3.Connection, tables: list[str], data: Snapshot) -> None:
    unknown = set(data) - set(_tables(db))
    if unknown:
        raise ValueError(f"unknown tables: {', '.join(sorted(unknown))}")
    db.execute("PRAGMA defer_foreign_keys = ON")
    for table in tables:
        db.execute(f'DELETE FROM "{table}"')
    for table, rows in data.items():
        if not isinstance(rows, list):
            raise ValueError(f"{table}: a list of rows was expected")
        for row in rows:
            columns = ", ".join(f'"{column}"' for column in row)
            marks = ", ".join("?" for _ in row)
            db.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(row.values()))


def restore(db: sqlite3.Connection, snapshot: Snapshot) -> None:
    """Make the tenant exactly the snapshot: every table, the clock, journal and fault rules included."""
    _fill(db, _tables(db), snapshot)


def replace_data(db: sqlite3.Connection, dataset: Snapshot) -> None:
    """Replace the vendors' data with a dataset; the tenant's clock, journal and fault rules stay."""
    vendor_tables = [table for table in _tables(db) if table.startswith(VENDOR_TABLE_PREFIXES)]
    _fill(db, vendor_tables, dataset)
