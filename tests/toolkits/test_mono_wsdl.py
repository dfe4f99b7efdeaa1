"""Mono's wsdl.exe ("Add Web Reference"): a System.Web.Services SoapHttpClientProtocol proxy generated from each
served WSDL, compiled with mcs and called (sources in mono/)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from toolkits.conftest import ToolkitTenant, require
from toolkits.mono_toolchain import PROFILES, SOURCES, assert_logged_in_and_saved, compile_exe, run


def proxy(tmp_path: Path, wsdl: str, *options: str) -> Path:
    """`wsdl /out:proxy.cs URL`, as a user runs it."""
    require("wsdl", "mcs", "mono")
    out = tmp_path / "proxy.cs"
    result = subprocess.run(
        ["wsdl", "/nologo", *options, f"/out:{out}", wsdl], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def build(tmp_path: Path, name: str, generated: Path, *sources: str) -> Path:
    return compile_exe(
        tmp_path / f"{name}.exe",
        [generated, *(SOURCES / source for source in (f"{name}.cs", *sources))],
        ["System.Web.Services", "System.Xml"],
    )


def test_pws_proxy_logs_in_and_saves_a_time_card(tmp_path: Path, toolkit_tenant: ToolkitTenant) -> None:
    exe = build(tmp_path, "pws_wsdl", proxy(tmp_path, toolkit_tenant.wsdl("pws")))
    answers = run(exe, toolkit_tenant.url("pws"))
    assert_logged_in_and_saved(answers)


def test_ops_proxy_opens_a_batch_with_its_authentication_header(tmp_path: Path, toolkit_tenant: ToolkitTenant) -> None:
    exe = build(tmp_path, "ops_wsdl", proxy(tmp_path, toolkit_tenant.wsdl("ops")))
    answers = run(exe, toolkit_tenant.url("ops"))
    assert int(answers["batch.BatchId"][0]) > 0


def test_tpsync_soap12_proxy_with_ws_addressing_headers_added_by_hand_lists_the_profiles(
    tmp_path: Path, toolkit_tenant: ToolkitTenant
) -> None:
    generated = proxy(tmp_path, toolkit_tenant.wsdl("tpsync"), "/protocol:SOAP12")
    exe = build(tmp_path, "tpsync_wsdl", generated, "tpsync_password.cs", "ws_addressing_headers.cs")
    shutil.copy(SOURCES / "tpsync_wsdl.exe.config", tmp_path)
    answers = run(exe, toolkit_tenant.url("tpsync"))
    assert answers["profile.LogonName"] == PROFILES
