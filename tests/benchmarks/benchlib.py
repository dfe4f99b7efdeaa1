"""What the benchmark scripts share: figures, percentiles, the SOAP requests they send, a server process.

Not collected by pytest (no test_ prefix); imported by the bench_*.py scripts beside it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

# -- figures -----------------------------------------------------------------------------------


@dataclass
class Figure:
    """One measured value: what it is, in which unit, and the issue's target where there is one."""

    name: str
    value: float | int
    unit: str
    target: str | None = None
    note: str | None = None

    def line(self) -> str:
        value = f"{self.value:,.4g}" if isinstance(self.value, float) else f"{self.value:,}"
        text = f"{self.name:54} {value:>12} {self.unit:4}"
        if self.target:
            text += f"  target {self.target}"
        if self.note:
            text += f"  ({self.note})"
        return text


@dataclass
class Figures:
    """The figures of a run, printed one line each as they come and kept for the JSON file."""

    items: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(
        self, name: str, value: float | int, unit: str, target: str | None = None, note: str | None = None
    ) -> Figure:
        figure = Figure(name, round(value, 6) if isinstance(value, float) else value, unit, target, note)
        self.items.append(figure)
        print(figure.line(), flush=True)
        return figure

    def say(self, text: str) -> None:
        """A line of explanation (how state is shared, what a figure includes), kept in the JSON too."""
        self.notes.append(text)
        print(f"  # {text}", flush=True)

    def as_json(self) -> dict[str, Any]:
        return {
            "figures": {
                f.name: {k: v for k, v in asdict(f).items() if k != "name" and v is not None} for f in self.items
            },
            "notes": self.notes,
        }


def section(title: str) -> None:
    print(f"\n== {title}", flush=True)


Part = Callable[[Figures, bool], None]
"""A part of the benchmark (bench.py runs them in turn): adds its figures; fewer, shorter rounds when quick."""


def run_part_alone(part: Part, description: str) -> None:
    """A part's own command line, for the scripts that also run alone: ``--quick``, figures printed."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    part(Figures(), args.quick)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values: list[float], percent: float) -> float:
    """The nearest-rank percentile (p99 of 1,000 samples is the 990th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


def json_from_fresh_interpreter(code: str) -> Any:
    """What ``code`` prints as JSON when run by a new interpreter: nothing this process has imported or
    allocated counts towards what it measures."""
    done = subprocess.run([PYTHON, "-c", code], check=True, cwd=ROOT, capture_output=True, text=True)
    return json.loads(done.stdout)


def rss_bytes() -> int:
    """The process's resident set size now (not the peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


# -- the requests ------------------------------------------------------------------------------

SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
PWS_ACTION = "http://projectorpsa.com/PwsProjectorServices/IPwsProjectorServices/"
_PWS_NAMESPACES = (
    f'xmlns:s="{SOAP11}" xmlns:pws="http://projectorpsa.com/PwsProjectorServices/" '
    'xmlns:req="http://projectorpsa.com/DataContracts/Requests/" '
    'xmlns:tim="http://projectorpsa.com/DataContracts/Shared/TimeAndCost/" '
    'xmlns:com="http://projectorpsa.com/DataContracts/Shared/Common/"'
)
DEMO_LOGIN = ("DEMO", "api.admin@example.com", "demo-password")
"""The dataset's administrator: enters time for anyone (the cards here are E123's)."""


def pws_envelope(operation: str, request: str) -> bytes:
    return (
        f"<s:Envelope {_PWS_NAMESPACES}><s:Body><pws:{operation}><pws:serviceRequest>{request}"
        f"</pws:serviceRequest></pws:{operation}></s:Body></s:Envelope>"
    ).encode()


def pws_headers(operation: str) -> dict[str, str]:
    return {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{PWS_ACTION}{operation}"'}


def authenticate_body(account: str = DEMO_LOGIN[0], user: str = DEMO_LOGIN[1], password: str = DEMO_LOGIN[2]) -> bytes:
    return pws_envelope(
        "PwsAuthenticate",
        f"<req:AccountCode>{account}</req:AccountCode><req:Password>{password}</req:Password>"
        f"<req:UserName>{user}</req:UserName>",
    )


def ticket_of(answer: bytes) -> str:
    found = re.search(rb"SessionTicket>([^<]+)<", answer)
    if found is None:
        raise RuntimeError(f"PwsAuthenticate gave no ticket: {answer[:500]!r}")
    return found[1].decode()


SAVE_FIRST_DAY = "2019-01-01"
SAVE_LAST_DAY = "2030-12-31"
"""E123's Consultant role on P001396-001 and the dataset's open accounting periods cover these days."""


def save_body(ticket: str, work_date: str, reference: str = "1", minutes: int | str = 60) -> bytes:
    """PwsSaveTimeCards of one new card of E123 on P001396-001 (the README's example), on ``work_date``."""
    card = (
        f"<tim:PwsTimecardDetail><com:ReferenceId>{reference}</com:ReferenceId><com:TimecardType>T</com:TimecardType>"
        f"<tim:WorkDate>{work_date}T00:00:00Z</tim:WorkDate><tim:WorkMinutes>{minutes}</tim:WorkMinutes>"
        "<tim:ProjectIdentity><com:ProjectCode>P001396-001</com:ProjectCode></tim:ProjectIdentity>"
        "</tim:PwsTimecardDetail>"
    )
    return pws_envelope(
        "PwsSaveTimeCards",
        f"<req:SessionTicket>{ticket}</req:SessionTicket><tim:EndDate>{SAVE_LAST_DAY}T00:00:00Z</tim:EndDate>"
        "<tim:ResourceIdentity><com:ResourceReferenceSystemId>E123</com:ResourceReferenceSystemId>"
        f"</tim:ResourceIdentity><tim:SaveTimeCards>{card}</tim:SaveTimeCards>"
        f"<tim:StartDate>{SAVE_FIRST_DAY}T00:00:00Z</tim:StartDate>",
    )


TRANSFER_CARD = 1152921504652486587
"""The card of the vendor's PwsTransferTime example (E123, 2018-03-05)."""
TRANSFER_TARGETS = (
    # project, rate type uid, role uid, task uid: P001556-001 Developer, and back to P001396-001 Consultant
    ("P001556-001", 1152921504607410067, 1152921504609801802, 1152921504608940940),
    ("P001396-001", 1152921504607370468, 1152921504609525049, 1152921504608637344),
)


def transfer_body(ticket: str, target: tuple[str, int, int, int], card_uid: int = TRANSFER_CARD) -> bytes:
    """PwsTransferTime (TPT) of one card to ``target``'s project, rate type, role and task."""
    project, rate_type, role, task = target
    order = (
        f"<tim:NewProjectIdentity><com:ProjectCode>{project}</com:ProjectCode></tim:NewProjectIdentity>"
        f"<tim:NewProjectRateTypeIdentity><com:ProjectRateTypeUid>{rate_type}</com:ProjectRateTypeUid>"
        f"</tim:NewProjectRateTypeIdentity><tim:NewProjectRoleIdentity><com:ProjectRoleUid>{role}</com:ProjectRoleUid>"
        f"</tim:NewProjectRoleIdentity><tim:NewProjectTaskIdentity><com:ProjectTaskUid>{task}</com:ProjectTaskUid>"
        "</tim:NewProjectTaskIdentity><tim:TimeCardIdentities><tim:PwsVersionedTimecardRef>"
        f"<com:TimecardType>T</com:TimecardType><com:TimecardUid>{card_uid}</com:TimecardUid>"
        "</tim:PwsVersionedTimecardRef></tim:TimeCardIdentities>"
    )
    return pws_envelope(
        "PwsTransferTime",
        f"<req:SessionTicket>{ticket}</req:SessionTicket><tim:AdjustmentType>TPT</tim:AdjustmentType>"
        "<tim:Explanation>benchmark</tim:Explanation>"
        f"<tim:TransferOrders><tim:PwsTimeTransferOrder>{order}</tim:PwsTimeTransferOrder></tim:TransferOrders>",
    )


TP_SEARCH_EXAMPLE = ROOT / "fixtures" / "timepunch" / "examples" / "SearchTimeEntriesForSynchronisation.request.xml"
TP_SEARCH_HEADERS = {
    "Content-Type": 'application/soap+xml; charset=utf-8; action="http://tempuri.org/ISyncService/'
    'SearchTimeEntriesForSynchronisation"'
}
TP_USER, TP_PASSWORD = "ralf.herrmann", "tpdemo"


def search_body(last_sync_time: str) -> bytes:
    """The fixture's SearchTimeEntriesForSynchronisation (ralf.herrmann, tpdemo as upper-case hex MD5),
    asking for the entries after ``last_sync_time``."""
    example = TP_SEARCH_EXAMPLE.read_text(encoding="utf-8")
    hashed = hashlib.md5(TP_PASSWORD.encode(), usedforsecurity=False).hexdigest().upper()
    assert f"<b:TpHashedPwd>{hashed}</b:TpHashedPwd>" in example
    assert f"<b:TpUser>{TP_USER}</b:TpUser>" in example
    body = re.sub(r"<lastSyncTime>[^<]*</lastSyncTime>", f"<lastSyncTime>{last_sync_time}</lastSyncTime>", example)
    return body.encode()


# -- a server process --------------------------------------------------------------------------

_LISTENING = re.compile(r"listening on (http://\S+)")


@dataclass
class ServerProcess:
    process: subprocess.Popen[str]
    base_url: str
    started: float
    """time.perf_counter() just before the spawn."""
    stderr: IO[str]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # SIGTERM: granian's main process stops its workers, werkzeug exits
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.stderr.close()


def spawn_server(*serve_args: str) -> ServerProcess:
    """``python -m mockserver serve --port 0 ...``: returns once its banner names the address."""
    stderr = tempfile.TemporaryFile("w+")  # noqa: SIM115 # the server's, closed by ServerProcess.stop()
    started = time.perf_counter()
    process = subprocess.Popen(
        [PYTHON, "-m", "mockserver", "serve", "--port", "0", *serve_args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    for line in process.stdout:
        found = _LISTENING.search(line)
        if found:
            return ServerProcess(process, found[1], started, stderr)
    process.wait()
    stderr.seek(0)
    output = stderr.read()
    stderr.close()
    raise RuntimeError(f"mockserver serve exited ({process.returncode}) before listening:\n{output}")


@contextmanager
def running_server(*serve_args: str) -> Iterator[ServerProcess]:
    server = spawn_server(*serve_args)
    try:
        yield server
    finally:
        server.stop()


def http(
    url: str,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
    method: str | None = None,
) -> bytes:
    request = urllib.request.Request(
        url, data=data, headers=headers or {}, method=method or ("POST" if data else "GET")
    )
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        body: bytes = answer.read()
        return body


JSON_HEADERS = {"Content-Type": "application/json"}
RATE_LIMITS_OFF = json.dumps({"enabled": False}).encode()
"""Projector refuses a session's calls past 1200 hits a minute, as the vendor does: a load test of
one session switches the tenant's limiter off (PUT /__admin/tenants/{t}/projector/rate-limits)."""


def rate_limits_path(tenant: str) -> str:
    return f"/__admin/tenants/{tenant}/projector/rate-limits"


PWS_SAVE_EXAMPLE = ROOT / "fixtures" / "projector" / "examples" / "PwsSaveTimeCards.request.xml"


def vendor_save_body(ticket: str, work_date: str, minutes: int | str) -> bytes:
    """The vendor's PwsSaveTimeCards example (page 002: one submitted card with its estimate, SubmitFlag true) as
    a fresh card of ``work_date``: its task note left out, sent with ``ticket``, its card, estimate and range
    starting on ``work_date`` and the range ending on SAVE_LAST_DAY."""
    body = PWS_SAVE_EXAMPLE.read_text(encoding="utf-8")
    body = re.sub(r"\s*<tim:Tasks>.*</tim:Tasks>", "", body, flags=re.DOTALL)
    body = re.sub(r"(<req:SessionTicket>)[^<]*", rf"\g<1>{ticket}", body)
    body = re.sub(r"(<tim:(?:AsOfDate|StartDate|WorkDate)>)2018-03-09", rf"\g<1>{work_date}", body)
    body = body.replace("<tim:EndDate>2018-03-31", f"<tim:EndDate>{SAVE_LAST_DAY}")
    return body.replace("<tim:WorkMinutes>60<", f"<tim:WorkMinutes>{minutes}<").encode()
