"""Tenants as SQLite databases: one database per tenant, one transaction per request."""

from __future__ import annotations

from mockserver.state import clock, faults, journal, reading

MOCK_SCHEMA = clock.SCHEMA + journal.SCHEMA + faults.SCHEMA + reading.SCHEMA
"""The tables every tenant has whatever the vendors: its clock, its request journal, its fault rules, how it
reads requests."""
