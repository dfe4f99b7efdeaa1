"""The PWS endpoint: its operation handlers and the response frame every PWS answer shares.

Every PWS response starts with Messages, ResponseId (the request's RequestId), Status and
ServerTimestampUtc (the tenant's clock); a documented error is a ``Fail`` status with the
catalogue's message, never a SOAP fault (those are for contract violations).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import astuple, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from lxml import etree

from mockserver.projector import adjustments, rate_limits, sessions, time_entry, wire
from mockserver.projector.catalogue import PwsError, PwsFailure
from mockserver.projector.model import (
    Adjustment,
    CardRef,
    Estimate,
    ProjectRoleRequest,
    ReadRequest,
    SaveRequest,
    SplitOrder,
    TaskNote,
    TransferOrder,
    TransferRequest,
    code_value,
)
from mockserver.projector.sessions import Caller
from mockserver.projector.timecards import ItemOutcome, SaveOutcome, TimeCardSaver
from mockserver.projector.transfers import TimeTransfer
from mockserver.projector.wire import COM, CS, REQ, RESP, TAC, add, members, text
from mockserver.resources import CONTRACTS_DIR
from mockserver.soap import ns
from mockserver.soap.envelope import DeclaredFault, FaultCode
from mockserver.soap.service import Handler, RequestContext, Service
from mockserver.soap.wcf import WcfEndpoint
from mockserver.state import clock
from mockserver.state.database import Database, Row

CONTRACT_PATH = CONTRACTS_DIR / "projector" / "pws.wsdl"
ENDPOINT_PATH = "/OpsProjectorWcfSvc/PwsProjectorServices.svc"
SCHEMA_SQL = (Path(__file__).parent / "schema.sql").read_text(encoding="utf-8")
SAVE_OPERATION = "PwsSaveTimeCards"
_SESSION_ERRORS = {"InvalidSessionTicket", "InvalidSession"}
_DEFAULT_NAMESPACE: dict[Any, str] = {None: wire.PWS}  # lxml-stubs want str keys; None is the default
_PREFIXES = {"a": TAC, "b": COM, "c": CS, "r": RESP, "i": ns.XSI}


@dataclass
class Call:
    """One PWS call as a handler sees it: the serviceRequest element, the database, the clock."""

    request: etree._Element
    db: Database
    now: datetime
    caller: Caller | None = None

    @property
    def user(self) -> Caller:
        assert self.caller is not None, "operation declared needs_session=False"
        return self.caller


@dataclass
class Answer:
    """An operation's own response members (in contract order) and any messages to report."""

    members: list[etree._Element] = field(default_factory=list)
    messages: list[PwsError] = field(default_factory=list)


Operation = Callable[[Call], Answer]


def pws_operation(needs_session: bool = True, counts_hits: bool = True) -> Callable[[Operation], Handler]:
    """Wrap an operation in the PWS frame: session check, rate limit, common response fields, Fail on
    error. ``counts_hits=False``: the operation meets the rate limiter itself (PwsTestRateLimiter)."""

    def decorate(operation: Operation) -> Handler:
        @functools.wraps(operation)
        def handler(request: etree._Element, ctx: RequestContext) -> etree._Element:
            # WCF publishes serviceRequest optional and nillable: without one, the request is empty.
            sent = wire.child(request, wire.PWS, "serviceRequest")
            service_request = sent if sent is not None else etree.Element(wire.q(wire.PWS, "serviceRequest"))
            call = Call(service_request, ctx.db, clock.now(ctx.db))
            notices: list[PwsError] = []
            try:
                if ctx.forced_error:
                    raise _forced(call, ctx.forced_error, ctx.operation.name)
                if needs_session:
                    call.caller = sessions.require_session(
                        ctx.db, text(service_request, REQ, "SessionTicket"), call.now
                    )
                    notices += meet_rate_limit(call, ctx.operation.name) if counts_hits else []
                answer = operation(call)
            except PwsFailure as failure:
                answer = Answer(messages=failure.errors)
            except PwsError as error:  # a rule refusing the request as a whole
                answer = Answer(messages=[error])
            answer.messages += notices
            response = etree.Element(ctx.operation.output_element, nsmap=_DEFAULT_NAMESPACE)
            result = etree.SubElement(response, wire.q(wire.PWS, f"{ctx.operation.name}Result"))
            _common_fields(result, service_request, ctx.operation.name, answer.messages, call.now)
            result.extend(answer.members)
            etree.cleanup_namespaces(response, top_nsmap=_PREFIXES)
            return response

        return handler

    return decorate


def meet_rate_limit(call: Call, operation: str) -> list[PwsError]:
    """Count the call's hits: past the limit, the PwsFault that refuses it; near it, its warning."""
    judgement = rate_limits.judge(call.db, rate_limits.Client.of(call.user))
    if judgement is None:
        return []
    if judgement.refused:
        raise _pws_fault(_rate_limit_error(judgement.described), operation)
    return [_rate_limit_error(judgement.described, severity="Warning")] if judgement.warned else []


def _rate_limit_error(described: str, severity: str | None = None, note: str | None = None) -> PwsError:
    return PwsError(rate_limits.CODE, note, fill=[described], severity=severity)


def _forced(call: Call, code: str, operation: str) -> Exception:
    """The error a fault rule forces: 10016 is the PwsFault of a call past the rate limit (naming the
    counts of the session the ticket names, without counting the call); any other is a Fail answer."""
    forced = PwsError.forced(code)
    if forced.code != rate_limits.CODE:
        return forced
    ticket = text(call.request, REQ, "SessionTicket")
    caller = sessions.find_session(call.db, ticket) if ticket else None
    described = (
        rate_limits.assess(call.db, rate_limits.Client.of(caller)).described
        if caller is not None
        else "the request names no session to count"
    )
    return _pws_fault(_rate_limit_error(described, note="Forced by a fault rule."), operation)


def _pws_fault(error: PwsError, operation: str) -> DeclaredFault:
    """The PwsFault the vendor answers past its rate limit: the PwsMessage, as an Error, in its detail."""
    detail = etree.Element(wire.q(COM, "PwsFault"), nsmap={"b": COM})
    add(detail, COM, "Messages", [_message(error, operation)])
    return DeclaredFault(error.text(operation), FaultCode.SENDER, detail=[detail])


def _common_fields(
    result: etree._Element, request: etree._Element, operation: str, messages: list[PwsError], now: datetime
) -> None:
    add(result, CS, "Messages", [_message(error, operation) for error in messages])
    add(result, CS, "ResponseId", wire.integer(request, REQ, "RequestId") or 0)
    add(result, CS, "Status", _status(messages))
    add(result, CS, "ServerTimestampUtc", now)


def _status(messages: list[PwsError]) -> str:
    if any(error.code in _SESSION_ERRORS for error in messages):
        return "FailSessionInvalid"
    if any(error.severity() == "Error" for error in messages):
        return "Fail"
    return "OkWithWarnings" if messages else "Ok"


def _message(error: PwsError, operation: str) -> etree._Element:
    entry = error.entry(operation)
    return members(
        COM,
        "PwsMessage",
        [
            (COM, "AdditionalErrorText", error.additional_text or f"Error {entry.number}: {entry.code}"),
            (COM, "ErrorCode", entry.code),
            (COM, "ErrorNumber", entry.number),
            (COM, "ErrorText", error.text(operation)),
            (COM, "Type", error.severity(operation)),
        ],
    )


# -- PwsAuthenticate / PwsUnauthenticate -------------------------------------------------------


@pws_operation(needs_session=False)
def pws_authenticate(call: Call) -> Answer:
    request = call.request
    caller = sessions.authenticate(
        call.db,
        account_code=text(request, REQ, "AccountCode") or "",
        user_name=text(request, REQ, "UserName") or "",
        password=text(request, REQ, "Password") or "",
        now=call.now,
    )
    account = call.db.execute("SELECT * FROM pr_account WHERE uid = ?", (caller.account_uid,)).fetchone()
    user = call.db.execute("SELECT * FROM pr_user WHERE uid = ?", (caller.user_uid,)).fetchone()
    account_ref = [
        (COM, "AccountCode", account["code"]),
        (COM, "AccountId", account["id"]),
        (COM, "AccountUid", account["uid"]),
    ]
    user_ref = [
        (COM, "UserDisplayName", user["display_name"]),
        (COM, "UserId", user["id"]),
        (COM, "UserUid", user["uid"]),
    ]
    first, _, last = user["display_name"].partition(" ")
    return Answer(
        members=wire.sequence(
            [
                (RESP, "SessionTicket", caller.ticket),
                (RESP, "AccountIdentity", members(RESP, "AccountIdentity", account_ref)),
                (RESP, "UserIdentity", members(RESP, "UserIdentity", user_ref)),
                (RESP, "SuperUserFlag", caller.super_user),
                (RESP, "Account", members(RESP, "Account", [*account_ref, (COM, "Name", account["name"])])),
                (
                    RESP,
                    "User",
                    members(
                        RESP,
                        "User",
                        [
                            *user_ref,
                            (COM, "EmailAddress", user["email"]),
                            (COM, "FirstName", first),
                            (COM, "LastName", last),
                        ],
                    ),
                ),
            ]
        )
    )


@pws_operation()
def pws_unauthenticate(call: Call) -> Answer:
    sessions.close_session(call.db, call.user.ticket)
    return Answer()


# -- PwsSaveTimeCards ----------------------------------------------------------------------------


def _save_request(request: etree._Element) -> SaveRequest:
    def refs(local: str) -> list[CardRef] | None:
        found = wire.items(request, TAC, local)
        return None if found is None else [wire.card_ref(item) for item in found]

    submit_identity = wire.child(request, TAC, "SubmitTimeCardIdentity")
    return SaveRequest(
        start_date=wire.instant(request, TAC, "StartDate"),
        end_date=wire.instant(request, TAC, "EndDate"),
        resource=wire.entity_ref(request, TAC, "ResourceIdentity", "resource"),
        insert_if_not_found=wire.flag(request, TAC, "InsertIfNotFoundOnUpdateFlag"),
        save_cards=[wire.card_detail(item) for item in wire.items(request, TAC, "SaveTimeCards") or []],
        save_timeoff_cards=[wire.card_detail(item) for item in wire.items(request, TAC, "SaveTimeOffCards") or []],
        delete_cards=refs("DeleteTimeCards"),
        delete_timeoff_cards=refs("DeleteTimeOffCards"),
        estimates=[_estimate(item) for item in wire.items(request, TAC, "Estimates") or []],
        task_notes=[_task_note(item) for item in wire.items(request, TAC, "Tasks") or []],
        submit=wire.flag(request, TAC, "SubmitFlag"),
        submit_identities=None if submit_identity is None else [wire.card_ref(submit_identity)],
        submit_saved_only=wire.flag(request, TAC, "SubmitSavedCardsOnlyFlag"),
        administrator_comments=text(request, TAC, "AdministratorComments"),
        send_notification=wire.flag(request, TAC, "SendNotificationEmailFlag"),
    )


def _estimate(element: etree._Element) -> Estimate:
    identity = wire.child(element, TAC, "ProjectTaskRoleIdentity")
    return Estimate(
        reference_id=text(element, TAC, "ReferenceId"),
        task_role=wire.entity_ref(element, TAC, "ProjectTaskRoleIdentity", "task_role"),
        role=wire.entity_ref(identity, COM, "ProjectRoleIdentity", "role"),
        task=wire.entity_ref(identity, COM, "ProjectTaskIdentity", "task"),
        remaining_minutes=wire.integer(element, TAC, "RemainingMinutes"),
        completed=wire.optional_flag(element, TAC, "CompletedFlag"),
        as_of_date=wire.day(element, TAC, "AsOfDate"),
    )


def _task_note(element: etree._Element) -> TaskNote:
    return TaskNote(
        reference_id=text(element, TAC, "ReferenceId"),
        task=wire.entity_ref(element, TAC, "ProjectTaskIdentity", "task"),
        notes=text(element, TAC, "Notes"),
        email_pm_team=wire.flag(element, TAC, "EmailPmTeamFlag"),
    )


@pws_operation()
def pws_save_time_cards(call: Call) -> Answer:
    saver = TimeCardSaver(call.db, call.user, _save_request(call.request), call.now)
    outcome = saver.run()
    messages = [PwsError("TimeCardErrors")] if outcome.failed else []
    messages += outcome.submit_errors
    # the two vendor sources conflict: see features/projector/vendor_example.feature
    if saver.account["save_results_failed_only"]:
        outcome = outcome.failures_only()
    return Answer(members=_save_results(call.db, outcome), messages=messages)


def _save_results(db: Database, outcome: SaveOutcome) -> list[etree._Element]:
    def card_results(results: list[ItemOutcome], item: str, card_member: str, detail: str) -> list[etree._Element]:
        elements = []
        for result in results:
            element = etree.Element(wire.q(TAC, item))
            wire.error_detail(element, result.error, SAVE_OPERATION)
            add(element, TAC, "ReferenceId", result.reference_id)
            card = _card(db, result.card_uid)
            if card is not None and not card["deleted"]:
                card_element = wire.card_element(db, card, detail, result.reference_id)
                card_element.tag = wire.q(TAC, card_member)
                element.append(card_element)
            elements.append(element)
        return elements

    estimate_results = []
    for result in outcome.estimates:
        element = etree.Element(wire.q(TAC, "PwsSaveEstimateResult"))
        wire.error_detail(element, result.error, SAVE_OPERATION)
        if result.card_uid is not None:
            row = db.execute("SELECT * FROM pr_task_role WHERE uid = ?", (result.card_uid,)).fetchone()
            add(
                element,
                TAC,
                "Estimates",
                [
                    members(
                        TAC,
                        "PwsProjectTaskRoleRemaining",
                        [
                            (TAC, "CompletedFlag", bool(row["completed"])),
                            (TAC, "RemainingAsOfDate", wire.xml_day(row["as_of_date"]) if row["as_of_date"] else None),
                            (TAC, "RemainingMinutes", row["remaining_minutes"]),
                        ],
                    )
                ],
            )
        add(element, TAC, "ReferenceId", result.reference_id)
        estimate_results.append(element)

    note_results = []
    for result in outcome.task_notes:
        element = etree.Element(wire.q(TAC, "PwsSaveTaskNoteResult"))
        wire.error_detail(element, result.error, SAVE_OPERATION)
        add(element, TAC, "ReferenceId", result.reference_id)
        if result.card_uid is not None:
            add(element, TAC, "TaskNotes", _task_note_history(db, result.card_uid))
        note_results.append(element)

    saved_uids = [r.card_uid for r in outcome.time_cards + outcome.timeoff_cards if r.card_uid is not None]
    return [
        _list(TAC, "EstimateResults", estimate_results),
        _list(TAC, "Locations", time_entry.location_summaries(db, saved_uids)),
        *wire.sequence([(TAC, "SubmittedFlag", outcome.submitted)]),
        _list(TAC, "TaskNoteResults", note_results),
        _list(
            TAC,
            "TimeOffCardResults",
            card_results(outcome.timeoff_cards, "PwsSaveTimeOffCardResult", "TimeOffCard", "PwsTimeOffCardDetail"),
        ),
        _list(
            TAC,
            "TimecardResults",
            card_results(outcome.time_cards, "PwsSaveTimecardResult", "TimeCard", "PwsTimecardDetail"),
        ),
    ]


def _task_note_history(db: Database, note_id: int) -> list[etree._Element]:
    """The notes of the saved note's task up to it, newest first, as the wiki's PwsSaveTaskNoteResult
    example lists them (its 2018-03-09 note before its 2018-03-04 one)."""
    notes = db.execute(
        "SELECT n.notes, n.saved_at, u.uid, u.id, u.display_name, r.reference_system_id FROM pr_task_note n "
        "JOIN pr_user u ON u.uid = n.user_uid LEFT JOIN pr_resource r ON r.uid = u.resource_uid "
        "WHERE n.task_uid = (SELECT task_uid FROM pr_task_note WHERE id = ?) AND n.id <= ? ORDER BY n.id DESC",
        (note_id, note_id),
    ).fetchall()
    return [
        members(
            TAC,
            "PwsProjectTaskNoteHistory",
            [
                (
                    TAC,
                    "CreatedByUser",
                    members(
                        TAC,
                        "CreatedByUser",
                        [
                            (COM, "UserDisplayName", note["display_name"]),
                            (COM, "UserId", note["id"]),
                            (COM, "UserReferenceSystemId", note["reference_system_id"]),
                            (COM, "UserUid", note["uid"]),
                        ],
                    ),
                ),
                (TAC, "CreatedTimestamp", wire.xml_instant(datetime.fromisoformat(note["saved_at"]))),
                (TAC, "ProjectTaskNotes", note["notes"]),
            ],
        )
        for note in notes
    ]


def _list(namespace: str, local: str, elements: list[etree._Element]) -> etree._Element:
    element = etree.Element(wire.q(namespace, local))
    element.extend(elements)
    return element


def _card(db: Database, uid: int | None) -> Row | None:
    if uid is None:
        return None
    row: Row | None = db.execute("SELECT * FROM pr_time_card WHERE uid = ?", (uid,)).fetchone()
    return row


# -- PwsGetTimeCards -----------------------------------------------------------------------------


def _read_request(request: etree._Element) -> ReadRequest:
    """Every Include*Flag defaults to false, as the wiki's PwsGetTimeCards page documents: a card is read
    only when the flag of its kind and the flag of its status are both sent true."""
    statuses = {
        status
        for statuses, member in (
            ("D", "IncludeDraftFlag"),
            ("S", "IncludeSubmittedFlag"),
            ("AIB", "IncludeApprovedFlag"),  # invoiced and billed cards are approved ones (feature's Assumption)
            ("R", "IncludeRejectedFlag"),
        )
        if wire.flag(request, TAC, member)
        for status in statuses
    }
    card = wire.child(request, TAC, "TimeCardIdentity")
    return ReadRequest(
        start_date=wire.instant(request, TAC, "StartDate"),
        end_date=wire.instant(request, TAC, "EndDate"),
        resource=wire.entity_ref(request, TAC, "ResourceIdentity", "resource"),
        project=wire.entity_ref(request, TAC, "ProjectIdentity", "project"),
        card=None if card is None else wire.card_ref(card),
        statuses=frozenset(statuses),
        include_time_cards=wire.flag(request, TAC, "IncludeTimeCardsFlag"),
        include_timeoff_cards=wire.flag(request, TAC, "IncludeTimeOffCardsFlag"),
        referenced_tasks_only=wire.flag(request, TAC, "IncludeReferencedTasksOnlyFlag"),
        referenced_timeoff_reasons_only=wire.flag(request, TAC, "IncludeReferencedTimeOffReasonsOnlyFlag"),
        booked_and_assigned=wire.flag(request, TAC, "IncludeBookedAndAssignedRolesFlag"),
    )


@pws_operation()
def pws_get_time_cards(call: Call) -> Answer:
    found = time_entry.read_time_cards(call.db, call.user, _read_request(call.request))
    return Answer(
        members=[
            _list(TAC, "Locations", time_entry.location_summaries(call.db, [card["uid"] for card in found.cards])),
            _list(TAC, "TimeEntryProjects", found.projects),
            _list(TAC, "TimeEntryTimeOff", found.timeoff),
        ]
    )


# -- PwsSplitTimeCards ---------------------------------------------------------------------------


def _split_order(element: etree._Element) -> SplitOrder:
    identity = wire.child(element, TAC, "TimeCardIdentity")
    return SplitOrder(
        card=wire.card_ref(identity) if identity is not None else CardRef(),
        minutes=wire.integer(element, TAC, "SplitMinutes"),
        percent=wire.decimal(element, TAC, "SplitPercent"),
        amount=wire.decimal(element, TAC, "SplitAdjustmentAmount"),
    )


def _adjustment(request: etree._Element, kind: str) -> Adjustment:
    return Adjustment(
        kind=kind,
        code=wire.entity_ref(request, TAC, "AdjustmentCodeIdentity", "adjustment_code"),
        explanation=text(request, TAC, "Explanation"),
    )


def _timecard_ref(local: str, card: Row, namespace: str = TAC) -> etree._Element:
    """A PwsTimecardRef of ``card`` (ReferenceId nil, as the vendor's examples answer)."""
    element = etree.Element(wire.q(namespace, local))
    wire.add_nil(element, COM, "ReferenceId")
    add(element, COM, "TimecardId", card["id"])
    add(element, COM, "TimecardType", card["type"])
    add(element, COM, "TimecardUid", card["uid"])
    return element


@pws_operation()
def pws_split_time_cards(call: Call) -> Answer:
    orders = [_split_order(item) for item in wire.items(call.request, TAC, "SplitOrders") or []]
    splits = adjustments.split_time_cards(call.db, call.user, orders, _adjustment(call.request, "split"), call.now)
    results = []
    for original, created in splits:
        result = etree.Element(wire.q(TAC, "PwsTimeCardSplit"))
        for local, uid in (("OriginalTimeCardIdentity", original), ("SplitTimeCardIdentity", created)):
            card = _card(call.db, uid)
            assert card is not None
            result.append(_timecard_ref(local, card))
        results.append(result)
    return Answer(members=[_list(TAC, "TimeCardSplits", results)])


# -- PwsTransferTime -----------------------------------------------------------------------------


def _transfer_request(request: etree._Element) -> TransferRequest:
    orders = wire.items(request, TAC, "TransferOrders")
    return TransferRequest(
        adjustment_type=code_value(text(request, TAC, "AdjustmentType")),
        orders=None if orders is None else [_transfer_order(order) for order in orders],
        # The wire name; page 003's table spells it AdjustRoleDatesAsNeededFlag (see the contract).
        adjust_role_dates=wire.flag(request, TAC, "AdjustProjectRoleDatesAsNeededFlag"),
        report_only=wire.flag(request, TAC, "ReportOnlyFlag"),
    )


def _transfer_order(order: etree._Element) -> TransferOrder:
    return TransferOrder(
        cards=[wire.card_ref(ref) for ref in wire.items(order, TAC, "TimeCardIdentities") or []],
        project=wire.entity_ref(order, TAC, "NewProjectIdentity", "project"),
        role=wire.entity_ref(order, TAC, "NewProjectRoleIdentity", "role"),
        role_name=text(order, TAC, "NewProjectRoleName"),
        task=wire.entity_ref(order, TAC, "NewProjectTaskIdentity", "task"),
        rate_type=wire.entity_ref(order, TAC, "NewProjectRateTypeIdentity", "rate_type"),
    )


@pws_operation()
def pws_transfer_time(call: Call) -> Answer:
    request = _transfer_request(call.request)
    transfer = TimeTransfer(call.db, call.user, request, call.now)
    moved = transfer.run(_adjustment(call.request, request.adjustment_type or ""))
    identities = []
    for uid in moved:
        card = _card(call.db, uid)
        assert card is not None
        identities.append(_timecard_ref("PwsTimecardRef", card, COM))
    return Answer(members=[_list(TAC, "TimeCardIdentities", identities), _list(TAC, "TimecardValuationReport", [])])


# -- PwsGetTimeEntryProjectRole ------------------------------------------------------------------


@pws_operation()
def pws_get_time_entry_project_role(call: Call) -> Answer:
    request = call.request
    project_role = ProjectRoleRequest(
        start_date=wire.instant(request, TAC, "StartDate"),
        end_date=wire.instant(request, TAC, "EndDate"),
        project=wire.entity_ref(request, TAC, "ProjectIdentity", "project"),
        role=wire.entity_ref(request, TAC, "RoleIdentity", "role"),
        resource=wire.entity_ref(request, TAC, "ResourceIdentity", "resource"),
    )
    project = time_entry.time_entry_project_role(call.db, call.user, project_role)
    project.tag = wire.q(TAC, "TimeEntryProject")
    return Answer(members=[project])


# -- PwsTestRateLimiter ---------------------------------------------------------------------------


@pws_operation(counts_hits=False)
def pws_test_rate_limiter(call: Call) -> Answer:
    """The vendor's tool for testing a client's rate limit handling: simulated hits land before the
    limiter judges this call (and may get it refused) or after; the answer is the snapshot."""
    request, caller = call.request, call.user

    def simulated(moment: str) -> rate_limits.Hits:
        names = (f"Simulate{category.title()}Hits{moment}" for category in rate_limits.CATEGORIES)
        counts = [wire.integer(request, REQ, name) or 0 for name in names]
        return rate_limits.Hits(*(max(count, 0) for count in counts))

    client = rate_limits.Client.of(caller)
    rate_limits.add(call.db, client, simulated("Before"))
    warnings = meet_rate_limit(call, "PwsTestRateLimiter")
    rate_limits.add(call.db, client, simulated("After"))
    limits = rate_limits.settings(call.db)
    counted = astuple(rate_limits.counted(call.db, client, limits))
    counts = rate_limits.Hits(*(min(count, rate_limits.INT32_MAX) for count in counted))
    snapshot = [
        (COM, "EnabledFlag", limits.enabled),
        (COM, "InstallationHitCount", counts.installation),
        (COM, "InstallationRateLimit", limits.installation_limit),
        (COM, "RollingWindowSeconds", limits.window_seconds),
        (COM, "SessionHitCount", counts.session),
        (COM, "SessionRateLimit", limits.session_limit),
        (COM, "UserHitCount", counts.user),
        (COM, "UserRateLimit", limits.user_limit),
    ]
    return Answer(members=[members(RESP, "RateLimitSnapshot", snapshot)], messages=warnings)


HANDLERS: dict[str, Handler] = {
    "PwsAuthenticate": pws_authenticate,
    "PwsUnauthenticate": pws_unauthenticate,
    "PwsSaveTimeCards": pws_save_time_cards,
    "PwsGetTimeCards": pws_get_time_cards,
    "PwsSplitTimeCards": pws_split_time_cards,
    "PwsTransferTime": pws_transfer_time,
    "PwsGetTimeEntryProjectRole": pws_get_time_entry_project_role,
    "PwsTestRateLimiter": pws_test_rate_limiter,
}


SERVICE = Service(ENDPOINT_PATH, CONTRACT_PATH, HANDLERS, endpoint_class=WcfEndpoint)  # basicHttpBinding
