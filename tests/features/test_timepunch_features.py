"""Runs every scenario of features/timepunch/ (the living specification) against the mock."""

from pytest_bdd import scenarios

scenarios("timepunch")
