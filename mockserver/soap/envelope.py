"""Safe XML parsing, SOAP 1.1/1.2 envelopes and faults.

Untrusted bytes enter the mock here and nowhere else: one parser that never loads a DTD,
never expands an entity and never touches the network, behind a size cap.
"""

from __future__ import annotations

import enum
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn, TypeVar

from lxml import etree

from mockserver.soap import ns

DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024
DEFAULT_READ_TIMEOUT = 10.0
"""Seconds the server waits for a request's next bytes."""
T = TypeVar("T")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LXML_POSITION = re.compile(r", line \d+, column \d+$")


class FaultCode(enum.Enum):
    """Who is to blame, independent of how a SOAP version spells it."""

    SENDER = ("Client", "Sender")
    RECEIVER = ("Server", "Receiver")
    VERSION_MISMATCH = ("VersionMismatch", "VersionMismatch")
    MUST_UNDERSTAND = ("MustUnderstand", "MustUnderstand")


class SoapFault(Exception):
    """A fault the mock answers with; renders itself for the request's SOAP version."""

    def __init__(
        self,
        reason: str,
        code: FaultCode = FaultCode.SENDER,
        *,
        subcode: etree.QName | None = None,
        detail: Sequence[etree._Element] = (),
        header_blocks: Sequence[etree._Element] = (),
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.subcode = subcode
        self.detail = list(detail)
        self.header_blocks = list(header_blocks)
        """Header blocks the fault's reply carries (SOAP 1.2's NotUnderstood)."""


class DeclaredFault(SoapFault):
    """A fault the operation's contract declares (a wsdl:fault), raised by its handler as the operation's
    answer: what the call changed so far is kept (a rate limiter's count of the call it refuses), and in
    strict mode its detail is validated like a response."""


class MalformedRequest(SoapFault):
    """The body is not acceptable XML (syntax, DTD, size); nothing of it was interpreted."""


class UnreadableRequest(SoapFault):
    """A well-formed request the service's deserializer cannot read into the operation's parameters:
    it breaks the contract, or holds a value the runtime cannot represent. Each endpoint may restate
    it in its runtime's words (:meth:`~mockserver.soap.service.SoapEndpoint.restate_unreadable`)."""


class UninterpretableValue(UnreadableRequest):
    """A value the schema admits but the vendor's runtime cannot hold (hour 24, year 0, a huge offset).

    Both vendors run on .NET, whose deserializer rejects such a value before any operation runs
    (a Client fault, nothing stored); the mock answers the same instead of failing in a handler.
    """

    def __init__(self, value: str, problem: Exception) -> None:
        self.value = value
        super().__init__(f"The value '{value}' cannot be interpreted: {problem}")


def interpret(parse: Callable[[str], T], value: str) -> T:
    """``parse(value)``, with a parse failure answered as an :class:`UninterpretableValue` fault."""
    try:
        return parse(value)
    except (ValueError, OverflowError) as error:
        raise UninterpretableValue(value, error) from None


_local = threading.local()


def _parser() -> etree.XMLParser:
    # lxml parsers keep per-parse state, so each thread gets its own.
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_blank_text=False,
        )
        _local.parser = parser
    return parser


def parse_xml(data: bytes, max_bytes: int = DEFAULT_MAX_REQUEST_BYTES) -> etree._Element:
    """Parse untrusted XML: no DTD (so no entities), no network, at most ``max_bytes``."""
    if len(data) > max_bytes:
        raise MalformedRequest(f"Request body of {len(data)} bytes exceeds the limit of {max_bytes} bytes.")
    if not data.strip():
        raise MalformedRequest("Request body is empty; a SOAP envelope was expected.")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        problem = _LXML_POSITION.sub("", error.msg)  # lxml appends the position we give below
        raise MalformedRequest(f"Malformed XML: {problem} (line {error.lineno}, column {error.offset}).") from None
    docinfo: Any = root.getroottree().docinfo  # lxml-stubs lack DocInfo.doctype
    if docinfo.doctype:
        raise MalformedRequest("A document type declaration (DTD) is not allowed in a SOAP message.")
    return root


class SoapVersion:
    """What differs between SOAP versions; subclasses are the two versions."""

    name: str
    envelope_ns: str
    media_type: str
    _code_index: int

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8"

    def qname(self, local: str) -> str:
        return f"{{{self.envelope_ns}}}{local}"

    def envelope(self, body: etree._Element | None, headers: Iterable[etree._Element] = ()) -> bytes:
        """Serialize a response envelope around ``body`` (one element, or None for an empty body)."""
        envelope = etree.Element(self.qname("Envelope"), nsmap={"s": self.envelope_ns})
        header_blocks = list(headers)
        if header_blocks:
            etree.SubElement(envelope, self.qname("Header")).extend(header_blocks)
        body_element = etree.SubElement(envelope, self.qname("Body"))
        if body is not None:
            body_element.append(body)
        return etree.tostring(envelope, xml_declaration=False, encoding="utf-8")

    def not_understood(self, names: Iterable[etree.QName]) -> list[etree._Element]:
        """Header blocks naming the headers a MustUnderstand fault refuses: SOAP 1.1 defines none."""
        return []

    def fault_code(self, code: FaultCode) -> str:
        return f"s:{code.value[self._code_index]}"

    def fault(self, fault: SoapFault) -> etree._Element:
        raise NotImplementedError


class Soap11(SoapVersion):
    name = "1.1"
    envelope_ns = ns.SOAP_ENV_11
    media_type = "text/xml"
    _code_index = 0

    def fault(self, fault: SoapFault) -> etree._Element:
        element = etree.Element(self.qname("Fault"), nsmap={"s": self.envelope_ns})
        if fault.subcode is None:
            etree.SubElement(element, "faultcode").text = self.fault_code(fault.code)
        else:  # SOAP 1.1 has no subcodes: the most specific code is the faultcode, as WCF writes it
            _naming(element, "faultcode", fault.subcode)
        reason = etree.SubElement(element, "faultstring")
        reason.set(_XML_LANG, "en-US")
        reason.text = fault.reason
        if fault.detail:
            etree.SubElement(element, "detail").extend(fault.detail)
        return element


class Soap12(SoapVersion):
    name = "1.2"
    envelope_ns = ns.SOAP_ENV_12
    media_type = "application/soap+xml"
    _code_index = 1

    def not_understood(self, names: Iterable[etree.QName]) -> list[etree._Element]:
        """One env:NotUnderstood block per header, its qname attribute naming it (SOAP 1.2 part 1, 5.4.8)."""
        blocks = []
        for name in names:
            nsmap, qname = {"s": self.envelope_ns}, name.localname
            if name.namespace is not None:  # an unqualified header breaks 1.2, but is named as it came
                nsmap["h"], qname = name.namespace, f"h:{name.localname}"
            block = etree.Element(self.qname("NotUnderstood"), nsmap=nsmap)
            block.set("qname", qname)
            blocks.append(block)
        return blocks

    def fault(self, fault: SoapFault) -> etree._Element:
        element = etree.Element(self.qname("Fault"), nsmap={"s": self.envelope_ns})
        code = etree.SubElement(element, self.qname("Code"))
        etree.SubElement(code, self.qname("Value")).text = self.fault_code(fault.code)
        if fault.subcode is not None:
            _naming(etree.SubElement(code, self.qname("Subcode")), self.qname("Value"), fault.subcode)
        reason = etree.SubElement(etree.SubElement(element, self.qname("Reason")), self.qname("Text"))
        reason.set(_XML_LANG, "en-US")
        reason.text = fault.reason
        if fault.detail:
            etree.SubElement(element, self.qname("Detail")).extend(fault.detail)
        return element


def _naming(parent: etree._Element, tag: str, name: etree.QName) -> None:
    """A child ``tag`` of ``parent`` whose text is ``name``, prefixed where the child declares it."""
    etree.SubElement(parent, tag, nsmap={"sub": name.namespace or ""}).text = f"sub:{name.localname}"


SOAP_11 = Soap11()
SOAP_12 = Soap12()
VERSIONS: dict[str, SoapVersion] = {v.envelope_ns: v for v in (SOAP_11, SOAP_12)}


@dataclass
class Envelope:
    """A parsed request: its SOAP version, header blocks and the body's one element."""

    version: SoapVersion
    body: etree._Element
    headers: list[etree._Element] = field(default_factory=list)


def parse_envelope(data: bytes, expected: SoapVersion, max_bytes: int = DEFAULT_MAX_REQUEST_BYTES) -> Envelope:
    """Parse a request envelope for an endpoint that speaks ``expected``."""
    return read_envelope(parse_xml(data, max_bytes), expected)


def read_envelope(root: etree._Element, expected: SoapVersion) -> Envelope:
    """The header blocks and body element of a parsed envelope, which must be ``expected``'s."""
    if root.tag != expected.qname("Envelope"):
        _refuse_root(root, expected)
    parts: dict[str, etree._Element] = {}
    for part in root.iterchildren(expected.qname("Header"), expected.qname("Body")):  # find() is 5x slower
        parts.setdefault(part.tag, part)
    header, body = parts.get(expected.qname("Header")), parts.get(expected.qname("Body"))
    if body is None:
        raise SoapFault("The SOAP Envelope has no Body.")
    children = [child for child in body if isinstance(child.tag, str)]
    if len(children) != 1:
        raise SoapFault(f"The SOAP Body must hold exactly one element (the operation); it holds {len(children)}.")
    headers = [] if header is None else [child for child in header if isinstance(child.tag, str)]
    return Envelope(version=expected, body=children[0], headers=headers)


def _refuse_root(root: etree._Element, expected: SoapVersion) -> NoReturn:
    """The fault for a root element that is not ``expected``'s Envelope."""
    root_name = etree.QName(root)
    if root_name.localname != "Envelope":
        raise SoapFault(f"The root element is {root_name.text}; a SOAP {expected.name} Envelope was expected.")
    other = VERSIONS.get(root_name.namespace or "")
    spoken = f"SOAP {other.name}" if other else f"namespace '{root_name.namespace}'"
    raise SoapFault(
        f"This endpoint speaks SOAP {expected.name} ({expected.envelope_ns}); the request's Envelope is {spoken}.",
        FaultCode.VERSION_MISMATCH,
    )
