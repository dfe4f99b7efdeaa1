"""The request journal: every call a tenant received, with its verdict, timing and bodies.

A bounded table in the tenant's database (the oldest rows go past JOURNAL_LIMIT), so every
worker process sees the same journal, and a tenant's reset or deletion takes its journal along.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from mockserver.state.database import Database

JOURNAL_LIMIT = 1000
TRIM_EVERY = 100
"""Rows past the limit are dropped every this many calls, not on each (a statement less a call):
readers see the last JOURNAL_LIMIT alone."""
BODY_LIMIT = 256 * 1024
"""Characters of a request or response body the journal keeps: 1,000 full 16 MiB bodies would be gigabytes."""

SCHEMA = """
CREATE TABLE mock_journal (
    id INTEGER PRIMARY KEY,
    logged_at TEXT NOT NULL,          -- the tenant clock's instant
    endpoint TEXT NOT NULL,
    operation TEXT,                   -- NULL when the request named none the service has
    verdict TEXT NOT NULL,            -- ok | client-fault | server-fault | injected
    status INTEGER NOT NULL,
    duration_ms REAL NOT NULL,
    request TEXT NOT NULL,
    response TEXT NOT NULL,
    violations TEXT NOT NULL DEFAULT '[]',
    warnings TEXT NOT NULL DEFAULT '[]'  -- departures from the contract the vendor's runtime reads past
);
CREATE INDEX mock_journal_operation ON mock_journal (operation, logged_at);
"""


@dataclass
class JournalEntry:
    """One logged call (WireMock's names where they mean the same: loggedDate, url, method, body)."""

    logged_at: str
    endpoint: str
    operation: str | None
    verdict: str
    status: int
    duration_ms: float
    request: str
    response: str
    violations: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)
    """Where the request left the contract and the vendor's runtime read past it: path, and what it does."""
    id: int | None = None
    tenant: str | None = None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        return {
            "id": data["id"],
            "tenant": data["tenant"],
            "loggedDate": data["logged_at"],
            "url": data["endpoint"],
            "method": "POST",
            "operation": data["operation"],
            "verdict": data["verdict"],
            "status": data["status"],
            "durationMs": data["duration_ms"],
            "body": data["request"],
            "response": data["response"],
            "violations": data["violations"],
            "warnings": data["warnings"],
        }


def record(db: Database, entry: JournalEntry) -> None:
    (newest,) = db.execute(
        "INSERT INTO mock_journal (logged_at, endpoint, operation, verdict, status, duration_ms, request, response, "
        "violations, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            entry.logged_at,
            entry.endpoint,
            entry.operation,
            entry.verdict,
            entry.status,
            entry.duration_ms,
            _kept(entry.request),
            _kept(entry.response),
            json.dumps(entry.violations),
            json.dumps(entry.warnings),
        ),
    ).fetchone()
    if newest % TRIM_EVERY == 0:
        db.execute("DELETE FROM mock_journal WHERE id <= ?", (newest - JOURNAL_LIMIT,))


def _kept(body: str) -> str:
    if len(body) <= BODY_LIMIT:
        return body
    return f"{body[:BODY_LIMIT]}\n<!-- timecard-mockserver: cut here, {len(body):,} characters in all -->"


def instant_text(moment: datetime) -> str:
    """How the journal writes an instant: UTC, microseconds, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def find(
    db: Database,
    tenant: str,
    operation: str | None = None,
    since: str | None = None,
    verdict: str | None = None,
    warned: bool | None = None,
) -> list[JournalEntry]:
    """The tenant's logged calls, oldest first, filtered by operation, instant, verdict and whether the
    vendor's runtime read past departures from the contract (``warned``)."""
    if since is not None:
        since = instant_text(datetime.fromisoformat(since.replace("Z", "+00:00")))
    conditions, parameters = [f"id > (SELECT MAX(id) FROM mock_journal) - {JOURNAL_LIMIT}"], []
    for column, value, comparison in (
        ("operation", operation, "="),
        ("logged_at", since, ">="),
        ("verdict", verdict, "="),
    ):
        if value is not None:
            conditions.append(f"{column} {comparison} ?")
            parameters.append(value)
    if warned is not None:
        conditions.append(f"warnings {'!=' if warned else '='} '[]'")
    rows = db.execute(
        f"SELECT * FROM mock_journal WHERE {' AND '.join(conditions)} ORDER BY id",
        parameters,
    ).fetchall()
    return [
        JournalEntry(
            id=row["id"],
            tenant=tenant,
            logged_at=row["logged_at"],
            endpoint=row["endpoint"],
            operation=row["operation"],
            verdict=row["verdict"],
            status=row["status"],
            duration_ms=row["duration_ms"],
            request=row["request"],
            response=row["response"],
            violations=json.loads(row["violations"]),
            warnings=json.loads(row["warnings"]),
        )
        for row in rows
    ]


def clear(db: Database) -> None:
    db.execute("DELETE FROM mock_journal")
