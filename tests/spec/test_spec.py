"""The living specification: the Gherkin reader, `mockserver spec`'s report and the results plugin."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from lxml import etree, html

from mockserver import cli
from mockserver.catalogue import Catalogue
from mockserver.resources import FEATURES_DIR
from mockserver.soap.contract import load_contract
from mockserver.spec.gherkin import GherkinError, parse_feature, read_features
from mockserver.spec.services import SERVICES

REPO = Path(__file__).resolve().parents[2]
OUTLINE = "Wrong credentials are refused without saying which part was wrong"
FAILING = "An account code that cannot be an account code"


def all_operations() -> set[str]:
    return {name for service in SERVICES for name in load_contract(service.contract).operations}


def all_error_numbers() -> set[int]:
    return {entry.number for service in SERVICES for entry in Catalogue(service.catalogue).entries}


def write_results(path: Path, outcomes: dict[tuple[str, str, int], tuple[str, str]]) -> Path:
    """A results file in the documented format: every run of the real features passed, except
    ``outcomes`` ((feature, scenario, example index or -1) -> (outcome, reason))."""
    entries = []
    for feature in read_features(FEATURES_DIR):
        relative = "features/" + feature.path.relative_to(FEATURES_DIR).as_posix()
        for scenario in feature.scenarios:
            for index, (example, _) in enumerate(scenario.runs()):
                key = (relative, scenario.name, index if example is not None else -1)
                outcome, reason = outcomes.get(key, ("passed", ""))
                entries.append(
                    {"feature": relative, "scenario": scenario.name, "example": example, "outcome": outcome}
                    | {"reason": reason, "nodeid": f"tests/features/test_x.py::{len(entries)}"}
                )
    path.write_text(json.dumps({"format": 1, "created": "2024-05-01T12:00:00+00:00", "scenarios": entries}))
    return path


def run_spec(output: Path, *args: str) -> tuple[etree._Element, str]:
    """Run `mockserver spec` into ``output``: the HTML page, parsed, and the Markdown."""
    cli.main(["spec", "--output", str(output), *args])
    page = (output / "index.html").read_bytes()
    etree.fromstring(page, etree.XMLParser(resolve_entities=False, no_network=True))  # strictly well-formed
    return html.document_fromstring(page), (output / "spec.md").read_text(encoding="utf-8")


def features_copy(tmp_path: Path, edit: str, old: str, new: str = "") -> Path:
    """A copy of the real features in which ``edit`` (a path, or '*' for every file) has ``old`` replaced."""
    copy = tmp_path / "features-copy"
    shutil.copytree(FEATURES_DIR, copy)
    for feature in copy.rglob("*.feature"):
        if edit in ("*", feature.relative_to(copy).as_posix()):
            text = feature.read_text(encoding="utf-8")
            feature.write_text(re.sub(rf"{re.escape(old)}(?![\w-])", new, text), encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[etree._Element, str]:
    """The report of the real features after a run where one scenario failed and one example was skipped."""
    tmp = tmp_path_factory.mktemp("spec")
    results = write_results(
        tmp / "results.json",
        {
            ("features/projector/authentication.feature", FAILING, -1): ("failed", "AssertionError: Ok != Fail"),
            ("features/projector/authentication.feature", OUTLINE, 1): ("skipped", "not today"),
        },
    )
    return run_spec(tmp / "out", "--results", str(results))


# -- the Gherkin reader ------------------------------------------------------------------------------


def test_the_reader_reads_every_real_feature() -> None:
    features = read_features(FEATURES_DIR)
    texts = [feature.path.read_text(encoding="utf-8") for feature in features]
    assert len(features) == len(list(FEATURES_DIR.rglob("*.feature")))
    assert all(feature.name and feature.scenarios for feature in features)
    scenarios = [scenario for feature in features for scenario in feature.scenarios]
    assert len(scenarios) == sum(len(re.findall(r"(?m)^\s*Scenario( Outline)?:", text)) for text in texts)
    outlines = [scenario for scenario in scenarios if scenario.keyword == "Scenario Outline"]
    blocks = [block for outline in outlines for block in outline.examples]
    assert len(blocks) == sum(text.count("Examples:") for text in texts)
    assert all(block.header and block.rows for block in blocks)
    assert all(scenario.steps for scenario in scenarios)
    [wrong_credentials] = [scenario for scenario in outlines if scenario.name == OUTLINE]
    assert wrong_credentials.tags == ("error-10002",)
    assert len(list(wrong_credentials.runs())) == 3
    assert next(wrong_credentials.runs())[0] == {
        "account": "DEMO",
        "user": "e123@example.com",
        "password": "wrong",
    }


def test_the_reader_reads_each_construct() -> None:
    text = textwrap.dedent('''
        # a comment
        @FeatureTag
        Feature: A feature
          Its description,
          on two lines.

          Background:
            Given a background step

          @one @error--101
          Scenario: A plain scenario
            A scenario description.
            When a table:
              | a | b\\|c |
              | 1 | 2    |
            Then a doc string:
              """xml
              <x>
                <y/>
              </x>
              """

          Rule: A rule
            @outline
            Scenario Outline: An <n> outline
              Given <n>

              Examples: the first
                | n |
                | 1 |

              @tagged
              Examples:
                | n |
                | 2 |
                | 3 |
        ''')
    feature = parse_feature(text, Path("demo.feature"))
    assert (feature.name, feature.tags, feature.description) == (
        "A feature",
        ("FeatureTag",),
        "Its description,\non two lines.",
    )
    assert feature.background is not None
    assert [step.text for step in feature.background.steps] == ["a background step"]
    plain, outline = feature.scenarios
    assert (plain.tags, plain.description, plain.rule) == (("one", "error--101"), "A scenario description.", "")
    assert plain.steps[0].table == [["a", "b|c"], ["1", "2"]]
    assert plain.steps[1].doc_string == "<x>\n  <y/>\n</x>"
    assert list(plain.runs()) == [(None, ())]
    assert (outline.name, outline.rule, outline.tags) == ("An <n> outline", "A rule", ("outline",))
    assert [block.name for block in outline.examples] == ["the first", ""]
    assert list(outline.runs()) == [({"n": "1"}, ()), ({"n": "2"}, ("tagged",)), ({"n": "3"}, ("tagged",))]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Scenario: no feature\n", 1),
        ("Feature: f\n  Given a step outside a scenario\n", 2),
        ('Feature: f\n  Scenario: s\n    Given x\n      """\n      never closed\n', 4),
        ("Feature: f\n  Scenario: s\n    Given x\n    Examples:\n      | a |\n      | 1 | 2 |\n", 6),
    ],
)
def test_the_reader_names_the_line_it_cannot_read(text: str, line: int) -> None:
    with pytest.raises(GherkinError, match=rf"bad\.feature:{line}: "):
        parse_feature(text, Path("bad.feature"))


# -- the report ----------------------------------------------------------------------------------------


def test_spec_writes_a_page_and_markdown_with_every_operation_and_error(report: tuple[etree._Element, str]) -> None:
    page, markdown = report
    assert set(page.xpath("//section/@data-operation")) == all_operations()
    assert {int(number) for number in page.xpath("//tr/@data-error")} == all_error_numbers()
    assert not page.xpath("//script | //link | //*[@src]")  # self-contained: nothing to fetch, nothing to run
    for operation in all_operations():
        assert f"#### {operation}\n" in markdown
    for number in all_error_numbers():
        assert f"\n| {number} | " in markdown


def test_a_failed_scenario_shows_failed(report: tuple[etree._Element, str]) -> None:
    page, markdown = report
    rows = page.xpath("//tr[@data-scenario=$name]", name=FAILING)
    assert rows
    assert {row.get("data-result") for row in rows} == {"failed"}
    assert "AssertionError: Ok != Fail" in rows[0].text_content()
    assert page.xpath("string(//td[@data-summary='Failed'])") == "1"
    assert page.xpath("string(//td[@data-summary='Skipped'])") == "1"
    assert page.xpath("string(//td[@data-summary='Not run'])") == "0"
    skipped = page.xpath("//tr[@data-scenario=$name]", name=OUTLINE)
    assert [row.get("data-result") for row in skipped][:3] == ["passed", "skipped", "passed"]
    assert f"| {FAILING} | **failed**: AssertionError: Ok != Fail | 90002 |" in markdown


def test_without_results_every_scenario_is_not_run(tmp_path: Path) -> None:
    page, markdown = run_spec(tmp_path / "out", "--results", str(tmp_path / "none.json"))
    assert set(page.xpath("//tr/@data-result")) == {"not run"}
    assert page.xpath("string(//td[@data-summary='Passed'])") == "0"
    assert "every scenario shows" in markdown


def test_an_error_no_scenario_is_tagged_with_shows_as_a_gap(tmp_path: Path) -> None:
    results = write_results(tmp_path / "results.json", {})
    features = features_copy(tmp_path, "*", "@error-90002")
    page, markdown = run_spec(tmp_path / "out", "--features", str(features), "--results", str(results))
    [row] = page.xpath("//tr[@data-error='90002']")
    assert row.get("class") == "gap"
    assert "gap: no scenario" in row.text_content()
    assert page.xpath("//tr[@data-error='10002']/@class") == ["covered"]
    assert "- error 90002 InvalidAccountCode (Projector PWS)" in markdown
    assert set(page.xpath("//tr/@data-result")) == {"passed"}  # the results still match the copy's scenarios


def test_an_operation_no_scenario_is_tagged_with_shows_as_a_gap(tmp_path: Path) -> None:
    features = features_copy(tmp_path, "*", "@PwsUnauthenticate")
    page, markdown = run_spec(tmp_path / "out", "--features", str(features))
    [section] = page.xpath("//section[@data-operation='PwsUnauthenticate']")
    assert "gap" in section.get("class").split()
    assert "gap: no scenario" in section.text_content()
    assert "gap" not in page.xpath("//section[@data-operation='PwsAuthenticate']/@class")[0].split()
    assert "#### PwsUnauthenticate\n\n**GAP: no scenario**" in markdown


def test_every_text_is_escaped(tmp_path: Path) -> None:
    features = tmp_path / "features"
    features.mkdir()
    (features / "odd.feature").write_text(
        "Feature: odd\n  @PwsAuthenticate @error-12345\n  Scenario: <b>bold</b> & a | pipe\n    Given x\n"
    )
    page, markdown = run_spec(tmp_path / "out", "--features", str(features))
    assert not page.xpath("//b")
    assert page.xpath("//tr[@data-scenario='<b>bold</b> & a | pipe']")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; a \\| pipe" in markdown
    assert page.xpath("//h4[@data-uncatalogued='12345']")  # a number no catalogue documents is listed


def test_every_assumption_is_listed_with_its_place(tmp_path: Path) -> None:
    """In a comment, in a description, running over lines, inside a parenthesis; a mere mention of the word is
    not one; the contracts' own are listed too."""
    features = tmp_path / "features"
    features.mkdir()
    (features / "guess.feature").write_text(
        "Feature: guessed\n"
        "  The vendor is silent on x (Assumption: x is\n"
        "  what y is). Then more.\n"
        "  Write 'Assumption:' where you guess.\n\n"
        "  # Assumption: the fault is the\n"
        "  # one WCF writes. Not this.\n"
        "  @PwsAuthenticate\n"
        "  Scenario: s\n"
        "    Given x\n"
    )
    page, markdown = run_spec(tmp_path / "out", "--features", str(features))
    listed = [line for line in markdown.splitlines() if line.startswith("- `guess.feature:")]
    assert listed == [
        "- `guess.feature:2`: Assumption: x is what y is.",
        "- `guess.feature:6`: Assumption: the fault is the one WCF writes.",
    ]
    assert page.xpath("//li[@data-assumption='guess.feature:6']")
    assert [line for line in markdown.splitlines() if line.startswith("- `contracts/timepunch/project.xsd:")]


# -- the results plugin ------------------------------------------------------------------------------


def pytest_run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = os.environ | {"PYTHONPATH": str(REPO / "tests"), "PYTEST_ADDOPTS": ""}
    recorder = "mockserver.contract_suite.spec_results"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", recorder, *args]
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=120, check=False)


def test_the_plugin_records_the_scenarios_of_a_run(tmp_path: Path) -> None:
    output = tmp_path / "results.json"
    test_module = "tests/features/test_projector_features.py"
    run = pytest_run(REPO, "--spec-results", str(output), test_module, "-k", "lock or wrong_credentials")
    assert run.returncode == 0, run.stdout + run.stderr
    results = json.loads(output.read_text())
    assert results["format"] == 1
    by_name: dict[str, list[dict[str, object]]] = {}
    for entry in results["scenarios"]:
        by_name.setdefault(entry["scenario"], []).append(entry)
    assert {entry["outcome"] for entry in results["scenarios"]} == {"passed"}
    assert sorted(json.dumps(entry["example"]) for entry in by_name[OUTLINE]) == sorted(
        json.dumps(example)
        for example in (
            {"account": "DEMO", "user": "e123@example.com", "password": "wrong"},
            {"account": "NOPE", "user": "e123@example.com", "password": "e123-password"},
            {"account": "DEMO", "user": "nobody@example.com", "password": "e123-password"},
        )
    )
    [locked] = by_name["The lock ends after 15 minutes"]
    assert locked["feature"] == "features/projector/authentication.feature"
    assert locked["example"] is None
    assert str(locked["nodeid"]).startswith(f"{test_module}::")


DEMO_FEATURE = """\
Feature: Demo
  Scenario: Passes
    Given a step

  Scenario: Fails
    Given a step
    Then it fails

  Scenario: Is skipped
    Given the step skips

  Scenario Outline: Runs per row
    Given a step
    Then <n> is even

    Examples:
      | n |
      | 2 |
      | 3 |
"""

DEMO_TESTS = """\
import pytest
from pytest_bdd import given, parsers, scenarios, then

scenarios("demo.feature")


@given("a step")
def a_step():
    pass


@given("the step skips")
def skips():
    pytest.skip("not today")


@then("it fails")
def fails():
    assert 1 == 2, "one is not two"


@then(parsers.parse("{n:d} is even"))
def even(n):
    assert n % 2 == 0


def test_not_a_scenario():
    pass
"""


def test_the_plugin_gathers_the_outcomes_of_xdist_workers(tmp_path: Path) -> None:
    """One worker is enough to take the controller's path (reports shipped, the controller writes) and is
    the cheapest: each worker is a pytest start-up."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "demo.feature").write_text(DEMO_FEATURE)
    (tmp_path / "test_demo.py").write_text(DEMO_TESTS)
    run = pytest_run(tmp_path, "-n", "1")
    assert "2 failed, 3 passed, 1 skipped" in run.stdout, run.stdout + run.stderr
    results = json.loads((tmp_path / "build" / "spec-results.json").read_text())
    outcomes = {
        (entry["scenario"], json.dumps(entry["example"])): (entry["outcome"], entry["reason"])
        for entry in results["scenarios"]
    }
    assert outcomes == {
        ("Passes", "null"): ("passed", ""),
        ("Fails", "null"): ("failed", "AssertionError: one is not two\nassert 1 == 2"),
        ("Is skipped", "null"): ("skipped", "not today"),
        ("Runs per row", '{"n": "2"}'): ("passed", ""),
        ("Runs per row", '{"n": "3"}'): ("failed", "assert (3 % 2) == 0"),
    }
    assert {entry["feature"] for entry in results["scenarios"]} == {"demo.feature"}
