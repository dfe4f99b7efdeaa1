"""The Projector Ops endpoint (ASMX): batch time card import, authenticated by a SOAP header.

Every Ops answer is ServiceResult (Ok, PartialFail: some cards failed, Fail: nothing done) and
a list of OpsWebError; card failures come back as TimeCardError with the card's Index.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from lxml import etree

from mockserver.projector import batches, rate_limits
from mockserver.projector.batches import BatchCloser, CardProblems, CloseOptions, ImportedCard
from mockserver.projector.catalogue import OpsError
from mockserver.projector.model import code_value
from mockserver.resources import CONTRACTS_DIR
from mockserver.soap.asmx import AsmxEndpoint
from mockserver.soap.envelope import interpret
from mockserver.soap.service import Handler, RequestContext, Service
from mockserver.state import clock
from mockserver.state.database import Database

OPS = "http://www.opsplanning.com/webservices/public/data"
CONTRACT_PATH = CONTRACTS_DIR / "projector-ops" / "ops.wsdl"
ENDPOINT_PATH = "/OpsProjectorWebSvc/OpsProjectorSvc.asmx"
AUTHENTICATION_HEADER = f"{{{OPS}}}OpsAuthenticationHeader"
T = TypeVar("T")
_ERROR_STATE = 1
"""OpsWebError.State: SQL Server's error state, which the vendor fills; the mock always sends 1."""


def q(local: str) -> str:
    return f"{{{OPS}}}{local}"


def text(parent: etree._Element | None, local: str) -> str | None:
    found = None if parent is None else next(parent.iterchildren(q(local)), None)
    if found is None or found.get("{http://www.w3.org/2001/XMLSchema-instance}nil") in ("true", "1"):
        return None
    return found.text or ""


def number(parent: etree._Element | None, local: str) -> int | None:
    value = text(parent, local)
    return None if value is None else interpret(int, value)


def day(parent: etree._Element | None, local: str) -> date | None:
    value = text(parent, local)
    return None if value is None else interpret(_date_of, value)


def _date_of(value: str) -> date:
    """The date of an xs:dateTime (or xs:date) value: its first ten characters."""
    return date.fromisoformat(value[:10])


def flag(parent: etree._Element | None, local: str) -> bool | None:
    value = text(parent, local)
    return None if value is None else value in ("true", "1")


@dataclass
class OpsCall:
    request: etree._Element | None
    db: Database
    now: datetime
    user_uid: int
    account_uid: int


@dataclass
class OpsAnswer:
    errors: list[OpsError] = field(default_factory=list)
    card_problems: CardProblems | None = None
    members: list[etree._Element] = field(default_factory=list)


def authenticate(db: Database, headers: list[etree._Element]) -> rate_limits.Client:
    """The user (and installation) the OpsAuthenticationHeader names (e-mail = Projector user name,
    password); an Ops call has no session."""
    header = next((h for h in headers if h.tag == AUTHENTICATION_HEADER), None)
    email, password, account = text(header, "EmailAddress"), text(header, "Password"), text(header, "AccountName")
    if not email or password is None:
        raise OpsError(
            "AuthenticationFailed", "The OpsAuthenticationHeader with EmailAddress and Password is required."
        )
    users = db.execute(
        "SELECT u.uid, u.account_uid, u.password, u.may_use_web_services, a.code, a.name FROM pr_user u "
        "JOIN pr_account a ON a.uid = u.account_uid WHERE u.user_name = ?",
        (email,),
    ).fetchall()
    if account:
        users = [u for u in users if account.lower() in (u["code"].lower(), u["name"].lower())]
    if len(users) > 1:
        raise OpsError("AccountNameRequired")
    if (
        not users
        or not secrets.compare_digest(users[0]["password"].encode(), password.encode())
        or not users[0]["may_use_web_services"]
    ):
        raise OpsError("AuthenticationFailed")
    return rate_limits.Client(account_uid=users[0]["account_uid"], user_uid=users[0]["uid"])


def meet_rate_limit(db: Database, client: rate_limits.Client) -> list[OpsError]:
    """Count the call's hits: past the limit, the error that fails it whole; near it, its warning
    (wiki: legacy services answer RequestExceededRateLimit, a Fail with Severity Error past the limit)."""
    judgement = rate_limits.judge(db, client)
    if judgement is None:
        return []
    counts = judgement.described.capitalize() + "."  # a sentence after the catalogue's text
    if judgement.refused:
        raise OpsError(rate_limits.CODE, counts)
    return [OpsError(rate_limits.CODE, counts, severity="Warning")] if judgement.warned else []


OpsOperation = Callable[[OpsCall], OpsAnswer]


def ops_operation(
    failed: Callable[[], list[etree._Element]] = list,
) -> Callable[[OpsOperation], Handler]:
    """Wrap an operation in the Ops frame: header authentication, ServiceResult, errors.

    ``failed`` gives the members a Fail answer still carries (ASMX writes value types always)."""

    def decorate(operation: OpsOperation) -> Handler:
        return functools.wraps(operation)(functools.partial(_handle, operation, failed))

    return decorate


def _handle(
    operation: OpsOperation,
    failed: Callable[[], list[etree._Element]],
    request: etree._Element,
    ctx: RequestContext,
) -> etree._Element:
    now = clock.now(ctx.db)
    try:
        if ctx.forced_error:
            raise OpsError.forced(ctx.forced_error)
        client = authenticate(ctx.db, ctx.envelope.headers)
        warnings = meet_rate_limit(ctx.db, client)
        answer = operation(OpsCall(request.find(q("request")), ctx.db, now, client.user_uid, client.account_uid))
        answer.errors += warnings
    except OpsError as error:  # a refusal of the whole call: the transaction still commits its hit
        answer = OpsAnswer(errors=[error], members=failed())
    return _response(answer, ctx)


def _response(answer: OpsAnswer, ctx: RequestContext) -> etree._Element:
    response = etree.Element(ctx.operation.output_element, nsmap={None: OPS})  # type: ignore[dict-item]
    result = etree.SubElement(response, q(f"{ctx.operation.name}Result"))
    etree.SubElement(result, q("ServiceResult")).text = _service_result(answer)
    errors = etree.SubElement(result, q("Errors"))
    errors.extend(_web_error(failure, ctx.operation.name) for failure in answer.errors)
    result.extend(answer.members)
    if answer.card_problems is not None:
        card_errors = etree.SubElement(result, q("TimeCardErrors"))
        for index, problem in answer.card_problems.items():
            if problem.severity() != "Error":  # page 001: TimeCardErrors are the cards that failed
                errors.append(_card_warning(problem, index, ctx.operation.name))
                continue
            item = etree.SubElement(card_errors, q("TimeCardError"))
            etree.SubElement(item, q("Index")).text = str(index)
            item.append(_web_error(problem, ctx.operation.name, "OpsError"))
    return response


def _card_warning(warning: OpsError, index: int, operation: str) -> etree._Element:
    """A warning on a card that was loaded: in Errors, naming the card, so that a client resubmitting what
    TimeCardErrors lists never resubmits a card the service kept."""
    element = _web_error(warning, operation)
    info = element.find(q("AdditionalInfo"))
    assert info is not None
    info.text = f"Card {index}: {info.text}"
    return element


def _service_result(answer: OpsAnswer) -> str:
    if any(error.severity() == "Error" for error in answer.errors):
        return "Fail"
    problems = answer.card_problems
    if problems is None or not problems.failures:
        return "Ok"
    return "Fail" if problems.failures == problems.cards else "PartialFail"


def _web_error(error: OpsError, operation: str, local: str = "OpsWebError") -> etree._Element:
    entry = error.entry(operation)
    severity = error.severity(operation)
    element = etree.Element(q(local))
    for member, value in (
        ("Severity", "Informational" if severity == "Information" else severity),
        ("DbErrorCode", entry.number),
        ("ErrorCode", entry.code),
        ("State", _ERROR_STATE),
        ("AdditionalInfo", f"{error.text(operation)} {error.additional_text or ''}".strip()),
    ):
        etree.SubElement(element, q(member)).text = str(value)
    return element


def _no_card_errors() -> list[etree._Element]:
    """A Fail before any card was looked at still carries an empty TimeCardErrors (ASMX writes the
    array; a generated client would otherwise read null, not an empty list)."""
    return [etree.Element(q("TimeCardErrors"))]


def _no_batch() -> list[etree._Element]:
    batch = etree.Element(q("BatchId"))
    batch.text = "0"
    return [batch]


@ops_operation(failed=_no_batch)
def open_time_card_batch(call: OpsCall) -> OpsAnswer:
    batch_id = batches.open_batch(call.db, call.user_uid, call.now)
    batch = etree.Element(q("BatchId"))
    batch.text = str(batch_id)
    return OpsAnswer(members=[batch])


_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_PREFIX = len(OPS) + 2


def _members(element: etree._Element) -> dict[str, str]:
    """An element's members by local name, read in one pass (nil members left out)."""
    return {
        child.tag[_PREFIX:]: child.text or ""
        for child in element
        if isinstance(child.tag, str) and child.get(_NIL) not in ("true", "1")
    }


def _imported_card(card: etree._Element) -> ImportedCard:
    sent = _members(card)

    def optional(convert: Callable[[str], T], name: str) -> T | None:
        value = sent.get(name)
        return None if value is None else interpret(convert, value)

    return ImportedCard(
        reference_system_id=sent.get("TimeCardReferenceSystemId"),
        project_code=sent.get("ProjectCode"),
        resource_reference=sent.get("ResourceReferenceSystemId"),
        role_name=sent.get("Role"),
        task_name=sent.get("ProjectTaskName"),
        task_type_name=sent.get("ProjectTaskTypeName"),
        wbs_code=sent.get("ProjectWbsTaskCode"),
        wbs_name=sent.get("ProjectWbsTaskName"),
        narrative=sent.get("Narrative"),
        work_date=optional(_date_of, "WorkDate"),
        work_minutes=optional(int, "WorkMinutes"),
        contract_revenue=optional(float, "ContractRevenue"),
        adjusted_revenue=optional(float, "AdjustedRevenue"),
        system_revenue=optional(float, "SystemRevenue"),
        currency_code=code_value(sent.get("CurrencyCode")),
        location_name=sent.get("LocationName"),
        non_billable=optional(lambda value: value in ("true", "1"), "NonBillableFlag"),
        rate_type_name=sent.get("ProjectRateTypeName"),
        external_grouping_id=optional(int, "ExternalGroupingIdentifier"),
    )


@ops_operation(failed=_no_card_errors)
def import_time_cards(call: OpsCall) -> OpsAnswer:
    cards_element = None if call.request is None else call.request.find(q("TimeCards"))
    cards = (
        [] if cards_element is None else [_imported_card(card) for card in cards_element.iterchildren(q("TimeCard"))]
    )
    problems = batches.import_cards(call.db, number(call.request, "BatchId"), call.account_uid, cards)
    return OpsAnswer(card_problems=problems)


@ops_operation(failed=_no_card_errors)
def close_time_card_batch(call: OpsCall) -> OpsAnswer:
    request = call.request
    options = CloseOptions(
        action=text(request, "BatchActionType") or "Import",
        status=code_value(text(request, "Status")),
        override_rules=bool(flag(request, "OverrideRulesFlag")),
        purge_begin=day(request, "PurgeBeginDate"),
        purge_end=day(request, "PurgeEndDate"),
        use_first_role=bool(flag(request, "UseFirstRoleFlag")),
        use_first_task=bool(flag(request, "UseFirstTaskFlag")),
        create_task_codes=bool(flag(request, "CreateTaskCodesFlag")),
    )
    problems = BatchCloser(call.db, options, call.now, call.account_uid).close(number(request, "BatchId"))
    return OpsAnswer(card_problems=problems)


HANDLERS: dict[str, Handler] = {
    "OpsOpenTimeCardBatch": open_time_card_batch,
    "OpsImportTimeCards": import_time_cards,
    "OpsCloseTimeCardBatch": close_time_card_batch,
}


SERVICE = Service(
    ENDPOINT_PATH, CONTRACT_PATH, HANDLERS, endpoint_class=AsmxEndpoint, understood_headers=(AUTHENTICATION_HEADER,)
)
