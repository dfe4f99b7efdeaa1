"""`mockserver serve --report junit.xml`: a client's contract report, per operation, for CI to display."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests
from lxml import etree
from support.served import served

from mockserver.contract_suite.actions import soap11_headers
from mockserver.projector import pws

VALID = (
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
    'xmlns:p="http://projectorpsa.com/PwsProjectorServices/" xmlns:r="http://projectorpsa.com/DataContracts/Requests/">'
    "<s:Body><p:PwsAuthenticate><p:serviceRequest><r:AccountCode>DEMO</r:AccountCode><r:Password>x</r:Password>"
    "<r:UserName>e123@example.com</r:UserName></p:serviceRequest></p:PwsAuthenticate></s:Body></s:Envelope>"
)
INVALID = VALID.replace("<r:Password>x</r:Password>", "")


def test_the_report_lists_each_operation_called_and_each_violation(tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    process = subprocess.Popen(
        [sys.executable, "-m", "mockserver", "serve", "--port", "0", "--report", str(report)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        url = re.search(r"listening on (http://\S+)", process.stdout.readline())[1]  # type: ignore[index]
        address = f"{url}/tenants/ci{pws.ENDPOINT_PATH}"
        for body in (VALID, INVALID, VALID):
            requests.post(address, data=body, headers=soap11_headers(body, "text/xml"), timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (not report.exists() or b"<failure" not in report.read_bytes()):
            time.sleep(0.1)
        running = etree.parse(str(report))
        assert running.find(".//failure") is not None  # kept current while the mock serves
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
    suites = etree.parse(str(report)).getroot()
    (case,) = suites.iter("testcase")
    assert (case.get("classname"), case.get("name")) == (pws.ENDPOINT_PATH, "PwsAuthenticate")
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == "1 of 3 request(s) broke the contract"
    assert "Password" in (failure.text or "")
    assert re.search(r"tenant ci: /\S+PwsAuthenticate\S*: ", failure.text or "")


def test_a_request_read_past_its_departures_fails_its_operation_with_the_warnings(tmp_path: Path) -> None:
    """The mock answers it as the vendor would, but what the vendor drops silently is the client's bug."""
    report = tmp_path / "junit.xml"
    warned = VALID.replace("<r:Password>", "<r:Bogus>1</r:Bogus><r:Password>")
    with served("--report", str(report)) as url:
        for body in (VALID, warned):
            answer = requests.post(
                f"{url}/tenants/ci{pws.ENDPOINT_PATH}", data=body, headers=soap11_headers(body), timeout=10
            )
            assert answer.status_code == 200, answer.text
    (case,) = etree.parse(str(report)).getroot().iter("testcase")
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == "1 of 2 request(s) broke the contract"
    (line,) = (failure.text or "").splitlines()
    assert "tenant ci: /p:PwsAuthenticate/p:serviceRequest/r:Bogus: unknown member" in line
