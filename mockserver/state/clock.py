"""The tenant's virtual clock: every "now" of the mock comes from here, so date rules are testable.

The clock is a row in the tenant's database, so every worker process reads the same time.
It either runs (system time plus an offset) or stands still at a set instant.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mockserver.state.database import Database

SCHEMA = """
CREATE TABLE clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    frozen_at TEXT,               -- ISO instant when the clock stands still, else NULL
    offset_microseconds INTEGER NOT NULL DEFAULT 0,
    frozen_real_at TEXT           -- the real instant it was stopped (see moving_now), else NULL
);
INSERT INTO clock (id) VALUES (1);
"""


def now(db: Database) -> datetime:
    """The tenant's current instant, timezone-aware UTC."""
    frozen_at, offset = db.execute("SELECT frozen_at, offset_microseconds FROM clock").fetchone()
    if frozen_at is not None:
        return datetime.fromisoformat(frozen_at)
    return datetime.now(UTC) + timedelta(microseconds=offset)


def moving_now(db: Database) -> datetime:
    """The tenant's now, still moving while the clock stands still: from the instant it stands at,
    real time goes on. Durations that must really pass (a rate limit's window) are measured on it,
    so a clock stopped for the date rules does not stop them; advancing the clock moves it too."""
    frozen_at, real_at = db.execute("SELECT frozen_at, frozen_real_at FROM clock").fetchone()
    if frozen_at is None:
        return now(db)
    if real_at is None:  # stopped by an earlier version, or restored from its snapshot: moves from now on
        real_at = datetime.now(UTC).isoformat()
        db.execute("UPDATE clock SET frozen_real_at = ?", (real_at,))
    return datetime.fromisoformat(frozen_at) + (datetime.now(UTC) - datetime.fromisoformat(real_at))


def freeze(db: Database, instant: datetime) -> None:
    """Stop the clock at ``instant`` (naive values are taken as UTC)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    db.execute(
        "UPDATE clock SET frozen_at = ?, offset_microseconds = 0, frozen_real_at = ?",
        (instant.astimezone(UTC).isoformat(), datetime.now(UTC).isoformat()),
    )


def advance(db: Database, by: timedelta) -> datetime:
    """Move the clock forward (or back), whether it runs or stands still."""
    frozen_at = db.execute("SELECT frozen_at FROM clock").fetchone()[0]
    if frozen_at is not None:
        db.execute("UPDATE clock SET frozen_at = ?", ((datetime.fromisoformat(frozen_at) + by).isoformat(),))
    else:
        db.execute("UPDATE clock SET offset_microseconds = offset_microseconds + ?", (by // timedelta(microseconds=1),))
    return now(db)


def run(db: Database) -> None:
    """Let the clock follow system time again."""
    db.execute("UPDATE clock SET frozen_at = NULL, offset_microseconds = 0, frozen_real_at = NULL")
