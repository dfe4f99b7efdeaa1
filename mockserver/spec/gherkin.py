"""A small Gherkin reader: enough of the language for the report to list what the features say.

The features are the specification; the report must read them without pytest-bdd (a test-only
dependency). Supported: Feature with its description and tags, Rule with its tags (not its own
Background), Background, Scenario / Example, Scenario Outline / Template with (tagged, named)
Examples, steps (Given, When, Then, And, But, ``*``), data tables and doc strings, comments.
English keywords only. Anything else is a :class:`GherkinError` naming the file and line, never
a silently wrong report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SCENARIO_KEYWORDS = ("Scenario Outline", "Scenario Template", "Scenario", "Example")
_STEP = re.compile(r"(Given|When|Then|And|But|\*) (.*)")
_HEADER = re.compile(r"(Feature|Rule|Background|Scenario Outline|Scenario Template|Scenario|Examples?|Scenarios):(.*)")
_DOC_STRING = re.compile(r'("""|```)(.*)')


class GherkinError(ValueError):
    """A feature file this reader cannot read: the file and line say where."""


@dataclass
class Step:
    keyword: str
    text: str
    line: int
    table: list[list[str]] | None = None
    doc_string: str | None = None


@dataclass
class Examples:
    """One Examples block of an outline: its header and rows (each row is one run of the outline)."""

    name: str
    line: int
    tags: tuple[str, ...] = ()
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    def contexts(self) -> list[dict[str, str]]:
        """Each row as {column: value}, as pytest-bdd hands it to the scenario."""
        return [dict(zip(self.header, row, strict=True)) for row in self.rows]


@dataclass
class Background:
    keyword: str
    name: str
    line: int
    steps: list[Step] = field(default_factory=list)


@dataclass
class Scenario:
    keyword: str
    name: str
    line: int
    tags: tuple[str, ...] = ()
    rule: str = ""
    rule_tags: tuple[str, ...] = ()
    description: str = ""
    steps: list[Step] = field(default_factory=list)
    examples: list[Examples] = field(default_factory=list)

    def runs(self) -> Iterator[tuple[dict[str, str] | None, tuple[str, ...]]]:
        """(example row or None, tags of the Examples block) for each time the scenario runs: once,
        or once per example row of an outline (an outline without rows runs once, as in pytest-bdd)."""
        rows = [(context, block.tags) for block in self.examples for context in block.contexts()]
        if not rows:
            yield None, ()
        yield from rows


@dataclass
class Feature:
    path: Path
    name: str
    line: int
    tags: tuple[str, ...] = ()
    description: str = ""
    background: Background | None = None
    scenarios: list[Scenario] = field(default_factory=list)


def is_free_text(line: str) -> bool:
    """Whether a (stripped, non-comment) line is prose (a description) rather than Gherkin: not a tag line, a
    table row, a doc string fence, a header or a step."""
    return not (line.startswith(("@", "|", '"""', "```")) or _HEADER.fullmatch(line) or _STEP.fullmatch(line))


def tags_of(line: str) -> tuple[str, ...]:
    """The tags of a tag line, without their '@' (a '#' starts a comment)."""
    tags: list[str] = []
    for token in line.split():
        if token.startswith("#"):
            break
        tags.extend(tag for tag in token.split("@") if tag)
    return tuple(tags)


def table_cells(line: str) -> list[str]:
    r"""The cells of a table row '| a | b\|c |' (escapes: \| \\ \n)."""
    body = line.strip()
    if not (body.startswith("|") and body.endswith("|") and len(body) > 1):
        raise ValueError("a table row starts and ends with '|'")
    cells: list[str] = []
    cell: list[str] = []
    escaped = False
    for char in body[1:]:
        if escaped:
            cell.append({"|": "|", "\\": "\\", "n": "\n"}.get(char, "\\" + char))
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            cells.append("".join(cell).strip())
            cell = []
        else:
            cell.append(char)
    return cells


class _Reader:
    """One pass over the lines of one file, keeping where the next line belongs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.feature: Feature | None = None
        self.pending_tags: tuple[str, ...] = ()
        self.rule = ""
        self.rule_tags: tuple[str, ...] = ()
        self.owner: Background | Scenario | None = None
        self.examples: Examples | None = None
        self.description: list[str] | None = None
        """Free text lines under the last header, while they last (then kept by ``described``)."""
        self.described: Feature | Scenario | None = None
        self.lineno = 0

    def error(self, message: str) -> GherkinError:
        return GherkinError(f"{self.path}:{self.lineno}: {message}")

    def read(self, text: str) -> Feature:
        lines = iter(enumerate(text.splitlines(), start=1))
        for self.lineno, raw in lines:
            line = raw.strip()
            if line.startswith("#"):
                continue
            if self.description is not None and self._describes(line):
                self.description.append(line)
            elif not line:
                continue
            elif line.startswith("@"):
                self.pending_tags += tags_of(line)
            elif header := _HEADER.fullmatch(line):
                self._header(header.group(1), header.group(2).strip())
            elif step := _STEP.fullmatch(line):
                self._step(step.group(1), step.group(2).strip())
            elif line.startswith("|"):
                self._row(line)
            elif doc := _DOC_STRING.match(line):
                self._doc_string(doc.group(1), raw.index(doc.group(1)), lines)
            else:
                raise self.error(f"unexpected line {line!r}")
        if self.feature is None:
            raise self.error("no Feature")
        self._end_description()
        return self.feature

    def _describes(self, line: str) -> bool:
        """Free text under a header (before its first step, table or tag) is its description."""
        if not is_free_text(line):
            self._end_description()
            return False
        return True

    def _end_description(self) -> None:
        if self.description is None:
            return
        if self.described is not None:
            self.described.description = "\n".join(self.description).strip()
        self.description = None

    def _header(self, keyword: str, name: str) -> None:
        tags, self.pending_tags = self.pending_tags, ()
        self.description, self.described = [], None  # kept for a feature or a scenario only
        if keyword == "Feature":
            if self.feature is not None:
                raise self.error("a second Feature")
            self.feature = self.described = Feature(self.path, name, self.lineno, tags)
            return
        feature = self._feature()
        if keyword == "Rule":
            self.rule, self.rule_tags, self.owner, self.examples = name, tags, None, None
        elif keyword == "Background":
            if self.rule:
                raise self.error("a Background inside a Rule is not supported")
            if feature.background is not None or feature.scenarios:
                raise self.error("Background must come once, before the scenarios")
            feature.background = self.owner = Background(keyword, name, self.lineno)
            self.examples = None
        elif keyword in SCENARIO_KEYWORDS:
            self.owner = self.described = Scenario(keyword, name, self.lineno, tags, self.rule, self.rule_tags)
            feature.scenarios.append(self.owner)
            self.examples = None
        else:  # Examples
            if not isinstance(self.owner, Scenario):
                raise self.error("Examples outside a Scenario Outline")
            self.examples = Examples(name, self.lineno, tags)
            self.owner.examples.append(self.examples)

    def _feature(self) -> Feature:
        if self.feature is None:
            raise self.error("expected 'Feature:' first")
        return self.feature

    def _step(self, keyword: str, text: str) -> None:
        if self.owner is None or self.examples is not None:
            raise self.error("a step outside a Background or Scenario")
        self.owner.steps.append(Step(keyword, text, self.lineno))

    def _row(self, line: str) -> None:
        try:
            cells = table_cells(line)
        except ValueError as error:
            raise self.error(str(error)) from None
        if self.examples is not None:
            if not self.examples.header:
                self.examples.header = cells
            elif len(cells) != len(self.examples.header):
                raise self.error(f"{len(cells)} cells under a header of {len(self.examples.header)}")
            else:
                self.examples.rows.append(cells)
            return
        step = self._last_step("a table")
        if step.table is None:
            step.table = []
        step.table.append(cells)

    def _doc_string(self, delimiter: str, indent: int, lines: Iterator[tuple[int, str]]) -> None:
        step = self._last_step("a doc string")
        opened = self.lineno
        escaped = "".join("\\" + char for char in delimiter)
        content: list[str] = []
        for self.lineno, raw in lines:
            if raw.strip() == delimiter:
                step.doc_string = "\n".join(content)
                return
            stripped = raw[: len(raw) - len(raw.lstrip(" "))][:indent]
            content.append(raw[len(stripped) :].replace(escaped, delimiter))
        self.lineno = opened
        raise self.error(f"doc string opened here is never closed with {delimiter}")

    def _last_step(self, what: str) -> Step:
        if self.owner is None or not self.owner.steps or self.examples is not None:
            raise self.error(f"{what} that follows no step")
        return self.owner.steps[-1]


def read_feature(path: Path) -> Feature:
    """The feature in ``path``."""
    return parse_feature(path.read_text(encoding="utf-8"), path)


def parse_feature(text: str, path: Path) -> Feature:
    """The feature in ``text`` (``path`` names it in errors and in the result)."""
    return _Reader(path).read(text)


def read_features(directory: Path) -> list[Feature]:
    """Every ``*.feature`` under ``directory``, in path order."""
    return [read_feature(path) for path in sorted(directory.rglob("*.feature"))]
