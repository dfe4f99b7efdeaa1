"""The Ops batch import: open a batch, load cards into it (many calls), close it into time cards.

Importing checks only what a card says on its own (required members, minutes, the task name
synonyms) and keeps it as sent; closing checks it against the account (project, resource, role,
task, narrative, revenue, location, rate type) with the close's flags, creates the cards that
pass, and names each that fails by its Index in the batch (0-based over all imports, in loading
order) and its TimeCardReferenceSystemId. A batch-level error (unknown or closed batch, bad
Status) changes nothing. Where the vendor is silent, features/projector/ops_*.feature say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from mockserver.projector import store
from mockserver.projector.catalogue import OpsError
from mockserver.state.database import Database, Row, savepoint

REVENUE_FIELDS = ("contract_revenue", "adjusted_revenue", "system_revenue", "currency_code")
_FIRST_BATCH_ID = 40001
MINUTES_PER_DAY = 1440
"""No card holds more than a day (the time card store refuses it)."""


_OF_ACCOUNT = "(account_uid = ? OR account_uid IS NULL)"
"""A project or resource of the account (NULL: a row of a dataset older than the column, seen by all)."""

NAME_LENGTH = 50
"""Page 001: ProjectTaskTypeName (and its synonym ProjectTaskName) and ProjectRateTypeName are string(50)."""


@dataclass
class ImportedCard:
    """A TimeCard as the client sent it (None where a member was absent)."""

    reference_system_id: str | None = None
    project_code: str | None = None
    resource_reference: str | None = None
    role_name: str | None = None
    task_name: str | None = None
    task_type_name: str | None = None
    wbs_code: str | None = None
    wbs_name: str | None = None
    narrative: str | None = None
    work_date: date | None = None
    work_minutes: int | None = None
    contract_revenue: float | None = None
    adjusted_revenue: float | None = None
    system_revenue: float | None = None
    currency_code: str | None = None
    location_name: str | None = None
    non_billable: bool | None = None
    rate_type_name: str | None = None
    external_grouping_id: int | None = None


@dataclass(frozen=True)
class CloseOptions:
    """OpsCloseTimeCardBatch's members besides BatchId."""

    action: str = "Import"
    status: str | None = None
    override_rules: bool = False
    purge_begin: date | None = None
    purge_end: date | None = None
    use_first_role: bool = False
    use_first_task: bool = False
    create_task_codes: bool = False

    @property
    def overrides_rules(self) -> bool:
        """OverrideRulesFlag applies to Import only (vendor notes); a Replace batch keeps the rules."""
        return self.override_rules and self.action == "Import"


@dataclass
class CardProblems:
    """Errors and warnings per card Index; a card with an error is not kept (or not created)."""

    by_index: dict[int, list[OpsError]] = field(default_factory=dict)
    cards: int = 0

    def add(self, index: int, error: OpsError) -> None:
        self.by_index.setdefault(index, []).append(error)

    def failed(self, index: int) -> bool:
        return any(error.severity() == "Error" for error in self.by_index.get(index, []))

    def items(self) -> Iterator[tuple[int, OpsError]]:
        for index in sorted(self.by_index):
            for error in self.by_index[index]:
                yield index, error

    @property
    def failures(self) -> int:
        return sum(1 for index in self.by_index if self.failed(index))


def open_batch(db: Database, user_uid: int, now: datetime) -> int:
    (largest,) = db.execute("SELECT MAX(id) FROM ops_batch").fetchone()
    batch_id = max(largest or 0, _FIRST_BATCH_ID - 1) + 1
    db.execute(
        "INSERT INTO ops_batch (id, user_uid, opened_at) VALUES (?, ?, ?)", (batch_id, user_uid, now.isoformat())
    )
    return batch_id


def open_batch_row(db: Database, batch_id: int | None, account_uid: int) -> Row:
    """The batch, which must be one of the caller's account and still open (else the request fails as
    a whole); another account's batch is as unknown as one that never was."""
    if batch_id is None:
        raise OpsError("BatchIdRequired")
    batch: Row | None = db.execute(
        "SELECT b.* FROM ops_batch b JOIN pr_user u ON u.uid = b.user_uid WHERE b.id = ? AND u.account_uid = ?",
        (batch_id, account_uid),
    ).fetchone()
    if batch is None:
        raise OpsError("BatchNotFound", f"Batch {batch_id} does not exist in this account.")
    if batch["state"] != "open":
        raise OpsError("BatchNotOpen", f"Batch {batch_id} is {batch['state']}.")
    return batch


# -- import ------------------------------------------------------------------------------------


def import_cards(db: Database, batch_id: int | None, account_uid: int, cards: list[ImportedCard]) -> CardProblems:
    """Load the cards that pass the import checks into the open batch; Index is the card's position in the call."""
    open_batch_row(db, batch_id, account_uid)
    problems = CardProblems(cards=len(cards))
    (next_position,) = db.execute(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM ops_batch_card WHERE batch_id = ?", (batch_id,)
    ).fetchone()
    taken = _already_loaded(db, batch_id, [card.reference_system_id for card in cards if card.reference_system_id])
    rows: list[tuple[object, ...]] = []
    for index, card in enumerate(cards):
        for error in _import_problems(card, taken):
            problems.add(index, error)
        if problems.failed(index):
            continue
        assert card.reference_system_id is not None
        taken.add(card.reference_system_id)
        rows.append((batch_id, next_position + len(rows), *_stored(card)))
    db.executemany(
        "INSERT INTO ops_batch_card (batch_id, position, reference_system_id, project_code, resource_reference, "
        "role_name, task_type_name, wbs_code, wbs_name, narrative, work_date, work_minutes, contract_revenue, "
        "adjusted_revenue, system_revenue, currency_code, location_name, rate_type_name, external_grouping_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return problems


def _already_loaded(db: Database, batch_id: int | None, references: list[str]) -> set[str]:
    """Which of these references the batch holds already (asked of its index, not by reading the batch)."""
    found: set[str] = set()
    for start in range(0, len(references), 500):
        chunk = references[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = db.execute(
            f"SELECT reference_system_id FROM ops_batch_card WHERE batch_id = ? AND reference_system_id IN ({marks})",
            (batch_id, *chunk),
        )
        found.update(row[0] for row in rows)
    return found


def _import_problems(card: ImportedCard, taken: set[str]) -> Iterator[OpsError]:
    if not card.reference_system_id:
        yield OpsError("TimeCardReferenceSystemIdRequired")
    elif card.reference_system_id in taken:
        yield OpsError("DuplicateTimeCardReferenceSystemId", f"TimeCardReferenceSystemId: {card.reference_system_id}")
    if not card.project_code:
        yield OpsError("ProjectCodeRequired")
    if not card.resource_reference:
        yield OpsError("ResourceReferenceSystemIdRequired")
    if card.work_date is None:
        yield OpsError("WorkDateRequired")
    if card.work_minutes is None:
        yield OpsError("WorkMinutesRequired")
    elif not 0 <= card.work_minutes <= MINUTES_PER_DAY:
        yield OpsError("InvalidValueForWorkMinutes", f"WorkMinutes was {card.work_minutes}.")
    if card.task_name and card.task_type_name and card.task_name != card.task_type_name:
        yield OpsError(
            "ProjectTaskNameConflict",
            f"ProjectTaskName '{card.task_name}', ProjectTaskTypeName '{card.task_type_name}'.",
        )
    for member, value in (
        ("ProjectTaskTypeName", card.task_type_name or card.task_name),
        ("ProjectRateTypeName", card.rate_type_name),
    ):
        if value is not None and len(value) > NAME_LENGTH:
            yield OpsError("ValueTooLong", f"{member} has {len(value)} characters; at most {NAME_LENGTH}.")
    if card.non_billable:  # false is the default a generated client always sends: nothing to warn of
        yield OpsError("NonBillableFlagDeprecated")


def _stored(card: ImportedCard) -> tuple[object, ...]:
    assert card.work_date is not None
    return (
        card.reference_system_id, card.project_code, card.resource_reference, card.role_name,
        card.task_type_name or card.task_name, card.wbs_code, card.wbs_name, card.narrative,
        card.work_date.isoformat(), card.work_minutes, card.contract_revenue, card.adjusted_revenue,
        card.system_revenue, card.currency_code, card.location_name, card.rate_type_name, card.external_grouping_id,
    )  # fmt: skip


# -- close -------------------------------------------------------------------------------------


class _NothingCreated(Exception):
    """Every card of a batch failed: the close answers Fail and changes nothing."""


class BatchCloser:
    """Checks every card of a batch against the account and creates those that pass."""

    def __init__(self, db: Database, options: CloseOptions, now: datetime, account_uid: int) -> None:
        if options.action == "Import" and options.status not in (None, "S", "A"):
            raise OpsError("InvalidValueForBatchStatus", f"Status was '{options.status}'; S or A.")
        self.db, self.options, self.now, self.account_uid = db, options, now, account_uid
        self.replace = options.action == "Replace"
        # the account's own projects and resources: another account's are as unknown as its batches
        self.projects: dict[str, Row] = {
            row["code"].lower(): row
            for row in db.execute(f"SELECT * FROM pr_project WHERE {_OF_ACCOUNT}", (account_uid,))
        }
        self.resources: dict[str, Row] = {
            row["reference_system_id"]: row
            for row in db.execute(f"SELECT * FROM pr_resource WHERE {_OF_ACCOUNT}", (account_uid,))
        }
        self.timeoff_reasons = {row[0].lower() for row in db.execute("SELECT name FROM pr_timeoff_reason")}
        self.locations = {row["name"]: row["uid"] for row in db.execute("SELECT uid, name FROM pr_location")}
        self.currencies = {row[0] for row in db.execute("SELECT code FROM pr_currency")}

    def close(self, batch_id: int | None) -> CardProblems:
        batch = open_batch_row(self.db, batch_id, self.account_uid)
        cards = self.db.execute(
            "SELECT * FROM ops_batch_card WHERE batch_id = ? ORDER BY position", (batch["id"],)
        ).fetchall()
        problems = CardProblems(cards=len(cards))
        if self.options.action != "Void":
            try:
                with savepoint(self.db, "close"):
                    self.create_cards(cards, problems)
            except _NothingCreated:  # a Fail does nothing: a Replace batch's purge is undone too
                pass
        self.db.execute(
            "UPDATE ops_batch SET state = ?, closed_at = ?, action = ? WHERE id = ?",
            (
                "void" if self.options.action == "Void" else "closed",
                self.now.isoformat(),
                self.options.action,
                batch["id"],
            ),
        )
        self.db.execute("DELETE FROM ops_batch_card WHERE batch_id = ?", (batch["id"],))
        return problems

    def create_cards(self, cards: list[Row], problems: CardProblems) -> None:
        """Purge first in Replace mode, then create each card that passes; raises _NothingCreated when
        every card failed, so the caller's savepoint takes the purge back."""
        if self.replace:
            self.purge()
        for card in cards:
            try:
                with savepoint(self.db, "card"):
                    self.create(card)
            except OpsError as error:
                named = f"TimeCardReferenceSystemId: {card['reference_system_id']}"
                error.additional_text = f"{error.additional_text or ''} {named}".strip()
                problems.add(card["position"], error)
        if cards and problems.failures == problems.cards:
            raise _NothingCreated

    def purge(self) -> None:
        """Replace mode: delete the account's for-reporting-only cards (those on its projects) in the
        purge range. An open bound is unbounded, but with both open an account that prevents unbounded
        deletion of FRO cards purges nothing; so does an end before the begin."""
        begin, end = self.options.purge_begin, self.options.purge_end
        if begin is not None and end is not None and end < begin:
            return
        if begin is None and end is None and self.prevents_unbounded_deletion():
            return
        self.db.execute(
            "UPDATE pr_time_card SET deleted = 1, version = version + 1, updated_at = ? "
            "WHERE for_reporting_only = 1 AND deleted = 0 AND work_date >= ? AND work_date <= ? "
            f"AND project_uid IN (SELECT uid FROM pr_project WHERE {_OF_ACCOUNT})",
            (self.now.isoformat(), (begin or date.min).isoformat(), (end or date.max).isoformat(), self.account_uid),
        )

    def prevents_unbounded_deletion(self) -> bool:
        query = "SELECT prevent_unbounded_fro_deletion FROM pr_account WHERE uid = ?"
        return bool(self.db.execute(query, (self.account_uid,)).fetchone()[0])

    def create(self, card: Row) -> None:
        project = self.project(card)
        resource = self.resource(card, project)
        role_uid = self.role(card, project, resource)
        task_uid = self.task(card, project)
        self.check_narrative(card, project, task_uid)
        self.check_revenue(card)
        uid = self.insert(card, project, resource, role_uid, task_uid)
        if self.replace:
            self.db.execute(
                "INSERT INTO pr_card_revenue (card_uid, contract_revenue, adjusted_revenue, system_revenue, "
                "currency_code) VALUES (?, ?, ?, ?, ?)",
                (
                    uid,
                    card["contract_revenue"],
                    card["adjusted_revenue"],
                    card["system_revenue"],
                    card["currency_code"],
                ),
            )

    def project(self, card: Row) -> Row:
        code = card["project_code"].lower()
        project = self.projects.get(code)
        if project is None:
            if code in self.timeoff_reasons:
                raise OpsError("TimeOffNotSupported", f"'{card['project_code']}' is a time off reason.")
            raise OpsError("ProjectNotFound", f"ProjectCode: {card['project_code']}")
        if not self.options.overrides_rules:
            if not project["open_flag"]:
                raise OpsError("ProjectClosedForTime", f"ProjectCode: {project['code']}")
            if not (project["open_date"] or "") <= card["work_date"] <= (project["close_date"] or "9999"):
                raise OpsError(
                    "WorkDateOutsideProjectDates",
                    f"Project {project['code']} runs {project['open_date']} to {project['close_date']}.",
                )
        return project

    def resource(self, card: Row, project: Row) -> Row:
        resource = self.resources.get(card["resource_reference"])
        if resource is None:
            raise OpsError("ResourceNotFound", f"ResourceReferenceSystemId: {card['resource_reference']}")
        if not self.options.overrides_rules:
            if not resource["active"]:
                raise OpsError("ResourceInactive", f"ResourceReferenceSystemId: {card['resource_reference']}")
            if (
                project["booked_resources_only"]
                and not self.db.execute(
                    "SELECT 1 FROM pr_role WHERE project_uid = ? AND resource_uid = ?",
                    (project["uid"], resource["uid"]),
                ).fetchone()
            ):
                raise OpsError("ResourceNotBookedOnProject", f"Project {project['code']} takes booked resources only.")
        return resource

    def role(self, card: Row, project: Row, resource: Row) -> int:
        roles = self.db.execute(
            "SELECT uid, name, resource_uid FROM pr_role WHERE project_uid = ? ORDER BY id", (project["uid"],)
        ).fetchall()
        if card["role_name"]:
            named = [r for r in roles if r["name"] == card["role_name"]]  # exactly, as errors.csv says
            own = [r for r in named if r["resource_uid"] == resource["uid"]]
            if not named:
                raise OpsError("RoleNotFound", f"Role '{card['role_name']}' on project {project['code']}.")
            return int((own or named)[0]["uid"])
        if self.options.use_first_role and roles:
            return int(roles[0]["uid"])
        raise OpsError("RoleRequired")

    def task(self, card: Row, project: Row) -> int:
        tasks = self.db.execute(
            "SELECT uid, name, code FROM pr_task WHERE project_uid = ? ORDER BY id", (project["uid"],)
        ).fetchall()
        if project["pm_module"]:
            wanted_code, wanted_name = card["wbs_code"], card["wbs_name"]
            found = [  # a code and a name must name the same task
                t
                for t in tasks
                if (wanted_code or wanted_name)
                and (not wanted_code or t["code"] == wanted_code)
                and (not wanted_name or t["name"] == wanted_name)
            ]
            missing = "ProjectWbsTaskRequired" if not (wanted_code or wanted_name) else None
        else:
            wanted_code, wanted_name = None, card["task_type_name"]
            found = [t for t in tasks if wanted_name and t["name"].lower() == wanted_name.lower()]
            missing = "ProjectTaskTypeRequired" if not wanted_name else None
        if found:
            return int(found[0]["uid"])
        if missing is not None:
            if self.options.use_first_task and tasks:
                return int(tasks[0]["uid"])
            raise OpsError(missing, f"Project {project['code']}.")
        if self.options.create_task_codes and not project["pm_module"]:  # task types of non-PM projects only
            task_id, task_uid = store.next_identity(self.db)
            self.db.execute(
                "INSERT INTO pr_task (uid, id, project_uid, name, code) VALUES (?, ?, ?, ?, ?)",
                (task_uid, task_id, project["uid"], wanted_name or wanted_code, wanted_code),
            )
            return task_uid
        raise OpsError("ProjectTaskNotFound", f"Task '{wanted_name or wanted_code}' on project {project['code']}.")

    def check_narrative(self, card: Row, project: Row, task_uid: int) -> None:
        """The rule PWS applies (the project's or the task type's), unless OverrideRulesFlag waives it."""
        if (card["narrative"] or "").strip() or self.options.overrides_rules:
            return
        demanded_by = store.narrative_demanded_by(self.db, project, task_uid)
        if demanded_by is not None:
            raise OpsError("NarrativeRequired", f"{demanded_by} requires a narrative.")

    def check_revenue(self, card: Row) -> None:
        given = [name for name in REVENUE_FIELDS if card[name] is not None]
        if not self.replace and given:
            raise OpsError("RevenueNotAllowedInImportMode", f"Sent: {', '.join(given)}.")
        if self.replace:
            if len(given) < len(REVENUE_FIELDS):
                raise OpsError(
                    "RevenueRequiredInReplaceMode", f"Missing: {', '.join(sorted(set(REVENUE_FIELDS) - set(given)))}."
                )
            if card["currency_code"] not in self.currencies:
                raise OpsError("CurrencyNotFound", f"CurrencyCode: {card['currency_code']}")

    def insert(self, card: Row, project: Row, resource: Row, role_uid: int, task_uid: int) -> int:
        location_uid = None
        if card["location_name"]:
            location_uid = self.locations.get(card["location_name"])  # exactly, as the import UI requires
            if location_uid is None:
                raise OpsError("LocationNotFound", f"LocationName: {card['location_name']}")
        rate_type_uid = None
        if card["rate_type_name"]:
            found = self.db.execute(
                "SELECT uid FROM pr_rate_type WHERE project_uid = ? AND name = ? COLLATE NOCASE",
                (project["uid"], card["rate_type_name"]),
            ).fetchone()
            if found is None:
                raise OpsError("ProjectRateTypeNotFound", f"ProjectRateTypeName: {card['rate_type_name']}")
            rate_type_uid = found[0]
        card_id, uid = store.next_identity(self.db)
        status = "A" if self.replace else (self.options.status or "S")
        self.db.execute(
            "INSERT INTO pr_time_card (uid, id, type, resource_uid, project_uid, role_uid, task_uid, rate_type_uid, "
            "location_uid, work_date, work_minutes, description, status, for_reporting_only, external_grouping_id, "
            "updated_at) VALUES (?, ?, 'T', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, card_id, resource["uid"], project["uid"], role_uid, task_uid, rate_type_uid, location_uid,
             card["work_date"], card["work_minutes"], card["narrative"], status, int(self.replace),
             card["external_grouping_id"], self.now.isoformat()),
        )  # fmt: skip
        return uid
