"""JAX-WS (Debian's jaxws: wsimport and the reference runtime, on the default JDK): a client generated from
each WSDL the installed wheel serves, compiled with javac, calls its service as a Java user's code would.

Each test runs `wsimport -keep -s src -d classes -p mock.<service> <the tenant's ?wsdl URL>` into tmp_path
(wsimport compiles what it generates), compiles the hand-written caller of tests/toolkits/jaxws/ against it
and runs it. The generated service class keeps the WSDL address it came from, so the caller reaches the
test's own tenant with no address set by hand. A caller prints its answers as JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from support.installed import run
from toolkits.business import assert_batch_opened, assert_profiles_listed, assert_saved_one_card
from toolkits.conftest import require

if TYPE_CHECKING:
    from toolkits.conftest import ToolkitTenant

CALLERS = Path(__file__).resolve().parent / "jaxws"
CLASSPATH = "/usr/share/java/jaxws-rt.jar"
"""Debian's JAX-WS runtime; its manifest's Class-Path names the rest (JAXB, SAAJ, streambuffer, policy...)."""


def called(
    tenant: ToolkitTenant, tmp_path: Path, service: str, caller: str, *args: str, options: tuple[str, ...] = ()
) -> Any:
    """Generate the service's client with wsimport, build `caller` against it and run it."""
    require("wsimport", "javac", "java")
    sources, classes = tmp_path / "src", tmp_path / "classes"
    sources.mkdir()
    classes.mkdir()
    package = f"mock.{service}"
    run(["wsimport", *options, "-keep", "-s", str(sources), "-d", str(classes), "-p", package, tenant.wsdl(service)])
    classpath = f"{classes}:{CLASSPATH}"
    run(["javac", "-cp", classpath, "-d", str(classes), str(CALLERS / f"{caller}.java"), str(CALLERS / "Json.java")])
    return json.loads(run(["java", "-cp", classpath, caller, *args]).stdout)


def test_pws_login_then_save_one_card(toolkit_tenant: ToolkitTenant, tmp_path: Path) -> None:
    answers = called(toolkit_tenant, tmp_path, "pws", "PwsCaller", "e123@example.com", "e123-password")
    assert_saved_one_card(answers["login"], answers["saved"], answers["results"])


def test_ops_open_batch_header_as_a_parameter_by_xadditionalheaders(
    toolkit_tenant: ToolkitTenant, tmp_path: Path
) -> None:
    """ASMX binds its header from a message of its own: wsimport makes it a method parameter only under
    -XadditionalHeaders, the option a JAX-WS user passes for it."""
    batch = called(
        toolkit_tenant,
        tmp_path,
        "ops",
        "OpsCaller",
        "api.admin@example.com",
        "demo-password",
        options=("-XadditionalHeaders",),
    )
    assert_batch_opened(batch)


def test_tpsync_profiles_soap12_by_extension_ws_addressing_from_the_wsdl(
    toolkit_tenant: ToolkitTenant, tmp_path: Path
) -> None:
    """wsimport takes the SOAP 1.2 binding only under -extension. The runtime sends WS-Addressing 1.0 because
    the binding holds wsaw:UsingAddressing (the same assertion inside the WS-Policy alone it ignores); the mock
    answers a request without it with a:MessageAddressingHeaderRequired, so a profile list proves it."""
    answers = called(
        toolkit_tenant,
        tmp_path,
        "tpsync",
        "TpSyncCaller",
        "default_timepunch",
        "ralf.herrmann",
        "tpdemo",
        options=("-extension",),
    )
    assert answers["fault"] is None, answers
    assert_profiles_listed(answers["profiles"])
