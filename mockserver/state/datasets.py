"""Rows given as data (a dataset file, a dataset or snapshot PUT to the admin API), checked and inserted.

The tables and columns a dataset may name are those of the tenant's own schema (the SQL that built it),
so a misspelt table or column is refused by name rather than dropped or failing deep inside the store.
The three questions only a store's own catalogue answers (its tables, their columns, deferring foreign keys)
are asked here alone: SQLite's forms below, which the PostgreSQL store answers its own way.
"""

from __future__ import annotations

from typing import Any

from mockserver.state.database import Database, store_errors

Rows = dict[str, list[dict[str, Any]]]


class InvalidDataset(ValueError):
    """Data that cannot become a tenant's rows; its message names the table, row or column at fault."""


def tables(db: Database) -> list[str]:
    """The tables of ``db``'s schema, by name."""
    return [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def columns(db: Database) -> dict[str, list[str]]:
    """Each table's columns, in the order the database's schema declares them."""
    return {table: [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')] for table in tables(db)}


def defer_foreign_keys(db: Database) -> None:
    """Check foreign keys at commit for the rest of the transaction, so tables empty and fill in any order."""
    db.execute("PRAGMA defer_foreign_keys = ON")


def check(db: Database, data: Any) -> Rows:
    """``data`` as rows of ``db``'s tables, or :class:`InvalidDataset` saying what is wrong with it."""
    if not isinstance(data, dict):
        raise InvalidDataset("a dataset is a JSON object mapping table names to lists of rows")
    schema = columns(db)
    for table, rows in data.items():
        if table not in schema:
            raise InvalidDataset(f"unknown table {table!r} (tables: {', '.join(schema)})")
        if not isinstance(rows, list):
            raise InvalidDataset(f"table {table!r}: a list of rows was expected")
        known = set(schema[table])
        for number, row in enumerate(rows, 1):
            if not isinstance(row, dict):
                raise InvalidDataset(f"table {table!r}, row {number}: an object of column values was expected")
            unknown = [column for column in row if column not in known]
            if unknown:
                raise InvalidDataset(
                    f"table {table!r} has no column {unknown[0]!r} (columns: {', '.join(schema[table])})"
                )
    return data


def insert(db: Database, data: Any) -> None:
    """Insert every row of ``data`` once :func:`check` has passed it; a row the store refuses (a missing
    value, a duplicate key, a value of no SQL type) is named with the reason."""
    for table, rows in check(db, data).items():
        for number, row in enumerate(rows, 1):
            columns = ", ".join(f'"{column}"' for column in row)
            marks = ", ".join("?" for _ in row)
            try:
                db.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(row.values()))
            except store_errors(OverflowError) as error:
                raise InvalidDataset(f"table {table!r}, row {number}: {error}") from None
