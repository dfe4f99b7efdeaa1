"""``mockserver spec``: read the features, the contracts and the last run; write both reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mockserver.spec.html_report import render_html
from mockserver.spec.markdown_report import render_markdown
from mockserver.spec.model import build_specification
from mockserver.spec.results import Results, read_results


@dataclass(frozen=True)
class Written:
    html: Path
    markdown: Path
    results: Results | None
    """None when there was no results file: every scenario shows "not run"."""


def write_report(features_dir: Path, results_path: Path, output_dir: Path) -> Written:
    """Write ``index.html`` and ``spec.md`` under ``output_dir``. A missing results file is no error
    (the report is still the specification, without outcomes); an unreadable one is."""
    if not features_dir.is_dir():
        raise FileNotFoundError(f"no features directory {features_dir}")
    results = read_results(results_path) if results_path.is_file() else None
    spec = build_specification(features_dir, results)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = Written(output_dir / "index.html", output_dir / "spec.md", results)
    written.html.write_text(render_html(spec), encoding="utf-8")
    written.markdown.write_text(render_markdown(spec), encoding="utf-8")
    return written
