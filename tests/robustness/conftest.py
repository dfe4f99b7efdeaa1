"""Keep Hypothesis' on-disk caches (local constants, unicode tables) out of the working tree.

Hypothesis writes them under ./.hypothesis/ as soon as tests using it are collected; unless
HYPOTHESIS_STORAGE_DIRECTORY says where, this folder's runs put them in a temporary directory
removed at the end of the session. The fuzz tests keep no example database (database=None).
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

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
