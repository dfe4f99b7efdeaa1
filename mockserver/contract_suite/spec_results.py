"""pytest plugin: the outcome of every pytest-bdd scenario of the run, for ``mockserver spec``.

Loaded with the contract suite (:mod:`mockserver.contract_suite.plugin`), so both the repository's
test suite and ``mockserver contract-test`` record their runs
(``-p no:mockserver.contract_suite.spec_results`` turns it off). At the end of a session that ran
at least one scenario it writes ``build/spec-results.json`` under the rootdir (``--spec-results
PATH`` to write elsewhere), in the format :mod:`mockserver.spec.results` documents: one entry per
scenario run (per example row of an outline), passed, failed or skipped, with the reason.

pytest-xdist: the workers collect and run the scenarios, the controller alone writes the file.
Where an item is collected (on its worker) the plugin puts its scenario's identity (feature,
scenario, example row) in ``item.user_properties``; pytest copies them into every report, xdist
ships the reports to the controller, and the controller's ``pytest_runtest_logreport`` reads
the identity back. So the controller needs nothing but the reports, with or without xdist.
"""
from __future__ import annotations

import importlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from mockserver.resources import FEATURES_DIR
from mockserver.spec.results import FAILED, PASSED, SKIPPED, ScenarioResult, worst, write_results

TEMPLATES: Any = getattr(importlib.import_module("pytest_bdd.scenario"), "scenario_wrapper_template_registry", None)
"""pytest-bdd's map from test function to scenario (8+; pytest-bdd 7 set ``__scenario__`` on the function)."""

PROPERTY = "spec_scenario"
"""The name of the user property that carries a scenario's identity (a JSON object) to the controller."""
EXAMPLE_PARAMETER = "_pytest_bdd_example"
"""pytest-bdd parametrizes an outline's test by this argument, one example row (a dict) per test."""
DEFAULT_PATH = Path("build") / "spec-results.json"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--spec-results",
        metavar="PATH",
        type=Path,
        default=None,
        help=f"where to write the scenarios' outcomes for `mockserver spec` (default: <rootdir>/{DEFAULT_PATH})",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(Recorder(config), "spec_results_recorder")


def _template(item: pytest.Item) -> Any:
    """The pytest-bdd scenario (template) that ``item`` runs, or None for any other test."""
    if not isinstance(item, pytest.Function):
        return None
    function = item.obj
    if TEMPLATES is not None:
        try:
            return TEMPLATES.get(function)
        except TypeError:  # not weak-referenceable: not a scenario
            return None
    return getattr(function, "__scenario__", None)


def identity(item: pytest.Item) -> dict[str, Any] | None:
    """Feature (``features/...`` when shipped, else from the rootdir), scenario and example row that ``item`` runs."""
    template = _template(item)
    if template is None:
        return None
    feature = Path(template.feature.filename)
    if feature.is_relative_to(FEATURES_DIR):  # the shipped features, wherever the package is installed
        feature = FEATURES_DIR.name / feature.relative_to(FEATURES_DIR)
    elif feature.is_relative_to(item.config.rootpath):
        feature = feature.relative_to(item.config.rootpath)
    callspec = getattr(item, "callspec", None)
    example = callspec.params.get(EXAMPLE_PARAMETER) if callspec is not None else None
    return {
        "feature": feature.as_posix(),
        "scenario": template.name,
        "example": {str(key): str(value) for key, value in example.items()} if example else None,
    }


def pytest_itemcollected(item: pytest.Item) -> None:
    found = identity(item)
    if found is not None:
        item.user_properties.append((PROPERTY, json.dumps(found)))


def outcome(report: pytest.TestReport) -> tuple[str, str] | None:
    """What one phase's report says of the test (outcome, reason); None for a setup or teardown
    that passed, which says nothing."""
    if report.failed:
        crash = getattr(report.longrepr, "reprcrash", None)
        message = crash.message if crash is not None else str(report.longrepr).strip().rsplit("\n", 1)[-1]
        return FAILED, message if report.when == "call" else f"error in {report.when}: {message}"
    if report.skipped:
        if hasattr(report, "wasxfail"):
            return SKIPPED, f"xfail: {report.wasxfail}".rstrip(": ")
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple | list) and len(longrepr) == 3 else str(longrepr)
        return SKIPPED, str(reason).removeprefix("Skipped: ")
    return (PASSED, "") if report.when == "call" else None


class Recorder:
    """Gathers the outcomes where the reports arrive (the controller under xdist); writes them once."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.results: dict[str, ScenarioResult] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        found = next((json.loads(str(value)) for name, value in report.user_properties if name == PROPERTY), None)
        said = outcome(report) if found is not None else None
        if found is None or said is None:
            return
        previous = self.results.get(report.nodeid)
        if previous is not None and worst(previous.outcome, said[0]) == previous.outcome:
            return
        self.results[report.nodeid] = ScenarioResult(
            found["feature"], found["scenario"], found["example"], said[0], said[1], report.nodeid
        )

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if hasattr(self.config, "workerinput") or not self.results:
            return  # an xdist worker (its controller writes), or a run of no scenario (keep the last file)
        path = self.config.getoption("spec_results", default=None) or self.config.rootpath / DEFAULT_PATH
        created = datetime.now(UTC).isoformat(timespec="seconds")
        write_results(path, sorted(self.results.values(), key=lambda result: result.nodeid), created)
