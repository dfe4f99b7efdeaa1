"""timecard-mockserver: stateful SOAP mocks of Projector PSA and TimePunch time tracking APIs.

``create_app()`` gives the WSGI application; ``Settings`` configures it.
"""

from __future__ import annotations

from mockserver.app import MockServer, create_app
from mockserver.settings import Settings

__all__ = ["MockServer", "Settings", "create_app"]
__version__ = "0.1.0"
