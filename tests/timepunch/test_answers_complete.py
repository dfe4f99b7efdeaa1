"""The Sync Service's answers come out whole: ``DataContracts.write`` writes every nillable member,
nil where it has no value, so the endpoint has nothing to complete (and does not try)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree
from werkzeug.test import Client

from mockserver.app import MockServer
from mockserver.soap import datacontract, ns
from mockserver.soap.contract import load_contract
from mockserver.timepunch import sync

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "timepunch" / "examples").glob("*.request.xml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.name.split(".")[0] for path in EXAMPLES])
def test_completing_an_answer_adds_nothing(mock_app: MockServer, example: Path) -> None:
    answer = Client(mock_app).post(
        sync.ENDPOINT_PATH, data=example.read_bytes(), headers={"Content-Type": "application/soap+xml"}
    )
    body = etree.fromstring(answer.data).find(f"{{{ns.SOAP_ENV_12}}}Body/*")
    assert body is not None
    as_answered, completed = copy.deepcopy(body), copy.deepcopy(body)
    datacontract.of(load_contract(sync.CONTRACT_PATH)).complete(completed)
    assert etree.tostring(completed) == etree.tostring(as_answered)
