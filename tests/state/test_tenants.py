"""Tenants: copies of the template, isolated, resettable, persistent under a state directory."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mockserver.state import MOCK_SCHEMA, clock
from mockserver.state.database import savepoint
from mockserver.state.tenants import TenantRegistry, UnknownTenantName


def build(db: sqlite3.Connection) -> None:
    db.executescript(MOCK_SCHEMA + "CREATE TABLE item (name TEXT PRIMARY KEY);INSERT INTO item VALUES ('seed');")


def names(registry: TenantRegistry, tenant: str) -> list[str]:
    with registry.get(tenant).transaction() as db:
        return [row[0] for row in db.execute("SELECT name FROM item ORDER BY name")]


def add(registry: TenantRegistry, tenant: str, name: str) -> None:
    with registry.get(tenant).transaction() as db:
        db.execute("INSERT INTO item VALUES (?)", (name,))


def test_a_new_tenant_starts_from_the_template_and_stays_apart() -> None:
    registry = TenantRegistry(build)
    add(registry, "a", "only-in-a")
    assert names(registry, "a") == ["only-in-a", "seed"]
    assert names(registry, "b") == ["seed"]


def test_a_failed_request_rolls_back_whole() -> None:
    registry = TenantRegistry(build)

    def fail_halfway() -> None:
        with registry.get("a").transaction() as db:
            db.execute("INSERT INTO item VALUES ('half-done')")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        fail_halfway()
    assert names(registry, "a") == ["seed"]


def test_a_savepoint_undoes_its_own_block_only() -> None:
    registry = TenantRegistry(build)

    def insert_then_collide(db: sqlite3.Connection) -> None:
        with savepoint(db):
            db.execute("INSERT INTO item VALUES ('undone')")
            db.execute("INSERT INTO item VALUES ('seed')")  # duplicate key

    with registry.get("a").transaction() as db:
        db.execute("INSERT INTO item VALUES ('kept')")
        with pytest.raises(sqlite3.IntegrityError):
            insert_then_collide(db)
    assert names(registry, "a") == ["kept", "seed"]


def test_reset_and_delete() -> None:
    registry = TenantRegistry(build)
    add(registry, "a", "x")
    registry.reset("a")
    assert names(registry, "a") == ["seed"]
    assert registry.delete("a") is True
    assert registry.delete("a") is False
    assert registry.names() == []


@pytest.mark.parametrize("name", ["", "../etc", "a/b", "-x", "x" * 65])
def test_names_that_cannot_name_a_database_are_refused(name: str) -> None:
    with pytest.raises(UnknownTenantName):
        TenantRegistry(build).get(name)


def test_state_dir_keeps_tenants_across_a_restart(tmp_path: Path) -> None:
    add(TenantRegistry(build, tmp_path), "kept", "saved-before-restart")
    restarted = TenantRegistry(build, tmp_path)
    assert restarted.names() == ["kept"]
    assert names(restarted, "kept") == ["saved-before-restart", "seed"]


def test_threads_take_turns_on_one_tenant() -> None:
    registry = TenantRegistry(build)
    with registry.get("a").transaction() as db:
        db.execute("CREATE TABLE counter (value INTEGER)")
        db.execute("INSERT INTO counter VALUES (0)")

    def bump() -> None:
        for _ in range(200):
            with registry.get("a").transaction() as db:
                (value,) = db.execute("SELECT value FROM counter").fetchone()
                db.execute("UPDATE counter SET value = ?", (value + 1,))  # read-modify-write: racy without turns

    threads = [threading.Thread(target=bump) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with registry.get("a").transaction() as db:
        assert db.execute("SELECT value FROM counter").fetchone()[0] == 1600


def test_the_clock_runs_stands_and_advances() -> None:
    registry = TenantRegistry(build)
    with registry.get("a").transaction() as db:
        before = datetime.now(UTC)
        assert before - timedelta(seconds=5) < clock.now(db) < before + timedelta(seconds=5)
        clock.freeze(db, datetime(2018, 3, 9, 12, 0))
        assert clock.now(db) == datetime(2018, 3, 9, 12, 0, tzinfo=UTC)
        assert clock.advance(db, timedelta(minutes=90)) == datetime(2018, 3, 9, 13, 30, tzinfo=UTC)
        clock.run(db)
        clock.advance(db, timedelta(days=1))
        assert clock.now(db) > datetime.now(UTC) + timedelta(hours=23)
