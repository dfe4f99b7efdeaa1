"""Bad input at the command line: one line on standard error naming what is wrong, exit status 2 (argparse's
status for a usage error, kept for every refusal of `mockserver` so a script tells bad input from a crash),
never a traceback, and never a default served in its place. Plus `mockserver --version`.

In-process through `cli.main` where the refusal comes before anything listens; in a process of its own
where what matters is that the command ends (a port it would have served on instead)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

from mockserver import serving
from mockserver.cli import USAGE_ERROR, main


def refusal(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one line `mockserver argv` writes on standard error as it exits with the usage error status."""
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    assert exited.value.code == USAGE_ERROR
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert captured.err.endswith("\n")
    assert captured.err.count("\n") == 1, captured.err
    return captured.err.rstrip("\n")


@pytest.fixture
def never_served(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Fails the test if `serve` got as far as serving."""
    started: list[object] = []
    monkeypatch.setattr(serving, "make_server", lambda *args, **kwargs: started.append(args))
    yield started
    assert started == []


def dataset_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "d.json"
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- --version --------------------------------------------------------------------------------------


def test_version_prints_the_installed_distributions_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"mockserver {metadata.version('timecard-mockserver')}\n"


# -- --dataset --------------------------------------------------------------------------------------


def test_malformed_json_names_its_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], never_served: list[object]
) -> None:
    path = dataset_file(tmp_path, '{\n "pr_user": [\n  {"id": 1}\n  {"id": 2}]}')
    assert refusal(capsys, "serve", "--dataset", path) == (
        f"mockserver serve: --dataset {path}: invalid JSON at line 4, column 3: Expecting ',' delimiter"
    )


def test_an_unknown_table_is_named_with_the_tables_of_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], never_served: list[object]
) -> None:
    path = dataset_file(tmp_path, '{"pr_cardz": []}')
    line = refusal(capsys, "serve", "--dataset", path)
    assert line.startswith(f"mockserver serve: --dataset {path}: unknown table 'pr_cardz' (tables: ")
    assert "pr_time_card, " in line  # from projector/schema.sql
    assert "tp_project" in line  # from timepunch/schema.sql


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"pr_user": [{"user_name": "x", "passwd": "y"}]}', "table 'pr_user' has no column 'passwd' (columns: "),
        ("[1]", "a dataset is a JSON object mapping table names to lists of rows"),
        ('{"pr_user": {}}', "table 'pr_user': a list of rows was expected"),
        ('{"pr_user": [1]}', "table 'pr_user', row 1: an object of column values was expected"),
        ('{"pr_user": [{"id": 1}]}', "table 'pr_user', row 1: NOT NULL constraint failed: pr_user.account_uid"),
        ('{"pr_currency": [{"code": {"a": 1}}]}', "table 'pr_currency', row 1: Error binding parameter 1"),
    ],
)
def test_a_dataset_row_that_cannot_be_inserted_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], never_served: list[object], text: str, problem: str
) -> None:
    path = dataset_file(tmp_path, text)
    assert refusal(capsys, "serve", "--dataset", path).startswith(f"mockserver serve: --dataset {path}: {problem}")


def test_a_missing_or_unreadable_dataset_gives_the_operating_systems_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], never_served: list[object]
) -> None:
    missing = str(tmp_path / "missing.json")
    assert refusal(capsys, "serve", "--dataset", missing) == (
        f"mockserver serve: --dataset {missing}: No such file or directory"
    )
    assert refusal(capsys, "serve", "--dataset", str(tmp_path)) == (
        f"mockserver serve: --dataset {tmp_path}: Is a directory"
    )
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe{}")
    assert refusal(capsys, "serve", "--dataset", str(binary)) == (
        f"mockserver serve: --dataset {binary}: not UTF-8 text"
    )


# -- --state-dir ------------------------------------------------------------------------------------


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A directory no file can be made in (root ignores permission bits, so then /proc/self: no new files)."""
    if os.geteuid() == 0:
        yield Path("/proc/self")
        return
    directory = tmp_path / "read-only"
    directory.mkdir(mode=0o555)
    yield directory
    directory.chmod(0o755)


def test_a_state_dir_that_cannot_be_written_is_refused_at_start(
    read_only_dir: Path, capsys: pytest.CaptureFixture[str], never_served: list[object]
) -> None:
    line = refusal(capsys, "serve", "--state-dir", str(read_only_dir))
    assert line.startswith(f"mockserver serve: --state-dir {read_only_dir}: cannot keep tenants there: ")


# -- --port, --host and the other arguments ---------------------------------------------------------


@pytest.mark.parametrize("port", ["99999", "65536", "-1", "80.5", "http"])
def test_a_port_outside_0_to_65535_ends_serve_without_listening(port: str) -> None:
    """In a process of its own: had it listened (99999 once served on 34463), it would not have ended."""
    run = subprocess.run(
        [sys.executable, "-m", "mockserver", "serve", "--port", port],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert run.returncode == USAGE_ERROR
    assert run.stdout == ""
    assert run.stderr == (
        f"mockserver serve: argument --port: {port!r} is not a port (0 to 65535; 0 for a free one) "
        "(see mockserver serve --help)\n"
    )


def test_a_port_in_use_or_a_host_that_does_not_resolve_is_said_in_one_line(
    capsys: pytest.CaptureFixture[str], never_served: list[object]
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert refusal(capsys, "serve", "--port", str(port)) == (
            f"mockserver serve: cannot listen on 127.0.0.1:{port}: Address already in use"
        )
        assert refusal(capsys, "serve", "--port", str(port), "--workers", "2") == (
            f"mockserver serve: cannot listen on 127.0.0.1:{port}: Address already in use"
        )
    line = refusal(capsys, "serve", "--host", "no-such-host.invalid", "--port", "0")
    assert line.startswith("mockserver serve: cannot listen on no-such-host.invalid:0: ")


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["serve", "--workers", "0"], "argument --workers: '0' is not a whole number of 1 or more"),
        (["serve", "--workers", "-2"], "argument --workers: '-2' is not a whole number of 1 or more"),
        (["serve", "--read-timeout", "-1"], "argument --read-timeout: '-1' is not a number of seconds above 0"),
        (["serve", "--read-timeout", "0"], "argument --read-timeout: '0' is not a number of seconds above 0"),
        (["serve", "--read-timeout", "inf"], "argument --read-timeout: 'inf' is not a number of seconds above 0"),
        (["serve", "--read-timeout", "nan"], "argument --read-timeout: 'nan' is not a number of seconds above 0"),
    ],
)
def test_a_number_out_of_its_range_is_refused(
    capsys: pytest.CaptureFixture[str], never_served: list[object], argv: list[str], line: str
) -> None:
    assert refusal(capsys, *argv) == f"mockserver serve: {line} (see mockserver serve --help)"


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (
            "serve --state-dir {tmp}/a-file/state",
            "mockserver serve: --state-dir {tmp}/a-file/state: cannot keep tenants there: Not a directory",
        ),
        (
            "seed --output {tmp}/missing/out.json",
            "mockserver seed: argument --output: {tmp}/missing/out.json: no directory {tmp}/missing "
            "(see mockserver seed --help)",
        ),
        (
            "seed --output {tmp}",
            "mockserver seed: argument --output: {tmp} is a directory, not a file (see mockserver seed --help)",
        ),
        (
            "serve --report {tmp}/missing/junit.xml",
            "mockserver serve: argument --report: {tmp}/missing/junit.xml: no directory {tmp}/missing "
            "(see mockserver serve --help)",
        ),
        (
            "serve --workers 2 --report {tmp}/junit.xml",
            "mockserver serve: --report goes with the default server (no --workers)",
        ),
        (
            "spec --features {tmp}/features --output {tmp}/out",
            "mockserver spec: no features directory {tmp}/features",
        ),
    ],
)
def test_a_file_or_directory_that_cannot_be_used_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], never_served: list[object], argv: str, line: str
) -> None:
    (tmp_path / "a-file").touch()
    assert refusal(capsys, *argv.format(tmp=tmp_path).split()) == line.format(tmp=tmp_path)


def test_an_unknown_command_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    line = refusal(capsys, "serv")
    assert line.startswith("mockserver: argument command: invalid choice: 'serv'")
