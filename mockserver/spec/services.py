"""The services the mock serves, each with the contract and the catalogue the report checks against."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mockserver.resources import CONTRACTS_DIR, DATA_DIR


@dataclass(frozen=True)
class Service:
    key: str
    """Short and unique: the report's anchors start with it."""
    title: str
    contract: Path
    catalogue: Path

    def shown(self, path: Path) -> str:
        """``path`` as the report names it: ``contracts/...`` when it is one of ours, wherever installed."""
        return path.relative_to(DATA_DIR).as_posix() if path.is_relative_to(DATA_DIR) else str(path)


SERVICES = (
    Service(
        "pws", "Projector PWS", CONTRACTS_DIR / "projector" / "pws.wsdl", CONTRACTS_DIR / "projector" / "errors.csv"
    ),
    Service(
        "ops",
        "Projector Ops",
        CONTRACTS_DIR / "projector-ops" / "ops.wsdl",
        CONTRACTS_DIR / "projector-ops" / "errors.csv",
    ),
    Service(
        "timepunch",
        "TimePunch",
        CONTRACTS_DIR / "timepunch" / "tpsync.wsdl",
        CONTRACTS_DIR / "timepunch" / "faults.csv",
    ),
)
