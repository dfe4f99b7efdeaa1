"""Benchmark: how to lay tenants out in PostgreSQL (issue 20), measured before the store is built.

Run: python tests/benchmarks/bench_store_layout.py [--quick]   (a throwaway PostgreSQL 15, tests/support/postgres.py)
Two layouts of the real tenant schema (MOCK_SCHEMA + projector + timepunch, translated by
mockserver.state.postgres_schema) holding the default dataset:
- schema: a schema per tenant, created from a template schema: the translated DDL, then INSERT ... SELECT of the
  template's rows and the identities moved past them, one transaction in one round trip; and, for comparison,
  CREATE TABLE ... (LIKE template INCLUDING ALL) (which copies no foreign key: a lower bound).
- keyed: one set of tables, every key led by tenant_id; a tenant is INSERT ... SELECT of tenant 0's rows.
(a) creating a tenant with 1 and with 100 tenants existing (median of 5);
(b) a save as PwsSaveTimeCards makes one (the tenant's write lock, the clock, the user, resource, project and
    role by key, the resource's cards that day, two sequence updates, the card INSERT, the journal INSERT) in one
    transaction, round-robin over the existing tenants, median latency with 1 and 100 tenants.
The server runs with synchronous_commit=off: a commit is in the operating system's hands when it returns, as
the SQLite store's synchronous=NORMAL (a crash of the process loses nothing; a power loss may lose the last).
"""

from __future__ import annotations

import argparse
import itertools
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the throwaway server of tests/support

import psycopg
from support.postgres import postgres_server

from mockserver import fixtures
from mockserver.projector import pws
from mockserver.state import MOCK_SCHEMA
from mockserver.state.postgres_schema import PRELUDE, identity_columns, statements, tables, translate
from mockserver.timepunch import sync

SQLITE_DDL = MOCK_SCHEMA + pws.SCHEMA_SQL + sync.SCHEMA_SQL
Connection = psycopg.Connection[tuple[Any, ...]]

# -- the keyed layout's DDL: every key, unique constraint, reference and index led by tenant_id --------------


def _keyed_table(name: str, items: list[str]) -> str:
    columns, constraints = ["tenant_id INTEGER NOT NULL"], []
    for item in items:
        if item.upper().startswith(("PRIMARY KEY", "UNIQUE")):
            constraints.append(item.replace("(", "(tenant_id, ", 1))
            continue
        column = item.split()[0]
        if re.search(r"\bPRIMARY KEY\b", item):
            item = re.sub(r"\bPRIMARY KEY\b", "NOT NULL", item)
            constraints.append(f"PRIMARY KEY (tenant_id, {column})")
        if re.search(r"\bUNIQUE\b", item):
            item = re.sub(r"\bUNIQUE\b", "", item)
            constraints.append(f"UNIQUE (tenant_id, {column})")
        reference = re.search(r"\bREFERENCES\s+(\w+)\s*\((\w+)\)", item)
        if reference:
            item = item.replace(reference[0], "")
            parent, key = reference[1], reference[2]
            constraints.append(f"FOREIGN KEY (tenant_id, {column}) REFERENCES {parent} (tenant_id, {key})")
        columns.append(item)
    return f"CREATE TABLE {name} ({', '.join(columns + constraints)})"


def keyed_ddl(script: str) -> str:
    """``script`` with tenant_id leading every key (SQLite's dialect still: translate() follows)."""
    out = ["CREATE TABLE mock_tenant (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"]
    for statement in statements(script):
        table = list(tables(statement))
        if table:
            out.append(_keyed_table(*table[0]))
        elif statement.upper().startswith("INSERT"):  # the template's rows are tenant 0's
            out.append(statement.replace("(", "(tenant_id, ", 1).replace("VALUES (", "VALUES (0, "))
        else:
            out.append(statement.replace("(", "(tenant_id, ", 1))
    return ";\n".join(out) + ";"


# -- creating tenants ------------------------------------------------------------------------------------------

TABLES = [name for name, _ in tables(SQLITE_DDL)]
TENANT_DDL = translate("".join(f"{s};" for s in statements(SQLITE_DDL) if not s.upper().startswith("INSERT")))


def _insert_dataset(connection: Connection, prefix: dict[str, Any]) -> None:
    """The default dataset's rows, led by ``prefix``'s columns; a rowid a row leaves out is numbered here, as
    SQLite would (the keyed layout has no identity: its ids are per tenant)."""
    rowids = dict(identity_columns(SQLITE_DDL))
    for table, rows in fixtures.default_dataset().items():
        rowid = rowids.get(table)
        for number, row in enumerate(rows, 1):
            values = {**prefix, **({rowid: number} if rowid else {}), **row}
            marks = ", ".join("%s" for _ in values)
            connection.execute(f"INSERT INTO {table} ({', '.join(values)}) VALUES ({marks})", tuple(values.values()))


def schema_layout(connection: Connection) -> None:
    connection.execute(PRELUDE)
    connection.execute("CREATE SCHEMA tpl")
    connection.execute("SET search_path = tpl")
    connection.execute(translate(SQLITE_DDL))
    _insert_dataset(connection, {})


def create_schema_tenant(connection: Connection, number: int) -> None:
    schema = f"t_{number}"
    copies = "".join(f"INSERT INTO {schema}.{table} SELECT * FROM tpl.{table};\n" for table in TABLES)
    moves = ", ".join(
        f"setval(pg_get_serial_sequence('{schema}.{table}', '{column}'), "
        f"COALESCE((SELECT max({column}) FROM {schema}.{table}), 0) + 1, false)"
        for table, column in identity_columns(SQLITE_DDL)
    )
    with connection.transaction():
        connection.execute(
            f"CREATE SCHEMA {schema}; SET LOCAL search_path = {schema};\n{TENANT_DDL}{copies}SELECT {moves};"
        )


def create_like_tenant(connection: Connection, number: int) -> None:
    schema = f"l_{number}"
    script = "".join(
        f"CREATE TABLE {schema}.{table} (LIKE tpl.{table} INCLUDING ALL);"
        f"INSERT INTO {schema}.{table} SELECT * FROM tpl.{table};\n"
        for table in TABLES
    )
    with connection.transaction():
        connection.execute(f"CREATE SCHEMA {schema};\n{script}")


def keyed_layout(connection: Connection) -> None:
    connection.execute(PRELUDE)
    connection.execute("CREATE SCHEMA keyed")
    connection.execute("SET search_path = keyed")
    connection.execute(translate(keyed_ddl(SQLITE_DDL)))
    connection.execute("INSERT INTO mock_tenant VALUES (0, 'template')")
    _insert_dataset(connection, {"tenant_id": 0})


def create_keyed_tenant(connection: Connection, number: int) -> None:
    columns = {table: _columns(connection, table) for table in TABLES}
    copies = "".join(
        f"INSERT INTO {table} SELECT {number}, {columns[table]} FROM {table} WHERE tenant_id = 0;\n" for table in TABLES
    )
    with connection.transaction():
        connection.execute(f"INSERT INTO mock_tenant VALUES ({number}, 't_{number}');\n{copies}")


_COLUMNS: dict[str, str] = {}


def _columns(connection: Connection, table: str) -> str:
    """A keyed table's columns but tenant_id, read once (what the store would know from its schema)."""
    if table not in _COLUMNS:
        names = connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'keyed' AND table_name = %s "
            "AND column_name <> 'tenant_id' ORDER BY ordinal_position",
            (table,),
        ).fetchall()
        _COLUMNS[table] = ", ".join(name for (name,) in names)
    return _COLUMNS[table]


# -- a save ----------------------------------------------------------------------------------------------------

USER, RESOURCE = 1152921504615846987, 1152921504615846977
PROJECT, ROLE = 1152921504615846997, 1152921504609525049


class Counted:
    """A connection's execute, counted: the statements a save sends."""

    def __init__(self, connection: Connection) -> None:
        self.connection, self.count = connection, 0

    def __call__(self, sql: str, parameters: tuple[Any, ...] = ()) -> psycopg.Cursor[tuple[Any, ...]]:
        self.count += 1
        return self.connection.execute(sql, parameters)  # type: ignore[arg-type]


def save(run: Counted, number: int, keyed: bool) -> None:
    """One card saved, with the journal entry, as the rules would send it (the key condition per layout)."""
    mine, key = (" AND tenant_id = %s", (number,)) if keyed else ("", ())
    with run.connection.transaction():
        run("SELECT pg_advisory_xact_lock(%s)", (number,))  # the tenant's writers queue, as BEGIN IMMEDIATE
        if not keyed:
            run(f"SET LOCAL search_path = t_{number}")
        run(f"SELECT frozen_at, offset_microseconds FROM clock WHERE true{mine}", key)
        run(f"SELECT * FROM pr_user WHERE uid = %s{mine}", (USER, *key))
        run(f"SELECT * FROM pr_resource WHERE uid = %s{mine}", (RESOURCE, *key))
        run(f"SELECT * FROM pr_project WHERE uid = %s{mine}", (PROJECT, *key))
        run(f"SELECT * FROM pr_role WHERE uid = %s{mine}", (ROLE, *key))
        run(
            f"SELECT coalesce(sum(work_minutes), 0) FROM pr_time_card WHERE resource_uid = %s AND work_date = %s{mine}",
            (RESOURCE, "2024-03-11", *key),
        )
        (uid,) = run(
            f"UPDATE pr_sequence SET next_value = next_value + 1 WHERE name = 'uid'{mine} RETURNING next_value", key
        ).fetchone()  # type: ignore[misc]
        (card_id,) = run(
            f"UPDATE pr_sequence SET next_value = next_value + 1 WHERE name = 'id'{mine} RETURNING next_value", key
        ).fetchone()  # type: ignore[misc]
        card = (uid, card_id, "T", RESOURCE, PROJECT, ROLE, "2024-03-11", 60, "bench")
        columns = "uid, id, type, resource_uid, project_uid, role_uid, work_date, work_minutes, description"
        run(
            f"INSERT INTO pr_time_card ({'tenant_id, ' if keyed else ''}{columns}) "
            f"VALUES ({'%s, ' if keyed else ''}%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (*key, *card),
        )
        entry = ("2024-03-11T09:00:00+00:00", "/pws", "PwsSaveTimeCards", "ok", 200, 1.0, "<request/>", "<response/>")
        journal = "logged_at, endpoint, operation, verdict, status, duration_ms, request, response"
        if keyed:  # ids per tenant, as SQLite's rowid: the next after the tenant's last
            run(
                f"INSERT INTO mock_journal (tenant_id, id, {journal}) SELECT %s, coalesce(max(id), 0) + 1, "
                "%s, %s, %s, %s, %s, %s, %s, %s FROM mock_journal WHERE tenant_id = %s",
                (number, *entry, number),
            )
        else:
            run(f"INSERT INTO mock_journal ({journal}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", entry)


# -- the run ---------------------------------------------------------------------------------------------------


def _median_ms(action: Callable[[], None], times: int) -> float:
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        spent.append(time.perf_counter() - start)
    return statistics.median(spent) * 1000


def measure(
    connection: Connection, label: str, create: Callable[[Connection, int], None], keyed: bool | None, saves: int
) -> None:
    made = 0

    def one_more() -> None:
        nonlocal made
        made += 1
        create(connection, made)

    one_more()
    for existing in (1, 100):
        while made < existing:
            one_more()
        print(f"{label:8} create a tenant, {existing:3} existing: {_median_ms(one_more, 5):7.2f} ms (median of 5)")
        if keyed is None:
            continue
        latency, count = _save_latency(connection, existing, keyed, saves)
        print(
            f"{label:8} save, round-robin over {existing:3} tenants: {latency:7.3f} ms median "
            f"({count} statements + BEGIN/COMMIT)"
        )


def _save_latency(connection: Connection, existing: int, keyed: bool, saves: int) -> tuple[float, int]:
    """The median of ``saves`` saves over the ``existing`` tenants in turn, and the statements of one."""
    run, tenants = Counted(connection), itertools.cycle(range(1, existing + 1))
    latency = _median_ms(lambda: save(run, next(tenants), keyed), saves)
    return latency, run.count // saves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 saves a figure instead of 500")
    saves = 50 if parser.parse_args().quick else 500
    with postgres_server({"synchronous_commit": "off"}) as server, server.connect(autocommit=True) as connection:
        print(f"PostgreSQL {connection.info.server_version}, {len(TABLES)} tables a tenant")
        schema_layout(connection)
        measure(connection, "schema", create_schema_tenant, False, saves)
        measure(connection, "like", create_like_tenant, None, saves)
        keyed_layout(connection)
        measure(connection, "keyed", create_keyed_tenant, True, saves)


if __name__ == "__main__":
    main()
