"""The version of the installed distribution, as `mockserver --version` and /__admin/version say it."""

from __future__ import annotations

from importlib import metadata

DISTRIBUTION = "timecard-mockserver"


def version() -> str:
    return metadata.version(DISTRIBUTION)
