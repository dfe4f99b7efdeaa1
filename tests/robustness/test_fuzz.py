"""Property-based fuzzing from the contracts: every answer is a contract-valid 200 or a non-Server fault.

Each example starts from one of the example envelopes under fixtures/*/examples, made live for a
fresh tenant (a real session ticket, a real open batch), then mutated as hypothesis draws: an
element dropped, duplicated, renamed, emptied or set nil, siblings reordered, a leaf's text
replaced by a typed value (integers out of range, odd xs:dateTime forms, huge values, unicode,
control characters), random bytes inserted. The oracle: a 200 answer is valid against the
endpoint's own contract; anything else is a well-formed SOAP fault of the endpoint's version that is
not a Server (Receiver) fault, because the mock answers its own bugs with one ("The mock failed
unexpectedly", "violates its own contract").

Bounded and reproducible: derandomized, no example database, ``FUZZ_EXAMPLES`` per test (the
environment variable MOCKSERVER_FUZZ_EXAMPLES raises it for a longer local run).
"""

from __future__ import annotations

import copy
import os
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from lxml import etree
from robustness.harness import (
    ENDPOINTS,
    FIXTURES,
    OPS,
    OPS_ENDPOINT,
    PWS_ENDPOINT,
    TP_ENDPOINT,
    Endpoint,
    check_robust_answer,
    expect_ok,
    ops_close,
    ops_open,
    pws_authenticate,
    pws_get,
    session_ticket,
    text_of,
    tp_search_projects,
    tp_search_time_entries,
)
from werkzeug.test import Client, TestResponse

from mockserver.app import MockServer
from mockserver.soap import ns

FUZZ_EXAMPLES = int(os.environ.get("MOCKSERVER_FUZZ_EXAMPLES", "150"))
FUZZ_SETTINGS = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=timedelta(seconds=2),
    derandomize=True,
    database=None,
    print_blob=False,
    # No shrinking: a failure prints the request as sent (see the notes), and a red run stays short.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CONTROL_MARKER = "\ue000CONTROL\ue000"
"""Stands for a control character in the tree; replaced in the serialized bytes (lxml refuses them)."""


# -- the examples, made live for a tenant ---------------------------------------------------------


@dataclass(frozen=True)
class Example:
    endpoint: Endpoint
    operation: str
    path: Path

    @property
    def id(self) -> str:
        return self.path.name.removesuffix(".request.xml")

    def __repr__(self) -> str:
        return f"<example {self.path.parent.parent.name}/{self.path.name}>"


def examples(endpoint: Endpoint) -> list[Example]:
    return [
        Example(endpoint, path.name.removesuffix(".request.xml"), path)
        for path in sorted((FIXTURES / endpoint.examples / "examples").glob("*.request.xml"))
    ]


class LiveTenant:
    """A fresh tenant in which the examples' placeholders (ticket, batch, login) are real."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.name = f"fuzz-{uuid.uuid4().hex[:12]}"

    def post(self, endpoint: Endpoint, data: bytes, operation: str | None = None) -> TestResponse:
        return self.client.post(endpoint.url(self.name), data=data, headers=endpoint.headers(operation))

    def ticket(self) -> str:
        answer = expect_ok(
            self.post(PWS_ENDPOINT, pws_authenticate("api.admin@example.com", "demo-password"), "PwsAuthenticate"),
            PWS_ENDPOINT,
        )
        return session_ticket(answer)

    def batch(self) -> str:
        return (
            text_of(
                expect_ok(self.post(OPS_ENDPOINT, ops_open(), "OpsOpenTimeCardBatch"), OPS_ENDPOINT), OPS, "BatchId"
            )
            or ""
        )

    def live_tree(self, example: Example) -> etree._ElementTree:
        """The example's envelope with this tenant's ticket, login or batch in place of the placeholders."""
        tree = etree.parse(str(example.path))
        if example.endpoint is PWS_ENDPOINT:
            values = {"AccountCode": "DEMO", "UserName": "api.admin@example.com", "Password": "demo-password"}
            if example.operation != "PwsAuthenticate":
                values = {"SessionTicket": self.ticket()}
            for element in tree.iter():
                if isinstance(element.tag, str) and etree.QName(element).localname in values:
                    element.text = values[etree.QName(element).localname]
        elif example.endpoint is OPS_ENDPOINT and example.operation != "OpsOpenTimeCardBatch":
            batch = self.batch()
            if example.operation == "OpsCloseTimeCardBatch":  # a batch with the import example's cards
                importing = etree.parse(str(example.path.with_name("OpsImportTimeCards.request.xml")))
                for element in importing.iter(f"{{{OPS}}}BatchId"):
                    element.text = batch
                self.post(OPS_ENDPOINT, etree.tostring(importing), "OpsImportTimeCards")
            for element in tree.iter(f"{{{OPS}}}BatchId"):
                element.text = batch
        return tree

    def read_backs(self, example: Example, sent: bytes) -> list[tuple[Endpoint, str, bytes]]:
        """Reads of what an accepted request may have stored: they must still answer valid (no corrupt state).

        An Ops import's batch is closed first, so its cards become time cards that PWS reads. Projector's
        rate limiter is switched off first: the request may have loaded it with simulated hits
        (PwsTestRateLimiter), and its refusal would say nothing of the state."""
        self.client.put(f"/__admin/tenants/{self.name}/projector/rate-limits", json={"enabled": False})
        if example.endpoint is TP_ENDPOINT:
            return [
                (TP_ENDPOINT, "SearchTimeEntriesForSynchronisation", tp_search_time_entries()),
                (TP_ENDPOINT, "SearchProjectsForSynchronisation", tp_search_projects()),
            ]
        if example.operation == "OpsImportTimeCards":
            batch = etree.fromstring(sent).findtext(f".//{{{OPS}}}BatchId") or ""
            if batch.strip().isdigit():
                self.post(OPS_ENDPOINT, ops_close(int(batch)), "OpsCloseTimeCardBatch")
        year = ("2018-01-01T00:00:00Z", "2018-12-31T00:00:00Z")
        return [(PWS_ENDPOINT, "PwsGetTimeCards", pws_get(self.ticket(), year, resource="E123"))]

    def delete(self) -> None:
        self.client.delete(f"/__admin/tenants/{self.name}")


@pytest.fixture(scope="module")
def client(mock_app: MockServer) -> Client:
    return Client(mock_app)


@pytest.fixture(scope="module", autouse=True)
def reproducible_hypothesis() -> Iterator[None]:
    """Hypothesis (6.131+) mixes constants found in the local source (mockserver's modules) into what it
    draws, in an order that depends on PYTHONHASHSEED: derandomize alone then draws other examples on
    every run, and after every edit of mockserver. Without them the examples depend on this file alone."""
    from hypothesis.internal.conjecture import providers

    patch = pytest.MonkeyPatch()
    if hasattr(providers, "_get_local_constants") and hasattr(providers, "Constants"):
        empty = providers.Constants()
        patch.setattr(providers, "_get_local_constants", lambda: empty)
    try:
        yield
    finally:
        patch.undo()


@contextmanager
def live_tenant(client: Client) -> Iterator[LiveTenant]:
    """A fresh tenant, deleted afterwards."""
    tenant = LiveTenant(client)
    try:
        yield tenant
    finally:
        tenant.delete()


def report(text: str) -> None:
    if currently_in_test_context():
        note(text)


def send_and_check(
    tenant: LiveTenant, example: Example, data: bytes, operation: str | None, endpoint: Endpoint | None = None
) -> str:
    """Send to the example's endpoint (or ``endpoint``) and apply the oracle: 'ok' or 'fault'."""
    endpoint = endpoint or example.endpoint
    report(f"request ({len(data)} bytes): {data[:3000]!r}")
    response = tenant.post(endpoint, data, operation)
    report(f"answer {response.status_code}: {response.data[:1500]!r}")
    return check_robust_answer(response.status_code, response.headers["Content-Type"], response.data, endpoint)


# -- values for leaves -----------------------------------------------------------------------------

INTERESTING_VALUES = [
    "",
    " ",
    "0",
    "-0",
    "+1",
    "-1",
    " 42 ",
    "007",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "1" * 400,
    "1e400",
    "-1e400",
    "1.5",
    "0.0000001",
    "NaN",
    "INF",
    "-INF",
    "true",
    "false",
    "1",
    "2018-03-09T00:00:00Z",
    "2018-03-09T00:00:00",
    "2018-03-09",
    "2018-03-09T00:00:00.1234567Z",
    "2018-03-09T00:00:00.123456789012Z",
    "2018-03-09T00:00:00+14:00",
    "2018-03-09T00:00:00-14:00",
    "2018-03-09T24:00:00Z",
    " 2018-03-09T00:00:00Z ",
    "2018-02-30T00:00:00Z",
    "0001-01-01T00:00:00Z",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59Z",
    "9999-12-31T23:59:59-14:00",
    "10000-01-01T00:00:00Z",
    "-0001-01-01T00:00:00Z",
    "1899-12-31T00:00:00Z",
    "2079-06-07T00:00:00Z",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "P001396-001",
    "E123",
    "T",
    "R",
    "TPT",
    "CTT",
    "Draft",
    "Approved",
    "WorkTime",
    "Bound",
    "' OR 1=1 --",
    "%s%s%n",
    "\u202e",
    "😀",
    "\ufffd",
    "x" * 100_000,
]


def xml_text() -> st.SearchStrategy[str]:
    """Unicode text lxml accepts (no surrogates, no control characters but tab/newline/CR)."""
    return st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs",)).filter(lambda c: c >= " " or c in "\t\n\r"),
        max_size=40,
    ).filter(lambda s: "\ufffe" not in s and "\uffff" not in s)


def datetimes() -> st.SearchStrategy[str]:
    """xs:dateTime-like text built from edge-case parts: years past 9999 or before 1, 24:00:00, zones of +-14:00."""
    year = st.sampled_from(["0001", "1899", "1900", "2018", "2079", "9999", "10000", "-0001"]) | st.integers(
        1, 9999
    ).map(lambda y: f"{y:04d}")
    day = st.sampled_from(["-01-01", "-02-28", "-02-29", "-02-30", "-03-09", "-12-31"])
    time = st.sampled_from(["T00:00:00", "T23:59:59", "T24:00:00", "T12:30:00", ""])
    fraction = st.sampled_from(["", ".0", ".1234567", ".999999999"])
    zone = st.sampled_from(["", "Z", "+00:00", "+14:00", "-14:00", "+05:30"])
    pad = st.sampled_from(["", "", "", " "])
    return st.builds(
        lambda p1, y, d, t, f, z, p2: f"{p1}{y}{d}{t}{f if t else ''}{z}{p2}", pad, year, day, time, fraction, zone, pad
    )


def any_value() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(INTERESTING_VALUES),
        st.integers(min_value=-(2**80), max_value=2**80).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        datetimes(),
        xml_text(),
        st.just(CONTROL_MARKER),
    )


DATE_VALUES = [v for v in INTERESTING_VALUES if re.match(r"[-\s]?\d{4,5}-\d\d-\d\d", v)]
INTEGER_VALUES = [v for v in INTERESTING_VALUES if re.fullmatch(r"[-+\s]?[\d\s]+|1e400|-1e400|NaN|INF|-INF", v)]
KINDS: dict[str, tuple[str, st.SearchStrategy[str]]] = {
    "date": (r"-?\d{4}-\d\d-\d\d(T.*)?", st.one_of(st.sampled_from(DATE_VALUES), datetimes())),
    "integer": (r"-?\d+", st.one_of(st.sampled_from(INTEGER_VALUES), st.integers(-(2**70), 2**70).map(str))),
    "decimal": (
        r"-?\d*\.\d+",
        st.one_of(st.floats().map(repr), st.decimals(allow_nan=False).map(str), st.sampled_from(INTEGER_VALUES)),
    ),
    "boolean": (r"true|false", st.sampled_from(["true", "false", "1", "0", " true ", "TRUE", "yes", ""])),
    "guid": (
        r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
        st.uuids().map(str) | st.sampled_from(INTERESTING_VALUES),
    ),
}


def kind_of(text: str | None) -> str:
    """What a leaf holds, judged by its example value: date, integer, decimal, boolean, guid or text."""
    for kind, (pattern, _) in KINDS.items():
        if text is not None and re.fullmatch(pattern, text.strip()):
            return kind
    return "text"


def values_for(kind: str) -> st.SearchStrategy[str]:
    """Mostly values of the leaf's kind (its edge cases), sometimes anything at all."""
    if kind == "text":
        return any_value()
    typed = KINDS[kind][1]
    return st.one_of(typed, typed, typed, any_value())


# -- mutations -------------------------------------------------------------------------------------


def _elements(root: etree._Element) -> list[etree._Element]:
    """The mutable elements: everything inside the Body's operation element and the Header's blocks."""
    found = []
    for container in root:
        if not isinstance(container.tag, str):
            continue
        for operation in container:
            if isinstance(operation.tag, str):
                found.extend(element for element in operation.iter() if isinstance(element.tag, str))
    return found


def _leaves(root: etree._Element) -> list[etree._Element]:
    return [element for element in _elements(root) if len(element) == 0]


def drop(root: etree._Element, data: st.DataObject) -> None:
    candidates = [element for element in _elements(root) if element.getparent() is not None]
    victim = data.draw(st.sampled_from(candidates), label="drop")
    parent = victim.getparent()
    if parent is not None and parent.tag not in (ns_body(root), ns_header(root)):
        parent.remove(victim)


def duplicate(root: etree._Element, data: st.DataObject) -> None:
    candidates = [element for element in _elements(root) if element.getparent() is not None]
    original = data.draw(st.sampled_from(candidates), label="duplicate")
    times = data.draw(st.integers(1, 3), label="times")
    for _ in range(times):
        original.addnext(copy.deepcopy(original))


def rename(root: etree._Element, data: st.DataObject) -> None:
    elements = _elements(root)
    element = data.draw(st.sampled_from(elements), label="rename")
    names = sorted({etree.QName(e).localname for e in elements})
    local = data.draw(st.sampled_from(names) | st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,12}", fullmatch=True))
    namespace = data.draw(
        st.sampled_from([etree.QName(element).namespace or "", "", "urn:other", ns.XSI]), label="namespace"
    )
    element.tag = f"{{{namespace}}}{local}" if namespace else local


def reorder(root: etree._Element, data: st.DataObject) -> None:
    parents = [element for element in _elements(root) if len(element) > 1]
    if not parents:
        return
    parent = data.draw(st.sampled_from(parents), label="reorder")
    children = list(parent)
    order = data.draw(st.permutations(range(len(children))), label="order")
    for child in children:
        parent.remove(child)
    parent.extend(children[i] for i in order)


def set_leaf(root: etree._Element, data: st.DataObject) -> None:
    """A leaf, chosen kind first (so the few dates are as likely as the many strings), given a drawn value."""
    leaves = _leaves(root)
    kind = data.draw(st.sampled_from(sorted({kind_of(leaf.text) for leaf in leaves})), label="kind")
    leaf = data.draw(st.sampled_from([leaf for leaf in leaves if kind_of(leaf.text) == kind]), label="leaf")
    leaf.text = data.draw(values_for(kind), label="value")
    leaf.attrib.pop(f"{{{ns.XSI}}}nil", None)


def nil_or_empty(root: etree._Element, data: st.DataObject) -> None:
    element = data.draw(st.sampled_from(_elements(root)), label="nil or empty")
    for child in list(element):
        element.remove(child)
    element.text = None
    if data.draw(st.booleans(), label="nil"):
        element.set(f"{{{ns.XSI}}}nil", data.draw(st.sampled_from(["true", "1", "false", "yes"])))


def add_attribute(root: etree._Element, data: st.DataObject) -> None:
    element = data.draw(st.sampled_from(_elements(root)), label="attribute on")
    name = data.draw(st.sampled_from([f"{{{ns.XSI}}}type", "id", f"{{{ns.XSI}}}nil", "{urn:x}any"]))
    element.set(name, data.draw(st.sampled_from(["b:Nope", "xs:string", "x", "true", "i:TpFault", ""])))


def ns_body(root: etree._Element) -> str:
    return f"{{{etree.QName(root).namespace}}}Body"


def ns_header(root: etree._Element) -> str:
    return f"{{{etree.QName(root).namespace}}}Header"


TREE_MUTATIONS: dict[str, Callable[[etree._Element, st.DataObject], None]] = {
    "drop": drop,
    "duplicate": duplicate,
    "rename": rename,
    "reorder": reorder,
    "set leaf": set_leaf,
    "nil or empty": nil_or_empty,
    "add attribute": add_attribute,
}


def serialize(root: etree._Element, data: st.DataObject) -> bytes:
    """The tree as bytes, with control characters in place of their markers and maybe random bytes."""
    body = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    marker = CONTROL_MARKER.encode()
    while marker in body:
        control = data.draw(st.sampled_from([b"\x00", b"\x01", b"\x08", b"\x0b", b"\x1f", b"&#1;", b"&#x0;"]))
        body = body.replace(marker, control, 1)
    if data.draw(st.integers(0, 9), label="insert bytes?") == 0:
        position = data.draw(st.integers(0, len(body)), label="at")
        body = body[:position] + data.draw(st.binary(min_size=1, max_size=8), label="bytes") + body[position:]
    return body


def action_for(example: Example, data: st.DataObject) -> str | None:
    """The operation whose action the headers name: mostly the example's own, sometimes another or none."""
    choice = data.draw(st.integers(0, 9), label="action")
    if choice == 0:
        return None
    if choice == 1:
        return data.draw(st.sampled_from(sorted(example.endpoint.contract.operations)), label="other action")
    return example.operation


# -- the tests -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "example", [e for endpoint in ENDPOINTS.values() for e in examples(endpoint)], ids=lambda e: e.id
)
def test_every_example_is_answered_as_the_contract_says(client: Client, example: Example) -> None:
    """The baseline: each example, made live, gets a contract-valid 200 answer."""
    with live_tenant(client) as tenant:
        data = etree.tostring(tenant.live_tree(example), xml_declaration=True, encoding="utf-8")
        assert send_and_check(tenant, example, data, example.operation) == "ok"


def draw_example(endpoint: Endpoint, data: st.DataObject) -> Example:
    """One of the endpoint's examples, drawn by name (so a failure report names it plainly)."""
    by_name = {example.operation: example for example in examples(endpoint)}
    return by_name[data.draw(st.sampled_from(sorted(by_name)), label="example")]


@pytest.mark.parametrize("endpoint", list(ENDPOINTS.values()), ids=list(ENDPOINTS))
@FUZZ_SETTINGS
@given(data=st.data())
def test_mutated_examples_get_a_valid_answer_or_a_client_fault(
    client: Client, endpoint: Endpoint, data: st.DataObject
) -> None:
    example = draw_example(endpoint, data)
    with live_tenant(client) as tenant:
        root = tenant.live_tree(example).getroot()
        for name in data.draw(st.lists(st.sampled_from(sorted(TREE_MUTATIONS)), min_size=1, max_size=4)):
            if _elements(root):
                TREE_MUTATIONS[name](root, data)
        send_and_check(tenant, example, serialize(root, data), action_for(example, data))


@pytest.mark.parametrize("endpoint", list(ENDPOINTS.values()), ids=list(ENDPOINTS))
@FUZZ_SETTINGS
@given(data=st.data())
def test_typed_leaf_values_get_a_valid_answer_or_a_client_fault(
    client: Client, endpoint: Endpoint, data: st.DataObject
) -> None:
    """The example's shape kept, one to three leaves given a drawn value: this reaches the handlers. When
    the call is accepted, reading back what it may have stored still answers valid (no state corrupted)."""
    example = draw_example(endpoint, data)
    with live_tenant(client) as tenant:
        root = tenant.live_tree(example).getroot()
        for _ in range(data.draw(st.integers(1, 3), label="leaves")):
            set_leaf(root, data)
        body = etree.tostring(root, xml_declaration=True, encoding="utf-8")
        while CONTROL_MARKER.encode() in body:
            body = body.replace(CONTROL_MARKER.encode(), data.draw(st.sampled_from([b"\x01", b"&#x1;"])), 1)
        if send_and_check(tenant, example, body, example.operation) == "ok":
            for endpoint_read, operation, request in tenant.read_backs(example, body):
                assert send_and_check(tenant, example, request, operation, endpoint_read) == "ok"


# -- what the fuzzing found, pinned: each case is one bug's smallest reproduction ------------------


@dataclass(frozen=True)
class Edge:
    operation: str
    """The example the case starts from (its file name under fixtures/*/examples)."""
    member: str
    """Local name of the element changed (the first one in document order)."""
    value: str | None = None
    """Its new text; None: the element is removed."""
    xsi_type: str | None = None
    """Instead, an xsi:type attribute naming this type."""


XSI_TYPE = f"{{{ns.XSI}}}type"
EDGES: dict[str, Edge] = {
    # contract.py: Contract.violations lets xmlschema's XMLSchemaKeyError through
    "pws unknown xsi:type": Edge("PwsAuthenticate", "UserName", xsi_type="b:Nope"),
    "ops unknown xsi:type": Edge("OpsOpenTimeCardBatch", "request", xsi_type="Nope"),
    "tpsync unknown xsi:type": Edge("GetUseableSyncUserProfiles", "TpUser", xsi_type="xs:string"),
    # pws.py: the handler asserts serviceRequest is present; the contract lets it be absent
    "pws no serviceRequest": Edge("PwsAuthenticate", "serviceRequest"),
    "pws save without serviceRequest": Edge("PwsSaveTimeCards", "serviceRequest"),
    # secrets.compare_digest(str, str) raises TypeError on non-ASCII text
    "pws non-ASCII password": Edge("PwsAuthenticate", "Password", "pässword"),
    "ops non-ASCII password": Edge("OpsOpenTimeCardBatch", "Password", "pässword"),
    "tpsync non-ASCII hashed password": Edge("GetUseableSyncUserProfiles", "TpHashedPwd", "ÄÖÜ"),
    # xs:dateTime values the schema accepts and datetime.fromisoformat / astimezone do not
    "pws hour 24": Edge("PwsSaveTimeCards", "StartDate", "2018-03-09T24:00:00Z"),
    "pws year 10000": Edge("PwsSaveTimeCards", "EndDate", "10000-01-01T00:00:00Z"),
    "pws negative year": Edge("PwsSaveTimeCards", "WorkDate", "-0001-01-01T00:00:00Z"),
    "pws trailing blank": Edge("PwsSaveTimeCards", "WorkDate", "2018-03-09T00:00:00Z "),
    "tpsync hour 24": Edge("SearchTimeEntriesForSynchronisation", "lastSyncTime", "2024-03-14T24:00:00"),
    "tpsync year 10000": Edge("UpdateLastSyncDate", "syncDate", "10000-01-01T00:00:00"),
    "tpsync negative year": Edge("ApplyTimeEntries", "LogonTime", "-0001-01-01T00:00:00"),
    "tpsync before year 1 in UTC": Edge(
        "SearchTimeEntriesForSynchronisation", "lastSyncTime", "0001-01-01T00:00:00+14:00"
    ),
    "tpsync after year 9999 in UTC": Edge("UpdateLastSyncDate", "syncDate", "9999-12-31T23:59:59-14:00"),
    # ops.py: date.fromisoformat(value[:10]) on an xs:date of another width
    "ops year 10000": Edge("OpsImportTimeCards", "WorkDate", "10000-12-31"),
    "ops negative year": Edge("OpsImportTimeCards", "WorkDate", "-0001-01-01"),
}
ALL_EXAMPLES = {e.operation: e for endpoint in ENDPOINTS.values() for e in examples(endpoint)}


@pytest.mark.parametrize("case", list(EDGES))
def test_edge_values_get_a_valid_answer_or_a_client_fault(client: Client, case: str) -> None:
    edge = EDGES[case]
    example = ALL_EXAMPLES[edge.operation]
    with live_tenant(client) as tenant:
        root = tenant.live_tree(example).getroot()
        element = next(e for e in _elements(root) if etree.QName(e).localname == edge.member)
        if edge.xsi_type is not None:
            element.set(XSI_TYPE, edge.xsi_type)
        elif edge.value is None:
            parent = element.getparent()
            assert parent is not None
            parent.remove(element)
        else:
            element.text = edge.value
        send_and_check(tenant, example, etree.tostring(root, encoding="utf-8"), example.operation)


@pytest.mark.parametrize("endpoint", list(ENDPOINTS.values()), ids=list(ENDPOINTS))
def test_every_endpoint_has_examples_to_fuzz(endpoint: Endpoint) -> None:
    assert len(examples(endpoint)) >= 3
