"""WS-Addressing 1.0 for endpoints whose binding uses it (WCF wsHttpBinding, e.g. TimePunch).

Such an endpoint routes by the wsa:Action header, which must be present and name an operation
whose input the body holds; the reply carries the reply Action and RelatesTo the request's
MessageID. A request without Action, with one the service does not have, with an addressing
header twice, or addressed (wsa:To) to another endpoint, gets the Sender fault WS-Addressing
defines, as the real service would refuse it too.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree
from werkzeug.wrappers import Request

from mockserver.soap import ns
from mockserver.soap.contract import Operation
from mockserver.soap.envelope import Envelope, FaultCode, SoapFault
from mockserver.soap.service import SoapEndpoint

FAULT_ACTION = f"{ns.WSA}/fault"
UNDERSTOOD = {
    f"{{{ns.WSA}}}{name}" for name in ("Action", "MessageID", "ReplyTo", "To", "From", "FaultTo", "RelatesTo")
}


def _header(envelope: Envelope, local: str) -> str | None:
    found = next((h for h in envelope.headers if h.tag == f"{{{ns.WSA}}}{local}"), None)
    return None if found is None else (found.text or "").strip()


def _refuse_repeated_headers(envelope: Envelope) -> None:
    """An addressing header given twice: WCF's MessageHeaders refuses the message, in its own words."""
    names = [header.tag for header in envelope.headers if header.tag in UNDERSTOOD]
    repeated = next((name for name in names if names.count(name) > 1), None)
    if repeated is not None:
        raise SoapFault(
            f"Multiple headers with name '{etree.QName(repeated).localname}' and namespace '{ns.WSA}' found.",
            FaultCode.SENDER,
            subcode=etree.QName(ns.WSA, "InvalidAddressingHeader"),
        )


def _refuse_another_destination(envelope: Envelope, paths: set[str]) -> None:
    """A wsa:To naming another endpoint (the anonymous address too): WCF's EndpointDispatcher refuses it
    with an AddressFilter mismatch. Host and port are not compared, as WCF's default host name comparison
    (StrongWildcard) does not; the path is, without regard to case, as IIS routes it. ``paths``: the one
    the client used, and the endpoint's own beneath any mount (a client configured with the vendor's
    address, sent to a tenant's URL, names the vendor's path)."""
    to = _header(envelope, "To")
    if to is not None and urlsplit(to).path.lower() not in {path.lower() for path in paths}:
        raise SoapFault(
            f"The message with To '{to}' cannot be processed at the receiver, due to an AddressFilter mismatch "
            "at the EndpointDispatcher.  Check that the sender and receiver's EndpointAddresses agree.",
            FaultCode.SENDER,
            subcode=etree.QName(ns.WSA, "DestinationUnreachable"),
        )


class AddressingEndpoint(SoapEndpoint):
    """A SOAP endpoint that speaks WS-Addressing: Action routing, MessageID -> RelatesTo."""

    always_understood = frozenset(UNDERSTOOD)

    def route(self, request: Request, envelope: Envelope) -> Operation:
        _refuse_repeated_headers(envelope)
        _refuse_another_destination(envelope, {urlsplit(request.base_url).path, request.path})
        action = _header(envelope, "Action")
        if not action:
            raise SoapFault(
                "A required header representing a Message Addressing Property is not present: wsa:Action.",
                subcode=etree.QName(ns.WSA, "MessageAddressingHeaderRequired"),
            )
        named = self.contract.by_action.get(action)
        body = self.contract.by_input.get(envelope.body.tag) if isinstance(envelope.body.tag, str) else None
        if named is None or named is not body:
            what = (
                "is not an action of this service"
                if named is None
                else f"does not match the body ({body and body.name})"
            )
            raise SoapFault(
                f"The message with Action '{action}' cannot be processed at the receiver: it {what}.",
                FaultCode.SENDER,
                subcode=etree.QName(ns.WSA, "ActionNotSupported"),
            )
        return named

    def reply_headers(self, envelope: Envelope | None, operation: Operation | None) -> list[etree._Element]:
        action = etree.Element(f"{{{ns.WSA}}}Action", nsmap={"a": ns.WSA})
        action.set(f"{{{self.contract.version.envelope_ns}}}mustUnderstand", "1")
        action.text = operation.reply_action if operation is not None else FAULT_ACTION
        headers = [action]
        message_id = _header(envelope, "MessageID") if envelope is not None else None
        if message_id:
            relates_to = etree.Element(f"{{{ns.WSA}}}RelatesTo", nsmap={"a": ns.WSA})
            relates_to.text = message_id
            headers.append(relates_to)
        return headers
