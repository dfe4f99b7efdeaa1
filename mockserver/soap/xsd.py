"""The members of a contract's complex types, read from its XSDs with lxml.

Each answer is completed from these lists (every nillable member written), so they are wanted on
a mock's first call: xmlschema would build them too, but building it takes half a second, longer
than the whole start-up. The contracts are WCF and ASMX data contracts, which use a small part of
XML Schema: named complex types whose content is a sequence (or an xs:all) of local elements,
extending a base type's; elements qualified in their schema's target namespace. That part is read
here; anything else (an xs:any) marks the type as open, which its readers leave alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from mockserver.soap import ns

_XS = f"{{{ns.XSD}}}"
_ANY_TYPE = f"{_XS}anyType"
_ENUMERATION_VALUE = f"{_XS}annotation/{_XS}appinfo/{{{ns.SERIALIZATION}}}EnumerationValue"
_VALUE_TYPE_DEFAULTS = {
    f"{_XS}boolean": "false",
    f"{_XS}dateTime": "0001-01-01T00:00:00",
    f"{_XS}duration": "PT0S",
    **{
        f"{_XS}{number}": "0"
        for number in (
            "byte",
            "decimal",
            "double",
            "float",
            "int",
            "long",
            "short",
            "unsignedByte",
            "unsignedInt",
            "unsignedLong",
            "unsignedShort",
        )
    },
    f"{{{ns.SERIALIZATION}}}guid": "00000000-0000-0000-0000-000000000000",
}
"""default(T) of the .NET value types WCF publishes as these XSD types, as its DataContractSerializer writes it:
DateTime.MinValue (Kind Unspecified, so no offset), TimeSpan.Zero, 0, false, Guid.Empty."""


@dataclass(frozen=True)
class Member:
    """One element a complex type's content declares, in its place."""

    name: str
    """Clark name of the member element."""
    local: str
    type_name: str | None
    """Clark name of its type (None for an anonymous one, which data contracts do not use)."""
    simple: bool
    """Its value is text: an XSD type, a simple type, or a complex type with simple content."""
    many: bool
    nillable: bool
    required: bool = False
    """minOccurs is not 0: the contract demands it (the vendors' serializers may not)."""


class Schemas:
    """The global types and elements of a set of XSD files, by Clark name."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.types: dict[str, etree._Element] = {}
        self.elements: dict[str, etree._Element] = {}
        for path in paths:
            root = etree.parse(str(path)).getroot()
            target = root.get("targetNamespace", "")
            for node in root.iterchildren(f"{_XS}complexType", f"{_XS}simpleType", f"{_XS}element"):
                kind, name = etree.QName(node).localname, node.get("name")
                if name and kind in ("complexType", "simpleType"):
                    self.types[f"{{{target}}}{name}"] = node
                elif name and kind == "element":
                    self.elements[f"{{{target}}}{name}"] = node

    def namespaces(self) -> set[str]:
        return {etree.QName(name).namespace or "" for name in (*self.types, *self.elements)}

    def content(self, type_name: str) -> list[etree._Element]:
        """The xs:element and xs:any particles of a named type, or of a global element's type, base
        type's first, in document order."""
        return list(self._particles(self._complex_type(type_name)))

    def is_open(self, type_name: str) -> bool:
        """Whether the type takes elements it does not name: an xs:any in its content, or xs:anyType."""
        if type_name in self.elements:
            element = self.elements[type_name]
            type_name = _named(element, "type") or type_name
        return type_name == _ANY_TYPE or any(etree.QName(p).localname == "any" for p in self.content(type_name))

    def member(self, element: etree._Element) -> Member:
        """An xs:element particle as a member."""
        target = element.getroottree().getroot().get("targetNamespace", "")
        local = element.get("name", "")
        type_name = _named(element, "type")
        max_occurs = element.get("maxOccurs", "1")
        return Member(
            name=f"{{{target}}}{local}",
            local=local,
            type_name=type_name,
            simple=self._is_simple(type_name, element),
            many=max_occurs == "unbounded" or int(max_occurs) > 1,
            nillable=element.get("nillable") == "true",
            required=element.get("minOccurs", "1") != "0",
        )

    def default(self, type_name: str | None) -> str | None:
        """The text WCF writes for an unset value of ``type_name``, which it never writes nil: default(T)
        of the value type, an enum's member valued 0. None for a type that is not a value type (a
        string, a data contract), whose unset value is nil."""
        if type_name is None or type_name in _VALUE_TYPE_DEFAULTS:
            return _VALUE_TYPE_DEFAULTS.get(type_name or "")
        node = self.types.get(type_name)
        if node is None or etree.QName(node).localname != "simpleType":
            return None
        flags = node.find(f"{_XS}list") is not None
        restriction = node.find(f"{_XS}list/{_XS}simpleType/{_XS}restriction" if flags else f"{_XS}restriction")
        if restriction is None:
            return None
        members = restriction.findall(f"{_XS}enumeration")
        return _zero_member(members, flags) if members else self.default(_named(restriction, "base"))

    def _complex_type(self, type_name: str) -> etree._Element | None:
        if type_name in self.types or type_name not in self.elements:
            return self.types.get(type_name)
        element = self.elements[type_name]
        named = _named(element, "type")
        return self.types.get(named) if named else element.find(f"{_XS}complexType")

    def _particles(self, node: etree._Element | None) -> Iterator[etree._Element]:
        for child in node.iterchildren("{*}*") if node is not None else ():
            kind = etree.QName(child).localname
            if kind == "complexContent":
                extension = child.find(f"{_XS}extension")
                if extension is not None:
                    base = _named(extension, "base")
                    yield from self._particles(self.types.get(base or ""))
                    yield from self._particles(extension)
            elif kind in ("sequence", "all", "choice"):
                yield from self._particles(child)
            elif kind in ("element", "any"):
                yield child

    def _is_simple(self, type_name: str | None, element: etree._Element) -> bool:
        if type_name is not None and etree.QName(type_name).namespace == ns.XSD:
            return type_name != _ANY_TYPE
        node = self.types.get(type_name) if type_name else element.find(f"{_XS}complexType")
        if node is None:
            return element.find(f"{_XS}simpleType") is not None
        return etree.QName(node).localname == "simpleType" or node.find(f"{_XS}simpleContent") is not None


def _zero_member(members: list[etree._Element], flags: bool) -> str:
    """The name of the enum member valued 0, default(T) of an enum. A member's value is its
    EnumerationValue, else what WCF's importer gives it: its position, or for a [Flags] enum (an
    xs:list of names) 2 to the power of its position. A [Flags] enum without a 0 member writes 0 as
    no names at all."""
    for position, member in enumerate(members):
        given = member.findtext(_ENUMERATION_VALUE)
        value = int(given) if given is not None else (1 << position if flags else position)
        if value == 0:
            return member.get("value", "")
    return ""


def _named(node: etree._Element, attribute: str) -> str | None:
    """The Clark name a QName attribute of ``node`` (type, base) names; None when it has none."""
    prefixed = node.get(attribute)
    return ns.resolve(node, prefixed) if prefixed else None
