"""The whole feature suite and the admin API's tests, with the in-process mock keeping its tenants in
PostgreSQL: one set of rules runs on both stores, so every scenario that passes on SQLite passes here too.

They run in a pytest of their own (the plugin's ``--store``), against the session's throwaway server.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support.postgres import PostgresServer

ROOT = Path(__file__).resolve().parents[2]


def test_every_feature_scenario_and_admin_api_test_passes_on_the_postgresql_store(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/features",
            "tests/admin/test_admin_api.py",
            "tests/admin/test_reading.py",
            "--store",
            postgres.url,
            "-q",
            "-p",
            "no:cacheprovider",
            f"--junitxml={tmp_path / 'features.xml'}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    assert run.returncode == 0, f"{summary}\n{run.stdout[-4000:]}\n{run.stderr[-2000:]}"
    assert " passed" in summary, summary
    assert "skipped" not in summary, summary
