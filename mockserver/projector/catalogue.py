"""The vendor's error catalogue, read from ``contracts/projector/errors.csv``.

Rules never spell an error's number or text: they raise :class:`PwsError` with the vendor's
mnemonic code (``PwsError("TimecardHasBeenChanged")``), which reads like the rule it reports,
and the catalogue supplies the number, type and text the vendor documents for it.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from mockserver.contracts import CONTRACTS_DIR


@dataclass(frozen=True)
class CatalogueEntry:
    """One documented error or warning: number, mnemonic code, message type and text."""

    number: int
    code: str
    type: str
    operations: tuple[str, ...]
    text: str
    source: str


class PwsError(Exception):
    """A documented vendor error, raised by the rules and answered in the vendor's shape."""

    def __init__(self, code: str, additional_text: str | None = None) -> None:
        self.entry = by_code()[code]
        self.additional_text = additional_text
        super().__init__(f"{self.entry.number} {code}: {self.entry.text} {additional_text or ''}".strip())


@functools.cache
def catalogue(path: Path = CONTRACTS_DIR / "projector" / "errors.csv") -> dict[int, CatalogueEntry]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            int(row["number"]): CatalogueEntry(
                number=int(row["number"]),
                code=row["code"],
                type=row["type"],
                operations=tuple(row["operations"].split()),
                text=row["text"],
                source=row["source"],
            )
            for row in csv.DictReader(handle)
        }


@functools.cache
def by_code() -> dict[str, CatalogueEntry]:
    return {entry.code: entry for entry in catalogue().values()}


class PwsFailure(Exception):
    """A request refused as a whole: Status Fail (or FailSessionInvalid) with these messages."""

    def __init__(self, *errors: PwsError) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = list(errors)
