"""The journal page in use, in a headless Chromium driven by chromedriver (tests/support/browser.py).

A test picks a filter's option, clicks the clear button, answers its confirm, and reads the rows
the page then shows; the journal is checked through the API too. The layout is measured twice on
the page as first loaded, in the DOM (bounding boxes) and in a screenshot's pixels: the header band
is one line high and the table starts under it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from support import png
from support.browser import Browser, browser, settled
from support.journal_requests import VALID, VIOLATING
from support.served import served

from mockserver.contract_suite.actions import soap11_headers
from mockserver.projector import pws

FIRST, SECOND = "journal-first", "journal-second"
WIDTH, HEIGHT = 1280, 800
HEADER_COLOUR = (0x22, 0x22, 0x33)  # page.py: header { background: #223 }
TABLE_HEADER_COLOUR = (0xE4, 0xE4, 0xEC)  # page.py: th { background: #e4e4ec }

# What each tenant is sent, as (tenant, operation, verdict) in the order sent.
SENT = [
    (FIRST, "PwsAuthenticate", "ok"),
    (FIRST, "PwsSaveTimeCards", "client-fault"),
    (SECOND, "PwsAuthenticate", "injected"),
    (SECOND, "PwsAuthenticate", "ok"),
]


def send(url: str, tenant: str, envelope: str) -> None:
    endpoint = f"{url}/tenants/{tenant}{pws.ENDPOINT_PATH}"
    requests.post(endpoint, data=envelope, headers=soap11_headers(envelope), timeout=5)


def journal(url: str, tenant: str | None = None) -> list[tuple[str, str, str]]:
    """The journal through the API, oldest first."""
    params = {"tenant": tenant} if tenant else {}
    logged = requests.get(f"{url}/__admin/requests", params=params, timeout=5).json()["requests"]
    return [(entry["tenant"], entry["operation"], entry["verdict"]) for entry in logged]


@contextmanager
def journalled() -> Iterator[str]:
    """A server of its own (the page lists, and the button clears, every tenant's calls) with SENT journalled."""
    with served() as url:
        send(url, FIRST, VALID)
        send(url, FIRST, VIOLATING)
        injected = {"operation": "PwsAuthenticate", "kind": "soap-fault", "reason": "injected", "count": 1}
        requests.post(f"{url}/__admin/tenants/{SECOND}/faults", json=injected, timeout=5).raise_for_status()
        send(url, SECOND, VALID)
        send(url, SECOND, VALID)
        assert journal(url) == SENT
        yield url


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """For the tests that only read the journal."""
    with journalled() as url:
        yield url


@pytest.fixture
def fresh_server() -> Iterator[str]:
    """For each test that clears the journal."""
    with journalled() as url:
        yield url


@pytest.fixture(scope="module")
def window(chromium: str) -> Iterator[Browser]:
    with browser(chromium, WIDTH, HEIGHT) as session:
        yield session


def shown(window: Browser) -> list[tuple[str, str, str]]:
    """The rows listed, newest first, as (tenant, operation, verdict)."""
    rows = 'document.querySelectorAll("#entries tr.entry")'
    cells = window.run(f"return Array.from({rows}, row => Array.from(row.cells, cell => cell.textContent));")
    return [(tenant, operation, verdict) for _, tenant, operation, verdict, _, _ in cells]


def options(window: Browser, select: str) -> list[str]:
    return list(window.run("return Array.from(document.getElementById(arguments[0]).options, o => o.value);", select))


def opened(window: Browser, url: str) -> None:
    """The page as first loaded, once it lists the journal."""
    window.open(f"{url}/__admin/")
    listed = newest_first(journal(url))
    assert settled(lambda: shown(window), listed) == listed


def choose(window: Browser, select: str, value: str) -> None:
    """Pick an option as a user does: a click on it."""
    window.click(f'#{select} option[value="{value}"]')


def newest_first(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return list(reversed(rows))


def test_the_filters_offer_the_tenants_operations_seen_and_verdicts(window: Browser, server: str) -> None:
    opened(window, server)
    tenants = requests.get(f"{server}/__admin/tenants", timeout=5).json()["tenants"]
    names = sorted(tenant["name"] for tenant in tenants)
    assert {FIRST, SECOND} <= set(names)
    assert options(window, "tenant") == ["", *names]
    assert options(window, "operation") == ["", "PwsAuthenticate", "PwsSaveTimeCards"]
    assert options(window, "verdict") == ["", "ok", "client-fault", "server-fault", "injected"]


@pytest.mark.parametrize(
    ("select", "value"),
    [
        ("tenant", FIRST),
        ("tenant", SECOND),
        ("operation", "PwsAuthenticate"),
        ("operation", "PwsSaveTimeCards"),
        ("verdict", "ok"),
        ("verdict", "client-fault"),
        ("verdict", "injected"),
        ("verdict", "server-fault"),
    ],
)
def test_a_filter_shows_the_requests_it_matches(window: Browser, server: str, select: str, value: str) -> None:
    opened(window, server)
    choose(window, select, value)
    column = ("tenant", "operation", "verdict").index(select)
    expected = newest_first([row for row in SENT if row[column] == value])
    assert settled(lambda: shown(window), expected) == expected


def test_filters_combine_and_all_lists_everything_again(window: Browser, server: str) -> None:
    opened(window, server)
    choose(window, "tenant", SECOND)
    choose(window, "verdict", "ok")
    expected = [(SECOND, "PwsAuthenticate", "ok")]
    assert settled(lambda: shown(window), expected) == expected
    assert window.run('return document.getElementById("count").textContent;') == "(1)"
    choose(window, "tenant", "")
    choose(window, "verdict", "")
    assert settled(lambda: shown(window), newest_first(SENT)) == newest_first(SENT)


def clear_label(window: Browser) -> str:
    return str(window.run('return document.getElementById("clear").textContent;'))


def test_the_clear_button_clears_the_selected_tenants_journal(window: Browser, fresh_server: str) -> None:
    opened(window, fresh_server)
    choose(window, "tenant", FIRST)
    assert settled(lambda: clear_label(window), f"Clear tenant {FIRST}'s journal") == f"Clear tenant {FIRST}'s journal"
    window.click("#clear")
    assert window.dialog() == f"Clear the journal of tenant {FIRST}?"
    window.answer_dialog(accept=True)
    assert settled(lambda: shown(window), []) == []
    assert journal(fresh_server, FIRST) == []
    assert journal(fresh_server) == [row for row in SENT if row[0] == SECOND]


def test_the_clear_button_with_no_tenant_selected_clears_every_journal(window: Browser, fresh_server: str) -> None:
    opened(window, fresh_server)
    assert clear_label(window) == "Clear every tenant's journal"
    window.click("#clear")
    assert window.dialog() == "Clear the journal of every tenant?"
    window.answer_dialog(accept=True)
    assert settled(lambda: shown(window), []) == []
    assert window.run('return document.getElementById("count").textContent;') == "(0)"
    assert journal(fresh_server) == []


def test_a_clear_not_confirmed_keeps_the_journal(window: Browser, fresh_server: str) -> None:
    opened(window, fresh_server)
    window.click("#clear")
    window.answer_dialog(accept=False)
    assert journal(fresh_server) == SENT
    assert shown(window) == newest_first(SENT)


def test_the_header_is_one_line_and_the_table_starts_under_it(window: Browser, server: str, tmp_path: Path) -> None:
    opened(window, server)
    box = window.run(
        """
        const rect = element => element.getBoundingClientRect();
        const header = document.querySelector("header");
        return {
          viewport: [innerWidth, innerHeight], scale: devicePixelRatio,
          header: [rect(header).top, rect(header).bottom],
          line: rect(header.firstElementChild).height,
          table: rect(document.querySelector("#list table")).top,
          detail: rect(document.getElementById("detail")).top,
        };
        """
    )
    assert box["viewport"] == [WIDTH, HEIGHT]
    one_line = min(60, 2.5 * box["line"])  # a line of text with its padding, not half the window
    top, bottom = box["header"]
    assert top == 0
    assert bottom < one_line, box
    assert 0 <= box["table"] - bottom < 16, box
    assert box["detail"] == bottom, box  # the detail pane starts there too

    shot = window.screenshot()
    (tmp_path / "journal-page.png").write_bytes(shot)  # kept for a look when this fails
    image, scale = png.read(shot), box["scale"]
    assert (image.width, image.height) == (WIDTH * scale, HEIGHT * scale)
    column = image.column(4)  # left of any text: the header's and the table header's padding
    band = next(y for y, colour in enumerate(column) if colour != HEADER_COLOUR)  # the header's pixel rows
    assert 0 < band < one_line * scale, f"header band of {band} pixel rows; see {tmp_path}"
    assert abs(band - bottom * scale) <= 1, f"header band ends at pixel row {band}; see {tmp_path}"
    assert HEADER_COLOUR not in column[band:], f"header colour below the band; see {tmp_path}"
    table_header = column.index(TABLE_HEADER_COLOUR)
    assert 0 <= table_header - band < 16 * scale, f"table header at pixel row {table_header}; see {tmp_path}"
