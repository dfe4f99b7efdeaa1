"""Tenants in PostgreSQL, shared by every replica of the mock that names the same database.

The layout is tenant-keyed (store-design.md has the measurement): one set of tables in the ``mockserver``
schema, every row led by its tenant's id. A transaction names its tenant in a session setting; each table's
tenant_id defaults to it and its row-level security shows that tenant's rows alone, so the rules' SQL, written
for SQLite, runs unchanged. What SQLite's dialect says differently is translated here and nowhere else: ``?``
marks, ``BEGIN IMMEDIATE`` (a per-tenant advisory lock: one writer a tenant across all replicas, as SQLite's
write lock is one a file), the few PRAGMAs and ``sqlite_master`` lookups of the state layer, and values
(a bool is stored as SQLite stores it, 0 or 1; SUM's numeric comes back an int).
"""

from __future__ import annotations

import functools
import queue
import re
import select
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import psycopg
from psycopg.adapt import Dumper, Loader

from mockserver.state import datasets
from mockserver.state.database import register_errors
from mockserver.state.postgres_schema import (
    KEYED_PRELUDE,
    SHARED_SCHEMA,
    TENANT_SETTING,
    keyed_columns,
    keyed_statements,
)
from mockserver.state.tenants import StoreUnavailable, Tenant, TenantRegistry, UnusableStore, check_tenant_name

TENANT_ROLE = "mockserver_tenant"
"""The role every tenant transaction takes: row-level security never binds a superuser or a BYPASSRLS role, which
a store's URL often names (a CI database's ``postgres``), so the rules run as this one, which it binds."""
WRITER_LOCK_CLASS = 0x6D6F636B  # "mock": the advisory locks' first key, the tenant's id the second
_SETUP_LOCK = (WRITER_LOCK_CLASS, -1)
"""Held while one replica creates or brings up to date the schema, so replicas starting together take turns."""
_TABLE_OF = re.compile(r"\b(?:TABLE|ON)\s+(\w+)")
"""The table a DDL statement of the keyed schema makes or changes."""
register_errors(psycopg.Error, psycopg.IntegrityError)  # a broken constraint is the rules' to answer, as on SQLite


# -- SQLite's dialect, as PostgreSQL reads it -------------------------------------------------------------

_QUOTED_OR_MARK = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|\?|%")
_STATEMENTS = {
    "PRAGMA defer_foreign_keys = ON": "SET CONSTRAINTS ALL DEFERRED",
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name": (
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_name <> 'tenant' ORDER BY table_name COLLATE \"C\""
    ),
}
"""The state layer's SQLite-only statements, each as PostgreSQL says it."""
_DIALECT = (
    (re.compile(r"\bON CONFLICT\s*\(", re.IGNORECASE), "ON CONFLICT (tenant_id, "),  # every key leads with it here
    (re.compile(r"\bIS\s+%s", re.IGNORECASE), "IS NOT DISTINCT FROM %s"),  # SQLite's null-safe equality
    (re.compile(r"\bIN\s*\(\s*\)", re.IGNORECASE), "IN (SELECT NULL WHERE FALSE)"),  # SQLite's empty list
)
"""What SQLite's SQL says that PostgreSQL says otherwise, rewritten after the marks."""
_TABLE_INFO = re.compile(r'^PRAGMA table_info\("(\w+)"\)$')


@functools.lru_cache(maxsize=1024)
def postgres_sql(sql: str) -> str:
    """``sql`` as PostgreSQL reads it: its ``?`` marks as ``%s``, a literal ``%`` doubled, and the state layer's
    SQLite-only statements in PostgreSQL's words."""
    if sql in _STATEMENTS:
        return _STATEMENTS[sql]
    table_info = _TABLE_INFO.match(sql)
    if table_info:  # (cid, name) as SQLite's table_info starts, this store's tenant_id left out
        return (
            "SELECT ordinal_position, column_name FROM information_schema.columns WHERE table_schema = "
            f"current_schema() AND table_name = '{table_info[1]}' AND column_name <> 'tenant_id' "
            "ORDER BY ordinal_position"
        )

    def mark(found: re.Match[str]) -> str:
        text = found[0]
        return {"?": "%s", "%": "%%"}.get(text, text)

    translated = _QUOTED_OR_MARK.sub(mark, sql)
    for pattern, replacement in _DIALECT:
        translated = pattern.sub(replacement, translated)
    return translated


class _BoolAsInteger(Dumper):
    """A bool goes in as SQLite stores it, 0 or 1 (the schema's flags are INTEGER columns)."""

    oid = psycopg.postgres.types["int8"].oid

    def dump(self, obj: bool) -> bytes:
        return b"1" if obj else b"0"


class _AsText(Dumper):
    """A date or datetime goes in as the text SQLite's default adapter writes (ISO, a space between date and time)."""

    oid = 0  # unknown: compared with a TEXT column, PostgreSQL reads it as text

    def dump(self, obj: date | datetime) -> bytes:
        return (obj.isoformat(" ") if isinstance(obj, datetime) else obj.isoformat()).encode()


class _NumericAsNumber(Loader):
    """SUM and AVG answer numeric in PostgreSQL: an int when whole, as SQLite's integer arithmetic does."""

    def load(self, data: Any) -> int | float:
        value = Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


def _adapt(connection: psycopg.Connection[Any]) -> None:
    connection.adapters.register_dumper(bool, _BoolAsInteger)
    connection.adapters.register_dumper(date, _AsText)
    connection.adapters.register_dumper(datetime, _AsText)
    connection.adapters.register_loader("numeric", _NumericAsNumber)


@functools.cache
def _row_class(names: tuple[str, ...]) -> type[tuple[Any, ...]]:
    """A row as sqlite3.Row reads: by position or by column name, ``keys()``, and so ``dict(row)``."""
    position = {name: index for index, name in enumerate(names)}

    def item(row: tuple[Any, ...], key: int | str | slice) -> Any:
        return tuple.__getitem__(row, position[key] if isinstance(key, str) else key)

    return type("Row", (tuple,), {"__slots__": (), "__getitem__": item, "keys": lambda row: list(names)})


def _rows(cursor: psycopg.Cursor[Any]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """Rows as SQLite gives them: the store's tenant_id left out, so ``SELECT *`` reads the table's own columns,
    in their places, and a snapshot of a tenant is its data alone."""
    names = tuple(column.name for column in cursor.description or ())
    kept = tuple(index for index, name in enumerate(names) if name != "tenant_id")
    row = _row_class(tuple(names[index] for index in kept))
    if len(kept) == len(names):
        return row
    return lambda values: row(values[index] for index in kept)


class PostgresDatabase:
    """A transaction's connection as the rules use a sqlite3 one: ``execute`` with SQLite's SQL."""

    def __init__(self, connection: psycopg.Connection[Any]) -> None:
        self.connection = connection

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        return self.connection.execute(postgres_sql(sql), tuple(parameters) or None, prepare=None)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> psycopg.Cursor[Any]:
        cursor = self.connection.cursor()
        cursor.executemany(postgres_sql(sql), rows)
        return cursor


# -- connections --------------------------------------------------------------------------------------------


class _Connections:
    """Open connections kept for the next transaction; a broken one is dropped, a new one made on demand."""

    def __init__(self, url: str, timeout: float) -> None:
        self.url = url
        self.timeout = timeout
        self._idle: queue.SimpleQueue[psycopg.Connection[Any]] = queue.SimpleQueue()

    def connect(self) -> psycopg.Connection[Any]:
        milliseconds = max(1, round(self.timeout * 1000))
        try:
            connection = psycopg.connect(
                self.url,
                autocommit=True,
                connect_timeout=max(1, round(self.timeout)),
                # the database's own synchronous_commit: an acknowledged change survives the database's crash
                # too, as a file tenant's survives the mock's (an administrator may trade that for speed)
                options=f"-c search_path={SHARED_SCHEMA} -c statement_timeout={milliseconds} "
                f"-c lock_timeout={milliseconds}",
                row_factory=_rows,
            )
        except psycopg.Error as error:
            raise StoreUnavailable(f"the PostgreSQL store cannot be reached: {_first_line(error)}") from None
        _adapt(connection)
        return connection

    def _still_open(self) -> psycopg.Connection[Any] | None:
        """An idle connection the server has not ended. A server that ends its sessions (a restart) says so on
        their sockets, so one with anything to read is dropped unused: no call fails on it once the server is back,
        and no round trip is spent asking."""
        while True:
            try:
                connection = self._idle.get_nowait()
            except queue.Empty:
                return None
            if not select.select([connection], [], [], 0)[0]:
                return connection
            connection.close()

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection[Any]]:
        connection = self._still_open() or self.connect()
        try:
            yield connection
        except (psycopg.OperationalError, psycopg.InterfaceError) as error:
            connection.close()
            raise StoreUnavailable(f"the PostgreSQL store stopped answering: {_first_line(error)}") from None
        finally:
            self._keep_or_close(connection)

    def _keep_or_close(self, connection: psycopg.Connection[Any]) -> None:
        """Back to the idle ones if it is idle outside a transaction; else (broken, or left mid-transaction) closed."""
        if connection.closed:
            return
        if connection.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
            self._idle.put(connection)
        else:
            connection.close()

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def _without_password(url: str) -> str:
    return re.sub(r"(//[^:/@]+):[^@]*@", r"\1:***@", url)


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


# -- tenants ------------------------------------------------------------------------------------------------


class PostgresTenant(Tenant):
    """A tenant's rows in the shared tables; its transactions name it, and its writers queue on its lock."""

    def __init__(self, name: str, key: int, connections: _Connections, key_of: Callable[[str], int]) -> None:
        super().__init__(name)
        self.key = key
        self._connections = connections
        self._key_of = key_of

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[Any]:
        with self._connections.connection() as connection:
            connection.execute("BEGIN")
            try:
                if not enter_tenant(connection, self.key, write):
                    # deleted through another replica: made anew from the template, as any first use makes it
                    connection.execute("ROLLBACK")
                    self.key = self._key_of(self.name)
                    connection.execute("BEGIN")
                    enter_tenant(connection, self.key, write)
                yield PostgresDatabase(connection)
            except BaseException:
                if not connection.closed:
                    connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def load_from(self, source: sqlite3.Connection) -> None:
        """Replace the tenant's rows with ``source``'s (the template, or a snapshot built aside), in one transaction."""
        with self.transaction() as db:
            copy_rows(source, db.connection)

    def close(self) -> None:
        """Nothing of the tenant's is held open: its connections are the registry's."""


def enter_tenant(connection: psycopg.Connection[Any], key: int, write: bool) -> bool:
    """Make the transaction the tenant's: its setting, the role its row-level security binds, and for a writer
    the tenant's advisory lock (BEGIN IMMEDIATE's one writer a tenant, across every replica), in one round trip.
    False when the tenant is no longer there (deleted through another replica)."""
    lock = ", pg_advisory_xact_lock(%s, %s)" if write else ""
    entered = connection.execute(
        f"SELECT EXISTS (SELECT 1 FROM {SHARED_SCHEMA}.tenant WHERE id = %s), "
        f"set_config(%s, %s, true), set_config('role', %s, true){lock}",
        (key, TENANT_SETTING, str(key), TENANT_ROLE, *((WRITER_LOCK_CLASS, key) if write else ())),
    ).fetchone()
    return bool(entered and entered[0])


def copy_rows(source: sqlite3.Connection, connection: psycopg.Connection[Any]) -> None:
    """Every row of ``source``'s tables into the current tenant's (its rows first deleted), checked at commit."""
    tables = datasets.tables(source)
    _empty(tables, connection)
    for table in tables:
        selected = source.execute(f'SELECT * FROM "{table}"')
        rows = [tuple(row) for row in selected]
        if rows:  # INSERT, pipelined: COPY FROM is refused on a table with row-level security
            columns = ", ".join(f'"{column[0]}"' for column in selected.description)
            marks = ", ".join("%s" for _ in selected.description)
            connection.cursor().executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', rows)


def _empty(tables: list[str], connection: psycopg.Connection[Any]) -> None:
    """Delete the current tenant's rows of ``tables``, in any order: foreign keys are checked at commit."""
    connection.execute("SET CONSTRAINTS ALL DEFERRED")
    for table in tables:
        connection.execute(f'DELETE FROM "{table}"')


def _tenant_id(connection: psycopg.Connection[Any], name: str) -> int | None:
    found = connection.execute(f"SELECT id FROM {SHARED_SCHEMA}.tenant WHERE name = %s", (name,)).fetchone()
    return None if found is None else int(found[0])


def _grant_tenant_role(connection: psycopg.Connection[Any]) -> None:
    """The role the rules run as, made once, with the rights on the tenants' tables (granted again at each start,
    for tables an upgrade added). Making the role, or granting it to the URL's user, needs CREATEROLE: without it,
    an administrator makes the role and grants it to that user once."""
    exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (TENANT_ROLE,)).fetchone()
    if exists is None:
        connection.execute(f"CREATE ROLE {TENANT_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS")
    member = connection.execute("SELECT pg_has_role(current_user, %s, 'MEMBER')", (TENANT_ROLE,)).fetchone()
    if not (member and member[0]):
        connection.execute(f"GRANT {TENANT_ROLE} TO current_user")
    connection.execute(f"GRANT USAGE ON SCHEMA {SHARED_SCHEMA} TO {TENANT_ROLE}")
    connection.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {SHARED_SCHEMA} TO {TENANT_ROLE}")
    connection.execute(f"REVOKE ALL ON {SHARED_SCHEMA}.tenant FROM {TENANT_ROLE}")


class PostgresTenantRegistry(TenantRegistry):
    """Every tenant of the database at ``url``: created from this replica's template on first use, by name,
    whichever replica sees it first."""

    def __init__(self, build_template: Callable[[sqlite3.Connection], None], url: str, timeout: float) -> None:
        self._connections = _Connections(url, timeout)
        self._where = _without_password(url)
        super().__init__(build_template)
        try:
            self._set_up()
        except (StoreUnavailable, psycopg.Error) as error:
            raise UnusableStore(f"--store {_without_password(url)}: {_first_line(error)}") from None

    def _set_up(self) -> None:
        """Create the schema, or bring it up to date, once: replicas starting together take turns."""
        with self._connections.connection() as connection, connection.transaction():
            connection.execute("SELECT pg_advisory_xact_lock(%s, %s)", _SETUP_LOCK)
            connection.execute(KEYED_PRELUDE)
            connection.execute(f"SET LOCAL search_path = {SHARED_SCHEMA}")
            existing: dict[str, set[str]] = {}
            for table, column in connection.execute(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = %s",
                (SHARED_SCHEMA,),
            ):
                existing.setdefault(table, set()).add(column)
            schema = self._template_schema()
            for statement in keyed_statements(schema):  # a table this version adds, with its indexes and policy
                if _TABLE_OF.search(statement)[1] not in existing:  # type: ignore[index] # every statement names one
                    connection.execute(statement)
            for table, columns in keyed_columns(schema).items():  # as --state-dir's upgrade: the schema only grows
                for column, declared in columns.items():
                    if table in existing and column not in existing[table]:
                        connection.execute(f"ALTER TABLE {table} ADD COLUMN {declared}")
            _grant_tenant_role(connection)

    def _template_schema(self) -> str:
        """The template's DDL as SQLite keeps it: what the tables here are made from."""
        built = self._template.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
        return "".join(f"{sql};\n" for (sql,) in built)

    def _open(self, name: str) -> Tenant:
        return PostgresTenant(name, self._key_of(name), self._connections, self._key_of)

    def _key_of(self, name: str) -> int:
        """The tenant's id, the tenant made from the template first if no replica has made it yet."""
        with self._connections.connection() as connection, connection.transaction():
            key = _tenant_id(connection, name)
            if key is None:  # two replicas making one tenant: the second's INSERT waits for the first's, then yields
                made = connection.execute(
                    f"INSERT INTO {SHARED_SCHEMA}.tenant (name) VALUES (%s) ON CONFLICT (name) DO NOTHING RETURNING id",
                    (name,),
                ).fetchone()
                if made is None:
                    key = _tenant_id(connection, name)
                else:
                    key = int(made[0])
                    enter_tenant(connection, key, write=True)
                    copy_rows(self._template, connection)
        assert key is not None  # made here, or by the replica that made it first
        return key

    def delete(self, name: str) -> bool:
        check_tenant_name(name)
        with self._lock:
            self._tenants.pop(name, None)
        with self._connections.connection() as connection, connection.transaction():
            key = _tenant_id(connection, name)
            if key is None:
                return False
            enter_tenant(connection, key, write=True)
            _empty(datasets.tables(self._template), connection)
            connection.execute("RESET ROLE")
            connection.execute(f"DELETE FROM {SHARED_SCHEMA}.tenant WHERE id = %s", (key,))
        return True

    def _kept_names(self) -> list[str]:
        with self._connections.connection() as connection:
            return [row[0] for row in connection.execute(f"SELECT name FROM {SHARED_SCHEMA}.tenant ORDER BY name")]

    def describe(self) -> dict[str, Any]:
        """What the admin health endpoint says of the store: where, and whether it answers now."""
        try:
            with self._connections.connection() as connection:
                connection.execute("SELECT 1")
            return {"kind": "postgresql", "where": self._where, "reachable": True}
        except StoreUnavailable as error:
            return {"kind": "postgresql", "where": self._where, "reachable": False, "error": str(error)}

    def close(self) -> None:
        super().close()
        self._connections.close()
