"""A client suite's test whose calls left the contract fails, naming each warning, unless it is marked
``mockserver_allow_warnings``; ``set_strict`` makes the tenant refuse such calls instead."""

from __future__ import annotations

import pytest
from support.journal_requests import VALID

pytest_plugins = ["pytester"]

WARNED = VALID.replace("<r:Password>", "<r:Bogus>1</r:Bogus><r:Password>")

SUITE = f"""
import pytest
import requests

from mockserver.contract_suite.actions import soap11_headers

LOGIN = {VALID!r}
WARNED = {WARNED!r}


def login(tenant, body):
    return requests.post(tenant.url("pws"), data=body, headers=soap11_headers(body), timeout=10)


def test_a_call_read_past_a_departure(mock_tenant):
    assert login(mock_tenant, WARNED).status_code == 200


@pytest.mark.mockserver_allow_warnings
def test_a_call_read_past_a_departure_allowed(mock_tenant):
    assert login(mock_tenant, WARNED).headers["X-Mock-Warnings"] == "1"


def test_valid_calls_only(mock_tenant):
    assert login(mock_tenant, LOGIN).status_code == 200


def test_a_strict_tenant_refuses_the_departure(mock_tenant):
    assert mock_tenant.set_strict(True) == {{"strict": True, "effectiveStrict": True}}
    assert login(mock_tenant, WARNED).status_code == 500
    assert mock_tenant.count(verdict="client-fault") == 1
    assert mock_tenant.set_strict(None) == {{"strict": None, "effectiveStrict": False}}
"""


def test_only_the_unmarked_test_with_warnings_fails_and_its_failure_lists_them(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_client=SUITE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--strict-markers", "-rE")
    result.assert_outcomes(passed=4, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_a_call_read_past_a_departure *",
            "E *mockserver.testing.MockServerError: 1 call(s) left the contract, and the mock read past it as the "
            "vendor would: PwsAuthenticate: /p:PwsAuthenticate/p:serviceRequest/r:Bogus: unknown member*"
            "(mark the test mockserver_allow_warnings to allow it)",
        ]
    )
    assert "test_a_call_read_past_a_departure_allowed" not in "".join(
        line for line in result.stdout.lines if line.startswith("ERROR")
    )
