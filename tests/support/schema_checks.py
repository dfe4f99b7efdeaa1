"""What the contract tests (PWS, Ops, TimePunch) do alike: load a contract, read its examples, judge a message.

One copy of how a message is validated, built and read keeps the three suites' verdicts and failure messages alike.
Imports no project code, so the contract tests still run before any server code exists.
"""

from __future__ import annotations

import copy
import csv
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias

import pytest
import xmlschema
import zeep
from lxml import etree

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSD = "http://www.w3.org/2001/XMLSchema"
WSDL = "http://schemas.xmlsoap.org/wsdl/"
SOAP11_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
WSDL_SOAP11 = "http://schemas.xmlsoap.org/wsdl/soap/"
REPO = Path(__file__).resolve().parents[2]
VENDOR_DOCS = REPO / "fixtures" / "vendor-docs"
"""The vendor's pages, as fetched: what the contracts and their examples are checked against."""
CATALOGUE_HEADER = ["number", "code", "type", "operations", "text", "source", "subject"]
"""The columns every contract's error catalogue (errors.csv, faults.csv) has, in this order."""


class Nil:
    """The value of a member sent as ``xsi:nil="true"``: WCF's null, not an empty string."""


NIL = Nil()
Member: TypeAlias = "tuple[str, str | Nil | Sequence[Member] | None]"
"""A message member as ``(prefix:Name, value)``: text, NIL, None for an empty element, or the members it holds."""


def contract_files(service: str) -> tuple[Path, Path]:
    """A service's contract folder and its examples folder, laid out alike for every service."""
    return REPO / "contracts" / service, REPO / "fixtures" / service / "examples"


def contract_fixtures(xsd: Path, wsdl: Path) -> tuple[Any, Any, Any]:
    """The module-scoped ``schema`` (lxml), ``xml_schema`` (xmlschema) and ``client`` (zeep) fixtures of a contract.

    Assign the three to module names in a test module; pytest finds them there.
    """

    @pytest.fixture(scope="module", name="schema")
    def lxml_schema() -> etree.XMLSchema:
        return etree.XMLSchema(etree.parse(str(xsd)))

    @pytest.fixture(scope="module", name="xml_schema")
    def xmlschema_schema() -> xmlschema.XMLSchema:
        return xmlschema.XMLSchema(str(xsd))

    @pytest.fixture(scope="module", name="client")
    def zeep_client() -> zeep.Client:
        return zeep.Client(str(wsdl))

    return lxml_schema, xmlschema_schema, zeep_client


def read_catalogue(path: Path) -> list[dict[str, str]]:
    """A contract's error catalogue, its header checked first: the server reads the rows by these column names."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == CATALOGUE_HEADER, path.name
        return list(reader)


def enumeration(xsd: Path, type_name: str) -> list[str]:
    """The values a schema file's simple type enumerates, in the file's order."""
    nodes = etree.parse(str(xsd)).xpath(
        f"/xs:schema/xs:simpleType[@name='{type_name}']/xs:restriction/xs:enumeration/@value",
        namespaces={"xs": XSD},
    )
    return [str(value) for value in nodes]


def envelope_part(path: Path, soap_namespace: str, part: str = "Body") -> list[etree._Element]:
    """Detached copies of the elements in an example envelope's Header or Body (none when it has no such part)."""
    root = etree.parse(str(path)).getroot()
    assert root.tag == f"{{{soap_namespace}}}Envelope", f"{path.name}: not a {soap_namespace} envelope"
    holder = root.find(f"{{{soap_namespace}}}{part}")
    if holder is None:
        return []
    return [copy.deepcopy(child) for child in holder if isinstance(child.tag, str)]


def body_element(path: Path, soap_namespace: str) -> etree._Element:
    """The one element of an example envelope's Body, detached so that a test may change it."""
    children = envelope_part(path, soap_namespace)
    assert len(children) == 1, f"{path.name}: the Body must hold one element"
    return children[0]


def find_one(element: etree._Element, path: str, namespaces: Mapping[str, str]) -> etree._Element:
    """The element at ``path``, which the test relies on being there."""
    found = element.find(path, namespaces)
    assert found is not None, path
    return found


def build(parent: etree._Element, members: Sequence[Member], namespaces: Mapping[str, str]) -> etree._Element:
    """Appends ``members`` to ``parent`` in the order given (the order WCF reads them in); returns ``parent``."""
    for name, value in members:
        prefix, local = name.split(":")
        child = etree.SubElement(parent, f"{{{namespaces[prefix]}}}{local}")
        if isinstance(value, Nil):
            child.set(f"{{{XSI}}}nil", "true")
        elif isinstance(value, str):
            child.text = value
        elif value is not None:
            build(child, value, namespaces)
    return parent


def move_after(parent: etree._Element, member: str, anchor: str, namespaces: Mapping[str, str]) -> None:
    """Moves ``parent``'s child ``member`` to right after its child ``anchor``: a member out of WCF's order."""
    moved = find_one(parent, member, namespaces)
    parent.remove(moved)
    find_one(parent, anchor, namespaces).addnext(moved)


def errors_of(schema: etree.XMLSchema, element: etree._Element) -> list[str]:
    if schema.validate(element):
        return []
    return [f"{entry.path}: {entry.message}" for entry in schema.error_log]


def assert_valid(schema: etree.XMLSchema, element: etree._Element) -> None:
    assert errors_of(schema, element) == []


def assert_invalid(schema: etree.XMLSchema, element: etree._Element, *fragments: str) -> None:
    """The contract rejects ``element``, and its errors name each of ``fragments``."""
    found = errors_of(schema, element)
    assert found, "expected the contract to reject this message"
    text = "\n".join(found)
    for fragment in fragments:
        assert fragment in text, text


def assert_valid_in_both(schema: etree.XMLSchema, xml_schema: xmlschema.XMLSchema, element: etree._Element) -> None:
    """Valid for lxml and for xmlschema too: the two read a schema set differently, and clients use either."""
    assert_valid(schema, element)
    assert list(xml_schema.iter_errors(etree.tostring(element).decode())) == []
