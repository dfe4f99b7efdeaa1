"""The admin API under /__admin: tenants, snapshots, datasets, clock, request journal, fault rules, Projector's
rate limiter, TimePunch's cloud.

In-process through werkzeug's test client, each test in its own tenant; only the dropped connection needs
real HTTP (`python -m mockserver serve` in a subprocess).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import requests
from lxml import etree
from support.served import served
from werkzeug.test import Client, TestResponse

from mockserver.app import MockServer, create_app
from mockserver.contract_suite.actions import soap11_headers
from mockserver.projector import ops, pws
from mockserver.settings import Settings
from mockserver.timepunch import sync

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PWS_EXAMPLES = FIXTURES / "projector" / "examples"
OPS_EXAMPLES = FIXTURES / "projector-ops" / "examples"
TIMEPUNCH_EXAMPLES = FIXTURES / "timepunch" / "examples"

SOAP12 = {"Content-Type": "application/soap+xml; charset=utf-8"}

PWS_LOGIN = (
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
    'xmlns:p="http://projectorpsa.com/PwsProjectorServices/" '
    'xmlns:r="http://projectorpsa.com/DataContracts/Requests/"><s:Body><p:PwsAuthenticate><p:serviceRequest>'
    "<r:AccountCode>{account}</r:AccountCode><r:Password>e123-password</r:Password>"
    "<r:UserName>e123@example.com</r:UserName></p:serviceRequest></p:PwsAuthenticate></s:Body></s:Envelope>"
)
"""A PwsAuthenticate of the dataset's user e123 (as tests/test_fixtures.py sends it)."""
PWS_CONTRACT_VIOLATION = PWS_LOGIN.format(account="DEMO").replace(
    "<r:AccountCode>", "<r:RequestId>one</r:RequestId><r:AccountCode>"
)
"""A PwsAuthenticate the contract rejects, and WCF too: a RequestId that is not a number."""


# -- helpers ----------------------------------------------------------------------------------------


def example(directory: Path, operation: str) -> bytes:
    return (directory / f"{operation}.request.xml").read_bytes()


def pws_call(client: Client, tenant: str, body: bytes | str | None = None) -> TestResponse:
    """A PWS call (by default the vendor's PwsAuthenticate example) in the tenant's URL space."""
    data = example(PWS_EXAMPLES, "PwsAuthenticate") if body is None else body
    return client.post(f"/tenants/{tenant}{pws.ENDPOINT_PATH}", data=data, headers=soap11_headers(data))


def ops_call(client: Client, tenant: str, body: bytes | None = None) -> TestResponse:
    data = example(OPS_EXAMPLES, "OpsOpenTimeCardBatch") if body is None else body
    return client.post(f"/tenants/{tenant}{ops.ENDPOINT_PATH}", data=data, headers=soap11_headers(data))


def timepunch_call(client: Client, tenant: str, body: bytes | None = None) -> TestResponse:
    data = example(TIMEPUNCH_EXAMPLES, "SearchProjectsForSynchronisation") if body is None else body
    return client.post(f"/tenants/{tenant}{sync.ENDPOINT_PATH}", data=data, headers=SOAP12)


def pws_login(client: Client, tenant: str, account: str = "DEMO") -> TestResponse:
    return pws_call(client, tenant, PWS_LOGIN.format(account=account))


def xml(response: TestResponse) -> etree._Element:
    return etree.fromstring(response.data)


def texts(root: etree._Element, name: str) -> list[str]:
    """The text of every element named ``name`` (local name, any namespace)."""
    return [element.text or "" for element in root.iter() if etree.QName(element).localname == name]


def text(root: etree._Element, name: str) -> str:
    found = texts(root, name)
    assert found, f"no {name} in {etree.tostring(root)[:300]!r}"
    return found[0]


def pws_timestamp(response: TestResponse) -> datetime:
    return datetime.fromisoformat(text(xml(response), "ServerTimestampUtc").replace("Z", "+00:00"))


def journal(client: Client, **filters: str) -> list[dict[str, Any]]:
    answer = client.get("/__admin/requests", query_string=filters)
    assert answer.status_code == 200, answer.text
    body = answer.get_json()
    assert body["meta"]["total"] == len(body["requests"])
    return list(body["requests"])


def last_entry(client: Client, tenant: str) -> dict[str, Any]:
    return journal(client, tenant=tenant)[-1]


def add_rule(client: Client, tenant: str, **spec: Any) -> dict[str, Any]:
    answer = client.post(f"/__admin/tenants/{tenant}/faults", json=spec)
    assert answer.status_code == 201, answer.text
    return dict(answer.get_json())


def rules(client: Client, tenant: str) -> list[dict[str, Any]]:
    answer = client.get(f"/__admin/tenants/{tenant}/faults")
    assert answer.status_code == 200, answer.text
    body = answer.get_json()
    assert body["meta"]["total"] == len(body["faults"])
    return list(body["faults"])


def snapshot(client: Client, tenant: str) -> dict[str, list[dict[str, Any]]]:
    answer = client.get(f"/__admin/tenants/{tenant}/snapshot")
    assert answer.status_code == 200, answer.text
    return dict(answer.get_json())


def create_tenant(client: Client, tenant: str) -> None:
    answer = client.post("/__admin/tenants", json={"name": tenant})
    assert answer.status_code in (200, 201), answer.text


def freeze(client: Client, tenant: str, instant: str) -> None:
    answer = client.put(f"/__admin/tenants/{tenant}/clock", json={"now": instant})
    assert answer.status_code == 200, answer.text


def assert_admin_error(answer: TestResponse, status: int, pointer: str | None = None) -> dict[str, Any]:
    """WireMock's error shape: {"errors": [{"code", "title", "detail", "source": {"pointer"}}]}."""
    assert answer.status_code == status, answer.text
    assert answer.mimetype == "application/json"
    (error,) = answer.get_json()["errors"]
    assert error["code"] == status
    assert isinstance(error["title"], str)
    assert error["title"]
    assert isinstance(error["detail"], str)
    assert error["detail"]
    if pointer is not None:
        assert error["source"] == {"pointer": pointer}
    return dict(error)


def assert_soap11_server_fault(answer: TestResponse, status: int) -> str:
    """The faultstring of a SOAP 1.1 Server fault answered with ``status``."""
    assert answer.status_code == status, answer.text
    fault = xml(answer)
    assert text(fault, "faultcode") == "s:Server"
    return text(fault, "faultstring")


@pytest.fixture
def admin(mock_app: MockServer) -> Client:
    return Client(mock_app)


@pytest.fixture
def other_tenant(tenant_name: str) -> str:
    return f"{tenant_name}-other"


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    """A server of this module's own (its journal must hold only this module's calls)."""
    with served() as url:
        yield url


# -- server -----------------------------------------------------------------------------------------


def test_health_is_healthy_and_lists_every_endpoint_and_the_store(admin: Client, mock_app: MockServer) -> None:
    store = mock_app.settings.store  # these tests also run on the PostgreSQL store (tests/store)
    answer = admin.get("/__admin/health")
    assert answer.status_code == 200
    assert answer.get_json() == {
        "status": "healthy",
        "endpoints": [pws.ENDPOINT_PATH, ops.ENDPOINT_PATH, sync.ENDPOINT_PATH],
        "store": {"kind": "postgresql", "where": store, "reachable": True}
        if store
        else {"kind": "sqlite", "where": "memory", "reachable": True},
    }


def test_version_is_the_installed_package_version(admin: Client) -> None:
    answer = admin.get("/__admin/version")
    assert answer.status_code == 200
    assert answer.get_json() == {"version": metadata.version("timecard-mockserver")}


# -- tenants ----------------------------------------------------------------------------------------


def test_creating_a_tenant_is_201_then_200_once_it_exists(admin: Client, tenant_name: str) -> None:
    created = admin.post("/__admin/tenants", json={"name": tenant_name})
    assert created.status_code == 201
    assert created.get_json() == {"name": tenant_name}
    again = admin.post("/__admin/tenants", json={"name": tenant_name})
    assert again.status_code == 200
    assert again.get_json() == {"name": tenant_name}


@pytest.mark.parametrize("name", ["-starts-with-a-dash", "has space", "", "x" * 65, 42, None])
def test_an_invalid_tenant_name_is_422_pointing_at_name(admin: Client, name: Any) -> None:
    answer = admin.post("/__admin/tenants", json={"name": name})
    assert_admin_error(answer, 422, "/name")


def test_the_tenant_list_names_every_tenant_with_its_total(admin: Client, tenant_name: str, other_tenant: str) -> None:
    for name in (tenant_name, other_tenant):
        create_tenant(admin, name)
    answer = admin.get("/__admin/tenants")
    assert answer.status_code == 200
    body = answer.get_json()
    names = [tenant["name"] for tenant in body["tenants"]]
    assert {tenant_name, other_tenant} <= set(names)
    assert body["meta"] == {"total": len(names)}


def test_resetting_a_tenant_puts_back_the_dataset(admin: Client, tenant_name: str) -> None:
    create_tenant(admin, tenant_name)
    cards_before = snapshot(admin, tenant_name)["pr_time_card"]
    ticket = text(xml(pws_login(admin, tenant_name)), "SessionTicket")
    save = example(PWS_EXAMPLES, "PwsSaveTimeCards").decode().replace("AUtZcJgtdfVGhgjNekiP9w==", ticket)
    saved = pws_call(admin, tenant_name, save)
    assert text(xml(saved), "Status") == "Ok"
    new_uid = int(text(xml(saved), "TimecardUid"))
    assert new_uid in {card["uid"] for card in snapshot(admin, tenant_name)["pr_time_card"]}

    answer = admin.post(f"/__admin/tenants/{tenant_name}/reset")

    assert answer.status_code == 200
    assert answer.get_json() == {"name": tenant_name}
    after = snapshot(admin, tenant_name)
    assert after["pr_time_card"] == cards_before
    assert after["pr_session"] == []
    assert after["mock_journal"] == []


def test_deleting_a_tenant_is_204_then_404_in_wiremocks_error_shape(admin: Client, tenant_name: str) -> None:
    create_tenant(admin, tenant_name)
    deleted = admin.delete(f"/__admin/tenants/{tenant_name}")
    assert deleted.status_code == 204
    assert deleted.data == b""
    assert tenant_name not in [tenant["name"] for tenant in admin.get("/__admin/tenants").get_json()["tenants"]]
    assert_admin_error(admin.delete(f"/__admin/tenants/{tenant_name}"), 404)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/__admin/tenants/{t}/reset", None),
        ("GET", "/__admin/tenants/{t}/snapshot", None),
        ("GET", "/__admin/tenants/{t}/clock", None),
        ("POST", "/__admin/tenants/{t}/clock/advance", {"seconds": 1}),
        ("POST", "/__admin/tenants/{t}/clock/run", None),
        ("GET", "/__admin/tenants/{t}/faults", None),
        ("DELETE", "/__admin/tenants/{t}/faults", None),
        ("DELETE", "/__admin/tenants/{t}/faults/1", None),
        ("POST", "/__admin/tenants/{t}/timepunch/cloud", {"device": "Ralf iPhone", "entry": {}}),
        ("GET", "/__admin/requests?tenant={t}", None),
        ("DELETE", "/__admin/requests?tenant={t}", None),
    ],
)
def test_an_unknown_tenant_is_404(
    admin: Client, tenant_name: str, method: str, path: str, body: dict[str, Any] | None
) -> None:
    answer = admin.open(path.format(t=tenant_name), method=method, json=body)
    error = assert_admin_error(answer, 404)
    assert tenant_name in error["detail"]
    assert tenant_name not in [tenant["name"] for tenant in admin.get("/__admin/tenants").get_json()["tenants"]]


# -- snapshots and datasets -------------------------------------------------------------------------


def test_a_snapshot_imported_into_another_tenant_exports_exactly_the_same(
    admin: Client, tenant_name: str, other_tenant: str
) -> None:
    freeze(admin, tenant_name, "2024-03-01T12:00:00Z")
    pws_login(admin, tenant_name)
    pws_call(admin, tenant_name, PWS_CONTRACT_VIOLATION)
    add_rule(admin, tenant_name, kind="delay", ms=1, operation="PwsGetTimeCards", count=3)
    exported = snapshot(admin, tenant_name)
    assert len(exported["mock_journal"]) == 2
    assert exported["clock"][0]["frozen_at"] == "2024-03-01T12:00:00+00:00"
    assert len(exported["pr_session"]) == 1

    imported = admin.put(f"/__admin/tenants/{other_tenant}/snapshot", json=exported)

    assert imported.status_code == 200
    assert imported.get_json() == {"name": other_tenant}
    assert snapshot(admin, other_tenant) == exported
    assert admin.get(f"/__admin/tenants/{other_tenant}/clock").get_json() == {
        "now": "2024-03-01T12:00:00+00:00",
        "frozen": True,
    }
    assert [entry["operation"] for entry in journal(admin, tenant=other_tenant)] == ["PwsAuthenticate"] * 2


@pytest.mark.parametrize("resource", ["snapshot", "dataset"])
@pytest.mark.parametrize(
    "body",
    [{"no_such_table": []}, {"pr_account": [{"no_such_column": 1}]}, {"pr_account": "not a list of rows"}],
)
def test_an_invalid_snapshot_or_dataset_is_422_and_changes_nothing(
    admin: Client, tenant_name: str, resource: str, body: dict[str, Any]
) -> None:
    create_tenant(admin, tenant_name)
    before = snapshot(admin, tenant_name)
    assert_admin_error(admin.put(f"/__admin/tenants/{tenant_name}/{resource}", json=body), 422)
    assert snapshot(admin, tenant_name) == before


@pytest.mark.parametrize("resource", ["snapshot", "dataset"])
def test_an_unknown_table_or_column_is_named_as_the_command_line_names_it(
    admin: Client, tenant_name: str, resource: str
) -> None:
    create_tenant(admin, tenant_name)
    url = f"/__admin/tenants/{tenant_name}/{resource}"
    table = assert_admin_error(admin.put(url, json={"pr_cardz": []}), 422)["detail"]
    assert table.startswith("unknown table 'pr_cardz' (tables: ")
    column = assert_admin_error(admin.put(url, json={"pr_user": [{"passwd": "x"}]}), 422)["detail"]
    assert column.startswith("table 'pr_user' has no column 'passwd' (columns: ")


def test_putting_a_dataset_replaces_the_vendor_data_and_keeps_journal_and_clock(
    admin: Client, tenant_name: str
) -> None:
    freeze(admin, tenant_name, "2024-03-01T12:00:00Z")
    assert text(xml(pws_login(admin, tenant_name)), "Status") == "Ok"
    state = snapshot(admin, tenant_name)
    dataset = {table: rows for table, rows in state.items() if table.startswith(("pr_", "ops_", "tp_"))}
    dataset["pr_session"] = []
    for account in dataset["pr_account"]:
        if account["code"] == "DEMO":
            account["code"] = "EDITED"

    answer = admin.put(f"/__admin/tenants/{tenant_name}/dataset", json=dataset)

    assert answer.status_code == 200
    assert answer.get_json() == {"name": tenant_name}
    after = snapshot(admin, tenant_name)
    assert after["pr_session"] == []
    assert after["mock_journal"] == state["mock_journal"]
    assert after["clock"] == state["clock"]
    assert text(xml(pws_login(admin, tenant_name, "EDITED")), "Status") == "Ok"
    assert text(xml(pws_login(admin, tenant_name, "DEMO")), "Status") == "Fail"
    assert len(journal(admin, tenant=tenant_name)) == 3


# -- clock ------------------------------------------------------------------------------------------


def test_a_frozen_clock_is_the_server_timestamp_of_a_pws_answer(admin: Client, tenant_name: str) -> None:
    answer = admin.put(f"/__admin/tenants/{tenant_name}/clock", json={"now": "2024-03-01T12:00:00Z"})
    assert answer.status_code == 200
    assert answer.get_json() == {"now": "2024-03-01T12:00:00+00:00", "frozen": True}
    assert admin.get(f"/__admin/tenants/{tenant_name}/clock").get_json() == answer.get_json()
    assert pws_timestamp(pws_login(admin, tenant_name)) == datetime(2024, 3, 1, 12, tzinfo=UTC)


def test_advancing_a_frozen_clock_moves_it_by_the_seconds_given(admin: Client, tenant_name: str) -> None:
    freeze(admin, tenant_name, "2024-03-01T12:00:00Z")
    answer = admin.post(f"/__admin/tenants/{tenant_name}/clock/advance", json={"seconds": 90})
    assert answer.status_code == 200
    assert answer.get_json() == {"now": "2024-03-01T12:01:30+00:00", "frozen": True}
    assert pws_timestamp(pws_login(admin, tenant_name)) == datetime(2024, 3, 1, 12, 1, 30, tzinfo=UTC)


def test_running_the_clock_follows_system_time_again(admin: Client, tenant_name: str) -> None:
    freeze(admin, tenant_name, "2024-03-01T12:00:00Z")
    answer = admin.post(f"/__admin/tenants/{tenant_name}/clock/run")
    assert answer.status_code == 200
    body = answer.get_json()
    assert body["frozen"] is False
    assert abs(datetime.fromisoformat(body["now"]) - datetime.now(UTC)) < timedelta(seconds=5)
    assert abs(pws_timestamp(pws_login(admin, tenant_name)) - datetime.now(UTC)) < timedelta(seconds=5)


@pytest.mark.parametrize("body", [{"now": "not an instant"}, {"now": "2024-13-01T00:00:00Z"}, {"now": 42}, {}])
def test_a_bad_instant_is_422_pointing_at_now(admin: Client, tenant_name: str, body: dict[str, Any]) -> None:
    assert_admin_error(admin.put(f"/__admin/tenants/{tenant_name}/clock", json=body), 422, "/now")


@pytest.mark.parametrize("body", [{"seconds": "90"}, {}])
def test_advancing_by_anything_but_a_number_is_422_pointing_at_seconds(
    admin: Client, tenant_name: str, body: dict[str, Any]
) -> None:
    create_tenant(admin, tenant_name)
    answer = admin.post(f"/__admin/tenants/{tenant_name}/clock/advance", json=body)
    assert_admin_error(answer, 422, "/seconds")


# -- request journal --------------------------------------------------------------------------------


def test_a_valid_call_is_journalled_with_its_request_response_and_timing(admin: Client, tenant_name: str) -> None:
    freeze(admin, tenant_name, "2024-03-01T12:00:00Z")
    request = PWS_LOGIN.format(account="DEMO")
    answer = pws_call(admin, tenant_name, request)

    (entry,) = journal(admin, tenant=tenant_name)

    assert entry["tenant"] == tenant_name
    assert entry["loggedDate"] == "2024-03-01T12:00:00.000000+00:00"
    assert entry["url"].endswith(pws.ENDPOINT_PATH)
    assert entry["method"] == "POST"
    assert entry["operation"] == "PwsAuthenticate"
    assert entry["verdict"] == "ok"
    assert entry["status"] == 200
    assert isinstance(entry["durationMs"], int | float)
    assert entry["durationMs"] > 0
    assert entry["body"] == request
    assert entry["response"] == answer.text
    assert entry["violations"] == []


def test_a_contract_violation_is_journalled_as_a_client_fault_with_its_violations(
    admin: Client, tenant_name: str
) -> None:
    answer = pws_call(admin, tenant_name, PWS_CONTRACT_VIOLATION)
    assert answer.status_code == 500

    (entry,) = journal(admin, tenant=tenant_name)

    assert entry["verdict"] == "client-fault"
    assert entry["status"] == 500
    assert entry["operation"] == "PwsAuthenticate"
    assert entry["response"] == answer.text
    assert len(entry["violations"]) == 1
    (violation,) = entry["violations"]
    assert set(violation) == {"path", "reason"}
    assert violation["path"] == "/p:PwsAuthenticate/p:serviceRequest/r:RequestId"
    assert "'one'" in violation["reason"]


def test_the_journal_filters_by_operation_and_verdict(admin: Client, tenant_name: str) -> None:
    pws_login(admin, tenant_name)
    pws_call(admin, tenant_name, PWS_CONTRACT_VIOLATION)
    timepunch_call(admin, tenant_name)

    by_operation = journal(admin, tenant=tenant_name, operation="PwsAuthenticate")
    assert [entry["verdict"] for entry in by_operation] == ["ok", "client-fault"]
    by_verdict = journal(admin, tenant=tenant_name, verdict="ok")
    assert [entry["operation"] for entry in by_verdict] == ["PwsAuthenticate", "SearchProjectsForSynchronisation"]
    both = journal(admin, tenant=tenant_name, operation="PwsAuthenticate", verdict="client-fault")
    assert [entry["body"] for entry in both] == [PWS_CONTRACT_VIOLATION]


def test_the_journal_filters_by_since(admin: Client, tenant_name: str) -> None:
    freeze(admin, tenant_name, "2024-03-01T12:00:00Z")
    pws_login(admin, tenant_name)
    admin.post(f"/__admin/tenants/{tenant_name}/clock/advance", json={"seconds": 60})
    timepunch_call(admin, tenant_name)

    later = journal(admin, tenant=tenant_name, since="2024-03-01T12:00:30Z")

    assert [(entry["loggedDate"], entry["operation"]) for entry in later] == [
        ("2024-03-01T12:01:00.000000+00:00", "SearchProjectsForSynchronisation")
    ]
    assert len(journal(admin, tenant=tenant_name, since="2024-03-01T11:00:00Z")) == 2
    assert journal(admin, tenant=tenant_name, since="2024-03-01T13:00:00Z") == []


@pytest.mark.parametrize(
    "since",
    [
        "2024-03-01T13:00:30+01:00",  # 12:00:30 UTC, written with an offset
        "2024-03-01T12:01:00Z",  # the same second as the entry, whose instant has a fraction
    ],
)
def test_the_since_filter_compares_instants_not_text(admin: Client, tenant_name: str, since: str) -> None:
    freeze(admin, tenant_name, "2024-03-01T12:00:00Z")
    pws_login(admin, tenant_name)
    freeze(admin, tenant_name, "2024-03-01T12:01:00.250Z")
    timepunch_call(admin, tenant_name)

    later = journal(admin, tenant=tenant_name, since=since)

    assert [entry["operation"] for entry in later] == ["SearchProjectsForSynchronisation"]


def test_without_a_tenant_filter_the_journal_spans_every_tenant(
    admin: Client, tenant_name: str, other_tenant: str
) -> None:
    pws_login(admin, tenant_name)
    timepunch_call(admin, other_tenant)
    mine = [entry for entry in journal(admin) if entry["tenant"] in (tenant_name, other_tenant)]
    assert sorted((entry["tenant"], entry["operation"]) for entry in mine) == [
        (tenant_name, "PwsAuthenticate"),
        (other_tenant, "SearchProjectsForSynchronisation"),
    ]


def test_find_answers_the_requests_its_body_matches(admin: Client, tenant_name: str) -> None:
    pws_login(admin, tenant_name)
    pws_call(admin, tenant_name, PWS_CONTRACT_VIOLATION)
    timepunch_call(admin, tenant_name)

    answer = admin.post("/__admin/requests/find", json={"tenant": tenant_name, "operation": "PwsAuthenticate"})

    assert answer.status_code == 200
    found = answer.get_json()["requests"]
    assert [(entry["operation"], entry["verdict"]) for entry in found] == [
        ("PwsAuthenticate", "ok"),
        ("PwsAuthenticate", "client-fault"),
    ]
    assert found == journal(admin, tenant=tenant_name, operation="PwsAuthenticate")


def test_count_answers_how_many_requests_match_as_wiremocks_verify(admin: Client, tenant_name: str) -> None:
    for _ in range(3):
        pws_login(admin, tenant_name)
    pws_call(admin, tenant_name, PWS_CONTRACT_VIOLATION)

    def count(**pattern: str) -> int:
        answer = admin.post("/__admin/requests/count", json={"tenant": tenant_name, **pattern})
        assert answer.status_code == 200
        return int(answer.get_json()["count"])

    assert count() == 4
    assert count(operation="PwsAuthenticate", verdict="ok") == 3
    assert count(verdict="client-fault") == 1
    assert count(operation="PwsSaveTimeCards") == 0


def test_deleting_a_tenants_requests_leaves_other_tenants_journals(
    admin: Client, tenant_name: str, other_tenant: str
) -> None:
    pws_login(admin, tenant_name)
    pws_login(admin, other_tenant)

    answer = admin.delete("/__admin/requests", query_string={"tenant": tenant_name})

    assert answer.status_code == 204
    assert journal(admin, tenant=tenant_name) == []
    assert len(journal(admin, tenant=other_tenant)) == 1
    pws_login(admin, tenant_name)
    assert len(journal(admin, tenant=tenant_name)) == 1


# -- fault rules: one per kind ----------------------------------------------------------------------


def test_a_delay_rule_holds_the_answer_back_at_least_its_milliseconds(admin: Client, tenant_name: str) -> None:
    rule = add_rule(admin, tenant_name, kind="delay", ms=150)
    assert rule == {"id": rule["id"], "operation": "*", "kind": "delay", "ms": 150, "count": None, "percentage": None}

    started = time.perf_counter()
    answer = pws_login(admin, tenant_name)
    elapsed = time.perf_counter() - started

    assert elapsed >= 0.15
    assert text(xml(answer), "Status") == "Ok"
    entry = last_entry(admin, tenant_name)
    assert entry["durationMs"] >= 150
    assert entry["verdict"] == "ok"  # the real answer, only late (as a vendor-error's answer is the service's own)


def test_a_delay_is_bounded_by_the_servers_read_timeout(tenant_name: str) -> None:
    """A delay may hold a call back as long as the server lets a stalled client hold a thread, no longer:
    a forgotten rule of an hour would hang the server's threads."""
    admin = Client(create_app(Settings(read_timeout=0.5)))
    for spec in ({"ms": 501}, {"minMs": 0, "maxMs": 501}, {"minMs": 0}):
        error = assert_admin_error(
            admin.post(f"/__admin/tenants/{tenant_name}/faults", json=spec | {"kind": "delay"}), 422
        )
        assert error["title"] == "Invalid fault rule"
        assert "milliseconds from 0 to 500 (the server's read timeout)" in error["detail"]
    assert add_rule(admin, tenant_name, kind="delay", ms=500)["ms"] == 500
    assert add_rule(admin, tenant_name, kind="delay", minMs=0, maxMs=500)["maxMs"] == 500


@pytest.mark.parametrize(
    ("call", "code_element", "code", "reason_element"),
    [
        (pws_call, "faultcode", "s:Server", "faultstring"),  # SOAP 1.1
        (timepunch_call, "Value", "s:Receiver", "Text"),  # SOAP 1.2: Code/Value, Reason/Text
    ],
    ids=["soap11", "soap12"],
)
def test_a_soap_fault_rule_answers_a_server_fault_with_its_reason(
    admin: Client, tenant_name: str, call: Any, code_element: str, code: str, reason_element: str
) -> None:
    add_rule(admin, tenant_name, kind="soap-fault", reason="Back end on fire")

    answer = call(admin, tenant_name)

    assert answer.status_code == 500
    fault = xml(answer)
    assert text(fault, code_element) == code
    assert text(fault, reason_element) == "Back end on fire"
    entry = last_entry(admin, tenant_name)
    assert (entry["verdict"], entry["status"], entry["response"]) == ("injected", 500, answer.text)


def test_an_http_status_rule_answers_that_status_with_a_fault_body(admin: Client, tenant_name: str) -> None:
    rule = add_rule(admin, tenant_name, kind="http-status", status=503)
    assert rule["status"] == 503

    answer = pws_call(admin, tenant_name)

    reason = assert_soap11_server_fault(answer, 503)
    assert "http-status" in reason
    entry = last_entry(admin, tenant_name)
    assert (entry["verdict"], entry["status"]) == ("injected", 503)


def test_a_malformed_rule_answers_200_with_a_body_that_is_not_xml(admin: Client, tenant_name: str) -> None:
    add_rule(admin, tenant_name, kind="malformed")

    answer = pws_call(admin, tenant_name)

    assert answer.status_code == 200
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(answer.data)
    entry = last_entry(admin, tenant_name)
    assert (entry["verdict"], entry["status"], entry["response"]) == ("injected", 200, answer.text)


def test_a_drop_rule_closes_the_connection_without_an_answer(server_url: str, tenant_name: str) -> None:
    created = requests.post(f"{server_url}/__admin/tenants/{tenant_name}/faults", json={"kind": "drop", "count": 1})
    assert created.status_code == 201
    endpoint = f"{server_url}/tenants/{tenant_name}{pws.ENDPOINT_PATH}"
    request = PWS_LOGIN.format(account="DEMO")

    with pytest.raises(requests.ConnectionError):
        requests.post(endpoint, data=request, headers=soap11_headers(request), timeout=2)

    served = requests.post(endpoint, data=request, headers=soap11_headers(request), timeout=5)
    assert served.status_code == 200
    assert b"<c:Status>Ok</c:Status>" in served.content
    logged = requests.get(f"{server_url}/__admin/requests", params={"tenant": tenant_name}, timeout=5).json()
    dropped, answered = logged["requests"]
    assert (dropped["verdict"], dropped["response"]) == ("injected", "")
    assert answered["verdict"] == "ok"


def test_a_pws_vendor_error_rule_answers_status_fail_with_the_forced_number(admin: Client, tenant_name: str) -> None:
    add_rule(admin, tenant_name, kind="vendor-error", code="20001")

    answer = pws_call(admin, tenant_name)  # the vendor's PwsAuthenticate example

    assert answer.status_code == 200
    result = xml(answer)
    assert text(result, "Status") == "Fail"
    assert texts(result, "ErrorNumber") == ["20001"]
    assert texts(result, "ErrorCode") == ["TimeCardStartDateRequired"]
    assert last_entry(admin, tenant_name)["verdict"] == "ok"


def test_an_ops_vendor_error_rule_answers_service_result_fail_with_the_ops_web_error(
    admin: Client, tenant_name: str
) -> None:
    add_rule(admin, tenant_name, kind="vendor-error", code="BatchNotFound")

    answer = ops_call(admin, tenant_name)  # OpsOpenTimeCardBatch from the examples

    assert answer.status_code == 200
    result = xml(answer)
    assert text(result, "ServiceResult") == "Fail"
    (error,) = [element for element in result.iter() if etree.QName(element).localname == "OpsWebError"]
    assert text(error, "ErrorCode") == "BatchNotFound"
    assert text(error, "DbErrorCode") == "91004"
    assert last_entry(admin, tenant_name)["verdict"] == "ok"


def test_a_timepunch_vendor_error_rule_answers_a_fault_whose_message_starts_with_the_code(
    admin: Client, tenant_name: str
) -> None:
    add_rule(admin, tenant_name, kind="vendor-error", code="AuthenticationFailure")

    answer = timepunch_call(admin, tenant_name)  # SearchProjectsForSynchronisation from the examples, a valid login

    assert answer.status_code == 200
    assert text(xml(answer), "Message").startswith("AuthenticationFailure: ")
    assert last_entry(admin, tenant_name)["verdict"] == "ok"


def test_a_vendor_error_code_the_service_does_not_know_is_a_server_fault_naming_it(
    admin: Client, tenant_name: str
) -> None:
    add_rule(admin, tenant_name, kind="vendor-error", code="NoSuchError")

    answer = pws_call(admin, tenant_name)

    assert "NoSuchError" in assert_soap11_server_fault(answer, 500)


# -- fault rules: how often, for which operation ----------------------------------------------------


def test_a_counted_rule_applies_that_many_times_then_disappears(admin: Client, tenant_name: str) -> None:
    rule = add_rule(admin, tenant_name, kind="http-status", status=502, count=2)
    assert rule["count"] == 2

    assert pws_login(admin, tenant_name).status_code == 502
    assert [(listed["id"], listed["count"]) for listed in rules(admin, tenant_name)] == [(rule["id"], 1)]
    assert pws_login(admin, tenant_name).status_code == 502
    assert rules(admin, tenant_name) == []
    assert pws_login(admin, tenant_name).status_code == 200
    assert [entry["verdict"] for entry in journal(admin, tenant=tenant_name)] == ["injected", "injected", "ok"]


def test_a_rule_at_100_percent_applies_to_every_call(admin: Client, tenant_name: str) -> None:
    rule = add_rule(admin, tenant_name, kind="http-status", status=503, percentage=100)
    assert (rule["percentage"], rule["count"]) == (100, None)

    statuses = [pws_login(admin, tenant_name).status_code for _ in range(10)]

    assert statuses == [503] * 10
    assert [listed["percentage"] for listed in rules(admin, tenant_name)] == [100]


def test_a_rare_rule_stays_listed_with_its_percentage_and_faults_only_the_calls_it_journals_as_injected(
    admin: Client, tenant_name: str
) -> None:
    rule = add_rule(admin, tenant_name, kind="http-status", status=503, percentage=0.5)

    statuses = [pws_login(admin, tenant_name).status_code for _ in range(10)]

    assert set(statuses) <= {200, 503}
    entries = journal(admin, tenant=tenant_name)
    assert [(entry["status"], entry["verdict"]) for entry in entries] == [
        (status, "injected" if status == 503 else "ok") for status in statuses
    ]
    assert rules(admin, tenant_name) == [rule]
    assert rule["percentage"] == 0.5


def test_a_rule_for_one_operation_leaves_the_others_alone(admin: Client, tenant_name: str) -> None:
    rule = add_rule(admin, tenant_name, kind="soap-fault", operation="SearchProjectsForSynchronisation")
    assert rule["operation"] == "SearchProjectsForSynchronisation"

    assert text(xml(pws_login(admin, tenant_name)), "Status") == "Ok"
    assert ops_call(admin, tenant_name).status_code == 200
    assert timepunch_call(admin, tenant_name).status_code == 500
    assert [entry["verdict"] for entry in journal(admin, tenant=tenant_name)] == ["ok", "ok", "injected"]


def test_deleting_one_rule_leaves_the_others_and_an_unknown_rule_is_404(admin: Client, tenant_name: str) -> None:
    first = add_rule(admin, tenant_name, kind="malformed", operation="PwsGetTimeCards")
    second = add_rule(admin, tenant_name, kind="drop", operation="PwsSaveTimeCards")

    answer = admin.delete(f"/__admin/tenants/{tenant_name}/faults/{first['id']}")

    assert answer.status_code == 204
    assert rules(admin, tenant_name) == [second]
    assert_admin_error(admin.delete(f"/__admin/tenants/{tenant_name}/faults/{first['id']}"), 404)


def test_deleting_all_rules_empties_the_list(admin: Client, tenant_name: str) -> None:
    add_rule(admin, tenant_name, kind="malformed")
    add_rule(admin, tenant_name, kind="soap-fault", reason="x", count=5)

    answer = admin.delete(f"/__admin/tenants/{tenant_name}/faults")

    assert answer.status_code == 204
    assert rules(admin, tenant_name) == []
    assert pws_login(admin, tenant_name).status_code == 200


@pytest.mark.parametrize(
    "spec",
    [
        {"kind": "explode"},
        {},
        {"kind": "http-status", "status": 200},
        {"kind": "http-status", "status": 600},
        {"kind": "http-status", "status": "503"},
        {"kind": "http-status"},
        {"kind": "vendor-error"},
        {"kind": "vendor-error", "code": ""},
        {"kind": "delay"},
        {"kind": "delay", "minMs": 10},
        {"kind": "delay", "ms": -5},
        {"kind": "delay", "ms": "slow"},
        {"kind": "delay", "ms": 10001},
        {"kind": "delay", "ms": float("inf")},
        {"kind": "delay", "minMs": 0, "maxMs": 3_600_000},
        {"kind": "malformed", "count": 0},
        {"kind": "malformed", "count": -1},
        {"kind": "malformed", "count": 1.5},
        {"kind": "malformed", "count": True},
        {"kind": "malformed", "percentage": 0},
        {"kind": "malformed", "percentage": 101},
        {"kind": "malformed", "percentage": "50"},
        {"kind": "malformed", "percentage": True},
        {"kind": "drop", "reason": "not a drop's member"},
    ],
    ids=lambda spec: json.dumps(spec),
)
def test_an_invalid_rule_is_422_and_not_added(admin: Client, tenant_name: str, spec: dict[str, Any]) -> None:
    assert_admin_error(admin.post(f"/__admin/tenants/{tenant_name}/faults", json=spec), 422)
    assert rules(admin, tenant_name) == []


def test_a_delay_still_applies_when_another_rule_faults_the_call(admin: Client, tenant_name: str) -> None:
    add_rule(admin, tenant_name, kind="soap-fault", reason="slow and broken")
    add_rule(admin, tenant_name, kind="delay", ms=100)

    started = time.perf_counter()
    answer = pws_login(admin, tenant_name)
    elapsed = time.perf_counter() - started

    assert assert_soap11_server_fault(answer, 500) == "slow and broken"
    assert elapsed >= 0.1


# -- Projector's rate limiter -----------------------------------------------------------------------

RATE_LIMIT_DEFAULTS = {
    "enabled": True,
    "mode": "Error",
    "windowSeconds": 60,
    "installationLimit": 2400,
    "userLimit": 1800,
    "sessionLimit": 1200,
    "warningPercent": 80,
}
PWS_TEST_RATE_LIMITER = (
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
    'xmlns:p="http://projectorpsa.com/PwsProjectorServices/" '
    'xmlns:r="http://projectorpsa.com/DataContracts/Requests/"><s:Body><p:PwsTestRateLimiter><p:serviceRequest>'
    "<r:SessionTicket>{ticket}</r:SessionTicket></p:serviceRequest></p:PwsTestRateLimiter></s:Body></s:Envelope>"
)


def rate_limits_url(tenant: str) -> str:
    return f"/__admin/tenants/{tenant}/projector/rate-limits"


def test_the_rate_limiter_starts_with_the_vendors_thresholds(admin: Client, tenant_name: str) -> None:
    admin.post("/__admin/tenants", json={"name": tenant_name})
    answer = admin.get(rate_limits_url(tenant_name))
    assert answer.status_code == 200
    assert answer.get_json() == RATE_LIMIT_DEFAULTS


def test_a_rate_limits_put_changes_what_it_names_and_the_limiter_applies_it(admin: Client, tenant_name: str) -> None:
    answer = admin.put(rate_limits_url(tenant_name), json={"sessionLimit": 1, "warningPercent": 100})
    assert answer.status_code == 200
    expected = {**RATE_LIMIT_DEFAULTS, "sessionLimit": 1, "warningPercent": 100}
    assert answer.get_json() == expected
    assert admin.get(rate_limits_url(tenant_name)).get_json() == expected
    ticket = text(xml(pws_login(admin, tenant_name)), "SessionTicket")
    first = pws_call(admin, tenant_name, PWS_TEST_RATE_LIMITER.format(ticket=ticket))
    assert text(xml(first), "Status") == "Ok"
    second = pws_call(admin, tenant_name, PWS_TEST_RATE_LIMITER.format(ticket=ticket))
    assert second.status_code == 500
    assert text(xml(second), "ErrorNumber") == "10016"
    assert "session 2 of 1" in text(xml(second), "faultstring")


def test_rate_limits_survive_a_dataset_load(admin: Client, tenant_name: str) -> None:
    admin.put(rate_limits_url(tenant_name), json={"enabled": False})
    state = snapshot(admin, tenant_name)
    dataset = {table: rows for table, rows in state.items() if table.startswith(("pr_", "ops_", "tp_"))}
    assert admin.put(f"/__admin/tenants/{tenant_name}/dataset", json=dataset).status_code == 200
    assert admin.get(rate_limits_url(tenant_name)).get_json()["enabled"] is False


@pytest.mark.parametrize(
    "body",
    [
        {"mode": "Panic"},
        {"sessionLimit": 0},
        {"sessionLimit": "5"},
        {"sessionLimit": True},
        {"enabled": "no"},
        {"warningPercent": 101},
        {"windowSeconds": 1.5},
        {"installationLimit": 2**31},
        {"bogus": 1},
    ],
)
def test_invalid_rate_limits_are_422_and_change_nothing(admin: Client, tenant_name: str, body: dict[str, Any]) -> None:
    admin.put(rate_limits_url(tenant_name), json={"sessionLimit": 7})
    assert_admin_error(admin.put(rate_limits_url(tenant_name), json=body), 422)
    assert admin.get(rate_limits_url(tenant_name)).get_json() == {**RATE_LIMIT_DEFAULTS, "sessionLimit": 7}


@pytest.mark.parametrize("stored", ['{"sessionLimit": 0}', "not json"])
def test_a_snapshot_with_rate_limits_this_version_cannot_read_is_422(
    admin: Client, tenant_name: str, stored: str
) -> None:
    admin.post("/__admin/tenants", json={"name": tenant_name})
    state = snapshot(admin, tenant_name)
    state["rate_limit_settings"] = [{"id": 1, "settings": stored}]
    assert_admin_error(admin.put(f"/__admin/tenants/{tenant_name}/snapshot", json=state), 422)
    assert admin.get(rate_limits_url(tenant_name)).get_json() == RATE_LIMIT_DEFAULTS


def test_rate_limits_of_an_unknown_tenant_are_404(admin: Client) -> None:
    assert_admin_error(admin.get(rate_limits_url("no-such-tenant")), 404)


# -- TimePunch's cloud ------------------------------------------------------------------------------


def cloud_entry(state: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """A TimeEntrySaveDto (as JSON) of ralf.herrmann, on the dataset's first project and its task."""
    project = state["tp_project"][0]
    task = next(task for task in state["tp_task"] if task["project_id"] == project["id"])
    return {
        "Id": str(uuid.uuid4()),
        "LastUpdate": "2024-03-15T18:00:00",
        "Created": "2024-03-15T18:00:00",
        "BreakTime": "0.5",
        "Description": "Left in the cloud by the admin API",
        "HasBeenPaid": "false",
        "LogoffTime": "2024-03-15T16:30:00",
        "LogonName": "ralf.herrmann",
        "LogonTime": "2024-03-15T08:00:00",
        "ProjectId": project["id"],
        "TaskId": task["id"],
        "Usage": "WorkTime",
        "CustomerId": project["customer_id"],
        "Duration": "8",
    }


def test_an_entry_left_in_the_cloud_arrives_with_the_next_pull(admin: Client, tenant_name: str) -> None:
    create_tenant(admin, tenant_name)
    state = snapshot(admin, tenant_name)
    phone = next(device for device in state["tp_device"] if device["name"] == "Ralf iPhone")
    ralf = next(profile for profile in state["tp_profile"] if profile["logon_name"] == "ralf.herrmann")
    entry = cloud_entry(state)

    answer = admin.post(
        f"/__admin/tenants/{tenant_name}/timepunch/cloud", json={"device": "Ralf iPhone", "entry": entry}
    )

    assert answer.status_code == 201
    assert answer.get_json() == {"device": phone["id"]}
    assert entry["Id"] not in {row["id"] for row in snapshot(admin, tenant_name)["tp_time_entry"]}
    pull = example(TIMEPUNCH_EXAMPLES, "PullAndSyncConnectedDevices").replace(
        b"3f9c1d52-8a47-4b1e-9d2a-6c0e5b7a1f34", ralf["id"].encode()
    )
    pulled = timepunch_call(admin, tenant_name, pull)
    assert pulled.status_code == 200
    assert not [fault for fault in xml(pulled).iter() if etree.QName(fault).localname == "Message"]
    after = snapshot(admin, tenant_name)
    (arrived,) = [row for row in after["tp_time_entry"] if row["id"] == entry["Id"]]
    assert arrived["profile_id"] == ralf["id"]
    assert json.loads(arrived["payload"])["Description"] == entry["Description"]
    assert [row for row in after["tp_cloud_entry"] if row["device_id"] == phone["id"]] == []


def test_leaving_an_entry_for_an_unknown_device_is_404(admin: Client, tenant_name: str) -> None:
    create_tenant(admin, tenant_name)
    entry = cloud_entry(snapshot(admin, tenant_name))
    answer = admin.post(
        f"/__admin/tenants/{tenant_name}/timepunch/cloud", json={"device": "Nobody's Phone", "entry": entry}
    )
    assert "Nobody's Phone" in assert_admin_error(answer, 404)["detail"]


@pytest.mark.parametrize("body", [{"device": "Ralf iPhone"}, {"entry": {}}, {"device": 1, "entry": {}}])
def test_leaving_an_entry_without_a_device_name_and_an_entry_is_422(
    admin: Client, tenant_name: str, body: dict[str, Any]
) -> None:
    create_tenant(admin, tenant_name)
    assert_admin_error(admin.post(f"/__admin/tenants/{tenant_name}/timepunch/cloud", json=body), 422)
