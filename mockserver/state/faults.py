"""Fault rules: what the mock does instead of (or besides) answering, per tenant and operation.

Kinds: ``delay`` (fixed ``ms``, or random between ``minMs`` and ``maxMs``), ``soap-fault`` (a
Server fault with ``reason``), ``http-status`` (``status``, with a fault body), ``drop`` (the
connection is closed before a response), ``malformed`` (a broken body) and ``vendor-error`` (the
vendor's own documented error ``code``, answered as the vendor does). A rule applies to the next
``count`` calls, or to ``percentage`` % of calls, or to every call until removed.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any

from mockserver.state.database import Database

KINDS = ("delay", "soap-fault", "http-status", "drop", "malformed", "vendor-error")
ANY_OPERATION = "*"

SCHEMA = """
CREATE TABLE mock_fault (
    id INTEGER PRIMARY KEY,
    operation TEXT NOT NULL DEFAULT '*',
    kind TEXT NOT NULL,
    parameters TEXT NOT NULL DEFAULT '{}',
    remaining INTEGER,                 -- NULL: no count limit
    percentage REAL                    -- NULL: every call
);
"""


class InvalidFaultRule(ValueError):
    """A rule that cannot be applied; the admin API answers it with 422."""


@dataclass(frozen=True)
class FaultRule:
    id: int
    operation: str
    kind: str
    parameters: dict[str, Any]
    remaining: int | None
    percentage: float | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "operation": self.operation,
            "kind": self.kind,
            **self.parameters,
            "count": self.remaining,
            "percentage": self.percentage,
        }


_PARAMETERS = {
    "delay": {"ms", "minMs", "maxMs"},
    "soap-fault": {"reason"},
    "http-status": {"status"},
    "drop": set(),
    "malformed": set(),
    "vendor-error": {"code"},
}


def add(db: Database, spec: dict[str, Any], *, longest_delay: float) -> FaultRule:
    """A new rule from its JSON shape: {operation?, kind, count?, percentage?, ...kind's parameters}.

    A delay may hold a call back ``longest_delay`` seconds at most: the server's read timeout, the
    longest it lets any client hold one of its threads (a forgotten rule of an hour would hang them)."""
    kind = spec.get("kind")
    if kind not in KINDS:
        raise InvalidFaultRule(f"kind must be one of {', '.join(KINDS)}")
    parameters = {key: value for key, value in spec.items() if key in _PARAMETERS[kind]}
    unknown = set(spec) - _PARAMETERS[kind] - {"kind", "operation", "count", "percentage"}
    if unknown:
        raise InvalidFaultRule(f"unknown members for {kind}: {', '.join(sorted(unknown))}")
    if kind == "vendor-error" and not spec.get("code"):
        raise InvalidFaultRule("vendor-error needs the vendor's error code (or number) in 'code'")
    if kind == "http-status" and not (isinstance(spec.get("status"), int) and 400 <= spec["status"] <= 599):
        raise InvalidFaultRule("http-status needs 'status' from 400 to 599")
    if kind == "delay":
        _check_delay(spec, longest_delay * 1000)
    count, percentage = spec.get("count"), spec.get("percentage")
    if count is not None and not (_is_number(count) and isinstance(count, int) and count > 0):
        raise InvalidFaultRule("count must be a positive whole number")
    if percentage is not None and not (_is_number(percentage) and 0 < percentage <= 100):
        raise InvalidFaultRule("percentage must be more than 0 and at most 100")
    (rule_id,) = db.execute(
        "INSERT INTO mock_fault (operation, kind, parameters, remaining, percentage) VALUES (?, ?, ?, ?, ?) "
        "RETURNING id",
        (spec.get("operation") or ANY_OPERATION, kind, json.dumps(parameters), count, percentage),
    ).fetchone()
    return FaultRule(rule_id, spec.get("operation") or ANY_OPERATION, kind, parameters, count, percentage)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_delay(spec: dict[str, Any], longest_ms: float) -> None:
    bounds = [spec[key] for key in ("ms", "minMs", "maxMs") if key in spec]
    allowed = f"milliseconds from 0 to {longest_ms:g} (the server's read timeout)"
    if not ("ms" in spec or ("minMs" in spec and "maxMs" in spec)):
        raise InvalidFaultRule(f"delay needs 'ms', or 'minMs' and 'maxMs': {allowed}")
    if not all(_is_number(bound) and 0 <= bound <= longest_ms for bound in bounds):
        raise InvalidFaultRule(f"delay needs {allowed}")
    if "minMs" in spec and "maxMs" in spec and spec["maxMs"] < spec["minMs"]:
        raise InvalidFaultRule("delay needs maxMs at least minMs")


def exist(db: Database) -> bool:
    """Whether the tenant has any rule (read first, so a call without rules takes no write lock for it)."""
    return bool(db.execute("SELECT EXISTS (SELECT 1 FROM mock_fault)").fetchone()[0])


def rules(db: Database) -> list[FaultRule]:
    return [
        FaultRule(
            row["id"], row["operation"], row["kind"], json.loads(row["parameters"]), row["remaining"], row["percentage"]
        )
        for row in db.execute("SELECT * FROM mock_fault ORDER BY id")
    ]


def remove(db: Database, rule_id: int | None = None) -> int:
    cursor = db.execute("DELETE FROM mock_fault WHERE CAST(? AS INTEGER) IS NULL OR id = ?", (rule_id, rule_id))
    return cursor.rowcount


_CHANCE = random.Random()


def triggered(db: Database, operation: str | None, chance: random.Random = _CHANCE) -> list[FaultRule]:
    """The rules this call sets off: every delay, and the first rule that answers instead (counting
    one use of each; a second answering rule is left for a later call)."""
    fired: list[FaultRule] = []
    for rule in rules(db):
        if rule.operation not in (ANY_OPERATION, operation):
            continue
        answers = rule.kind != "delay"
        if answers and any(other.kind != "delay" for other in fired):
            continue
        if rule.percentage is not None and chance.uniform(0, 100) >= rule.percentage:
            continue
        fired.append(rule)
        if rule.remaining is not None:
            if rule.remaining <= 1:
                db.execute("DELETE FROM mock_fault WHERE id = ?", (rule.id,))
            else:
                db.execute("UPDATE mock_fault SET remaining = remaining - 1 WHERE id = ?", (rule.id,))
    return fired
