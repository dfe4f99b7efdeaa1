"""The rules catch a store's errors through the registry, whichever driver raised them."""

from __future__ import annotations

import sqlite3

import pytest

from mockserver.state import database, datasets


class DriverError(Exception):
    """Another driver's base error, as psycopg.Error is."""


class DriverIntegrityError(DriverError):
    """Another driver's broken-constraint error, as psycopg.IntegrityError is."""


class RefusingInserts:
    """A database whose driver refuses every insert with its own error."""

    def __init__(self) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE TABLE item (name TEXT PRIMARY KEY)")

    def execute(self, sql: str, parameters: database.Parameters = (), /) -> sqlite3.Cursor:
        if sql.startswith("INSERT"):
            raise DriverIntegrityError("duplicate key value violates unique constraint")
        return self.db.execute(sql, parameters)


@pytest.fixture(autouse=True)
def only_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry as a process starts it, whatever store another test of this process opened (the PostgreSQL
    store registers psycopg's errors when it is imported)."""
    monkeypatch.setattr(database, "_STORE_ERRORS", [sqlite3.Error])
    monkeypatch.setattr(database, "_INTEGRITY_ERRORS", [sqlite3.IntegrityError])


@pytest.fixture
def registered() -> None:
    """The other driver registered for this test alone."""
    database.register_errors(DriverError, DriverIntegrityError)


def test_sqlite_s_errors_are_known_without_registering() -> None:
    assert database.store_errors() == (sqlite3.Error,)
    assert database.integrity_errors() == (sqlite3.IntegrityError,)
    assert database.store_errors(ValueError) == (sqlite3.Error, ValueError)


@pytest.mark.usefixtures("registered")
def test_a_registered_driver_s_errors_join_sqlite_s_once() -> None:
    database.register_errors(DriverError, DriverIntegrityError)
    assert database.store_errors() == (sqlite3.Error, DriverError)
    assert database.integrity_errors() == (sqlite3.IntegrityError, DriverIntegrityError)


@pytest.mark.usefixtures("registered")
def test_a_row_another_driver_refuses_is_named_as_sqlite_s_would_be() -> None:
    with pytest.raises(datasets.InvalidDataset, match="table 'item', row 1: duplicate key"):
        datasets.insert(RefusingInserts(), {"item": [{"name": "x"}]})
