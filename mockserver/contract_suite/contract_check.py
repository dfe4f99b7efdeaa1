"""Every SOAP response the tests receive is checked against our own contract, loudly.

The XSD checks shapes, types and enumerations; the documented value sets of members the contract
keeps as plain strings (so a request's bad value can be answered with the vendor's error number)
are checked here, against the value-set types the contract declares for them.
"""

from __future__ import annotations

import functools

from lxml import etree

from mockserver.soap.contract import Contract
from mockserver.soap.envelope import VERSIONS

COMMON = "http://projectorpsa.com/DataContracts/Shared/Common/"
VALUE_SETS = {"TimecardType": f"{{{COMMON}}}TimecardTypeCode", "CardStatus": f"{{{COMMON}}}ApprovalStatusCode"}
"""String members whose values the vendor documents, and the contract type listing them."""


class ResponseContractError(AssertionError):
    """A response does not match the contract we publish: where the target and our contract disagree."""


@functools.cache
def _allowed(contract: Contract, type_name: str) -> frozenset[str] | None:
    xsd_type = contract.explainer.maps.types.get(type_name)
    enumeration = getattr(xsd_type, "enumeration", None)  # a simple type's; None for a complex one
    return None if xsd_type is None else frozenset(str(value) for value in enumeration or ())


def value_set_violations(contract: Contract, payload: etree._Element) -> list[str]:
    found = []
    for element in payload.iter():
        if not isinstance(element.tag, str):
            continue
        local = etree.QName(element).localname
        allowed = _allowed(contract, VALUE_SETS[local]) if local in VALUE_SETS else None
        if allowed and (element.text or "") not in allowed:
            found.append(f"{payload.getroottree().getpath(element)}: {element.text!r} is not one of {sorted(allowed)}")
    return found


def check_response(contract: Contract, body: bytes, status: int) -> None:
    """A 200 answer's body element must be valid and within the value sets; any other answer a SOAP fault,
    whose detail, when the contract declares it (a wsdl:fault), must be valid too."""
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
        declared = contract.declared_detail(payload)
        violations = [str(violation) for element in declared for violation in contract.violations(element)]
        if violations:
            raise ResponseContractError("declared fault detail violates the contract:\n  " + "\n  ".join(violations))
        return
    violations = [str(violation) for violation in contract.violations(payload)]
    violations += value_set_violations(contract, payload)
    if violations:
        raise ResponseContractError("response violates the contract:\n  " + "\n  ".join(violations))
