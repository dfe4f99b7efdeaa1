"""Runs every scenario of features/projector/ (the living specification) against the mock."""

from pytest_bdd import scenarios

scenarios("projector")
