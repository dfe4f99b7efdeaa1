"""PHP's SoapClient (php-soap): PHP has no code generator; SoapClient reads the WSDL the wheel serves at run
time and builds the client from it. The callers in php/ call each service in a tenant of the test's own."""

from __future__ import annotations

from pathlib import Path

from support.answers import answers
from support.installed import run
from toolkits.conftest import ToolkitTenant, require

CALLERS = Path(__file__).parent / "php"


def call(caller: str, endpoint: str) -> dict[str, list[str]]:
    """What the caller read from the service at ``endpoint`` (whose WSDL it loads from ``endpoint?wsdl``)."""
    require("php")
    return answers(run(["php", str(CALLERS / caller), endpoint]).stdout)


def test_php_pws_login_then_save_one_time_card(toolkit_tenant: ToolkitTenant) -> None:
    answered = call("pws.php", toolkit_tenant.url("pws"))
    assert answered["login.Status"] == ["Ok"]
    assert answered["login.SessionTicket"][0]
    assert answered["save.Status"] == ["Ok"]
    [uid] = answered["save.TimecardUid"]
    assert int(uid) > 0


def test_php_ops_open_batch_with_authentication_soapheader(toolkit_tenant: ToolkitTenant) -> None:
    answered = call("ops.php", toolkit_tenant.url("ops"))
    assert answered["open.ServiceResult"] == ["Ok"]
    assert int(answered["open.BatchId"][0]) > 0


def test_php_timepunch_profiles_with_soap12_and_ws_addressing_headers_by_hand(toolkit_tenant: ToolkitTenant) -> None:
    answered = call("tpsync.php", toolkit_tenant.url("tpsync"))
    assert "fault.Message" not in answered
    assert answered["profile.LogonName"] == ["anna.schmidt", "max.mueller", "no.sync", "ralf.herrmann"]
