"""Mono's System.ServiceModel WsdlImporter with the DataContract importer (what svcutil does first): a WCF client
generated from each served WSDL by mono/generate.cs, compiled with mcs and called through ClientBase. svcutil uses
DataContractSerializer for the vendor's WCF services, so their import as data contracts must succeed; ASMX's is
XmlSerializer's, and Ops is called through the client Mono's svcutil makes of it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from toolkits.business import assert_batch_opened
from toolkits.conftest import ToolkitTenant, require
from toolkits.mono_toolchain import PROFILES, SOURCES, assert_logged_in_and_saved, compile_exe, run

WCF = ["System.ServiceModel", "System.Runtime.Serialization"]


@pytest.fixture(scope="module")
def generator(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("mcs", "mono")
    out = tmp_path_factory.mktemp("mono-generator") / "generate.exe"
    return compile_exe(out, [SOURCES / "generate.cs"], [*WCF, "System.Web.Services", "System.Xml"])


def generate(generator: Path, mode: str, wsdl: str, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mono", str(generator), mode, wsdl, str(out)], capture_output=True, text=True, timeout=120)


def data_contract_client(generator: Path, wsdl: str, tmp_path: Path) -> Path:
    """The generated client, checked to be data contracts throughout (no XmlSerializer fallback)."""
    out = tmp_path / "client.cs"
    result = generate(generator, "datacontract", wsdl, out)
    assert result.returncode == 0, result.stderr
    code = out.read_text()
    assert "[System.Runtime.Serialization.DataContractAttribute(" in code
    assert "[System.Runtime.Serialization.DataMemberAttribute(" in code
    assert "XmlSerializerFormat" not in code
    assert "System.Xml.Serialization.XmlTypeAttribute" not in code
    return out


def test_pws_data_contract_client_logs_in_and_saves_a_time_card(
    generator: Path, tmp_path: Path, toolkit_tenant: ToolkitTenant
) -> None:
    client = data_contract_client(generator, toolkit_tenant.wsdl("pws"), tmp_path)
    exe = compile_exe(tmp_path / "pws.exe", [client, SOURCES / "pws_datacontract.cs"], WCF)
    answers = run(exe, toolkit_tenant.url("pws"))
    assert_logged_in_and_saved(answers)


def test_tpsync_data_contract_client_over_a_soap12_ws_addressing_binding_set_by_hand_lists_the_profiles(
    generator: Path, tmp_path: Path, toolkit_tenant: ToolkitTenant
) -> None:
    client = data_contract_client(generator, toolkit_tenant.wsdl("tpsync"), tmp_path)
    sources = [client, SOURCES / "tpsync_datacontract.cs", SOURCES / "tpsync_password.cs"]
    exe = compile_exe(tmp_path / "tpsync.exe", sources, WCF)
    answers = run(exe, toolkit_tenant.url("tpsync"))
    assert answers["profile.LogonName"] == PROFILES


def test_ops_is_not_data_contracts_as_asmx_publishes_it(
    generator: Path, tmp_path: Path, toolkit_tenant: ToolkitTenant
) -> None:
    """svcutil falls back to XmlSerializer for an ASMX WSDL: its SOAP header types carry xs:anyAttribute."""
    result = generate(generator, "datacontract", toolkit_tenant.wsdl("ops"), tmp_path / "client.cs")
    assert result.returncode == 1
    assert "Type 'OpsAuthenticationHeader'" in result.stderr
    assert "XML Schema 'any' attribute is not supported" in result.stderr


def test_ops_svcutil_client_with_its_authentication_header_and_soap_action_set_by_hand_opens_a_batch(
    generator: Path, tmp_path: Path, toolkit_tenant: ToolkitTenant
) -> None:
    """Mono's importer drops the soap:header and sends the Action "*" for an input without wsaw:Action (ASMX publishes
    none), so the caller adds the header (a data contract written by hand) and the binding's SOAPAction."""
    client = tmp_path / "client.cs"
    result = generate(generator, "svcutil", toolkit_tenant.wsdl("ops"), client)
    assert result.returncode == 0, result.stderr
    exe = compile_exe(tmp_path / "ops.exe", [client, SOURCES / "ops_svcutil.cs"], WCF)
    answers = run(exe, toolkit_tenant.url("ops"))
    assert_batch_opened({name: value for name, [value] in answers.items()})
