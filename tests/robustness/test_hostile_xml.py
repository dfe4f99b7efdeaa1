"""Hostile XML on each real endpoint: a SOAP fault of the endpoint's version, quickly, state intact.

Every case is sent in-process (werkzeug's test client) to PWS (SOAP 1.1), Ops (SOAP 1.1) and
TimePunch (SOAP 1.2). The answer must be a well-formed fault of the endpoint's SOAP version whose
reason names the problem, with HTTP 500 (415 for a wrong content type) and the endpoint's content
type; never a traceback, never HTML, never a Server fault, never the hostile input echoed back at
length, and within two seconds.
"""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from robustness.harness import (
    ENDPOINTS,
    OPS,
    OPS_ENDPOINT,
    PWS_ENDPOINT,
    REQ,
    TEMPURI,
    Endpoint,
    expect_fault,
    expect_ok,
    ops_header,
    ops_open,
    pws_authenticate,
    soap11,
    soap12,
    tp_authentication,
    tp_profiles,
)
from werkzeug.test import Client

from mockserver.app import MockServer, create_app
from mockserver.contract_suite.actions import soap11_headers
from mockserver.settings import Settings
from mockserver.soap.envelope import SOAP_11

TIME_LIMIT = 2.0
"""Seconds any hostile request may take."""
ANSWER_LIMIT = 64 * 1024
"""Bytes a fault answer may have: a hostile input is named, not echoed back."""
CLIENT_CODES = {"Client", "Sender", "DeserializationFailed"}
"""Codes that blame the client: WCF's DeserializationFailed is the faultcode itself in SOAP 1.1."""


def valid_request(endpoint: Endpoint) -> bytes:
    """A call each endpoint answers with 200: authenticate, open a batch, list profiles."""
    return {"pws": pws_authenticate, "ops": ops_open, "tpsync": tp_profiles}[endpoint.name]()


def envelope(endpoint: Endpoint, body: str, *, other_version: bool = False) -> bytes:
    """A request envelope of the endpoint's SOAP version (or of the other one)."""
    use_12 = (endpoint.version is SOAP_11) == other_version
    return soap12(body, "GetUseableSyncUserProfiles") if use_12 else soap11(body)


def inside_operation(endpoint: Endpoint, inner: bytes) -> bytes:
    """The endpoint's valid request with ``inner`` as the first child of its request element."""
    marker = {"pws": b"<serviceRequest>", "ops": b"<request>", "tpsync": b"</authentication>"}[endpoint.name]
    request = valid_request(endpoint)
    if endpoint is OPS_ENDPOINT:
        request = request.replace(b"<request/>", b"<request></request>")
    position = request.index(marker) + len(marker)
    return request[:position] + inner + request[position:]


def typed_leaf_with(endpoint: Endpoint, value: bytes) -> bytes:
    """A request of the endpoint with ``value`` as the text of a typed member (xs:int, xs:dateTime)."""
    text = value.decode()
    if endpoint is PWS_ENDPOINT:
        return inside_operation(endpoint, f'<RequestId xmlns="{REQ}">{text}</RequestId>'.encode())
    if endpoint is OPS_ENDPOINT:
        request = f"<request><BatchId>{text}</BatchId></request>"
        return soap11(f'<OpsCloseTimeCardBatch xmlns="{OPS}">{request}</OpsCloseTimeCardBatch>', ops_header())
    operation = "SearchTimeEntriesForSynchronisation"
    return soap12(
        f'<{operation} xmlns="{TEMPURI}">{tp_authentication()}<lastSyncTime>{text}</lastSyncTime></{operation}>',
        operation,
    )


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";" if i > 1 else "&lol;") * 10}">' for i in range(1, 10))
    + "]>"
)
QUADRATIC_BLOWUP = '<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "' + "a" * 50_000 + '">]>'


@dataclass(frozen=True)
class Case:
    """One hostile request: its bytes for an endpoint, and what the fault must say."""

    build: Callable[[Endpoint], bytes]
    reason: str
    """A regular expression the fault's reason must match (case-insensitive)."""
    content_type: Callable[[Endpoint], str | None] = lambda endpoint: endpoint.content_type
    status: int = 500
    codes: set[str] = field(default_factory=lambda: CLIENT_CODES)
    read_past: bool = False
    """Unknown members inside the operation: the vendor's runtime skips them, so by default the mock reads
    past them too (with warnings), and only in strict mode is it the contract's fault."""


CASES: dict[str, Case] = {
    "dtd": Case(
        lambda e: b'<?xml version="1.0"?><!DOCTYPE s:Envelope [<!ELEMENT x ANY>]>' + envelope(e, "<x/>"),
        r"document type declaration|DTD",
    ),
    "billion laughs": Case(
        lambda e: BILLION_LAUGHS.encode() + envelope(e, "&lol9;"),
        r"DTD|document type|entit",
    ),
    "small entity expansion": Case(
        lambda e: (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            + envelope(e, "<x>&b;</x>")
        ),
        r"document type declaration|DTD",
    ),
    "quadratic blowup": Case(
        lambda e: QUADRATIC_BLOWUP.encode() + envelope(e, "<x>" + "&a;" * 5_000 + "</x>"),
        r"DTD|document type|entit",
    ),
    "external entity": Case(
        lambda e: (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + envelope(e, "<x>&e;</x>")
        ),
        r"document type declaration|DTD",
    ),
    "external parameter entity": Case(
        lambda e: (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>' + envelope(e, "<x/>")
        ),
        r"document type declaration|DTD|entit",
    ),
    "external DTD": Case(
        lambda e: b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://127.0.0.1:9/evil.dtd">' + envelope(e, "<x/>"),
        r"document type declaration|DTD",
    ),
    "xinclude": Case(
        lambda e: inside_operation(
            e, b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>'
        ),
        r"not valid against the service contract.*include",
        read_past=True,
    ),
    "deep nesting": Case(
        lambda e: envelope(e, "<x>" * 10_000 + "</x>" * 10_000),
        r"Malformed XML.*depth",
    ),
    "deep nesting inside an operation": Case(
        lambda e: inside_operation(e, b"<x>" * 200 + b"</x>" * 200),
        r"not valid against the service contract",
        read_past=True,
    ),
    "many siblings inside an operation": Case(
        lambda e: inside_operation(e, b"<x/>" * 20_000),
        r"not valid against the service contract",
        read_past=True,
    ),
    "huge text in a typed member": Case(
        lambda e: typed_leaf_with(e, b"7" * 5_000_000),
        r"not valid against the service contract.*(RequestId|BatchId|lastSyncTime)",
    ),
    "invalid UTF-8": Case(
        lambda e: envelope(e, "<x>A</x>").replace(b">A<", b">\xff\xfe\xc3<"),
        r"Malformed XML.*(encoding|UTF-8|bytes)",
    ),
    "declared encoding differs": Case(
        lambda e: b'<?xml version="1.0" encoding="UTF-16"?>' + envelope(e, "<x/>"),
        r"Malformed XML",
    ),
    "NUL byte": Case(
        lambda e: envelope(e, "<x>A</x>").replace(b">A<", b">\x00<"),
        r"Malformed XML",
    ),
    "binary garbage": Case(lambda e: bytes(range(256)) * 4, r"Malformed XML"),
    "truncated": Case(lambda e: valid_request(e)[: len(valid_request(e)) // 2], r"Malformed XML"),
    "not an envelope": Case(lambda e: b"<notsoap/>", r"Envelope was expected"),
    "envelope without body": Case(lambda e: f'<s:Envelope xmlns:s="{e.version.envelope_ns}"/>'.encode(), r"no Body"),
    "body with two operations": Case(lambda e: envelope(e, "<a/><b/>"), r"exactly one element"),
    "empty body": Case(lambda e: b"", r"empty"),
    "blank body": Case(lambda e: b" \r\n\t ", r"empty"),
    "wrong content type": Case(
        valid_request,
        r"content type.*application/json",
        content_type=lambda e: "application/json",
        status=415,
    ),
    "no content type": Case(valid_request, r"content type", content_type=lambda e: None, status=415),
    "other SOAP version": Case(
        lambda e: envelope(e, "<x/>", other_version=True),
        r"speaks SOAP 1\.[12].*SOAP 1\.[12]",
        codes={"VersionMismatch"},
    ),
    "other SOAP version and its content type": Case(
        lambda e: envelope(e, "<x/>", other_version=True),
        r"speaks SOAP 1\.[12].*SOAP 1\.[12]",
        content_type=lambda e: "application/soap+xml" if e.version is SOAP_11 else "text/xml; charset=utf-8",
        codes={"VersionMismatch"},
    ),
}


def send(client: Client, endpoint: Endpoint, tenant: str, case: Case) -> tuple[Any, float]:
    data = case.build(endpoint)
    content_type = case.content_type(endpoint)
    headers = {} if content_type is None else soap11_headers(data, content_type)  # a client names its action
    started = time.perf_counter()
    response = client.post(endpoint.url(tenant), data=data, headers=headers)
    return response, time.perf_counter() - started


def check_hostile_answer(response: Any, elapsed: float, endpoint: Endpoint, case: Case) -> None:
    fault = expect_fault(response, endpoint, case.status)
    assert fault.code in case.codes, fault
    assert re.search(case.reason, fault.reason, re.IGNORECASE | re.DOTALL), fault.reason[:1000]
    assert b"root:" not in response.data  # /etc/passwd never leaks
    problems = []
    if elapsed >= TIME_LIMIT:
        problems.append(f"answered in {elapsed:.2f} s")
    if len(response.data) >= ANSWER_LIMIT:
        problems.append(f"a {len(response.data):,}-byte fault answer (reason starts {fault.reason[:200]!r})")
    assert not problems, "; ".join(problems)


@pytest.fixture(scope="module")
def strict_app() -> MockServer:
    """The mock with ``--strict``: every departure from the contract is its fault, as the contract words it."""
    return create_app(Settings(strict_requests=True))


@pytest.mark.parametrize("case_name", list(CASES))
@pytest.mark.parametrize("endpoint", list(ENDPOINTS.values()), ids=list(ENDPOINTS))
def test_hostile_input_gets_a_fault_naming_it(
    mock_app: MockServer, strict_app: MockServer, new_tenant: Callable[[str], str], endpoint: Endpoint, case_name: str
) -> None:
    case = CASES[case_name]
    app = strict_app if case.read_past else mock_app
    response, elapsed = send(Client(app), endpoint, new_tenant("hostile"), case)
    check_hostile_answer(response, elapsed, endpoint, case)


@pytest.mark.parametrize("case_name", [name for name, case in CASES.items() if case.read_past])
@pytest.mark.parametrize("endpoint", list(ENDPOINTS.values()), ids=list(ENDPOINTS))
def test_by_default_what_the_runtime_skips_is_read_past_in_time_with_warnings(
    mock_app: MockServer, new_tenant: Callable[[str], str], endpoint: Endpoint, case_name: str
) -> None:
    client, tenant = Client(mock_app), new_tenant("read-past")
    response, elapsed = send(client, endpoint, tenant, CASES[case_name])
    expect_ok(response, endpoint)
    assert elapsed < TIME_LIMIT
    assert len(response.data) < ANSWER_LIMIT
    assert b"root:" not in response.data
    [entry] = json.loads(client.get(f"/__admin/requests?tenant={tenant}").data)["requests"]
    assert int(response.headers["X-Mock-Warnings"]) == len(entry["warnings"]) > 0
    assert all("unknown member" in warning["reason"] for warning in entry["warnings"])


@pytest.fixture(scope="module")
def capped_client() -> Client:
    """The mock with a 64 KiB request cap, so a body over it stays small."""
    return Client(create_app(Settings(max_request_bytes=64 * 1024)))


def over_the_cap(endpoint: Endpoint) -> bytes:
    return inside_operation(endpoint, b"<x>" + b"a" * (100 * 1024) + b"</x>")


@pytest.mark.parametrize("endpoint", list(ENDPOINTS.values()), ids=list(ENDPOINTS))
def test_a_body_over_the_cap_is_refused(capped_client: Client, endpoint: Endpoint) -> None:
    started = time.perf_counter()
    response = capped_client.post(
        endpoint.url("capped"), data=over_the_cap(endpoint), headers={"Content-Type": endpoint.content_type}
    )
    fault = expect_fault(response, endpoint)
    assert fault.code in CLIENT_CODES
    assert re.search(r"exceeds the limit of 65536 bytes", fault.reason), fault.reason
    assert time.perf_counter() - started < TIME_LIMIT


@pytest.mark.parametrize("endpoint", list(ENDPOINTS.values()), ids=list(ENDPOINTS))
def test_a_chunked_body_over_the_cap_is_refused(capped_client: Client, endpoint: Endpoint) -> None:
    """No Content-Length (chunked, as a server that de-chunks passes it on): the cap still holds."""
    response = capped_client.post(
        endpoint.url("capped"),
        input_stream=io.BytesIO(over_the_cap(endpoint) + b" " * (1024 * 1024)),
        headers={"Content-Type": endpoint.content_type, "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    fault = expect_fault(response, endpoint)
    assert re.search(r"exceeds the limit of 65536 bytes", fault.reason), fault.reason


@pytest.mark.parametrize("endpoint", list(ENDPOINTS.values()), ids=list(ENDPOINTS))
def test_a_content_length_over_the_cap_is_refused_before_reading(capped_client: Client, endpoint: Endpoint) -> None:
    response = capped_client.post(
        endpoint.url("capped"),
        input_stream=io.BytesIO(valid_request(endpoint)),
        headers={"Content-Type": endpoint.content_type},
        environ_overrides={"CONTENT_LENGTH": str(10**12)},
    )
    fault = expect_fault(response, endpoint)
    assert re.search(r"exceeds the limit of 65536 bytes", fault.reason), fault.reason


@pytest.mark.parametrize("endpoint", list(ENDPOINTS.values()), ids=list(ENDPOINTS))
def test_after_every_hostile_input_the_tenant_state_is_intact_and_it_answers(
    strict_app: MockServer, endpoint: Endpoint
) -> None:
    """Strict, so that every case is refused (by default the skipped members' operations run, as they should)."""
    client, tenant = Client(strict_app), f"intact-{endpoint.name}"
    assert client.post("/__admin/tenants", json={"name": tenant}).status_code == 201
    expect_ok(
        client.post(
            endpoint.url(tenant), data=valid_request(endpoint), headers=endpoint.headers_for(valid_request(endpoint))
        ),
        endpoint,
    )

    def snapshot() -> dict[str, Any]:
        response = client.get(f"/__admin/tenants/{tenant}/snapshot")
        assert response.status_code == 200
        tables: dict[str, Any] = json.loads(response.data)
        return tables

    before = snapshot()
    for case in CASES.values():
        send(client, endpoint, tenant, case)
    after = snapshot()
    journal = after.pop("mock_journal")[len(before.pop("mock_journal")) :]
    assert after == before  # nothing but the journal changed
    assert len(journal) == len(CASES)
    assert {entry["verdict"] for entry in journal} == {"client-fault"}
    expect_ok(
        client.post(
            endpoint.url(tenant), data=valid_request(endpoint), headers=endpoint.headers_for(valid_request(endpoint))
        ),
        endpoint,
    )
