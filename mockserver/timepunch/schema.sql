-- TimePunch state of one tenant. Ids are Guids as text. DTOs keep their members as sent, as JSON
-- (payload), beside the columns the operations search by.

-- An installation (TpAuthentication.CustomerToken: "correlates to the database settings in the
-- TimePunch Server"), with the settings where the vendor's pages read two ways.
CREATE TABLE tp_customer_token (
    token TEXT PRIMARY KEY,
    -- TpAuthentication.Identity names the profile by its LogonName, as TpUser does, instead of by its
    -- SaveAsName, the page's "Profile Name" (off by default: the page's reading)
    identity_by_logon_name INTEGER NOT NULL DEFAULT 0,
    -- UpdateLastSyncDate with nil stores the clock's date and time, instead of the date at midnight,
    -- page 000's "the current date" (off by default: the page's reading)
    nil_sync_date_is_now INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tp_profile (
    id TEXT PRIMARY KEY,
    logon_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_md5 TEXT NOT NULL,          -- upper-case hex MD5 of the password, what TpHashedPwd carries
    user_name TEXT NOT NULL,
    save_as_name TEXT NOT NULL,
    email TEXT,
    permissions TEXT NOT NULL DEFAULT '', -- space-separated, e.g. 'sync@access timeEntries@upload'
    last_sync_time TEXT
);

CREATE TABLE tp_device (
    id TEXT PRIMARY KEY,                 -- DeviceConnectionId
    name TEXT NOT NULL,
    device_user TEXT,
    sync_mail TEXT,
    sync_state TEXT NOT NULL DEFAULT 'NotSynced',
    binding_state TEXT NOT NULL DEFAULT 'NotBound',
    profile_id TEXT REFERENCES tp_profile (id),
    client_connection_id TEXT
);

-- Time entries a device left in the TimePunch Cloud, waiting for PullAndSyncConnectedDevices.
CREATE TABLE tp_cloud_entry (
    id INTEGER PRIMARY KEY,
    device_id TEXT NOT NULL REFERENCES tp_device (id),
    payload TEXT NOT NULL
);

CREATE TABLE tp_customer (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    ref_nr TEXT NOT NULL DEFAULT '',
    last_update TEXT,
    payload TEXT NOT NULL,
    UNIQUE (name, ref_nr)
);

CREATE TABLE tp_project (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    customer_id TEXT REFERENCES tp_customer (id),
    deleted INTEGER NOT NULL DEFAULT 0,
    last_update TEXT,
    payload TEXT NOT NULL
);

CREATE TABLE tp_task (
    id TEXT PRIMARY KEY,
    project_id TEXT REFERENCES tp_project (id),   -- NULL: a common task
    name TEXT NOT NULL,
    last_update TEXT,
    payload TEXT NOT NULL
);
-- A project's tasks (the searches answer them per project), and a task found by its project and name (an
-- apply matches a task sent without a known id that way).
CREATE INDEX tp_task_project_name ON tp_task (project_id, name);

CREATE TABLE tp_time_entry (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES tp_profile (id),
    logon_time TEXT NOT NULL,             -- the entry's date: what a search for synchronisation compares
    last_update TEXT,
    project_id TEXT REFERENCES tp_project (id),
    task_id TEXT REFERENCES tp_task (id),
    customer_id TEXT REFERENCES tp_customer (id),
    payload TEXT NOT NULL
);
CREATE INDEX tp_time_entry_profile_time ON tp_time_entry (profile_id, logon_time);
