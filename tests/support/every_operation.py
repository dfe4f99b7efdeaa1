"""A request of each operation of PWS, Ops and TimePunch that does the operation's work, for a test that reads
every call's query plans and the benchmark that times every call in small and big tenants (issue 19, "Flat").

Each request is made ready by calls sent before it and not part of it: a session to end, a batch holding a card
to close, a card reference not yet imported."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from itertools import count
from pathlib import Path

from lxml import etree
from robustness.harness import (
    COM,
    DEVELOPER_ROLE,
    ENDPOINTS,
    PWS,
    REQ,
    TAC,
    Endpoint,
    _element,
    new_card,
    ops_close,
    ops_import,
    ops_open,
    pws_authenticate,
    pws_get,
    pws_save,
    session_ticket,
    soap11,
)
from werkzeug.test import Client

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
EXAMPLE_CARD = 1152921504652486587
"""The time card of the vendor's PwsTransferTime example, in the default dataset."""
ADMIN = ("api.admin@example.com", "demo-password")
PWS_ENDPOINT, OPS_ENDPOINT, TP_ENDPOINT = ENDPOINTS["pws"], ENDPOINTS["ops"], ENDPOINTS["tpsync"]
TP_OPERATIONS = sorted(
    path.name.removesuffix(".request.xml") for path in (FIXTURES / "timepunch" / "examples").glob("*.request.xml")
)


def project_role(ticket: str) -> bytes:
    return soap11(
        f'<PwsGetTimeEntryProjectRole xmlns="{PWS}"><serviceRequest>{_element(REQ, "SessionTicket", ticket)}'
        f"{_element(TAC, 'EndDate', '2018-03-31T00:00:00Z')}"
        f'<ProjectIdentity xmlns="{TAC}">{_element(COM, "ProjectCode", "P001556-001")}</ProjectIdentity>'
        f'<RoleIdentity xmlns="{TAC}">{_element(COM, "ProjectRoleUid", DEVELOPER_ROLE)}</RoleIdentity>'
        f"{_element(TAC, 'StartDate', '2018-03-01T00:00:00Z')}</serviceRequest></PwsGetTimeEntryProjectRole>"
    )


def unauthenticate(ticket: str) -> bytes:
    return soap11(
        f'<PwsUnauthenticate xmlns="{PWS}"><serviceRequest>{_element(REQ, "SessionTicket", ticket)}'
        "</serviceRequest></PwsUnauthenticate>"
    )


def example(endpoint: Endpoint, operation: str, ticket: str = "", card: int = EXAMPLE_CARD) -> bytes:
    """The fixture's example request, sent with ``ticket`` and ``card`` (the example card of the default dataset)."""
    body = (FIXTURES / endpoint.examples / "examples" / f"{operation}.request.xml").read_bytes()
    body = re.sub(rb"(<req:SessionTicket>)[^<]*", rb"\g<1>" + ticket.encode(), body)
    return re.sub(rb"(<com:TimecardUid>)1152921504652486584", rb"\g<1>" + str(card).encode(), body)


def answer_text(answer: bytes, local: str) -> str:
    [text] = etree.fromstring(answer).xpath(f"//*[local-name()='{local}']/text()")
    return str(text)


class EveryOperation:
    """The requests, for one tenant, by operation; PwsTestRateLimiter last (it simulates a full minute of hits)."""

    def __init__(self, client: Client, tenant: str) -> None:
        self.client, self.tenant = client, tenant
        self.numbers = count(1)
        self.admin = self.ticket(*ADMIN)
        self.e123 = self.ticket()

    def post(self, endpoint: Endpoint, body: bytes) -> bytes:
        answer = self.client.post(endpoint.url(self.tenant), data=body, headers=endpoint.headers_for(body))
        if answer.status_code != 200:
            raise AssertionError(answer.data[:1000])
        return answer.data

    def ticket(self, *login: str) -> str:
        return session_ticket(etree.fromstring(self.post(PWS_ENDPOINT, pws_authenticate(*login))))

    def batch(self) -> int:
        return int(answer_text(self.post(OPS_ENDPOINT, ops_open()), "BatchId"))

    def full_batch(self) -> int:
        batch = self.batch()
        self.post(OPS_ENDPOINT, ops_import(batch, [f"card-{next(self.numbers)}"]))
        return batch

    def new_card(self) -> int:
        """A card of its own for a split: splitting one card again and again leaves it too small to split."""
        card = new_card(f"split-{next(self.numbers)}", "2018-03-05", 480)
        return int(answer_text(self.post(PWS_ENDPOINT, pws_save(self.admin, [card])), "TimecardUid"))

    def requests(self) -> dict[str, tuple[Endpoint, Callable[[], bytes]]]:
        """Each operation's endpoint and what makes its next request ready."""
        timepunch = {operation: (TP_ENDPOINT, partial(example, TP_ENDPOINT, operation)) for operation in TP_OPERATIONS}
        return {
            "PwsAuthenticate": (PWS_ENDPOINT, pws_authenticate),
            "PwsSaveTimeCards": (PWS_ENDPOINT, partial(example, PWS_ENDPOINT, "PwsSaveTimeCards", self.admin)),
            "PwsTransferTime": (PWS_ENDPOINT, partial(example, PWS_ENDPOINT, "PwsTransferTime", self.admin)),
            "PwsSplitTimeCards": (
                PWS_ENDPOINT,
                lambda: example(PWS_ENDPOINT, "PwsSplitTimeCards", self.admin, self.new_card()),
            ),
            "PwsGetTimeCards": (PWS_ENDPOINT, lambda: pws_get(self.admin)),
            "PwsGetTimeEntryProjectRole": (PWS_ENDPOINT, lambda: project_role(self.e123)),
            "PwsUnauthenticate": (PWS_ENDPOINT, lambda: unauthenticate(self.ticket())),
            "OpsOpenTimeCardBatch": (OPS_ENDPOINT, ops_open),
            "OpsImportTimeCards": (OPS_ENDPOINT, lambda: ops_import(self.batch(), [f"card-{next(self.numbers)}"])),
            "OpsCloseTimeCardBatch": (OPS_ENDPOINT, lambda: ops_close(self.full_batch())),
            **timepunch,
            "PwsTestRateLimiter": (PWS_ENDPOINT, partial(example, PWS_ENDPOINT, "PwsTestRateLimiter", self.admin)),
        }
