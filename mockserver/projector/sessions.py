"""PWS authentication: PwsAuthenticate issues a SessionTicket, every other call presents it.

Assumptions where the vendor is silent (also in features/projector/authentication.feature):
a session expires after SESSION_IDLE_TIMEOUT without a call; a login is locked for
LOCKOUT_DURATION after LOCKOUT_AFTER wrong passwords in a row (the UI documents a lockout).
"""

from __future__ import annotations

import base64
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from mockserver.projector.catalogue import PwsError, PwsFailure
from mockserver.state.database import Database, Row

SESSION_IDLE_TIMEOUT = timedelta(minutes=60)
_ACCOUNT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,29}$")
LOCKOUT_AFTER = 5
LOCKOUT_DURATION = timedelta(minutes=15)


@dataclass(frozen=True)
class Caller:
    """The user behind a session, with the rights the time card rules ask about."""

    ticket: str
    user_uid: int
    user_id: int
    user_name: str
    display_name: str
    account_uid: int
    resource_uid: int | None
    may_save_time: bool
    may_enter_for_others: bool
    super_user: bool


_CALLER_QUERY = """
    SELECT s.ticket, u.uid AS user_uid, u.id AS user_id, u.user_name, u.display_name, u.account_uid,
           u.resource_uid, u.may_save_time, u.may_enter_for_others, u.super_user,
           s.last_used_at, s.closed
    FROM pr_session s JOIN pr_user u ON u.uid = s.user_uid
    WHERE s.ticket = ?
"""


def _caller(row: Row) -> Caller:
    return Caller(
        ticket=row["ticket"],
        user_uid=row["user_uid"],
        user_id=row["user_id"],
        user_name=row["user_name"],
        display_name=row["display_name"],
        account_uid=row["account_uid"],
        resource_uid=row["resource_uid"],
        may_save_time=bool(row["may_save_time"]),
        may_enter_for_others=bool(row["may_enter_for_others"]),
        super_user=bool(row["super_user"]),
    )


def authenticate(db: Database, account_code: str, user_name: str, password: str, now: datetime) -> Caller:
    """Check the credentials and open a session; a failure is counted towards a lockout."""
    if not _ACCOUNT_CODE.match(account_code):
        raise PwsFailure(PwsError("InvalidAccountCode", f"AccountCode was '{account_code}'."))
    account = db.execute("SELECT uid FROM pr_account WHERE code = ?", (account_code,)).fetchone()
    if account is None:
        raise PwsFailure(PwsError("InvalidCredentials"))
    user = db.execute(
        "SELECT uid, password, failed_logins, locked_until, may_use_web_services FROM pr_user "
        "WHERE account_uid = ? AND user_name = ?",
        (account["uid"], user_name),
    ).fetchone()
    if user is None:
        raise PwsFailure(PwsError("InvalidCredentials"))
    if user["locked_until"] and datetime.fromisoformat(user["locked_until"]) > now:
        raise PwsFailure(PwsError("LoginLocked", f"Locked until {user['locked_until']}."))
    if not secrets.compare_digest(user["password"].encode(), password.encode()):
        failures = user["failed_logins"] + 1
        locked_until = (now + LOCKOUT_DURATION).isoformat() if failures >= LOCKOUT_AFTER else None
        db.execute(
            "UPDATE pr_user SET failed_logins = ?, locked_until = ? WHERE uid = ?",
            (0 if locked_until else failures, locked_until, user["uid"]),
        )
        raise PwsFailure(PwsError("InvalidCredentials"))
    db.execute("UPDATE pr_user SET failed_logins = 0, locked_until = NULL WHERE uid = ?", (user["uid"],))
    if not user["may_use_web_services"]:
        raise PwsFailure(PwsError("WebServicesPermissionDenied"))
    ticket = base64.b64encode(secrets.token_bytes(16)).decode("ascii")
    db.execute(
        "INSERT INTO pr_session (ticket, user_uid, issued_at, last_used_at) VALUES (?, ?, ?, ?)",
        (ticket, user["uid"], now.isoformat(), now.isoformat()),
    )
    return _caller(db.execute(_CALLER_QUERY, (ticket,)).fetchone())


def find_session(db: Database, ticket: str) -> Caller | None:
    """The user behind ``ticket``, whether or not the session is still valid; None when never issued."""
    row = db.execute(_CALLER_QUERY, (ticket,)).fetchone()
    return None if row is None else _caller(row)


def require_session(db: Database, ticket: str | None, now: datetime) -> Caller:
    """The caller behind ``ticket``; a never-issued ticket is 10004, an ended session -101."""
    row = db.execute(_CALLER_QUERY, (ticket,)).fetchone() if ticket else None
    if row is None:
        raise PwsFailure(PwsError("InvalidSessionTicket"))
    if row["closed"] or now - datetime.fromisoformat(row["last_used_at"]) > SESSION_IDLE_TIMEOUT:
        raise PwsFailure(PwsError("InvalidSession"))
    db.execute("UPDATE pr_session SET last_used_at = ? WHERE ticket = ?", (now.isoformat(), ticket))
    return _caller(row)


def close_session(db: Database, ticket: str) -> None:
    db.execute("UPDATE pr_session SET closed = 1 WHERE ticket = ?", (ticket,))
