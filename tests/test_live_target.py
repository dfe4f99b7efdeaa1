"""The features as a contract test of any endpoint: over real HTTP, and what a live target lacks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from mockserver.contract_suite.contract_check import ResponseContractError, check_response
from mockserver.contract_suite.target import Target, live
from mockserver.projector import pws
from mockserver.soap.contract import load_contract

ROOT = Path(__file__).resolve().parents[1]


def test_the_whole_feature_suite_passes_against_mockserver_serve_over_http(server_url: str) -> None:
    in_process = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--collect-only", "tests/features"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    scenarios = int(re.search(r"(\d+) tests? collected", in_process.stdout)[1])  # type: ignore[index]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/features", "--target-url", server_url],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    assert f"{scenarios} passed" in result.stdout, result.stdout[-500:]


def test_service_urls_from_a_base_and_per_service() -> None:
    target = live(["pws=http://127.0.0.1:9/Projector/PWS.svc", "http://127.0.0.1:9"])
    assert target.urls["pws"] == "http://127.0.0.1:9/Projector/PWS.svc"
    assert target.urls["tpsync"] == "http://127.0.0.1:9/TimePunch/API/TpSync.svc"
    assert target.is_mock is False  # nothing answers /__admin/health there
    assert target.address("pws", "any-tenant") == "http://127.0.0.1:9/Projector/PWS.svc"


def test_a_live_target_without_the_admin_side_skips_what_needs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    target = Target(urls={"pws": "http://vendor.example/pws.svc"}, session=None, is_mock=False)  # type: ignore[arg-type]
    with pytest.raises(pytest.skip.Exception, match="admin side"), target.admin("t").db():
        pass
    with pytest.raises(pytest.skip.Exception, match="TARGET_PASSWORD_E123_EXAMPLE_COM"):
        target.password("e123@example.com", "dataset-password")
    monkeypatch.setenv("TARGET_PASSWORD_E123_EXAMPLE_COM", "from-the-environment")
    assert target.password("e123@example.com", "dataset-password") == "from-the-environment"


def test_a_response_outside_a_documented_value_set_fails_loudly() -> None:
    contract = load_contract(pws.CONTRACT_PATH)
    example = (ROOT / "fixtures" / "projector" / "examples" / "PwsSaveTimeCards.response.xml").read_bytes()
    check_response(contract, example, 200)
    card = (
        "<a:TimecardResults><a:PwsSaveTimecardResult><a:TimeCard>"
        "<b:TimecardType xmlns:b='http://projectorpsa.com/DataContracts/Shared/Common/'>X</b:TimecardType>"
        "</a:TimeCard></a:PwsSaveTimecardResult></a:TimecardResults>"
    )
    broken = example.replace(b"<a:TimecardResults/>", card.encode())
    assert etree.fromstring(broken) is not None
    with pytest.raises(ResponseContractError, match="'X' is not one of \\['R', 'T'\\]"):
        check_response(contract, broken, 200)
