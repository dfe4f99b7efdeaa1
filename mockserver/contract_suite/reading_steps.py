"""Step definitions for how the mock reads a request that leaves the contract (the reading_as_the_vendor
features): the tenant's reading, and the warnings an answer and its journal entry carry. Shared by the PWS,
Ops and TimePunch scenarios, which each record the raw answer of the message they post in :class:`Posted`."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
import requests
from pytest_bdd import given, parsers, then

from mockserver.contract_suite.target import Target, TenantAdmin
from mockserver.soap.service import WARNINGS_HEADER
from mockserver.state import reading

READINGS = {"strictly": True, "as the vendor's runtime does": False}
"""The tenant's own setting each wording gives (False pins the vendor's reading even on a ``--strict`` server)."""


@dataclass
class Posted:
    """The HTTP answer to the last message a scenario posted as written."""

    answer: requests.Response | None = None


@pytest.fixture
def posted() -> Posted:
    return Posted()


def _mock_only(target: Target) -> None:
    """The warnings are the mock's own report: a live vendor has none to check."""
    if not target.is_mock:
        pytest.skip("the mock's warnings: the live target is not the mock")


@given(parsers.parse("the tenant reads requests {mode}"))
def _(tenant: TenantAdmin, mode: str) -> None:
    with tenant.db() as db:
        reading.set_strict(db, READINGS[mode])


@then(parsers.re(r"the answer carries (?P<count>\d+) warnings?"))
def _(posted: Posted, target: Target, count: str) -> None:
    _mock_only(target)
    assert posted.answer is not None, "no message was posted"
    assert posted.answer.headers.get(WARNINGS_HEADER, "0") == count, posted.answer.headers


@then(parsers.parse('the journal warns of "{path}": "{reason}"'))
def _(tenant: TenantAdmin, target: Target, path: str, reason: str) -> None:
    """The last call's journal entry has a warning whose path and reason hold these fragments."""
    _mock_only(target)
    (entry,) = tenant.rows("SELECT warnings FROM mock_journal ORDER BY id DESC LIMIT 1")
    warnings = json.loads(entry["warnings"])
    assert any(path in found["path"] and reason in found["reason"] for found in warnings), warnings
