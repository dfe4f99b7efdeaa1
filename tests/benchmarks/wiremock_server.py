"""WireMock standalone beside the mock in bench_http.py: the yardstick of issue 19 ("our throughput over
WireMock's"), a server answering one canned body to the same request, so the ratio shows what the mock's
parsing, validation and state cost over serving a stub.

Installed from npm (the ``wiremock`` package, which ships the standalone jar) into build/wiremock, run with
Debian's Java; without java or npm the comparison is skipped with a line saying why.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchlib import JSON_HEADERS, ROOT, Figures, ServerProcess, http

VERSION = "3.13.2"
PREFIX = ROOT / "build" / "wiremock"
OPTIONS = (
    "--bind-address",
    "127.0.0.1",
    "--disable-banner",
    "--no-request-journal",  # the mock keeps a bounded journal; WireMock's unbounded one would grow through the run
    "--disable-request-logging",  # no line per request (the mock's serve logs none either)
    "--disable-gzip",  # wrk asks for none; the mock never compresses
)
"""Chosen for a fair comparison: no per-request bookkeeping the mock does not also do. Left at WireMock's
defaults: Jetty's container threads, synchronous responses (--async-response-enabled false), the JVM's own
heap and collector."""


def ensure_jar(figures: Figures) -> Path | None:
    """The standalone jar of wiremock@VERSION, installed with ``npm install --prefix build/wiremock`` when
    missing; None (and a line saying why) without java or npm."""
    missing = [tool for tool in ("java", "npm") if shutil.which(tool) is None]
    if missing:
        figures.say(
            f"{' and '.join(missing)} not found: WireMock comparison skipped (apt-get install -y "
            "default-jdk-headless npm)"
        )
        return None
    jar = PREFIX / "node_modules" / "wiremock" / "build" / f"wiremock-standalone-{VERSION}.jar"
    if not jar.exists():
        print(f"  installing WireMock: npm install --prefix {PREFIX.relative_to(ROOT)} wiremock@{VERSION}", flush=True)
        install = ["npm", "install", "--prefix", str(PREFIX), "--no-audit", "--no-fund", f"wiremock@{VERSION}"]
        done = subprocess.run(install, capture_output=True, text=True)
        if done.returncode != 0 or not jar.exists():
            figures.say(
                f"npm install wiremock@{VERSION} failed: WireMock comparison skipped ({done.stderr.strip()[-200:]})"
            )
            return None
    return jar


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_wiremock(jar: Path) -> Iterator[ServerProcess]:
    """WireMock on a free port, answering its admin API's health check; stopped afterwards."""
    port = free_port()
    stderr = tempfile.TemporaryFile("w+")  # noqa: SIM115 # closed by ServerProcess.stop()
    started = time.perf_counter()
    command = ["java", "-jar", str(jar), "--port", str(port), *OPTIONS]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, text=True, cwd=PREFIX)
    server = ServerProcess(process, f"http://127.0.0.1:{port}", started, stderr)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                http(f"{server.base_url}/__admin/health", timeout=5)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    stderr.seek(0)
                    raise RuntimeError(f"WireMock did not start ({process.poll()}):\n{stderr.read()}") from None
                time.sleep(0.1)
        yield server
    finally:
        server.stop()


def stub_xpath(
    server: ServerProcess, path: str, xpath: str, namespaces: dict[str, str], body: bytes, content_type: str
) -> None:
    """One stub: a POST to ``path`` whose body matches ``xpath`` is answered 200 with ``body``."""
    mapping = {
        "request": {
            "method": "POST",
            "urlPath": path,
            "bodyPatterns": [{"matchesXPath": xpath, "xPathNamespaces": namespaces}],
        },
        "response": {"status": 200, "headers": {"Content-Type": content_type}, "body": body.decode()},
    }
    http(f"{server.base_url}/__admin/mappings", json.dumps(mapping).encode(), JSON_HEADERS)


def java_version() -> str:
    done = subprocess.run(["java", "-version"], capture_output=True, text=True)
    return done.stderr.splitlines()[0] if done.stderr else "?"
