"""Where the mock had to guess: each "Assumption: ..." the features and contracts write, for the report.

The features mark what the vendor does not say as "Assumption: ..." (in a comment, or in a feature's
or scenario's description), and the contracts do in their xs:documentation; the report lists each
one with its place, so a reader sees every guess in one list. An assumption runs to the end of its
sentence, across the lines of its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from mockserver.soap.ns import XSD
from mockserver.spec.gherkin import is_free_text

_MARK = re.compile(r"\bAssumption\b")
_SENTENCE_END = re.compile(r"\.(\s|$)")


@dataclass(frozen=True)
class Assumption:
    source: str
    """The feature file (relative to the features directory) or contract file it is written in (posix)."""
    line: int
    text: str


def read_assumptions(features_dir: Path) -> tuple[Assumption, ...]:
    """Every assumption the feature files under ``features_dir`` mark, in file and line order."""
    found: list[Assumption] = []
    for path in sorted(features_dir.rglob("*.feature")):
        relative = path.relative_to(features_dir).as_posix()
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            match = _MARK.search(line)
            if match is not None and _prose(line) is not None:
                text = _sentence(line[match.start() :], lines[number + 1 :], line.lstrip().startswith("#"))
                if _says_something(text):
                    found.append(Assumption(relative, number + 1, text))
    return tuple(found)


def read_contract_assumptions(schemas: Iterable[tuple[str, Path]]) -> tuple[Assumption, ...]:
    """Every assumption the xs:documentation of the (shown name, path) schemas marks, in their order."""
    found: list[Assumption] = []
    for shown, path in schemas:
        for documentation in etree.parse(str(path)).iter(f"{{{XSD}}}documentation"):
            text = " ".join((documentation.text or "").split())
            line = documentation.sourceline if isinstance(documentation.sourceline, int) else 0
            for match in _MARK.finditer(text):
                sentence = _sentence(text[match.start() :], [], False)
                if _says_something(sentence):
                    found.append(Assumption(shown, line, sentence))
    return tuple(found)


def _says_something(sentence: str) -> bool:
    """Not a mention of the word ("the documentation says 'Assumption:'"), an assumption with content."""
    quoted = re.match(r"Assumption\b[^:]{0,12}:?\s*['\"]", sentence) is not None
    return not quoted and len(re.findall(r"[A-Za-z]+", sentence)) > 3


def _prose(line: str) -> str | None:
    """The words of a comment or description line; None for a Gherkin line (a step, a table, a keyword)."""
    stripped = line.strip()
    if stripped.startswith("#"):
        return stripped.lstrip("#").strip()
    return stripped if stripped and is_free_text(stripped) else None


def _sentence(start: str, following: list[str], in_comment: bool) -> str:
    """The sentence from ``start`` on, continued on the paragraph's next lines until it ends."""
    words = [start.strip()]
    for line in following:
        if _SENTENCE_END.search(" ".join(words)) or line.strip().startswith("#") != in_comment:
            break
        prose = _prose(line)
        if not prose or _MARK.search(prose):
            break
        words.append(prose)
    text = " ".join(words)
    end = _SENTENCE_END.search(text)
    text = text[: end.start() + 1] if end is not None else text
    if text.count(")") > text.count("("):  # it began inside a parenthesis: drop the one that closes it
        closing = text.rfind(")")
        text = text[:closing] + text[closing + 1 :]
    return text
