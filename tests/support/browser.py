"""Headless Chromium for the journal page's tests: its flags, and a WebDriver session to click in it.

The session speaks W3C WebDriver to Debian's chromedriver with ``requests``: the few commands the
tests need (open, find, click, run a script, answer a confirm, take a screenshot) are one HTTP call
each, so no driver library is needed.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import requests

# The flags python.md's probe uses: without the background-networking ones, Chromium's own
# connections are refused by the closed network, many at a time.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

_ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C key of an element reference
T = TypeVar("T")


class Browser:
    """One WebDriver session: each method is one command, and a command's error fails the test."""

    def __init__(self, driver_url: str, session: str) -> None:
        self.url = f"{driver_url}/session/{session}"

    def _command(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        answer = requests.request(method, self.url + path, json=body, timeout=30)
        value = answer.json()["value"]
        assert answer.ok, f"WebDriver {method} {path}: {value.get('error')}: {value.get('message')}"
        return value

    def open(self, url: str) -> None:
        self._command("POST", "/url", {"url": url})

    def find(self, css: str) -> str:
        return str(self._command("POST", "/element", {"using": "css selector", "value": css})[_ELEMENT])

    def click(self, css: str) -> None:
        self._command("POST", f"/element/{self.find(css)}/click", {})

    def run(self, script: str, *arguments: Any) -> Any:
        """The value the script (a function body) returns."""
        return self._command("POST", "/execute/sync", {"script": script, "args": list(arguments)})

    def dialog(self) -> str:
        """The text of the alert or confirm open now."""
        return str(self._command("GET", "/alert/text"))

    def answer_dialog(self, accept: bool) -> None:
        self._command("POST", "/alert/accept" if accept else "/alert/dismiss", {})

    def fit(self, width: int, height: int) -> None:
        """A viewport of width x height: the window is that plus what the browser's frame takes."""
        frame_width, frame_height = self.run("return [outerWidth - innerWidth, outerHeight - innerHeight];")
        self._command("POST", "/window/rect", {"width": width + frame_width, "height": height + frame_height})

    def screenshot(self) -> bytes:
        """The viewport as PNG."""
        return base64.b64decode(self._command("GET", "/screenshot"))


@contextmanager
def browser(chromium: str, width: int, height: int) -> Iterator[Browser]:
    """A headless Chromium with a viewport of width x height, driven by chromedriver; both stopped in all cases."""
    chromedriver = shutil.which("chromedriver")
    assert chromedriver, "chromedriver is not installed: apt-get install chromium-driver (as .ci/run does)"
    driver = subprocess.Popen(
        [chromedriver, "--port=0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,  # its own process group, with the browser it starts
    )
    try:
        assert driver.stdout is not None
        port = None
        for line in driver.stdout:  # the banner ends with the port chosen
            match = re.search(r"started successfully on port (\d+)", line)
            if match:
                port = match[1]
                break
        assert port, "chromedriver did not start"
        driver_url = f"http://127.0.0.1:{port}"
        options = {"binary": chromium, "args": CHROMIUM_FLAGS}
        created = requests.post(
            f"{driver_url}/session",
            json={"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}},
            timeout=60,
        )
        assert created.ok, created.text
        session = Browser(driver_url, created.json()["value"]["sessionId"])
        try:
            session.fit(width, height)
            yield session
        finally:
            requests.delete(session.url, timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):  # the group is gone once all of it has ended
            os.killpg(driver.pid, signal.SIGKILL)
        driver.wait(timeout=10)
        if driver.stdout is not None:
            driver.stdout.close()


def settled(read: Callable[[], T], expected: T, timeout: float = 5) -> T:
    """What ``read`` returns once it returns ``expected``, or at the timeout (the page polls and fetches)."""
    deadline = time.monotonic() + timeout
    value = read()
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.05)
        value = read()
    return value
