"""WS-Addressing on the TimePunch endpoint: routing by wsa:Action, RelatesTo, the defined faults."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from werkzeug.test import Client

from mockserver.app import MockServer
from mockserver.soap import ns
from mockserver.timepunch import sync

EXAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "timepunch" / "examples" / "GetDeviceInfo.request.xml"
SOAP12 = ns.SOAP_ENV_12


def post(app: MockServer, body: str) -> etree._Element:
    answer = Client(app).post(sync.ENDPOINT_PATH, data=body, headers={"Content-Type": "application/soap+xml"})
    assert answer.headers["Content-Type"].startswith("application/soap+xml")
    return etree.fromstring(answer.data)


def fault_subcode(root: etree._Element) -> str:
    return root.findtext(f".//{{{SOAP12}}}Subcode/{{{SOAP12}}}Value") or ""


def test_reply_carries_the_reply_action_and_relates_to_the_message_id(mock_app: MockServer) -> None:
    body = EXAMPLE.read_text(encoding="utf-8")
    message_id = re.search(r"<a:MessageID>([^<]+)</a:MessageID>", body)
    assert message_id is not None
    root = post(mock_app, body)
    assert root.findtext(f".//{{{ns.WSA}}}Action") == "http://tempuri.org/ISyncService/GetDeviceInfoResponse"
    assert root.findtext(f".//{{{ns.WSA}}}RelatesTo") == message_id[1]


def test_a_request_without_action_is_refused(mock_app: MockServer) -> None:
    body = re.sub(r"<a:Action[^>]*>[^<]*</a:Action>", "", EXAMPLE.read_text(encoding="utf-8"))
    root = post(mock_app, body)
    assert root.findtext(f".//{{{SOAP12}}}Code/{{{SOAP12}}}Value") == "s:Sender"
    assert fault_subcode(root).endswith(":MessageAddressingHeaderRequired")
    assert root.findtext(f".//{{{ns.WSA}}}Action") == "http://www.w3.org/2005/08/addressing/fault"


@pytest.mark.parametrize(
    "action",
    ["http://tempuri.org/ISyncService/Nothing", "http://tempuri.org/ISyncService/GetClientInfo"],
    ids=["unknown action", "action of another operation"],
)
def test_an_action_the_body_does_not_match_is_not_supported(mock_app: MockServer, action: str) -> None:
    body = re.sub(r"(<a:Action[^>]*>)[^<]*(</a:Action>)", rf"\g<1>{action}\g<2>", EXAMPLE.read_text(encoding="utf-8"))
    root = post(mock_app, body)
    assert fault_subcode(root).endswith(":ActionNotSupported")
    assert action in (root.findtext(f".//{{{SOAP12}}}Text") or "")


def test_a_soap11_envelope_is_a_version_mismatch(mock_app: MockServer) -> None:
    body = (
        f'<s:Envelope xmlns:s="{ns.SOAP_ENV_11}"><s:Body><GetDeviceInfo xmlns="http://tempuri.org/"/></s:Body>'
        "</s:Envelope>"
    )
    root = post(mock_app, body)
    assert root.findtext(f".//{{{SOAP12}}}Code/{{{SOAP12}}}Value") == "s:VersionMismatch"
