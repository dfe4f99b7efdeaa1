"""Projector's rate limiter: service hits counted in a rolling window per installation, user and session.

The vendor (wiki: "Projector Rate Limiting Behavior", "PwsTestRateLimiter", "PwsRateLimitSnapshot") adds
each call's weight in hits to three counts over a rolling window of 60 seconds: the installation's
(account's), the user's and the session's. Past a limit in any of them the call fails before it runs,
with a PwsFault carrying 10016 RequestExceededRateLimit as an Error; an installation in "Warning" mode
runs the call and reports the same number as a Warning. The message carries the counts and thresholds.

Where the wiki is silent, these are our assumptions (the feature file says so too):
- the thresholds default to those of the wiki's PwsRateLimitSnapshot example (installation 2400, user
  1800, session 1200 hits) and limiting is on, in Error mode;
- a call is warned once a count passes 80% of its limit ("a warning near the limit");
- every operation weighs one hit (the weights page is not in our sources);
- a refused call's hits count too, so a client that keeps calling stays refused until it pauses;
- PwsAuthenticate counts nothing: it has no session yet, and its own lockout guards it.

Counts live in the tenant's database, by second, so every worker process sees the same ones. The
window follows the tenant's clock (a scenario advances it to let the window pass), and while that clock
stands still for the date rules, real time still moves the window: a stopped clock must not make a long
run of calls pile up in one window for ever.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from mockserver.projector.sessions import Caller
from mockserver.state import clock
from mockserver.state.database import Database

CODE = "RequestExceededRateLimit"
MODES = ("Error", "Warning")
CATEGORIES = ("installation", "user", "session")
INT32_MAX = 2**31 - 1
"""The snapshot's counts and thresholds are Int32: thresholds stay within it, counts saturate at it."""


class InvalidRateLimits(ValueError):
    """Settings the admin API refuses (the message names the member and why)."""


@dataclass(frozen=True)
class RateLimits:
    """A tenant's rate limiter settings; the JSON names are the admin API's."""

    enabled: bool = True
    mode: str = "Error"
    window_seconds: int = 60
    installation_limit: int = 2400
    user_limit: int = 1800
    session_limit: int = 1200
    warning_percent: int = 80

    def as_json(self) -> dict[str, Any]:
        return {_json_name(name): value for name, value in asdict(self).items()}

    def changed(self, changes: Mapping[str, Any]) -> RateLimits:
        """These settings with the members ``changes`` names (JSON names), each checked."""
        known = {_json_name(member.name): member.name for member in fields(self)}
        unknown = sorted(set(changes) - set(known))
        if unknown:
            raise InvalidRateLimits(f"unknown settings {unknown}; known: {sorted(known)}")
        updated = replace(self, **{known[key]: value for key, value in changes.items()})
        updated.check()
        return updated

    def check(self) -> None:
        if not isinstance(self.enabled, bool):
            raise InvalidRateLimits("'enabled' must be true or false")
        if self.mode not in MODES:
            raise InvalidRateLimits(f"'mode' must be one of {list(MODES)}, not {self.mode!r}")
        for member in fields(self):
            value = getattr(self, member.name)
            whole = isinstance(value, int) and not isinstance(value, bool)
            if member.type == "int" and not (whole and 1 <= value <= INT32_MAX):
                raise InvalidRateLimits(f"'{_json_name(member.name)}' must be a whole number from 1 to {INT32_MAX}")
        if self.warning_percent > 100:
            raise InvalidRateLimits("'warningPercent' must be at most 100")


@dataclass(frozen=True)
class Hits:
    """Hits in each of the three categories: a call adds one to each, a simulation to one."""

    installation: int = 0
    user: int = 0
    session: int = 0


@dataclass(frozen=True)
class Client:
    """Whose hits a call adds to: an installation (account), a user and, for PWS, a session (Ops
    calls carry their credentials each time and have none)."""

    account_uid: int
    user_uid: int
    ticket: str | None = None

    @classmethod
    def of(cls, caller: Caller) -> Client:
        return cls(caller.account_uid, caller.user_uid, caller.ticket)


def _json_name(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.title() for word in rest)


def settings(db: Database) -> RateLimits:
    row = db.execute("SELECT settings FROM rate_limit_settings").fetchone()
    return _DEFAULTS if row is None else _parsed(row[0])


_DEFAULTS = RateLimits()


@functools.lru_cache(maxsize=64)
def _parsed(stored: str) -> RateLimits:
    """Settings as stored (every call reads them: parsed once per distinct value)."""
    return _DEFAULTS.changed(json.loads(stored))


def configure(db: Database, changes: Mapping[str, Any]) -> RateLimits:
    """Change some settings (the others keep their values); raises InvalidRateLimits."""
    updated = settings(db).changed(changes)
    db.execute(
        "INSERT INTO rate_limit_settings (id, settings) VALUES (1, ?) "
        "ON CONFLICT (id) DO UPDATE SET settings = excluded.settings",
        (json.dumps(updated.as_json()),),
    )
    return updated


def _instant(db: Database) -> float:
    """The limiter's time: the tenant's clock, moving on in real time while it stands still."""
    return clock.moving_now(db).timestamp()


def add(db: Database, client: Client, hits: Hits) -> None:
    """Count ``hits`` now (nothing while the limiter is switched off)."""
    if settings(db).enabled:
        _record(db, client, hits, int(_instant(db)))


def _record(db: Database, client: Client, hits: Hits, second: int) -> None:
    if hits == Hits():
        return
    db.execute(
        """INSERT INTO pr_rate_hit (second, account_uid, user_uid, ticket, installation_hits, user_hits, session_hits)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (account_uid, user_uid, ticket, second) DO UPDATE SET
               installation_hits = pr_rate_hit.installation_hits + excluded.installation_hits,
               user_hits = pr_rate_hit.user_hits + excluded.user_hits,
               session_hits = pr_rate_hit.session_hits + excluded.session_hits""",
        (second, client.account_uid, client.user_uid, client.ticket or "", *_counts(hits)),
    )


def counted(db: Database, client: Client, limits: RateLimits) -> Hits:
    """The client's installation, user and session counts over the window ending now."""
    return _counted(db, client, limits, _instant(db))


def _counted(db: Database, client: Client, limits: RateLimits, instant: float) -> Hits:
    """The counts over the window ending at ``instant``. Hits are kept by whole second, so the window
    reaches back to the second holding its start: a hit leaves it no sooner than the window's length
    after it was made (a little later at most, never earlier)."""
    second, first = int(instant), math.floor(instant - limits.window_seconds)
    db.execute("DELETE FROM pr_rate_hit WHERE account_uid = ? AND second < ?", (client.account_uid, first))
    row = db.execute(
        """SELECT COALESCE(SUM(installation_hits), 0),
                  COALESCE(SUM(CASE WHEN user_uid = ? THEN user_hits END), 0),
                  COALESCE(SUM(CASE WHEN ticket = ? THEN session_hits END), 0)
           FROM pr_rate_hit WHERE account_uid = ? AND second BETWEEN ? AND ?""",
        (client.user_uid, client.ticket, client.account_uid, first, second),
    ).fetchone()
    return Hits(*row)


@dataclass(frozen=True)
class Judgement:
    """A client's counts against the thresholds."""

    counts: Hits
    limits: RateLimits
    client: Client

    def _pairs(self) -> list[tuple[str, int, int]]:
        categories = zip(CATEGORIES, _counts(self.counts), _limits(self.limits), strict=True)
        # a call without a session (Ops) has no session count
        return [(name, count, limit) for name, count, limit in categories if name != "session" or self.client.ticket]

    @property
    def over(self) -> bool:
        return any(count > limit for _, count, limit in self._pairs())

    @property
    def refused(self) -> bool:
        """Past a limit in Error mode: the call fails before it runs."""
        return self.over and self.limits.mode == "Error"

    @property
    def warned(self) -> bool:
        """Past the warning threshold of a limit (or past a limit in Warning mode): the call runs, warned."""
        percent = self.limits.warning_percent
        return not self.refused and any(count * 100 > limit * percent for _, count, limit in self._pairs())

    @property
    def described(self) -> str:
        """Every count against its threshold, as the vendor's message gives them."""
        listed = ", ".join(f"{name} {count} of {limit}" for name, count, limit in self._pairs())
        window = self.limits.window_seconds
        return f"hits in the last {'second' if window == 1 else f'{window} seconds'}: {listed}"


def judge(db: Database, client: Client, weight: int = 1) -> Judgement | None:
    """Count this call and judge the counts; None when the limiter is switched off (it then counts
    nothing: turning it on starts from zero)."""
    limits = settings(db)
    if not limits.enabled:
        return None
    instant = _instant(db)  # one reading of the settings and the clock for the whole judgement
    _record(db, client, Hits(weight, weight, weight if client.ticket else 0), int(instant))
    return Judgement(_counted(db, client, limits, instant), limits, client)


def assess(db: Database, client: Client) -> Judgement:
    """The client's counts judged, without counting a call (what a fault rule forcing 10016 reports)."""
    limits = settings(db)
    return Judgement(counted(db, client, limits), limits, client)


def _counts(hits: Hits) -> tuple[int, int, int]:
    return hits.installation, hits.user, hits.session


def _limits(limits: RateLimits) -> tuple[int, int, int]:
    return limits.installation_limit, limits.user_limit, limits.session_limit
