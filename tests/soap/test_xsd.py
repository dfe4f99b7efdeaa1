"""The lxml reading of the contracts' types agrees with xmlschema's, on every complex type they declare.

The mock reads member lists with lxml because building xmlschema's view takes longer than its
whole start-up; xmlschema stays the reference the shortcut is held to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mockserver.projector import ops, pws
from mockserver.soap import datacontract
from mockserver.soap.contract import load_contract
from mockserver.timepunch import sync

CONTRACTS = {"pws": pws.CONTRACT_PATH, "ops": ops.CONTRACT_PATH, "tpsync": sync.CONTRACT_PATH}


def complex_types(schema: Any) -> dict[str, Any]:
    """The contract's own complex types with element content, and the global elements of such types."""
    maps = schema.maps
    found = {name: kind for name, kind in maps.types.items() if kind.is_complex()}
    found |= {name: element.type for name, element in maps.elements.items() if element.type.is_complex()}
    return {
        name: kind
        for name, kind in found.items()
        if not name.startswith("{http://www.w3.org/") and not kind.has_simple_content()
    }


@pytest.mark.parametrize("path", CONTRACTS.values(), ids=CONTRACTS.keys())
def test_members_and_openness_are_xmlschemas(path: Path) -> None:
    contract = load_contract(path)
    ours = datacontract.of(contract)
    types = complex_types(contract.explainer)
    assert len(types) >= 20  # the smallest, Ops, has 20
    for name, kind in types.items():
        elements = list(kind.content.iter_elements())
        expected = [
            (
                element.name,
                element.type.name,
                element.type.is_simple() or element.type.has_simple_content(),
                element.max_occurs is None or element.max_occurs > 1,
                element.nillable,
            )
            for element in elements
            if element.name is not None
        ]
        found = [(m.name, m.type_name, m.simple, m.many, m.nillable) for m in ours.members(name)]
        assert found == expected, name
        assert ours.takes_any(name) == any(element.name is None for element in elements), name
