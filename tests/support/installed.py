"""The package as a user installs it: the wheel and sdist built from this tree, the wheel installed
offline into a fresh venv outside the checkout, and a mock served by that installation.

The fresh venv installs the wheel and its dependencies from ``build/wheelhouse``, which the README's
test command fills (``pip wheel -w build/wheelhouse '.[contract-test]'``): the wheel's own dependency
list decides what gets installed, so a dependency the package forgets to declare fails the tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import pytest

from support.served import served

REPO = Path(__file__).resolve().parents[2]
WHEELHOUSE = REPO / "build" / "wheelhouse"


def run(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600, **options)  # type: ignore[call-overload]
    assert completed.returncode == 0, f"{command}\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
    return completed  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


def build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The wheel and the sdist of this tree, built as a release would build them."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "hatchling", "build", "-d", str(out)], cwd=REPO)
    return Built(wheel=next(out.glob("*.whl")), sdist=next(out.glob("*.tar.gz")))


@dataclass(frozen=True)
class Installed:
    """A fresh venv holding the wheel, and a directory that has nothing to do with the checkout."""

    venv: Path
    elsewhere: Path

    @property
    def python(self) -> str:
        return str(self.venv / "bin" / "python")

    @property
    def env(self) -> dict[str, str]:
        """The user's shell in the venv: nothing of this test run's path or settings."""
        kept = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "PYTEST_ADDOPTS")}
        return kept | {"PATH": f"{self.venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(self.venv)}

    def run(self, *command: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return run(list(command), cwd=cwd or self.elsewhere, env=self.env)

    def served(self, *arguments: str) -> AbstractContextManager[str]:
        """``mockserver serve`` of this installation, run from ``elsewhere``: its base URL while it runs."""
        return served(*arguments, python=self.python, cwd=self.elsewhere, env=self.env)


def install(built: Built, extras: str, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel (with ``extras``) installed offline into a fresh venv."""
    if not WHEELHOUSE.is_dir():
        pytest.fail(f"{WHEELHOUSE} is missing: the README's test command fills it (pip wheel -w build/wheelhouse ...)")
    venv = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", str(venv)])
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-index", "--find-links", str(WHEELHOUSE)]
    run([*pip, f"{built.wheel}{extras}"])
    return Installed(venv, tmp_path_factory.mktemp("elsewhere"))
