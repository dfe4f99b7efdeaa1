"""Who calls, as whom, with which permissions: TpAuthentication is checked on every call.

The API is stateless: no token is issued. CustomerToken names the installation, TpUser the
profile's logon name and TpHashedPwd the upper-case hex MD5 of its password; Identity, when set
to another profile, switches to it and needs core@switchIdentity.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from typing import Any

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
    """The authenticated profile (its permissions) and the profile it acts as."""

    principal: sqlite3.Row
    acting: sqlite3.Row
    permissions: frozenset[str]

    def require(self, *permissions: str) -> None:
        for permission in permissions:
            if permission not in self.permissions:
                raise TpError(MISSING_PERMISSION[permission], fill=[f"'{self.principal['logon_name']}'"])

    def may(self, permission: str) -> bool:
        return permission in self.permissions


def authenticate(db: sqlite3.Connection, authentication: dict[str, Any] | None) -> Actor:
    if not authentication:
        raise TpError("AuthenticationFailure", "No TpAuthentication was sent.")
    token = authentication.get("CustomerToken") or DEFAULT_CUSTOMER_TOKEN  # nil or empty: the default installation
    if db.execute("SELECT 1 FROM tp_customer_token WHERE token = ?", (token,)).fetchone() is None:
        raise TpError("UnknownCustomerToken", fill=[f"'{token}'"])
    profile = db.execute(
        "SELECT * FROM tp_profile WHERE logon_name = ?", (authentication.get("TpUser") or "",)
    ).fetchone()
    if profile is None or not secrets.compare_digest(
        profile["password_md5"].encode(), (authentication.get("TpHashedPwd") or "").encode()
    ):
        raise TpError("AuthenticationFailure")
    permissions = frozenset(profile["permissions"].split())
    identity = authentication.get("Identity")
    acting = profile
    if identity and identity.lower() not in (profile["logon_name"].lower(), profile["id"]):
        if "core@switchIdentity" not in permissions:
            raise TpError("MissingPermissionSwitchIdentity", fill=[f"'{profile['logon_name']}'"])
        acting = db.execute("SELECT * FROM tp_profile WHERE logon_name = ? OR id = ?", (identity, identity)).fetchone()
        if acting is None:
            raise TpError("UnknownIdentity", fill=[f"'{identity}'"])
    return Actor(principal=profile, acting=acting, permissions=permissions)
