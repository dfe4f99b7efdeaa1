"""`python -m mockserver serve` in a process of its own, for tests over real HTTP."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests


@contextmanager
def served(
    *arguments: str, python: str = sys.executable, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Iterator[str]:
    """The server's base URL while it runs (``serve --port 0`` plus ``arguments``, by ``python`` in ``cwd``
    with ``env``: an installed package's interpreter too); stopped in all cases."""
    process = subprocess.Popen(
        [python, "-m", "mockserver", "serve", "--port", "0", *arguments],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # werkzeug's request log
        text=True,
    )
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        match = re.search(r"listening on (http://\S+)", banner)
        assert match, banner
        url = match[1]
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                requests.get(f"{url}/__admin/health", timeout=1).raise_for_status()
                break
            except requests.ConnectionError:
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
