"""pytest fixtures for client developers' suites (registered as the ``mockserver`` pytest11 plugin).

A ladder, as pytest-httpserver's: ``mockserver`` (session) starts one server, or uses the one
``MOCKSERVER_URL`` names; ``mock_tenant`` (function) gives each test a tenant of its own, deleted
afterwards, so tests (pytest-xdist workers included) never see each other's state. A test fails
when a call of its drew a Server fault (a mock bug) or a warning (a departure from the contract the
vendor would silently read past: a client bug), unless it is marked ``mockserver_allow_warnings``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from mockserver.settings import Settings
from mockserver.testing import MockTenant, RunningMockServer

URL_VARIABLE = "MOCKSERVER_URL"
ALLOW_WARNINGS = "mockserver_allow_warnings"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{ALLOW_WARNINGS}: the test passes though its calls left the contract (the mock read them as the vendor)",
    )


@pytest.fixture(scope="session")
def mockserver_settings() -> Settings:
    """Settings of the session's server (scope session; default: the embedded dataset).

    Override it in your conftest.py to serve your own dataset: ``Settings(dataset=Path(...))``.
    """
    return Settings()


@pytest.fixture(scope="session")
def mockserver(mockserver_settings: Settings) -> Iterator[RunningMockServer]:
    """The session's mock server (scope session; type RunningMockServer).

    Started in a thread on a free port of 127.0.0.1, or, when ``MOCKSERVER_URL`` is set, the server
    running there (shared by several workers or jobs).
    """
    server = RunningMockServer(mockserver_settings, url=os.environ.get(URL_VARIABLE) or None)
    yield server
    server.stop()


@pytest.fixture
def mock_tenant(mockserver: RunningMockServer, request: pytest.FixtureRequest) -> Iterator[MockTenant]:
    """A fresh tenant for this test (scope function; type MockTenant), deleted after it.

    Point your client at ``mock_tenant.url("pws")`` (or ``"ops"``, ``"tpsync"``); arrange with
    ``set_clock``, ``force_error``, ``add_fault``, ``load_dataset``, ``set_strict``; verify with
    ``journal``, ``count`` and ``assert_called``. The test fails if a call drew a Server fault, or a
    warning unless the test is marked ``mockserver_allow_warnings``.
    """
    tenant = mockserver.tenant()
    yield tenant
    try:
        tenant.raise_server_errors()
        if request.node.get_closest_marker(ALLOW_WARNINGS) is None:
            tenant.raise_warnings()
    finally:
        tenant.delete()
