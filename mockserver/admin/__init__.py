"""The mock's own side: the /__admin JSON API and the request journal page."""
