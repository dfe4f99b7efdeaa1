"""The pytest plugin as a client developer uses it: in their own suite, with zeep, under xdist."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

CLIENT_SUITE = (Path(__file__).resolve().parent / "client_suite.py").read_text(encoding="utf-8")

PARALLEL_SUITE = """
import os

import zeep
import pytest

from test_client import cards_on_the_26th, login, save_card


@pytest.mark.parametrize("minutes", [15, 30, 45, 60, 75, 90])
def test_parallel_tests_never_see_each_others_cards(mock_tenant, minutes):
    assert mock_tenant.server.url == os.environ.get("MOCKSERVER_URL", mock_tenant.server.url)
    client = zeep.Client(mock_tenant.wsdl("pws"))
    ticket = login(client)
    assert save_card(client, ticket, minutes).Status == "Ok"
    assert cards_on_the_26th(client, ticket) == [minutes]
"""


@pytest.fixture
def client_suite(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(test_client=CLIENT_SUITE, test_parallel=PARALLEL_SUITE)
    return pytester


def test_a_client_suite_uses_the_fixtures(client_suite: pytest.Pytester) -> None:
    result = client_suite.runpytest_subprocess("-p", "no:cacheprovider", "test_client.py")
    result.assert_outcomes(passed=3)


def test_two_xdist_workers_share_nothing(client_suite: pytest.Pytester) -> None:
    result = client_suite.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2", "test_parallel.py")
    result.assert_outcomes(passed=6)


def test_two_workers_against_one_shared_server_stay_apart(
    client_suite: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mockserver.testing import RunningMockServer

    shared = RunningMockServer()
    try:
        monkeypatch.setenv("MOCKSERVER_URL", shared.url)
        result = client_suite.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2", "test_parallel.py")
        result.assert_outcomes(passed=6)
        assert shared.admin("GET", "/tenants")["meta"]["total"] == 0  # each test deleted its tenant
    finally:
        shared.stop()
