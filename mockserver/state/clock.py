"""The tenant's virtual clock: every "now" of the mock comes from here, so date rules are testable.

The clock is a row in the tenant's database, so every worker process reads the same time.
It either runs (system time plus an offset) or stands still at a set instant.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

SCHEMA = """
CREATE TABLE clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    frozen_at TEXT,               -- ISO instant when the clock stands still, else NULL
    offset_microseconds INTEGER NOT NULL DEFAULT 0
);
INSERT INTO clock (id) VALUES (1);
"""


def now(db: sqlite3.Connection) -> datetime:
    """The tenant's current instant, timezone-aware UTC."""
    frozen_at, offset = db.execute("SELECT frozen_at, offset_microseconds FROM clock").fetchone()
    if frozen_at is not None:
        return datetime.fromisoformat(frozen_at)
    return datetime.now(UTC) + timedelta(microseconds=offset)


def freeze(db: sqlite3.Connection, instant: datetime) -> None:
    """Stop the clock at ``instant`` (naive values are taken as UTC)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    db.execute("UPDATE clock SET frozen_at = ?, offset_microseconds = 0", (instant.astimezone(UTC).isoformat(),))


def advance(db: sqlite3.Connection, by: timedelta) -> datetime:
    """Move the clock forward (or back), whether it runs or stands still."""
    current = now(db)
    frozen = db.execute("SELECT frozen_at IS NOT NULL FROM clock").fetchone()[0]
    if frozen:
        freeze(db, current + by)
    else:
        db.execute("UPDATE clock SET offset_microseconds = offset_microseconds + ?", (by // timedelta(microseconds=1),))
    return now(db)


def run(db: sqlite3.Connection) -> None:
    """Let the clock follow system time again."""
    db.execute("UPDATE clock SET frozen_at = NULL, offset_microseconds = 0")
