"""gSOAP: wsdl2h and soapcpp2 generate a C++ proxy from each WSDL the wheel serves, g++ builds it with a
caller program from gsoap/ against Debian's libgsoap++, and the program calls the service in a tenant of
the test's own. Each service's client is generated once, by the one test that calls it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from support.installed import run
from toolkits.business import assert_batch_opened, assert_profiles_listed, assert_saved_one_card
from toolkits.conftest import require

if TYPE_CHECKING:
    from toolkits.conftest import ToolkitTenant

CALLERS = Path(__file__).parent / "gsoap"
GSOAP = Path("/usr/share/gsoap")


def build_client(wsdl: str, caller: str, workdir: Path, *plugins: str) -> Path:
    """The proxy generated into ``workdir`` and built with ``caller`` (and gSOAP ``plugins``): the program.

    The typemap is gSOAP's own (WS/typemap.dat, which knows WCF's Serialization schema and WS-Addressing)
    plus our prefixes for the services' namespaces, so the callers' C++ names do not depend on namespace order.
    """
    require("wsdl2h", "soapcpp2", "g++", "pkg-config")
    typemap = workdir / "typemap.dat"
    typemap.write_text((GSOAP / "WS" / "typemap.dat").read_text() + (CALLERS / "typemap.dat").read_text())
    run(["wsdl2h", "-t", str(typemap), "-o", "service.h", wsdl], cwd=workdir)
    run(["soapcpp2", "-j", "-C", "-x", f"-I{GSOAP / 'import'}", "service.h"], cwd=workdir)
    library = run(["pkg-config", "--cflags", "--libs", "gsoap++"]).stdout.split()
    sources = [*sorted(workdir.glob("soap*.cpp")), CALLERS / caller, *(GSOAP / "plugin" / plugin for plugin in plugins)]
    program = workdir / Path(caller).stem
    includes = [f"-I{folder}" for folder in (workdir, CALLERS, GSOAP / "plugin")]
    run(["g++", "-x", "c++", "-o", str(program), *includes, *map(str, sources), *library])
    return program


def called(program: Path, *arguments: str) -> Any:
    """What the program's calls answered, read from the JSON it prints."""
    return json.loads(run([str(program), *arguments]).stdout)


def test_gsoap_pws_login_then_save_one_card(toolkit_tenant: ToolkitTenant, tmp_path: Path) -> None:
    program = build_client(toolkit_tenant.wsdl("pws"), "pws_client.cpp", tmp_path)
    answers = called(program, toolkit_tenant.url("pws"))
    saved = answers["saved"]
    assert_saved_one_card(answers["login"], saved, saved["TimecardResults"])


def test_gsoap_ops_open_batch_with_the_authentication_header_on_the_proxy(
    toolkit_tenant: ToolkitTenant, tmp_path: Path
) -> None:
    program = build_client(toolkit_tenant.wsdl("ops"), "ops_client.cpp", tmp_path)
    assert_batch_opened(called(program, toolkit_tenant.url("ops"))["batch"])


def test_gsoap_tpsync_profiles_with_the_wsa_plugins_ws_addressing_headers(
    toolkit_tenant: ToolkitTenant, tmp_path: Path
) -> None:
    program = build_client(toolkit_tenant.wsdl("tpsync"), "tp_client.cpp", tmp_path, "wsaapi.c")
    hashed = hashlib.md5(b"tpdemo").hexdigest().upper()
    assert_profiles_listed(called(program, toolkit_tenant.url("tpsync"), hashed)["profiles"])
