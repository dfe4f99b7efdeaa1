"""Every shipped feature bound to the steps: the test module ``mockserver contract-test`` runs."""

from __future__ import annotations

from pytest_bdd import scenarios

from mockserver.resources import FEATURES_DIR

scenarios(str(FEATURES_DIR))
