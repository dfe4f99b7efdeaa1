"""A request read as the vendor's runtime reads it: what each runtime skips, forgives and refuses."""

from __future__ import annotations

from lxml import etree

from mockserver.projector import ops, pws
from mockserver.soap import datacontract
from mockserver.soap.contract import load_contract
from mockserver.soap.lenient import LenientReader, Reading

PWS = "http://projectorpsa.com/PwsProjectorServices/"
REQ = "http://projectorpsa.com/DataContracts/Requests/"
OPS = "http://www.opsplanning.com/webservices/public/data"


def read_pws(members: str) -> Reading:
    contract = load_contract(pws.CONTRACT_PATH)
    reader = LenientReader(contract, datacontract.of(contract), in_order=True)
    body = etree.fromstring(
        f'<p:PwsAuthenticate xmlns:p="{PWS}" xmlns:r="{REQ}"><p:serviceRequest>{members}</p:serviceRequest>'
        "</p:PwsAuthenticate>"
    )
    return reader.read(body)


def said(reading: Reading) -> list[tuple[str, str]]:
    return [(departure.path, departure.reason.split(":")[0]) for departure in reading.departures]


def members_read(reading: Reading) -> list[str]:
    return [etree.QName(child).localname for child in reading.body[0]]


def test_an_unknown_member_is_skipped_and_reported_and_the_request_kept_as_sent() -> None:
    sent = "<r:AccountCode>DEMO</r:AccountCode><r:Bogus>1</r:Bogus><r:Password>p</r:Password><r:UserName>u</r:UserName>"
    reading = read_pws(sent)
    assert members_read(reading) == ["AccountCode", "Password", "UserName"]
    assert said(reading) == [("/p:PwsAuthenticate/p:serviceRequest/r:Bogus", "unknown member")]
    assert reading.refused == []


def test_wcf_skips_a_member_out_of_order() -> None:
    reading = read_pws("<r:UserName>u</r:UserName><r:AccountCode>DEMO</r:AccountCode><r:Password>p</r:Password>")
    assert members_read(reading) == ["UserName"]  # AccountCode and Password come before it: WCF skips them
    assert said(reading) == [  # reported once: skipped, not also missing
        ("/p:PwsAuthenticate/p:serviceRequest/r:AccountCode", "member out of the contract's order"),
        ("/p:PwsAuthenticate/p:serviceRequest/r:Password", "member out of the contract's order"),
    ]
    assert reading.refused == []


def test_a_missing_required_member_is_reported_and_left_to_its_default() -> None:
    reading = read_pws("<r:Password>p</r:Password><r:UserName>u</r:UserName>")
    assert said(reading) == [("/p:PwsAuthenticate/p:serviceRequest/r:AccountCode", "missing member")]
    assert reading.refused == []


def test_thousands_of_one_unknown_member_are_one_departure() -> None:
    reading = read_pws("<r:Junk/>" * 5000 + "<r:AccountCode>DEMO</r:AccountCode>")
    assert said(reading)[0] == ("/p:PwsAuthenticate/p:serviceRequest/r:Junk", "unknown member")
    assert reading.departures[0].reason.endswith("(5000 of them)")


def test_what_the_runtime_cannot_parse_is_refused() -> None:
    reading = read_pws("<r:RequestId>one</r:RequestId><r:AccountCode>DEMO</r:AccountCode>")
    assert [error.kind for error in reading.refused] == ["SCHEMAV_CVC_DATATYPE_VALID_1_2_1"]


def test_xmlserializer_reads_members_in_any_order_and_puts_them_in_the_contracts() -> None:
    contract = load_contract(ops.CONTRACT_PATH)
    reader = LenientReader(contract, datacontract.of(contract), in_order=False)
    body = etree.fromstring(
        f'<o:OpsCloseTimeCardBatch xmlns:o="{OPS}"><o:request><o:OverrideRulesFlag>true</o:OverrideRulesFlag>'
        "<o:BatchId>7</o:BatchId><o:Extra/></o:request></o:OpsCloseTimeCardBatch>"
    )
    reading = reader.read(body)
    names = [etree.QName(child).localname for child in reading.body[0]]
    assert names == ["BatchId", "OverrideRulesFlag"]
    assert "Extra" not in names
    reasons = [departure.reason for departure in reading.departures]
    assert any(reason.startswith("unknown member: ASMX's XmlSerializer ignores it") for reason in reasons)
    assert any("reads them in any order" in reason for reason in reasons)
    assert reading.refused == []


def test_each_over_long_value_is_named_by_its_place_among_its_siblings() -> None:
    contract = load_contract(pws.CONTRACT_PATH)
    reader = LenientReader(contract, datacontract.of(contract), in_order=True)
    tim, com = (
        "http://projectorpsa.com/DataContracts/Shared/TimeAndCost/",
        "http://projectorpsa.com/DataContracts/Shared/Common/",
    )
    card = (
        "<tim:PwsTimecardDetail><com:TimecardType>T</com:TimecardType>"
        "<tim:Description>{}</tim:Description></tim:PwsTimecardDetail>"
    )
    cards = "".join(card.format("x" * (1001 if n % 2 else 10)) for n in range(6))
    body = etree.fromstring(
        f'<p:PwsSaveTimeCards xmlns:p="{PWS}" xmlns:tim="{tim}" xmlns:com="{com}"><p:serviceRequest>'
        f"<tim:SaveTimeCards>{cards}</tim:SaveTimeCards></p:serviceRequest></p:PwsSaveTimeCards>"
    )
    reading = reader.read(body)
    cards_path = "/p:PwsSaveTimeCards/p:serviceRequest/tim:SaveTimeCards/tim:PwsTimecardDetail"
    assert [departure.path for departure in reading.departures] == [
        f"{cards_path}[{n}]/tim:Description" for n in (2, 4, 6)
    ]
    assert reading.refused == []
