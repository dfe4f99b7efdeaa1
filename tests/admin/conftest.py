"""The browser the journal page's tests drive."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium; CI's .ci/run installs it, so its absence is a failure, not a skip."""
    path = shutil.which("chromium")
    if path is None:
        pytest.fail("chromium is not installed: apt-get install chromium chromium-driver (as .ci/run does)")
    return path
