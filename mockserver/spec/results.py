"""The results file: what the last test run said of each scenario, for the report to show.

The contract suite's pytest plugin (:mod:`mockserver.contract_suite.spec_results`) writes it
(default ``build/spec-results.json``); ``mockserver spec --results`` reads it. One JSON object::

    {
      "format": 1,
      "created": "2024-05-01T12:00:00+00:00",      # when the run ended (UTC)
      "scenarios": [
        {
          "feature": "features/projector/authentication.feature",  # a shipped one, or from the rootdir
          "scenario": "Wrong credentials are refused without saying which part was wrong",
          "example": {"account": "DEMO", "user": "e123@example.com", "password": "wrong"},
          "outcome": "failed",                     # passed | failed | skipped
          "reason": "AssertionError: ...",         # why it failed or was skipped, else ""
          "nodeid": "tests/features/test_projector_features.py::test_wrong_credentials[DEMO-...]"
        }
      ]
    }

``example`` is the outline's example row (column: value) or null for a plain scenario: an
outline runs once per row and each row has its own entry. A scenario the run did not reach
has no entry: the report shows it "not run". A feature matches when its path relative to the
features directory ends ``feature`` (so a copy of the features elsewhere still matches).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = 1
PASSED, FAILED, SKIPPED, NOT_RUN = "passed", "failed", "skipped", "not run"
OUTCOMES = (PASSED, FAILED, SKIPPED)
_PRECEDENCE = {NOT_RUN: 0, PASSED: 1, SKIPPED: 2, FAILED: 3}


class ResultsError(ValueError):
    """A results file this version cannot read."""


def worst(first: str, second: str) -> str:
    """The outcome that says more of two (failed over skipped over passed over not run)."""
    return max(first, second, key=_PRECEDENCE.__getitem__)


@dataclass(frozen=True)
class ScenarioResult:
    """One run of one scenario (one example row of an outline)."""

    feature: str
    scenario: str
    example: Mapping[str, str] | None
    outcome: str
    reason: str = ""
    nodeid: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "feature": self.feature,
            "scenario": self.scenario,
            "example": dict(self.example) if self.example is not None else None,
            "outcome": self.outcome,
            "reason": self.reason,
            "nodeid": self.nodeid,
        }

    @classmethod
    def from_json(cls, data: object) -> ScenarioResult:
        if not isinstance(data, dict):
            raise ResultsError(f"a scenario entry is not an object: {data!r}")
        feature, scenario, outcome = (data.get(key) for key in ("feature", "scenario", "outcome"))
        example = data.get("example")
        if not (isinstance(feature, str) and isinstance(scenario, str) and outcome in OUTCOMES):
            raise ResultsError(f"a scenario entry needs feature, scenario and an outcome of {OUTCOMES}: {data!r}")
        if example is not None and not (
            isinstance(example, dict) and all(isinstance(v, str) for v in example.values())
        ):
            raise ResultsError(f"an example is an object of strings or null: {data!r}")
        return cls(
            feature, scenario, example, str(outcome), str(data.get("reason") or ""), str(data.get("nodeid") or "")
        )


def example_key(example: Mapping[str, str] | None) -> tuple[tuple[str, str], ...] | None:
    return None if example is None else tuple(sorted(example.items()))


class Results:
    """The results of one run, looked up by feature, scenario name and example row."""

    def __init__(self, scenarios: Iterable[ScenarioResult], created: str = "", source: Path | None = None) -> None:
        self.scenarios = tuple(scenarios)
        self.created = created
        self.source = source
        self._by_name: dict[tuple[str, tuple[tuple[str, str], ...] | None], list[ScenarioResult]] = {}
        for result in self.scenarios:
            self._by_name.setdefault((result.scenario, example_key(result.example)), []).append(result)

    def find(self, feature: str, scenario: str, example: Mapping[str, str] | None) -> ScenarioResult | None:
        """The result of that run (``feature`` relative to the features directory, posix), the
        worst one if the run holds several (a feature bound by two test modules)."""
        found = [
            result
            for result in self._by_name.get((scenario, example_key(example)), [])
            if result.feature == feature or result.feature.endswith("/" + feature)
        ]
        return max(found, key=lambda result: _PRECEDENCE[result.outcome], default=None)


def read_results(path: Path) -> Results:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ResultsError(f"{path}: not JSON ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("scenarios"), list):
        raise ResultsError(f"{path}: not a results file of format {FORMAT}")
    return Results((ScenarioResult.from_json(entry) for entry in data["scenarios"]), str(data.get("created", "")), path)


def write_results(path: Path, scenarios: Iterable[ScenarioResult], created: str) -> None:
    """Write atomically, so a report made meanwhile reads the previous run or this one, whole."""
    text = json.dumps(
        {"format": FORMAT, "created": created, "scenarios": [result.to_json() for result in scenarios]}, indent=1
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text + "\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
