-- Projector PSA state of one tenant. Uids are the vendor's Int64 "Uid"s, ids its Int32 "Id"s.
-- Dates are ISO strings: work dates 'YYYY-MM-DD', instants ISO 8601 with offset.

CREATE TABLE pr_account (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    code TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    -- the account setting "Prevent Unbounded Deletion of FRO Time and Cost Cards": a Replace batch
    -- closed without both purge dates purges nothing (off by default: the wiki's "Caution" case)
    prevent_unbounded_fro_deletion INTEGER NOT NULL DEFAULT 0,
    -- PwsTransferTime and PwsSplitTimeCards adjust approved cards only, in a period open for time,
    -- as the wiki's adjustment pages say (off by default: any card not invoiced, billed or for
    -- reporting only, as page 003 leaves it; features/projector/transfer_time.feature)
    adjust_approved_cards_only INTEGER NOT NULL DEFAULT 0,
    -- PwsSaveTimeCards' StartDate..EndDate bounds every card a save touches (page 002's reading:
    -- saved, deleted and submitted by identity; 64295 outside), not only the cards a submit sweeps
    -- (the current wiki's reading; off by default: features/projector/save_date_rules.feature)
    save_range_bounds_every_card INTEGER NOT NULL DEFAULT 0,
    -- an empty DeleteTimeCards or DeleteTimeOffCards refuses the whole PwsSaveTimeCards with 20033
    -- (off by default, an empty list deletes nothing: features/projector/delete_time_cards.feature)
    refuse_empty_delete_lists INTEGER NOT NULL DEFAULT 0,
    -- PwsSaveTimeCards' result lists hold only the items that failed, as page 002's example answer
    -- shows them (empty when all was saved); off by default: one result per item, as the wiki's
    -- result pages say (the two vendor sources conflict)
    save_results_failed_only INTEGER NOT NULL DEFAULT 0,
    -- PwsSaveTimeCards may set CardStatus A or R only for an approver, never on the caller's own
    -- card (the wiki gives approval its own operation and approvers); off by default: any user who
    -- may save the card may, as page 002's 20050 lists A and R among the values a save takes
    save_approval_by_approvers_only INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE pr_resource (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    reference_system_id TEXT UNIQUE,
    name TEXT NOT NULL,
    email TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    -- the account the resource belongs to (Projector keeps each account's resources and projects
    -- apart); NULL, as in a dataset written before the column, is a row every account sees
    account_uid INTEGER REFERENCES pr_account (uid)
);

CREATE TABLE pr_user (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    account_uid INTEGER NOT NULL REFERENCES pr_account (uid),
    user_name TEXT NOT NULL COLLATE NOCASE,
    password TEXT NOT NULL,
    display_name TEXT NOT NULL,
    email TEXT,
    resource_uid INTEGER REFERENCES pr_resource (uid),
    may_use_web_services INTEGER NOT NULL DEFAULT 1,
    may_save_time INTEGER NOT NULL DEFAULT 1,
    may_enter_for_others INTEGER NOT NULL DEFAULT 0,
    super_user INTEGER NOT NULL DEFAULT 0,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    UNIQUE (account_uid, user_name)
);

CREATE TABLE pr_session (
    ticket TEXT PRIMARY KEY,
    user_uid INTEGER NOT NULL REFERENCES pr_user (uid),
    issued_at TEXT NOT NULL,
    last_used_at TEXT NOT NULL,
    closed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE pr_location (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE pr_project (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    code TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    pm_module INTEGER NOT NULL DEFAULT 0,
    description_required INTEGER NOT NULL DEFAULT 0,
    open_flag INTEGER NOT NULL DEFAULT 1,
    open_date TEXT,
    close_date TEXT,
    allow_booking INTEGER NOT NULL DEFAULT 0,
    allow_assignment INTEGER NOT NULL DEFAULT 0,
    booked_resources_only INTEGER NOT NULL DEFAULT 0,
    udf1_treatment TEXT NOT NULL DEFAULT 'A' CHECK (udf1_treatment IN ('R', 'A', 'N')),
    udf2_treatment TEXT NOT NULL DEFAULT 'A' CHECK (udf2_treatment IN ('R', 'A', 'N')),
    account_uid INTEGER REFERENCES pr_account (uid)  -- as pr_resource.account_uid
);

CREATE TABLE pr_role (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    project_uid INTEGER NOT NULL REFERENCES pr_project (uid),
    name TEXT NOT NULL,
    resource_uid INTEGER REFERENCES pr_resource (uid),
    start_date TEXT,
    end_date TEXT,
    external_system_id TEXT
);

-- A project's task types (wiki: PwsProjectTaskTypeDetail, its name "unique within a project"): how
-- time on a task is categorised; narrative_required (NarrativeRequiredFlag) makes a time card on a
-- task of the type need a description, as the project's description_required does for all its cards.
CREATE TABLE pr_project_task_type (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    project_uid INTEGER NOT NULL REFERENCES pr_project (uid),
    name TEXT NOT NULL,
    narrative_required INTEGER NOT NULL DEFAULT 0,
    external_system_id TEXT,
    UNIQUE (project_uid, name)
);

CREATE TABLE pr_task (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    project_uid INTEGER NOT NULL REFERENCES pr_project (uid),
    name TEXT NOT NULL,
    code TEXT,
    notes TEXT,
    external_system_id TEXT,
    task_type_uid INTEGER REFERENCES pr_project_task_type (uid)
);

CREATE TABLE pr_task_role (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    task_uid INTEGER NOT NULL REFERENCES pr_task (uid),
    role_uid INTEGER NOT NULL REFERENCES pr_role (uid),
    remaining_minutes INTEGER,
    completed INTEGER NOT NULL DEFAULT 0,
    as_of_date TEXT,
    UNIQUE (task_uid, role_uid)
);

CREATE TABLE pr_rate_type (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    project_uid INTEGER NOT NULL REFERENCES pr_project (uid),
    name TEXT NOT NULL,
    external_system_id TEXT
);

-- A role's, task's or rate type's ExternalSystemIdentifier names it alone (its Pws*Ref may carry
-- nothing else; wiki: PwsRole "a unique identifier for a project role"), so it is unique where set.
-- Indexes, not column constraints: a kept tenant file gets them by the upgrade (state/upgrade.py).
CREATE UNIQUE INDEX pr_role_external ON pr_role (external_system_id);
CREATE UNIQUE INDEX pr_task_external ON pr_task (external_system_id);
CREATE UNIQUE INDEX pr_rate_type_external ON pr_rate_type (external_system_id);

CREATE TABLE pr_timeoff_reason (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

-- UDF metadata of time cards: slot 1 or 2; allowed_values is a JSON list, or NULL for free text.
CREATE TABLE pr_udf (
    slot INTEGER PRIMARY KEY CHECK (slot IN (1, 2)),
    name TEXT NOT NULL,
    allowed_values TEXT
);

CREATE TABLE pr_accounting_period (
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    closed_for_time INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (start_date)
);

-- Time cards (type T) and time-off cards (type R). Deleted cards stay as tombstones so a later
-- reference is answered "deleted" (64332-64340), not "does not exist".
CREATE TABLE pr_time_card (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    type TEXT NOT NULL CHECK (type IN ('T', 'R')),
    resource_uid INTEGER NOT NULL REFERENCES pr_resource (uid),
    project_uid INTEGER REFERENCES pr_project (uid),
    role_uid INTEGER REFERENCES pr_role (uid),
    task_uid INTEGER REFERENCES pr_task (uid),
    rate_type_uid INTEGER REFERENCES pr_rate_type (uid),
    location_uid INTEGER REFERENCES pr_location (uid),
    timeoff_reason_uid INTEGER REFERENCES pr_timeoff_reason (uid),
    work_date TEXT NOT NULL,
    -- No card holds more than a day; the vendor reports a violation as an unexpected save error.
    work_minutes INTEGER NOT NULL DEFAULT 0 CHECK (work_minutes BETWEEN 0 AND 1440),
    description TEXT CHECK (length(description) <= 1000),  -- String (1000): a longer one is refused (64237)
    status TEXT NOT NULL DEFAULT 'D' CHECK (status IN ('D', 'R', 'S', 'A', 'I', 'B', 'M')),
    for_reporting_only INTEGER NOT NULL DEFAULT 0,
    excluded_from_billing INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    udf1 TEXT,
    udf2 TEXT,
    external_grouping_id INTEGER,
    rejected_by TEXT,
    rejected_reason TEXT,
    rejected_at TEXT,
    administrator_comments TEXT,
    created_by_user_uid INTEGER REFERENCES pr_user (uid),
    updated_at TEXT
);
CREATE INDEX pr_time_card_resource_date ON pr_time_card (resource_uid, work_date);
-- a submit's sweep: the resource's draft and rejected cards in the range, not every card it ever submitted
CREATE INDEX pr_time_card_resource_status_date ON pr_time_card (resource_uid, status, work_date);

CREATE TABLE pr_task_note (
    id INTEGER PRIMARY KEY,
    task_uid INTEGER NOT NULL REFERENCES pr_task (uid),
    notes TEXT NOT NULL,
    email_pm_team INTEGER NOT NULL DEFAULT 0,
    user_uid INTEGER NOT NULL REFERENCES pr_user (uid),
    saved_at TEXT NOT NULL
);
-- A task's note history: without it the history of a note walked back through every older note of every task.
CREATE INDEX pr_task_note_task ON pr_task_note (task_uid);

-- E-mails the vendor would have sent; the mock records them and sends nothing.
CREATE TABLE pr_notification (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Next ids and uids handed out for new rows.
CREATE TABLE pr_sequence (
    name TEXT PRIMARY KEY,
    next_value INTEGER NOT NULL
);

-- Adjustments (splits, transfers): why they were made, and the cards they touched.
CREATE TABLE pr_adjustment_code (
    uid INTEGER PRIMARY KEY,
    id INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE pr_adjustment (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    adjustment_code_uid INTEGER REFERENCES pr_adjustment_code (uid),
    explanation TEXT,
    user_uid INTEGER NOT NULL REFERENCES pr_user (uid),
    created_at TEXT NOT NULL
);

CREATE TABLE pr_adjustment_card (
    adjustment_id INTEGER NOT NULL REFERENCES pr_adjustment (id),
    card_uid INTEGER NOT NULL REFERENCES pr_time_card (uid),
    effect TEXT NOT NULL
);
-- A foreign key's child column without an index is scanned whenever its parent row changes: a transfer or
-- split (a new adjustment, new cards) would read every adjustment ever made.
CREATE INDEX pr_adjustment_card_adjustment ON pr_adjustment_card (adjustment_id);
CREATE INDEX pr_adjustment_card_card ON pr_adjustment_card (card_uid);

-- Ops batch import: a batch collects cards, as sent, over several OpsImportTimeCards calls;
-- closing it checks them against the account and turns the good ones into time cards.
CREATE TABLE ops_batch (
    id INTEGER PRIMARY KEY,
    user_uid INTEGER NOT NULL REFERENCES pr_user (uid),
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed', 'void')),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    action TEXT
);

CREATE TABLE ops_batch_card (
    batch_id INTEGER NOT NULL REFERENCES ops_batch (id),
    position INTEGER NOT NULL,             -- 0-based, over all imports of the batch: the Index at close
    reference_system_id TEXT NOT NULL,
    project_code TEXT NOT NULL,
    resource_reference TEXT NOT NULL,
    role_name TEXT,
    task_type_name TEXT,                   -- ProjectTaskTypeName, or its synonym ProjectTaskName
    wbs_code TEXT,
    wbs_name TEXT,
    narrative TEXT,
    work_date TEXT NOT NULL,
    work_minutes INTEGER NOT NULL,
    contract_revenue REAL,
    adjusted_revenue REAL,
    system_revenue REAL,
    currency_code TEXT,
    location_name TEXT,
    rate_type_name TEXT,
    external_grouping_id INTEGER,
    PRIMARY KEY (batch_id, position),
    UNIQUE (batch_id, reference_system_id)
);

CREATE TABLE pr_currency (
    code TEXT PRIMARY KEY
);

-- Revenue of for-reporting-only cards imported in replace mode.
CREATE TABLE pr_card_revenue (
    card_uid INTEGER PRIMARY KEY REFERENCES pr_time_card (uid),
    contract_revenue REAL NOT NULL,
    adjusted_revenue REAL NOT NULL,
    system_revenue REAL NOT NULL,
    currency_code TEXT NOT NULL
);

-- The rate limiter (rate_limits.py). Its settings are tenant configuration, like the clock and the fault
-- rules, so a dataset load keeps them (no vendor prefix); no row means the vendor's defaults.
CREATE TABLE rate_limit_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    settings TEXT NOT NULL        -- JSON, the admin API's shape
);

-- Service hits by second: each category counts apart (PwsTestRateLimiter simulates hits in one only).
CREATE TABLE pr_rate_hit (
    second INTEGER NOT NULL,      -- Unix second on the tenant's clock
    account_uid INTEGER NOT NULL,
    user_uid INTEGER NOT NULL,
    ticket TEXT NOT NULL,         -- '' for a call without a session (Ops)
    installation_hits INTEGER NOT NULL DEFAULT 0,
    user_hits INTEGER NOT NULL DEFAULT 0,
    session_hits INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_uid, user_uid, ticket, second)
);
CREATE INDEX pr_rate_hit_by_second ON pr_rate_hit (account_uid, second);
