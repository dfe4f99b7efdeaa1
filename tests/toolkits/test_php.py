"""PHP's SoapClient (php-soap): PHP has no code generator; SoapClient reads the WSDL the wheel serves at run
time and builds the client from it, as a PHP user's code does (tests/toolkits/php/); here, the business
answers of each call, in a tenant of the test's own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from support.installed import run
from toolkits.business import assert_batch_opened, assert_profiles_listed, assert_saved_one_card
from toolkits.conftest import require

if TYPE_CHECKING:
    from toolkits.conftest import ToolkitTenant

CALLERS = Path(__file__).resolve().parent / "php"


def called(caller: str, endpoint: str) -> Any:
    """What the caller's calls answered, read from the JSON it prints (it loads ``endpoint?wsdl``)."""
    require("php")
    return json.loads(run(["php", str(CALLERS / caller), endpoint]).stdout)


def test_php_pws_login_then_save_one_card(toolkit_tenant: ToolkitTenant) -> None:
    answers = called("pws.php", toolkit_tenant.url("pws"))
    saved = answers["saved"]
    assert_saved_one_card(answers["login"], saved, saved["TimecardResults"]["PwsSaveTimecardResult"])


def test_php_ops_open_batch_with_the_authentication_header_as_a_soapheader(toolkit_tenant: ToolkitTenant) -> None:
    assert_batch_opened(called("ops.php", toolkit_tenant.url("ops"))["batch"])


def test_php_tpsync_profiles_with_soap12_set_and_ws_addressing_headers_added_by_hand(
    toolkit_tenant: ToolkitTenant,
) -> None:
    profiles = called("tpsync.php", toolkit_tenant.url("tpsync"))["profiles"]
    assert_profiles_listed(profiles["GetUseableSyncUserProfilesResult"]["SyncUserProfileDto"])
