"""The catalogues are the lists of errors the mock answers: each one is shown by a scenario."""

from __future__ import annotations

import re
from pathlib import Path

from mockserver.projector import ops, pws
from mockserver.projector.catalogue import OPS_CATALOGUE, PWS_CATALOGUE
from mockserver.soap.contract import load_contract
from mockserver.timepunch import sync
from mockserver.timepunch.faults import TIMEPUNCH_FAULTS

FEATURES = Path(__file__).resolve().parents[1] / "features"
CATALOGUED = PWS_CATALOGUE.numbers() | OPS_CATALOGUE.numbers() | TIMEPUNCH_FAULTS.numbers()
ASSERTED = re.compile(r"\b(?:error|errors include|warning|fault is) (-?\d+) [A-Z]")
"""How a step names the error it checks: 'error 64240 InvalidValue...', 'errors include 91004 ...'."""


def tagged_error_numbers() -> set[int]:
    return {
        int(number)
        for feature in FEATURES.rglob("*.feature")
        for number in re.findall(r"@error-(-?\d+)\b", feature.read_text(encoding="utf-8"))
    }


def test_every_catalogued_error_is_produced_by_a_tagged_scenario() -> None:
    missing = sorted(CATALOGUED - tagged_error_numbers())
    assert not missing, f"catalogued errors without a scenario tagged @error-N: {missing}"


def test_every_tag_names_a_catalogued_error() -> None:
    unknown = sorted(tagged_error_numbers() - CATALOGUED)
    assert not unknown, f"scenarios tagged with numbers the catalogue does not hold: {unknown}"


def scenarios_with_tags() -> list[tuple[str, set[int], set[int]]]:
    """(scenario title, numbers in its @error tags, numbers its steps assert) for every scenario."""
    found = []
    for feature in sorted(FEATURES.rglob("*.feature")):
        pending_tags: set[int] = set()
        current: tuple[str, set[int], set[int]] | None = None
        for line in feature.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith("@"):
                pending_tags |= {int(n) for n in re.findall(r"@error-(-?\d+)\b", stripped)}
            elif stripped.startswith(("Scenario", "Background", "Feature")):
                current = (f"{feature.name}: {stripped}", pending_tags, set())
                found.append(current)
                pending_tags = set()
            elif current is not None and re.match(r"(Then|And|But)\b", stripped):
                current[2].update(int(n) for n in ASSERTED.findall(stripped))
    return [entry for entry in found if entry[0].split(": ", 1)[1].startswith("Scenario")]


def test_each_scenario_is_tagged_with_exactly_the_errors_it_asserts() -> None:
    mismatched = [(title, tags, asserted) for title, tags, asserted in scenarios_with_tags() if tags != asserted]
    assert not mismatched, "\n".join(f"{t}: tagged {sorted(a)}, asserts {sorted(b)}" for t, a, b in mismatched)


def operation_names() -> set[str]:
    return {
        name
        for path in (pws.CONTRACT_PATH, ops.CONTRACT_PATH, sync.CONTRACT_PATH)
        for name in load_contract(path).operations
    }


def scenarios_with_operations() -> list[tuple[str, set[str], set[int]]]:
    """(scenario title, the operations its tags and its feature's tags name, numbers its steps assert)."""
    operations, found = operation_names(), []
    for feature in sorted(FEATURES.rglob("*.feature")):
        feature_ops: set[str] = set()
        pending: set[str] = set()
        current: tuple[str, set[str], set[int]] | None = None
        for line in feature.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith("@"):
                pending |= {tag for tag in re.findall(r"@(\w+)", stripped) if tag in operations}
            elif stripped.startswith("Feature"):
                feature_ops, pending = pending, set()
            elif stripped.startswith("Scenario"):
                current = (f"{feature.name}: {stripped}", feature_ops | pending, set())
                found.append(current)
                pending = set()
            elif current is not None and re.match(r"(Then|And|But)\b", stripped):
                current[2].update(int(n) for n in ASSERTED.findall(stripped))
    return found


def test_each_asserted_error_is_catalogued_for_the_scenarios_operation() -> None:
    """A catalogue row names the operations that answer it: a scenario showing the error in another
    operation means the row (or the scenario's tag) is wrong."""
    entries = [entry for catalogue in (PWS_CATALOGUE, OPS_CATALOGUE, TIMEPUNCH_FAULTS) for entry in catalogue.entries]
    wrong = []
    for title, operations, asserted in scenarios_with_operations():
        for number in asserted:
            listed = {op for entry in entries if entry.number == number for op in entry.operations}
            if operations and "*" not in listed and not operations & listed:
                wrong.append(f"{title}: {number} shown in {sorted(operations)}, catalogued for {sorted(listed)}")
    assert not wrong, "\n".join(wrong)
