"""The contract suite's pytest plugin: the target, a tenant per scenario, zeep clients, and the steps.

``mockserver contract-test`` loads it to run the shipped features against any endpoint; the
repository's test suite loads the same plugin (tests/conftest.py), so the steps exist once.
Without ``--target-url`` the scenarios run against the mock in-process.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import zeep
from zeep.transports import Transport

from mockserver.app import MockServer, create_app
from mockserver.contract_suite.target import Target, TenantAdmin, in_process, live
from mockserver.resources import FEATURES_DIR
from mockserver.settings import Settings

pytest_plugins = [
    "mockserver.contract_suite.spec_results",
    "mockserver.contract_suite.projector_steps",
    "mockserver.contract_suite.ops_steps",
    "mockserver.contract_suite.timepunch_steps",
    "mockserver.contract_suite.reading_steps",
]

BINDINGS = {
    "pws": "{http://projectorpsa.com/PwsProjectorServices/}BasicHttpBinding_IPwsProjectorServices",
    "ops": "{http://www.opsplanning.com/webservices/public/data}OpsProjectorSvcSoap",
    "tpsync": "{http://tempuri.org/}WSHttpBinding_ISyncService",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--target-url",
        action="append",
        default=[],
        help="run against a live server: a base URL, or service=URL (pws, ops, tpsync); repeatable",
    )
    parser.addoption(
        "--store",
        default=None,
        metavar="URL",
        help="the in-process mock keeps its tenants in this PostgreSQL store (postgresql://user@host:port/db)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register every Gherkin tag (operation names, error-NNNNN) as a marker, so -m selects by them."""
    for feature in FEATURES_DIR.rglob("*.feature"):
        for tag in set(re.findall(r"(?<!\S)@([^\s@]+)", feature.read_text(encoding="utf-8"))):
            config.addinivalue_line("markers", f"{tag}: Gherkin tag")


@pytest.fixture(scope="session")
def mock_app(request: pytest.FixtureRequest) -> Iterator[MockServer]:
    """The mock in-process: its tenants in memory, or in the PostgreSQL store ``--store`` names."""
    app = create_app(Settings(store=request.config.getoption("--store")))
    yield app
    app.tenants.close()


@pytest.fixture(scope="session")
def target(request: pytest.FixtureRequest) -> Target:
    """The server under test: the mock in-process unless --target-url names a live one."""
    options: list[str] = request.config.getoption("--target-url")
    if options:
        return live(options)
    return in_process(request.getfixturevalue("mock_app"))


@pytest.fixture
def tenant_name() -> str:
    """A tenant no other test uses, so every test starts from the dataset as it is."""
    return f"t-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def tenant(target: Target, tenant_name: str) -> TenantAdmin:
    """The mock's side of this test's tenant (scenarios needing it skip on a live target without it)."""
    return target.admin(tenant_name)


@pytest.fixture(scope="session")
def zeep_clients(target: Target) -> dict[str, zeep.Client]:
    """One zeep client per service, built from the WSDL the target serves, every answer contract-checked."""
    transport = Transport(session=target.session)
    return {service: zeep.Client(f"{url}?wsdl", transport=transport) for service, url in target.urls.items()}


def _service(target: Target, clients: dict[str, zeep.Client], service: str, tenant: str) -> Any:
    return clients[service].create_service(BINDINGS[service], target.address(service, tenant))


@pytest.fixture
def pws_service(target: Target, zeep_clients: dict[str, zeep.Client], tenant_name: str) -> Any:
    """The PWS operations, addressed to this test's own tenant."""
    return _service(target, zeep_clients, "pws", tenant_name)


@pytest.fixture
def ops_service(target: Target, zeep_clients: dict[str, zeep.Client], tenant_name: str) -> Any:
    """The Ops operations, addressed to this test's own tenant."""
    return _service(target, zeep_clients, "ops", tenant_name)


@pytest.fixture
def sync_service(target: Target, zeep_clients: dict[str, zeep.Client], tenant_name: str) -> Any:
    """The Sync Service operations, addressed to this test's own tenant."""
    return _service(target, zeep_clients, "tpsync", tenant_name)
