"""Fixtures shared by every tier: the contract suite's (the target, the mock in-process by default, a fresh
tenant per test, zeep wired to it with every answer checked against our contract), and a served mock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.served import served

pytest_plugins = ["mockserver.contract_suite.plugin"]  # the features' steps and fixtures, as shipped


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """`python -m mockserver serve` in its own process, shared by the session's HTTP tests."""
    with served() as url:
        yield url
