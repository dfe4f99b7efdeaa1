"""A throwaway PostgreSQL server for the tests of the PostgreSQL store: Debian's binaries, a data directory in a
temporary directory, 127.0.0.1 on a free port, trust authentication, stopped and removed afterwards.

PostgreSQL refuses to run as root, and the tests run as root here and in CI: the server then runs as an
unprivileged system user (Debian's package creates ``postgres``; ``nobody`` otherwise), which owns its directory.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import psycopg

BIN_DIR = Path("/usr/lib/postgresql/15/bin")
"""Debian's PostgreSQL 15 (package postgresql-15; tests/toolkits/install.sh installs it)."""
SERVER_USERS = ("postgres", "nobody")
"""Who runs the server when the tests run as root, the first that exists."""
TEST_SETTINGS: Mapping[str, str] = {"fsync": "off", "full_page_writes": "off", "synchronous_commit": "off"}
"""A throwaway server need not survive a power loss: the tests' settings skip the flushes that only that needs."""
STARTUP_SECONDS = 30.0


class PostgresUnavailable(RuntimeError):
    """The server could not be set up or started; the message carries the server's own words."""


@dataclass(frozen=True)
class PostgresServer:
    """A running server: its address and its data directory."""

    host: str
    port: int
    directory: Path
    user: str = "postgres"
    database: str = "postgres"

    @property
    def url(self) -> str:
        """The connection URL a user gives ``--store``."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.database}"

    def connect(self, **options: object) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(self.url, **options)  # type: ignore[arg-type]


def binaries_present() -> bool:
    return all((BIN_DIR / name).is_file() for name in ("initdb", "postgres"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _server_account() -> pwd.struct_passwd | None:
    """The account the server runs as: None when the tests are not root (the server runs as them)."""
    if os.geteuid() != 0:
        return None
    for name in SERVER_USERS:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PostgresUnavailable(f"running as root, and none of the users {', '.join(SERVER_USERS)} exists")


def _as(account: pwd.struct_passwd | None, command: list[str]) -> list[str]:
    """``command`` run as ``account`` (setpriv executes it in place: the process is the command's own)."""
    if account is None:
        return command
    return ["setpriv", f"--reuid={account.pw_uid}", f"--regid={account.pw_gid}", "--clear-groups", "--", *command]


def _wait_until_ready(process: subprocess.Popen[bytes], server: PostgresServer, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if process.poll() is not None:
            raise PostgresUnavailable(f"postgres exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            with server.connect(connect_timeout=2):
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise PostgresUnavailable(f"postgres did not answer in {STARTUP_SECONDS:g} s") from None
            time.sleep(0.05)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """A fast shutdown (SIGINT: sessions ended, no checkpoint wait), a kill if it hangs."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class RunningPostgres:
    """A server's process, which a test may stop and start again: the same data directory, the same port, so
    its clients see the database go away and come back (an outage), as a restarted database server does."""

    def __init__(self, server: PostgresServer, command: list[str], log: Path) -> None:
        self.server, self._command, self._log = server, command, log
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self._log.open("ab") as output:  # the server writes on, the file stays open in its process
            self._process = subprocess.Popen(self._command, stdout=output, stderr=subprocess.STDOUT)
        _wait_until_ready(self._process, self.server, self._log)

    def stop(self) -> None:
        if self._process is not None:
            _stop(self._process)

    @contextmanager
    def outage(self) -> Iterator[None]:
        """The server stopped (a fast shutdown: its sessions ended) while the block runs, started again after."""
        self.stop()
        try:
            yield
        finally:
            self.start()


@contextmanager
def running_postgres(settings: Mapping[str, str] = TEST_SETTINGS) -> Iterator[RunningPostgres]:
    """A new server with ``settings`` (``-c name=value``) while the block runs, its process at hand; stopped and
    its directory removed in all cases."""
    account = _server_account()
    directory = Path(tempfile.mkdtemp(prefix="mockserver-pg-"))
    running: RunningPostgres | None = None
    try:
        if account is not None:
            os.chown(directory, account.pw_uid, account.pw_gid)
        data, log = directory / "data", directory / "server.log"
        initdb_options = ["-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]
        initdb = subprocess.run(
            _as(account, [str(BIN_DIR / "initdb"), "-D", str(data), *initdb_options, "--no-instructions"]),
            capture_output=True,
            text=True,
            check=False,
        )
        if initdb.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {initdb.stderr.strip()}")
        server = PostgresServer("127.0.0.1", _free_port(), directory)
        options = [f"-c{name}={value}" for name, value in settings.items()]
        command = [str(BIN_DIR / "postgres"), "-D", str(data), "-h", server.host, "-p", str(server.port), "-k", ""]
        log.touch()
        if account is not None:
            os.chown(log, account.pw_uid, account.pw_gid)
        running = RunningPostgres(server, _as(account, command + options), log)
        running.start()
        yield running
    finally:
        if running is not None:
            running.stop()
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def postgres_server(settings: Mapping[str, str] = TEST_SETTINGS) -> Iterator[PostgresServer]:
    """A new server with ``settings`` (``-c name=value``) while the block runs; stopped and its directory
    removed in all cases."""
    with running_postgres(settings) as running:
        yield running.server


@contextmanager
def new_database(server: PostgresServer) -> Iterator[PostgresServer]:
    """A database of its own on ``server`` while the block runs, dropped after (its sessions ended): tests whose
    stores must not meet share the session's server, not its tables."""
    name = f"mock_{uuid.uuid4().hex[:12]}"
    with server.connect(autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield replace(server, database=name)
    finally:
        with server.connect(autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
