"""The journal keeps every call up to its limit, but not every byte of a huge one."""

from __future__ import annotations

import sqlite3

from mockserver.state import MOCK_SCHEMA, journal


def _entry(request: str) -> journal.JournalEntry:
    return journal.JournalEntry(
        logged_at="2018-03-09T10:00:00.000000+00:00",
        endpoint="/svc",
        operation="Op",
        verdict="ok",
        status=200,
        duration_ms=1.0,
        request=request,
        response="<ok/>",
    )


def test_a_body_over_the_limit_is_kept_cut_with_its_full_length_said() -> None:
    db = sqlite3.connect(":memory:")
    db.row_factory = sqlite3.Row
    db.executescript(MOCK_SCHEMA)
    huge = "<x>" + "7" * (journal.BODY_LIMIT * 4) + "</x>"

    journal.record(db, _entry(huge))
    journal.record(db, _entry("<small/>"))

    cut, small = (entry.request for entry in journal.find(db, "t"))
    assert cut.startswith(huge[: journal.BODY_LIMIT])
    assert len(cut) < journal.BODY_LIMIT + 100
    assert f"{len(huge):,} characters in all" in cut
    assert small == "<small/>"


def test_the_journal_answers_the_last_calls_within_its_limit_and_drops_older_rows_in_batches() -> None:
    db = sqlite3.connect(":memory:")
    db.row_factory = sqlite3.Row
    db.executescript(MOCK_SCHEMA)
    calls = journal.JOURNAL_LIMIT + journal.TRIM_EVERY + 5

    for number in range(1, calls + 1):
        journal.record(db, _entry(f"<call n='{number}'/>"))

    answered = [entry.request for entry in journal.find(db, "t")]
    assert answered == [f"<call n='{number}'/>" for number in range(calls - journal.JOURNAL_LIMIT + 1, calls + 1)]
    (stored,) = db.execute("SELECT COUNT(*) FROM mock_journal").fetchone()
    assert journal.JOURNAL_LIMIT <= stored < journal.JOURNAL_LIMIT + journal.TRIM_EVERY
