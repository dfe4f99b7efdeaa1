"""The features as a contract test of any endpoint: over real HTTP, and what a live target lacks."""

from __future__ import annotations

import json
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


def test_contract_test_passes_every_scenario_against_mockserver_serve_over_http(
    server_url: str, tmp_path: Path
) -> None:
    """`mockserver contract-test` runs all the shipped scenarios against a served mock, and records them for
    `mockserver spec` where it stands."""
    in_process = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--collect-only", "tests/features"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    scenarios = int(re.search(r"(\d+) tests? collected", in_process.stdout)[1])  # type: ignore[index]
    result = subprocess.run(
        [sys.executable, "-m", "mockserver", "contract-test", "--target-url", server_url, "-q"],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert f"{scenarios} passed" in result.stdout, result.stdout[-500:]
    recorded = json.loads((tmp_path / "build" / "spec-results.json").read_text())["scenarios"]
    assert len(recorded) == scenarios
    assert {entry["outcome"] for entry in recorded} == {"passed"}
    assert all(entry["feature"].startswith("features/") for entry in recorded)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("http://127.0.0.1:9", "--target-url: the pws WSDL at http://127.0.0.1:9/OpsProjectorWcfSvc/PwsProjectorServices.svc?wsdl"),
        ("nope=http://127.0.0.1:9", "--target-url nope=http://127.0.0.1:9: the services are pws, ops, tpsync"),
    ],
)
def test_contract_test_refuses_a_target_it_cannot_use_in_one_line(target: str, message: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mockserver", "contract-test", "--target-url", target],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"mockserver contract-test: {message}"), result.stderr
    assert not (tmp_path / "build").exists()


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
