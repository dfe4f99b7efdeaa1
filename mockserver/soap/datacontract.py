"""Data contracts as plain dicts, in the member order the contract's schema declares.

A WCF client drops members that arrive out of order, so a response must follow the schema's
order exactly; rather than spell that order in every handler, the writer reads it from the
contract (once per type) and the handlers pass dicts; a member they leave without a value is
written as WCF writes it: nil for a reference type or T?, its type's default for a value type.
The reader is its mirror: a request's data contract as a dict (arrays as lists), typed by the
schema. And an answer built by hand is completed from the same lists, so that it carries every
member a WCF service would write.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from lxml import etree

from mockserver.soap import ns
from mockserver.soap.contract import Contract
from mockserver.soap.xsd import Member, Schemas

_NIL = f"{{{ns.XSI}}}nil"
_TYPE = f"{{{ns.XSI}}}type"


@dataclass(frozen=True)
class _Shape:
    """A complex type as completing an answer sees it."""

    nillable: frozenset[str]
    """The members written nil when missing: nillable, and not an array's items."""
    valued: frozenset[str]
    """The value-type members (not nillable, with a default) written with their default when missing."""
    complex_members: dict[str, str]
    """Type names of the members whose own members are completed in turn, by member name."""


class DataContracts:
    """Member order and types of a contract's complex types, read from its XSDs on first use."""

    def __init__(self, contract: Contract) -> None:
        self.contract = contract

    @functools.cached_property
    def schemas(self) -> Schemas:
        return Schemas(self.contract.documents.values())

    @functools.cache  # noqa: B019 - one instance per contract, for the life of the process
    def members(self, type_name: str) -> tuple[Member, ...]:
        """The members of a named type, or of a global element's (possibly anonymous) type."""
        return tuple(
            self.schemas.member(particle)
            for particle in self.schemas.content(type_name)
            if etree.QName(particle).localname == "element"
        )

    @functools.cache  # noqa: B019 - as members()
    def takes_any(self, type_name: str) -> bool:
        """Whether the type takes elements the contract does not name (xs:any, xs:anyType)."""
        return self.schemas.is_open(type_name)

    # -- writing ------------------------------------------------------------------------------------

    @functools.cached_property
    def prefixes(self) -> dict[str, str]:
        """Short prefixes for the contract's namespaces, declared once on each response."""
        namespaces = sorted(self.schemas.namespaces() - {"", ns.XSD})
        return {"i": ns.XSI, **{f"d{index}": namespace for index, namespace in enumerate(namespaces)}}

    def write(
        self, tag: str, type_name: str, values: Mapping[str, Any], parent: etree._Element | None = None
    ) -> etree._Element:
        """``values`` (by member local name) as element ``tag`` of ``type_name``, in contract order
        (under ``parent`` when given, else a new root declaring the contract's prefixes). A member
        without a value (absent, or None) is written as WCF writes it: nil where it is nillable (a
        reference type, a T?), its type's default where it is a value type (DateTime, Guid, a number,
        Boolean, an enum: WCF never writes those nil, and a client typed from the contract cannot
        read nil there), and left out otherwise (an array's items)."""
        element = etree.Element(tag, nsmap=self.prefixes) if parent is None else etree.SubElement(parent, tag)
        for member in self.members(type_name):
            value = values.get(member.local)
            if value is None:
                if not member.many:
                    self._unset(element, member)
                continue
            for item in value if member.many else [value]:
                self._member(element, member, item)
        return element

    def _unset(self, parent: etree._Element, member: Member) -> None:
        """A member without a value: nil if nillable, else its type's default (nothing if it has none)."""
        if member.nillable:
            etree.SubElement(parent, member.name).set(_NIL, "true")
        elif (default := self.default(member.type_name)) is not None:
            etree.SubElement(parent, member.name).text = default

    @functools.cache  # noqa: B019 - as members()
    def default(self, type_name: str | None) -> str | None:
        """What WCF writes for an unset value of the type; None for a type it writes nil."""
        return self.schemas.default(type_name)

    def _member(self, parent: etree._Element, member: Member, value: Any) -> None:
        if isinstance(value, etree._Element):
            value.tag = member.name
            parent.append(value)
        elif member.simple or member.type_name is None:
            etree.SubElement(parent, member.name).text = _text(value)
        elif isinstance(value, list):  # an ArrayOf type: its one member repeats
            self.write(member.name, member.type_name, {self.members(member.type_name)[0].local: value}, parent)
        else:
            self.write(member.name, member.type_name, value, parent)

    def complete(self, element: etree._Element, type_name: str | None = None, *, defaults: bool = False) -> None:
        """Write each nillable member ``element`` leaves out as ``i:nil``, at its place, all the way down;
        with ``defaults``, each value-type member it leaves out too, with its type's default.

        The vendors' serializers never leave a nullable member out: WCF writes every data member, a
        null one as nil (the vendor's examples answer ``<b:ReferenceId i:nil="true"/>``) and an unset
        value type as its default, and ASMX's XmlSerializer writes a nillable member's null the same
        way (its optional value types it may leave out: hence ``defaults`` for WCF alone). So a client
        that reads only the members it was sent meets them here too. ``type_name``: the element's type,
        else its own name as a global element."""
        type_name = self._declared_type(element) or type_name or element.tag
        shape = self._shape(type_name)
        if shape is None:  # open content: what its members are is not the contract's to say
            return
        tags = []
        for child in element:
            tags.append(child.tag)
            child_type = shape.complex_members.get(child.tag)
            if child_type is not None and child.get(_NIL) not in ("true", "1"):
                self.complete(child, child_type, defaults=defaults)
        expected = shape.nillable | shape.valued if defaults else shape.nillable
        if not expected.issubset(tags):
            self._write_unset(element, self.members(type_name), expected)

    @functools.cache  # noqa: B019 - as members()
    def _shape(self, type_name: str) -> _Shape | None:
        """What completing an element of the type needs; None for a type of open content."""
        if self.takes_any(type_name):
            return None
        members = self.members(type_name)
        single = [member for member in members if not member.many]
        return _Shape(
            nillable=frozenset(m.name for m in single if m.nillable),
            valued=frozenset(m.name for m in single if not m.nillable and self.default(m.type_name) is not None),
            complex_members={m.name: m.type_name for m in members if not m.simple and m.type_name is not None},
        )

    def _write_unset(self, element: etree._Element, members: tuple[Member, ...], expected: frozenset[str]) -> None:
        """Insert each ``expected`` member ``element`` lacks, as :meth:`_unset` writes it, at its place in the
        contract's order."""
        children = [child for child in element if isinstance(child.tag, str)]
        position = 0
        for member in members:
            first = position
            while position < len(children) and children[position].tag == member.name:
                position += 1
            if position == first and member.name in expected:
                self._unset(element, member)  # declared in the parent's scope, then moved
                if position < len(children):
                    children[position].addprevious(element[-1])

    @staticmethod
    def _declared_type(element: etree._Element) -> str | None:
        """The Clark name of the subtype an element's ``i:type`` names in place of its member's type."""
        declared = element.get(_TYPE)
        return ns.resolve(element, declared) if declared else None

    # -- reading ------------------------------------------------------------------------------------

    def read(self, element: etree._Element | None, type_name: str) -> Any:
        """The data contract in ``element`` as a dict (an ArrayOf type as a list); None if nil or absent."""
        if element is None or element.get(_NIL) in ("true", "1"):
            return None
        type_name = self._declared_type(element) or type_name  # a subtype sent in place of its base
        members = self.members(type_name)
        if _is_array(type_name):
            item = members[0]
            return [self._read_member(item, child) for child in element if child.tag == item.name]
        values: dict[str, Any] = {}
        by_name = {member.name: member for member in members}
        for child in element:
            member = by_name.get(child.tag) if isinstance(child.tag, str) else None
            if member is not None:
                values[member.local] = self._read_member(member, child)
        return values

    def _read_member(self, member: Member, child: etree._Element) -> Any:
        if child.get(_NIL) in ("true", "1"):
            return None
        if member.simple or member.type_name is None:
            return child.text or ""
        return self.read(child, member.type_name)


@functools.cache
def of(contract: Contract) -> DataContracts:
    """The contract's data contracts, read once per process."""
    return DataContracts(contract)


def _is_array(type_name: str) -> bool:
    return etree.QName(type_name).localname.startswith("ArrayOf")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        moment: datetime = value
        if moment.tzinfo is not None:
            return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        return moment.isoformat()
    return str(value)
