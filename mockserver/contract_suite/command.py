"""``mockserver contract-test``: the shipped features, run by pytest against any endpoint.

pytest runs with its configuration of our own (``-c``), so a ``pytest.ini`` or ``addopts`` of the
directory the user stands in changes nothing, and with the rootdir there, so the scenarios'
results land in ``build/spec-results.json`` where ``mockserver spec`` reads them by default.
"""

from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from mockserver.contract_suite.target import service_urls

PYTEST_INI = Path(__file__).with_name("pytest.ini")
SCENARIOS = Path(__file__).with_name("scenarios.py")
"""The test module binding every feature (pytest imports it: pytest-bdd binds only under a running pytest)."""
PLUGIN = "mockserver.contract_suite.plugin"


class UnreachableTarget(Exception):
    """A target whose WSDL cannot be fetched: no scenario could run, so none is started."""


def check_reachable(target_urls: Sequence[str]) -> None:
    """Fetch each service's ``?wsdl`` once, so a wrong URL is one message rather than a failure per scenario."""
    try:
        urls = service_urls(list(target_urls))
    except ValueError as error:
        raise UnreachableTarget(str(error)) from None
    for service, url in urls.items():
        try:
            with urllib.request.urlopen(f"{url}?wsdl", timeout=10):  # noqa: S310 - the user's own target URL
                pass
        except urllib.error.URLError as error:
            reason = error if isinstance(error, urllib.error.HTTPError) else error.reason
            raise UnreachableTarget(f"--target-url: the {service} WSDL at {url}?wsdl: {reason}") from None
        except (OSError, ValueError) as error:  # a timeout, or a URL urllib cannot read
            raise UnreachableTarget(f"--target-url: the {service} WSDL at {url}?wsdl: {error}") from None


def run(target_urls: Sequence[str], pytest_args: Sequence[str]) -> int:
    """pytest's exit status for the shipped scenarios against ``target_urls`` (the mock in-process if none).

    pytest runs in a process of its own: there it imports the steps itself, so it rewrites their asserts
    (a failed check shows its values) and nothing this process imported first is in its way."""
    if target_urls:
        check_reachable(target_urls)
    arguments = [
        *(sys.executable, "-m", "pytest"),
        *("-c", str(PYTEST_INI), "--rootdir", str(Path.cwd())),
        *("-p", PLUGIN, "-p", "no:cacheprovider"),
        *(f"--target-url={url}" for url in target_urls),
        str(SCENARIOS),
        *pytest_args,
    ]
    return subprocess.call(arguments)  # noqa: S603 - our own interpreter and arguments
