"""Error catalogues: a vendor's documented errors as data (CSV in contracts/), never literals in code.

Rules raise a :class:`CatalogueError` subclass with the vendor's mnemonic code, which reads like
the rule it reports; the catalogue supplies the number, type and text. A number may have a text
of its own for some operations and identity types; a text's ``{0}`` is filled with what the rule
names (e.g. the vendor's "Entity {0} was not found.").
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from mockserver.soap.envelope import FaultCode, SoapFault

ANY_OPERATION = "*"


@dataclass(frozen=True)
class CatalogueEntry:
    """One documented error or warning: number, mnemonic code, message type and text."""

    number: int
    code: str
    type: str
    operations: tuple[str, ...]
    text: str
    source: str
    subject: str
    """The identity type this row's text is about (50024 on PwsTransferTime: a time card); else empty."""


class Catalogue:
    """One vendor service's documented errors, loaded on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @functools.cached_property
    def entries(self) -> tuple[CatalogueEntry, ...]:
        with self.path.open(encoding="utf-8", newline="") as handle:
            return tuple(
                CatalogueEntry(
                    number=int(row["number"]),
                    code=row["code"],
                    type=row["type"],
                    operations=tuple(row["operations"].split()),
                    text=row["text"],
                    source=row["source"],
                    subject=row["subject"],
                )
                for row in csv.DictReader(handle)
            )

    def entry_for(self, code: str, operation: str = ANY_OPERATION, subject: str = "") -> CatalogueEntry:
        """The entry of ``code`` for ``operation`` (and the identity type it is about): a row naming
        the operation (and, if it has one, that subject), else the general row."""
        candidates = [entry for entry in self.entries if entry.code == code]
        if not candidates:
            raise KeyError(f"error code {code!r} is not in {self.path.name}")
        specific = [e for e in candidates if operation in e.operations and e.subject in ("", subject)]
        specific.sort(key=lambda entry: entry.subject != subject)  # an exact subject first
        if specific:
            return specific[0]
        return max(candidates, key=lambda entry: (ANY_OPERATION in entry.operations, len(entry.operations)))

    def code_of(self, code_or_number: str) -> str:
        """The code an injected error names, by its code or its number (a fault rule may give either)."""
        for entry in self.entries:
            if code_or_number in (entry.code, str(entry.number)):
                return entry.code
        raise KeyError(f"{code_or_number!r} is not an error of {self.path.name}")

    def numbers(self) -> set[int]:
        return {entry.number for entry in self.entries}


class CatalogueError(Exception):
    """A documented vendor error, raised by the rules and answered in the vendor's shape."""

    catalogue: ClassVar[Catalogue]

    def __init__(
        self,
        code: str,
        additional_text: str | None = None,
        *,
        fill: Sequence[str] = (),
        severity: str | None = None,
    ) -> None:
        self.code = code
        self.additional_text = additional_text
        self.fill = tuple(fill)
        self._severity = severity
        general = self.catalogue.entry_for(code)
        super().__init__(f"{general.number} {code}: {additional_text or general.text}")

    @classmethod
    def forced(cls, code_or_number: str) -> CatalogueError:
        """The error a fault rule forces on a call (the SOAP layer hands it over by code or number)."""
        try:
            return cls(cls.catalogue.code_of(code_or_number), "Forced by a fault rule.")
        except KeyError as error:
            raise SoapFault(f"A vendor-error fault rule names {error.args[0]}.", FaultCode.RECEIVER) from None

    def entry(self, operation: str = ANY_OPERATION) -> CatalogueEntry:
        return self.catalogue.entry_for(self.code, operation, self.fill[0] if self.fill else "")

    def severity(self, operation: str = ANY_OPERATION) -> str:
        """Error, Warning or Information: the catalogue's type, unless the rule raised the error as
        another (10016 RequestExceededRateLimit is a warning near the rate limit, an error past it)."""
        return self._severity or self.entry(operation).type

    def text(self, operation: str = ANY_OPERATION) -> str:
        """The vendor's text for this error in ``operation``, placeholders filled."""
        template = self.entry(operation).text
        return template.format(*self.fill) if self.fill else template
