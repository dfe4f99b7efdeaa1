"""The throwaway PostgreSQL server the store's tests run against (tests/support/postgres.py)."""

from __future__ import annotations

import os
import socket

import psycopg
import pytest
from support.postgres import PostgresServer, binaries_present, postgres_server


def test_the_session_server_answers_queries_over_loopback(postgres: PostgresServer) -> None:
    with postgres.connect() as connection:
        version = connection.execute("SHOW server_version_num").fetchone()
        address = connection.execute("SELECT inet_server_addr()::text").fetchone()
        superuser = connection.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
    assert version is not None
    assert version[0].startswith("15")
    assert address == ("127.0.0.1/32",)
    assert superuser == (True,)  # trust auth: the URL alone logs in, as the store's tests will


def test_the_server_runs_unprivileged(postgres: PostgresServer) -> None:
    with postgres.connect() as connection:  # its backend is stat'ed while it lives: it ends with the connection
        row = connection.execute("SELECT pg_backend_pid()").fetchone()
        assert row is not None
        assert os.stat(f"/proc/{row[0]}").st_uid != 0


@pytest.mark.skipif(not binaries_present(), reason="PostgreSQL 15 is not installed")
def test_a_server_is_gone_with_its_directory_after_its_block() -> None:
    with postgres_server() as server:
        with server.connect() as connection:
            connection.execute("CREATE TABLE kept (n INTEGER)")
        assert (server.directory / "data" / "PG_VERSION").exists()
    assert not server.directory.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(server.url, connect_timeout=2)
    with socket.socket() as probe, pytest.raises(ConnectionRefusedError):
        probe.connect((server.host, server.port))
