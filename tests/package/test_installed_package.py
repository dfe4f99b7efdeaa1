"""The installed package is the product: built as a wheel and an sdist, installed into a fresh venv
outside the checkout, and used there as a user would, with no checkout on its path.

The fresh venv installs the wheel and its dependencies offline, from ``build/wheelhouse``, which the
README's test command fills (``pip wheel -w build/wheelhouse '.[contract-test]'``): the wheel's own
dependency list decides what gets installed, so a dependency the package forgets to declare fails here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from lxml import etree
from support.served import served

REPO = Path(__file__).resolve().parents[2]
WHEELHOUSE = REPO / "build" / "wheelhouse"
HERE = Path(__file__).resolve().parent
SHIPPED = ("contracts", "features", "fixtures/default-dataset.json", "fixtures/projector/examples",
           "fixtures/projector-ops/examples", "fixtures/timepunch/examples")  # fmt: skip
"""What the product reads at run time, as the repository keeps it."""


def run(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600, **options)  # type: ignore[call-overload]
    assert completed.returncode == 0, f"{command}\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
    return completed  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The wheel and the sdist of this tree, built as a release would build them."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "hatchling", "build", "-d", str(out)], cwd=REPO)
    return Built(wheel=next(out.glob("*.whl")), sdist=next(out.glob("*.tar.gz")))


@dataclass(frozen=True)
class Installed:
    """A fresh venv holding the wheel, and a directory that has nothing to do with the checkout."""

    venv: Path
    elsewhere: Path

    @property
    def python(self) -> str:
        return str(self.venv / "bin" / "python")

    @property
    def env(self) -> dict[str, str]:
        """The user's shell in the venv: nothing of this test run's path or settings."""
        kept = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "PYTEST_ADDOPTS")}
        return kept | {"PATH": f"{self.venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(self.venv)}

    def run(self, *command: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return run(list(command), cwd=cwd or self.elsewhere, env=self.env)


def install(built: Built, extras: str, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel (with ``extras``) installed offline into a fresh venv."""
    if not WHEELHOUSE.is_dir():
        pytest.fail(f"{WHEELHOUSE} is missing: the README's test command fills it (pip wheel -w build/wheelhouse ...)")
    venv = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", str(venv)])
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-index", "--find-links", str(WHEELHOUSE)]
    run([*pip, f"{built.wheel}{extras}"])
    return Installed(venv, tmp_path_factory.mktemp("elsewhere"))


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    return install(built, "[contract-test]", tmp_path_factory)


@pytest.fixture(scope="module")
def served_by_the_wheel(installed: Installed) -> Iterator[str]:
    with served(python=installed.python, cwd=installed.elsewhere, env=installed.env) as url:
        yield url


def tracked(*paths: str) -> set[str]:
    listed = run(["git", "ls-files", *paths], cwd=REPO).stdout.split()
    return set(listed)


def test_the_wheel_and_the_sdist_carry_what_the_product_reads(built: Built, tmp_path: Path) -> None:
    wheel_files = set(zipfile.ZipFile(built.wheel).namelist())
    assert {f"mockserver/data/{path}" for path in tracked(*SHIPPED)} <= wheel_files
    assert not any(name.startswith("mockserver/data/fixtures/vendor-docs") for name in wheel_files)  # tests' only
    assert tracked("mockserver") <= wheel_files

    with tarfile.open(built.sdist) as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert tracked("contracts", "features", "fixtures", "mockserver", "tests") <= in_sdist
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path),
         str(built.sdist)])  # fmt: skip
    from_sdist = set(zipfile.ZipFile(next(tmp_path.glob("*.whl"))).namelist())
    assert {name for name in from_sdist if "dist-info" not in name} == {
        name for name in wheel_files if "dist-info" not in name
    }


def test_the_installed_package_reads_its_own_files_not_the_checkout(installed: Installed) -> None:
    where = installed.run("python", "-c", "import mockserver.resources as r; print(r.DATA_DIR)").stdout.strip()
    assert Path(where).is_relative_to(installed.venv), where
    assert not Path(where).is_relative_to(REPO)
    version = run([sys.executable, "-c", "import importlib.metadata as m; print(m.version('timecard-mockserver'))"])
    assert installed.run("mockserver", "--version").stdout == f"mockserver {version.stdout}"


def test_without_the_extra_it_serves_and_contract_test_says_what_to_install(
    built: Built, tmp_path_factory: pytest.TempPathFactory
) -> None:
    bare = install(built, "", tmp_path_factory)
    assert "pytest" not in bare.run("python", "-m", "pip", "list").stdout
    with served(python=bare.python, cwd=bare.elsewhere, env=bare.env) as url:
        assert requests.get(f"{url}/__admin/health", timeout=10).ok
    refused = subprocess.run(["mockserver", "contract-test"], cwd=bare.elsewhere, env=bare.env,
                             capture_output=True, text=True, check=False, timeout=60)  # fmt: skip
    assert refused.returncode == 2
    assert refused.stderr == (
        "mockserver contract-test: pytest is missing; install the extra: "
        "pip install 'timecard-mockserver[contract-test]'\n"
    )


def test_each_wsdl_and_a_zeep_call_to_each_service(installed: Installed, served_by_the_wheel: str) -> None:
    for path in ("OpsProjectorWcfSvc/PwsProjectorServices.svc", "OpsProjectorWebSvc/OpsProjectorSvc.asmx",
                 "TimePunch/API/TpSync.svc"):  # fmt: skip
        wsdl = requests.get(f"{served_by_the_wheel}/{path}?wsdl", timeout=10)
        assert wsdl.status_code == 200, path
        assert etree.fromstring(wsdl.content).tag == "{http://schemas.xmlsoap.org/wsdl/}definitions", path
    said = installed.run("python", str(HERE / "zeep_calls.py"), served_by_the_wheel).stdout
    assert re.fullmatch(
        r"pws PwsAuthenticate Ok\nops OpsOpenTimeCardBatch [1-9]\d*\ntpsync GetUseableSyncUserProfiles [1-9]\d*\n", said
    ), said


def test_seed_then_serve_that_dataset(installed: Installed) -> None:
    installed.run("mockserver", "seed", "--output", "dataset.json")
    dataset = json.loads((installed.elsewhere / "dataset.json").read_text())
    assert dataset["pr_user"], "the seeded dataset has Projector users"
    serving = served("--dataset", "dataset.json", python=installed.python, cwd=installed.elsewhere, env=installed.env)
    with serving as url:
        assert requests.get(f"{url}/__admin/health", timeout=10).ok


def test_validate_a_captured_envelope(installed: Installed) -> None:
    example = REPO / "fixtures" / "projector" / "examples" / "PwsSaveTimeCards.request.xml"
    (installed.elsewhere / "save.xml").write_bytes(example.read_bytes())
    said = installed.run("mockserver", "validate", "save.xml").stdout
    assert said == "save.xml: pws PwsSaveTimeCards request: valid\n"


def test_a_client_project_uses_mock_tenant_from_the_installed_plugin(installed: Installed, tmp_path: Path) -> None:
    project = tmp_path / "my-client"
    project.mkdir()
    (project / "test_my_client.py").write_text((HERE / "client_suite.py").read_text())
    result = installed.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=project)
    assert "2 passed" in result.stdout, result.stdout


def test_contract_test_then_spec_from_the_installed_wheel(installed: Installed, served_by_the_wheel: str) -> None:
    """Every scenario passes against a served mock, and `mockserver spec` reports them where the user stands."""
    result = installed.run("mockserver", "contract-test", "--target-url", served_by_the_wheel, "-q")
    summary = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ passed in .*", summary), summary
    written = installed.run("mockserver", "spec").stdout.split()
    assert written == ["build/spec/index.html", "build/spec/spec.md"]
    markdown = (installed.elsewhere / "build" / "spec" / "spec.md").read_text()
    passed = int(summary.split()[0])
    assert f"| Passed | {passed} |" in markdown
    assert "| Not run | 0 |" in markdown
