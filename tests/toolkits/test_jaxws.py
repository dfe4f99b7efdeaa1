"""JAX-WS (Debian's jaxws: wsimport and the reference runtime on the default JDK): a client generated from
each WSDL the wheel serves, compiled with javac, calls its service as a Java user's code would.

Each test runs `wsimport -keep -s src -d classes -p <package> <tenant's WSDL URL>` into tmp_path (wsimport
compiles what it generates), compiles the hand-written caller in tests/toolkits/jaxws/ against it and runs
it. The generated service class keeps the WSDL address it came from, so the caller calls the test's own
tenant with no address set by hand. A caller prints name=value lines; the test asserts the business answer.
"""

from __future__ import annotations

import subprocess
from collections import defaultdict
from pathlib import Path

from toolkits.conftest import ToolkitTenant, require

CALLERS = Path(__file__).parent / "jaxws"
# Debian's JAX-WS runtime: its manifest's Class-Path names the rest (JAXB, SAAJ, streambuffer, policy...).
CLASSPATH = "/usr/share/java/jaxws-rt.jar"
# The dataset's demo logins (README): a PWS user, the Ops header's user, a TimePunch login (token, user, password).
PWS_LOGIN = ("e123@example.com", "e123-password")
OPS_LOGIN = ("api.admin@example.com", "demo-password")
TIMEPUNCH_LOGIN = ("default_timepunch", "ralf.herrmann", "tpdemo")


def run(*command: str) -> str:
    """Run a toolkit command; on failure, fail the test with what the toolkit said."""
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def call(
    tenant: ToolkitTenant, tmp_path: Path, service: str, caller: str, *args: str, options: tuple[str, ...] = ()
) -> dict[str, list[str]]:
    """Generate the service's client with wsimport, build `caller` against it, run it and read its lines."""
    require("wsimport", "javac", "java")
    sources, classes = tmp_path / "src", tmp_path / "classes"
    sources.mkdir()
    classes.mkdir()
    package = f"mock.{service}"
    run("wsimport", *options, "-keep", "-s", str(sources), "-d", str(classes), "-p", package, tenant.wsdl(service))
    classpath = f"{classes}:{CLASSPATH}"
    run("javac", "-cp", classpath, "-d", str(classes), str(CALLERS / f"{caller}.java"))
    answer: dict[str, list[str]] = defaultdict(list)
    for line in run("java", "-cp", classpath, caller, *args).splitlines():
        name, _, value = line.partition("=")
        answer[name].append(value)
    return answer


def test_pws_authenticate_and_save_a_time_card(toolkit_tenant: ToolkitTenant, tmp_path: Path) -> None:
    answer = call(toolkit_tenant, tmp_path, "pws", "PwsCaller", *PWS_LOGIN)
    assert answer["login.status"] == ["Ok"]
    assert answer["login.ticket"] != [""]
    assert answer["save.status"] == ["Ok"]
    assert answer["save.result.referenceId"] == ["1"]
    [uid] = answer["save.result.timecardUid"]
    assert int(uid) > 0


def test_ops_open_batch_header_by_xadditionalheaders(toolkit_tenant: ToolkitTenant, tmp_path: Path) -> None:
    """ASMX's header is a soap:header bound from a message of its own: wsimport maps it to a method
    parameter only under -XadditionalHeaders, the option a JAX-WS user passes for it."""
    answer = call(toolkit_tenant, tmp_path, "ops", "OpsCaller", *OPS_LOGIN, options=("-XadditionalHeaders",))
    assert answer["open.result"] == ["Ok"]
    [batch] = answer["open.batchId"]
    assert int(batch) > 0


def test_timepunch_profiles_ws_addressing_from_wsdl(toolkit_tenant: ToolkitTenant, tmp_path: Path) -> None:
    """wsimport takes the SOAP 1.2 binding only under -extension. The runtime sends WS-Addressing 1.0
    because the binding holds wsaw:UsingAddressing (it ignores the same assertion inside the WS-Policy);
    the mock answers a request without it with a:MessageAddressingHeaderRequired, so a profile list proves it."""
    answer = call(toolkit_tenant, tmp_path, "tpsync", "TpSyncCaller", *TIMEPUNCH_LOGIN, options=("-extension",))
    assert answer["fault.message"] == [""]
    assert answer["profile.logonName"] == ["anna.schmidt", "max.mueller", "no.sync", "ralf.herrmann"]
