"""The installed package is the product: built as a wheel and an sdist, installed into a fresh venv
outside the checkout (tests/support/installed.py), and used there as a user would, with no checkout on its
path."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
import requests
from lxml import etree
from support.installed import REPO, Built, Installed, install, run

SHIPPED = ("contracts", "features", "fixtures/default-dataset.json", "fixtures/projector/examples",
           "fixtures/projector-ops/examples", "fixtures/timepunch/examples")  # fmt: skip
"""What the product reads at run time, as the repository keeps it."""


def tracked(*paths: str) -> set[str]:
    listed = run(["git", "ls-files", *paths], cwd=REPO).stdout.split()
    return set(listed)


def test_the_wheel_and_the_sdist_carry_what_the_product_reads(built_package: Built, tmp_path: Path) -> None:
    wheel_files = set(zipfile.ZipFile(built_package.wheel).namelist())
    assert {f"mockserver/data/{path}" for path in tracked(*SHIPPED)} <= wheel_files
    assert not any(name.startswith("mockserver/data/fixtures/vendor-docs") for name in wheel_files)  # tests' only
    assert tracked("mockserver") <= wheel_files

    with tarfile.open(built_package.sdist) as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert tracked("contracts", "features", "fixtures", "mockserver", "tests") <= in_sdist
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path),
         str(built_package.sdist)])  # fmt: skip
    from_sdist = set(zipfile.ZipFile(next(tmp_path.glob("*.whl"))).namelist())
    assert {name for name in from_sdist if "dist-info" not in name} == {
        name for name in wheel_files if "dist-info" not in name
    }


def test_the_installed_package_reads_its_own_files_not_the_checkout(installed_package: Installed) -> None:
    where = installed_package.run("python", "-c", "import mockserver.resources as r; print(r.DATA_DIR)").stdout.strip()
    assert Path(where).is_relative_to(installed_package.venv), where
    assert not Path(where).is_relative_to(REPO)
    version = run([sys.executable, "-c", "import importlib.metadata as m; print(m.version('timecard-mockserver'))"])
    assert installed_package.run("mockserver", "--version").stdout == f"mockserver {version.stdout}"


def test_without_the_extras_it_serves_and_contract_test_and_store_say_what_to_install(
    built_package: Built, tmp_path_factory: pytest.TempPathFactory
) -> None:
    bare = install(built_package, "", tmp_path_factory)
    assert "pytest" not in bare.run("python", "-m", "pip", "list").stdout
    with bare.served() as url:
        assert requests.get(f"{url}/__admin/health", timeout=10).ok
    refused = subprocess.run(["mockserver", "contract-test"], cwd=bare.elsewhere, env=bare.env,
                             capture_output=True, text=True, check=False, timeout=60)  # fmt: skip
    assert refused.returncode == 2
    assert refused.stderr == (
        "mockserver contract-test: pytest is missing; install the extra: "
        "pip install 'timecard-mockserver[contract-test]'\n"
    )
    no_driver = subprocess.run(["mockserver", "serve", "--port", "0", "--store", "postgresql://x@127.0.0.1/x"],
                               cwd=bare.elsewhere, env=bare.env, capture_output=True, text=True, check=False,
                               timeout=60)  # fmt: skip
    assert no_driver.returncode == 2
    assert no_driver.stderr == (
        "mockserver serve: --store needs the PostgreSQL driver: pip install 'timecard-mockserver[postgresql]'\n"
    )


def test_the_wheel_serves_each_wsdl(wheel_server_url: str) -> None:
    """The zeep call to each service from the installed wheel is tests/toolkits/test_zeep_strict.py's, on this
    same server."""
    for path in ("OpsProjectorWcfSvc/PwsProjectorServices.svc", "OpsProjectorWebSvc/OpsProjectorSvc.asmx",
                 "TimePunch/API/TpSync.svc"):  # fmt: skip
        wsdl = requests.get(f"{wheel_server_url}/{path}?wsdl", timeout=10)
        assert wsdl.status_code == 200, path
        assert etree.fromstring(wsdl.content).tag == "{http://schemas.xmlsoap.org/wsdl/}definitions", path


def test_seed_then_serve_that_dataset(installed_package: Installed) -> None:
    installed_package.run("mockserver", "seed", "--output", "dataset.json")
    dataset = json.loads((installed_package.elsewhere / "dataset.json").read_text())
    assert dataset["pr_user"], "the seeded dataset has Projector users"
    serving = installed_package.served("--dataset", "dataset.json")
    with serving as url:
        assert requests.get(f"{url}/__admin/health", timeout=10).ok


def test_validate_a_captured_envelope(installed_package: Installed) -> None:
    example = REPO / "fixtures" / "projector" / "examples" / "PwsSaveTimeCards.request.xml"
    (installed_package.elsewhere / "save.xml").write_bytes(example.read_bytes())
    said = installed_package.run("mockserver", "validate", "save.xml").stdout
    assert said == "save.xml: pws PwsSaveTimeCards request: valid\n"


def test_a_client_project_uses_mock_tenant_from_the_installed_plugin(
    installed_package: Installed, tmp_path: Path
) -> None:
    project = tmp_path / "my-client"
    project.mkdir()
    (project / "test_client.py").write_text((REPO / "tests" / "plugin" / "client_suite.py").read_text())
    result = installed_package.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=project)
    assert "3 passed" in result.stdout, result.stdout  # the same suite tests/plugin runs from the checkout


def test_contract_test_then_spec_from_the_installed_wheel(installed_package: Installed, wheel_server_url: str) -> None:
    """Every scenario passes against a served mock, and `mockserver spec` reports them where the user stands."""
    result = installed_package.run("mockserver", "contract-test", "--target-url", wheel_server_url, "-q")
    summary = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ passed in .*", summary), summary
    written = installed_package.run("mockserver", "spec").stdout.split()
    assert written == ["build/spec/index.html", "build/spec/spec.md"]
    markdown = (installed_package.elsewhere / "build" / "spec" / "spec.md").read_text()
    passed = int(summary.split()[0])
    assert f"| Passed | {passed} |" in markdown
    assert "| Not run | 0 |" in markdown
