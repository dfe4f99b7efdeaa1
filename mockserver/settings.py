"""Server settings, shared by the CLI, the app factory and the pytest plugin."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mockserver.fixtures import DEFAULT_SEED
from mockserver.soap.envelope import DEFAULT_MAX_REQUEST_BYTES, DEFAULT_READ_TIMEOUT


@dataclass(frozen=True)
class Settings:
    seed: int = DEFAULT_SEED
    dataset: Path | None = None
    """A JSON dataset replacing the faker-built default."""
    state_dir: Path | None = None
    """Keep each tenant as a SQLite file here (survives restarts); None keeps state in memory."""
    store: str | None = None
    """A PostgreSQL URL (``postgresql://user@host:port/db``): every tenant's state kept there, shared by every
    replica that names it; None keeps SQLite's (in memory, or under ``state_dir``)."""
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    strict_responses: bool = True
    """Validate every response against the contract; a violation is a Server fault (a mock bug)."""
    strict_requests: bool = False
    """Refuse every request that leaves the contract (``serve --strict``); by default such a request is read
    as the vendor's runtime reads it, and each departure is a warning in the journal."""
    read_timeout: float = DEFAULT_READ_TIMEOUT
    """Seconds the server waits for the next bytes of a request: a client that stalls, or announces a
    longer body than it sends, is answered as such, and holds no thread for ever."""
    rate_limits: bool = True
    """Projector's rate limiter is on in every new tenant, as on the vendor's servers; off for a load
    test of the mock itself (a tenant's own setting, through the admin API, still decides)."""
