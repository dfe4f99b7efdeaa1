"""What a PWS request asks for, as plain values: the wire layer fills these, the rules read them."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

TIME_CARD = "T"
TIME_OFF_CARD = "R"


def code_value(raw: str | None) -> str | None:
    """A code the vendor's rules check (TimecardType, AdjustmentType, Ops Status and CurrencyCode),
    matched as CardStatus is, without regard to case (see features/projector/code_values.feature)."""
    return None if raw is None else raw.upper()

ENTITY_TABLES = {
    "project": "pr_project",
    "role": "pr_role",
    "task": "pr_task",
    "task_role": "pr_task_role",
    "rate_type": "pr_rate_type",
    "location": "pr_location",
    "resource": "pr_resource",
    "timeoff_reason": "pr_timeoff_reason",
    "adjustment_code": "pr_adjustment_code",
}
ENTITY_NAMES = {
    "project": "Project",
    "role": "Project role",
    "task": "Project task",
    "task_role": "Project task role",
    "rate_type": "Project rate type",
    "location": "Location",
    "resource": "Resource",
    "timeoff_reason": "Time off reason",
    "adjustment_code": "Adjustment code",
}


REF_TYPES = {
    "project": "PwsProjectRef",
    "role": "PwsProjectRoleRef",
    "task": "PwsProjectTaskRef",
    "task_role": "PwsProjectTaskRoleRef",
    "rate_type": "PwsProjectRateTypeRef",
    "location": "PwsLocationRef",
    "resource": "PwsResourceRef",
    "timeoff_reason": "PwsTimeOffReasonRef",
    "adjustment_code": "PwsAdjustmentCodeRef",
}
"""The vendor's name of each identity type: what "Entity {0} was not found." names."""


@dataclass(frozen=True)
class EntityRef:
    """An identity as the client sent it: (column, value) pairs, most specific first (uid, id, code)."""

    kind: str
    criteria: tuple[tuple[str, Any], ...]

    def describe(self) -> str:
        keys = ", ".join(f"{column}={value}" for column, value in self.criteria) or "no identifying field"
        return f"{ENTITY_NAMES[self.kind]} ({keys})"


@dataclass(frozen=True)
class CardRef:
    """PwsTimecardRef (and its versioned form): which card, of which type."""

    card_type: str | None = None
    card_uid: int | None = None
    card_id: int | None = None
    reference_id: str | None = None
    timestamp: str | None = None

    @property
    def identifies(self) -> bool:
        """Names a card by uid or id (64220 if not); TimecardType is checked apart (20051, 19093)."""
        return self.card_uid is not None or self.card_id is not None


@dataclass
class CardDetail:
    """PwsTimecardDetail / PwsTimeOffCardDetail: the ref, the fields sent and the clear flags set."""

    ref: CardRef
    values: dict[str, Any] = field(default_factory=dict)
    clear: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Estimate:
    """PwsEstimate: the remaining work of one task for one role."""

    reference_id: str | None
    task_role: EntityRef | None
    role: EntityRef | None
    task: EntityRef | None
    remaining_minutes: int | None
    completed: bool | None
    """None when CompletedFlag was not sent: the task's completion stays as it is."""
    as_of_date: date | None


@dataclass(frozen=True)
class TaskNote:
    """PwsProjectTaskNote: notes saved on a project task."""

    reference_id: str | None
    task: EntityRef | None
    notes: str | None
    email_pm_team: bool


@dataclass
class SaveRequest:
    """PwsSaveTimeCardsRq."""

    start_date: datetime | None
    end_date: datetime | None
    resource: EntityRef | None = None
    insert_if_not_found: bool = False
    save_cards: list[CardDetail] = field(default_factory=list)
    save_timeoff_cards: list[CardDetail] = field(default_factory=list)
    delete_cards: list[CardRef] | None = None
    delete_timeoff_cards: list[CardRef] | None = None
    estimates: list[Estimate] = field(default_factory=list)
    task_notes: list[TaskNote] = field(default_factory=list)
    submit: bool = False
    submit_identities: list[CardRef] | None = None
    submit_saved_only: bool = False
    administrator_comments: str | None = None
    send_notification: bool = False


@dataclass
class ReadRequest:
    """PwsGetTimeCardsRq."""

    start_date: datetime | None
    end_date: datetime | None
    resource: EntityRef | None = None
    project: EntityRef | None = None
    card: CardRef | None = None
    statuses: frozenset[str] = frozenset()
    include_time_cards: bool = False
    include_timeoff_cards: bool = False
    referenced_tasks_only: bool = False
    referenced_timeoff_reasons_only: bool = False
    booked_and_assigned: bool = False


def timestamp_of(version: int) -> str:
    """The card's optimistic-concurrency Timestamp, base64 like SQL Server's rowversion."""
    return base64.b64encode(version.to_bytes(8, "big")).decode("ascii")


@dataclass(frozen=True)
class SplitOrder:
    """PwsTimeSplitOrder: the share of a card it keeps; a new card gets the rest."""

    card: CardRef
    minutes: int | None
    percent: float | None
    amount: float | None


@dataclass(frozen=True)
class TransferOrder:
    """PwsTimeTransferOrder: where a set of cards goes (members not sent stay as they are)."""

    cards: list[CardRef]
    project: EntityRef | None
    role: EntityRef | None
    role_name: str | None
    task: EntityRef | None
    rate_type: EntityRef | None


@dataclass(frozen=True)
class TransferRequest:
    """PwsTransferTimeRq."""

    adjustment_type: str | None
    orders: list[TransferOrder] | None
    adjust_role_dates: bool
    report_only: bool


@dataclass(frozen=True)
class ProjectRoleRequest:
    """PwsGetTimeEntryProjectRoleRq."""

    start_date: datetime | None
    end_date: datetime | None
    project: EntityRef | None
    role: EntityRef | None
    resource: EntityRef | None


@dataclass(frozen=True)
class Adjustment:
    """What every time adjustment records: why (code, explanation), by whom, when."""

    kind: str
    code: EntityRef | None
    explanation: str | None
