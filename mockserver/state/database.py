"""What the rules may ask of a tenant's database, whichever store holds it.

The embedded store hands the rules a ``sqlite3.Connection``, the PostgreSQL store a connection of its own: both
satisfy :class:`Database`, so one set of rules runs on either. The rules write ``?`` placeholders and portable SQL;
what differs between the stores stays in ``state/``. A driver's errors are caught through :func:`store_errors` and
:func:`integrity_errors`, which the PostgreSQL store extends with psycopg's (this module imports no driver but
the standard library's).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

Parameters = Sequence[Any] | Mapping[str, Any]
"""The values bound to a statement's ``?`` placeholders, in order."""


class Row(Protocol):
    """A row read by index or by column name, as ``sqlite3.Row`` is (``dict(row)`` works through ``keys``)."""

    def __getitem__(self, key: int | str, /) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def __len__(self) -> int: ...

    def keys(self) -> list[str]: ...


class Cursor(Protocol):
    """A statement's result: its rows, and how many rows it changed (no ``lastrowid``: ``RETURNING`` says it)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Database(Protocol):
    """A tenant's database inside the request's transaction."""

    def execute(self, sql: str, parameters: Parameters = (), /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Parameters], /) -> object: ...


_STORE_ERRORS: list[type[Exception]] = [sqlite3.Error]
_INTEGRITY_ERRORS: list[type[Exception]] = [sqlite3.IntegrityError]


def register_errors(store: type[Exception], integrity: type[Exception]) -> None:
    """Let the rules catch a further driver's errors: any error of its store, and a broken constraint."""
    for known, error in ((_STORE_ERRORS, store), (_INTEGRITY_ERRORS, integrity)):
        if error not in known:
            known.append(error)


def store_errors(*also: type[Exception]) -> tuple[type[Exception], ...]:
    """Every registered driver's base error (whatever a store raised) and ``also``, for an ``except`` clause."""
    return (*_STORE_ERRORS, *also)


def integrity_errors() -> tuple[type[Exception], ...]:
    """Every registered driver's broken-constraint error (a duplicate key, a missing reference)."""
    return tuple(_INTEGRITY_ERRORS)


@contextmanager
def savepoint(db: Database, name: str = "item") -> Iterator[None]:
    """A nested transaction: an exception undoes this block alone, then propagates."""
    db.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        db.execute(f"ROLLBACK TO {name}")
        db.execute(f"RELEASE {name}")
        raise
    db.execute(f"RELEASE {name}")
