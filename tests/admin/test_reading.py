"""The admin API's side of requests that leave the contract: the journal's ``warned`` filter, and a tenant's own
reading (``/__admin/tenants/{tenant}/reading``: strict, lenient, or as the server reads).

In-process through werkzeug's test client, each test in its own tenant.
"""

from __future__ import annotations

from typing import Any

import pytest
from support.journal_requests import VALID
from werkzeug.test import Client, TestResponse

from mockserver.app import MockServer, create_app
from mockserver.contract_suite.actions import soap11_headers
from mockserver.projector import pws
from mockserver.settings import Settings

UNKNOWN_MEMBER = VALID.replace("<r:Password>", "<r:Bogus>1</r:Bogus><r:Password>")
"""A PwsAuthenticate with a member its contract lacks: WCF skips it, the strict mock refuses it."""
UNKNOWN_PATH = "/p:PwsAuthenticate/p:serviceRequest/r:Bogus"


@pytest.fixture
def admin(mock_app: MockServer) -> Client:
    return Client(mock_app)


@pytest.fixture(scope="module")
def strict_admin() -> Client:
    """A server started strict (``serve --strict``)."""
    return Client(create_app(Settings(strict_requests=True)))


def login(client: Client, tenant: str, body: str) -> TestResponse:
    return client.post(f"/tenants/{tenant}{pws.ENDPOINT_PATH}", data=body, headers=soap11_headers(body))


def reading(client: Client, tenant: str, body: Any = None, status: int = 200) -> dict[str, Any]:
    """The tenant's reading as GET answers it, or as PUT ``body`` answers it."""
    url = f"/__admin/tenants/{tenant}/reading"
    answer = client.get(url) if body is None else client.put(url, json=body)
    assert answer.status_code == status, answer.text
    return dict(answer.get_json())


def assert_read_past(answer: TestResponse) -> None:
    assert answer.status_code == 200, answer.text
    assert answer.headers["X-Mock-Warnings"] == "1"


def assert_refused(answer: TestResponse) -> None:
    assert answer.status_code == 500, answer.text
    assert "X-Mock-Warnings" not in answer.headers
    assert "Bogus" in answer.text


# -- the journal's warned filter ---------------------------------------------------------------------


def test_the_journal_filters_by_whether_a_call_drew_warnings(admin: Client, tenant_name: str) -> None:
    login(admin, tenant_name, VALID)
    assert_read_past(login(admin, tenant_name, UNKNOWN_MEMBER))

    def listed(**query: str) -> list[tuple[str, list[dict[str, str]]]]:
        answer = admin.get("/__admin/requests", query_string={"tenant": tenant_name, **query})
        assert answer.status_code == 200, answer.text
        return [(entry["body"], entry["warnings"]) for entry in answer.get_json()["requests"]]

    (warned,) = listed(warned="true")
    assert warned[0] == UNKNOWN_MEMBER
    assert [warning["path"] for warning in warned[1]] == [UNKNOWN_PATH]
    assert listed(warned="false") == [(VALID, [])]
    assert len(listed()) == 2


def test_find_and_count_take_warned_in_their_body(admin: Client, tenant_name: str) -> None:
    login(admin, tenant_name, UNKNOWN_MEMBER)
    login(admin, tenant_name, VALID)
    login(admin, tenant_name, UNKNOWN_MEMBER)

    found = admin.post("/__admin/requests/find", json={"tenant": tenant_name, "warned": True}).get_json()
    assert [entry["body"] for entry in found["requests"]] == [UNKNOWN_MEMBER, UNKNOWN_MEMBER]
    counted = admin.post("/__admin/requests/count", json={"tenant": tenant_name, "warned": False}).get_json()
    assert counted == {"count": 1}


@pytest.mark.parametrize("value", ["yes", 1])
def test_a_warned_filter_neither_true_nor_false_is_422(admin: Client, tenant_name: str, value: Any) -> None:
    login(admin, tenant_name, VALID)
    answer = admin.post("/__admin/requests/find", json={"tenant": tenant_name, "warned": value})
    assert answer.status_code == 422, answer.text
    (error,) = answer.get_json()["errors"]
    assert error["source"] == {"pointer": "/warned"}
    assert repr(value) in error["detail"]


# -- a tenant's own reading --------------------------------------------------------------------------


def test_a_tenant_reads_as_the_server_until_it_has_a_setting_of_its_own(admin: Client, tenant_name: str) -> None:
    assert_read_past(login(admin, tenant_name, UNKNOWN_MEMBER))
    assert reading(admin, tenant_name) == {"strict": None, "effectiveStrict": False}


def test_a_strict_tenant_refuses_what_the_server_reads_past_and_null_gives_it_back(
    admin: Client, tenant_name: str
) -> None:
    assert reading(admin, tenant_name, {"strict": True}) == {"strict": True, "effectiveStrict": True}
    assert_refused(login(admin, tenant_name, UNKNOWN_MEMBER))
    (entry,) = admin.get("/__admin/requests", query_string={"tenant": tenant_name}).get_json()["requests"]
    assert (entry["verdict"], entry["warnings"]) == ("client-fault", [])
    assert "Bogus" in entry["violations"][0]["reason"]

    assert reading(admin, tenant_name, {"strict": None}) == {"strict": None, "effectiveStrict": False}
    assert_read_past(login(admin, tenant_name, UNKNOWN_MEMBER))


def test_other_tenants_keep_the_servers_reading(admin: Client, tenant_name: str) -> None:
    reading(admin, tenant_name, {"strict": True})
    assert_read_past(login(admin, f"{tenant_name}-other", UNKNOWN_MEMBER))


def test_on_a_strict_server_a_lenient_tenant_reads_as_the_vendor(strict_admin: Client, tenant_name: str) -> None:
    login(strict_admin, tenant_name, VALID)
    assert reading(strict_admin, tenant_name) == {"strict": None, "effectiveStrict": True}
    assert_refused(login(strict_admin, tenant_name, UNKNOWN_MEMBER))

    assert reading(strict_admin, tenant_name, {"strict": False}) == {"strict": False, "effectiveStrict": False}
    assert_read_past(login(strict_admin, tenant_name, UNKNOWN_MEMBER))


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        ({}, "/strict"),
        ({"strict": "yes"}, "/strict"),
        ({"strict": 1}, "/strict"),
        ({"strict": True, "lenient": False}, "/lenient"),
    ],
)
def test_a_bad_reading_is_422_pointing_at_the_member_and_changes_nothing(
    admin: Client, tenant_name: str, body: dict[str, Any], pointer: str
) -> None:
    reading(admin, tenant_name, {"strict": True})
    answer = admin.put(f"/__admin/tenants/{tenant_name}/reading", json=body)
    assert answer.status_code == 422, answer.text
    (error,) = answer.get_json()["errors"]
    assert (error["code"], error["title"], error["source"]) == (422, "Invalid body", {"pointer": pointer})
    assert '{"strict": true, false or null}' in error["detail"]
    assert reading(admin, tenant_name)["strict"] is True


def test_the_reading_of_an_unknown_tenant_is_404(admin: Client, tenant_name: str) -> None:
    answer = admin.get(f"/__admin/tenants/{tenant_name}/reading")
    assert answer.status_code == 404, answer.text
    assert answer.get_json()["errors"][0]["title"] == "Unknown tenant"
