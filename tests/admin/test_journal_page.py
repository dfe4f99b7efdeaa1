"""The journal page at /__admin/ in a real headless Chromium: the DOM its script rendered, not the HTML served.

`mockserver serve` gets one valid and one contract-violating request on a tenant of this module's;
Chromium (Debian's, the one CI installs) loads the page with ``--dump-dom`` and a virtual-time budget,
which lets the script fetch the journal and render it (virtual time stands still while a fetch is
pending), then prints the DOM. The fragment ``#select=<id>@<tenant>``, which a click on a row sets,
opens that request's detail.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests
from lxml import html
from support.browser import CHROMIUM_FLAGS
from support.journal_requests import VALID, VIOLATING
from support.served import served

from mockserver.contract_suite.actions import soap11_headers
from mockserver.projector import pws

TENANT = "journal-page"

VIOLATED_PATH = "/pws:PwsSaveTimeCards/pws:serviceRequest/tim:SaveTimeCards/tim:PwsTimecardDetail/tim:WorkMinutes"
VIOLATION_REASON = "'an hour' is not a valid value of type xs:int."


@dataclass(frozen=True)
class Journal:
    url: str
    valid_key: str
    violating_key: str


@pytest.fixture(scope="module")
def journal() -> Iterator[Journal]:
    """A server of its own (the page lists every tenant's calls), with the two requests journalled for TENANT."""
    with served() as url:
        endpoint = f"{url}/tenants/{TENANT}{pws.ENDPOINT_PATH}"
        valid = requests.post(endpoint, data=VALID, headers=soap11_headers(VALID), timeout=5)
        assert valid.status_code == 200, valid.text
        violating = requests.post(endpoint, data=VIOLATING, headers=soap11_headers(VIOLATING), timeout=5)
        assert violating.status_code == 500, violating.text
        logged = requests.get(f"{url}/__admin/requests", params={"tenant": TENANT}, timeout=5).json()["requests"]
        assert [(e["operation"], e["verdict"]) for e in logged] == [
            ("PwsAuthenticate", "ok"),
            ("PwsSaveTimeCards", "client-fault"),
        ]
        valid_entry, violating_entry = logged
        yield Journal(url, f"{valid_entry['id']}@{TENANT}", f"{violating_entry['id']}@{TENANT}")


def rendered(chromium: str, url: str) -> html.HtmlElement:
    """The page's DOM once its script has fetched and rendered the journal."""
    with tempfile.TemporaryDirectory(prefix="journal-page-chromium-") as profile:
        browser = subprocess.Popen(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=2000", "--dump-dom", url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, so that its helpers end with it
        )
        try:
            dom, log = browser.communicate(timeout=30)
        finally:
            with contextlib.suppress(ProcessLookupError):  # the group is gone once all of it has ended
                os.killpg(browser.pid, signal.SIGKILL)
            browser.communicate()
    assert browser.returncode == 0, f"chromium exited {browser.returncode}:\n{log}"
    assert dom.strip(), f"chromium printed no DOM:\n{log}"
    return html.fromstring(dom)


def rows(page: html.HtmlElement) -> list[list[str]]:
    return [
        [cell.text_content() for cell in row.xpath("td")]
        for row in page.xpath('//tbody[@id="entries"]/tr[contains(concat(" ", @class, " "), " entry ")]')
    ]


def only(page: html.HtmlElement, xpath: str) -> html.HtmlElement:
    found = page.xpath(xpath)
    assert len(found) == 1, f"{xpath}: {len(found)} elements"
    element: html.HtmlElement = found[0]
    return element


@pytest.fixture(scope="module")
def violating_page(chromium: str, journal: Journal) -> html.HtmlElement:
    return rendered(chromium, f"{journal.url}/__admin/#select={journal.violating_key}")


@pytest.fixture(scope="module")
def valid_page(chromium: str, journal: Journal) -> html.HtmlElement:
    return rendered(chromium, f"{journal.url}/__admin/#select={journal.valid_key}")


def test_both_requests_are_listed_newest_first_with_operation_and_verdict(violating_page: html.HtmlElement) -> None:
    listed = [[tenant, operation, verdict, status] for _, tenant, operation, verdict, status, _ in rows(violating_page)]
    assert listed == [
        [TENANT, "PwsSaveTimeCards", "client-fault", "500"],
        [TENANT, "PwsAuthenticate", "ok", "200"],
    ]
    assert only(violating_page, '//span[@id="count"]').text_content() == "(2)"
    assert only(violating_page, '//td[@class="verdict-client-fault"]').text_content() == "client-fault"


def test_the_linked_request_is_the_selected_row(journal: Journal, violating_page: html.HtmlElement) -> None:
    selected = only(violating_page, '//tr[contains(concat(" ", @class, " "), " selected ")]')
    assert selected.get("data-key") == journal.violating_key


def test_a_violating_request_lists_its_violation_above_the_body(violating_page: html.HtmlElement) -> None:
    detail = only(violating_page, '//div[@id="detail"]')
    heading = only(detail, "h2").text_content()
    assert "PwsSaveTimeCards" in heading
    assert "client-fault" in heading
    violation = only(detail, 'div[@class="violation"]')
    assert only(violation, "b").text_content() == VIOLATED_PATH
    assert violation.text_content() == f"{VIOLATED_PATH}: {VIOLATION_REASON}"
    body = only(detail, 'pre[@id="request"]')
    children = list(detail)
    assert children.index(violation) < children.index(body)


def test_a_violating_request_highlights_the_violated_element(violating_page: html.HtmlElement) -> None:
    body = only(violating_page, '//pre[@id="request"]')
    marks = [mark.text_content() for mark in body.xpath('.//mark[@class="violated"]')]
    assert marks == ["<tim:WorkMinutes>", "</tim:WorkMinutes>"]
    lines = body.text_content().splitlines()
    violated = next(line for line in lines if "WorkMinutes" in line)
    assert violated == "            <tim:WorkMinutes>an hour</tim:WorkMinutes>"  # pretty-printed: depth 6


def test_a_valid_request_shows_its_response_pretty_printed(valid_page: html.HtmlElement) -> None:
    detail = only(valid_page, '//div[@id="detail"]')
    heading = only(detail, "h2").text_content()
    assert "PwsAuthenticate" in heading
    assert "ok" in heading
    assert not detail.xpath('div[@class="violation"]')
    assert not detail.xpath(".//mark")
    response = only(detail, 'pre[@id="response"]').text_content().splitlines()
    assert response[0].startswith("<s:Envelope ")
    assert response[1] == "  <s:Body>"
    assert response[2].startswith("    <PwsAuthenticateResponse ")
    assert response[3] == "      <PwsAuthenticateResult>"
    assert "        <c:Status>Ok</c:Status>" in response
    assert "          <b:AccountCode>DEMO</b:AccountCode>" in response
    assert response[-1] == "</s:Envelope>"
    request = only(detail, 'pre[@id="request"]').text_content().splitlines()
    assert "        <r:UserName>e123@example.com</r:UserName>" in request


def test_a_link_to_a_request_not_in_the_journal_says_so(chromium: str, journal: Journal) -> None:
    page = rendered(chromium, f"{journal.url}/__admin/#select=999@{TENANT}")
    assert only(page, '//div[@id="detail"]').text_content() == f"No request 999@{TENANT} in the journal."
    assert len(rows(page)) == 2


WARNED = VALID.replace("<r:Password>", "<r:Bogus>1</r:Bogus><r:Password>")
"""A PwsAuthenticate with a member its contract lacks: read past as WCF reads it, with a warning."""
WARNED_PATH = "/p:PwsAuthenticate/p:serviceRequest/r:Bogus"


@pytest.fixture(scope="module")
def warned_page(chromium: str) -> Iterator[html.HtmlElement]:
    """A server of its own with a valid call and one that drew a warning, the latter shown."""
    with served() as url:
        endpoint = f"{url}/tenants/{TENANT}{pws.ENDPOINT_PATH}"
        for body in (VALID, WARNED):
            answer = requests.post(endpoint, data=body, headers=soap11_headers(body), timeout=5)
            assert answer.status_code == 200, answer.text
        logged = requests.get(f"{url}/__admin/requests", params={"warned": "true"}, timeout=5).json()["requests"]
        (warned,) = logged
        yield rendered(chromium, f"{url}/__admin/#select={warned['id']}@{TENANT}")


def test_a_row_counts_its_warnings_beside_the_verdict(warned_page: html.HtmlElement) -> None:
    verdicts = [row[3] for row in rows(warned_page)]
    assert verdicts == ["ok \N{WARNING SIGN} 1", "ok"]
    badge = only(warned_page, '//tr[contains(@class, "selected")]//span[@class="badge"]')
    assert badge.get("title") == "1 warning(s): read past as the vendor would"


def test_a_request_with_warnings_lists_them_above_the_body_and_marks_their_elements(
    warned_page: html.HtmlElement,
) -> None:
    detail = only(warned_page, '//div[@id="detail"]')
    assert not detail.xpath('div[@class="violation"]')
    warning = only(detail, 'div[@class="warning"]')
    assert only(warning, "b").text_content() == WARNED_PATH
    assert warning.text_content().startswith(f"{WARNED_PATH}: unknown member")
    body = only(detail, 'pre[@id="request"]')
    children = list(detail)
    assert children.index(warning) < children.index(body)
    marks = [mark.text_content() for mark in body.xpath('.//mark[@class="warned"]')]
    assert marks == ["<r:Bogus>", "</r:Bogus>"]
