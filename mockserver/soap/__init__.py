"""Vendor-neutral SOAP machinery: safe parsing, envelopes and faults, contracts, endpoints."""
