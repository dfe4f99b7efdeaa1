"""Projector's error catalogues: ``contracts/projector/errors.csv`` (PWS) and
``contracts/projector-ops/errors.csv`` (Ops), and the errors their rules raise."""

from __future__ import annotations

from mockserver.catalogue import Catalogue, CatalogueError
from mockserver.resources import CONTRACTS_DIR

PWS_CATALOGUE = Catalogue(CONTRACTS_DIR / "projector" / "errors.csv")
OPS_CATALOGUE = Catalogue(CONTRACTS_DIR / "projector-ops" / "errors.csv")


class PwsError(CatalogueError):
    """An error of the PWS catalogue (PwsMessage / PwsErrorDetail)."""

    catalogue = PWS_CATALOGUE


class OpsError(CatalogueError):
    """An error of the Ops catalogue (OpsWebError)."""

    catalogue = OPS_CATALOGUE


class PwsFailure(Exception):
    """A request refused as a whole: Status Fail (or FailSessionInvalid) with these messages."""

    def __init__(self, *errors: PwsError) -> None:
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = list(errors)
