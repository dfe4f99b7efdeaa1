"""Who calls, as whom, with which permissions: TpAuthentication is checked on every call.

The API is stateless: no token is issued. CustomerToken names the installation, TpUser the
profile's logon name and TpHashedPwd the upper-case hex MD5 of its password; Identity, when set
to another profile, switches to it and needs core@switchIdentity. Identity is the profile's
"Profile Name" (the TpAuthentication entity page), its SaveAsName; an installation may read it as
the LogonName instead (tp_customer_token.identity_by_logon_name).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from mockserver.state.database import Database, Row
from mockserver.timepunch.faults import TpError

DEFAULT_CUSTOMER_TOKEN = "default_timepunch"  # noqa: S105 - the vendor's default installation name, no secret
"""The customer token a TpAuthentication without one stands for (vendor notes)."""

MISSING_PERMISSION = {
    "core@switchIdentity": "MissingPermissionSwitchIdentity",
    "sync@access": "MissingPermissionSyncAccess",
    "timeEntries@download": "MissingPermissionTimeEntriesDownload",
    "timeEntries@upload": "MissingPermissionTimeEntriesUpload",
    "projects@download": "MissingPermissionProjectsDownload",
    "projects@upload": "MissingPermissionProjectsUpload",
}


@dataclass(frozen=True)
class Actor:
    """The authenticated profile (its permissions), the profile it acts as, and the installation (its settings)."""

    installation: Row
    principal: Row
    acting: Row
    permissions: frozenset[str]

    def require(self, *permissions: str) -> None:
        for permission in permissions:
            if permission not in self.permissions:
                raise TpError(MISSING_PERMISSION[permission], fill=[f"'{self.principal['logon_name']}'"])

    def may(self, permission: str) -> bool:
        return permission in self.permissions


def authenticate(db: Database, authentication: dict[str, Any] | None) -> Actor:
    if not authentication:
        raise TpError("AuthenticationFailure", "No TpAuthentication was sent.")
    token = authentication.get("CustomerToken") or DEFAULT_CUSTOMER_TOKEN  # nil or empty: the default installation
    installation = db.execute("SELECT * FROM tp_customer_token WHERE token = ?", (token,)).fetchone()
    if installation is None:
        raise TpError("UnknownCustomerToken", fill=[f"'{token}'"])
    profile = db.execute(
        "SELECT * FROM tp_profile WHERE logon_name = ?", (authentication.get("TpUser") or "",)
    ).fetchone()
    if profile is None or not secrets.compare_digest(
        profile["password_md5"].encode(), (authentication.get("TpHashedPwd") or "").encode()
    ):
        raise TpError("AuthenticationFailure")
    permissions = frozenset(profile["permissions"].split())
    acting = _acting(db, installation, profile, permissions, authentication.get("Identity"))
    return Actor(installation=installation, principal=profile, acting=acting, permissions=permissions)


def _acting(
    db: Database,
    installation: Row,
    principal: Row,
    permissions: frozenset[str],
    identity: str | None,
) -> Row:
    """The profile Identity names, by its SaveAsName (or LogonName where the installation says so): the principal
    when empty or its own; another needs core@switchIdentity, checked before whether it exists."""
    named_by = "logon_name" if installation["identity_by_logon_name"] else "save_as_name"
    if not identity or identity.lower() == principal[named_by].lower():
        return principal
    if "core@switchIdentity" not in permissions:
        raise TpError("MissingPermissionSwitchIdentity", fill=[f"'{principal['logon_name']}'"])
    profiles = db.execute("SELECT * FROM tp_profile ORDER BY logon_name").fetchall()
    named: Row | None = next((profile for profile in profiles if profile[named_by].lower() == identity.lower()), None)
    if named is None:
        raise TpError("UnknownIdentity", fill=[f"'{identity}'"])
    return named
