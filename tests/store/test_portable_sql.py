"""The rules' statements that SQLite alone used to accept, run as they are on PostgreSQL.

The rules talk to a ``state.Database``; here a bare psycopg connection plays one (placeholders ``?`` as
``%s``, rows read by index or name), on the tenant schema translated to PostgreSQL's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from support.postgres import PostgresServer

from mockserver.contract_suite.target import TenantAdmin
from mockserver.contract_suite.timepunch_steps import SyncWorld
from mockserver.projector import pws, rate_limits
from mockserver.state import MOCK_SCHEMA, faults, journal
from mockserver.state.database import Parameters
from mockserver.state.postgres_schema import PRELUDE, translate
from mockserver.timepunch import sync


class KeyedRow:
    """A row read by index or by column name, as sqlite3.Row is."""

    def __init__(self, names: list[str], values: Sequence[Any]) -> None:
        self.names, self.values = names, tuple(values)

    def __getitem__(self, key: int | str) -> Any:
        return self.values[key if isinstance(key, int) else self.names.index(key)]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def keys(self) -> list[str]:
        return self.names


def keyed_rows(cursor: psycopg.Cursor[Any]) -> Callable[[Sequence[Any]], KeyedRow]:
    names = [column.name for column in cursor.description or []]
    return lambda values: KeyedRow(names, values)


class OnPostgres:
    """A psycopg connection as the rules' Database."""

    def __init__(self, connection: psycopg.Connection[Any]) -> None:
        self.connection = connection

    def execute(self, sql: str, parameters: Parameters = (), /) -> psycopg.Cursor[Any]:
        return self.connection.cursor(row_factory=keyed_rows).execute(sql.replace("?", "%s"), parameters or None)

    def executemany(self, sql: str, parameters: Any, /) -> None:
        self.connection.cursor().executemany(sql.replace("?", "%s"), parameters)


@pytest.fixture
def db(postgres: PostgresServer) -> Iterator[OnPostgres]:
    """The whole tenant schema in a schema of its own, dropped after."""
    with postgres.connect(autocommit=True) as connection:
        connection.execute(PRELUDE)
        connection.execute("DROP SCHEMA IF EXISTS portable_test CASCADE; CREATE SCHEMA portable_test")
        connection.execute("SET search_path = portable_test")
        connection.execute(translate(MOCK_SCHEMA + pws.SCHEMA_SQL + sync.SCHEMA_SQL))
        yield OnPostgres(connection)
        connection.execute("DROP SCHEMA portable_test CASCADE")


def test_fault_rules_are_removed_one_or_all(db: OnPostgres) -> None:
    first, second, third = (faults.add(db, {"kind": "drop"}, longest_delay=1) for _ in range(3))
    assert faults.remove(db, second.id) == 1
    assert [rule.id for rule in faults.rules(db)] == [first.id, third.id]
    assert faults.remove(db) == 2


def test_rate_limit_settings_are_replaced(db: OnPostgres) -> None:
    rate_limits.configure(db, {"userLimit": 10})
    rate_limits.configure(db, {"sessionLimit": 5})
    assert (rate_limits.settings(db).user_limit, rate_limits.settings(db).session_limit) == (10, 5)


def test_a_journal_row_is_numbered_by_the_insert_itself(db: OnPostgres) -> None:
    entry = journal.JournalEntry("2018-03-09T10:00:00.000000+00:00", "/svc", "Op", "ok", 200, 1.0, "<a/>", "<b/>")
    journal.record(db, entry)
    journal.record(db, entry)
    assert [found.id for found in journal.find(db, "t")] == [1, 2]


class PostgresTenant(TenantAdmin):
    def __init__(self, db: OnPostgres) -> None:
        super().__init__("t")
        self.on = db

    @contextmanager
    def db(self) -> Iterator[Any]:
        yield self.on


def test_the_contract_suite_finds_a_project_by_the_start_of_its_name_ignoring_case(db: OnPostgres) -> None:
    db.execute("INSERT INTO tp_project (id, name, payload) VALUES ('p-1', 'Website Relaunch', '{}')")
    world = SyncWorld(service=None, tenant=PostgresTenant(db), target=None, posted=None)  # type: ignore[arg-type]
    assert world.project_id("website") == "p-1"
