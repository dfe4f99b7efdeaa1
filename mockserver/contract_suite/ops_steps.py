"""Step definitions for the Ops batch import features (features/projector/ops_*.feature)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from lxml import etree
from pytest_bdd import given, parsers, then, when
from zeep.helpers import serialize_object

from mockserver.contract_suite.reading_steps import Posted
from mockserver.contract_suite.target import PASSWORDS, Target, TenantAdmin
from mockserver.projector.catalogue import OPS_CATALOGUE

_INTEGERS = ("WorkMinutes", "ExternalGroupingIdentifier")
_DECIMALS = ("ContractRevenue", "AdjustedRevenue", "SystemRevenue")


@dataclass
class OpsWorld:
    """An Ops scenario: its authentication header, its batch, the last result."""

    service: Any
    tenant: TenantAdmin
    target: Target
    header: dict[str, str] | None = None
    batch_id: int | None = None
    result: dict[str, Any] = field(default_factory=dict)

    def call(self, operation: str, request: dict[str, Any] | None) -> dict[str, Any]:
        headers = {"OpsAuthenticationHeader": self.header} if self.header is not None else {}
        answer = getattr(self.service, operation)(request=request, _soapheaders=headers)
        self.result = serialize_object(answer, dict)
        return self.result


@pytest.fixture
def ops(ops_service: Any, tenant: TenantAdmin, target: Target) -> OpsWorld:
    return OpsWorld(service=ops_service, tenant=tenant, target=target)


def card(row: dict[str, str]) -> dict[str, Any]:
    converted: dict[str, Any] = {}
    for column, cell in row.items():
        if cell == "":
            continue
        if column in _INTEGERS:
            converted[column] = int(cell)
        elif column in _DECIMALS:
            converted[column] = float(cell)
        elif column == "NonBillableFlag":
            converted[column] = cell == "true"
        else:
            converted[column] = cell
    return converted


def table(datatable: list[list[str]]) -> list[dict[str, str]]:
    header, *body = datatable
    return [dict(zip(header, row, strict=True)) for row in body]


@given(parsers.parse('I authenticate to Ops as "{user}"'))
def _(ops: OpsWorld, user: str) -> None:
    ops.header = {"EmailAddress": user, "Password": ops.target.password(user, PASSWORDS[user])}


@given(parsers.parse('I authenticate to Ops as "{user}" with the password "{password}"'))
def _(ops: OpsWorld, user: str, password: str) -> None:
    ops.header = {"EmailAddress": user, "Password": password}


@given(parsers.parse('I authenticate to Ops as "{user}" in the account "{account}"'))
def _(ops: OpsWorld, user: str, account: str) -> None:
    ops.header = {"EmailAddress": user, "Password": ops.target.password(user, PASSWORDS[user]), "AccountName": account}


@given("I send no Ops authentication header")
def _(ops: OpsWorld) -> None:
    ops.header = None


@given(parsers.parse('the account "{account}" prevents unbounded deletion of FRO time and cost cards'))
def _(ops: OpsWorld, account: str) -> None:
    with ops.tenant.db() as db:
        db.execute("UPDATE pr_account SET prevent_unbounded_fro_deletion = 1 WHERE code = ?", (account,))


@given("an open time card batch")
@when("I open a time card batch")
def _(ops: OpsWorld) -> None:
    result = ops.call("OpsOpenTimeCardBatch", {})
    if result["ServiceResult"] == "Ok":
        ops.batch_id = result["BatchId"]


@given(parsers.parse("I use the batch id {batch_id:d}"))
def _(ops: OpsWorld, batch_id: int) -> None:
    ops.batch_id = batch_id


@given("I have imported time cards:")
@when("I import time cards:")
def _(ops: OpsWorld, datatable: list[list[str]]) -> None:
    cards = [card(row) for row in table(datatable)]
    ops.call("OpsImportTimeCards", {"BatchId": ops.batch_id, "TimeCards": {"TimeCard": cards}})


@when(parsers.parse("I import {count:d} time cards of E123 on project P001396-001"))
def _(ops: OpsWorld, count: int) -> None:
    cards = [
        {"TimeCardReferenceSystemId": f"GEN-{n}", "ProjectCode": "P001396-001", "ResourceReferenceSystemId": "E123",
         "Role": "Consultant", "ProjectWbsTaskCode": "1.1", "WorkDate": "2018-04-02", "WorkMinutes": 1 + n % 60}
        for n in range(count)
    ]  # fmt: skip
    ops.call("OpsImportTimeCards", {"BatchId": ops.batch_id, "TimeCards": {"TimeCard": cards}})


@given("I have closed the batch")
@when("I close the batch")
def _(ops: OpsWorld) -> None:
    ops.call("OpsCloseTimeCardBatch", {"BatchId": ops.batch_id})


@when("I close the batch with:")
def _(ops: OpsWorld, datatable: list[list[str]]) -> None:
    (options,) = table(datatable)
    request: dict[str, Any] = {"BatchId": ops.batch_id}
    for member, value in options.items():
        if value:
            request[member] = value == "true" if value in ("true", "false") else value
    ops.call("OpsCloseTimeCardBatch", request)


@then(parsers.parse('the Ops result is "{result}"'))
def _(ops: OpsWorld, result: str) -> None:
    assert ops.result["ServiceResult"] == result, ops.result


@then("I receive a batch id")
def _(ops: OpsWorld) -> None:
    assert ops.batch_id is not None
    assert ops.batch_id > 0


def assert_ops_error(found: dict[str, Any], number: int, code: str, severity: str = "Error") -> None:
    entry = OPS_CATALOGUE.entry_for(code)
    assert (found["DbErrorCode"], found["ErrorCode"], found["Severity"]) == (number, code, severity), found
    assert entry.number == number, f"the scenario names {number} {code}, the catalogue {entry.number}"
    assert found["AdditionalInfo"].startswith(entry.text), found["AdditionalInfo"]


def web_errors(ops: OpsWorld) -> list[dict[str, Any]]:
    """The answer's Errors (zeep reads an empty list as None)."""
    return list(ops.result["Errors"]["OpsWebError"]) if ops.result["Errors"] else []


def assert_errors_include(ops: OpsWorld, number: int, code: str, severity: str) -> None:
    """The answer's Errors hold ``number``, as the catalogue's ``code`` of that severity."""
    errors = web_errors(ops)
    matching = [e for e in errors if e["DbErrorCode"] == number]
    assert matching, errors
    assert_ops_error(matching[0], number, code, severity)


@then(parsers.parse("the answer holds the Ops error {number:d} {code}"))
def _(posted: Posted, number: int, code: str) -> None:
    """The Errors of a posted message's answer hold ``number``, as the catalogue's ``code``."""
    assert posted.answer is not None, "no message was posted"
    assert posted.answer.status_code == 200, posted.answer.text
    answered = etree.fromstring(posted.answer.content).iterfind(".//{*}Errors/{*}OpsWebError")
    errors = [{etree.QName(member).localname: member.text or "" for member in error} for error in answered]
    matching = [
        {**error, "DbErrorCode": int(error["DbErrorCode"])} for error in errors if error["DbErrorCode"] == str(number)
    ]
    assert matching, errors
    assert_ops_error(matching[0], number, code)


@then(parsers.parse("the Ops errors include {number:d} {code}"))
def _(ops: OpsWorld, number: int, code: str) -> None:
    assert_errors_include(ops, number, code, "Error")


@then(parsers.parse("the Ops errors include the warning {number:d} {code}"))
def _(ops: OpsWorld, number: int, code: str) -> None:
    assert_errors_include(ops, number, code, "Warning")


@then(parsers.parse('the Ops rate limit error names "{counts}"'))
def _(ops: OpsWorld, counts: str) -> None:
    errors = web_errors(ops)
    texts = [e["AdditionalInfo"] for e in errors if e["ErrorCode"] == "RequestExceededRateLimit"]
    assert texts, errors
    assert counts in texts[0], texts[0]


def card_errors(ops: OpsWorld) -> list[dict[str, Any]]:
    listed = ops.result.get("TimeCardErrors")
    return list(listed["TimeCardError"]) if listed else []


@then(parsers.parse("card {index:d} failed with error {number:d} {code}"))
def _(ops: OpsWorld, index: int, number: int, code: str) -> None:
    matching = [e for e in card_errors(ops) if e["Index"] == index and e["OpsError"]["DbErrorCode"] == number]
    assert matching, card_errors(ops)
    assert_ops_error(matching[0]["OpsError"], number, code)


@then(parsers.parse("card {index:d} has the warning {number:d} {code}"))
def _(ops: OpsWorld, index: int, number: int, code: str) -> None:
    """A loaded card's warning is in Errors, naming the card; TimeCardErrors holds only cards that failed."""
    matching = [
        e for e in web_errors(ops) if e["DbErrorCode"] == number and e["AdditionalInfo"].startswith(f"Card {index}: ")
    ]
    assert matching, web_errors(ops)
    assert matching[0]["Severity"] == "Warning"
    assert_ops_error(
        {**matching[0], "AdditionalInfo": matching[0]["AdditionalInfo"].split(": ", 1)[1]}, number, code, "Warning"
    )
    assert all(e["Index"] != index for e in card_errors(ops)), card_errors(ops)


@then(parsers.parse("the failed card {index:d} is named {reference}"))
def _(ops: OpsWorld, index: int, reference: str) -> None:
    infos = [e["OpsError"]["AdditionalInfo"] for e in card_errors(ops) if e["Index"] == index]
    assert any(info.endswith(f"TimeCardReferenceSystemId: {reference}") for info in infos), infos


@then(parsers.parse("the failed cards are exactly {indexes}"))
def _(ops: OpsWorld, indexes: str) -> None:
    failed = sorted({e["Index"] for e in card_errors(ops) if e["OpsError"]["Severity"] == "Error"})
    assert failed == ([] if indexes == "none" else [int(i) for i in re.split(r",\s*", indexes)])


@then("the answer holds an empty TimeCardErrors list")
def _(ops: OpsWorld) -> None:
    """Read in the answer as sent (zeep reads an empty list and a missing one alike, as None)."""
    answer = ops.tenant.lookup("SELECT response FROM mock_journal ORDER BY id DESC LIMIT 1")
    assert "<TimeCardErrors/>" in answer, f"TimeCardErrors is not an empty list in {answer}"


@then("no card has an error or a warning")
def _(ops: OpsWorld) -> None:
    assert card_errors(ops) == []
    assert web_errors(ops) == []


@then(parsers.parse("E123 has {count:d} imported cards on {day}"))
def _(ops: OpsWorld, count: int, day: str) -> None:
    found = ops.tenant.lookup(
        "SELECT COUNT(*) FROM pr_time_card c JOIN pr_resource r ON r.uid = c.resource_uid "
        "WHERE r.reference_system_id = 'E123' AND c.work_date = ? AND c.deleted = 0",
        day,
    )
    assert found == count


@then(parsers.parse("the cards of E123 on {day} are for reporting only with contract revenue {revenue:g}"))
def _(ops: OpsWorld, day: str, revenue: float) -> None:
    found = ops.tenant.rows(
        "SELECT c.for_reporting_only, c.status, v.contract_revenue FROM pr_time_card c "
        "JOIN pr_resource r ON r.uid = c.resource_uid LEFT JOIN pr_card_revenue v ON v.card_uid = c.uid "
        "WHERE r.reference_system_id = 'E123' AND c.work_date = ? AND c.deleted = 0",
        day,
    )
    assert found
    assert all(tuple(row) == (1, "A", revenue) for row in found), [tuple(row) for row in found]
