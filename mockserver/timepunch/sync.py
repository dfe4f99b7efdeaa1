"""The TimePunch Sync Service endpoint: twelve operations, each answering ``out TpFault fault``.

A WCF service over SOAP 1.2 with WS-Addressing. Every method returns its result and out
parameters as response elements, with ``fault`` nil on success; an error fills ``fault`` and
leaves the rest out (a TpFault, never a transport error). Permissions per method are page 000's.
"""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from lxml import etree

from mockserver.resources import CONTRACTS_DIR
from mockserver.soap import datacontract, ns
from mockserver.soap.addressing import AddressingEndpoint
from mockserver.soap.contract import load_contract
from mockserver.soap.datacontract import DataContracts
from mockserver.soap.service import Handler, RequestContext, Service
from mockserver.soap.wcf import WcfEndpoint
from mockserver.state import clock
from mockserver.state.database import Database, Row, savepoint
from mockserver.timepunch import data
from mockserver.timepunch.access import Actor, authenticate
from mockserver.timepunch.faults import TpError

CONTRACT_PATH = CONTRACTS_DIR / "timepunch" / "tpsync.wsdl"
ENDPOINT_PATH = "/TimePunch/API/TpSync.svc"
SCHEMA_SQL = (Path(__file__).parent / "schema.sql").read_text(encoding="utf-8")
AUTH = "http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.AuthenticationService.Dto"


def contracts() -> DataContracts:
    return datacontract.of(load_contract(CONTRACT_PATH))


@dataclass
class SyncCall:
    db: Database
    parameters: dict[str, Any]
    actor: Actor
    now: datetime


Operation = Callable[[SyncCall], dict[str, Any]]


def sync_operation(*permissions: str) -> Callable[[Operation], Handler]:
    """Authenticate, check the method's permissions, answer its members with ``fault`` nil, or the fault."""

    def decorate(operation: Operation) -> Handler:
        @functools.wraps(operation)
        def handler(request: etree._Element, ctx: RequestContext) -> etree._Element:
            dtos = contracts()
            parameters = dtos.read(request, request.tag) or {}
            try:
                if ctx.forced_error:
                    raise TpError.forced(ctx.forced_error)
                actor = authenticate(ctx.db, parameters.get("authentication"))
                actor.require(*permissions)
                with savepoint(ctx.db, "operation"):  # a fault leaves nothing of the call behind
                    members = operation(SyncCall(ctx.db, parameters, actor, clock.now(ctx.db)))
            except TpError as error:
                members = {"fault": _fault(dtos, error, ctx.operation.name)}
            return dtos.write(ctx.operation.output_element, ctx.operation.output_element, members)

        return handler

    return decorate


def _fault(dtos: DataContracts, error: TpError, operation: str) -> etree._Element:
    """A TpFault; an authentication failure as the TpAuthenticationFault subtype."""
    subtype = "TpAuthenticationFault" if error.code == "AuthenticationFailure" else "TpFault"
    fault = dtos.write("fault", f"{{{AUTH}}}{subtype}", {"Message": error.message(operation)})
    if subtype != "TpFault":
        prefix = next(prefix for prefix, namespace in dtos.prefixes.items() if namespace == AUTH)
        fault.set(f"{{{ns.XSI}}}type", f"{prefix}:{subtype}")
    return fault


# -- profiles and devices --------------------------------------------------------------------------


def _profile_dto(row: Row) -> dict[str, Any]:
    return {
        "Id": row["id"],
        "LastSyncTime": row["last_sync_time"],
        "LogonName": row["logon_name"],
        "SaveAsName": row["save_as_name"],
        "UserName": row["user_name"],
    }


def _device_dto(db: Database, row: Row) -> dict[str, Any]:
    profile = db.execute("SELECT * FROM tp_profile WHERE id = ?", (row["profile_id"],)).fetchone()
    return {
        "BindingState": row["binding_state"],
        "DeviceConnectionId": row["id"],
        "DeviceName": row["name"],
        "DeviceUser": row["device_user"],
        "SyncMail": row["sync_mail"],
        "SyncState": row["sync_state"],
        "UserProfile": _profile_dto(profile) if profile is not None else None,
    }


def _device(db: Database, device_id: str | None) -> Row:
    row: Row | None = db.execute("SELECT * FROM tp_device WHERE id = ?", (device_id,)).fetchone() if device_id else None
    if row is None:
        raise TpError("UnknownDevice", fill=[f"'{device_id}'"])
    return row


def _visible_profiles(call: SyncCall) -> list[Row]:
    """One's own profile; for whom may switch identity, every profile that may sync (holds sync@access:
    page 000 lists "profiles that can be used in order to sync data")."""
    if call.actor.may("core@switchIdentity"):
        profiles = call.db.execute("SELECT * FROM tp_profile ORDER BY logon_name").fetchall()
        return [profile for profile in profiles if "sync@access" in profile["permissions"].split()]
    return [call.actor.acting]


@sync_operation("sync@access")
def get_useable_sync_user_profiles(call: SyncCall) -> dict[str, Any]:
    return {"GetUseableSyncUserProfilesResult": [_profile_dto(p) for p in _visible_profiles(call)]}


@sync_operation("sync@access")
def get_useable_connected_devices_for_sync(call: SyncCall) -> dict[str, Any]:
    """Every bound device, whoever's it is (page 000: sync@access, and "for each connected device,
    the corresponding user profile is also supplied")."""
    devices = call.db.execute("SELECT * FROM tp_device WHERE binding_state = 'Bound' ORDER BY name").fetchall()
    return {"GetUseableConnectedDevicesForSyncResult": [_device_dto(call.db, device) for device in devices]}


@sync_operation("sync@access", "timeEntries@download", "projects@download")
def pull_and_sync_connected_devices(call: SyncCall) -> dict[str, Any]:
    profile_id = call.parameters.get("userProfileId")
    profile = call.db.execute("SELECT * FROM tp_profile WHERE id = ?", (profile_id,)).fetchone()
    if profile is None:
        raise TpError("UnknownUserProfile", fill=[f"'{profile_id}'"])
    merger = data.Merger(call.db)
    devices = call.db.execute(
        "SELECT id FROM tp_device WHERE profile_id = ? AND binding_state = 'Bound'", (profile["id"],)
    ).fetchall()
    for device in devices:
        waiting = call.db.execute(
            "SELECT id, payload FROM tp_cloud_entry WHERE device_id = ? ORDER BY id", (device["id"],)
        ).fetchall()
        for entry in waiting:
            merger.time_entry(json.loads(entry["payload"]), profile["id"])
        call.db.execute("DELETE FROM tp_cloud_entry WHERE device_id = ?", (device["id"],))
        call.db.execute("UPDATE tp_device SET sync_state = 'ReceiveData' WHERE id = ?", (device["id"],))
    return {}


def _bindable(call: SyncCall) -> tuple[Row, dict[str, Any]]:
    connected = call.parameters.get("connectedDevice")
    if not connected:
        raise TpError("MissingParameter", fill=["connectedDevice"])
    if not connected.get("DeviceConnectionId"):
        raise TpError("MissingParameter", fill=["connectedDevice.DeviceConnectionId"])
    return _device(call.db, connected["DeviceConnectionId"]), connected


@sync_operation("sync@access")
def bind_client_to_device(call: SyncCall) -> dict[str, Any]:
    device, connected = _bindable(call)
    profile = call.actor.acting
    wanted = (connected.get("UserProfile") or {}).get("Id")
    if wanted:
        profile = call.db.execute("SELECT * FROM tp_profile WHERE id = ?", (wanted,)).fetchone()
        if profile is None:
            raise TpError("UnknownUserProfile", fill=[f"'{wanted}'"])
    if device["binding_state"] == "Bound" and device["profile_id"] == profile["id"]:
        return {}  # bound to this profile already: a retry changes nothing, not even the client connection
    if device["binding_state"] == "Bound":
        raise TpError("DeviceAlreadyBound", fill=[f"'{device['name']}'", f"'{device['profile_id']}'"])
    call.db.execute(
        "UPDATE tp_device SET binding_state = 'Bound', profile_id = ?, client_connection_id = ?, "
        "sync_state = COALESCE(?, sync_state) WHERE id = ?",
        (profile["id"], str(uuid.uuid4()), connected.get("SyncState"), device["id"]),
    )
    return {}


@sync_operation("sync@access")
def release_client_from_device(call: SyncCall) -> dict[str, Any]:
    device, _ = _bindable(call)
    if device["binding_state"] != "Bound":
        raise TpError("DeviceNotBound", fill=[f"'{device['name']}'"])
    call.db.execute("UPDATE tp_device SET binding_state = 'Released' WHERE id = ?", (device["id"],))
    return {}


@sync_operation("sync@access")
def get_device_info(call: SyncCall) -> dict[str, Any]:
    device = _device(call.db, call.parameters.get("deviceConnectionId"))
    return {"GetDeviceInfoResult": _device_dto(call.db, device)}


@sync_operation("sync@access")
def get_client_info(call: SyncCall) -> dict[str, Any]:
    device = _device(call.db, call.parameters.get("deviceConnectionId"))
    client = call.parameters.get("clientConnectionId")
    if not client or client != device["client_connection_id"]:
        raise TpError("UnknownClientConnection", fill=[f"'{client}'", f"'{device['name']}'"])
    return {"GetClientInfoResult": _device_dto(call.db, device)}


# -- searching and applying ------------------------------------------------------------------------


@sync_operation("timeEntries@upload")
def search_time_entries_for_synchronisation(call: SyncCall) -> dict[str, Any]:
    """The acting profile's entries whose date (LogonTime) is after lastSyncTime, all when it is nil."""
    profile = call.actor.acting
    since = call.parameters.get("lastSyncTime")
    after = data.moment(since)
    start = after.isoformat() if after is not None else ""
    rows = call.db.execute(
        "SELECT * FROM tp_time_entry WHERE profile_id = ? AND logon_time > ? ORDER BY logon_time",
        (profile["id"], start),
    ).fetchall()
    project_ids = list(dict.fromkeys(row["project_id"] for row in rows if row["project_id"]))
    projects = [call.db.execute("SELECT * FROM tp_project WHERE id = ?", (pid,)).fetchone() for pid in project_ids]
    task_ids = list(dict.fromkeys(row["task_id"] for row in rows if row["task_id"]))
    common = [
        task
        for tid in task_ids
        if (task := call.db.execute("SELECT * FROM tp_task WHERE id = ? AND project_id IS NULL", (tid,)).fetchone())
    ]
    customer_ids = list(
        dict.fromkeys(
            [row["customer_id"] for row in rows if row["customer_id"]]
            + [p["customer_id"] for p in projects if p["customer_id"]]
        )
    )
    customers = [call.db.execute("SELECT * FROM tp_customer WHERE id = ?", (cid,)).fetchone() for cid in customer_ids]
    return {
        "timeEntries": [data.time_entry_dto(call.db, row, profile) for row in rows],
        "projects": [data.project_dto(call.db, project) for project in projects],
        "commonTasks": [data.task_dto(task) for task in common],
        "customers": [data.customer_dto(customer) for customer in customers],
    }


@sync_operation("projects@upload")
def search_projects_for_synchronisation(call: SyncCall) -> dict[str, Any]:
    projects = call.db.execute("SELECT * FROM tp_project WHERE deleted = 0 ORDER BY name").fetchall()
    return {"SearchProjectsForSynchronisationResult": [data.project_dto(call.db, project) for project in projects]}


@sync_operation("timeEntries@upload")
def update_last_sync_date(call: SyncCall) -> dict[str, Any]:
    """The acting profile's LastSyncTime: syncDate; nil for today at midnight (page 000: "null if the current
    date shall be used"), or the clock's now where the installation reads "date" as a .NET DateTime;
    DateTime.MinValue stores "never synced", which answers as DateTime.MinValue again."""
    given = call.parameters.get("syncDate")
    now = call.now.astimezone(UTC).replace(tzinfo=None)
    today = datetime.combine(now.date(), time())
    synced = data.moment(given) if given else now if call.actor.installation["nil_sync_date_is_now"] else today
    call.db.execute(
        "UPDATE tp_profile SET last_sync_time = ? WHERE id = ?",
        (synced.isoformat() if synced else None, call.actor.acting["id"]),
    )
    return {}


@sync_operation("projects@download")
def apply_static_data(call: SyncCall) -> dict[str, Any]:
    parameters = call.parameters
    data.Merger(call.db).static_data(
        parameters.get("projects") or [], parameters.get("commonTasks") or [], parameters.get("customers") or []
    )
    return {}


@sync_operation("projects@download")
def apply_time_entries(call: SyncCall) -> dict[str, Any]:
    parameters = call.parameters
    merger = data.Merger(call.db)
    merger.static_data(
        parameters.get("projects") or [], parameters.get("commonTasks") or [], parameters.get("customers") or []
    )
    for entry in parameters.get("timeEntries") or []:
        merger.time_entry(entry, call.actor.acting["id"])
    return {}


HANDLERS: dict[str, Handler] = {
    "GetUseableSyncUserProfiles": get_useable_sync_user_profiles,
    "GetUseableConnectedDevicesForSync": get_useable_connected_devices_for_sync,
    "PullAndSyncConnectedDevices": pull_and_sync_connected_devices,
    "BindClientToDevice": bind_client_to_device,
    "ReleaseClientFromDevice": release_client_from_device,
    "GetDeviceInfo": get_device_info,
    "GetClientInfo": get_client_info,
    "SearchTimeEntriesForSynchronisation": search_time_entries_for_synchronisation,
    "SearchProjectsForSynchronisation": search_projects_for_synchronisation,
    "UpdateLastSyncDate": update_last_sync_date,
    "ApplyStaticData": apply_static_data,
    "ApplyTimeEntries": apply_time_entries,
}


class SyncEndpoint(AddressingEndpoint, WcfEndpoint):
    """wsHttpBinding: routed by WS-Addressing, refused in WCF's words."""

    def complete_answer(self, answer: etree._Element) -> None:
        """Nothing to add: every answer is written by ``DataContracts.write``, which writes each
        member the contract has, nil where it has no value (a test holds it to that)."""


SERVICE = Service(ENDPOINT_PATH, CONTRACT_PATH, HANDLERS, endpoint_class=SyncEndpoint)
