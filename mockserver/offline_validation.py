"""``mockserver validate``: captured envelopes checked offline against the contracts, for users who
have traffic logs of their client or of the vendor but no server running.

The body's element names the service and operation (a request is an operation's input, a response
its output); it is checked as the server checks a request, each violation in the server's words.
A SOAP Fault is an answer: its detail, where a contract declares it, is checked. Header blocks are
not: the server itself reads them in its operations, not against the contract.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from lxml import etree

from mockserver.soap import datacontract
from mockserver.soap.contract import Contract, Violation, load_contract
from mockserver.soap.envelope import VERSIONS, Envelope, SoapFault, parse_xml, read_envelope
from mockserver.soap.lenient import LenientReader
from mockserver.spec.services import SERVICES

VALID, INVALID, UNCHECKED = 0, 1, 2
"""Exit statuses, by file; the command exits with the worst."""


class UncheckedCapture(Exception):
    """A file that cannot be checked: unreadable, not XML, or not a SOAP envelope."""


@dataclass(frozen=True)
class Verdict:
    """What a captured envelope is ("pws PwsSaveTimeCards request") and where it breaks the contract."""

    subject: str
    violations: list[Violation]
    vendor: str | None = None
    """For an invalid request: whether the vendor's runtime reads past it or refuses it too."""

    def lines(self, name: str) -> Iterator[str]:
        """One line naming the file, its subject and the outcome, then one line per violation, then what
        the vendor's runtime does with it."""
        count = len(self.violations)
        outcome = "valid" if not count else f"{count} violation{'' if count == 1 else 's'}"
        yield f"{name}: {self.subject}: {outcome}"
        for violation in self.violations:
            yield f"  {violation}"
        if self.vendor is not None:
            yield f"  {self.vendor}"


def run(paths: Iterable[Path], out: TextIO, err: TextIO) -> int:
    """Report every file (unchecked ones on ``err``, in one line each) and return the worst status."""
    status = VALID
    for path in paths:
        try:
            verdict = check_file(path)
        except UncheckedCapture as error:
            err.write(f"mockserver validate: {path}: {error}\n")
            status = UNCHECKED
            continue
        out.writelines(f"{line}\n" for line in verdict.lines(str(path)))
        if verdict.violations:
            status = max(status, INVALID)
    return status


def check_file(path: Path) -> Verdict:
    """The verdict on one captured envelope, read with the server's own safe parser."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UncheckedCapture(f"cannot read it: {error.strerror or error}") from None
    try:
        root = parse_xml(data)
        version = VERSIONS.get(etree.QName(root).namespace or "")
        if version is None or root.tag != version.qname("Envelope"):
            raise UncheckedCapture(f"not a SOAP envelope: the root element is {etree.QName(root).text}")
        envelope = read_envelope(root, version)
    except SoapFault as fault:  # not XML, or an envelope without its one body element
        raise UncheckedCapture(fault.reason) from None
    return check_envelope(envelope)


def check_envelope(envelope: Envelope) -> Verdict:
    """The service and message the body holds, and its violations of that service's contract."""
    body = envelope.body
    if body.tag == envelope.version.qname("Fault"):
        return _check_fault(envelope)
    for contract in _contracts():
        for operation, kind in (
            (contract.by_input.get(body.tag), "request"),
            (contract.by_output.get(body.tag), "response"),
        ):
            if operation is not None:
                wrong_version = _version_violations(envelope, contract)  # refused before the body is read
                in_body = contract.violations(body)
                read_by_vendor = in_body and kind == "request" and not wrong_version
                vendor = _vendor_reading(contract, body) if read_by_vendor else None
                return Verdict(f"{_name(contract)} {operation.name} {kind}", wrong_version + in_body, vendor)
    names = [_name(contract) for contract in _contracts()]
    known = f"{', '.join(names[:-1])} or {names[-1]}"
    return Verdict(
        "unknown operation", [Violation(_path(body), f"no operation of {known} takes or answers {body.tag}")]
    )


def _check_fault(envelope: Envelope) -> Verdict:
    """A fault answer: valid when the detail a contract declares for it is (the rest is the runtime's own)."""
    for contract in _contracts():
        declared = contract.declared_detail(envelope.body)
        if declared:
            violations = _version_violations(envelope, contract)
            violations += [violation for element in declared for violation in contract.violations(element)]
            return Verdict(f"{_name(contract)} fault answer", violations)
    return Verdict("fault answer without a declared detail", [])


def _vendor_reading(contract: Contract, body: etree._Element) -> str:
    """What the service's runtime does with a request that leaves its contract, as the server reads it."""
    from mockserver.app import SERVICES as ENDPOINTS  # here: the vendors' modules, only for an invalid request

    in_order = next(
        service.endpoint_class.reads_in_order
        for service in ENDPOINTS
        if service.contract_path.resolve() == contract.wsdl_path
    )
    if in_order is None:
        return "the service's runtime refuses it too"
    reading = LenientReader(contract, datacontract.of(contract), in_order=in_order).read(body)
    if reading.refused:
        return "the vendor's runtime refuses it too: the mock answers the fault above"
    count = len(reading.departures)
    return (
        f"the vendor's runtime reads past it: the mock answers it with {count} warning{'' if count == 1 else 's'} "
        "(mockserver serve --strict refuses it with the fault above)"
    )


def _contracts() -> Iterator[Contract]:
    for service in SERVICES:
        yield load_contract(service.contract)


def _name(contract: Contract) -> str:
    """A service's short name, as ``mockserver serve`` lists it: pws, ops, tpsync."""
    return contract.wsdl_path.stem


def _version_violations(envelope: Envelope, contract: Contract) -> list[Violation]:
    """The server refuses an envelope of the other SOAP version before it reads the body."""
    if envelope.version is contract.version:
        return []
    speaks = f"{_name(contract)} speaks SOAP {contract.version.name}; this envelope is SOAP {envelope.version.name}"
    return [Violation(_path(envelope.body.getroottree().getroot()), speaks)]


def _path(element: etree._Element) -> str:
    """An element's path as a violation names it: its name as the message prefixes it."""
    local = etree.QName(element).localname
    return f"/{element.prefix}:{local}" if element.prefix else f"/{local}"
