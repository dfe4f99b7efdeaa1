"""A service contract: one WSDL 1.1 file and the XSDs it imports, loaded once per process.

The WSDL is the routing table (operations, SOAPActions, message elements); the XSDs are the
validator. lxml's compiled schema is the fast yes/no on every message; only when it says no
does xmlschema (slower, lazily built) explain where and why, for the fault the client reads.
"""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from lxml import etree

if TYPE_CHECKING:
    import xmlschema

from mockserver.soap import ns
from mockserver.soap.envelope import SOAP_11, SOAP_12, FaultCode, SoapFault, SoapVersion, UnreadableRequest

MAX_VIOLATIONS = 10
"""A fault names at most this many violations: the first ones say what to fix."""
MAX_REASON_CHARS = 500
MAX_EXPLAINED_ELEMENTS = 2_000
"""Larger invalid messages are explained in lxml's terser words, which cost no more than validating."""
_W = f"{{{ns.WSDL}}}"
_XS = f"{{{ns.XSD}}}"
_BINDING_VERSIONS = {ns.WSDL_SOAP_11: SOAP_11, ns.WSDL_SOAP_12: SOAP_12}
_ACTION_ATTRIBUTES = (f"{{{ns.WSAW}}}Action", f"{{{ns.WSAM}}}Action")


@dataclass(frozen=True)
class Operation:
    """One WSDL operation: its name, SOAPAction and input/output elements (Clark notation)."""

    name: str
    action: str
    input_element: str
    output_element: str
    reply_action: str = ""
    """The WS-Addressing Action of the reply (wsaw:Action of the output), for endpoints that use it."""


@dataclass(frozen=True)
class Violation:
    """Where a message breaks the contract, and how."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class SchemaError:
    """One error of lxml's validation: its libxml2 type, the XPath of the element, the message."""

    kind: str
    path: str
    message: str


class ContractViolation(UnreadableRequest):
    """A request that is not valid against the contract: a Sender fault naming path and reason (each
    endpoint restates it in its runtime's words)."""

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = violations
        detail = etree.Element(f"{{{ns.MOCK}}}ContractViolations", nsmap={"mock": ns.MOCK})
        for violation in violations:
            item = etree.SubElement(detail, f"{{{ns.MOCK}}}Violation")
            etree.SubElement(item, f"{{{ns.MOCK}}}Path").text = violation.path
            etree.SubElement(item, f"{{{ns.MOCK}}}Reason").text = violation.reason
        super().__init__(f"The message is not valid against the service contract: {violations[0]}", detail=[detail])


class ResponseViolation(SoapFault):
    """The mock built a response its own contract rejects: a bug, reported as a Server fault."""

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = violations
        super().__init__(
            f"The mock's response violates its own contract (a mock bug): {violations[0]}", FaultCode.RECEIVER
        )


class Contract:
    """The operations, schema and published documents of one WSDL."""

    def __init__(self, wsdl_path: Path) -> None:
        self.wsdl_path = wsdl_path
        self._wsdl = etree.parse(str(wsdl_path))
        definitions = self._wsdl.getroot()
        self.target_namespace = definitions.get("targetNamespace", "")
        self.version = self._binding_version(definitions)
        self.uses_addressing = any(
            etree.QName(element).localname in ("UsingAddressing", "Addressing")
            for element in definitions.iter()
            if isinstance(element.tag, str)
        )
        self.operations = {op.name: op for op in self._read_operations(definitions)}
        self.by_action = {op.action: op for op in self.operations.values() if op.action}
        self.by_input = {op.input_element: op for op in self.operations.values()}
        self.by_output = {op.output_element: op for op in self.operations.values()}
        self.fault_elements = self._fault_elements(definitions)
        """Elements a declared fault (wsdl:fault) carries in its detail: validated like responses."""
        self.documents = self._collect_documents()
        self._wrapper = self._schema_wrapper(definitions)
        self._schema = etree.XMLSchema(etree.fromstring(self._wrapper, base_url=str(wsdl_path)))
        self._schema_lock = threading.Lock()

    # -- reading the WSDL -------------------------------------------------------------------

    def _binding_version(self, definitions: etree._Element) -> SoapVersion:
        for binding in definitions.iter(f"{_W}binding"):
            for child in binding.iterchildren(etree.Element):  # not the comments
                version = _BINDING_VERSIONS.get(etree.QName(child).namespace or "")
                if version is not None and etree.QName(child).localname == "binding":
                    return version
        raise ValueError(f"{self.wsdl_path}: no SOAP 1.1 or 1.2 binding")

    def _message_elements(self, definitions: etree._Element) -> dict[str | None, str]:
        return {
            message.get("name"): ns.resolve(part, part.get("element", ""))
            for message in definitions.iter(f"{_W}message")
            for part in message.iter(f"{_W}part")
        }

    def _fault_elements(self, definitions: etree._Element) -> frozenset[str]:
        message_elements = self._message_elements(definitions)
        return frozenset(
            message_elements[fault.get("message", "").rpartition(":")[2]]
            for port_type in definitions.iter(f"{_W}portType")
            for fault in port_type.iter(f"{_W}fault")
        )

    def _read_operations(self, definitions: etree._Element) -> Iterator[Operation]:
        message_elements = self._message_elements(definitions)
        actions = {
            operation.get("name"): child.get("soapAction", "")
            for binding in definitions.iter(f"{_W}binding")
            for operation in binding.iter(f"{_W}operation")
            for child in operation
            if etree.QName(child).localname == "operation"
        }
        for port_type in definitions.iter(f"{_W}portType"):
            for operation in port_type.iter(f"{_W}operation"):
                name = operation.get("name", "")
                messages = {child.tag: child.get("message", "").rpartition(":")[2] for child in operation}
                output = operation.find(f"{_W}output")
                reply_action = next(
                    (output.get(a, "") for a in _ACTION_ATTRIBUTES if output is not None and output.get(a)), ""
                )
                action = actions.get(name, "")
                yield Operation(
                    name=name,
                    action=action,
                    input_element=message_elements[messages[f"{_W}input"]],
                    output_element=message_elements[messages[f"{_W}output"]],
                    reply_action=reply_action or (f"{action}Response" if action else ""),
                )

    def _collect_documents(self) -> dict[str, Path]:
        """Every XSD reachable from the WSDL's types, named as WCF names them for ``?xsd=``: ``xsd0``, ``xsd1``...
        in the order the WSDL's types import them (WCF lists every schema there), then any they import in turn."""
        order: list[Path] = []
        pending = [self.wsdl_path]
        while pending:
            tree = etree.parse(str(pending.pop(0)))
            for reference in tree.iter(f"{_XS}import", f"{_XS}include"):
                location = reference.get("schemaLocation")
                if location:
                    path = (Path(tree.docinfo.URL or "").parent / location).resolve()
                    if path not in order:
                        order.append(path)
                        pending.append(path)
        return {f"xsd{number}": path for number, path in enumerate(order)}

    def _schema_wrapper(self, definitions: etree._Element) -> bytes:
        wrapper = etree.Element(f"{_XS}schema", nsmap={"xs": ns.XSD})
        for reference in definitions.iter(f"{_XS}import"):
            etree.SubElement(wrapper, f"{_XS}import", {str(k): str(v) for k, v in reference.attrib.items()})
        return etree.tostring(wrapper)

    @functools.cached_property
    def explainer(self) -> xmlschema.XMLSchema:
        """The schema as xmlschema reads it: slow to build, so only for explanations and metadata."""
        import xmlschema  # here: importing it costs more than the rest of start-up together

        return xmlschema.XMLSchema(self._wrapper.decode(), base_url=str(self.wsdl_path.parent))

    # -- validating -------------------------------------------------------------------------

    def violations(self, element: etree._Element) -> list[Violation]:
        """Empty when ``element`` is valid; otherwise each violation with its path and reason."""
        found = self.schema_errors(element)
        if not found:
            return []
        fallback = [Violation(path=error.path, reason=_shortened(error.message)) for error in found[:MAX_VIOLATIONS]]
        if _size_over(element, MAX_EXPLAINED_ELEMENTS):
            return fallback  # xmlschema would weigh every sibling: seconds for a hostile message
        namespaces = {prefix: uri for prefix, uri in element.nsmap.items() if prefix}
        try:
            errors = self.explainer.iter_errors(element, namespaces=namespaces)
            explained = [
                Violation(path=error.path or "/", reason=_shortened(_reason(error)))
                for error in itertools.islice(errors, MAX_VIOLATIONS)
            ]
        except Exception:  # xmlschema can fail on what lxml rejected (an unknown xsi:type): keep lxml's words
            return fallback
        return explained or fallback

    def schema_errors(self, element: etree._Element) -> list[SchemaError]:
        """lxml's own errors for ``element`` (empty when valid): what a reading that is not the contract's
        (the vendor's runtime's) sorts into what it forgives and what it refuses."""
        with self._schema_lock:
            if self._schema.validate(element):
                return []
            log = cast(Iterable[Any], self._schema.error_log)  # iterable; lxml-stubs say otherwise
            return [SchemaError(entry.type_name, entry.path or "/", entry.message) for entry in log]

    def declared_detail(self, fault: etree._Element) -> list[etree._Element]:
        """The elements of a SOAP Fault's detail (1.1 ``detail``, 1.2 ``Detail``) a wsdl:fault declares."""
        return [element for element in fault.iterfind("*/*") if element.tag in self.fault_elements]

    def validate_request(self, element: etree._Element) -> None:
        found = self.violations(element)
        if found:
            raise ContractViolation(found)

    def validate_response(self, element: etree._Element) -> None:
        found = self.violations(element)
        if found:
            raise ResponseViolation(found)

    # -- publishing -------------------------------------------------------------------------

    def wsdl_document(self, address: str, *, inline: bool = False) -> bytes:
        """The WSDL as served at ``address``: soap:address and schema locations point back at us. ``inline``
        puts every schema in wsdl:types itself, as ASMX publishes (and WCF's ``?singleWsdl``)."""
        tree = self._rewrite(self._wsdl, self.wsdl_path, address)
        for port in tree.iter(f"{_W}port"):
            for child in port:
                if etree.QName(child).localname == "address":
                    child.set("location", address)
        if inline:
            self._inline_schemas(tree)
        return etree.tostring(tree, xml_declaration=True, encoding="utf-8")

    def _inline_schemas(self, wsdl: etree._ElementTree) -> None:
        """wsdl:types holds each schema document, its imports naming namespaces only (all are right here)."""
        types = wsdl.getroot().find(f"{_W}types")
        assert types is not None, "a WSDL whose operations carry elements has wsdl:types"
        for child in list(types):
            types.remove(child)
        for path in self.documents.values():
            schema = etree.parse(str(path)).getroot()
            for reference in schema.iter(f"{_XS}import"):
                if "schemaLocation" in reference.attrib:
                    del reference.attrib["schemaLocation"]
            # A new element declaring the document's prefixes: a QName in an attribute value (type="xs:int")
            # needs them, and lxml would otherwise drop a prefix the WSDL already binds under another name.
            prefixes = cast(dict[str, str], schema.nsmap)  # None (a default namespace) is a key lxml takes too
            inline = etree.SubElement(types, schema.tag, dict(schema.attrib), nsmap=prefixes)
            inline.extend(schema)

    def xsd_document(self, name: str, address: str) -> bytes | None:
        path = self.documents.get(name)
        if path is None:
            return None
        tree = self._rewrite(etree.parse(str(path)), path, address)
        return etree.tostring(tree, xml_declaration=True, encoding="utf-8")

    def _rewrite(self, tree: etree._ElementTree, path: Path, address: str) -> etree._ElementTree:
        """A copy of ``tree`` (the document at ``path``) whose schema locations name our ``?xsd=`` addresses."""
        names = {document: name for name, document in self.documents.items()}
        copy = etree.ElementTree(etree.fromstring(etree.tostring(tree)))
        for reference in copy.iter(f"{_XS}import", f"{_XS}include"):
            location = reference.get("schemaLocation")
            if location:
                reference.set("schemaLocation", f"{address}?xsd={names[(path.parent / location).resolve()]}")
        return copy


def _size_over(element: etree._Element, limit: int) -> bool:
    return next(itertools.islice(element.iter(), limit, None), None) is not None


def _shortened(reason: str) -> str:
    """A reason short enough to read: a hostile message must not make the fault answer huge."""
    return reason if len(reason) <= MAX_REASON_CHARS else f"{reason[:MAX_REASON_CHARS]}... (cut)"


def _reason(error: xmlschema.XMLSchemaValidationError) -> str:
    """xmlschema's reason, except that a bad simple value names the value and the type expected."""
    import xmlschema

    if isinstance(error, xmlschema.XMLSchemaDecodeError):
        type_name = getattr(error.validator, "prefixed_name", None) or "the declared type"
        return f"{error.obj!r} is not a valid value of type {type_name}."
    return error.reason or error.message


@functools.cache
def load_contract(wsdl_path: Path) -> Contract:
    """The contract at ``wsdl_path``, compiled once per process."""
    return Contract(wsdl_path.resolve())
