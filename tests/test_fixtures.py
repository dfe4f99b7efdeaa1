"""Datasets and what a tenant starts with: the default dataset is the same for a seed, a user's JSON dataset
is served as it is, and `serve --no-rate-limits` starts every tenant with the rate limiter off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from werkzeug.test import Client

from mockserver import fixtures, serving
from mockserver.app import create_app
from mockserver.cli import main
from mockserver.contract_suite.actions import soap11_headers
from mockserver.projector import pws
from mockserver.settings import Settings


def test_the_same_seed_builds_the_same_dataset() -> None:
    assert fixtures.projector_dataset(7) == fixtures.projector_dataset(7)
    assert fixtures.projector_dataset(7) != fixtures.projector_dataset(8)


def test_the_vendor_examples_entities_are_in_every_seed() -> None:
    dataset = fixtures.projector_dataset(12345)
    assert "E123" in {r["reference_system_id"] for r in dataset["pr_resource"]}
    assert {"P001396-001", "P001556-001"} <= {p["code"] for p in dataset["pr_project"]}
    assert 1152921504609525049 in {r["uid"] for r in dataset["pr_role"]}


def test_seed_writes_a_dataset_that_serve_loads(tmp_path: Path) -> None:
    path = tmp_path / "dataset.json"
    main(["seed", "--output", str(path)])
    dataset = json.loads(path.read_text(encoding="utf-8"))
    dataset["pr_account"][0]["code"] = "EDITED"
    path.write_text(json.dumps(dataset), encoding="utf-8")
    client = Client(create_app(Settings(dataset=path)))
    envelope = (
        '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
        'xmlns:p="http://projectorpsa.com/PwsProjectorServices/" '
        'xmlns:r="http://projectorpsa.com/DataContracts/Requests/"><s:Body><p:PwsAuthenticate><p:serviceRequest>'
        "<r:AccountCode>EDITED</r:AccountCode><r:Password>e123-password</r:Password>"
        "<r:UserName>e123@example.com</r:UserName></p:serviceRequest></p:PwsAuthenticate></s:Body></s:Envelope>"
    )
    answer = client.post(pws.ENDPOINT_PATH, data=envelope, headers=soap11_headers(envelope, "text/xml"))
    assert b"<c:Status>Ok</c:Status>" in answer.data


def test_an_unknown_path_lists_the_endpoints() -> None:
    answer = Client(create_app()).get("/nope")
    assert answer.status_code == 404
    assert pws.ENDPOINT_PATH.encode() in answer.data


def test_endpoint_paths_match_without_regard_to_case() -> None:
    answer = Client(create_app()).get(pws.ENDPOINT_PATH.lower() + "?wsdl")
    assert answer.status_code == 200


def test_the_kept_default_dataset_is_what_the_default_seed_builds() -> None:
    """fixtures/default-dataset.json spares a start faker; regenerate it with `mockserver seed --output ...`."""
    kept = json.loads(fixtures.DEFAULT_DATASET_FILE.read_text(encoding="utf-8"))
    assert kept == json.loads(json.dumps(fixtures.build_dataset()))


def test_serve_without_rate_limits_starts_every_new_tenant_with_the_limiter_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    served: list[Settings] = []
    monkeypatch.setattr(serving, "serve_threaded", lambda settings, *rest: served.append(settings))
    main(["serve", "--no-rate-limits"])
    main(["serve"])
    assert [settings.rate_limits for settings in served] == [False, True]
    client = Client(create_app(served[0]))
    for tenant in ("first", "second"):
        assert client.get(f"/__admin/tenants/{tenant}/projector/rate-limits").status_code == 404  # not yet made
        client.post("/__admin/tenants", json={"name": tenant})
        assert client.get(f"/__admin/tenants/{tenant}/projector/rate-limits").get_json()["enabled"] is False
