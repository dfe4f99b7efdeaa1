"""Answers completed as the vendors' serializers write them: every nillable member, nil where it has no value,
and every value-type member WCF writes, its type's default where it has no value."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from mockserver.projector import pws
from mockserver.projector.wire import COM, TAC
from mockserver.soap import datacontract, ns
from mockserver.soap.contract import load_contract
from mockserver.soap.xsd import Schemas
from mockserver.timepunch import sync

NIL = f"{{{ns.XSI}}}nil"
SYNC = "http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.SyncService.Dto"


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


def test_a_nil_member_is_left_as_it_is() -> None:
    answer = etree.Element(f"{{{TAC}}}PwsTransferTimeRs", nsmap={"a": TAC, "i": ns.XSI})
    etree.SubElement(answer, f"{{{TAC}}}TimeCardIdentities").set(NIL, "true")
    pws_contracts().complete(answer, f"{{{TAC}}}PwsTransferTimeRs")
    assert len(answer.find(f"{{{TAC}}}TimeCardIdentities")) == 0


def test_wcf_answers_get_their_value_types_defaults_too() -> None:
    """A WCF endpoint completes with ``defaults``: an unset Boolean member is written false, as
    DataContractSerializer writes it, where completing for ASMX leaves it out."""
    card = etree.Element(f"{{{TAC}}}PwsTimecardDetail", nsmap={"a": TAC, "b": COM, "i": ns.XSI})
    etree.SubElement(card, f"{{{TAC}}}WorkMinutes").text = "60"
    pws_contracts().complete(card, f"{{{TAC}}}PwsTimecardDetail")
    assert card.find(f"{{{TAC}}}DescriptionClearFlag") is None
    pws_contracts().complete(card, f"{{{TAC}}}PwsTimecardDetail", defaults=True)
    flags = [child for child in card if etree.QName(child).localname.endswith("ClearFlag")]
    assert {etree.QName(flag).localname: flag.text for flag in flags} == {
        "DescriptionClearFlag": "false",
        "ExternalGroupingIdentifierClearFlag": "false",
        "LocationClearFlag": "false",
        "RoleClearFlag": "false",
        "Udf1ClearFlag": "false",
        "Udf2ClearFlag": "false",
    }
    assert pws_contracts().contract.violations(card) == []  # each at its place in the contract's order


UNSET_XSD = f"""<xs:schema xmlns:xs="{ns.XSD}" xmlns:ser="{ns.SERIALIZATION}" xmlns:tns="urn:t" targetNamespace="urn:t">
  <xs:simpleType name="Plain"><xs:restriction base="xs:string">
    <xs:enumeration value="First"/><xs:enumeration value="Second"/>
  </xs:restriction></xs:simpleType>
  <xs:simpleType name="Numbered"><xs:restriction base="xs:string">
    <xs:enumeration value="One"><xs:annotation><xs:appinfo>
      <EnumerationValue xmlns="{ns.SERIALIZATION}">1</EnumerationValue></xs:appinfo></xs:annotation></xs:enumeration>
    <xs:enumeration value="Zero"><xs:annotation><xs:appinfo>
      <EnumerationValue xmlns="{ns.SERIALIZATION}">0</EnumerationValue></xs:appinfo></xs:annotation></xs:enumeration>
  </xs:restriction></xs:simpleType>
  <xs:simpleType name="Flags"><xs:list><xs:simpleType><xs:restriction base="xs:string">
    <xs:enumeration value="A"/><xs:enumeration value="B"/>
  </xs:restriction></xs:simpleType></xs:list></xs:simpleType>
  <xs:simpleType name="Char"><xs:restriction base="xs:int"/></xs:simpleType>
  <xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:pattern value="[A-Z]+"/></xs:restriction>
  </xs:simpleType>
</xs:schema>"""


def test_an_unset_value_type_is_its_default_as_wcf_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "unset.xsd"
    path.write_text(UNSET_XSD, encoding="utf-8")
    schemas = Schemas([path])
    defaults = {
        name: schemas.default(name)
        for name in (
            f"{{{ns.XSD}}}dateTime",
            f"{{{ns.SERIALIZATION}}}guid",
            f"{{{ns.XSD}}}double",
            f"{{{ns.XSD}}}boolean",
            "{urn:t}Plain",
            "{urn:t}Numbered",
            "{urn:t}Flags",
            "{urn:t}Char",
            "{urn:t}Code",
            f"{{{ns.XSD}}}string",
            None,
        )
    }
    assert list(defaults.values()) == [
        "0001-01-01T00:00:00",  # DateTime.MinValue, Kind Unspecified: no offset
        "00000000-0000-0000-0000-000000000000",
        "0",
        "false",
        "First",  # unnumbered: the first member is 0
        "Zero",  # numbered: the member valued 0, wherever it stands
        "",  # a [Flags] enum's unnumbered members are 1, 2, ...: 0 is no names
        "0",  # a restriction has its base's default
        None,  # a reference type: nil, not a default
        None,
        None,
    ]


def test_an_answer_writes_a_value_type_without_a_value_as_its_default_never_nil() -> None:
    profile = datacontract.of(load_contract(sync.CONTRACT_PATH)).write(
        "profile", f"{{{SYNC}}}SyncUserProfileDto", {"LogonName": "anna.schmidt", "LastSyncTime": None}
    )
    assert [(name, nil, child.text) for (name, nil), child in zip(members(profile), profile, strict=True)] == [
        ("Id", None, "00000000-0000-0000-0000-000000000000"),
        ("LastSyncTime", None, "0001-01-01T00:00:00"),
        ("LogonName", None, "anna.schmidt"),
        ("SaveAsName", "true", None),
        ("UserName", "true", None),
    ]
