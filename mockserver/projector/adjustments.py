"""Time card adjustments: PwsSplitTimeCards (and, with it, what every adjustment records).

An adjustment is all or nothing: every order is checked and every error reported, and if any
order fails nothing of the request is applied (the vendor documents this for PwsTransferTime;
the mock assumes the same of splits, whose page is silent).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mockserver.projector import store
from mockserver.projector.catalogue import PwsError, PwsFailure
from mockserver.projector.model import TIME_CARD, TIME_OFF_CARD, Adjustment, CardRef, SplitOrder, timestamp_of
from mockserver.projector.sessions import Caller
from mockserver.state.database import Database, Row, savepoint

_COPIED_COLUMNS = (
    "type",
    "resource_uid",
    "project_uid",
    "role_uid",
    "task_uid",
    "rate_type_uid",
    "location_uid",
    "timeoff_reason_uid",
    "work_date",
    "description",
    "status",
    "for_reporting_only",
    "udf1",
    "udf2",
    "external_grouping_id",
    "created_by_user_uid",
)


@dataclass(frozen=True)
class CardErrors:
    """The error codes an adjustment answers for each way a named card can be unfit."""

    missing: str
    deleted: str
    changed: str
    time_off: str
    ineligible: str = "OneOrMoreTimeCardsIneligibleForAdjustment"


SPLIT_ERRORS = CardErrors(
    missing="SpecifiedTimeCardDoesNotExist",
    deleted="SplitCardTimeCardHasBeenDeleted",
    changed="TimecardHasBeenChanged",
    time_off="UnexpectedTimeCardType",
)
TRANSFER_ERRORS = CardErrors(
    missing="EntityNotFound",
    deleted="EntityNotFound",
    changed="OneOrMoreTimeCardsIneligibleForAdjustment",
    time_off="OneOrMoreTimeCardsIneligibleForAdjustment",
)
_INELIGIBLE_STATUSES = {"I", "B"}


def adjustable_card(db: Database, caller: Caller, ref: CardRef, errors: CardErrors) -> Row:
    """The versioned card an adjustment names, checked: complete, a time card, current, eligible, allowed.

    Complete: TimecardType and TimecardUid (or TimecardId), as wiki:PwsTimeCardRef says both are
    required for the reference to be valid; a missing type is as invalid a value as a wrong one.
    Ineligible: for reporting only, invoiced or billed, or not adjustable in its status and period.
    """
    if ref.card_type not in (TIME_CARD, TIME_OFF_CARD):
        raise PwsError("InvalidValueForTimeCardType", f"TimecardType was '{ref.card_type or ''}'.")
    if not ref.identifies:
        raise PwsError("InvalidTimeCard")
    card = store.find_card(db, ref)
    if card is None:
        raise PwsError(
            errors.missing, f"Time card {ref.card_uid or ref.card_id} was not found.", fill=["PwsTimecardRef"]
        )
    if card["deleted"]:
        raise PwsError(errors.deleted, f"Time card {card['uid']} is deleted.", fill=["PwsTimecardRef"])
    if card["type"] != TIME_CARD or ref.card_type != TIME_CARD:
        raise PwsError(errors.time_off, f"Card {card['uid']} is a time off card; only time cards are adjusted.")
    if ref.timestamp is not None and ref.timestamp != timestamp_of(card["version"]):
        raise PwsError(errors.changed, f"Card {card['uid']} has changed since it was read.")
    if card["for_reporting_only"] or card["status"] in _INELIGIBLE_STATUSES or not _adjustable_now(db, caller, card):
        raise PwsError(errors.ineligible, f"Card {card['uid']} (status {card['status']}) cannot be adjusted.")
    if not caller.may_save_time or (card["resource_uid"] != caller.resource_uid and not caller.may_enter_for_others):
        raise PwsError("NoPermissionToSaveTimeCard")
    return card


def _adjustable_now(db: Database, caller: Caller, card: Row) -> bool:
    """The account's reading of which cards may be adjusted, by status and accounting period.

    Page 003 names no status; the wiki's adjustment pages (Pre-Invoicing Adjustments Form, Invoices
    - Time Card Review) admit approved cards not yet invoiced, in a period open for adjustments. The
    account setting adjust_approved_cards_only takes the pages' rule; without it, any status but a
    submitted card of a period closed for time (the mock keeps one closed flag for time and adjustments).
    """
    closed = store.period_closed_for_time(db, card["work_date"])
    query = "SELECT adjust_approved_cards_only FROM pr_account WHERE uid = ?"
    if db.execute(query, (caller.account_uid,)).fetchone()[0]:
        return card["status"] == "A" and not closed
    return not (card["status"] == "S" and closed)


def record_adjustment(
    db: Database,
    caller: Caller,
    adjustment: Adjustment,
    code_uid: int | None,
    now: datetime,
    cards: list[tuple[int, str]],
) -> None:
    """Keep the adjustment's reason (explanation, adjustment code) and the cards it touched."""
    (adjustment_id,) = db.execute(
        "INSERT INTO pr_adjustment (kind, adjustment_code_uid, explanation, user_uid, created_at) "
        "VALUES (?, ?, ?, ?, ?) RETURNING id",
        (adjustment.kind, code_uid, adjustment.explanation, caller.user_uid, now.isoformat()),
    ).fetchone()
    db.executemany(
        "INSERT INTO pr_adjustment_card (adjustment_id, card_uid, effect) VALUES (?, ?, ?)",
        [(adjustment_id, uid, effect) for uid, effect in cards],
    )


def _kept_minutes(card: Row, order: SplitOrder) -> int:
    """Minutes the original card keeps: strictly between none and all of them."""
    total = int(card["work_minutes"])
    if order.amount is not None and order.minutes is None and order.percent is None:
        raise PwsError("SplitAdjustmentAmountNotModelled", f"SplitAdjustmentAmount was {order.amount}.")
    if order.percent is not None:
        if not 0 < order.percent < 1:
            raise PwsError(
                "TimeCardSplitPercentOutOfRange", f"SplitPercent was {order.percent} (a fraction: .35 is 35%)."
            )
        kept = round(total * order.percent)
    elif order.minutes is not None:
        kept = int(order.minutes)
    else:
        raise PwsError("SplitValueRequired")
    if not 0 < kept < total:
        code = "TimeCardSplitPercentOutOfRange" if order.percent is not None else "SplitValueOutOfRange"
        raise PwsError(code, f"The card has {total} minutes; the split would keep {kept} of them.")
    return kept


def split_time_cards(
    db: Database, caller: Caller, orders: list[SplitOrder], adjustment: Adjustment, now: datetime
) -> list[tuple[int, int]]:
    """Split each card in two; returns (original uid, new uid) pairs, or fails as a whole."""
    if not orders:
        raise PwsFailure(PwsError("TimeCardIdentitiesRequired", "SplitOrders was sent empty."))
    errors: list[PwsError] = []
    splits: list[tuple[int, int]] = []
    with savepoint(db, "adjustment"):
        for order in orders:
            try:
                splits.append(_split(db, caller, order, now))
            except PwsError as error:
                errors.append(error)
        if errors:
            raise PwsFailure(*errors)
        touched = [(original, "split") for original, _ in splits] + [(new, "created") for _, new in splits]
        code_uid = store.require(db, adjustment.code)["uid"] if adjustment.code else None
        record_adjustment(db, caller, adjustment, code_uid, now, touched)
    return splits


def _split(db: Database, caller: Caller, order: SplitOrder, now: datetime) -> tuple[int, int]:
    card = adjustable_card(db, caller, order.card, SPLIT_ERRORS)
    kept = _kept_minutes(card, order)
    db.execute(
        "UPDATE pr_time_card SET work_minutes = ?, version = version + 1, updated_at = ? WHERE uid = ?",
        (kept, now.isoformat(), card["uid"]),
    )
    new_id, new_uid = store.next_identity(db)
    columns = ", ".join(_COPIED_COLUMNS)
    db.execute(
        f"INSERT INTO pr_time_card (uid, id, work_minutes, updated_at, {columns}) "
        f"SELECT ?, ?, ?, ?, {columns} FROM pr_time_card WHERE uid = ?",
        (new_uid, new_id, card["work_minutes"] - kept, now.isoformat(), card["uid"]),
    )
    return int(card["uid"]), int(new_uid)
