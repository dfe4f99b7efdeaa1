"""The PostgreSQL store itself: SQLite's dialect as it reads it, tenants kept apart even on a superuser's
connection, a database of an earlier version brought up to date, the contract suite's own query, health, and
`serve --store` refusing what it cannot use in one line."""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from support.postgres import PostgresServer
from werkzeug.test import Client

from mockserver.app import MockServer, create_app
from mockserver.cli import USAGE_ERROR, main
from mockserver.contract_suite.target import InProcessAdmin
from mockserver.contract_suite.timepunch_steps import SyncWorld
from mockserver.settings import Settings
from mockserver.state.postgres import postgres_sql


@pytest.mark.parametrize(
    ("sqlite", "postgresql"),
    [
        ("SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = %s AND b = %s"),
        ("SELECT '?', \"x?\" FROM t WHERE a LIKE '%' || ?", "SELECT '?', \"x?\" FROM t WHERE a LIKE '%' || %s"),
        ("SELECT 1 WHERE 5 % 2 = ?", "SELECT 1 WHERE 5 %% 2 = %s"),
        ("SELECT id FROM t WHERE name IS ?", "SELECT id FROM t WHERE name IS NOT DISTINCT FROM %s"),
        ("SELECT id FROM t WHERE name IS NULL", "SELECT id FROM t WHERE name IS NULL"),
        ("SELECT id FROM t WHERE s IN ()", "SELECT id FROM t WHERE s IN (SELECT NULL WHERE FALSE)"),
        (
            "INSERT INTO h (k, n) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET n = h.n + excluded.n",
            "INSERT INTO h (k, n) VALUES (%s, %s) ON CONFLICT (tenant_id, k) DO UPDATE SET n = h.n + excluded.n",
        ),
        ("PRAGMA defer_foreign_keys = ON", "SET CONSTRAINTS ALL DEFERRED"),
    ],
)
def test_sqlites_sql_is_read_in_postgresqls_words(sqlite: str, postgresql: str) -> None:
    assert postgres_sql(sqlite) == postgresql


@pytest.fixture
def database_url(postgres: PostgresServer) -> Iterator[str]:
    """A database of this test's own on the session's server (the store's schema in it made by the test)."""
    name = f"store_{uuid.uuid4().hex[:10]}"
    with postgres.connect(autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    yield postgres.url.rsplit("/", 1)[0] + f"/{name}"
    with postgres.connect(autocommit=True) as connection:
        connection.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def app(database_url: str) -> Iterator[MockServer]:
    served = create_app(Settings(store=database_url))
    yield served
    served.tenants.close()


def _cards(app: MockServer, tenant: str) -> int:
    with app.tenants.get(tenant).transaction(write=False) as db:
        (count,) = db.execute("SELECT COUNT(*) FROM pr_time_card").fetchone()
    return int(count)


def test_tenants_are_kept_apart_though_the_url_names_a_superuser(app: MockServer, database_url: str) -> None:
    with psycopg.connect(database_url) as connection:
        superuser = connection.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
    assert superuser == (True,)  # row-level security alone would not bind this connection
    before = _cards(app, "other")
    with app.tenants.get("one").transaction() as db:
        db.execute("DELETE FROM pr_time_card")

    assert _cards(app, "one") == 0
    assert _cards(app, "other") == before > 0


def test_a_tenant_made_by_one_replica_is_the_same_tenant_for_another(app: MockServer, database_url: str) -> None:
    with app.tenants.get("shared").transaction() as db:
        db.execute("UPDATE pr_account SET name = 'Changed by replica one'")
    replica = create_app(Settings(store=database_url))
    try:
        with replica.tenants.get("shared").transaction(write=False) as db:
            names = {row["name"] for row in db.execute("SELECT name FROM pr_account")}
        assert names == {"Changed by replica one"}
        assert "shared" in replica.tenants.names()
    finally:
        replica.tenants.close()


def test_a_reset_tenant_is_the_template_again_and_a_deleted_one_is_gone(app: MockServer) -> None:
    before = _cards(app, "kept")
    with app.tenants.get("kept").transaction() as db:
        db.execute("DELETE FROM pr_time_card")
    app.tenants.reset("kept")
    assert _cards(app, "kept") == before

    assert app.tenants.delete("kept")
    assert "kept" not in app.tenants.names()
    assert not app.tenants.delete("kept")


def test_a_database_of_an_earlier_version_gets_the_tables_and_columns_it_lacks(
    app: MockServer, database_url: str
) -> None:
    with app.tenants.get("old").transaction() as db:
        db.execute("UPDATE pr_account SET name = 'Kept'")
    app.tenants.close()
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("ALTER TABLE mockserver.pr_account DROP COLUMN save_results_failed_only")
        connection.execute("DROP TABLE mockserver.pr_notification")

    upgraded = create_app(Settings(store=database_url))
    try:
        with upgraded.tenants.get("old").transaction(write=False) as db:
            account = db.execute("SELECT name, save_results_failed_only FROM pr_account").fetchone()
            (notifications,) = db.execute("SELECT COUNT(*) FROM pr_notification").fetchone()
        assert (account["name"], account["save_results_failed_only"]) == ("Kept", 0)
        assert notifications == 0
    finally:
        upgraded.tenants.close()


def test_the_contract_suite_finds_a_project_by_the_start_of_its_name_ignoring_case(app: MockServer) -> None:
    with app.tenants.get("lookup").transaction() as db:  # tp_project.name is NOCASE: PostgreSQL refuses LIKE on it
        db.execute("INSERT INTO tp_project (id, name, payload) VALUES ('p-1', 'Website Relaunch', '{}')")
    admin = InProcessAdmin(app, "lookup")
    world = SyncWorld(service=None, tenant=admin, target=None, posted=None)  # type: ignore[arg-type]
    assert world.project_id("wEBSITE") == "p-1"


def test_health_names_the_store(app: MockServer, database_url: str) -> None:
    answer = Client(app).get("/__admin/health")
    store = json.loads(answer.data)["store"]
    assert answer.status_code == 200
    assert store == {"kind": "postgresql", "where": database_url, "reachable": True}


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_with_a_store_it_cannot_reach_ends_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql://mock:secret@127.0.0.1:{_closed_port()}/nowhere"
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--port", "0", "--store", url])
    error = capsys.readouterr().err
    assert exited.value.code == USAGE_ERROR
    assert error.count("\n") == 1
    assert error.startswith("mockserver serve: --store postgresql://mock:***@127.0.0.1:")
    assert "cannot be reached" in error
    assert "secret" not in error


def test_serve_with_both_a_store_and_a_state_dir_ends_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["serve", "--store", "postgresql://x@127.0.0.1/x", "--state-dir", "state"])
    assert exited.value.code == USAGE_ERROR
    assert capsys.readouterr().err == (
        "mockserver serve: --store and --state-dir each name where tenants are kept: give one\n"
    )


def test_a_tenant_deleted_through_another_replica_is_made_anew_on_its_next_call(
    app: MockServer, database_url: str
) -> None:
    template_cards = _cards(app, "renewed")
    with app.tenants.get("renewed").transaction() as db:
        db.execute("DELETE FROM pr_time_card")
    replica = create_app(Settings(store=database_url))
    try:
        assert replica.tenants.delete("renewed")
        assert _cards(app, "renewed") == template_cards  # app still held the tenant it had opened
        assert "renewed" in replica.tenants.names()
    finally:
        replica.tenants.close()


def test_a_user_without_createrole_serves_once_an_administrator_made_and_granted_the_role(
    postgres: PostgresServer,
) -> None:
    owner, database = f"owner_{uuid.uuid4().hex[:8]}", f"owned_{uuid.uuid4().hex[:8]}"
    with postgres.connect(autocommit=True) as connection:
        connection.execute("DO $$ BEGIN CREATE ROLE mockserver_tenant NOLOGIN; "
                           "EXCEPTION WHEN duplicate_object THEN NULL; END $$")  # fmt: skip
        connection.execute(f"CREATE ROLE {owner} LOGIN NOCREATEROLE")
        connection.execute(f"GRANT mockserver_tenant TO {owner}")
        connection.execute(f"CREATE DATABASE {database} OWNER {owner}")
    url = f"postgresql://{owner}@{postgres.host}:{postgres.port}/{database}"
    try:
        served = create_app(Settings(store=url))
        try:
            with served.tenants.get("one").transaction() as db:
                db.execute("DELETE FROM pr_time_card")
            assert _cards(served, "one") == 0
            assert _cards(served, "two") > 0
        finally:
            served.tenants.close()
    finally:
        with postgres.connect(autocommit=True) as connection:
            connection.execute(f"DROP DATABASE {database} WITH (FORCE)")
            connection.execute(f"DROP ROLE {owner}")


def test_a_snapshot_exported_from_one_tenant_makes_another_the_same(app: MockServer) -> None:
    admin = Client(app)
    with app.tenants.get("source").transaction() as db:
        db.execute("UPDATE pr_account SET name = 'Snapshotted'")
    exported = admin.get("/__admin/tenants/source/snapshot")
    assert exported.status_code == 200
    snapshot = exported.get_json()
    assert "tenant_id" not in snapshot["pr_account"][0]  # the store's key is its own, not the tenant's data

    assert admin.put("/__admin/tenants/copy/snapshot", json=snapshot).status_code in (200, 204)
    assert admin.get("/__admin/tenants/copy/snapshot").get_json() == snapshot
