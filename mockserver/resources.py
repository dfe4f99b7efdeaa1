"""Where the files the product reads live: the contracts, the features and the fixtures it ships.

The repository keeps them at its top level (``contracts/``, ``features/``, ``fixtures/``); the
build maps them into the wheel as ``mockserver/data/``. So an installed package reads them beside
its code, and a checkout (an editable install, where the build maps nothing) reads the top level.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_SHIPPED = _PACKAGE_DIR / "data"
DATA_DIR = _SHIPPED if _SHIPPED.is_dir() else _PACKAGE_DIR.parent
"""The installed package's ``data/``, else the checkout's top level."""

CONTRACTS_DIR = DATA_DIR / "contracts"
FEATURES_DIR = DATA_DIR / "features"
FIXTURES_DIR = DATA_DIR / "fixtures"
