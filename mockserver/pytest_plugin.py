"""pytest fixtures for client developers' suites (registered as the ``mockserver`` pytest11 plugin).

A ladder, as pytest-httpserver's: ``mockserver`` (session) starts one server, or uses the one
``MOCKSERVER_URL`` names; ``mock_tenant`` (function) gives each test a tenant of its own, deleted
afterwards, so tests (pytest-xdist workers included) never see each other's state.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from mockserver.settings import Settings
from mockserver.testing import MockTenant, RunningMockServer

URL_VARIABLE = "MOCKSERVER_URL"


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
def mock_tenant(mockserver: RunningMockServer) -> Iterator[MockTenant]:
    """A fresh tenant for this test (scope function; type MockTenant), deleted after it.

    Point your client at ``mock_tenant.url("pws")`` (or ``"ops"``, ``"tpsync"``); arrange with
    ``set_clock``, ``force_error``, ``add_fault``, ``load_dataset``; verify with ``journal``,
    ``count`` and ``assert_called``.
    """
    tenant = mockserver.tenant()
    yield tenant
    tenant.raise_server_errors()
    tenant.delete()
