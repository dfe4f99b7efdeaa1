"""TimePunch 5.4: the Sync Service (profiles, connected devices, the cloud, sync of entries and projects)."""
