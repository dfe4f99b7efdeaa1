"""The specification as the report shows it: per service, each operation of its contract and each
error of its catalogue with the scenarios that exercise or produce it, and the last run's outcomes.

Scenarios say what they cover by tags: an operation's name (``@PwsSaveTimeCards``, on the
scenario or its feature) and every error number it produces (``@error-64240``). The joins are
made here once, so both renderings show the same gaps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from mockserver.catalogue import Catalogue, CatalogueEntry
from mockserver.soap.contract import load_contract
from mockserver.spec.assumptions import Assumption, read_assumptions, read_contract_assumptions
from mockserver.spec.gherkin import Feature, Scenario, read_features
from mockserver.spec.results import NOT_RUN, OUTCOMES, Results
from mockserver.spec.services import SERVICES, Service

ERROR_TAG = re.compile(r"error-(-?\d+)")
REASON_LENGTH = 200


@dataclass(frozen=True)
class Run:
    """One run of a scenario: the scenario, or one example row of an outline."""

    feature: str
    """The feature file, relative to the features directory (posix)."""
    scenario: str
    line: int
    example: Mapping[str, str] | None
    example_number: int
    """1-based among the outline's rows; 0 for a plain scenario."""
    operations: tuple[str, ...]
    errors: tuple[int, ...]
    outcome: str
    reason: str

    @property
    def title(self) -> str:
        if self.example is None:
            return self.scenario
        values = ", ".join(f"{column}={value}" for column, value in self.example.items())
        return f"{self.scenario} [example {self.example_number}: {values}]"

    @property
    def location(self) -> str:
        return f"{self.feature}:{self.line}"

    @property
    def short_reason(self) -> str:
        """The reason's first line, cut to fit a table cell (the results file keeps it whole)."""
        first = self.reason.strip().split("\n", 1)[0]
        return first if len(first) <= REASON_LENGTH else first[: REASON_LENGTH - 1] + "\u2026"


@dataclass(frozen=True)
class OperationSpec:
    name: str
    runs: tuple[Run, ...]

    @property
    def gap(self) -> bool:
        return not self.runs


@dataclass(frozen=True)
class ErrorSpec:
    """One documented error number (a number may have several catalogue rows: their texts)."""

    number: int
    code: str
    type: str
    texts: tuple[str, ...]
    runs: tuple[Run, ...]

    @property
    def gap(self) -> bool:
        return not self.runs


@dataclass(frozen=True)
class ServiceSpec:
    service: Service
    operations: tuple[OperationSpec, ...]
    errors: tuple[ErrorSpec, ...]

    @property
    def operations_covered(self) -> int:
        return sum(not operation.gap for operation in self.operations)

    @property
    def errors_covered(self) -> int:
        return sum(not error.gap for error in self.errors)


@dataclass(frozen=True)
class Summary:
    scenarios: int
    """Scenarios as written (an outline once)."""
    runs: int
    """Scenarios as run (an outline once per example row): the outcomes count these."""
    outcomes: Mapping[str, int]
    operations: int
    operations_covered: int
    errors: int
    errors_covered: int

    def rows(self) -> list[tuple[str, str, str]]:
        """The summary table of both reports: label, value, and the outcome it counts ("" for the totals)."""
        return [
            ("Scenarios", f"{self.scenarios} ({self.runs} runs: an outline runs once per example row)", ""),
            *((outcome.capitalize(), str(self.outcomes[outcome]), outcome) for outcome in (*OUTCOMES, NOT_RUN)),
            ("Operations with a scenario", f"{self.operations_covered} / {self.operations}", ""),
            ("Errors covered / documented", f"{self.errors_covered} / {self.errors}", ""),
        ]


@dataclass(frozen=True)
class Specification:
    services: tuple[ServiceSpec, ...]
    summary: Summary
    without_operation: tuple[Run, ...]
    """Runs whose tags name no operation of any contract (a missing or misspelt tag)."""
    uncatalogued: Mapping[int, tuple[Run, ...]]
    """Error numbers tagged on scenarios that no catalogue documents."""
    features_dir: Path
    results: Results | None
    assumptions: tuple[Assumption, ...] = ()
    """Every "Assumption: ..." the features and the contracts write: where the mock had to guess."""

    @property
    def results_note(self) -> str:
        """Where the outcomes come from, the sentence both reports open their summary with."""
        if self.results is None:
            return 'No test results: every scenario shows "not run".'
        return f"Results of the test run ended {self.results.created or 'at an unknown time'}."


def scenario_runs(feature: Feature, relative: str, operations: set[str], results: Results | None) -> Iterable[Run]:
    for scenario in feature.scenarios:
        for number, (example, block_tags) in enumerate(scenario.runs(), start=1):
            tags = (*feature.tags, *scenario.rule_tags, *scenario.tags, *block_tags)
            yield _run(scenario, relative, example, number if example is not None else 0, tags, operations, results)


def _run(
    scenario: Scenario,
    relative: str,
    example: Mapping[str, str] | None,
    number: int,
    tags: Sequence[str],
    operations: set[str],
    results: Results | None,
) -> Run:
    result = results.find(relative, scenario.name, example) if results is not None else None
    return Run(
        feature=relative,
        scenario=scenario.name,
        line=scenario.line,
        example=example,
        example_number=number,
        operations=tuple(dict.fromkeys(tag for tag in tags if tag in operations)),
        errors=tuple(sorted({int(match.group(1)) for tag in tags if (match := ERROR_TAG.fullmatch(tag))})),
        outcome=result.outcome if result is not None else NOT_RUN,
        reason=result.reason if result is not None else "",
    )


def _errors(entries: Sequence[CatalogueEntry], runs: Sequence[Run]) -> tuple[ErrorSpec, ...]:
    by_number: dict[int, list[CatalogueEntry]] = {}
    for entry in entries:
        by_number.setdefault(entry.number, []).append(entry)
    return tuple(
        ErrorSpec(
            number=number,
            code=" / ".join(dict.fromkeys(entry.code for entry in rows)),
            type=" / ".join(dict.fromkeys(entry.type for entry in rows)),
            texts=tuple(dict.fromkeys(entry.text for entry in rows)),
            runs=tuple(run for run in runs if number in run.errors),
        )
        for number, rows in by_number.items()
    )


def build_specification(
    features_dir: Path, results: Results | None, services: Sequence[Service] = SERVICES
) -> Specification:
    contracts = {service.key: tuple(load_contract(service.contract).operations) for service in services}
    all_operations = {name for names in contracts.values() for name in names}
    runs = [
        run
        for feature in read_features(features_dir)
        for run in scenario_runs(feature, feature.path.relative_to(features_dir).as_posix(), all_operations, results)
    ]
    specs = tuple(
        ServiceSpec(
            service=service,
            operations=tuple(
                OperationSpec(name, tuple(run for run in runs if name in run.operations))
                for name in contracts[service.key]
            ),
            errors=_errors(Catalogue(service.catalogue).entries, runs),
        )
        for service in services
    )
    catalogued = {error.number for spec in specs for error in spec.errors}
    uncatalogued = sorted({number for run in runs for number in run.errors} - catalogued)
    return Specification(
        services=specs,
        summary=_summary(specs, runs),
        without_operation=tuple(run for run in runs if not run.operations),
        uncatalogued={number: tuple(run for run in runs if number in run.errors) for number in uncatalogued},
        features_dir=features_dir,
        results=results,
        assumptions=read_assumptions(features_dir) + read_contract_assumptions(_schemas(services)),
    )


def _schemas(services: Sequence[Service]) -> list[tuple[str, Path]]:
    """Each service's WSDL and XSDs, once each, as the report names them."""
    paths: dict[Path, str] = {}
    for service in services:
        contract = load_contract(service.contract)
        for path in (contract.wsdl_path, *contract.documents.values()):
            paths.setdefault(path, service.shown(path))
    return [(shown, path) for path, shown in paths.items()]


def _summary(specs: Sequence[ServiceSpec], runs: Sequence[Run]) -> Summary:
    return Summary(
        scenarios=len({(run.feature, run.line) for run in runs}),
        runs=len(runs),
        outcomes={outcome: sum(run.outcome == outcome for run in runs) for outcome in (*OUTCOMES, NOT_RUN)},
        operations=sum(len(spec.operations) for spec in specs),
        operations_covered=sum(spec.operations_covered for spec in specs),
        errors=sum(len(spec.errors) for spec in specs),
        errors_covered=sum(spec.errors_covered for spec in specs),
    )
