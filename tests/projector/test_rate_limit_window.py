"""The rate limiter's window in time: how long a hit counts, and a clock an earlier version stopped."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from mockserver.app import MockServer
from mockserver.projector import rate_limits
from mockserver.state import clock

CLIENT = rate_limits.Client(account_uid=1, user_uid=2, ticket="t")


def session_hits(app: MockServer, tenant: str) -> int:
    with app.tenants.get(tenant).transaction() as db:
        return rate_limits.counted(db, CLIENT, rate_limits.settings(db)).session


def advance(app: MockServer, tenant: str, seconds: float) -> None:
    with app.tenants.get(tenant).transaction() as db:
        clock.advance(db, timedelta(seconds=seconds))


def test_a_hit_counts_for_the_whole_window_even_late_in_its_second(mock_app: MockServer) -> None:
    tenant = "window-edge"
    with mock_app.tenants.get(tenant).transaction() as db:
        clock.freeze(db, datetime(2018, 3, 9, 9, 0, 0, 900_000, tzinfo=UTC))
        rate_limits.add(db, CLIENT, rate_limits.Hits(session=1))
    advance(mock_app, tenant, 59.2)
    assert session_hits(mock_app, tenant) == 1  # 59.2 s after it: inside the 60-second window
    advance(mock_app, tenant, 1.0)
    assert session_hits(mock_app, tenant) == 0  # 60.2 s after it: gone


def test_a_clock_an_earlier_version_stopped_starts_moving_for_the_limiter(mock_app: MockServer) -> None:
    tenant = "stopped-earlier"
    with mock_app.tenants.get(tenant).transaction() as db:
        clock.freeze(db, datetime(2018, 3, 9, 9, tzinfo=UTC))
        db.execute("UPDATE clock SET frozen_real_at = NULL")  # as an earlier version (or its snapshot) left it
        first = clock.moving_now(db)
    time.sleep(0.05)
    with mock_app.tenants.get(tenant).transaction() as db:
        later = clock.moving_now(db)
        assert clock.now(db) == datetime(2018, 3, 9, 9, tzinfo=UTC)  # the tenant's clock still stands
    assert later - first >= timedelta(seconds=0.05)
