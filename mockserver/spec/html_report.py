"""The specification as one self-contained HTML page: inline CSS, no script, nothing fetched.

The page is also well-formed XML (every element closed), so tools and tests can read it
strictly. Every text is escaped; ids and ``data-`` attributes name operations, errors and
results for anyone who wants to read the page by machine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

from mockserver.spec.model import ErrorSpec, OperationSpec, Run, ServiceSpec, Specification

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; color: #222; }
h1, h2, h3, h4 { font-weight: 600; } h2 { border-bottom: 2px solid #ccc; margin-top: 2.5rem; }
h4 { margin-bottom: .3rem; } code { font-size: .9em; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } table.summary { width: auto; } table.runs { table-layout: fixed; }
table.runs th:nth-child(1) { width: 20rem; } table.runs th:nth-child(3) { width: 14rem; }
table.runs th:nth-child(4) { width: 8rem; } td { overflow-wrap: anywhere; }
table.errors { table-layout: fixed; } table.errors th:nth-child(1), table.errors th:nth-child(3) { width: 5rem; }
table.errors th:nth-child(2) { width: 19rem; } table.errors th:nth-child(4) { width: 28%; }
.result { font-weight: 600; white-space: nowrap; }
.passed { color: #176c2c; } .failed { color: #b00020; } .skipped { color: #8a5a00; } .not-run { color: #777; }
.reason { font-weight: normal; white-space: normal; font-size: .85em; color: #555; }
.badge { display: inline-block; border-radius: .3rem; padding: 0 .4rem; font-size: .8rem; font-weight: 600; }
.badge.gap { background: #b00020; color: #fff; }
tr.gap td, section.gap h4 { background: #fdecee; }
ul.scenarios { margin: 0; padding-left: 1rem; } .muted { color: #777; }
"""


def css_class(outcome: str) -> str:
    return outcome.replace(" ", "-")


def error_anchors(spec: Specification) -> dict[int, str]:
    """The id of each catalogued error's row (an uncatalogued number points to its section)."""
    anchors = {number: "uncatalogued" for number in spec.uncatalogued}
    for service in spec.services:
        anchors.update({error.number: f"{service.service.key}-error-{error.number}" for error in service.errors})
    return anchors


def _gap(text: str) -> str:
    return f'<span class="badge gap">{escape(text)}</span>'


def _result(run: Run) -> str:
    reason = f'<div class="reason">{escape(run.short_reason)}</div>' if run.short_reason else ""
    return f'<span class="result {css_class(run.outcome)}">{escape(run.outcome)}</span>{reason}'


def _errors(numbers: Iterable[int], anchors: Mapping[int, str]) -> str:
    return " ".join(f'<a href="#{escape(anchors[number])}">{number}</a>' for number in numbers)


def _runs_table(runs: Iterable[Run], anchors: Mapping[int, str]) -> list[str]:
    rows = [
        f'<tr data-result="{escape(run.outcome)}" data-scenario="{escape(run.scenario)}">'
        f"<td><code>{escape(run.location)}</code></td><td>{escape(run.title)}</td>"
        f"<td>{_result(run)}</td><td>{_errors(run.errors, anchors)}</td></tr>"
        for run in runs
    ]
    head = "<tr><th>Feature</th><th>Scenario</th><th>Result</th><th>Errors</th></tr>"
    return ['<table class="runs">', f"<thead>{head}</thead>", "<tbody>", *rows, "</tbody>", "</table>"]


def _operation(key: str, operation: OperationSpec, anchors: Mapping[int, str]) -> list[str]:
    name = escape(operation.name)
    gap = " gap" if operation.gap else ""
    lines = [f'<section id="{escape(key)}-op-{name}" class="operation{gap}" data-operation="{name}">']
    if operation.gap:
        lines += [f"<h4>{name} {_gap('gap: no scenario')}</h4>"]
    else:
        lines += [f"<h4>{name}</h4>", *_runs_table(operation.runs, anchors)]
    return [*lines, "</section>"]


def _operation_link(key: str, operation: OperationSpec) -> str:
    link = f'<a href="#{escape(key)}-op-{escape(operation.name)}">{escape(operation.name)}</a>'
    return f"{link} {_gap('gap')}" if operation.gap else f"{link} ({len(operation.runs)})"


def _error_row(key: str, error: ErrorSpec) -> str:
    if error.gap:
        scenarios = _gap("gap: no scenario")
    else:
        items = "".join(
            f"<li>{_result(run)} <code>{escape(run.location)}</code> {escape(run.title)}</li>" for run in error.runs
        )
        scenarios = f'<ul class="scenarios">{items}</ul>'
    texts = "".join(f"<div>{escape(text)}</div>" for text in error.texts)
    return (
        f'<tr id="{escape(key)}-error-{error.number}" data-error="{error.number}"'
        f' class="{"gap" if error.gap else "covered"}">'
        f"<td>{error.number}</td><td>{escape(error.code)}</td><td>{escape(error.type)}</td>"
        f"<td>{texts}</td><td>{scenarios}</td></tr>"
    )


def _service(spec: ServiceSpec, anchors: Mapping[int, str]) -> list[str]:
    key, service = spec.service.key, spec.service
    contract, catalogue = escape(service.shown(service.contract)), escape(service.shown(service.catalogue))
    lines = [
        f'<section id="{escape(key)}" class="service" data-service="{escape(key)}">',
        f"<h2>{escape(service.title)}</h2>",
        f"<p>Contract <code>{contract}</code>: {spec.operations_covered} of {len(spec.operations)} operations have "
        f"a scenario. Catalogue <code>{catalogue}</code>: {spec.errors_covered} of {len(spec.errors)} error numbers "
        "are produced by a scenario.</p>",
        "<h3>Operations</h3>",
        '<p class="operations">',
        ", ".join(_operation_link(key, operation) for operation in spec.operations),
        "</p>",
    ]
    for operation in spec.operations:
        lines += _operation(key, operation, anchors)
    head = "<tr><th>Number</th><th>Code</th><th>Type</th><th>Text</th><th>Scenarios</th></tr>"
    lines += ["<h3>Error catalogue</h3>", '<table class="errors">', f"<thead>{head}</thead>", "<tbody>"]
    lines += [_error_row(key, error) for error in spec.errors]
    return [*lines, "</tbody>", "</table>", "</section>"]


def _summary(spec: Specification) -> list[str]:
    cells = [
        f'<tr><th>{escape(label)}</th><td class="{css_class(outcome)}" data-summary="{escape(label)}">'
        f"{escape(value)}</td></tr>"
        for label, value, outcome in spec.summary.rows()
    ]
    lines = ['<section id="summary">', "<h2>Summary</h2>", f"<p>{escape(spec.results_note)}</p>"]
    lines += ['<table class="summary">', *cells]
    lines += ["</table>", "<p>Services: "]
    lines += [", ".join(f'<a href="#{escape(s.service.key)}">{escape(s.service.title)}</a>' for s in spec.services)]
    lines += ["</p>", *_gaps(spec), "</section>"]
    return lines


def _gaps(spec: Specification) -> list[str]:
    links = [
        f'<li><a href="#{escape(s.service.key)}-op-{escape(op.name)}">{escape(op.name)}</a> (operation, '
        f"{escape(s.service.title)})</li>"
        for s in spec.services
        for op in s.operations
        if op.gap
    ]
    links += [
        f'<li><a href="#{escape(s.service.key)}-error-{error.number}">{error.number} {escape(error.code)}</a> '
        f"(error, {escape(s.service.title)})</li>"
        for s in spec.services
        for error in s.errors
        if error.gap
    ]
    if not links:
        return ["<p>Gaps: none: every operation and every documented error has a scenario.</p>"]
    return [f"<h3>Gaps ({len(links)})</h3>", '<ul class="gaps">', *links, "</ul>"]


def _leftovers(spec: Specification, anchors: Mapping[int, str]) -> list[str]:
    lines = ['<section id="without-operation">', "<h2>Scenarios that name no operation</h2>"]
    if spec.without_operation:
        lines += _runs_table(spec.without_operation, anchors)
    else:
        lines += ['<p class="muted">None: every scenario is tagged with an operation of a contract.</p>']
    lines += ["</section>", '<section id="uncatalogued">', "<h2>Error tags no catalogue documents</h2>"]
    if not spec.uncatalogued:
        return [*lines, '<p class="muted">None.</p>', "</section>"]
    for number, runs in spec.uncatalogued.items():
        lines += [f'<h4 data-uncatalogued="{number}">@error-{number}</h4>', *_runs_table(runs, anchors)]
    return [*lines, "</section>"]


def _assumptions(spec: Specification) -> list[str]:
    """Where the mock had to guess, each with its place: the list a reader checks the mock's guesses in."""
    lines = ['<section id="assumptions">', f"<h2>Assumptions ({len(spec.assumptions)})</h2>"]
    if not spec.assumptions:
        return [*lines, '<p class="muted">None.</p>', "</section>"]
    items = [
        f'<li data-assumption="{escape(a.source)}:{a.line}"><code>{escape(a.source)}:{a.line}</code> '
        f"{escape(a.text)}</li>"
        for a in spec.assumptions
    ]
    return [*lines, "<ul>", *items, "</ul>", "</section>"]


def render_html(spec: Specification) -> str:
    anchors = error_anchors(spec)
    body = [*_summary(spec)]
    for service in spec.services:
        body += _service(service, anchors)
    body += _leftovers(spec, anchors)
    body += _assumptions(spec)
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        "<title>Living specification</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<h1>Living specification</h1>",
        f"<p>The features under <code>{escape(str(spec.features_dir))}</code>, the contracts and error "
        "catalogues of each service, and the outcome of each scenario in the last test run.</p>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"
