"""`mockserver validate FILE...`: captured envelopes checked offline, each violation as the server names it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from werkzeug.test import Client

from mockserver import cli
from mockserver.app import MockServer
from mockserver.contract_suite.actions import soap11_headers
from mockserver.projector import ops, pws
from mockserver.soap import ns

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SERVICE_OF_EXAMPLES = {"projector": "pws", "projector-ops": "ops", "timepunch": "tpsync"}
PWS_LOGIN = (FIXTURES / "projector" / "examples" / "PwsAuthenticate.request.xml").read_text(encoding="utf-8")
OPS_IMPORT = (FIXTURES / "projector-ops" / "examples" / "OpsImportTimeCards.request.xml").read_text(encoding="utf-8")
BAD_OPS_IMPORT = OPS_IMPORT.replace("<WorkMinutes>480</WorkMinutes>", "<WorkMinutes>eight</WorkMinutes>").replace(
    "<Role>Developer</Role>", "<Role>Developer</Role><Overtime>yes</Overtime>"
)
"""Two violations: a WorkMinutes that is no xs:int (card 0), an element the contract lacks (card 1)."""


def validate(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, list[str], list[str]]:
    """Run the command: its exit status, its standard output and its standard error, in lines."""
    with pytest.raises(SystemExit) as exited:
        cli.main(["validate", *map(str, paths)])
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out.splitlines(), err.splitlines()


def written(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_every_example_envelope_is_valid_and_named_by_its_service_and_operation() -> None:
    examples = sorted(FIXTURES.glob("*/examples/*.xml"))

    done = subprocess.run(
        [sys.executable, "-m", "mockserver", "validate", *map(str, examples)], capture_output=True, text=True
    )

    assert (done.returncode, done.stderr) == (0, "")
    expected = []
    for path in examples:
        operation, kind, _ = path.name.split(".")
        expected.append(f"{path}: {SERVICE_OF_EXAMPLES[path.parent.parent.name]} {operation} {kind}: valid")
    assert done.stdout.splitlines() == expected


def test_an_invalid_request_lists_each_violation_as_the_server_answers_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mock_app: MockServer, tenant_name: str
) -> None:
    capture = written(tmp_path, "import.xml", BAD_OPS_IMPORT)
    answer = Client(mock_app).post(
        f"/tenants/{tenant_name}{ops.ENDPOINT_PATH}", data=BAD_OPS_IMPORT, headers=soap11_headers(BAD_OPS_IMPORT)
    )
    served = [
        f"  {violation.findtext(f'{{{ns.MOCK}}}Path')}: {violation.findtext(f'{{{ns.MOCK}}}Reason')}"
        for violation in etree.fromstring(answer.data).iter(f"{{{ns.MOCK}}}Violation")
    ]

    status, out, err = validate(capsys, capture)

    assert (status, err) == (1, [])
    assert out == [
        f"{capture}: ops OpsImportTimeCards request: 2 violations",
        *served,
        "  the vendor's runtime refuses it too: the mock answers the fault above",  # 'eight' is no xs:int
    ]
    card = "  /OpsImportTimeCards/request/TimeCards/TimeCard"
    assert out[1] == f"{card}[1]/WorkMinutes: 'eight' is not a valid value of type xs:int."
    assert out[2].startswith(f"{card}[2]: Unexpected child with tag '{{")


def test_a_fault_answer_is_valid_when_the_detail_its_contract_declares_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mock_app: MockServer, tenant_name: str
) -> None:
    client = Client(mock_app)
    rule = client.post(f"/__admin/tenants/{tenant_name}/faults", json={"kind": "vendor-error", "code": "10016"})
    assert rule.status_code == 201, rule.text
    answer = client.post(
        f"/tenants/{tenant_name}{pws.ENDPOINT_PATH}", data=PWS_LOGIN, headers=soap11_headers(PWS_LOGIN)
    )
    assert b"PwsFault" in answer.data
    declared = written(tmp_path, "rate-limited.xml", answer.data)
    broken = written(tmp_path, "broken.xml", answer.data.replace(b"</b:PwsFault>", b"<b:Extra/></b:PwsFault>"))
    refusal = client.post(
        f"/tenants/{tenant_name}{ops.ENDPOINT_PATH}", data=BAD_OPS_IMPORT, headers=soap11_headers(BAD_OPS_IMPORT)
    )
    undeclared = written(tmp_path, "refused.xml", refusal.data)

    status, out, _ = validate(capsys, declared, broken, undeclared)

    assert status == 1
    assert out[0] == f"{declared}: pws fault answer: valid"
    assert out[1] == f"{broken}: pws fault answer: 1 violation"
    assert out[2] == "  /b:PwsFault: Unexpected child with tag 'b:Extra' at position 2."
    assert out[3:] == [f"{undeclared}: fault answer without a declared detail: valid"]


SAVE_RESPONSE = (FIXTURES / "projector" / "examples" / "PwsSaveTimeCards.response.xml").read_text(encoding="utf-8")
ONE_VIOLATION = [
    pytest.param(
        SAVE_RESPONSE.replace("<a:SubmittedFlag>true", "<a:SubmittedFlag>maybe"),
        "pws PwsSaveTimeCards response",
        "/PwsSaveTimeCardsResponse/PwsSaveTimeCardsResult/{http://projectorpsa.com/DataContracts/Shared/TimeAndCost/}"
        "SubmittedFlag: 'maybe' is not a valid value of type xs:boolean.",
        id="a response, checked as its operation's output",
    ),
    pytest.param(
        PWS_LOGIN.replace("PwsAuthenticate>", "PwsLogin>"),
        "unknown operation",
        "/pws:PwsLogin: no operation of pws, ops or tpsync takes or answers "
        "{http://projectorpsa.com/PwsProjectorServices/}PwsLogin",
        id="a body element no contract knows",
    ),
    pytest.param(
        PWS_LOGIN.replace(ns.SOAP_ENV_11, ns.SOAP_ENV_12),
        "pws PwsAuthenticate request",
        "/soapenv:Envelope: pws speaks SOAP 1.1; this envelope is SOAP 1.2",
        id="an envelope of the other SOAP version",
    ),
]


@pytest.mark.parametrize(("content", "subject", "violation"), ONE_VIOLATION)
def test_one_violation_is_named_with_its_path_and_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, subject: str, violation: str
) -> None:
    capture = written(tmp_path, "capture.xml", content)

    status, out, err = validate(capsys, capture)

    assert (status, err) == (1, [])
    assert out == [f"{capture}: {subject}: 1 violation", f"  {violation}"]


def test_a_request_the_vendors_runtime_reads_past_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    capture = written(tmp_path, "login.xml", PWS_LOGIN.replace("<req:AccountCode>", "<req:Bogus/><req:AccountCode>"))

    status, out, err = validate(capsys, capture)

    assert (status, err) == (1, [])  # still a departure from the contract: the client's bug
    assert out[0] == f"{capture}: pws PwsAuthenticate request: 1 violation"
    assert out[-1] == (
        "  the vendor's runtime reads past it: the mock answers it with 1 warning "
        "(mockserver serve --strict refuses it with the fault above)"
    )


def test_a_file_that_cannot_be_checked_gets_one_line_and_status_2_while_the_others_are_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.xml"
    not_xml = written(tmp_path, "log.txt", "POST /OpsProjectorWcfSvc/PwsProjectorServices.svc HTTP/1.1\n")
    not_soap = written(tmp_path, "wsdl.xml", '<definitions xmlns="http://schemas.xmlsoap.org/wsdl/"/>')
    no_body = written(tmp_path, "no-body.xml", f'<s:Envelope xmlns:s="{ns.SOAP_ENV_11}"><s:Header/></s:Envelope>')
    invalid = written(tmp_path, "import.xml", BAD_OPS_IMPORT)
    valid = written(tmp_path, "login.xml", PWS_LOGIN)

    status, out, err = validate(capsys, missing, not_xml, invalid, not_soap, no_body, valid)

    assert status == 2
    assert err == [
        f"mockserver validate: {missing}: cannot read it: No such file or directory",
        f"mockserver validate: {not_xml}: Malformed XML: Start tag expected, '<' not found (line 1, column 0).",
        f"mockserver validate: {not_soap}: not a SOAP envelope: the root element is "
        "{http://schemas.xmlsoap.org/wsdl/}definitions",
        f"mockserver validate: {no_body}: The SOAP Envelope has no Body.",
    ]
    assert [line for line in out if not line.startswith("  ")] == [
        f"{invalid}: ops OpsImportTimeCards request: 2 violations",
        f"{valid}: pws PwsAuthenticate request: valid",
    ]


def test_the_status_is_1_when_a_file_is_invalid_and_none_unreadable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = validate(capsys, written(tmp_path, "a.xml", PWS_LOGIN), written(tmp_path, "b.xml", BAD_OPS_IMPORT))

    assert (status, err) == (1, [])
