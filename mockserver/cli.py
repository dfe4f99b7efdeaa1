"""``mockserver serve | seed | spec | contract-test``: run the mock, write its dataset or its specification,
or run that specification against an endpoint."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from mockserver import fixtures, serving
from mockserver.resources import FEATURES_DIR
from mockserver.settings import Settings
from mockserver.soap.envelope import DEFAULT_READ_TIMEOUT
from mockserver.state.upgrade import IncompatibleTenantFile


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mockserver", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the SOAP mocks on one port")
    serve.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8080, help="port, 0 for a free one (default 8080)")
    serve.add_argument("--seed", type=int, default=fixtures.DEFAULT_SEED, help="faker seed of the default dataset")
    serve.add_argument("--dataset", type=Path, help="JSON dataset to serve instead of the default one")
    serve.add_argument("--state-dir", type=Path, help="keep tenants as SQLite files here (survives restarts)")
    serve.add_argument(
        "--report", type=Path, help="write a JUnit XML contract report of the requests received to this file"
    )
    serve.add_argument(
        "--workers", type=int, default=1, help="serve with N gunicorn worker processes sharing state files (for load)"
    )
    serve.add_argument(
        "--read-timeout",
        type=float,
        default=DEFAULT_READ_TIMEOUT,
        metavar="SECONDS",
        help=f"answer a request whose bytes stop coming this long as incomplete (default {DEFAULT_READ_TIMEOUT:g})",
    )
    serve.add_argument(
        "--no-rate-limits",
        dest="rate_limits",
        action="store_false",
        help="start new tenants with Projector's rate limiter off (for a load test of the mock itself)",
    )

    seed = commands.add_parser("seed", help="write the default dataset as JSON (edit it, then serve --dataset)")
    seed.add_argument("--seed", type=int, default=fixtures.DEFAULT_SEED)
    seed.add_argument("--output", type=Path, help="file to write (default: standard output)")

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
        read_timeout=args.read_timeout,
        rate_limits=args.rate_limits,
    )
    if args.workers > 1 and args.report:
        raise SystemExit("--report goes with the default server (no --workers)")
    try:
        if args.workers > 1:
            serving.serve_workers(settings, args.host, args.port, args.workers)
        else:
            serving.serve_threaded(settings, args.host, args.port, args.report)
    except IncompatibleTenantFile as error:
        raise SystemExit(f"mockserver serve: {error}") from None


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
        sys.exit(f"mockserver spec: {error}")
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
        sys.exit(
            f"mockserver contract-test: {error.name} is missing; install the extra: "
            "pip install 'timecard-mockserver[contract-test]'"
        )
    try:
        sys.exit(command.run(args.target_url, args.pytest_args))
    except command.UnreachableTarget as error:
        sys.exit(f"mockserver contract-test: {error}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    if args.command == "contract-test":
        args.pytest_args = rest
    elif rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    commands = {"serve": serve, "seed": seed, "spec": spec, "validate": validate, "contract-test": contract_test}
    commands[args.command](args)
