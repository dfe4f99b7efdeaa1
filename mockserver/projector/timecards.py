"""PwsSaveTimeCards' rules: save, delete, estimates, task notes, submit.

Each card, estimate and note is saved in its own savepoint: its failure undoes it alone and is
reported on its own result item, as the vendor documents, and any failure stops the submit.
Where the vendor is silent the choice is written in features/projector/*.feature.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import partial
from typing import Any

from mockserver.projector import booking, store
from mockserver.projector.catalogue import PwsError, PwsFailure
from mockserver.projector.model import (
    ENTITY_TABLES,
    TIME_CARD,
    TIME_OFF_CARD,
    CardDetail,
    CardRef,
    EntityRef,
    Estimate,
    SaveRequest,
    TaskNote,
    timestamp_of,
)
from mockserver.projector.sessions import Caller
from mockserver.state.database import Database, Row, integrity_errors, savepoint

SUPPORTED_DATES = (date(1900, 1, 1), date(2079, 6, 6))
"""The range of SQL Server's smalldatetime, where the vendor keeps work dates."""

_STATUS_WORDS = {
    "draft": "D",
    "rejected": "R",
    "submitted": "S",
    "approved": "A",
    "invoiced": "I",
    "billed": "B",
    "missing": "M",
}
_READ_ONLY_STATUSES = {"I", "B", "M"}
_LOCKED_STATUSES = {"A", "I", "B"}
_SUBMITTABLE = ("D", "R")


@dataclass
class ItemOutcome:
    """The result of one card, estimate or note: the saved row's uid, or the error."""

    reference_id: str | None = None
    card_uid: int | None = None
    error: PwsError | None = None


@dataclass
class SaveOutcome:
    time_cards: list[ItemOutcome] = field(default_factory=list)
    timeoff_cards: list[ItemOutcome] = field(default_factory=list)
    estimates: list[ItemOutcome] = field(default_factory=list)
    task_notes: list[ItemOutcome] = field(default_factory=list)
    submitted: bool = False
    submit_errors: list[PwsError] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        items = self.time_cards + self.timeoff_cards + self.estimates + self.task_notes
        return any(item.error for item in items)

    def failures_only(self) -> SaveOutcome:
        """This outcome with only the items that failed: the answer of an account that reports a save the
        way page 002's example answer shows it (every result list empty when everything was saved)."""

        def failed(items: list[ItemOutcome]) -> list[ItemOutcome]:
            return [item for item in items if item.error]

        return replace(
            self,
            time_cards=failed(self.time_cards),
            timeoff_cards=failed(self.timeoff_cards),
            estimates=failed(self.estimates),
            task_notes=failed(self.task_notes),
        )


def in_utc(value: datetime) -> datetime:
    """The instant in UTC: .NET reads an offset into the instant it names, and one without a zone
    (kind Unspecified) as the server's local time, which the mock takes to be UTC (assumption)."""
    return value.replace(tzinfo=UTC) if value.utcoffset() is None else value.astimezone(UTC)


def is_midnight_utc(value: datetime) -> bool:
    """True for an instant that is midnight UTC, in whichever zone it is written."""
    try:
        return in_utc(value).time() == datetime.min.time()
    except OverflowError:  # past year 9999 in UTC: no date the vendor holds
        return False


def check_range(start: datetime | None, end: datetime | None, codes: tuple[str, str, str, str]) -> tuple[date, date]:
    """The documented date rules (start/end required, midnight UTC), all reported at once."""
    start_required, end_required, start_invalid, end_invalid = codes
    errors = []
    if start is None:
        errors.append(PwsError(start_required))
    elif not is_midnight_utc(start):
        errors.append(PwsError(start_invalid, f"StartDate was {start.isoformat()}."))
    if end is None:
        errors.append(PwsError(end_required))
    elif not is_midnight_utc(end):
        errors.append(PwsError(end_invalid, f"EndDate was {end.isoformat()}."))
    if errors or start is None or end is None:
        raise PwsFailure(*errors)
    return in_utc(start).date(), in_utc(end).date()


SAVE_DATE_RULES = (
    "TimeCardStartDateRequired",
    "TimeCardEndDateRequired",
    "InvalidValueForTimeCardStartDate",
    "InvalidValueForTimeCardEndDate",
)


def check_estimate_values(estimate: Estimate) -> None:
    """The wiki's PwsEstimate: "CompletedFlag or RemainingMinutes must be specified"; RemainingMinutes,
    "if specified, must be greater than or equal to zero", and "CompletedFlag may not be set to 'true'
    if a non-zero value is specified for RemainingMinutes"."""
    remaining = estimate.remaining_minutes
    if estimate.completed is None and remaining is None:
        raise PwsError("CompletedFlagOrRemainingMinutesRequired")
    if remaining is not None and remaining < 0:
        raise PwsError("InvalidValueForRemainingMinutes", f"RemainingMinutes was {remaining}.")
    if estimate.completed and remaining:
        raise PwsError("CompletedFlagWithRemainingMinutes", f"RemainingMinutes was {remaining}.")


def parse_card_status(raw: str | None) -> str | None:
    """CardStatus as a letter: accepts the letter (D) and the word (Draft), as clients send both."""
    if raw is None:
        return None
    value = raw.strip()
    status = _STATUS_WORDS.get(value.lower(), value.upper() if len(value) == 1 else None)
    if status is None or status not in "DRSAIBM":
        raise PwsError("InvalidValueForTimeCardApprovalWorkflowStatus", f"CardStatus was '{raw}'.")
    if status in _READ_ONLY_STATUSES:
        raise PwsError(
            "InvalidValueForTimeCardApprovalWorkflowStatus", f"CardStatus '{raw}' is only valid when querying."
        )
    return status


class TimeCardSaver:
    """Carries one PwsSaveTimeCards request through the rules against one tenant's database."""

    def __init__(self, db: Database, caller: Caller, request: SaveRequest, now: datetime) -> None:
        self.db = db
        self.caller = caller
        self.request = request
        self.now = now
        self.start, self.end = check_range(request.start_date, request.end_date, SAVE_DATE_RULES)
        self.account = account = db.execute(
            "SELECT * FROM pr_account WHERE uid = ?", (caller.account_uid,)
        ).fetchone()
        """The caller's account: its settings choose between the vendor's readings (schema.sql)."""
        if account["refuse_empty_delete_lists"]:
            for name, refs in (
                ("DeleteTimeCards", request.delete_cards),
                ("DeleteTimeOffCards", request.delete_timeoff_cards),
            ):
                if refs is not None and not refs:
                    raise PwsFailure(PwsError("TimeCardIdentitiesRequired", f"{name} was sent empty."))
        self.resource = store.require(db, request.resource) if request.resource else None
        self.range_bounds_every_card = bool(account["save_range_bounds_every_card"])
        self.saved_uids: list[int] = []
        self.on_behalf_resources: set[int] = set()

    def run(self) -> SaveOutcome:
        outcome = SaveOutcome()
        request = self.request
        outcome.time_cards = [
            self._item(partial(self.save, d, TIME_CARD), d.ref.reference_id) for d in request.save_cards
        ]
        outcome.time_cards += [
            self._item(partial(self.delete, r, TIME_CARD), r.reference_id) for r in request.delete_cards or []
        ]
        outcome.timeoff_cards = [
            self._item(partial(self.save, d, TIME_OFF_CARD), d.ref.reference_id) for d in request.save_timeoff_cards
        ]
        outcome.timeoff_cards += [
            self._item(partial(self.delete, r, TIME_OFF_CARD), r.reference_id)
            for r in request.delete_timeoff_cards or []
        ]
        outcome.estimates = [self._item(partial(self.save_estimate, e), e.reference_id) for e in request.estimates]
        outcome.task_notes = [self._item(partial(self.save_task_note, n), n.reference_id) for n in request.task_notes]
        if request.submit and not outcome.failed:
            try:
                with self._undone_on_failure("submit"):
                    self.submit()
                outcome.submitted = True
            except PwsError as error:
                outcome.submit_errors.append(error)
        if request.send_notification and self.on_behalf_resources:
            self.notify_resources()
        return outcome

    def _item(self, action: Callable[[], int | None], reference_id: str | None) -> ItemOutcome:
        outcome = ItemOutcome(reference_id=reference_id)
        try:
            with self._undone_on_failure():
                outcome.card_uid = action()
        except PwsError as error:
            outcome.error = error
        except integrity_errors() as error:
            outcome.error = PwsError("UnexpectedErrorSavingTimeCard", f"The store refused the change: {error}.")
        return outcome

    @contextmanager
    def _undone_on_failure(self, name: str = "item") -> Iterator[None]:
        """A savepoint for one item (or the submit), the resources it entered time for on behalf of
        undone with it: a card that failed sends its resource no notification."""
        entered_for = set(self.on_behalf_resources)
        try:
            with savepoint(self.db, name):
                yield
        except BaseException:
            self.on_behalf_resources = entered_for
            raise

    # -- permissions and shared checks ------------------------------------------------------

    def check_may_save(self, resource_uid: int) -> None:
        if not self.caller.may_save_time:
            raise PwsError("NoPermissionToSaveTimeCard", f"User {self.caller.user_name} may not save time.")
        if resource_uid != self.caller.resource_uid:
            if not self.caller.may_enter_for_others:
                raise PwsError(
                    "NoPermissionToSaveTimeCard",
                    f"User {self.caller.user_name} may not enter time on behalf of other resources.",
                )
            self.on_behalf_resources.add(resource_uid)

    def check_card_type(self, card_type: str | None, expected: str, *, detail: bool) -> None:
        if card_type not in (TIME_CARD, TIME_OFF_CARD):
            code = "InvalidValueForTimeCardType" if detail else "UnexpectedTimeCardType"
            raise PwsError(code, f"TimecardType was '{card_type or ''}'.")
        if card_type != expected:
            where = "time cards (T)" if expected == TIME_CARD else "time off cards (R)"
            raise PwsError("UnexpectedTimeCardType", f"This list holds {where}; TimecardType was '{card_type}'.")

    def existing_card(self, ref: CardRef, expected: str, deleted_code: str, missing_code: str) -> Row:
        if not ref.identifies:
            raise PwsError("InvalidTimeCard")
        card = store.find_card(self.db, ref)
        if card is None:
            raise PwsError(missing_code)
        if card["type"] != expected:
            raise PwsError("UnexpectedTimeCardType", f"Card {card['uid']} is of type {card['type']}.")
        if card["deleted"]:
            raise PwsError(deleted_code if expected == TIME_CARD else "TimeOffCardHasBeenDeleted")
        if self.resource is not None and self.resource["uid"] != card["resource_uid"]:
            raise PwsError("TimeCardResourceMismatch")
        return card

    def check_in_range(self, work_date: str) -> None:
        """Page 002's reading, where the account asks for it: only cards whose work date is within
        StartDate..EndDate are affected by the request, whether saved, deleted or submitted by
        identity. The current wiki's reading (the default) bounds only the cards a submit sweeps."""
        if self.range_bounds_every_card and not self.start <= date.fromisoformat(work_date) <= self.end:
            raise PwsError(
                "TimeCardWorkDateOutOfRange",
                f"WorkDate {work_date} is outside the request's range {self.start} to {self.end}.",
            )

    def check_changeable(self, card: Row, new_status: str | None = None) -> None:
        if card["for_reporting_only"] and new_status is not None and new_status != card["status"]:
            raise PwsError("CannotChangeStatusOfFroTimecards")
        if card["status"] == "S" and store.period_closed_for_time(self.db, card["work_date"]):
            raise PwsError("CannotChangeSubmittedTimecardsApClosed")
        if card["status"] in _LOCKED_STATUSES:
            raise PwsError("UnableToUpdateTimeCard", f"The card's status is {card['status']}.")

    # -- saving a card ----------------------------------------------------------------------

    def save(self, detail: CardDetail, expected: str) -> int:
        # the wiki's PwsTimeCardDetail and PwsTimeOffCardDetail: TimecardType is not required; the
        # list a detail is sent in tells its type (a PwsTimecardRef still needs it: the wiki's PwsTimeCardRef)
        self.check_card_type(detail.ref.card_type or expected, expected, detail=True)
        if detail.ref.identifies and (
            store.find_card(self.db, detail.ref) is not None or not self.request.insert_if_not_found
        ):
            missing = (
                "SpecifiedTimeoffCardDoesNotExist" if expected == TIME_OFF_CARD else "SpecifiedTimeCardDoesNotExist"
            )
            uid = self.update(
                self.existing_card(detail.ref, expected, "SaveCardTimeCardHasBeenDeleted", missing), detail
            )
        else:
            uid = self.insert(detail, expected)
        booking.book(self.db, uid)  # a card saved with CardStatus S is submitted as it is saved
        self.saved_uids.append(uid)
        return uid

    def insert(self, detail: CardDetail, card_type: str) -> int:
        if self.resource is None:  # page 002: ResourceIdentity "No - unless inserting a new time card"
            raise PwsError(
                "RequiredFieldMissing", "ResourceIdentity is required to insert a card.", fill=["ResourceIdentity"]
            )
        resource_uid = int(self.resource["uid"])
        self.check_may_save(resource_uid)
        if detail.values.get("work_date") is None:
            raise PwsError("TimeCardWorkDateRequired")
        fields = self.resolve_fields(detail, card_type, current={"resource_uid": resource_uid})
        fields["status"] = parse_card_status(detail.values.get("card_status")) or "D"
        self.check_may_decide(fields["status"], None, resource_uid)
        fields.update(self.rejection(detail, card_type, fields["status"], None))
        fields.update(
            type=card_type,
            resource_uid=resource_uid,
            created_by_user_uid=self.caller.user_uid,
            updated_at=self.now.isoformat(),
            administrator_comments=self._comments(resource_uid),
        )
        card_id, uid = store.next_identity(self.db)
        fields.update(uid=uid, id=card_id)
        columns = ", ".join(fields)
        self.db.execute(
            f"INSERT INTO pr_time_card ({columns}) VALUES ({', '.join('?' for _ in fields)})",
            tuple(fields.values()),
        )
        return uid

    def update(self, card: Row, detail: CardDetail) -> int:
        self.check_may_save(card["resource_uid"])
        if detail.ref.timestamp is not None and detail.ref.timestamp != timestamp_of(card["version"]):
            raise PwsError("TimecardHasBeenChanged")
        new_status = parse_card_status(detail.values.get("card_status"))
        self.check_changeable(card, new_status)
        fields = self.resolve_fields(detail, card["type"], current=dict(card))
        if new_status is not None:
            fields["status"] = new_status
            self.check_may_decide(new_status, card["status"], card["resource_uid"])
            fields.update(self.rejection(detail, card["type"], new_status, card["status"]))
        fields.update(updated_at=self.now.isoformat(), administrator_comments=self._comments(card["resource_uid"]))
        assignments = ", ".join(f"{column} = ?" for column in fields)
        self.db.execute(
            f"UPDATE pr_time_card SET {assignments}, version = version + 1 WHERE uid = ?",
            (*fields.values(), card["uid"]),
        )
        return int(card["uid"])

    def check_may_decide(self, status: str, old_status: str | None, resource_uid: int) -> None:
        """Approving or rejecting through a save, where the account keeps it to approvers
        (pr_account.save_approval_by_approvers_only): a user who may enter time for others approves
        others' cards, never their own (assumption: the mock holds no approver list of its own)."""
        if status not in ("A", "R") or status == old_status:
            return
        if not self.account["save_approval_by_approvers_only"]:
            return
        if self.caller.may_enter_for_others and self.caller.resource_uid != resource_uid:
            return
        raise PwsError(
            "StatusChangeCannotBeCompletedCostCardsChangedOrIneligible",
            f"User {self.caller.user_name} may not approve or reject this card (CardStatus {status}).",
        )

    def rejection(self, detail: CardDetail, card_type: str, status: str, old_status: str | None) -> dict[str, Any]:
        """A time card saved into R records who rejected it, when and why, and needs the why: the wiki's
        PwsTimeCardDetail requires RejectedReason "if the status = 'R'" (19050, the number the vendor's
        PwsSetTimeCardApprovalWorkflowStatus gives it); a time off card's is "Ignored on save"."""
        if status != "R" or old_status == "R" or card_type != TIME_CARD:
            return {}
        reason = (detail.values.get("rejected_reason") or "").strip()
        if not reason:
            raise PwsError("RejectedReasonRequiredWhenRejecting", "CardStatus R was sent without a RejectedReason.")
        return {"rejected_reason": reason, "rejected_by": self.caller.user_name, "rejected_at": self.now.isoformat()}

    def _comments(self, resource_uid: int) -> str | None:
        return self.request.administrator_comments if resource_uid != self.caller.resource_uid else None

    def resolve_fields(self, detail: CardDetail, card_type: str, current: dict[str, Any]) -> dict[str, Any]:
        """The card's columns after this detail: identities resolved, clear flags applied, rules checked."""
        values, fields = detail.values, {}
        merged = dict(current)

        def put(column: str, value: Any) -> None:
            fields[column] = merged[column] = value

        if "work_date" in values and values["work_date"] is not None:
            put("work_date", values["work_date"].isoformat())
        if values.get("work_minutes") is not None:
            if values["work_minutes"] < 0:
                raise PwsError("InvalidValueForTimeCardWorkMinutes", f"WorkMinutes was {values['work_minutes']}.")
            put("work_minutes", values["work_minutes"])
        work_date = date.fromisoformat(merged["work_date"])
        if not SUPPORTED_DATES[0] <= work_date <= SUPPORTED_DATES[1]:
            raise PwsError("TimeCardWorkDateOutOfRange", f"WorkDate {work_date} is outside the supported dates.")
        self.check_in_range(merged["work_date"])
        for column in ("description", "udf1", "udf2", "external_grouping_id"):
            if column in detail.clear:
                put(column, None)
            elif values.get(column) is not None:
                put(column, values[column])
        if "location" in detail.clear:  # a ClearFlag wins over a value sent with it, as for Description
            put("location_uid", None)
        elif values.get("location") is not None:
            put("location_uid", store.require(self.db, values["location"])["uid"])
        if card_type == TIME_OFF_CARD:
            reason: EntityRef | None = values.get("timeoff_reason")
            if reason is not None:
                put("timeoff_reason_uid", store.require(self.db, reason)["uid"])
            elif merged.get("timeoff_reason_uid") is None:
                raise PwsError("RequiredFieldMissing", fill=["TimeOffReasonIdentity"])
            return fields
        self.resolve_project_fields(values, detail.clear, merged, put)
        return fields

    def resolve_project_fields(self, values: dict[str, Any], clear: set[str], merged: dict[str, Any], put: Any) -> None:
        if values.get("project") is not None:
            project = store.require(self.db, values["project"])
            put("project_uid", project["uid"])
        elif merged.get("project_uid") is None:
            raise PwsError("RequiredFieldMissing", fill=["ProjectIdentity"])
        else:
            project = self.db.execute("SELECT * FROM pr_project WHERE uid = ?", (merged["project_uid"],)).fetchone()
        for kind, column in (("role", "role_uid"), ("task", "task_uid"), ("rate_type", "rate_type_uid")):
            if kind in clear:
                put(column, None)
            elif values.get(kind) is not None:
                put(column, store.require(self.db, values[kind], project["uid"])["uid"])
            elif merged.get(column) is not None:
                owner = self.db.execute(
                    f"SELECT project_uid FROM {ENTITY_TABLES[kind]} WHERE uid = ?",
                    (merged[column],),
                ).fetchone()
                if owner is None or owner[0] != project["uid"]:
                    put(column, None)  # moved to another project: the old role/task no longer applies
        if any(values.get(kind) is not None or kind in clear for kind in ("project", "role", "task")):
            self.check_booking(project, merged)
        self.check_description(project, merged)
        self.check_udfs(project, merged)

    def check_description(self, project: Row, merged: dict[str, Any]) -> None:
        """A description is required when the project (DescriptionRequiredFlag) or the type of the
        card's task (NarrativeRequiredFlag) demands one: 10111 naming Description, either way."""
        if (merged.get("description") or "").strip():
            return
        demanded_by = store.narrative_demanded_by(self.db, project, merged.get("task_uid"))
        if demanded_by is None:
            return
        raise PwsError("RequiredFieldMissing", f"{demanded_by} requires a description.", fill=["Description"])

    def check_booking(self, project: Row, merged: dict[str, Any]) -> None:
        """The card's role and task must be open to its resource (booking.py). Judged when the card is
        inserted or given another project, role or task: a card saved before keeps its place."""
        role = None
        if merged.get("role_uid") is not None:
            role = self.db.execute("SELECT * FROM pr_role WHERE uid = ?", (merged["role_uid"],)).fetchone()
        roles = booking.booking_roles(self.db, project, merged["resource_uid"], role)
        booking.check_assignment(self.db, project, merged.get("task_uid"), roles)

    def check_udfs(self, project: Row, merged: dict[str, Any]) -> None:
        for slot in (1, 2):
            value = merged.get(f"udf{slot}")
            treatment = project[f"udf{slot}_treatment"]
            if value is None and treatment != "R":
                continue  # nothing to judge, nor to name
            udf = self.db.execute("SELECT name, allowed_values FROM pr_udf WHERE slot = ?", (slot,)).fetchone()
            label = f"UDF {slot} ({udf['name']})" if udf else f"UDF {slot}"
            if value is None:
                raise PwsError("UnexpectedTimeCardUdfValue", f"{label} is required on project {project['code']}.")
            if udf is None or treatment == "N":
                raise PwsError("UnexpectedTimeCardUdfValue", f"{label} is not available on project {project['code']}.")
            allowed = json.loads(udf["allowed_values"]) if udf["allowed_values"] else None
            if allowed is not None and value not in allowed:
                raise PwsError("UnexpectedTimeCardUdfValue", f"{label} allows {', '.join(allowed)}; got '{value}'.")

    # -- deleting ---------------------------------------------------------------------------

    def delete(self, ref: CardRef, expected: str) -> int:
        self.check_card_type(ref.card_type, expected, detail=False)
        card = self.existing_card(ref, expected, "TimeCardHasBeenDeleted", "OneOrMoreTimeCardsNotFound")
        self.check_in_range(card["work_date"])
        self.check_may_save(card["resource_uid"])
        self.check_changeable(card)
        self.db.execute(
            "UPDATE pr_time_card SET deleted = 1, version = version + 1, updated_at = ? WHERE uid = ?",
            (self.now.isoformat(), card["uid"]),
        )
        return int(card["uid"])

    # -- estimates and task notes -----------------------------------------------------------

    def save_estimate(self, estimate: Estimate) -> int:
        task_role = self.find_task_role(estimate)
        project = self.db.execute(
            "SELECT p.* FROM pr_project p JOIN pr_task t ON t.project_uid = p.uid WHERE t.uid = ?",
            (task_role["task_uid"],),
        ).fetchone()
        if not project["pm_module"]:
            raise PwsError(
                "EstimateRequiresPmModuleProject", f"Project {project['code']} has no detailed task management."
            )
        role = self.db.execute("SELECT resource_uid FROM pr_role WHERE uid = ?", (task_role["role_uid"],)).fetchone()
        self.check_may_save(role["resource_uid"])
        check_estimate_values(estimate)
        self.db.execute(
            "UPDATE pr_task_role SET remaining_minutes = COALESCE(?, remaining_minutes), "
            "completed = COALESCE(?, completed), as_of_date = ? WHERE uid = ?",
            (
                estimate.remaining_minutes,
                None if estimate.completed is None else int(estimate.completed),
                (estimate.as_of_date or self.now.date()).isoformat(),
                task_role["uid"],
            ),
        )
        return int(task_role["uid"])

    def find_task_role(self, estimate: Estimate) -> Row:
        if estimate.task_role is not None:
            found = store.find(self.db, estimate.task_role)
            if found is not None:
                return found
        if estimate.role is not None and estimate.task is not None:
            task = store.require(self.db, estimate.task)
            role = store.require(self.db, estimate.role, project_uid=task["project_uid"])
            row: Row | None = self.db.execute(
                "SELECT * FROM pr_task_role WHERE task_uid = ? AND role_uid = ?", (task["uid"], role["uid"])
            ).fetchone()
            if row is not None:
                return row
        raise PwsError("EntityNotFound", "Project task role was not found.", fill=["PwsProjectTaskRoleRef"])

    def save_task_note(self, note: TaskNote) -> int:
        if note.task is None:
            raise PwsError("RequiredFieldMissing", fill=["ProjectTaskIdentity"])
        task = store.require(self.db, note.task)
        (saved,) = self.db.execute(
            "INSERT INTO pr_task_note (task_uid, notes, email_pm_team, user_uid, saved_at) VALUES (?, ?, ?, ?, ?) "
            "RETURNING id",
            (task["uid"], note.notes or "", int(note.email_pm_team), self.caller.user_uid, self.now.isoformat()),
        ).fetchone()
        if note.email_pm_team:
            self.record_notification(
                "TaskNote", "pm-team@example.com", f"Note on task {task['name']}", note.notes or ""
            )
        return int(saved)  # the note's own row: its result lists the task's notes up to it

    # -- submitting -------------------------------------------------------------------------

    def submit(self) -> None:
        for card in self.submit_targets():
            if card["status"] in _SUBMITTABLE:
                self.check_may_save(card["resource_uid"])
                self.db.execute(
                    "UPDATE pr_time_card SET status = 'S', version = version + 1, updated_at = ? WHERE uid = ?",
                    (self.now.isoformat(), card["uid"]),
                )
                booking.book(self.db, card["uid"])

    def submit_targets(self) -> list[Row]:
        request = self.request
        if request.submit_identities is not None:
            cards = []
            for ref in request.submit_identities:
                expected = ref.card_type if ref.card_type in (TIME_CARD, TIME_OFF_CARD) else TIME_CARD
                self.check_card_type(ref.card_type, expected, detail=False)
                card = self.existing_card(
                    ref, expected, "SubmitCardTimeCardHasBeenDeleted", "OneOrMoreTimeCardsNotFound"
                )
                if card["for_reporting_only"]:
                    raise PwsError("CannotChangeStatusOfFroTimecards")
                self.check_in_range(card["work_date"])
                cards.append(card)
            return cards
        if request.submit_saved_only:
            marks = ", ".join("?" for _ in self.saved_uids)
            return self.db.execute(
                f"SELECT * FROM pr_time_card WHERE uid IN ({marks}) AND deleted = 0", self.saved_uids
            ).fetchall()
        resource_uid = self.resource["uid"] if self.resource is not None else self.caller.resource_uid
        statuses = ", ".join("?" for _ in _SUBMITTABLE)  # in SQL, through an index: earlier submits are never read
        return self.db.execute(
            f"SELECT * FROM pr_time_card WHERE resource_uid = ? AND status IN ({statuses}) "
            "AND work_date BETWEEN ? AND ? AND deleted = 0 AND for_reporting_only = 0",
            (resource_uid, *_SUBMITTABLE, self.start.isoformat(), self.end.isoformat()),
        ).fetchall()

    # -- notifications ----------------------------------------------------------------------

    def notify_resources(self) -> None:
        for resource_uid in sorted(self.on_behalf_resources):
            resource = self.db.execute("SELECT name, email FROM pr_resource WHERE uid = ?", (resource_uid,)).fetchone()
            body = f"{self.caller.display_name} entered time on your behalf."
            if self.request.administrator_comments:
                body += f" Comments: {self.request.administrator_comments}"
            self.record_notification(
                "TimeEnteredOnBehalf", resource["email"] or resource["name"], "Time entered on your behalf", body
            )

    def record_notification(self, kind: str, recipient: str, subject: str, body: str) -> None:
        self.db.execute(
            "INSERT INTO pr_notification (kind, recipient, subject, body, created_at) VALUES (?, ?, ?, ?, ?)",
            (kind, recipient, subject, body, self.now.isoformat()),
        )
