"""Tenants: each one a SQLite database, copied from a template built once per process.

SQLite gives us what the vendors' rules need without hand-made locking of domain data:
a request is one transaction, a partial save is a savepoint per item, and a failed
all-or-nothing operation is a rollback. In memory by default; under ``state_dir`` each
tenant is a WAL file, so state survives restarts and is shared by worker processes.
"""

from __future__ import annotations

import fcntl
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from mockserver.state.database import savepoint
from mockserver.state.upgrade import IncompatibleTenantFile, upgrade

DEFAULT_TENANT = "default"
_TENANT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class UnusableStateDir(Exception):
    """A state directory that cannot be created or written: refused when the server starts, not at a
    tenant's first call."""


class UnusableStore(Exception):
    """A store named at start that cannot serve: its driver is not installed, or its database cannot be
    reached or set up. Said in one line when the server starts."""


class StoreUnavailable(Exception):
    """A tenant's store that cannot be reached or stopped answering (a database server): the call is answered
    with a Server fault saying so, and the next call tries again."""


class UnknownTenantName(ValueError):
    """A tenant name that cannot name a database (it also becomes a file name)."""


def check_tenant_name(name: str) -> str:
    if not _TENANT_NAME.match(name):
        raise UnknownTenantName(
            f"Invalid tenant name {name!r}: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit."
        )
    return name


def _connect(target: str | Path) -> sqlite3.Connection:
    connection = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


class Tenant:
    """One tenant's database; every use of it goes through :meth:`transaction`."""

    def __init__(self, name: str) -> None:
        self.name = name

    def _connection(self) -> sqlite3.Connection:
        raise NotImplementedError

    def _turn(self) -> AbstractContextManager[object]:
        """What a thread holds while it uses the connection (nothing when it has its own)."""
        return nullcontext()

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[sqlite3.Connection]:
        """The tenant's database inside one transaction: committed on success, else rolled back.

        ``write=False`` reads without taking SQLite's write lock (other writers go on)."""
        with self._turn(), self._writer(write):
            connection = self._connection()
            connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def _writer(self, write: bool) -> AbstractContextManager[object]:
        """What a writer holds around its transaction, beyond SQLite's own write lock."""
        return nullcontext()

    def load_from(self, source: sqlite3.Connection) -> None:
        """Replace this tenant's whole state with ``source``'s, between two requests."""
        with self._turn():
            source.backup(self._connection())

    def close(self) -> None:
        raise NotImplementedError


class MemoryTenant(Tenant):
    """In memory: one connection, so its threads take turns on it."""

    def __init__(self, name: str, connection: sqlite3.Connection) -> None:
        super().__init__(name)
        self._only = connection
        self._lock = threading.RLock()

    def _connection(self) -> sqlite3.Connection:
        return self._only

    def _turn(self) -> AbstractContextManager[object]:
        return self._lock

    def close(self) -> None:
        with self._lock:
            self._only.close()


class FileTenant(Tenant):
    """A WAL file shared by every thread and worker process, each thread with a connection of its own:
    writers queue on the tenant's writer lock file, and a thread waiting for it holds up no other."""

    def __init__(self, name: str, path: Path) -> None:
        super().__init__(name)
        self.path = path
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._gates: list[int] = []  # each thread's descriptor of the writer lock file
        self._opened_lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = _connect(self.path)
            connection.execute("PRAGMA busy_timeout = 10000")
            # WAL with NORMAL: a commit is in the operating system's hands when it returns, so it survives
            # the process's death (kill -9); only a power loss could take the last commits, which a mock need
            # not survive. FULL's fsync per commit made a file tenant's write transaction 6x slower.
            connection.execute("PRAGMA synchronous = NORMAL")
            # Another process's commit empties this connection's page cache: mapped, the file's pages are
            # read again without a copy (2 workers on one tenant: 1.5 ms of CPU a save without, 1.3 with).
            connection.execute("PRAGMA mmap_size = 268435456")
            self._local.connection = connection
            with self._opened_lock:
                self._opened.append(connection)
        return connection

    @contextmanager
    def _writer(self, write: bool) -> Iterator[None]:
        """Writers queue on a lock file in the kernel, woken the moment it is free.

        Left to SQLite, a writer that finds the lock taken sleeps and retries with growing
        pauses (up to 100 ms), which put a second on the p99 of two busy worker processes."""
        if not write:
            yield
            return
        gate: int | None = getattr(self._local, "gate", None)
        if gate is None:
            gate = self._local.gate = os.open(self.path.with_name(f"{self.path.name}-writer"), os.O_RDWR | os.O_CREAT)
            with self._opened_lock:
                self._gates.append(gate)
        fcntl.flock(gate, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(gate, fcntl.LOCK_UN)

    def close(self) -> None:
        with self._opened_lock:
            for gate in self._gates:
                os.close(gate)
            self._gates.clear()
            for connection in self._opened:
                connection.close()
            self._opened.clear()


class TenantRegistry:
    """All tenants of a server; a tenant is created from the template on first use."""

    def __init__(self, build_template: Callable[[sqlite3.Connection], None], state_dir: Path | None = None) -> None:
        self._template = _connect(":memory:")
        build_template(self._template)
        self._state_dir = state_dir
        self._tenants: dict[str, Tenant] = {}
        self._lock = threading.Lock()
        if state_dir is not None:
            try:
                state_dir.mkdir(parents=True, exist_ok=True)
                tempfile.TemporaryFile(dir=state_dir).close()  # a file made and gone, as a tenant's will be
            except OSError as error:
                raise UnusableStateDir(f"{state_dir}: cannot keep tenants there: {error.strerror}") from None
            for name in self._kept_names():  # each brought up to date now, not on its first call
                self.get(name)

    def get(self, name: str = DEFAULT_TENANT) -> Tenant:
        check_tenant_name(name)
        with self._lock:
            tenant = self._tenants.get(name)
            if tenant is None:
                tenant = self._tenants[name] = self._open(name)
            return tenant

    def reset(self, name: str) -> Tenant:
        """Put the tenant back to the template's state (creating it if need be)."""
        tenant = self.get(name)
        tenant.load_from(self._template)
        return tenant

    def delete(self, name: str) -> bool:
        with self._lock:
            tenant = self._tenants.pop(check_tenant_name(name), None)
        if tenant is not None:
            tenant.close()
        if self._state_dir is not None:
            for path in self._state_dir.glob(f"{name}.sqlite3*"):
                path.unlink()
        return tenant is not None

    def describe(self) -> dict[str, Any]:
        """What the admin health endpoint says of the store: which, where, and whether it answers."""
        where = "memory" if self._state_dir is None else str(self._state_dir)
        return {"kind": "sqlite", "where": where, "reachable": True}

    def close(self) -> None:
        """Let go of every tenant's connections and the template's (the server stops)."""
        with self._lock:
            opened, self._tenants = list(self._tenants.values()), {}
        for tenant in opened:
            tenant.close()
        self._template.close()

    def names(self) -> list[str]:
        with self._lock:
            known = set(self._tenants)
        return sorted(known | set(self._kept_names()))

    def _kept_names(self) -> list[str]:
        """The tenants kept in the state directory (a file whose name no tenant can have is not one)."""
        if self._state_dir is None:
            return []
        stems = (path.name.removesuffix(".sqlite3") for path in self._state_dir.glob("*.sqlite3"))
        return sorted(stem for stem in stems if _TENANT_NAME.match(stem))

    def _open(self, name: str) -> Tenant:
        if self._state_dir is None:
            connection = _connect(":memory:")
            self._template.backup(connection)
            return MemoryTenant(name, connection)
        path = self._state_dir / f"{name}.sqlite3"
        with (self._state_dir / ".create.lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # worker processes may create the same tenant at once
            if not path.exists() or path.stat().st_size == 0:  # empty: left by a crash before this fix
                self._create_file(path)
            else:
                self._upgrade_file(path)
        return FileTenant(name, path)

    def _upgrade_file(self, path: Path) -> None:
        """A file kept from an earlier version gets the tables and columns it lacks (see upgrade.py)."""
        connection = _connect(path)
        try:
            with savepoint(connection, "upgrade"):  # outside a transaction, a savepoint is one: all or nothing
                upgrade(self._template, connection, path)
        except sqlite3.DatabaseError as error:  # not a database at all, or a damaged one
            raise IncompatibleTenantFile(path, str(error)) from None
        finally:
            connection.close()

    def _create_file(self, path: Path) -> None:
        """Build the tenant's file aside and rename it into place: a crash mid-way leaves no half tenant."""
        building = path.with_name(f"{path.name}.creating")
        building.unlink(missing_ok=True)
        connection = _connect(building)
        self._template.backup(connection)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.close()
        os.replace(building, path)
