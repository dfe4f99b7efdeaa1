"""The tenant schema translated from SQLite's DDL to the PostgreSQL store's keyed layout
(mockserver/state/postgres_schema.py): the DDL it writes, then that DDL at work on the session's server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
import pytest
from support.postgres import PostgresServer

from mockserver import fixtures
from mockserver.projector import pws
from mockserver.state import MOCK_SCHEMA
from mockserver.state.postgres_schema import (
    KEYED_PRELUDE,
    SHARED_SCHEMA,
    UntranslatableSchema,
    keyed_columns,
    keyed_statements,
)
from mockserver.timepunch import sync

TENANT_SCHEMA = MOCK_SCHEMA + pws.SCHEMA_SQL + sync.SCHEMA_SQL
TENANT_ID = "tenant_id BIGINT NOT NULL DEFAULT current_setting('mock.tenant')::bigint"


def test_tenant_id_leads_integers_are_64_bit_and_reals_keep_sqlite_s_eight_bytes() -> None:
    (table, *_) = keyed_statements("CREATE TABLE t (code TEXT PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0, r REAL)")
    assert table == (
        f'CREATE TABLE t (\n    {TENANT_ID},\n    code TEXT COLLATE "C" NOT NULL,\n    n BIGINT NOT NULL DEFAULT 0,\n'
        "    r DOUBLE PRECISION,\n    PRIMARY KEY (tenant_id, code)\n)"
    )


def test_nocase_is_the_shared_collation_and_other_text_compares_byte_by_byte() -> None:
    table, *_, index = keyed_statements(
        "CREATE TABLE t (name TEXT NOT NULL COLLATE NOCASE, work_date TEXT NOT NULL);"
        "CREATE INDEX t_name ON t (name COLLATE NOCASE, work_date)"
    )
    assert "name TEXT NOT NULL COLLATE mockserver.nocase," in table
    assert 'work_date TEXT COLLATE "C" NOT NULL' in table
    assert index == "CREATE INDEX t_name ON t (tenant_id, name COLLATE mockserver.nocase, work_date)"


def test_tenant_id_leads_every_key_unique_reference_and_index() -> None:
    table, *_, unique_index, index = keyed_statements(
        "CREATE TABLE c (a TEXT UNIQUE, p INTEGER NOT NULL REFERENCES parent (uid), PRIMARY KEY (a, p), UNIQUE (p, a));"
        "CREATE UNIQUE INDEX c_p ON c (p);CREATE INDEX c_a ON c (a)"
    )
    assert table == (
        f'CREATE TABLE c (\n    {TENANT_ID},\n    a TEXT COLLATE "C",\n    p BIGINT NOT NULL,\n'
        "    UNIQUE (tenant_id, a),\n"
        "    FOREIGN KEY (tenant_id, p) REFERENCES parent (tenant_id, uid) DEFERRABLE INITIALLY IMMEDIATE,\n"
        "    PRIMARY KEY (tenant_id, a, p),\n    UNIQUE (tenant_id, p, a)\n)"
    )
    assert (unique_index, index) == (
        "CREATE UNIQUE INDEX c_p ON c (tenant_id, p)",
        "CREATE INDEX c_a ON c (tenant_id, a)",
    )


def test_a_rowid_alias_is_numbered_by_a_trigger_and_every_table_is_under_its_tenant_s_policy() -> None:
    table, *rest = keyed_statements("CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT)")
    assert "    id BIGINT NOT NULL,\n" in table
    assert "PRIMARY KEY (tenant_id, id)" in table
    current = "current_setting('mock.tenant')::bigint"
    assert rest == [
        "ALTER TABLE t ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE t FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY tenant ON t USING (tenant_id = {current}) WITH CHECK (tenant_id = {current})",
        "CREATE TRIGGER number_id BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION mockserver.number_row('id')",
    ]
    assert not any("TRIGGER" in statement for statement in keyed_statements("CREATE TABLE t (k TEXT PRIMARY KEY)"))


def test_rows_and_comments_are_left_out() -> None:
    ddl = keyed_statements("CREATE TABLE t (a TEXT); -- a comment; here\nINSERT INTO t (a) VALUES ('x');")
    assert len(ddl) == 4
    assert not any("INSERT" in statement or "comment" in statement for statement in ddl)


def test_keyed_columns_declare_each_column_as_the_table_does() -> None:
    assert keyed_columns("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE COLLATE NOCASE)") == {
        "t": {"tenant_id": TENANT_ID, "id": "id BIGINT NOT NULL", "name": "name TEXT COLLATE mockserver.nocase"}
    }


@pytest.mark.parametrize(
    ("script", "named"),
    [
        ("CREATE TABLE t (b BLOB)", "'b BLOB'"),
        ("CREATE VIEW v AS SELECT 1", "'CREATE VIEW v AS SELECT 1'"),
        ("CREATE TABLE t (a INTEGER, FOREIGN KEY (a) REFERENCES p (b))", "'FOREIGN KEY \\(a\\)'"),
    ],
)
def test_a_construct_it_does_not_know_is_named_not_mistranslated(script: str, named: str) -> None:
    with pytest.raises(UntranslatableSchema, match=named):
        keyed_statements(script)


# -- on the session's server ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Keyed:
    """The whole keyed schema in a database of the test's own, and a role of its own that row-level security
    binds (the server's superuser, who made it, is never bound)."""

    connection: psycopg.Connection[tuple[object, ...]]
    role: str

    @contextmanager
    def tenant(self, key: int) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
        """A transaction in tenant ``key``, as the role: committed at the end of the block."""
        with self.connection.transaction():
            self.connection.execute("SELECT set_config('mock.tenant', %s, true)", (str(key),))
            self.connection.execute(f"SET LOCAL ROLE {self.role}")
            yield self.connection


@pytest.fixture
def keyed(postgres: PostgresServer) -> Iterator[Keyed]:
    name = f"schema_{uuid.uuid4().hex[:10]}"
    role = f"{name}_tenant"
    with postgres.connect(autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
        admin.execute(f"CREATE ROLE {role} NOLOGIN NOSUPERUSER NOBYPASSRLS")
    try:
        with psycopg.connect(postgres.url.rsplit("/", 1)[0] + f"/{name}", autocommit=True) as connection:
            connection.execute(KEYED_PRELUDE)
            connection.execute(f"SET search_path = {SHARED_SCHEMA}")
            for statement in keyed_statements(TENANT_SCHEMA):
                connection.execute(statement)
            connection.execute(f"GRANT USAGE ON SCHEMA {SHARED_SCHEMA} TO {role}")
            connection.execute(
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {SHARED_SCHEMA} TO {role}"
            )
            yield Keyed(connection, role)
    finally:
        with postgres.connect(autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
            admin.execute(f"DROP ROLE {role}")


def test_the_keyed_schema_takes_the_default_dataset_as_one_tenant_s_rows(keyed: Keyed) -> None:
    dataset = fixtures.default_dataset()
    with keyed.tenant(1) as db:
        for table, rows in dataset.items():
            for row in rows:
                marks = ", ".join("%s" for _ in row)
                db.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})", tuple(row.values()))
    for key, expected in ((1, {table: len(rows) for table, rows in dataset.items()}), (2, dict.fromkeys(dataset, 0))):
        with keyed.tenant(key) as db:
            counts = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in dataset}  # type: ignore[index]
        assert counts == expected


def test_every_table_is_created_with_the_columns_listed_and_under_a_forced_policy(keyed: Keyed) -> None:
    listed = {table: set(columns) for table, columns in keyed_columns(TENANT_SCHEMA).items()}
    created: dict[str, set[str]] = {}
    for table, column in keyed.connection.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = %s "
        "AND table_name <> 'tenant'",
        (SHARED_SCHEMA,),
    ):
        created.setdefault(str(table), set()).add(str(column))
    assert created == listed
    guarded = keyed.connection.execute(
        "SELECT relname FROM pg_class JOIN pg_policies ON tablename = relname AND schemaname = %s "
        "WHERE relnamespace = %s::regnamespace AND relrowsecurity AND relforcerowsecurity AND policyname = 'tenant'",
        (SHARED_SCHEMA, SHARED_SCHEMA),
    ).fetchall()
    assert sorted(name for (name,) in guarded) == sorted(listed)


def test_a_tenant_neither_sees_nor_writes_another_s_rows(keyed: Keyed) -> None:
    with keyed.tenant(1) as db:
        db.execute("INSERT INTO pr_location (uid, id, name) VALUES (1, 1, 'Berlin Office')")
    with keyed.tenant(2) as db:
        assert db.execute("SELECT count(*) FROM pr_location").fetchone() == (0,)
        assert db.execute("UPDATE pr_location SET name = 'Taken' WHERE uid = 1").rowcount == 0
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"), keyed.tenant(2) as db:
        db.execute("INSERT INTO pr_location (tenant_id, uid, id, name) VALUES (1, 2, 2, 'Planted')")


def test_nocase_columns_compare_and_stay_unique_ignoring_case_within_a_tenant(keyed: Keyed) -> None:
    with keyed.tenant(1) as db:
        db.execute("INSERT INTO pr_location (uid, id, name) VALUES (1, 1, 'Berlin Office')")
        assert db.execute("SELECT uid FROM pr_location WHERE name = 'BERLIN office'").fetchone() == (1,)
    with pytest.raises(psycopg.errors.UniqueViolation), keyed.tenant(1) as db:
        db.execute("INSERT INTO pr_location (uid, id, name) VALUES (2, 2, 'berlin office')")
    with keyed.tenant(2) as db:
        db.execute("INSERT INTO pr_location (uid, id, name) VALUES (1, 1, 'berlin office')")


def test_an_omitted_rowid_is_numbered_per_tenant_and_reals_keep_double_precision(keyed: Keyed) -> None:
    insert = "INSERT INTO mock_fault (kind, percentage) VALUES ('drop', 33.333333333333336) RETURNING id, percentage"
    numbered = []
    for key in (1, 2, 1):
        with keyed.tenant(key) as db:
            numbered.append(db.execute(insert).fetchone())
    assert numbered == [(1, 33.333333333333336), (1, 33.333333333333336), (2, 33.333333333333336)]
