"""TimePunch's TpFault codes, read from ``contracts/timepunch/faults.csv``.

The vendor publishes no codes: the catalogue's are the mock's own, stable, and the TpFault's
Message carries them as ``"<code>: <text>"`` (TpFault has no code member)."""

from __future__ import annotations

from mockserver.catalogue import Catalogue, CatalogueError
from mockserver.resources import CONTRACTS_DIR

TIMEPUNCH_FAULTS = Catalogue(CONTRACTS_DIR / "timepunch" / "faults.csv")


class TpError(CatalogueError):
    """A TpFault the operation answers in its ``fault`` out parameter."""

    catalogue = TIMEPUNCH_FAULTS

    def message(self, operation: str) -> str:
        detail = f" {self.additional_text}" if self.additional_text else ""
        return f"{self.code}: {self.text(operation)}{detail}"
