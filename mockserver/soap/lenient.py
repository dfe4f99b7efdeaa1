"""A request read as the vendor's runtime reads it, where the contract alone would refuse it.

The contract says what a client should send; the runtime decides what it accepts. WCF's
DataContractSerializer reads a data contract's members in the contract's order: it skips a member
it does not know, and one out of order counts as unknown; a member that is missing keeps its
default (IsRequired is false unless a contract says otherwise); it checks no length. ASMX's
XmlSerializer ignores unknown members, reads the known ones in any order, and checks no length
either. Both refuse what they cannot parse: a bad number or date, an unknown enum name.

So a request that fails the contract is read again here, the runtime's way: what it would drop is
dropped, what it would default is left out, and each departure becomes a :class:`Departure` (the
element's path, and what the vendor does with it). What the runtime refuses is left for the caller
to refuse. Only a request that failed validation pays for this: a valid one never comes here.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from mockserver.soap import ns
from mockserver.soap.contract import Contract, SchemaError
from mockserver.soap.datacontract import DataContracts
from mockserver.soap.xsd import Member

_TYPE = f"{{{ns.XSI}}}type"
_NIL = f"{{{ns.XSI}}}nil"

FORGIVEN_ERRORS = frozenset(
    {
        "SCHEMAV_ELEMENT_CONTENT",  # what is left of the structure once the reading has taken it: a missing member
        "SCHEMAV_CVC_COMPLEX_TYPE_2_4",
        "SCHEMAV_CVC_MAXLENGTH_VALID",  # lengths: no runtime checks them
        "SCHEMAV_CVC_MINLENGTH_VALID",
        "SCHEMAV_CVC_LENGTH_VALID",
    }
)
"""The libxml2 errors neither runtime raises, once the reading has dropped what it skips."""
_LENGTH_ERRORS = frozenset(kind for kind in FORGIVEN_ERRORS if "LENGTH" in kind)
_FOLLOW_UP = "SCHEMAV_CVC_DATATYPE_VALID_1_2_1"
"""libxml2's second error on a value that breaks a length facet of a named type: forgiven with it."""


@dataclass(frozen=True)
class Departure:
    """Where a request leaves the contract, and what the vendor's runtime does with it."""

    path: str
    reason: str


@dataclass(frozen=True)
class Reading:
    """The request as the runtime reads it, its departures, and the errors the runtime refuses it for."""

    body: etree._Element
    departures: list[Departure]
    refused: list[SchemaError]


class LenientReader:
    """Reads request bodies of one contract as its runtime does: ``in_order`` for WCF's
    DataContractSerializer, not for ASMX's XmlSerializer."""

    def __init__(self, contract: Contract, data_contracts: DataContracts, *, in_order: bool) -> None:
        self.contract = contract
        self.data_contracts = data_contracts
        self.in_order = in_order
        self.runtime = "WCF" if in_order else "ASMX's XmlSerializer"

    def read(self, body: etree._Element) -> Reading:
        """``body`` read the runtime's way (a copy: the request keeps what the client sent)."""
        read = copy.deepcopy(body)
        paths = _Paths(read)
        departures: list[Departure] = []
        self._read_members(read, read.tag, departures, paths)
        refused: list[SchemaError] = []
        for error in self._forgiven_or_not(self.contract.schema_errors(read)):
            if error.kind in _LENGTH_ERRORS:
                departures.append(Departure(paths.of_xpath(error.path), self._long_value(error)))
            elif error.kind not in FORGIVEN_ERRORS:
                refused.append(error)
        return Reading(read, departures, refused)

    # -- structure ------------------------------------------------------------------------------------

    def _read_members(
        self, element: etree._Element, type_name: str | None, departures: list[Departure], paths: _Paths
    ) -> None:
        """Drop what the runtime skips from ``element``'s children, report what it lacks, and go down."""
        declared = element.get(_TYPE)
        type_name = ns.resolve(element, declared) if declared else type_name
        if type_name is None or self.data_contracts.takes_any(type_name):
            return
        members = self.data_contracts.members(type_name)
        kept, skipped_members = self._kept(element, members, departures, paths)
        for child, member in kept:
            if not member.simple and child.get(_NIL) not in ("true", "1"):
                self._read_members(child, member.type_name, departures, paths)
        accounted = {member.name for _, member in kept} | skipped_members  # a skipped one is reported already
        for member in members:
            if member.required and member.name not in accounted:
                departures.append(
                    Departure(
                        f"{paths.of(element)}/{_prefixed(element, member.name)}",
                        f"missing member: {self.runtime} reads the message without it, and it keeps its default",
                    )
                )
        if not self.in_order:
            self._reorder(element, kept, members, departures, paths)

    def _kept(
        self, element: etree._Element, members: tuple[Member, ...], departures: list[Departure], paths: _Paths
    ) -> tuple[list[tuple[etree._Element, Member]], set[str]]:
        """The children the runtime reads, each with its member, and the names of the members it skipped;
        the others removed, reported once per name and reason (thousands of them are one line, not
        thousands)."""
        by_name = {member.name: (position, member) for position, member in enumerate(members)}
        kept: list[tuple[etree._Element, Member]] = []
        skipped: dict[tuple[str, str], int] = {}
        skipped_members: set[str] = set()
        next_position = 0
        for child in list(element):
            if not isinstance(child.tag, str):
                continue
            found = by_name.get(child.tag)
            if found is not None and (not self.in_order or found[0] >= next_position):
                position, member = found
                next_position = position if member.many else position + 1
                kept.append((child, member))
                continue
            if found is not None:
                skipped_members.add(child.tag)
            key = (_prefixed(child, child.tag), self._skipped(found is not None))
            skipped[key] = skipped.get(key, 0) + 1
            element.remove(child)
        for (name, reason), count in skipped.items():
            times = "" if count == 1 else f" ({count} of them)"
            departures.append(Departure(f"{paths.of(element)}/{name}", f"{reason}{times}"))
        return kept, skipped_members

    def _skipped(self, known: bool) -> str:
        if known:
            return (
                f"member out of the contract's order: {self.runtime} reads members in that order and skips it, "
                "so it keeps its default"
            )
        return f"unknown member: {self.runtime} ignores it, so nothing it says is read"

    def _reorder(
        self,
        element: etree._Element,
        kept: list[tuple[etree._Element, Member]],
        members: tuple[Member, ...],
        departures: list[Departure],
        paths: _Paths,
    ) -> None:
        """XmlSerializer reads members in any order: put them in the contract's, reporting each one moved."""
        order = {member.name: position for position, member in enumerate(members)}
        ordered = [child for child, _ in sorted(kept, key=lambda pair: order[pair[1].name])]
        moved = [child for child, (original, _) in zip(ordered, kept, strict=True) if child is not original]
        if not moved:
            return
        first_moved = moved[0]
        departures.append(
            Departure(
                paths.of(first_moved),
                f"members out of the contract's order: {self.runtime} reads them in any order",
            )
        )
        for child in ordered:
            element.append(child)

    # -- values ---------------------------------------------------------------------------------------

    @staticmethod
    def _forgiven_or_not(errors: list[SchemaError]) -> list[SchemaError]:
        """The errors less libxml2's follow-up on a value whose length was already reported."""
        long_values = {error.path for error in errors if error.kind in _LENGTH_ERRORS}
        return [error for error in errors if not (error.kind == _FOLLOW_UP and error.path in long_values)]

    def _long_value(self, error: SchemaError) -> str:
        facet = error.message.split("] ", 1)[-1].rstrip(".")
        return f"{facet[0].lower()}{facet[1:]}: {self.runtime} checks no length, so the operation's rules decide"


def _prefixed(context: etree._Element, name: str) -> str:
    """A Clark name as the message writes it: with the prefix ``context`` has in scope for its namespace."""
    qname = etree.QName(name)
    prefix = next((p for p, uri in context.nsmap.items() if uri == qname.namespace and p), None)
    return f"{prefix}:{qname.localname}" if prefix else qname.localname


class _Paths:
    """The paths of one message's elements from its body element, as the server's violations name them:
    prefixed names, an index where siblings share the name. Each parent's children are counted once and
    the message's prefixes gathered once, so naming thousands of elements stays linear."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self._steps: dict[etree._Element, str] = {}
        """Each counted element's own step; the dict holds the element, so lxml keeps its proxy the same."""
        self._prefixes: dict[str, str] | None = None

    def of(self, element: etree._Element) -> str:
        steps = []
        node: etree._Element | None = element
        while node is not None:
            steps.append(self._step(node))
            node = node.getparent()
        return "/" + "/".join(reversed(steps))

    def of_xpath(self, xpath: str) -> str:
        """The path of the element libxml2 names by ``xpath`` (from the body element as the document's root);
        libxml2's own when it names none."""
        if self._prefixes is None:
            self._prefixes = {p: uri for node in self.root.iter() for p, uri in node.nsmap.items() if p}
        try:
            found = self.root.getroottree().xpath(xpath, namespaces=self._prefixes)
        except etree.XPathError:  # a prefix declared twice for two namespaces: keep libxml2's words
            return xpath
        named = found[0] if isinstance(found, list) and found else None
        return self.of(named) if isinstance(named, etree._Element) else xpath

    def _step(self, node: etree._Element) -> str:
        if node not in self._steps:
            parent = node.getparent()
            if parent is None:
                self._steps[node] = _prefixed(node, node.tag)
            else:
                self._count(parent)
        return self._steps[node]

    def _count(self, parent: etree._Element) -> None:
        """Every child's step at once: its name, and its place among the siblings of that name."""
        children = [child for child in parent if isinstance(child.tag, str)]
        totals: dict[str, int] = {}
        for child in children:
            totals[child.tag] = totals.get(child.tag, 0) + 1
        seen: dict[str, int] = {}
        for child in children:
            seen[child.tag] = seen.get(child.tag, 0) + 1
            step = _prefixed(child, child.tag)
            self._steps[child] = f"{step}[{seen[child.tag]}]" if totals[child.tag] > 1 else step
