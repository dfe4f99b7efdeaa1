"""The client-toolkit tier: each toolkit generates a client from the WSDLs that the installed wheel
serves, builds it where its language compiles, and calls each service in a tenant of the test's own."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass

import pytest

from mockserver.projector import ops, pws
from mockserver.timepunch import sync

ENDPOINTS = {"pws": pws.ENDPOINT_PATH, "ops": ops.ENDPOINT_PATH, "tpsync": sync.ENDPOINT_PATH}


@dataclass(frozen=True)
class ToolkitTenant:
    """A tenant of its own on the wheel's server: the addresses a generated client is pointed at."""

    base: str
    name: str

    def url(self, service: str) -> str:
        return f"{self.base}/tenants/{self.name}{ENDPOINTS[service]}"

    def wsdl(self, service: str) -> str:
        return f"{self.url(service)}?wsdl"


@pytest.fixture
def toolkit_tenant(wheel_server_url: str) -> ToolkitTenant:
    return ToolkitTenant(wheel_server_url, f"toolkit-{uuid.uuid4().hex[:12]}")


def require(*commands: str) -> None:
    """Fail (not skip) when a toolkit is missing: the README's test command installs every one of them."""
    missing = [command for command in commands if shutil.which(command) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} missing: tests/toolkits/install.sh installs it (the test command runs it)")
