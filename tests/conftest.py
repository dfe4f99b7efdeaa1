"""Fixtures shared by every tier: the mock in-process, one fresh tenant per test, zeep wired to it."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
import zeep
from support.contract_check import check_response
from support.tenant_admin import BASE_URL, TenantAdmin
from support.wsgi_adapter import session_for
from zeep.transports import Transport

from mockserver.app import MockServer, create_app
from mockserver.projector import ops, pws
from mockserver.timepunch import sync

FEATURES = Path(__file__).resolve().parent.parent / "features"


def pytest_configure(config: pytest.Config) -> None:
    """Register every Gherkin tag (operation names, error-NNNNN) as a marker, so -m selects by them."""
    for feature in FEATURES.rglob("*.feature"):
        for tag in set(re.findall(r"(?<!\S)@([^\s@]+)", feature.read_text(encoding="utf-8"))):
            config.addinivalue_line("markers", f"{tag}: Gherkin tag")


PWS_BINDING = "{http://projectorpsa.com/PwsProjectorServices/}BasicHttpBinding_IPwsProjectorServices"
OPS_BINDING = "{http://www.opsplanning.com/webservices/public/data}OpsProjectorSvcSoap"
SYNC_BINDING = "{http://tempuri.org/}WSHttpBinding_ISyncService"


@pytest.fixture(scope="session")
def mock_app() -> MockServer:
    return create_app()


@pytest.fixture
def tenant_name() -> str:
    """A tenant no other test uses, so every test starts from the dataset as it is."""
    return f"t-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def tenant(mock_app: MockServer, tenant_name: str) -> TenantAdmin:
    return TenantAdmin(mock_app, tenant_name)


@pytest.fixture(scope="session")
def pws_zeep_client(mock_app: MockServer) -> zeep.Client:
    """A zeep client built from the WSDL the mock serves, talking to it in-process."""
    contract = mock_app.endpoints[pws.ENDPOINT_PATH].contract

    def check(url: str, body: bytes, status: int) -> None:
        check_response(contract, body, status)

    transport = Transport(session=session_for(mock_app, BASE_URL, check))
    return zeep.Client(f"{BASE_URL}{pws.ENDPOINT_PATH}?wsdl", transport=transport)


@pytest.fixture
def pws_service(pws_zeep_client: zeep.Client, tenant_name: str) -> zeep.proxy.ServiceProxy:
    """The PWS operations, addressed to this test's own tenant by URL."""
    return pws_zeep_client.create_service(PWS_BINDING, f"{BASE_URL}/tenants/{tenant_name}{pws.ENDPOINT_PATH}")


@pytest.fixture(scope="session")
def ops_zeep_client(mock_app: MockServer) -> zeep.Client:
    """A zeep client built from the Ops WSDL the mock serves, talking to it in-process."""
    contract = mock_app.endpoints[ops.ENDPOINT_PATH].contract

    def check(url: str, body: bytes, status: int) -> None:
        check_response(contract, body, status)

    transport = Transport(session=session_for(mock_app, BASE_URL, check))
    return zeep.Client(f"{BASE_URL}{ops.ENDPOINT_PATH}?wsdl", transport=transport)


@pytest.fixture
def ops_service(ops_zeep_client: zeep.Client, tenant_name: str) -> zeep.proxy.ServiceProxy:
    """The Ops operations, addressed to this test's own tenant by URL."""
    return ops_zeep_client.create_service(OPS_BINDING, f"{BASE_URL}/tenants/{tenant_name}{ops.ENDPOINT_PATH}")


@pytest.fixture(scope="session")
def sync_zeep_client(mock_app: MockServer) -> zeep.Client:
    """A zeep client built from the TimePunch WSDL the mock serves (SOAP 1.2, WS-Addressing), in-process."""
    contract = mock_app.endpoints[sync.ENDPOINT_PATH].contract

    def check(url: str, body: bytes, status: int) -> None:
        check_response(contract, body, status)

    transport = Transport(session=session_for(mock_app, BASE_URL, check))
    return zeep.Client(f"{BASE_URL}{sync.ENDPOINT_PATH}?wsdl", transport=transport)


@pytest.fixture
def sync_service(sync_zeep_client: zeep.Client, tenant_name: str) -> zeep.proxy.ServiceProxy:
    """The Sync Service operations, addressed to this test's own tenant by URL."""
    return sync_zeep_client.create_service(SYNC_BINDING, f"{BASE_URL}/tenants/{tenant_name}{sync.ENDPOINT_PATH}")
