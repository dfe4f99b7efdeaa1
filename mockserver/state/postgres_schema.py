"""The tenant schema in PostgreSQL's dialect, translated from the SQLite DDL the mock keeps as its one source
(MOCK_SCHEMA, projector/schema.sql, timepunch/schema.sql), so the two stores never hold two copies of a table.

Every tenant's rows live in one set of tables, told apart by tenant_id (store-design.md has the measurement and
the reasoning). What differs from SQLite, and how it is carried over:
- tenant_id leads every table, key, unique constraint, reference and index, and defaults to the transaction's
  tenant (:data:`TENANT_SETTING`); row-level security, enabled and forced, shows and admits that tenant's rows
  alone, so the rules' SQL never names a tenant.
- ``INTEGER PRIMARY KEY`` is SQLite's rowid alias, numbered by the database when a row omits it: a trigger numbers
  it per tenant, as SQLite numbers it per database (a dataset's own ids still go in).
- ``INTEGER`` is 64-bit in SQLite: ``BIGINT`` (the vendor's Uids are Int64). ``REAL`` is 8 bytes in SQLite but 4
  in PostgreSQL: ``DOUBLE PRECISION``.
- ``COLLATE NOCASE``: a case-insensitive ICU collation (:data:`PRELUDE` creates it once per database), so
  equality, uniqueness and indexes on those columns ignore case as SQLite's do.
- Other TEXT compares byte by byte in SQLite (BINARY), in the database's locale in PostgreSQL: ``COLLATE "C"``,
  so ISO dates and instants kept as text order as they do in SQLite (a locale's first level skips '-' and ':').
- Everything else the schema uses (CHECK with ``IN``/``BETWEEN``/``length``, DEFAULT literals) is already the
  standard's, and passes unchanged; a construct not listed here is refused by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

SHARED_SCHEMA = "mockserver"
"""The schema the store keeps beside its tenants' (the collation here; later the tenant registry)."""
PRELUDE = f"""
CREATE SCHEMA IF NOT EXISTS {SHARED_SCHEMA};
DO $$ BEGIN
    CREATE COLLATION {SHARED_SCHEMA}.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
"""
"""What the translated DDL needs once per database: the shared schema and its case-insensitive collation.
(ICU's level 2 folds case beyond ASCII, where SQLite's NOCASE folds A-Z alone: 'É' equals 'é' here.)"""

_COMMENT = re.compile(r"--[^\n]*")
_CREATE_TABLE = re.compile(r"^\s*CREATE TABLE\s+(\w+)\s*\((.*)\)\s*$", re.DOTALL | re.IGNORECASE)
_COLUMN = re.compile(r"^(\w+)\s+(INTEGER|TEXT|REAL)\b(.*)$", re.DOTALL | re.IGNORECASE)
_TYPES = {"INTEGER": "BIGINT", "TEXT": "TEXT", "REAL": "DOUBLE PRECISION"}
_ROWID_ALIAS = re.compile(r"^\s*PRIMARY KEY\b", re.IGNORECASE)
_NOCASE = re.compile(r"\bCOLLATE\s+NOCASE\b", re.IGNORECASE)


class UntranslatableSchema(ValueError):
    """A construct of the SQLite DDL the translator does not know: named, so it is taught, not mistranslated."""


def statements(script: str) -> list[str]:
    """The statements of an SQL script, comments dropped (the schema's literals hold no ``--`` and no ``;``)."""
    return [statement.strip() for statement in _COMMENT.sub("", script).split(";") if statement.strip()]


def _items(body: str) -> list[str]:
    """A table body's columns and constraints: split at the commas outside parentheses."""
    items, depth, start = [], 0, 0
    for position, character in enumerate(body):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            items.append(body[start:position])
            start = position + 1
    items.append(body[start:])
    return [" ".join(item.split()) for item in items if item.strip()]


def _column(item: str) -> str:
    """A column as PostgreSQL declares it: SQLite's sizes kept, its text compared as SQLite compares it."""
    match = _COLUMN.match(item)
    if match is None:
        raise UntranslatableSchema(f"column {item!r}: not INTEGER, TEXT or REAL")
    name, declared, rest = match[1], match[2].upper(), match[3]
    if declared == "TEXT" and not _NOCASE.search(rest):
        return f'{name} TEXT COLLATE "C"{rest}'
    return f"{name} {_TYPES[declared]}{_with_nocase(rest)}"


def _with_nocase(sql: str) -> str:
    """``sql`` with SQLite's NOCASE collation named as :data:`PRELUDE` creates it."""
    return _NOCASE.sub(f"COLLATE {SHARED_SCHEMA}.nocase", sql)


def _rowid_alias(item: str) -> str | None:
    """The column a table item declares SQLite's rowid alias (``INTEGER PRIMARY KEY``), numbered by the database
    when a row omits it; None for any other item."""
    match = _COLUMN.match(item)
    return match[1] if match and match[2].upper() == "INTEGER" and _ROWID_ALIAS.match(match[3]) else None


def tables(script: str) -> Iterator[tuple[str, list[str]]]:
    """Each table the script creates: its name, and its body's items."""
    for statement in statements(script):
        table = _CREATE_TABLE.match(statement)
        if table is not None:
            yield table[1], _items(table[2])


# -- the keyed layout: every tenant's rows in one set of tables, told apart by tenant_id --------------------

TENANT_SETTING = "mock.tenant"
"""The session setting naming the tenant a transaction works in: each table's tenant_id defaults to it, and its
row-level security policy shows and admits that tenant's rows alone, so the rules' SQL never names a tenant."""
_CURRENT_TENANT = f"current_setting('{TENANT_SETTING}')::bigint"
KEYED_PRELUDE = (
    PRELUDE
    + f"""
CREATE TABLE IF NOT EXISTS {SHARED_SCHEMA}.tenant (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE OR REPLACE FUNCTION {SHARED_SCHEMA}.number_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE next_id BIGINT;
BEGIN
    IF to_jsonb(NEW) ->> TG_ARGV[0] IS NULL THEN
        EXECUTE format('SELECT coalesce(max(%I), 0) + 1 FROM %I.%I WHERE tenant_id = $1',
                       TG_ARGV[0], TG_TABLE_SCHEMA, TG_TABLE_NAME)
            INTO next_id USING NEW.tenant_id;
        NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], next_id));
    END IF;
    RETURN NEW;
END $$;
"""
)
"""Once per database: the shared schema, its collation, the tenants' names, and the numbering of rowid columns."""
_REFERENCE = re.compile(r"\bREFERENCES\s+(\w+)\s*\((\w+)\)", re.IGNORECASE)
_INDEX = re.compile(r"^\s*(CREATE (?:UNIQUE )?INDEX\s+\w+\s+ON\s+\w+\s*)\((.*)\)\s*$", re.DOTALL | re.IGNORECASE)


def keyed_statements(script: str) -> list[str]:
    """The SQLite DDL ``script`` as PostgreSQL DDL for the keyed layout, a statement an item: tenant_id leads
    every table, key, reference and index; a rowid column is numbered per tenant by a trigger, as SQLite numbers
    it per database; each table shows a transaction its tenant's rows alone. Its INSERTs (a new tenant's first
    rows) are left out: a tenant's rows are copied from the template the server built."""
    out: list[str] = []
    for statement in statements(script):
        table = _CREATE_TABLE.match(statement)
        if table is not None:
            out += _keyed_table(table[1], _items(table[2]))
            continue
        index = _INDEX.match(statement)
        if index is not None:
            out.append(_with_nocase(f"{index[1]}(tenant_id, {index[2]})"))
        elif not statement.upper().startswith("INSERT INTO"):
            raise UntranslatableSchema(f"statement {statement[:60]!r}: only CREATE TABLE, CREATE INDEX and INSERT")
    return out


def keyed_columns(script: str) -> dict[str, dict[str, str]]:
    """Each table's columns, by name, as :func:`keyed_statements` declares them: what an upgrade adds, one by one."""
    return {name: {column.split()[0]: column for column in _keyed_parts(items)[0]} for name, items in tables(script)}


def _keyed_parts(items: list[str]) -> tuple[list[str], list[str], str | None]:
    """A table's columns, its constraints, and its rowid column if it has one, in the keyed layout."""
    columns = [f"tenant_id BIGINT NOT NULL DEFAULT {_CURRENT_TENANT}"]
    constraints: list[str] = []
    numbered = None
    for item in items:
        if item.upper().startswith(("PRIMARY KEY", "UNIQUE")):
            constraints.append(item.replace("(", "(tenant_id, ", 1))
            continue
        if item.upper().startswith("CHECK"):
            constraints.append(item)
            continue
        column = item.split()[0]
        numbered = _rowid_alias(item) or numbered
        if re.search(r"\bPRIMARY KEY\b", item, re.IGNORECASE):
            item = re.sub(r"\bPRIMARY KEY\b", "NOT NULL", item, flags=re.IGNORECASE)
            constraints.append(f"PRIMARY KEY (tenant_id, {column})")
        if re.search(r"\bUNIQUE\b", item, re.IGNORECASE):
            item = re.sub(r"\bUNIQUE\b", "", item, flags=re.IGNORECASE)
            constraints.append(f"UNIQUE (tenant_id, {column})")
        reference = _REFERENCE.search(item)
        if reference:
            item = item.replace(reference[0], "")
            constraints.append(
                f"FOREIGN KEY (tenant_id, {column}) REFERENCES {reference[1]} (tenant_id, {reference[2]}) "
                "DEFERRABLE INITIALLY IMMEDIATE"
            )
        columns.append(_column(" ".join(item.split())))
    return columns, constraints, numbered


def _keyed_table(name: str, items: list[str]) -> list[str]:
    columns, constraints, numbered = _keyed_parts(items)
    body = ",\n    ".join(columns + constraints)
    ddl = [
        f"CREATE TABLE {name} (\n    {body}\n)",
        f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY tenant ON {name} USING (tenant_id = {_CURRENT_TENANT}) "
        f"WITH CHECK (tenant_id = {_CURRENT_TENANT})",
    ]
    if numbered is not None:
        ddl.append(
            f"CREATE TRIGGER number_{numbered} BEFORE INSERT ON {name} "
            f"FOR EACH ROW EXECUTE FUNCTION {SHARED_SCHEMA}.number_row('{numbered}')"
        )
    return ddl
