"""Benchmark: OpsImportTimeCards and OpsCloseTimeCardBatch with 100, 1,000 and 10,000 cards.

Run: python tests/benchmarks/bench_ops_import.py [--json FILE]
Prints one line per figure (wall time per call, peak Python memory during the call) and writes
them all as JSON. In-process (werkzeug's test client): parsing, validation, rules and SQLite,
no sockets. Not collected by pytest (no test_ prefix); figures, never pass/fail.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import tracemalloc
from pathlib import Path

from werkzeug.test import Client

from mockserver.app import create_app
from mockserver.projector import ops

OPS = ops.OPS
HEADER = (
    f'<s:Header><OpsAuthenticationHeader xmlns="{OPS}"><EmailAddress>api.admin@example.com</EmailAddress>'
    "<Password>demo-password</Password></OpsAuthenticationHeader></s:Header>"
)


def envelope(body: str) -> bytes:
    return (
        f'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">{HEADER}<s:Body>{body}</s:Body></s:Envelope>'
    ).encode()


def cards(count: int) -> str:
    return "".join(
        f"<TimeCard><TimeCardReferenceSystemId>B-{n}</TimeCardReferenceSystemId><ProjectCode>P001396-001</ProjectCode>"
        "<ResourceReferenceSystemId>E123</ResourceReferenceSystemId><Role>Consultant</Role>"
        "<ProjectWbsTaskCode>1.1</ProjectWbsTaskCode>"
        f"<WorkDate>2018-04-{1 + n % 28:02d}</WorkDate><WorkMinutes>{1 + n % 480}</WorkMinutes></TimeCard>"
        for n in range(count)
    )


def headers(body: bytes) -> dict[str, str]:
    """text/xml and the SOAPAction of the Ops method the body holds (ASMX dispatches on it)."""
    method = re.search(rb"<s:Body><(Ops\w+) xmlns=", body)
    assert method is not None, body[:300]
    return {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{OPS}/{method[1].decode()}"'}


def call(client: Client, tenant: str, body: bytes) -> bytes:
    answer = client.post(f"/tenants/{tenant}{ops.ENDPOINT_PATH}", data=body, headers=headers(body))
    assert answer.status_code == 200, answer.data[:500]
    assert b"<ServiceResult>Ok</ServiceResult>" in answer.data, answer.data[:500]
    return answer.data


def open_batch(client: Client, tenant: str) -> str:
    opened = call(client, tenant, envelope(f'<OpsOpenTimeCardBatch xmlns="{OPS}"/>'))
    return opened.split(b"<BatchId>")[1].split(b"</BatchId>")[0].decode()


def import_body(batch: str, count: int) -> bytes:
    request = f"<request><BatchId>{batch}</BatchId><TimeCards>{cards(count)}</TimeCards></request>"
    return envelope(f'<OpsImportTimeCards xmlns="{OPS}">{request}</OpsImportTimeCards>')


def close_body(batch: str) -> bytes:
    request = f"<request><BatchId>{batch}</BatchId></request>"
    return envelope(f'<OpsCloseTimeCardBatch xmlns="{OPS}">{request}</OpsCloseTimeCardBatch>')


def timed(client: Client, tenant: str, body: bytes) -> float:
    started = time.perf_counter()
    call(client, tenant, body)
    return time.perf_counter() - started


def peak_memory(client: Client, tenant: str, body: bytes) -> float:
    """Peak Python memory (MiB) allocated while serving the call (a separate run: tracing slows it)."""
    tracemalloc.start()
    call(client, tenant, body)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=Path("bench_ops_import.json"))
    args = parser.parse_args()
    client = Client(create_app())
    figures: dict[str, float] = {}
    for count in (100, 1_000, 10_000):
        timing, tracing = f"time-{count}", f"memory-{count}"
        batch, traced_batch = open_batch(client, timing), open_batch(client, tracing)
        body, traced_body = import_body(batch, count), import_body(traced_batch, count)
        figures[f"ops_import_{count}_seconds"] = round(timed(client, timing, body), 4)
        figures[f"ops_import_{count}_peak_mib"] = round(peak_memory(client, tracing, traced_body), 1)
        figures[f"ops_close_{count}_seconds"] = round(timed(client, timing, close_body(batch)), 4)
        figures[f"ops_close_{count}_peak_mib"] = round(peak_memory(client, tracing, close_body(traced_batch)), 1)
    for name, value in figures.items():
        print(f"{name:32} {value}")
    args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(f"written: {args.json}")


if __name__ == "__main__":
    main()
