"""Mono's compiler and runtime for the two Mono toolkit tests: compile C# sources, run a caller, read its answers.

A caller prints one `name=value` line per answer it got, so the test asserts the business answer itself."""

from __future__ import annotations

import subprocess
from collections import defaultdict
from pathlib import Path

SOURCES = Path(__file__).parent / "mono"


def compile_exe(out: Path, sources: list[Path], references: list[str]) -> Path:
    """mcs the sources into one program; a compiler error fails the test with the compiler's words."""
    command = ["mcs", "-nologo", "-nowarn:0618,0649,0169", f"-out:{out}", *(f"-r:{r}" for r in references)]
    result = subprocess.run([*command, *map(str, sources)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def run(exe: Path, *args: str) -> dict[str, list[str]]:
    """The caller's answers, by name, in the order printed; a failed call fails the test with its output."""
    result = subprocess.run(["mono", str(exe), *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    answers: dict[str, list[str]] = defaultdict(list)
    for line in result.stdout.splitlines():
        name, _, value = line.partition("=")
        answers[name].append(value)
    return answers


PROFILES = ["anna.schmidt", "max.mueller", "ralf.herrmann"]
"""The TimePunch sync profiles ralf.herrmann may use in the default dataset (what zeep gets too)."""


def assert_logged_in_and_saved(answers: dict[str, list[str]]) -> None:
    """The PWS callers' business answer: a session, and the one card saved with its uid."""
    assert answers["login.Status"] == ["Ok"]
    assert answers["login.SessionTicket"] != [""]
    assert answers["save.Status"] == ["Ok"]
    assert len(answers["save.TimecardUid"]) == 1
    assert int(answers["save.TimecardUid"][0]) > 0
