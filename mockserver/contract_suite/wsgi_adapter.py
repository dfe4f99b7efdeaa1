"""A requests adapter that serves requests from a WSGI app in-process, so zeep talks to the mock
without a socket, and a hook that checks every SOAP response against our contract."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict
from werkzeug.test import Client

ResponseCheck = Callable[[str, bytes, int], None]


class WsgiAdapter(BaseAdapter):
    """Sends a requests.PreparedRequest to a WSGI app through werkzeug's test client."""

    def __init__(self, app: Any, check: ResponseCheck | None = None) -> None:
        super().__init__()
        self.client = Client(app)
        self.check = check

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        body = request.body.encode() if isinstance(request.body, str) else request.body
        url = urlsplit(request.url or "")
        answer = self.client.open(
            url.path + (f"?{url.query}" if url.query else ""),
            base_url=f"{url.scheme}://{url.netloc}",
            method=request.method,
            data=body,
            headers=dict(request.headers),
        )
        response = requests.Response()
        response.status_code = answer.status_code
        response._content = answer.data
        response.headers = CaseInsensitiveDict(answer.headers.items())
        response.url = request.url or ""
        response.request = request
        response.encoding = "utf-8"
        if request.method == "POST" and self.check is not None:
            self.check(response.url, answer.data, answer.status_code)
        return response

    def close(self) -> None:
        pass


def session_for(app: Any, base_url: str, check: ResponseCheck | None = None) -> requests.Session:
    """A requests session whose calls under ``base_url`` go to ``app`` in-process."""
    session = requests.Session()
    session.mount(base_url, WsgiAdapter(app, check))
    return session
