"""node-soap (npm `soap`, pinned by tests/toolkits/node/package-lock.json, which tests/toolkits/install.sh
installs into build/node) builds its client at run time from the WSDL the installed wheel serves, as a
Node.js user's code does (tests/toolkits/node/call.js); here, the business answers of each call.

Pinned at 1.11.0: 1.12.0 and 1.13.0 sort a request's members by the schema but put a two-level base
type's members after its own base's (node-soap issue #1530), so PwsTimecardDetail's TimecardType
(from com:PwsTimecardRef, under tim:PwsTimecardBase) goes after WorkDate and the card is refused."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from support.installed import REPO, run
from toolkits.business import assert_batch_opened, assert_profiles_listed, assert_saved_one_card
from toolkits.conftest import require

if TYPE_CHECKING:
    from toolkits.conftest import ToolkitTenant

CALLER = Path(__file__).resolve().parent / "node" / "call.js"
NODE_MODULES = REPO / "build" / "node" / "node_modules"


def called(service: str, tenant: ToolkitTenant) -> Any:
    require("node")
    if not (NODE_MODULES / "soap").is_dir():
        pytest.fail(f"node-soap missing from {NODE_MODULES}: tests/toolkits/install.sh installs it")
    environment = os.environ | {"NODE_PATH": str(NODE_MODULES)}
    return json.loads(run(["node", str(CALLER), service, tenant.wsdl(service)], env=environment).stdout)


def test_pws_login_then_save_one_card_members_listed_in_contract_order(toolkit_tenant: ToolkitTenant) -> None:
    answers = called("pws", toolkit_tenant)
    saved = answers["saved"]
    results = saved["TimecardResults"]["PwsSaveTimecardResult"]
    cards = [results] if isinstance(results, dict) else results  # node-soap reads one item as an object
    assert_saved_one_card(answers["login"], saved, cards)


def test_ops_open_batch_with_the_authentication_header_added_by_hand(toolkit_tenant: ToolkitTenant) -> None:
    assert_batch_opened(called("ops", toolkit_tenant)["batch"])


def test_tpsync_profiles_with_soap12_forced_and_ws_addressing_headers_added_by_hand(
    toolkit_tenant: ToolkitTenant,
) -> None:
    profiles = called("tpsync", toolkit_tenant)["profiles"]
    assert_profiles_listed(profiles["GetUseableSyncUserProfilesResult"]["SyncUserProfileDto"])
