"""``mockserver serve | seed | spec | validate | contract-test``: run the mock, write its dataset or its
specification, check captured envelopes, or run the specification against an endpoint.

Bad input (an argument, a file or directory it names) gets one line on standard error and exit status 2,
as argparse gives a usage error: never a traceback, never a default put in its place.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from mockserver import fixtures, serving
from mockserver.resources import FEATURES_DIR
from mockserver.settings import Settings
from mockserver.soap.envelope import DEFAULT_READ_TIMEOUT
from mockserver.state.datasets import InvalidDataset
from mockserver.state.tenants import UnusableStateDir, UnusableStore
from mockserver.state.upgrade import IncompatibleTenantFile

USAGE_ERROR = 2


class BadInput(Exception):
    """What a command found wrong with its input, said in one line."""


class _Parser(argparse.ArgumentParser):
    """argparse's parser, saying a usage error in one line (the usage itself is under --help)."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, f"{self.prog}: {message} (see {self.prog} --help)\n")


class _Version(argparse.Action):
    """``--version``: the installed distribution's version, read only when asked (start-up stays quick)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> NoReturn:
        from mockserver.version import version  # here: start-up need not read the installed distributions

        sys.stdout.write(f"mockserver {version()}\n")
        parser.exit()


def _number(text: str, what: str, fits: Callable[[float], bool]) -> float:
    """``text`` as a finite number that ``fits``, else argparse's error saying it is not ``what``."""
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and fits(number)):
        raise argparse.ArgumentTypeError(f"{text!r} is not {what}")
    return number


def _port(text: str) -> int:
    return int(_number(text, "a port (0 to 65535; 0 for a free one)", lambda n: n.is_integer() and 0 <= n <= 65535))


def _positive_whole(text: str) -> int:
    return int(_number(text, "a whole number of 1 or more", lambda n: n.is_integer() and n >= 1))


def _positive_seconds(text: str) -> float:
    return _number(text, "a number of seconds above 0", lambda n: n > 0)


def _output_file(text: str) -> Path:
    """A file to write: its directory must exist, and it must not be a directory itself."""
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a directory, not a file")
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"{text}: no directory {path.parent}")
    return path


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mockserver", description=__doc__)
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the SOAP mocks on one port")
    serve.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8080, help="port, 0 for a free one (default 8080)")
    serve.add_argument("--seed", type=int, default=fixtures.DEFAULT_SEED, help="faker seed of the default dataset")
    serve.add_argument("--dataset", type=Path, help="JSON dataset to serve instead of the default one")
    serve.add_argument("--state-dir", type=Path, help="keep tenants as SQLite files here (survives restarts)")
    serve.add_argument(
        "--store",
        default=os.environ.get("MOCKSERVER_STORE") or None,
        metavar="URL",
        help="keep every tenant in PostgreSQL (postgresql://user@host:port/db), shared by every replica naming it; "
        "default $MOCKSERVER_STORE, else SQLite (needs timecard-mockserver[postgresql])",
    )
    serve.add_argument(
        "--report", type=_output_file, help="write a JUnit XML contract report of the requests received to this file"
    )
    serve.add_argument(
        "--workers",
        type=_positive_whole,
        default=1,
        help="serve with N granian worker processes sharing state files (for load)",
    )
    serve.add_argument(
        "--read-timeout",
        type=_positive_seconds,
        default=DEFAULT_READ_TIMEOUT,
        metavar="SECONDS",
        help=f"answer a request whose bytes stop coming this long as incomplete (default {DEFAULT_READ_TIMEOUT:g})",
    )
    serve.add_argument(
        "--strict",
        action="store_true",
        help="refuse every request that leaves the contract with its fault (default: read it as the vendor's "
        "runtime does, each departure a warning)",
    )
    serve.add_argument(
        "--no-rate-limits",
        dest="rate_limits",
        action="store_false",
        help="start new tenants with Projector's rate limiter off (for a load test of the mock itself)",
    )

    seed = commands.add_parser("seed", help="write the default dataset as JSON (edit it, then serve --dataset)")
    seed.add_argument("--seed", type=int, default=fixtures.DEFAULT_SEED)
    seed.add_argument("--output", type=_output_file, help="file to write (default: standard output)")

    spec = commands.add_parser("spec", help="write the living specification: HTML and Markdown report of the features")
    spec.add_argument("--features", type=Path, default=FEATURES_DIR, help="feature files (default: the shipped ones)")
    spec.add_argument(
        "--results",
        type=Path,
        default=Path("build/spec-results.json"),
        help="results of the last test or contract-test run (default build/spec-results.json)",
    )
    spec.add_argument("--output", type=Path, default=Path("build/spec"), help="directory to write (default build/spec)")

    contract_test = commands.add_parser(
        "contract-test",
        help="run the shipped features against an endpoint (needs timecard-mockserver[contract-test])",
        description="Run the shipped Gherkin features against a live endpoint; any other argument goes to pytest "
        "(-k, -m, -x, --junitxml ...). Results go to build/spec-results.json, for `mockserver spec`.",
    )
    contract_test.add_argument(
        "--target-url",
        action="append",
        default=[],
        metavar="URL",
        help="a base URL (every service at its vendor path) or service=URL (pws, ops, tpsync); repeatable; "
        "without it, the mock in-process",
    )

    validate = commands.add_parser(
        "validate",
        help="check captured request or response envelopes offline against the contracts",
        description="Check captured SOAP envelopes against the contracts, as the server checks a request: "
        "each file's body names its service and operation, and each violation is named with its element path "
        "and reason. A SOAP Fault's detail is checked where a contract declares it. Header blocks are not "
        "checked (the server reads them in its operations). Exit status: 0 all valid, 1 any invalid, "
        "2 any file unreadable, not XML or not a SOAP envelope.",
    )
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a captured SOAP envelope")
    return parser


def serve(args: argparse.Namespace) -> None:
    settings = Settings(
        seed=args.seed,
        dataset=args.dataset,
        state_dir=args.state_dir,
        store=args.store,
        read_timeout=args.read_timeout,
        rate_limits=args.rate_limits,
        strict_requests=args.strict,
    )
    if args.workers > 1 and args.report:
        raise BadInput("--report goes with the default server (no --workers)")
    if args.store and args.state_dir:
        raise BadInput("--store and --state-dir each name where tenants are kept: give one")
    try:
        if args.workers > 1:
            serving.serve_workers(settings, args.host, args.port, args.workers)
        else:
            serving.serve_threaded(settings, args.host, args.port, args.report)
    except InvalidDataset as error:
        raise BadInput(f"--dataset {args.dataset}: {error}") from None
    except UnusableStateDir as error:
        raise BadInput(f"--state-dir {error}") from None
    except (IncompatibleTenantFile, serving.CannotListen, UnusableStore) as error:
        raise BadInput(str(error)) from None


def seed(args: argparse.Namespace) -> None:
    text = json.dumps(fixtures.build_dataset(args.seed), indent=1)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")


def spec(args: argparse.Namespace) -> None:
    from mockserver.spec.report import write_report  # here: serve's start-up need not import the reports

    try:
        written = write_report(args.features, args.results, args.output)
    except (OSError, ValueError) as error:  # a Gherkin or results file it cannot read is a ValueError
        raise BadInput(str(error)) from None
    if written.results is None:
        sys.stderr.write(f"mockserver spec: no results at {args.results}: every scenario shows 'not run'\n")
    sys.stdout.write(f"{written.html}\n{written.markdown}\n")


def validate(args: argparse.Namespace) -> None:
    from mockserver.offline_validation import run  # here: serve's start-up need not import it

    sys.exit(run(args.files, sys.stdout, sys.stderr))


def contract_test(args: argparse.Namespace) -> None:
    try:  # here: only this command needs the contract-test extra
        from mockserver.contract_suite import command
    except ImportError as error:
        raise BadInput(
            f"{error.name} is missing; install the extra: pip install 'timecard-mockserver[contract-test]'"
        ) from None
    try:
        sys.exit(command.run(args.target_url, args.pytest_args))
    except command.UnreachableTarget as error:
        raise BadInput(str(error)) from None


def main(argv: Sequence[str] | None = None) -> None:
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    if args.command == "contract-test":
        args.pytest_args = rest
    elif rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    commands = {"serve": serve, "seed": seed, "spec": spec, "validate": validate, "contract-test": contract_test}
    try:
        commands[args.command](args)
    except BadInput as error:
        sys.stderr.write(f"mockserver {args.command}: {error}\n")
        raise SystemExit(USAGE_ERROR) from None
