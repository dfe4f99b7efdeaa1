"""How a tenant reads requests that leave the contract: as the vendor's runtime does (the server's
default), or strictly, refusing each departure with the fault the contract gives it (``--strict``,
or the tenant's own setting through the admin API)."""

from __future__ import annotations

from mockserver.state.database import Database

SCHEMA = """
CREATE TABLE mock_reading (
    strict INTEGER NOT NULL            -- 1: refuse every departure from the contract; 0: read as the vendor
);
"""
"""No row: the server's setting decides."""


def strict(db: Database) -> bool | None:
    """The tenant's own setting; None when it has none (the server's applies)."""
    row = db.execute("SELECT strict FROM mock_reading").fetchone()
    return None if row is None else bool(row[0])


def set_strict(db: Database, value: bool | None) -> None:
    """Set the tenant's own setting; None gives the decision back to the server's."""
    db.execute("DELETE FROM mock_reading")
    if value is not None:
        db.execute("INSERT INTO mock_reading (strict) VALUES (?)", (int(value),))
