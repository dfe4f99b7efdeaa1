"""Fixtures shared by every tier: the contract suite's (the target, the mock in-process by default, a fresh
tenant per test, zeep wired to it with every answer checked against our contract), and a served mock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.installed import Built, Installed, build, install
from support.postgres import PostgresServer, binaries_present, postgres_server
from support.served import served

pytest_plugins = ["mockserver.contract_suite.plugin"]  # the features' steps and fixtures, as shipped


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """`python -m mockserver serve` in its own process, shared by the session's HTTP tests."""
    with served() as url:
        yield url


@pytest.fixture(scope="session")
def built_package(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The wheel and the sdist of this tree (scope session: built once)."""
    return build(tmp_path_factory)


@pytest.fixture(scope="session")
def installed_package(built_package: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel with its contract-test extra, installed offline into a fresh venv outside the checkout."""
    return install(built_package, "[contract-test]", tmp_path_factory)


@pytest.fixture(scope="session")
def wheel_server_url(installed_package: Installed) -> Iterator[str]:
    """`mockserver serve` of the installed wheel, run from outside the checkout: what client toolkits call."""
    with installed_package.served() as url:
        yield url


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL 15 server for the session (scope session: started once, removed after); the
    tests that need it are skipped only where Debian's binaries are absent."""
    if not binaries_present():
        pytest.skip("PostgreSQL 15 is not installed (Debian's postgresql; tests/toolkits/install.sh installs it)")
    with postgres_server() as server:
        yield server
