"""Tenants as SQLite databases: one database per tenant, one transaction per request."""
