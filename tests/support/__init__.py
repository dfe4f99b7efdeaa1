"""Test support: a zeep client wired to the mock in-process, and response contract checks."""
