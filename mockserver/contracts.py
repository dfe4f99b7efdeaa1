"""Where the contracts live: ``contracts/`` beside the package, or inside it once installed."""

from __future__ import annotations

from pathlib import Path

CONTRACTS_DIR = Path(__file__).resolve().parent.parent / "contracts"
