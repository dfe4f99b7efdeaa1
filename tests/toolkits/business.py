"""The business answers each toolkit's client must get from a fresh tenant of the dataset, whatever shape
the toolkit reads them into: a login's ticket, the saved card, the batch, the profiles."""

from __future__ import annotations

from typing import Any

PROFILE_LOGONS = {"anna.schmidt", "max.mueller", "ralf.herrmann"}
"""The dataset's profiles that can sync (hold sync@access): what ralf.herrmann, who may switch identity, gets."""


def assert_saved_one_card(login: dict[str, Any], saved: dict[str, Any], results: list[dict[str, Any]]) -> None:
    """PwsAuthenticate gave a ticket, and PwsSaveTimeCards with it saved the one card sent."""
    assert login["Status"] == "Ok", login
    assert login["SessionTicket"], login
    assert saved["Status"] == "Ok", saved
    [result] = results
    card = result["TimeCard"]
    assert int(card["TimecardUid"]) > 0, result
    assert (card["ProjectIdentity"]["ProjectCode"], int(card["WorkMinutes"])) == ("P001396-001", 60), result


def assert_batch_opened(batch: dict[str, Any]) -> None:
    assert batch["ServiceResult"] == "Ok", batch
    assert int(batch["BatchId"]) > 0, batch


def assert_profiles_listed(profiles: list[dict[str, Any]]) -> None:
    assert {profile["LogonName"] for profile in profiles} == PROFILE_LOGONS, profiles
