"""A tenant's state as JSON: a snapshot is every table's rows; restoring it is exact.

Foreign keys are checked at commit (deferred), so tables empty and fill in any order.
"""

from __future__ import annotations

from typing import Any

from mockserver.state import datasets
from mockserver.state.database import Database

VENDOR_TABLE_PREFIXES = ("pr_", "ops_", "tp_")
Snapshot = dict[str, list[dict[str, Any]]]


def export(db: Database) -> Snapshot:
    """Every table's rows in an order every store gives alike: by all their columns, first to last (SQLite's rowid
    has no counterpart elsewhere)."""
    return {
        table: [dict(row) for row in db.execute(f'SELECT * FROM "{table}" ORDER BY {_every(names)}')]
        for table, names in datasets.columns(db).items()
    }


def _every(names: list[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def _fill(db: Database, tables: list[str], data: Snapshot) -> None:
    datasets.defer_foreign_keys(db)
    for table in tables:
        db.execute(f'DELETE FROM "{table}"')
    datasets.insert(db, data)


def restore(db: Database, snapshot: Snapshot) -> None:
    """Make the tenant exactly the snapshot: every table, the clock, journal and fault rules included."""
    _fill(db, datasets.tables(db), snapshot)


def replace_data(db: Database, dataset: Snapshot) -> None:
    """Replace the vendors' data with a dataset; the tenant's clock, journal and fault rules stay."""
    vendor_tables = [table for table in datasets.tables(db) if table.startswith(VENDOR_TABLE_PREFIXES)]
    _fill(db, vendor_tables, dataset)
