"""``mockserver serve | seed``: run the mock, or write the default dataset for editing."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from werkzeug.serving import make_server

from mockserver import fixtures
from mockserver.app import create_app
from mockserver.settings import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mockserver", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the SOAP mocks on one port")
    serve.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8080, help="port, 0 for a free one (default 8080)")
    serve.add_argument("--seed", type=int, default=fixtures.DEFAULT_SEED, help="faker seed of the default dataset")
    serve.add_argument("--dataset", type=Path, help="JSON dataset to serve instead of the default one")
    serve.add_argument("--state-dir", type=Path, help="keep tenants as SQLite files here (survives restarts)")

    seed = commands.add_parser("seed", help="write the default dataset as JSON (edit it, then serve --dataset)")
    seed.add_argument("--seed", type=int, default=fixtures.DEFAULT_SEED)
    seed.add_argument("--output", type=Path, help="file to write (default: standard output)")
    return parser


def serve(args: argparse.Namespace) -> None:
    settings = Settings(seed=args.seed, dataset=args.dataset, state_dir=args.state_dir)
    app = create_app(settings)
    server = make_server(args.host, args.port, app, threaded=True)
    base = f"http://{args.host}:{server.server_port}"
    lines = ["timecard-mockserver listening on " + base]
    for path, endpoint in app.endpoints.items():
        lines.append(f"  {endpoint.contract.wsdl_path.stem:<12} {base}{path}")
        lines.append(f"  {'':<12} WSDL: {base}{path}?wsdl")
    lines.append(f"  per-tenant:  {base}/tenants/<name>{next(iter(app.endpoints))} (or header X-Mock-Tenant)")
    lines.append(
        f"  demo login:  AccountCode={fixtures.DEMO_ACCOUNT} UserName={fixtures.DEMO_USER} "
        f"Password={fixtures.DEMO_PASSWORD}"
    )
    print("\n".join(lines), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def seed(args: argparse.Namespace) -> None:
    text = json.dumps(fixtures.default_dataset(args.seed), indent=1)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")


def main(argv: Sequence[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    {"serve": serve, "seed": seed}[args.command](args)
