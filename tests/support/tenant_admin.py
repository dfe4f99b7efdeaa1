"""The mock's own side of a tenant, for tests: arrange state a client cannot through the API."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from mockserver import fixtures
from mockserver.app import MockServer

BASE_URL = "http://mock.test"
"""Where the in-process mock is reached (nothing listens there; the requests adapter serves it)."""
PASSWORDS = {user["user_name"]: user["password"] for user in fixtures.projector_dataset()["pr_user"]}
"""The dataset's logins (the same e-mail may appear in two accounts, with one password)."""


class TenantAdmin:
    """The mock's own side of a tenant: arrange state the API cannot (another user's change, a clock)."""

    def __init__(self, app: MockServer, name: str) -> None:
        self.app = app
        self.name = name

    @contextmanager
    def db(self) -> Iterator[sqlite3.Connection]:
        with self.app.tenants.get(self.name).transaction() as db:
            yield db
