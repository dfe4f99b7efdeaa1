"""PwsTransferTime: move time cards to another project, role, rate type or task.

The three adjustment types, as the mock applies them (features/projector/transfer_time.feature):
- TPT, transfer time to role: each card moves to the order's project (its own when the order
  names none) and role (and its rate type and task when given), all of which must belong to that
  project; it keeps its uid, and its Timestamp changes.
- TRT, transfer and exclude time: the same move, and the moved time is excluded from billing.
- CTT, change task: only the card's task changes, to NewProjectTaskIdentity of the card's own
  project; the order's other members do not apply and are ignored.
All or nothing: every card of every order is checked and every error reported; one error, or
ReportOnlyFlag, and nothing is changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from mockserver.projector import store
from mockserver.projector.adjustments import TRANSFER_ERRORS, adjustable_card, record_adjustment
from mockserver.projector.booking import create_role, resource_roles, sole_role
from mockserver.projector.catalogue import PwsError, PwsFailure
from mockserver.projector.model import Adjustment, TransferOrder, TransferRequest
from mockserver.projector.sessions import Caller
from mockserver.state.database import Database, Row, savepoint

ADJUSTMENT_TYPES = ("TPT", "TRT", "CTT")


@dataclass(frozen=True)
class Target:
    """Where an order sends its cards: resolved rows, None where the card keeps its own."""

    project: Row | None
    role: Row | None
    role_name: str | None
    task: Row | None
    rate_type: Row | None

    def require_on(self, project_uid: int) -> None:
        """Role, task and rate type must all be of the project the cards go to (54700, 90005, 90006)."""
        for kind, row in (("role", self.role), ("task", self.task), ("rate_type", self.rate_type)):
            if row is not None:
                store.require_on_project(kind, row, project_uid)


class TimeTransfer:
    """One PwsTransferTime request carried through the checks and, unless it fails, applied."""

    def __init__(self, db: Database, caller: Caller, request: TransferRequest, now: datetime) -> None:
        if request.adjustment_type not in ADJUSTMENT_TYPES:
            raise PwsFailure(
                PwsError("InvalidValueForTimeAdjustmentType", f"AdjustmentType was '{request.adjustment_type or ''}'.")
            )
        if not request.orders:
            raise PwsFailure(PwsError("TimeCardIdentitiesRequired", "No TransferOrders were sent."))
        empty = [str(number) for number, order in enumerate(request.orders, 1) if not order.cards]
        if empty:
            raise PwsFailure(
                PwsError("TimeCardIdentitiesRequired", f"Transfer order {', '.join(empty)} has no TimeCardIdentities.")
            )
        self.db, self.caller, self.request, self.now = db, caller, request, now
        self.kind = request.adjustment_type
        self.errors: list[PwsError] = []
        self.moved: list[int] = []
        self.named: set[int] = set()

    def run(self, adjustment: Adjustment) -> list[int]:
        """The uids of the cards transferred (or, report-only, that would be)."""
        try:
            with savepoint(self.db, "transfer"):
                for order in self.request.orders or []:
                    self.apply(order)
                if self.errors:
                    raise PwsFailure(*self.errors)
                # The vendor accepts AdjustmentCodeIdentity here and ignores it: kept if known, never an error.
                code = store.find(self.db, adjustment.code) if adjustment.code else None
                touched = [(uid, self.kind or "") for uid in self.moved]
                record_adjustment(self.db, self.caller, adjustment, code["uid"] if code else None, self.now, touched)
                if self.request.report_only:
                    raise _ReportOnly
        except _ReportOnly:
            pass
        return self.moved

    def apply(self, order: TransferOrder) -> None:
        try:
            target = self.target(order)
        except PwsError as error:
            self.errors.append(error)
            return
        for ref in order.cards:
            try:
                card = adjustable_card(self.db, self.caller, ref, TRANSFER_ERRORS)
                self.name_once(card)
                self.move(card, target)
                self.moved.append(int(card["uid"]))
            except PwsError as error:
                self.errors.append(error)

    def name_once(self, card: Row) -> None:
        """A card named again (in any order of the request) has changed since the client read it: its
        first mention moves it. So the vendor's timestamp check would see it; refused, not moved twice."""
        if card["uid"] in self.named:
            raise PwsError("OneOrMoreTimeCardsIneligibleForAdjustment", f"Card {card['uid']} is named more than once.")
        self.named.add(int(card["uid"]))

    def target(self, order: TransferOrder) -> Target:
        """The order's targets, found; checked against NewProjectIdentity here, once for the order,
        else against each card's own project as it moves (CTT always stays on the card's project)."""
        if self.kind == "CTT":
            if order.task is None:
                raise PwsError("RequiredFieldMissing", "CTT changes the task.", fill=["NewProjectTaskIdentity"])
            return Target(None, None, None, store.require(self.db, order.task), None)
        target = Target(
            project=store.require(self.db, order.project) if order.project else None,
            role=store.require(self.db, order.role) if order.role else None,
            role_name=order.role_name,
            task=store.require(self.db, order.task) if order.task else None,
            rate_type=store.require(self.db, order.rate_type) if order.rate_type else None,
        )
        if target.project is not None:
            target.require_on(target.project["uid"])
            if not target.project["open_flag"]:  # wiki: the target project must be "Open for Time Transfers"
                raise PwsError(
                    "OneOrMoreTimeCardsIneligibleForAdjustment",
                    f"Project {target.project['code']} is not open for time transfers.",
                )
        return target

    def move(self, card: Row, target: Target) -> None:
        project_uid = target.project["uid"] if target.project is not None else card["project_uid"]
        if target.project is None:
            target.require_on(project_uid)
        if self.kind == "CTT":
            self.update(card, task_uid=target.task["uid"] if target.task else None)
            return
        if target.role is not None:
            store.require_resource_role(target.role, card["resource_uid"])
        role = target.role if target.role is not None else self.role_for(card, project_uid, target.role_name)
        if role is not None:
            self.fit_role_dates(role, date.fromisoformat(card["work_date"]))
        changes = {
            "project_uid": project_uid,
            "role_uid": role["uid"] if role is not None else None,
            "task_uid": target.task["uid"] if target.task is not None else self.kept(card, "task_uid", project_uid),
            "rate_type_uid": (
                target.rate_type["uid"]
                if target.rate_type is not None
                else self.kept(card, "rate_type_uid", project_uid)
            ),
        }
        if self.kind == "TRT":
            changes["excluded_from_billing"] = 1
        self.update(card, **changes)

    def role_for(self, card: Row, project_uid: int, name: str | None) -> Row | None:
        """The card resource's role on the target: by NewProjectRoleName (created if new), else its only
        one, created as a submitted card's is where it has none and the project allows booking (90013 if not)."""
        if name is not None:
            found: Row | None = self.db.execute(
                "SELECT * FROM pr_role WHERE project_uid = ? AND resource_uid = ? AND name = ?",
                (project_uid, card["resource_uid"], name),
            ).fetchone()
            return found if found is not None else create_role(self.db, project_uid, card["resource_uid"], name)
        roles = resource_roles(self.db, project_uid, card["resource_uid"])
        if card["role_uid"] in {role["uid"] for role in roles}:
            return next(role for role in roles if role["uid"] == card["role_uid"])
        if len(roles) > 1:
            raise PwsError("ProjectRoleIdentityRequired", f"The resource has {len(roles)} roles on the target project.")
        project = self.db.execute("SELECT * FROM pr_project WHERE uid = ?", (project_uid,)).fetchone()
        role = sole_role(self.db, project, card["resource_uid"])
        if role is None:
            raise PwsError("ResourceHasNoRoleOnProject", f"Project {project['code']} does not allow booking.")
        return role

    def fit_role_dates(self, role: Row, work_date: date) -> None:
        """Widen the role to the work date when the request allows it; otherwise the date must fit."""
        start, end = role["start_date"], role["end_date"]
        inside = (start is None or start <= work_date.isoformat()) and (end is None or work_date.isoformat() <= end)
        if inside:
            return
        if not self.request.adjust_role_dates:
            raise PwsError(
                "TimeCardWorkDateOutsideRoleDates", f"Role {role['name']} runs {start} to {end}; card on {work_date}."
            )
        day = work_date.isoformat()
        self.db.execute(
            "UPDATE pr_role SET "
            "start_date = CASE WHEN start_date IS NULL OR start_date > ? THEN ? ELSE start_date END, "
            "end_date = CASE WHEN end_date IS NULL OR end_date < ? THEN ? ELSE end_date END WHERE uid = ?",
            (day, day, day, day, role["uid"]),
        )

    def kept(self, card: Row, column: str, project_uid: int) -> int | None:
        """The card's own task or rate type, if it still belongs to the target project."""
        table = "pr_task" if column == "task_uid" else "pr_rate_type"
        if card[column] is None:
            return None
        owner = self.db.execute(f"SELECT project_uid FROM {table} WHERE uid = ?", (card[column],)).fetchone()
        return int(card[column]) if owner is not None and owner[0] == project_uid else None

    def update(self, card: Row, **changes: object) -> None:
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.db.execute(
            f"UPDATE pr_time_card SET {assignments}, version = version + 1, updated_at = ? WHERE uid = ?",
            (*changes.values(), self.now.isoformat(), card["uid"]),
        )


class _ReportOnly(Exception):
    """Unwinds the savepoint of a report-only run that found nothing wrong."""
