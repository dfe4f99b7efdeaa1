"""zeep with strict=True, from the installed wheel's venv (the contract-test extra brings it): a client per
service built from the WSDL the wheel serves, as tests/toolkits/zeep_strict/calls.py builds it, and the
business answers of each call."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from support.installed import Installed
from toolkits.business import assert_batch_opened, assert_profiles_listed, assert_saved_one_card

if TYPE_CHECKING:
    from toolkits.conftest import ToolkitTenant

CALLS = Path(__file__).resolve().parent / "zeep_strict" / "calls.py"


def called(installed: Installed, service: str, tenant: ToolkitTenant) -> Any:
    return json.loads(installed.run("python", str(CALLS), service, tenant.wsdl(service)).stdout)


def test_pws_login_then_save_one_card(installed_package: Installed, toolkit_tenant: ToolkitTenant) -> None:
    answers = called(installed_package, "pws", toolkit_tenant)
    saved = answers["saved"]
    assert_saved_one_card(answers["login"], saved, saved["TimecardResults"]["PwsSaveTimecardResult"])


def test_ops_open_batch_with_the_header_set_as_default_soapheaders(
    installed_package: Installed, toolkit_tenant: ToolkitTenant
) -> None:
    assert_batch_opened(called(installed_package, "ops", toolkit_tenant)["batch"])


def test_tpsync_profiles_over_soap12_with_the_ws_addressing_zeep_adds_from_wsaw_action_no_plugin(
    installed_package: Installed, toolkit_tenant: ToolkitTenant
) -> None:
    answers = called(installed_package, "tpsync", toolkit_tenant)
    assert answers["addressing"] == ["Action", "MessageID", "To"]  # once each: the WSDL's wsaw:Action suffices
    assert answers["profiles"]["fault"]["Message"] is None, answers
    assert_profiles_listed(answers["profiles"]["GetUseableSyncUserProfilesResult"]["SyncUserProfileDto"])
