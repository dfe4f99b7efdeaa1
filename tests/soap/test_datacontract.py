"""Answers completed as the vendors' serializers write them: every nillable member, nil where it has no value."""

from __future__ import annotations

from lxml import etree

from mockserver.projector import pws
from mockserver.projector.wire import COM, TAC
from mockserver.soap import datacontract, ns
from mockserver.soap.contract import load_contract

NIL = f"{{{ns.XSI}}}nil"


def pws_contracts() -> datacontract.DataContracts:
    return datacontract.of(load_contract(pws.CONTRACT_PATH))


def members(element: etree._Element) -> list[tuple[str, str | None]]:
    return [(etree.QName(child).localname, child.get(NIL)) for child in element]


def test_members_left_out_are_written_nil_in_contract_order() -> None:
    reference = etree.Element(f"{{{COM}}}PwsTimecardRef", nsmap={"b": COM, "i": ns.XSI})
    etree.SubElement(reference, f"{{{COM}}}TimecardId").text = "45639611"
    pws_contracts().complete(reference, f"{{{COM}}}PwsTimecardRef")
    assert members(reference) == [
        ("ReferenceId", "true"),
        ("TimecardId", None),
        ("TimecardType", "true"),
        ("TimecardUid", "true"),
    ]
    assert b'<b:ReferenceId i:nil="true"/>' in etree.tostring(reference)  # the prefixes in scope, none new


def test_nested_members_are_completed_but_arrays_get_no_items() -> None:
    answer = etree.Element(f"{{{TAC}}}PwsTransferTimeRs", nsmap={"a": TAC, "b": COM, "i": ns.XSI})
    identities = etree.SubElement(answer, f"{{{TAC}}}TimeCardIdentities")
    etree.SubElement(etree.SubElement(identities, f"{{{COM}}}PwsTimecardRef"), f"{{{COM}}}TimecardUid").text = "1"
    etree.SubElement(answer, f"{{{TAC}}}TimecardValuationReport")
    pws_contracts().complete(answer, f"{{{TAC}}}PwsTransferTimeRs")
    assert [name for name, _ in members(identities[0])] == ["ReferenceId", "TimecardId", "TimecardType", "TimecardUid"]
    assert ("Messages", "true") in members(answer)  # the base type's members too


def test_a_nil_member_and_a_type_of_any_content_are_left_as_they_are() -> None:
    answer = etree.Element(f"{{{TAC}}}PwsTransferTimeRs", nsmap={"a": TAC, "i": ns.XSI})
    etree.SubElement(answer, f"{{{TAC}}}TimeCardIdentities").set(NIL, "true")
    report = etree.SubElement(answer, f"{{{TAC}}}TimecardValuationReport")
    etree.SubElement(report, "{urn:anything}Row")
    pws_contracts().complete(answer, f"{{{TAC}}}PwsTransferTimeRs")
    assert len(answer.find(f"{{{TAC}}}TimeCardIdentities")) == 0
    assert members(report) == [("Row", None)]
