"""What the admin API refuses reaches the test as a MockServerError that says why, in one line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mockserver.settings import Settings
from mockserver.testing import MockServerError, RunningMockServer, _refusal


@pytest.fixture
def server() -> Iterator[RunningMockServer]:
    running = RunningMockServer(Settings(read_timeout=1))
    yield running
    running.stop()


def test_a_delay_longer_than_the_read_timeout_is_refused_with_the_bound(server: RunningMockServer) -> None:
    tenant = server.tenant()
    with pytest.raises(MockServerError) as refused:
        tenant.add_fault("delay", ms=5000)
    assert str(refused.value) == (
        f"POST /__admin/tenants/{tenant.name}/faults: 422 Invalid fault rule: "
        "delay needs milliseconds from 0 to 1000 (the server's read timeout)"
    )
    assert tenant.add_fault("delay", ms=1000) > 0


def test_a_refusal_not_in_the_admin_apis_shape_is_given_as_it_came() -> None:
    """A proxy in front of a shared mock (MOCKSERVER_URL) may answer with a page of its own."""
    assert _refusal(b"<html>502 Bad Gateway</html>") == "<html>502 Bad Gateway</html>"
    assert _refusal(b'{"message": "no"}') == '{"message": "no"}'
