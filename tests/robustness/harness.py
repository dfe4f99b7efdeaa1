"""What the robustness tests share: the three endpoints, raw SOAP requests, answer checks, and
`mockserver serve` run as a subprocess that is always killed.

Imported as ``robustness.harness`` (``tests`` is on the path; this folder is a namespace, not a package).
Requests are written by hand, not by zeep: the tests must control every byte that is sent.
"""

from __future__ import annotations

import base64
import hashlib
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import requests
from lxml import etree

from mockserver.contract_suite.actions import soap11_headers
from mockserver.contract_suite.projector_steps import READ_EVERY_CARD
from mockserver.projector import ops, pws
from mockserver.soap import ns
from mockserver.soap.contract import Contract, load_contract
from mockserver.soap.envelope import SOAP_11, SOAP_12, SoapVersion
from mockserver.timepunch import sync

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"

REQ = "http://projectorpsa.com/DataContracts/Requests/"
RESP = "http://projectorpsa.com/DataContracts/Responses/"
TAC = "http://projectorpsa.com/DataContracts/Shared/TimeAndCost/"
COM = "http://projectorpsa.com/DataContracts/Shared/Common/"
CS = "http://projectorpsa.com/CommonServices/"
PWS = "http://projectorpsa.com/PwsProjectorServices/"
OPS = ops.OPS
TEMPURI = "http://tempuri.org/"

MARCH = ("2018-03-01T00:00:00Z", "2018-03-31T00:00:00Z")
DEVELOPER_ROLE = 1152921504609801802
"""E123's Developer role on P001556-001 (the target of the vendor's PwsTransferTime example)."""

# The business errors the concurrency tests expect (contracts/projector/errors.csv).
TIMECARD_HAS_BEEN_CHANGED = 64182
INELIGIBLE_FOR_ADJUSTMENT = 64365


@dataclass(frozen=True)
class Endpoint:
    """One of the mock's three services, as a client reaches it."""

    name: str
    path: str
    version: SoapVersion
    contract_path: Path
    examples: str
    """Folder under fixtures/ holding the endpoint's example envelopes."""

    def __repr__(self) -> str:
        return f"<endpoint {self.name}>"

    @property
    def contract(self) -> Contract:
        return load_contract(self.contract_path)

    @property
    def content_type(self) -> str:
        return self.version.content_type

    def url(self, tenant: str) -> str:
        return f"/tenants/{tenant}{self.path}"

    def headers(self, operation: str | None = None) -> dict[str, str]:
        """The HTTP headers a client of this binding sends (SOAPAction for 1.1, action= for 1.2)."""
        if operation is None:
            return {"Content-Type": self.content_type}
        action = self.contract.operations[operation].action
        if self.version is SOAP_12:
            return {"Content-Type": f'{self.version.media_type}; charset=utf-8; action="{action}"'}
        return {"Content-Type": self.content_type, "SOAPAction": f'"{action}"'}

    def headers_for(self, body: bytes) -> dict[str, str]:
        """The headers of a client sending ``body``: SOAP 1.1 with the SOAPAction of the operation it
        holds (if any), SOAP 1.2 with none (TimePunch routes on WS-Addressing's Action)."""
        return soap11_headers(body, self.content_type) if self.version is SOAP_11 else self.headers()


PWS_ENDPOINT = Endpoint("pws", pws.ENDPOINT_PATH, SOAP_11, pws.CONTRACT_PATH, "projector")
OPS_ENDPOINT = Endpoint("ops", ops.ENDPOINT_PATH, SOAP_11, ops.CONTRACT_PATH, "projector-ops")
TP_ENDPOINT = Endpoint("tpsync", sync.ENDPOINT_PATH, SOAP_12, sync.CONTRACT_PATH, "timepunch")
ENDPOINTS = {endpoint.name: endpoint for endpoint in (PWS_ENDPOINT, OPS_ENDPOINT, TP_ENDPOINT)}


# -- checking answers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fault:
    code: str
    """The fault code's local part: Client, Server, Sender, Receiver, VersionMismatch, MustUnderstand."""
    reason: str


class NotSoap(AssertionError):
    """The answer is not what a SOAP endpoint may send."""


def no_traceback(body: bytes) -> None:
    text = body.decode("utf-8", "replace")
    if "Traceback (most recent call last)" in text or 'File "/' in text:
        raise NotSoap(f"the answer carries a Python traceback: {text[:500]!r}")
    if re.search(r"<\s*(!doctype\s+)?html", text, re.IGNORECASE):
        raise NotSoap(f"the answer is HTML: {text[:500]!r}")


def payload(body: bytes, version: SoapVersion) -> etree._Element:
    """The one element of the answer's Body, after checking the envelope is the endpoint's version."""
    try:
        root = etree.fromstring(body)
    except etree.XMLSyntaxError as error:
        raise NotSoap(f"the answer is not well-formed XML ({error}): {body[:500]!r}") from None
    if root.tag != version.qname("Envelope"):
        raise NotSoap(f"the answer's root is {root.tag}, not a SOAP {version.name} Envelope: {body[:500]!r}")
    children = [child for child in root if isinstance(child.tag, str)]
    bodies = [child for child in children if child.tag == version.qname("Body")]
    if len(bodies) != 1:
        raise NotSoap(f"the answer's Envelope has {len(bodies)} Body elements")
    elements = [child for child in bodies[0] if isinstance(child.tag, str)]
    if len(elements) != 1:
        raise NotSoap(f"the answer's Body holds {len(elements)} elements, not one")
    return elements[0]


def fault_of(element: etree._Element, version: SoapVersion) -> Fault:
    """The code and reason of a Fault element, checking the version's shape."""
    if element.tag != version.qname("Fault"):
        raise NotSoap(f"expected a SOAP {version.name} Fault, got {element.tag}")
    if version is SOAP_11:
        code, reason = element.findtext("faultcode"), element.findtext("faultstring")
    else:
        code = element.findtext(f"{version.qname('Code')}/{version.qname('Value')}")
        reason = element.findtext(f"{version.qname('Reason')}/{version.qname('Text')}")
    if not code or not reason:
        raise NotSoap(f"the Fault lacks a code or a reason: {etree.tostring(element)[:500]!r}")
    return Fault(code.rpartition(":")[2], reason)


def expect_fault(response: Any, endpoint: Endpoint, status: int = 500) -> Fault:
    """A well-formed fault of the endpoint's SOAP version, with its status and content type."""
    no_traceback(response.data)
    assert response.status_code == status, (response.status_code, response.data[:500])
    assert response.headers["Content-Type"] == endpoint.content_type
    return fault_of(payload(response.data, endpoint.version), endpoint.version)


def expect_ok(response: Any, endpoint: Endpoint) -> etree._Element:
    """A 200 answer whose body element is valid against the endpoint's contract."""
    no_traceback(response.data)
    assert response.status_code == 200, (response.status_code, response.data[:1000])
    assert response.headers["Content-Type"] == endpoint.content_type
    element = payload(response.data, endpoint.version)
    violations = endpoint.contract.violations(element)
    assert not violations, f"the answer violates the contract: {violations[:3]}"
    return element


def post_over_http(
    url: str, endpoint: Endpoint, data: bytes, extra_headers: dict[str, str] | None = None
) -> etree._Element:
    """POST ``data`` to a running server at ``url``: the body element of its 200 answer, valid against
    the endpoint's contract (the over-HTTP tests' counterpart of :func:`expect_ok`)."""
    headers = {**endpoint.headers_for(data), **(extra_headers or {})}
    response = requests.post(url, data=data, headers=headers, timeout=30)
    assert response.status_code == 200, response.text[:1000]
    element = payload(response.content, endpoint.version)
    assert not endpoint.contract.violations(element)
    return element


SERVER_FAULT_CODES = {"Server", "Receiver"}


def check_robust_answer(status: int, content_type: str, body: bytes, endpoint: Endpoint) -> str:
    """The fuzz oracle: a contract-valid 200 answer, or a non-Server fault. Returns which ('ok'/'fault')."""
    no_traceback(body)
    assert content_type == endpoint.content_type, content_type
    element = payload(body, endpoint.version)
    if status == 200:
        violations = endpoint.contract.violations(element)
        assert not violations, f"200 answer violates the contract: {violations[:3]}"
        return "ok"
    assert status in (415, 500), f"HTTP {status}"
    fault = fault_of(element, endpoint.version)
    assert fault.code not in SERVER_FAULT_CODES, f"a {fault.code} fault (a mock bug): {fault.reason}"
    return "fault"


def text_of(element: etree._Element, namespace: str, local: str) -> str | None:
    found = element.find(f".//{{{namespace}}}{local}")
    return None if found is None else found.text


def session_ticket(answer: etree._Element) -> str:
    """The SessionTicket of a PwsAuthenticate answer ("" when it holds none)."""
    return text_of(answer, RESP, "SessionTicket") or ""


@dataclass(frozen=True)
class Card:
    """A time card as a PWS answer shows it."""

    uid: int
    timestamp: str
    minutes: int
    project: str | None

    @property
    def version(self) -> int:
        return version_of(self.timestamp)


def card_of(detail: etree._Element) -> Card:
    return Card(
        uid=int(detail.findtext(f"{{{COM}}}TimecardUid") or 0),
        timestamp=detail.findtext(f"{{{TAC}}}Timestamp") or "",
        minutes=int(detail.findtext(f"{{{TAC}}}WorkMinutes") or 0),
        project=detail.findtext(f"{{{TAC}}}ProjectIdentity/{{{COM}}}ProjectCode"),
    )


def cards_read(answer: etree._Element) -> dict[int, Card]:
    """The cards of a PwsGetTimeCards answer, by uid."""
    cards = [card_of(detail) for detail in answer.iter(f"{{{TAC}}}PwsTimecardDetail")]
    return {card.uid: card for card in cards}


@dataclass(frozen=True)
class SaveResult:
    """One PwsSaveTimecardResult: the error number (None when saved) and the card saved."""

    error: int | None
    card: Card | None


def save_results(answer: etree._Element) -> list[SaveResult]:
    results = []
    for item in answer.iter(f"{{{TAC}}}PwsSaveTimecardResult"):
        number = item.findtext(f"{{{TAC}}}ErrorDetail/{{{COM}}}ErrorNumber")
        card = item.find(f"{{{TAC}}}TimeCard")
        results.append(SaveResult(int(number) if number else None, None if card is None else card_of(card)))
    return results


def status_and_errors(answer: etree._Element) -> tuple[str, list[int]]:
    """A PWS answer's Status and the ErrorNumbers of its Messages."""
    messages = answer.iter(f"{{{COM}}}PwsMessage")
    numbers = [int(message.findtext(f"{{{COM}}}ErrorNumber") or 0) for message in messages]
    return text_of(answer, CS, "Status") or "", numbers


def version_of(timestamp: str) -> int:
    """The card version a PWS Timestamp encodes (8 bytes, big-endian, base64)."""
    return int.from_bytes(base64.b64decode(timestamp), "big")


# -- requests --------------------------------------------------------------------------------------


def soap11(body: str, header: str = "") -> bytes:
    head = f"<s:Header>{header}</s:Header>" if header else ""
    return f'<s:Envelope xmlns:s="{ns.SOAP_ENV_11}">{head}<s:Body>{body}</s:Body></s:Envelope>'.encode()


def soap12(body: str, operation: str) -> bytes:
    """A TimePunch request as WCF sends it: SOAP 1.2 with the WS-Addressing Action and MessageID."""
    action = f"http://tempuri.org/ISyncService/{operation}"
    return (
        f'<s:Envelope xmlns:s="{ns.SOAP_ENV_12}" xmlns:a="{ns.WSA}"><s:Header>'
        f'<a:Action s:mustUnderstand="1">{action}</a:Action><a:MessageID>urn:uuid:{os.urandom(16).hex()}</a:MessageID>'
        f"</s:Header><s:Body>{body}</s:Body></s:Envelope>"
    ).encode()


def _element(namespace: str, local: str, value: Any) -> str:
    return f'<{local} xmlns="{namespace}">{escape(str(value))}</{local}>'


def pws_authenticate(user: str = "e123@example.com", password: str = "e123-password", account: str = "DEMO") -> bytes:
    return soap11(
        f'<PwsAuthenticate xmlns="{PWS}"><serviceRequest>'
        f"{_element(REQ, 'AccountCode', account)}{_element(REQ, 'Password', password)}"
        f"{_element(REQ, 'UserName', user)}</serviceRequest></PwsAuthenticate>"
    )


def new_card(reference: str, work_date: str, minutes: int, project: str = "P001396-001") -> str:
    """A PwsTimecardDetail that inserts a time card."""
    return (
        f'<PwsTimecardDetail xmlns="{TAC}">{_element(COM, "ReferenceId", reference)}'
        f"{_element(COM, 'TimecardType', 'T')}{_element(TAC, 'WorkDate', work_date + 'T00:00:00Z')}"
        f"{_element(TAC, 'WorkMinutes', minutes)}"
        f"<ProjectIdentity>{_element(COM, 'ProjectCode', project)}</ProjectIdentity></PwsTimecardDetail>"
    )


def card_update(uid: int, timestamp: str | None, minutes: int, reference: str = "u") -> str:
    """A PwsTimecardDetail that updates WorkMinutes of the card ``uid`` read at ``timestamp``."""
    stamp = "" if timestamp is None else _element(TAC, "Timestamp", timestamp)
    return (
        f'<PwsTimecardDetail xmlns="{TAC}">{_element(COM, "ReferenceId", reference)}'
        f"{_element(COM, 'TimecardType', 'T')}{_element(COM, 'TimecardUid', uid)}"
        f"{_element(TAC, 'WorkMinutes', minutes)}{stamp}</PwsTimecardDetail>"
    )


def pws_save(
    ticket: str,
    cards: Sequence[str] = (),
    deletes: Sequence[int] = (),
    dates: tuple[str, str] = MARCH,
    resource: str = "E123",
) -> bytes:
    """PwsSaveTimeCards of ``cards`` (inserted for ``resource``, updated) and ``deletes`` between the dates."""
    deleted = "".join(
        f'<PwsTimecardRef xmlns="{COM}"><TimecardType>T</TimecardType><TimecardUid>{uid}</TimecardUid></PwsTimecardRef>'
        for uid in deletes
    )
    return soap11(
        f'<PwsSaveTimeCards xmlns="{PWS}"><serviceRequest>{_element(REQ, "SessionTicket", ticket)}'
        + (f'<DeleteTimeCards xmlns="{TAC}">{deleted}</DeleteTimeCards>' if deletes else "")
        + _element(TAC, "EndDate", dates[1])
        + f'<ResourceIdentity xmlns="{TAC}">{_element(COM, "ResourceReferenceSystemId", resource)}</ResourceIdentity>'
        + (f'<SaveTimeCards xmlns="{TAC}">{"".join(cards)}</SaveTimeCards>' if cards else "")
        + _element(TAC, "StartDate", dates[0])
        + "</serviceRequest></PwsSaveTimeCards>"
    )


_EVERY_CARD = "".join(_element(TAC, flag, "true") for flag in READ_EVERY_CARD)
"""Every Include*Flag of PwsGetTimeCards defaults to false: a read of every card sends them all."""


def pws_get(ticket: str, dates: tuple[str, str] = MARCH, resource: str | None = None) -> bytes:
    """PwsGetTimeCards between the two dates: the caller's own cards, or those of ``resource``."""
    reference = "" if resource is None else _element(COM, "ResourceReferenceSystemId", resource)
    whose = f'<ResourceIdentity xmlns="{TAC}">{reference}</ResourceIdentity>' if reference else ""
    return soap11(
        f'<PwsGetTimeCards xmlns="{PWS}"><serviceRequest>{_element(REQ, "SessionTicket", ticket)}'
        f"{_element(TAC, 'EndDate', dates[1])}{_EVERY_CARD}{whose}{_element(TAC, 'StartDate', dates[0])}"
        "</serviceRequest></PwsGetTimeCards>"
    )


def pws_transfer(ticket: str, uid: int, timestamp: str | None) -> bytes:
    """Transfer (TPT) card ``uid`` read at ``timestamp`` to E123's Developer role on P001556-001."""
    stamp = "" if timestamp is None else _element(TAC, "Timestamp", timestamp)
    return soap11(
        f'<PwsTransferTime xmlns="{PWS}"><serviceRequest>{_element(REQ, "SessionTicket", ticket)}'
        f'<AdjustmentType xmlns="{TAC}">TPT</AdjustmentType><TransferOrders xmlns="{TAC}"><PwsTimeTransferOrder>'
        f"<NewProjectIdentity>{_element(COM, 'ProjectCode', 'P001556-001')}</NewProjectIdentity>"
        f"<NewProjectRoleIdentity>{_element(COM, 'ProjectRoleUid', DEVELOPER_ROLE)}</NewProjectRoleIdentity>"
        f"<TimeCardIdentities><PwsVersionedTimecardRef>{_element(COM, 'TimecardType', 'T')}"
        f"{_element(COM, 'TimecardUid', uid)}{stamp}</PwsVersionedTimecardRef></TimeCardIdentities>"
        "</PwsTimeTransferOrder></TransferOrders></serviceRequest></PwsTransferTime>"
    )


def ops_header(email: str = "api.admin@example.com", password: str = "demo-password") -> str:
    return (
        f'<OpsAuthenticationHeader xmlns="{OPS}"><EmailAddress>{escape(email)}</EmailAddress>'
        f"<Password>{escape(password)}</Password></OpsAuthenticationHeader>"
    )


def ops_open() -> bytes:
    return soap11(f'<OpsOpenTimeCardBatch xmlns="{OPS}"><request/></OpsOpenTimeCardBatch>', ops_header())


def ops_import(batch: int, references: list[str], work_date: str = "2018-04-09", minutes: int = 30) -> bytes:
    cards = "".join(
        f"<TimeCard><TimeCardReferenceSystemId>{escape(reference)}</TimeCardReferenceSystemId>"
        "<ProjectCode>P001396-001</ProjectCode><ResourceReferenceSystemId>E123</ResourceReferenceSystemId>"
        "<Role>Consultant</Role><ProjectWbsTaskCode>1.1</ProjectWbsTaskCode>"
        f"<WorkDate>{work_date}</WorkDate><WorkMinutes>{minutes}</WorkMinutes></TimeCard>"
        for reference in references
    )
    return soap11(
        f'<OpsImportTimeCards xmlns="{OPS}"><request><BatchId>{batch}</BatchId>'
        f"<TimeCards>{cards}</TimeCards></request></OpsImportTimeCards>",
        ops_header(),
    )


def ops_close(batch: int, status: str = "A") -> bytes:
    return soap11(
        f'<OpsCloseTimeCardBatch xmlns="{OPS}"><request><BatchId>{batch}</BatchId>'
        f"<Status>{status}</Status></request></OpsCloseTimeCardBatch>",
        ops_header(),
    )


TP_AUTH_NS = "http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.AuthenticationService.Dto"
TP_ENTRY_NS = "http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.TimeEntryService.Dto"
TP_CORE_NS = "http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.Core.Dto"


def tp_authentication(user: str = "ralf.herrmann", password: str = "tpdemo") -> str:
    hashed = hashlib.md5(password.encode()).hexdigest().upper()  # the vendor's scheme
    return (
        f'<authentication xmlns:b="{TP_AUTH_NS}"><b:CustomerToken>default_timepunch</b:CustomerToken>'
        f"<b:TpHashedPwd>{hashed}</b:TpHashedPwd><b:TpUser>{user}</b:TpUser></authentication>"
    )


def tp_profiles() -> bytes:
    return soap12(
        f'<GetUseableSyncUserProfiles xmlns="{TEMPURI}">{tp_authentication()}</GetUseableSyncUserProfiles>',
        "GetUseableSyncUserProfiles",
    )


def tp_apply_time_entry(entry_id: str, project_id: str, logon: str, logoff: str) -> bytes:
    entry = (
        f"<b:TimeEntrySaveDto><c:Id>{entry_id}</c:Id><b:LogoffTime>{logoff}</b:LogoffTime>"
        f"<b:LogonTime>{logon}</b:LogonTime><b:ProjectId>{project_id}</b:ProjectId>"
        "<b:Usage>WorkTime</b:Usage></b:TimeEntrySaveDto>"
    )
    return soap12(
        f'<ApplyTimeEntries xmlns="{TEMPURI}">{tp_authentication()}'
        f'<timeEntries xmlns:b="{TP_ENTRY_NS}" xmlns:c="{TP_CORE_NS}">{entry}</timeEntries></ApplyTimeEntries>',
        "ApplyTimeEntries",
    )


def tp_search_time_entries() -> bytes:
    """Every time entry of the caller (lastSyncTime left out)."""
    operation = "SearchTimeEntriesForSynchronisation"
    return soap12(f'<{operation} xmlns="{TEMPURI}">{tp_authentication()}</{operation}>', operation)


def tp_search_projects() -> bytes:
    return soap12(
        f'<SearchProjectsForSynchronisation xmlns="{TEMPURI}">{tp_authentication()}</SearchProjectsForSynchronisation>',
        "SearchProjectsForSynchronisation",
    )


# -- `mockserver serve` in a subprocess ------------------------------------------------------------


class MockProcess:
    """`python -m mockserver serve` on a free port of 127.0.0.1; its banner says which."""

    def __init__(self, *arguments: str, startup_timeout: float = 20, log: Path | None = None) -> None:
        """``log``: the file its log (stderr, request lines included) goes to; by default nowhere."""
        with open(log or os.devnull, "w") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mockserver", "serve", "--port", "0", *arguments],
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                cwd=ROOT,
                start_new_session=True,  # its own process group: granian's workers die with it
            )
        try:
            self.url = self._read_banner(startup_timeout)
            self._wait_healthy(startup_timeout)
        except BaseException:
            self.stop(signal.SIGKILL)
            raise

    def _read_banner(self, timeout: float) -> str:
        assert self.process.stdout is not None
        lines: queue.Queue[str] = queue.Queue()
        stdout = self.process.stdout

        def read() -> None:
            for line in stdout:
                lines.put(line)

        self._reader = threading.Thread(target=read, daemon=True)
        self._reader.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=0.1)
            except queue.Empty:
                if self.process.poll() is not None:
                    raise RuntimeError(f"mockserver serve exited with {self.process.returncode}") from None
                continue
            match = re.search(r"listening on (http://\S+)", line)
            if match:
                return match[1]
        raise TimeoutError("mockserver serve printed no banner")

    def _wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                requests.get(f"{self.url}/__admin/health", timeout=2).raise_for_status()
                return
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 10) -> int:
        """Send ``sig`` to the server's process group and wait; SIGKILL if it does not end in time."""
        if self.process.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=timeout)
        self._kill_stragglers()
        reader = getattr(self, "_reader", None)
        if reader is not None:
            reader.join(timeout=10)  # EOF once every process holding the pipe is gone
        if self.process.stdout is not None and (reader is None or not reader.is_alive()):
            self.process.stdout.close()
        return self.process.returncode

    def _kill_stragglers(self) -> None:
        """Whatever is left of the process group (workers orphaned by a SIGKILL of granian's main process)."""
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)


@contextmanager
def mock_process(*arguments: str, log: Path | None = None) -> Iterator[MockProcess]:
    """A running `mockserver serve`, killed whatever happens."""
    server = MockProcess(*arguments, log=log)
    try:
        yield server
    finally:
        server.stop(signal.SIGKILL)
