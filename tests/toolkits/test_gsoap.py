"""gSOAP: wsdl2h and soapcpp2 generate a C++ proxy from each WSDL the wheel serves, g++ builds it with a
caller program from gsoap/ against Debian's libgsoap++, and the program calls the service in a tenant of
the test's own. Each service's client is generated once, by the one test that calls it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from support.answers import answers
from support.installed import run
from toolkits.conftest import ToolkitTenant, require

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


def test_gsoap_pws_login_then_save_one_time_card(toolkit_tenant: ToolkitTenant, tmp_path: Path) -> None:
    program = build_client(toolkit_tenant.wsdl("pws"), "pws_client.cpp", tmp_path)
    answered = answers(run([str(program), toolkit_tenant.url("pws")]).stdout)
    assert answered["login.Status"] == ["Ok"]
    assert answered["login.SessionTicket"][0]
    assert answered["save.Status"] == ["Ok"]
    [uid] = answered["save.TimecardUid"]
    assert int(uid) > 0


def test_gsoap_ops_open_batch_with_authentication_header(toolkit_tenant: ToolkitTenant, tmp_path: Path) -> None:
    program = build_client(toolkit_tenant.wsdl("ops"), "ops_client.cpp", tmp_path)
    answered = answers(run([str(program), toolkit_tenant.url("ops")]).stdout)
    assert answered["open.ServiceResult"] == ["Ok"]
    assert int(answered["open.BatchId"][0]) > 0


def test_gsoap_timepunch_profiles_with_wsa_plugin_addressing(toolkit_tenant: ToolkitTenant, tmp_path: Path) -> None:
    program = build_client(toolkit_tenant.wsdl("tpsync"), "tp_client.cpp", tmp_path, "wsaapi.c")
    hashed = hashlib.md5(b"tpdemo").hexdigest().upper()
    answered = answers(run([str(program), toolkit_tenant.url("tpsync"), hashed]).stdout)
    assert "fault.Message" not in answered
    assert answered["profile.LogonName"] == ["anna.schmidt", "max.mueller", "no.sync", "ralf.herrmann"]
