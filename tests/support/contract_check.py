"""Every SOAP response the tests receive is checked against our own contract."""

from __future__ import annotations

from lxml import etree

from mockserver.soap.contract import Contract
from mockserver.soap.envelope import VERSIONS


class ResponseContractError(AssertionError):
    """A response the mock sent does not match the contract it publishes."""


def check_response(contract: Contract, body: bytes, status: int) -> None:
    """A 200 answer's body element must be valid; any other answer must be a SOAP fault."""
    root = etree.fromstring(body)
    version = VERSIONS.get(etree.QName(root).namespace or "")
    if version is None:
        raise ResponseContractError(f"response is not a SOAP envelope: {body[:200]!r}")
    payload = root.find(f"{version.qname('Body')}/*")
    if payload is None:
        raise ResponseContractError("response Body is empty")
    if status != 200:
        if payload.tag != version.qname("Fault"):
            raise ResponseContractError(f"HTTP {status} without a SOAP Fault")
        return
    violations = contract.violations(payload)
    if violations:
        raise ResponseContractError(f"response violates the contract: {violations}")
