"""A consumer's contract report: per operation a client called, whether every request was valid.

JUnit XML, which CI systems display: one test suite per endpoint, one test case per operation
(a failure lists each invalid request's element path and reason: the refused ones' violations,
and the warnings of those the mock read past as the vendor would, since those are the client's
bugs too). Built from the request journal, so it covers every tenant the client used.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from lxml import etree

from mockserver.state import journal
from mockserver.state.tenants import TenantRegistry

UNKNOWN_OPERATION = "(no operation)"


def junit_report(tenants: TenantRegistry) -> bytes:
    calls: dict[str, dict[str, list[journal.JournalEntry]]] = defaultdict(lambda: defaultdict(list))
    for name in tenants.names():
        with tenants.get(name).transaction() as db:
            for entry in journal.find(db, name):
                calls[entry.endpoint][entry.operation or UNKNOWN_OPERATION].append(entry)
    suites = etree.Element("testsuites", name="timecard-mockserver contract report")
    for endpoint in sorted(calls):
        operations = calls[endpoint]
        suite = etree.SubElement(suites, "testsuite", name=endpoint, tests=str(len(operations)))
        failures = 0
        for operation in sorted(operations):
            entries = operations[operation]
            case = etree.SubElement(suite, "testcase", classname=endpoint, name=operation)
            invalid = [entry for entry in entries if entry.verdict == "client-fault" or entry.warnings]
            if invalid:
                failures += 1
                failure = etree.SubElement(
                    case, "failure", message=f"{len(invalid)} of {len(entries)} request(s) broke the contract"
                )
                failure.text = "\n".join(_describe(entry) for entry in invalid)
            etree.SubElement(
                case, "system-out"
            ).text = f"{len(entries)} call(s) in tenant(s) {', '.join(sorted({e.tenant or '' for e in entries}))}"
        suite.set("failures", str(failures))
    return etree.tostring(suites, pretty_print=True, xml_declaration=True, encoding="utf-8")


def _describe(entry: journal.JournalEntry) -> str:
    where = f"{entry.logged_at} tenant {entry.tenant}"
    departures = entry.violations or entry.warnings
    if not departures:
        reason = entry.response.split("<faultstring", 1)[-1].split(">", 1)[-1].split("<", 1)[0]
        return f"{where}: {reason or 'not a valid SOAP request'}"
    return "\n".join(f"{where}: {departure['path']}: {departure['reason']}" for departure in departures)


def write_report(tenants: TenantRegistry, path: Path) -> None:
    """Write the report atomically (a CI step may read it while the mock still runs)."""
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_bytes(junit_report(tenants))
    temporary.replace(path)
