"""The vendor-neutral SOAP core, through a tiny echo contract: parsing, routing, validation, faults."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from werkzeug.test import Client

from mockserver.soap import ns
from mockserver.soap.contract import load_contract
from mockserver.soap.envelope import SOAP_11, SOAP_12, SoapFault, SoapVersion
from mockserver.soap.service import RequestContext, SoapEndpoint
from mockserver.state import MOCK_SCHEMA
from mockserver.state.tenants import TenantRegistry

WSDL_FILES = Path(__file__).parent / "wsdl_files"
ECHO = "urn:echo"
SOAP11 = ns.SOAP_ENV_11
SOAP12 = ns.SOAP_ENV_12


def echo(request: etree._Element, ctx: RequestContext) -> etree._Element:
    message = request.findtext(f"{{{ECHO}}}Message")
    count = int(request.findtext(f"{{{ECHO}}}Count") or 1)
    response = etree.Element(f"{{{ECHO}}}EchoResponse")
    for _ in range(count):
        etree.SubElement(response, f"{{{ECHO}}}Message").text = message
    return response


def ping(request: etree._Element, ctx: RequestContext) -> etree._Element:
    return etree.Element(f"{{{ECHO}}}PingResponse")


Handler = Callable[[etree._Element, RequestContext], etree._Element]


def make_client(version: str = "11", ping_handler: Handler = ping) -> Client:
    tenants = TenantRegistry(lambda db: db.executescript(MOCK_SCHEMA))
    contract = load_contract(WSDL_FILES / f"echo{version}.wsdl")
    return Client(SoapEndpoint(contract, {"Echo": echo, "Ping": ping_handler}, tenants))


@pytest.fixture
def client() -> Client:
    return make_client()


def envelope(body: str, soap_ns: str = SOAP11, extra: str = "") -> bytes:
    return (f'<s:Envelope xmlns:s="{soap_ns}" xmlns:e="{ECHO}"{extra}><s:Body>{body}</s:Body></s:Envelope>').encode()


def post(client: Client, data: bytes, action: str | None = '"urn:echo/Echo"', content_type: str = "text/xml"):
    headers = {"Content-Type": f"{content_type}; charset=utf-8"}
    if action is not None:
        headers["SOAPAction"] = action
    return client.post("/echo", data=data, headers=headers)


def fault_string(response) -> str:
    root = etree.fromstring(response.data)
    return root.findtext(f".//{{{SOAP11}}}Fault/faultstring") or ""


ECHO_BODY = "<e:Echo><e:Message>hi</e:Message><e:Count>2</e:Count></e:Echo>"


def test_valid_call_is_answered_with_the_handlers_response(client: Client) -> None:
    response = post(client, envelope(ECHO_BODY))
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    root = etree.fromstring(response.data)
    assert [m.text for m in root.iter(f"{{{ECHO}}}Message")] == ["hi", "hi"]


@pytest.mark.parametrize("action", ['"urn:echo/Echo"', "urn:echo/Echo"])
def test_soapaction_may_be_quoted_or_unquoted(client: Client, action: str) -> None:
    assert post(client, envelope(ECHO_BODY), action=action).status_code == 200


@pytest.mark.parametrize("action", [None, '""'])
def test_a_soap11_request_without_soapaction_is_refused_naming_the_one_to_send(
    client: Client, action: str | None
) -> None:
    """WCF's basicHttpBinding and ASMX dispatch on SOAPAction: a client leaving it out fails there."""
    response = post(client, envelope(ECHO_BODY), action=action)
    assert response.status_code == 500
    assert fault_string(response).startswith("The request has no SOAPAction")
    assert 'needs SOAPAction: "urn:echo/Echo"' in fault_string(response)


def test_soapaction_and_body_must_agree(client: Client) -> None:
    response = post(client, envelope(ECHO_BODY), action='"urn:echo/Ping"')
    assert response.status_code == 500
    assert "names operation Ping, but the body holds the input of Echo" in fault_string(response)


def test_unknown_soapaction_is_a_client_fault(client: Client) -> None:
    response = post(client, envelope(ECHO_BODY), action='"urn:echo/Nope"')
    root = etree.fromstring(response.data)
    assert root.findtext(f".//{{{SOAP11}}}Fault/faultcode") == "s:Client"
    assert "Unknown operation" in fault_string(response)


def test_unknown_body_element_is_a_client_fault(client: Client) -> None:
    response = post(client, envelope("<e:Nope/>"), action=None)
    assert "Unknown operation: the body element 'Nope'" in fault_string(response)


def test_wrong_namespace_names_the_namespace(client: Client) -> None:
    body = '<Echo xmlns="urn:other"><Message>x</Message></Echo>'
    assert "in namespace 'urn:other'" in fault_string(post(client, envelope(body), action=None))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<e:Echo><e:Message>hi</e:Message><e:Count>abc</e:Count></e:Echo>", "Count"),
        ("<e:Echo><e:Count>1</e:Count></e:Echo>", "Message"),
        ("<e:Echo><e:Message>hi</e:Message><e:Extra/></e:Echo>", "Extra"),
    ],
    ids=["wrong type", "missing required element", "unknown element"],
)
def test_invalid_request_fault_names_path_and_reason(client: Client, body: str, expected: str) -> None:
    response = post(client, envelope(body))
    root = etree.fromstring(response.data)
    assert root.findtext(f".//{{{SOAP11}}}Fault/faultcode") == "s:Client"
    violation = root.find(f".//{{{ns.MOCK}}}Violation")
    assert violation is not None
    assert violation.findtext(f"{{{ns.MOCK}}}Path", "").startswith("/")
    assert expected in fault_string(response)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<s:Envelope", "Malformed XML"),
        (b"", "empty"),
        (b"\xff\xfe<bad/>", "Malformed XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            b'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>&b;</s:Body></s:Envelope>',
            "document type declaration",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>&e;</s:Body></s:Envelope>',
            "document type declaration",
        ),
        (b"<notsoap/>", "SOAP 1.1 Envelope was expected"),
        (envelope(""), "exactly one element"),
    ],
    ids=["truncated", "empty", "invalid utf-8", "billion laughs", "external entity", "not an envelope", "empty body"],
)
def test_hostile_or_broken_input_gets_a_fault_naming_it(client: Client, data: bytes, expected: str) -> None:
    response = post(client, data)
    assert response.status_code == 500
    assert expected in fault_string(response)


def test_a_syntax_error_names_its_position_once(client: Client) -> None:
    reason = fault_string(post(client, b"<a><b></a>"))
    assert reason == "Malformed XML: Opening and ending tag mismatch: b line 1 and a (line 1, column 10)."


def test_oversized_body_is_refused_before_parsing(client: Client) -> None:
    endpoint = client.application
    assert isinstance(endpoint, SoapEndpoint)
    endpoint.max_request_bytes = 100
    response = post(client, envelope("<e:Echo><e:Message>" + "x" * 200 + "</e:Message></e:Echo>"))
    assert "exceeds the limit of 100 bytes" in fault_string(response)


def test_soap12_envelope_on_a_soap11_endpoint_is_a_version_mismatch(client: Client) -> None:
    response = post(client, envelope(ECHO_BODY, SOAP12), content_type="application/soap+xml")
    root = etree.fromstring(response.data)
    assert root.findtext(f".//{{{SOAP11}}}Fault/faultcode") == "s:VersionMismatch"


def test_wrong_content_type_is_refused_with_415_and_a_fault(client: Client) -> None:
    response = post(client, envelope(ECHO_BODY), content_type="application/json")
    assert response.status_code == 415
    assert "is not 'text/xml'" in fault_string(response)


def test_soap12_endpoint_answers_soap12_faults_and_content_type() -> None:
    client = make_client("12")
    ok = client.post(
        "/e",
        data=envelope(ECHO_BODY, SOAP12),
        headers={"Content-Type": 'application/soap+xml; charset=utf-8; action="urn:echo/Echo"'},
    )
    assert ok.status_code == 200
    assert ok.headers["Content-Type"] == "application/soap+xml; charset=utf-8"
    bad = client.post("/e", data=envelope("<e:Echo/>", SOAP12), headers={"Content-Type": "application/soap+xml"})
    root = etree.fromstring(bad.data)
    assert root.findtext(f".//{{{SOAP12}}}Code/{{{SOAP12}}}Value") == "s:Sender"
    assert "Message" in (root.findtext(f".//{{{SOAP12}}}Reason/{{{SOAP12}}}Text") or "")


def test_handler_crash_is_a_server_fault_with_an_incident_id() -> None:
    def crash(request: etree._Element, ctx: RequestContext) -> etree._Element:
        raise RuntimeError("boom")

    response = post(make_client(ping_handler=crash), envelope("<e:Ping/>"), action="urn:echo/Ping")
    assert response.status_code == 500
    assert "incident" in fault_string(response)
    assert "boom" not in response.get_data(as_text=True)


def test_response_violating_the_contract_is_reported_as_a_mock_bug() -> None:
    def wrong(request: etree._Element, ctx: RequestContext) -> etree._Element:
        return etree.Element(f"{{{ECHO}}}EchoResponse")  # Message is required

    response = post(make_client(ping_handler=wrong), envelope("<e:Ping/>"), action="urn:echo/Ping")
    root = etree.fromstring(response.data)
    assert root.findtext(f".//{{{SOAP11}}}Fault/faultcode") == "s:Server"
    assert "violates its own contract" in fault_string(response)


def test_wsdl_is_served_with_the_address_the_client_used(client: Client) -> None:
    response = client.get("/echo?wsdl", base_url="http://mock.example:9000/")
    wsdl = etree.fromstring(response.data)
    address = wsdl.find(f".//{{{ns.WSDL_SOAP_11}}}address")
    assert address is not None
    assert address.get("location") == "http://mock.example:9000/echo"
    imports = [i.get("schemaLocation") for i in wsdl.iter(f"{{{ns.XSD}}}import")]
    assert imports == ["http://mock.example:9000/echo?xsd=xsd0"]  # WCF's names, in the WSDL's import order
    xsd = client.get("/echo?xsd=xsd0")
    assert xsd.status_code == 200
    assert etree.fromstring(xsd.data).get("targetNamespace") == ECHO
    assert client.get("/echo?xsd=echo").status_code == 404
    assert client.get("/echo?xsd=xsd1").status_code == 404


def test_single_wsdl_carries_every_schema_inline(client: Client) -> None:
    """WCF's ?singleWsdl (and every ASMX ?wsdl): the schemas in wsdl:types, their imports naming namespaces only."""
    wsdl = etree.fromstring(client.get("/echo?singleWsdl", base_url="http://mock.example:9000/").data)
    schemas = wsdl.findall(f"{{{ns.WSDL}}}types/{{{ns.XSD}}}schema")
    assert [schema.get("targetNamespace") for schema in schemas] == [ECHO]
    assert schemas[0].find(f"{{{ns.XSD}}}element") is not None
    assert not [i for i in wsdl.iter(f"{{{ns.XSD}}}import") if i.get("schemaLocation")]


def test_other_methods_are_refused(client: Client) -> None:
    assert client.put("/echo").status_code == 405


def test_mustunderstand_header_the_endpoint_does_not_process_is_a_fault(client: Client) -> None:
    data = (
        f'<s:Envelope xmlns:s="{SOAP11}" xmlns:e="{ECHO}"><s:Header>'
        f'<x:Secret xmlns:x="urn:x" s:mustUnderstand="1"/></s:Header><s:Body>{ECHO_BODY}</s:Body></s:Envelope>'
    ).encode()
    response = post(client, data)
    root = etree.fromstring(response.data)
    assert root.findtext(f".//{{{SOAP11}}}Fault/faultcode") == "s:MustUnderstand"
    assert "Secret" in fault_string(response)


def test_optional_headers_are_ignored(client: Client) -> None:
    data = (
        f'<s:Envelope xmlns:s="{SOAP11}" xmlns:e="{ECHO}"><s:Header><x:Hint xmlns:x="urn:x"/></s:Header>'
        f"<s:Body>{ECHO_BODY}</s:Body></s:Envelope>"
    ).encode()
    assert post(client, data).status_code == 200


@pytest.mark.parametrize("query", ["wsdl", "WSDL", "singleWsdl"])
def test_the_wsdl_query_is_case_insensitive_as_on_iis(client: Client, query: str) -> None:
    answer = client.get(f"/e?{query}")
    assert answer.status_code == 200
    assert b"definitions" in answer.data


@pytest.mark.parametrize("version", [SOAP_11, SOAP_12], ids=["1.1", "1.2"])
def test_a_fault_with_a_subcode_names_it_in_the_versions_place(version: SoapVersion) -> None:
    """SOAP 1.2 nests the subcode under the code; 1.1 has none, so the subcode is the faultcode (as WCF writes it)."""
    fault = version.fault(SoapFault("unreadable", subcode=etree.QName("urn:dispatcher", "DeserializationFailed")))
    if version is SOAP_11:
        code = fault.find("faultcode")
    else:
        assert fault.findtext(f"{{{SOAP12}}}Code/{{{SOAP12}}}Value") == "s:Sender"
        code = fault.find(f"{{{SOAP12}}}Code/{{{SOAP12}}}Subcode/{{{SOAP12}}}Value")
    assert code is not None
    assert code.text is not None
    prefix, _, local = code.text.partition(":")
    assert (code.nsmap[prefix], local) == ("urn:dispatcher", "DeserializationFailed")
