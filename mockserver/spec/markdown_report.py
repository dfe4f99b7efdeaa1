"""The specification as Markdown tables: the HTML page's content, for a repository browser or a diff.

Cells are HTML-escaped (Markdown renders inline HTML, and a scenario name may hold '<param>')
and their '|' and line breaks are escaped so that a text never breaks its table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from mockserver.spec.model import Run, ServiceSpec, Specification

GAP = "**GAP: no scenario**"


def cell(text: str) -> str:
    return escape(text, quote=False).replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def table(head: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Cells of ``rows`` are Markdown already (escape them with :func:`cell`)."""
    lines = [f"| {' | '.join(head)} |", f"|{'|'.join('---' for _ in head)}|"]
    return [*lines, *(f"| {' | '.join(row)} |" for row in rows), ""]


def _result(run: Run) -> str:
    text = f"**{cell(run.outcome)}**"
    return f"{text}: {cell(run.short_reason)}" if run.short_reason else text


def _runs(runs: Iterable[Run]) -> list[str]:
    rows = (
        (f"`{cell(run.location)}`", cell(run.title), _result(run), " ".join(str(n) for n in run.errors)) for run in runs
    )
    return table(("Feature", "Scenario", "Result", "Errors"), rows)


def _service(spec: ServiceSpec) -> list[str]:
    service = spec.service
    contract, catalogue = cell(service.shown(service.contract)), cell(service.shown(service.catalogue))
    lines = [
        f"## {cell(service.title)}",
        "",
        f"Contract `{contract}`: {spec.operations_covered} of {len(spec.operations)} operations have a scenario. "
        f"Catalogue `{catalogue}`: {spec.errors_covered} of {len(spec.errors)} error numbers are produced by a "
        "scenario.",
        "",
        "### Operations",
        "",
    ]
    for operation in spec.operations:
        lines += [f"#### {cell(operation.name)}", ""]
        lines += [GAP, ""] if operation.gap else _runs(operation.runs)
    rows = (
        (
            str(error.number),
            cell(error.code),
            cell(error.type),
            "<br>".join(cell(text) for text in error.texts),
            GAP
            if error.gap
            else "<br>".join(f"{_result(run)} `{cell(run.location)}` {cell(run.title)}" for run in error.runs),
        )
        for error in spec.errors
    )
    return [*lines, "### Error catalogue", "", *table(("Number", "Code", "Type", "Text", "Scenarios"), rows)]


def _summary(spec: Specification) -> list[str]:
    rows = [(label, value) for label, value, _ in spec.summary.rows()]
    gaps = [
        f"- operation {cell(op.name)} ({cell(s.service.title)})" for s in spec.services for op in s.operations if op.gap
    ]
    gaps += [
        f"- error {error.number} {cell(error.code)} ({cell(s.service.title)})"
        for s in spec.services
        for error in s.errors
        if error.gap
    ]
    lines = ["## Summary", "", cell(spec.results_note), "", *table(("", "Count"), rows)]
    if gaps:
        return [*lines, f"### Gaps ({len(gaps)})", "", *gaps, ""]
    return [*lines, "Gaps: none: every operation and every documented error has a scenario.", ""]


def _leftovers(spec: Specification) -> list[str]:
    lines = ["## Scenarios that name no operation", ""]
    lines += _runs(spec.without_operation) if spec.without_operation else ["None.", ""]
    lines += ["## Error tags no catalogue documents", ""]
    if not spec.uncatalogued:
        return [*lines, "None.", ""]
    for number, runs in spec.uncatalogued.items():
        lines += [f"### @error-{number}", "", *_runs(runs)]
    return lines


def _assumptions(spec: Specification) -> list[str]:
    """Where the mock had to guess, each with its place: the list a reader checks the mock's guesses in."""
    lines = [f"## Assumptions ({len(spec.assumptions)})", ""]
    if not spec.assumptions:
        return [*lines, "None.", ""]
    return [*lines, *(f"- `{a.source}:{a.line}`: {cell(a.text)}" for a in spec.assumptions), ""]


def render_markdown(spec: Specification) -> str:
    lines = [
        "# Living specification",
        "",
        f"The features under `{cell(str(spec.features_dir))}`, the contracts and error catalogues of each "
        "service, and the outcome of each scenario in the last test run.",
        "",
        *_summary(spec),
    ]
    for service in spec.services:
        lines += _service(service)
    lines += _leftovers(spec)
    lines += _assumptions(spec)
    return "\n".join(lines).rstrip("\n") + "\n"
