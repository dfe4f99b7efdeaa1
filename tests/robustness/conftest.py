"""Tenants of a test's own, deleted afterwards; Hypothesis' on-disk caches kept out of the working tree.

Hypothesis writes them under ./.hypothesis/ as soon as tests using it are collected; unless
HYPOTHESIS_STORAGE_DIRECTORY says where, this folder's runs put them in a temporary directory
removed at the end of the session. The fuzz tests keep no example database (database=None).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator

import pytest
from werkzeug.test import Client

from mockserver.app import MockServer

_STORAGE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
        return
    from hypothesis.configuration import set_hypothesis_home_dir

    _STORAGE.append(tempfile.mkdtemp(prefix="mockserver-hypothesis-"))
    set_hypothesis_home_dir(_STORAGE[-1])


def pytest_unconfigure(config: pytest.Config) -> None:
    while _STORAGE:
        shutil.rmtree(_STORAGE.pop(), ignore_errors=True)


@pytest.fixture
def new_tenant(mock_app: MockServer) -> Iterator[Callable[[str], str]]:
    """Names for tenants of this test's own (``new_tenant("busy")``), deleted from the in-process mock after it."""
    names: list[str] = []

    def make(prefix: str) -> str:
        names.append(f"{prefix}-{uuid.uuid4().hex[:10]}")
        return names[-1]

    yield make
    admin = Client(mock_app)
    for name in names:
        admin.delete(f"/__admin/tenants/{name}")  # 404 when the test never used it
