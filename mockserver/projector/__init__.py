"""Projector PSA: the PWS web services (time cards) and, later, the Ops batch services."""
