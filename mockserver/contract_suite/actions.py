"""The SOAPAction a client sends with an envelope: the action of the operation its body holds.

The mock, like WCF's basicHttpBinding and ASMX, refuses a SOAP 1.1 request without one, so tests
that post hand-made envelopes send what every SOAP client sends.
"""

from __future__ import annotations

from lxml import etree

from mockserver.projector import ops, pws
from mockserver.soap.contract import load_contract

SOAP11_CONTENT_TYPE = "text/xml; charset=utf-8"
_SOAP11_CONTRACTS = (pws.CONTRACT_PATH, ops.CONTRACT_PATH)


def action_of(body: bytes | str) -> str | None:
    """The action of the operation whose input the body holds; None when it holds none (or is not XML)."""
    data = body.encode() if isinstance(body, str) else body
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError:
        return None
    operation_element = next(iter(root.iterfind("{*}Body/*")), None)
    if operation_element is None:
        return None
    for path in _SOAP11_CONTRACTS:
        operation = load_contract(path).by_input.get(operation_element.tag)
        if operation is not None:
            return operation.action
    return None


def soap11_headers(body: bytes | str, content_type: str = SOAP11_CONTENT_TYPE) -> dict[str, str]:
    """Content-Type plus the SOAPAction of the body's operation (left out when the body names none)."""
    action = action_of(body)
    return (
        {"Content-Type": content_type}
        if action is None
        else {"Content-Type": content_type, "SOAPAction": f'"{action}"'}
    )
