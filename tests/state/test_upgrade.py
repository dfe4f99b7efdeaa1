"""A state directory kept across an upgrade of the mock: its tenants get what the new schema adds.

An "earlier version's" tenant file is made by taking from a current one what this version added
(a column of the clock, the rate limiter's tables, a role's external identifier and its index, the
project task types and a task's type); opening the state directory brings it back, keeping every
row. A file that differs in a way the upgrade cannot carry is refused with a message.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from werkzeug.test import Client

from mockserver.app import create_app
from mockserver.contract_suite.actions import soap11_headers
from mockserver.projector import pws
from mockserver.settings import Settings
from mockserver.state.upgrade import IncompatibleTenantFile

LOGIN = (
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
    'xmlns:p="http://projectorpsa.com/PwsProjectorServices/" '
    'xmlns:r="http://projectorpsa.com/DataContracts/Requests/"><s:Body><p:PwsAuthenticate><p:serviceRequest>'
    "<r:AccountCode>DEMO</r:AccountCode><r:Password>e123-password</r:Password>"
    "<r:UserName>e123@example.com</r:UserName></p:serviceRequest></p:PwsAuthenticate></s:Body></s:Envelope>"
)


def login(client: Client, tenant: str) -> bytes:
    answer = client.post(f"/tenants/{tenant}{pws.ENDPOINT_PATH}", data=LOGIN, headers=soap11_headers(LOGIN))
    assert answer.status_code == 200, answer.text
    return answer.data


def make_earlier(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as db:
        for statement in statements:
            db.execute(statement)


def test_a_tenant_file_of_an_earlier_version_gets_the_new_tables_and_columns(tmp_path: Path) -> None:
    first = Client(create_app(Settings(state_dir=tmp_path)))
    assert b"<c:Status>Ok</c:Status>" in login(first, "kept")
    make_earlier(
        tmp_path / "kept.sqlite3",
        "DROP TABLE pr_rate_hit",
        "DROP TABLE rate_limit_settings",
        "ALTER TABLE clock DROP COLUMN frozen_real_at",
        "DROP INDEX pr_role_external",
        "ALTER TABLE pr_role DROP COLUMN external_system_id",
        "ALTER TABLE pr_task DROP COLUMN task_type_uid",
        "DROP TABLE pr_project_task_type",
    )

    upgraded = Client(create_app(Settings(state_dir=tmp_path)))

    with sqlite3.connect(tmp_path / "kept.sqlite3") as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"pr_rate_hit", "rate_limit_settings"} <= tables
        assert "frozen_real_at" in {row[1] for row in db.execute("PRAGMA table_info(clock)")}
        assert "external_system_id" in {row[1] for row in db.execute("PRAGMA table_info(pr_role)")}
        assert db.execute("SELECT 1 FROM sqlite_master WHERE name = 'pr_role_external'").fetchone()
        assert "task_type_uid" in {row[1] for row in db.execute("PRAGMA table_info(pr_task)")}
        assert "pr_project_task_type" in tables
        assert db.execute("SELECT COUNT(*) FROM pr_session").fetchone()[0] == 1  # the earlier session kept
    assert b"<c:Status>Ok</c:Status>" in login(upgraded, "kept")
    assert upgraded.get("/__admin/tenants/kept/projector/rate-limits").get_json()["enabled"] is True


def spoil_schema(path: Path) -> None:
    make_earlier(path, "ALTER TABLE pr_user ADD COLUMN nickname TEXT")


def spoil_file(path: Path) -> None:
    path.write_text("hello", encoding="utf-8")


@pytest.mark.parametrize("spoil", [spoil_schema, spoil_file], ids=["unknown column", "not a database"])
def test_a_tenant_file_the_upgrade_cannot_carry_is_refused_with_what_to_do(
    tmp_path: Path, spoil: Callable[[Path], None]
) -> None:
    login(Client(create_app(Settings(state_dir=tmp_path))), "odd")
    spoil(tmp_path / "odd.sqlite3")

    with pytest.raises(IncompatibleTenantFile, match=r"odd\.sqlite3 cannot serve as a tenant"):
        create_app(Settings(state_dir=tmp_path))
    served = subprocess.run(
        [sys.executable, "-m", "mockserver", "serve", "--port", "0", "--state-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert served.returncode != 0
    assert "mockserver serve:" in served.stderr
    assert "Delete it to start the tenant again" in served.stderr.replace("\n", " ")
    assert "Traceback" not in served.stderr


def test_a_file_no_tenant_can_be_named_after_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "my notes.sqlite3").write_text("not a tenant", encoding="utf-8")
    app = create_app(Settings(state_dir=tmp_path))
    assert "my notes" not in app.tenants.names()
    assert b"<c:Status>Ok</c:Status>" in login(Client(app), "fresh")
