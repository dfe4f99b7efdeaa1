"""A strict zeep client of one service, built from the WSDL the mock serves, run by the installed wheel's
interpreter (zeep comes with the contract-test extra). Usage: python calls.py pws|ops|tpsync WSDL_URL.

Prints the answers as JSON; a SOAP fault raises. zeep reads the SOAP version from the binding and, for an
operation whose input names a wsaw:Action, adds the WS-Addressing headers itself: TimePunch needs nothing
set by hand (zeep.wsa.WsAddressingPlugin on top would send every addressing header twice).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from typing import Any

import zeep
from zeep.helpers import serialize_object
from zeep.plugins import HistoryPlugin

WSA = "{http://www.w3.org/2005/08/addressing}"


def client(wsdl: str, *plugins: Any) -> zeep.Client:
    return zeep.Client(wsdl, settings=zeep.Settings(strict=True), plugins=list(plugins))


def pws(wsdl: str) -> dict[str, Any]:
    """Projector PWS: a login, then a save of one card with its SessionTicket."""
    service = client(wsdl).service
    login = service.PwsAuthenticate(
        serviceRequest={"AccountCode": "DEMO", "UserName": "e123@example.com", "Password": "e123-password"}
    )
    card = {
        "TimecardType": "T",
        "ProjectIdentity": {"ProjectCode": "P001396-001"},
        "WorkDate": "2018-03-09T00:00:00Z",
        "WorkMinutes": 60,
    }
    saved = service.PwsSaveTimeCards(
        serviceRequest={
            "SessionTicket": login.SessionTicket,
            "StartDate": "2018-03-01T00:00:00Z",
            "EndDate": "2018-03-31T00:00:00Z",
            "ResourceIdentity": {"ResourceReferenceSystemId": "E123"},
            "SaveTimeCards": {"PwsTimecardDetail": [card]},
        }
    )
    return {"login": serialize_object(login, dict), "saved": serialize_object(saved, dict)}


def ops(wsdl: str) -> dict[str, Any]:
    """Projector Ops: the credentials travel in the OpsAuthenticationHeader the WSDL declares."""
    ops_client = client(wsdl)
    ops_client.set_default_soapheaders(
        {"OpsAuthenticationHeader": {"EmailAddress": "api.admin@example.com", "Password": "demo-password"}}
    )
    return {"batch": serialize_object(ops_client.service.OpsOpenTimeCardBatch(request={}), dict)}


def tpsync(wsdl: str) -> dict[str, Any]:
    """TimePunch: the profiles, and the WS-Addressing headers zeep sent (read back from its history)."""
    history = HistoryPlugin()
    authentication = {
        "CustomerToken": "default_timepunch",
        "TpUser": "ralf.herrmann",
        "TpHashedPwd": hashlib.md5(b"tpdemo").hexdigest().upper(),
    }
    profiles = client(wsdl, history).service.GetUseableSyncUserProfiles(authentication=authentication)
    header = history.last_sent["envelope"][0]
    sent = [element.tag.removeprefix(WSA) for element in header if element.tag.startswith(WSA)]
    return {"profiles": serialize_object(profiles, dict), "addressing": sent}


CALLS: dict[str, Callable[[str], dict[str, Any]]] = {"pws": pws, "ops": ops, "tpsync": tpsync}

if __name__ == "__main__":
    service, wsdl = sys.argv[1:]
    print(json.dumps(CALLS[service](wsdl), default=str))
