"""An endpoint: one contract, its operation handlers, served as a WSGI application.

A request goes: size cap -> safe parse -> SOAP version check -> operation from SOAPAction and
the body's first element (they must agree) -> XSD validation -> handler inside one transaction
on the tenant's database -> response validation (strict mode) -> envelope.
"""

from __future__ import annotations

import logging
import random
import socket
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree
from werkzeug.datastructures import Headers
from werkzeug.exceptions import ClientDisconnected
from werkzeug.http import parse_options_header
from werkzeug.wrappers import Request, Response

from mockserver.soap import datacontract
from mockserver.soap.contract import Contract, ContractViolation, Operation, load_contract
from mockserver.soap.envelope import (
    DEFAULT_MAX_REQUEST_BYTES,
    DEFAULT_READ_TIMEOUT,
    SOAP_11,
    DeclaredFault,
    Envelope,
    FaultCode,
    MalformedRequest,
    SoapFault,
    UnreadableRequest,
    parse_envelope,
)
from mockserver.soap.lenient import LenientReader
from mockserver.state import clock, faults, journal, reading
from mockserver.state.database import Database, store_errors
from mockserver.state.tenants import DEFAULT_TENANT, StoreUnavailable, Tenant, TenantRegistry, UnknownTenantName

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

log = logging.getLogger(__name__)

TENANT_ENVIRON_KEY = "mockserver.tenant"
"""Set by the app when the URL names a tenant (``/tenants/{name}/...``)."""
TENANT_HEADER = "X-Mock-Tenant"


@dataclass
class RequestContext:
    """What a handler may use besides the request element: the tenant's database and the call."""

    operation: Operation
    envelope: Envelope
    tenant: Tenant
    db: Database
    http_headers: Headers
    forced_error: str | None = None
    """A vendor error a fault rule forces on this call (code or number): the vendor layer raises it."""


Handler = Callable[[etree._Element, RequestContext], etree._Element]

WARNINGS_HEADER = "X-Mock-Warnings"
"""How many departures from the contract the mock read past in the request (its journal entry lists them)."""


class SoapEndpoint:
    """Serves one contract: WSDL and XSDs on GET, operations on POST."""

    always_understood: frozenset[str] = frozenset()
    """Header elements every endpoint of this class processes (WS-Addressing's, for instance)."""
    inline_schemas = False
    """Whether ``?wsdl`` carries the schemas in wsdl:types (ASMX) or imports them from ``?xsd=xsdN`` (WCF)."""
    reads_in_order: bool | None = None
    """How the runtime's serializer reads a request that leaves the contract: members in the contract's
    order (WCF), in any order (ASMX); None: it is not read past the contract at all."""

    def __init__(
        self,
        contract: Contract,
        handlers: Mapping[str, Handler],
        tenants: TenantRegistry,
        *,
        max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
        strict_responses: bool = True,
        strict_requests: bool = False,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        understood_headers: Iterable[str] = (),
    ) -> None:
        missing = set(contract.operations) - set(handlers)
        unknown = set(handlers) - set(contract.operations)
        if missing or unknown:
            raise ValueError(f"handlers do not match {contract.wsdl_path.name}: missing {missing}, unknown {unknown}")
        self.contract = contract
        self.handlers = dict(handlers)
        self.tenants = tenants
        self.max_request_bytes = max_request_bytes
        self.strict_responses = strict_responses
        self.read_timeout = read_timeout
        """What the server's socket waits for the request's next bytes (set by the app), for the fault's text."""
        self.understood_headers = set(understood_headers) | self.always_understood
        """Header elements (Clark names) this endpoint processes; others marked mustUnderstand fault."""
        self.data_contracts = datacontract.of(contract)
        """The vendor's serializer's view of the contract: each answer gets the nil members it would write."""
        self.strict_requests = strict_requests
        """Refuse every request that leaves the contract (a tenant's own setting overrides it)."""
        self.reader = (
            None
            if self.reads_in_order is None
            else LenientReader(contract, self.data_contracts, in_order=self.reads_in_order)
        )

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        request = Request(environ)
        if request.method == "POST":
            response = self.call(request)
        elif request.method in ("GET", "HEAD"):
            response = self.publish(request)
        else:
            response = Response("Use POST for SOAP calls, GET ?wsdl for the contract.", 405, {"Allow": "GET, POST"})
        return response(environ, start_response)

    # -- GET: the contract ------------------------------------------------------------------

    def publish(self, request: Request) -> Response:
        address = request.base_url
        args = {key.lower(): value for key, value in request.args.items()}  # IIS takes ?WSDL as ?wsdl
        if "wsdl" in args or "singlewsdl" in args:
            inline = self.inline_schemas or "singlewsdl" in args  # WCF's ?singleWsdl: one document, schemas inline
            wsdl = self.contract.wsdl_document(address, inline=inline)
            return Response(wsdl, content_type="text/xml; charset=utf-8")
        if "xsd" in args:
            document = self.contract.xsd_document(args["xsd"], address)
            if document is None:
                return Response(f"No schema named {args['xsd']!r} here.", 404, content_type="text/plain")
            return Response(document, content_type="text/xml; charset=utf-8")
        operations = ", ".join(sorted(self.contract.operations))
        return Response(
            f"{self.contract.wsdl_path.stem}: SOAP {self.contract.version.name} endpoint.\n"
            f"WSDL: {address}?wsdl\nOperations: {operations}\n",
            content_type="text/plain; charset=utf-8",
        )

    # -- POST: a call -----------------------------------------------------------------------

    def call(self, request: Request) -> Response:
        """Answer one SOAP call, apply the tenant's fault rules, and journal it.

        The journal row is a write transaction of its own, after the call's: the call's changes commit
        as soon as its handler returns, so the tenant's write lock is not held while the answer is
        completed, checked and serialized. A process killed between the two loses the journal row of a
        call whose answer it never sent."""
        call = _Call(request)
        response = self._answer(call)
        if call.tenant is not None:
            try:
                with call.tenant.transaction() as db:
                    self._journal(db, call, response)
            except store_errors(StoreUnavailable):  # the answer still goes out; a broken store is logged, not hidden
                log.exception("the journal of tenant %s could not be written", call.tenant.name)
        return response

    def _answer(self, call: _Call) -> Response:
        version = self.contract.version
        try:
            call.envelope = self._read_envelope(call.request)
            self.check_must_understand(call.envelope)
            call.operation = self.route(call.request, call.envelope)
            call.tenant = self._tenant(call.request)
            injected = self._injected(call)
            if injected is not None:
                return injected
            self._read_request(call)
            return self._handle(call)
        except SoapFault as fault:
            if isinstance(fault, UnreadableRequest):
                self.restate_unreadable(fault)
            call.verdict = "server-fault" if fault.code is FaultCode.RECEIVER else "client-fault"
            call.violations = [{"path": v.path, "reason": v.reason} for v in getattr(fault, "violations", [])]
            status = 415 if isinstance(fault, UnsupportedMediaType) else 500
            if call.tenant is None:
                call.tenant = self._tenant_or_none(call.request)
            headers = [*self.reply_headers(call.envelope, None), *fault.header_blocks]
            return self._respond(version.envelope(version.fault(fault), headers), status)
        except StoreUnavailable as error:  # the database went away: said as such, and the next call tries again
            return self._server_fault(call, f"The mock's store is unavailable: {error}")
        except Exception:
            incident = uuid.uuid4().hex[:12]
            log.exception("incident %s while serving %s", incident, call.request.path)
            return self._server_fault(
                call, f"The mock failed unexpectedly (incident {incident}); this is a mock bug, please report it."
            )

    def _server_fault(self, call: _Call, reason: str) -> Response:
        """A Server fault the mock itself answers: not the operation's, nor the request's to fix."""
        call.verdict = "server-fault"
        version = self.contract.version
        fault = version.fault(SoapFault(reason, FaultCode.RECEIVER))
        return self._respond(version.envelope(fault, self.reply_headers(call.envelope, None)), 500)

    def _read_request(self, call: _Call) -> None:
        """Check the body against the contract; one that leaves it is read as the vendor's runtime reads it
        (the handler gets that reading, the journal its departures), unless the runtime refuses it, or the
        tenant or server is strict: then the contract's fault. A valid body is validated once, no more."""
        assert call.envelope is not None
        assert call.tenant is not None
        body = call.envelope.body
        if not self.contract.schema_errors(body):
            return
        if self.reader is None or self._strict(call.tenant):
            raise ContractViolation(self.contract.violations(body))
        read = self.reader.read(body)
        if read.refused:
            raise ContractViolation(self.contract.violations(body))
        call.envelope.body = read.body
        call.warnings = [{"path": departure.path, "reason": departure.reason} for departure in read.departures]

    def _strict(self, tenant: Tenant) -> bool:
        with tenant.transaction(write=False) as db:
            own = reading.strict(db)
        return self.strict_requests if own is None else own

    def _handle(self, call: _Call) -> Response:
        """Run the operation's handler in the call's transaction, then answer what it returns."""
        assert call.operation is not None
        assert call.envelope is not None
        assert call.tenant is not None
        handler = self.handlers[call.operation.name]
        declared: DeclaredFault | None = None
        with call.tenant.transaction() as db:
            context = RequestContext(
                call.operation, call.envelope, call.tenant, db, call.request.headers, call.forced_error
            )
            try:
                result = handler(call.envelope.body, context)
            except DeclaredFault as fault:  # the operation's own answer: the transaction commits
                declared = fault
        if declared is not None:
            for element in declared.detail:
                self._complete_and_check(element)
            raise declared
        self._complete_and_check(result)
        call.verdict = "ok"
        response = self._respond(
            self.contract.version.envelope(result, self.reply_headers(call.envelope, call.operation)), 200
        )
        if call.warnings:
            response.headers[WARNINGS_HEADER] = str(len(call.warnings))
        return response

    def _complete_and_check(self, answer: etree._Element) -> None:
        """The answer as the vendor's serializer writes it, checked against the contract in strict mode."""
        self.complete_answer(answer)
        if self.strict_responses:
            self.contract.validate_response(answer)

    def _injected(self, call: _Call) -> Response | None:
        """Apply the fault rules this call sets off: a delay, or an answer instead of the real one."""
        assert call.tenant is not None
        assert call.operation is not None
        with call.tenant.transaction(write=False) as db:
            if not faults.exist(db):
                return None
        with call.tenant.transaction() as db:
            fired = faults.triggered(db, call.operation.name)
        for rule in fired:
            if rule.kind == "delay":
                low = rule.parameters.get("ms", rule.parameters.get("minMs", 0))
                high = rule.parameters.get("ms", rule.parameters.get("maxMs", low))
                time.sleep(random.uniform(low, high) / 1000)
        answering = next((rule for rule in fired if rule.kind != "delay"), None)
        if answering is None:
            return None
        return self._answer_instead(call, answering)

    def _answer_instead(self, call: _Call, rule: faults.FaultRule) -> Response | None:
        """The answer an answering fault rule gives (None: a vendor error, answered by the vendor layer)."""
        if rule.kind == "vendor-error":  # answered by the vendor layer, as the vendor would
            call.forced_error = str(rule.parameters["code"])
            return None
        call.verdict = "injected"
        version = self.contract.version
        if rule.kind == "drop":
            return _DroppedConnection()
        if rule.kind == "malformed":
            return self._respond(b"<s:Envelope><s:Body><broken", 200)
        reason = str(rule.parameters.get("reason") or f"Injected by a fault rule ({rule.kind}, rule {rule.id}).")
        body = version.envelope(
            version.fault(SoapFault(reason, FaultCode.RECEIVER)), self.reply_headers(call.envelope, None)
        )
        status = int(rule.parameters["status"]) if rule.kind == "http-status" else 500
        return self._respond(body, status)

    def _journal(self, db: Database, call: _Call, response: Response) -> None:
        journal.record(
            db,
            journal.JournalEntry(
                logged_at=journal.instant_text(clock.now(db)),
                endpoint=call.request.path,
                operation=call.operation.name if call.operation is not None else None,
                verdict=call.verdict,
                status=0 if isinstance(response, _DroppedConnection) else response.status_code,
                duration_ms=round((time.perf_counter() - call.started) * 1000, 3),
                request=call.body.decode("utf-8", "replace"),
                response="" if isinstance(response, _DroppedConnection) else response.get_data(as_text=True),
                violations=call.violations,
                warnings=call.warnings,
            ),
        )

    def complete_answer(self, answer: etree._Element) -> None:
        """Give the answer every nillable member its handler left out, nil, as the vendor's serializer writes them."""
        self.data_contracts.complete(answer)

    def unrecognized_action(self, action: str) -> str:
        """The runtime's own sentence for an action none of its operations has, which the mock's words follow
        (none by default)."""
        return ""

    def restate_unreadable(self, fault: UnreadableRequest) -> None:
        """Put the fault for a request the service cannot read in its runtime's words (the mock's, as
        raised, by default)."""

    def reply_headers(self, envelope: Envelope | None, operation: Operation | None) -> list[etree._Element]:
        """Header blocks of the reply (none here; WS-Addressing endpoints add theirs). No operation: a fault."""
        return []

    def _respond(self, body: bytes, status: int) -> Response:
        return Response(body, status, content_type=self.contract.version.content_type)

    def _read_envelope(self, request: Request) -> Envelope:
        version = self.contract.version
        media_type, _ = parse_options_header(request.headers.get("Content-Type", ""))
        if media_type not in ("text/xml", "application/soap+xml"):
            raise UnsupportedMediaType(
                f"Content type '{media_type or '(none)'}' is not '{version.media_type}', "
                f"the type of a SOAP {version.name} request."
            )
        if (request.content_length or 0) > self.max_request_bytes:
            raise MalformedRequest(
                f"Request body of {request.content_length} bytes exceeds the limit of {self.max_request_bytes} bytes."
            )
        data = self._read_body(request)
        request.environ[_BODY_KEY] = data
        envelope = parse_envelope(data, version, self.max_request_bytes)
        if media_type != version.media_type:
            raise UnsupportedMediaType(
                f"A SOAP {version.name} request must be sent as '{version.media_type}', not '{media_type}'."
            )
        return envelope

    def _read_body(self, request: Request) -> bytes:
        """The body, never more than the cap plus one byte. A body that ends before its Content-Length,
        or stops coming for the read timeout, is refused as incomplete."""
        announced = request.content_length
        try:
            data = request.stream.read(announced) if announced is not None else self._read_chunked(request)
        except (TimeoutError, ClientDisconnected):  # werkzeug says ClientDisconnected for a timeout too
            expected = (
                "its last chunk" if announced is None else f"the {announced:,} bytes its Content-Length announced"
            )
            raise IncompleteRequest(  # how much came is unknown: the server's buffered reader kept it
                f"The request body is incomplete: {expected} did not come before the connection closed "
                f"or went quiet for {self.read_timeout:g} s."
            ) from None
        if announced is not None and len(data) < announced:
            raise IncompleteRequest(
                f"The request body ended after {len(data):,} of the {announced:,} bytes its Content-Length announced."
            )
        return data

    def _read_chunked(self, request: Request) -> bytes:
        """A body without a Content-Length, read in chunks up to the cap plus one byte (a read of the
        whole cap at once would allocate the cap for every request)."""
        chunks, size = [], 0
        while size <= self.max_request_bytes:
            chunk = request.stream.read(64 * 1024)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)

    def check_must_understand(self, envelope: Envelope) -> None:
        """Headers the client marked mustUnderstand that this endpoint does not process are a fault;
        in SOAP 1.2 its reply names each in a NotUnderstood header block, as the standard has it."""
        attribute = envelope.version.qname("mustUnderstand")
        missed = [
            etree.QName(header)
            for header in envelope.headers
            if header.get(attribute) in ("1", "true") and header.tag not in self.understood_headers
        ]
        if not missed:
            return
        names = ", ".join(f"'{name.localname}' ({name.namespace})" for name in missed)
        raise SoapFault(
            f"The header {names} is marked mustUnderstand, but this endpoint does not process it."
            if len(missed) == 1
            else f"The headers {names} are marked mustUnderstand, but this endpoint does not process them.",
            FaultCode.MUST_UNDERSTAND,
            header_blocks=envelope.version.not_understood(missed),
        )

    def requested_action(self, request: Request, envelope: Envelope) -> str | None:
        """The action the client named: SOAPAction (1.1) or the content type's action (1.2)."""
        raw = request.headers.get("SOAPAction")
        if raw is None:
            raw = parse_options_header(request.headers.get("Content-Type", ""))[1].get("action")
        if raw is None:
            return None
        action = raw.strip().strip('"').strip()
        return action or None

    def route(self, request: Request, envelope: Envelope) -> Operation:
        """The operation both the action and the body's element name. SOAP 1.1 requires the action: WCF's
        basicHttpBinding and ASMX both dispatch on SOAPAction and refuse a request without one."""
        body_name = envelope.body.tag
        by_body = self.contract.by_input.get(body_name) if isinstance(body_name, str) else None
        if by_body is None:
            qname = etree.QName(envelope.body)
            raise SoapFault(
                f"Unknown operation: the body element '{qname.localname}' in namespace '{qname.namespace}' "
                f"is not the input of any operation of this service (expected namespace "
                f"'{self.contract.target_namespace}')."
            )
        action = self.requested_action(request, envelope)
        if action is None and self.contract.version is SOAP_11:  # SOAP 1.2's action parameter is optional
            raise SoapFault(
                f"{self.unrecognized_action('')}The request has no SOAPAction: this service dispatches on it, as the "
                f'vendor\'s does; this body\'s operation needs SOAPAction: "{by_body.action}".'
            )
        by_action = self.contract.by_action.get(action) if action else by_body
        if by_action is None:
            raise SoapFault(
                f"{self.unrecognized_action(action or '')}Unknown operation: no operation of this service has the "
                f"action '{action}'. Known operations: {', '.join(sorted(self.contract.operations))}."
            )
        if by_action is not by_body:
            raise SoapFault(
                f"The action '{action}' names operation {by_action.name}, "
                f"but the body holds the input of {by_body.name}."
            )
        return by_body

    def _tenant_or_none(self, request: Request) -> Tenant | None:
        try:
            return self._tenant(request)
        except SoapFault:
            return None

    def _tenant(self, request: Request) -> Tenant:
        name = request.environ.get(TENANT_ENVIRON_KEY) or request.headers.get(TENANT_HEADER) or DEFAULT_TENANT
        try:
            return self.tenants.get(name)
        except UnknownTenantName as error:
            raise SoapFault(str(error)) from None


_BODY_KEY = "mockserver.body"


class _Call:
    """What one call has gathered so far, for the answer and the journal."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.started = time.perf_counter()
        self.envelope: Envelope | None = None
        self.operation: Operation | None = None
        self.tenant: Tenant | None = None
        self.forced_error: str | None = None
        self.verdict = "client-fault"
        self.violations: list[dict[str, str]] = []
        self.warnings: list[dict[str, str]] = []

    @property
    def body(self) -> bytes:
        data: bytes = self.request.environ.get(_BODY_KEY, b"")
        return data


class _DroppedConnection(Response):
    """A response whose connection closes before any byte of it is sent (a 'drop' fault rule)."""

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        connection = environ.get("werkzeug.socket")
        if connection is not None:  # werkzeug's server: close it for real, the client sees a reset
            connection.shutdown(socket.SHUT_RDWR)
        raise ConnectionAbortedError("connection dropped by a fault rule")


@dataclass(frozen=True)
class Service:
    """A vendor service as the app mounts it: at which path, by which contract, with which handlers."""

    path: str
    contract_path: Path
    handlers: Mapping[str, Handler]
    endpoint_class: type[SoapEndpoint] = SoapEndpoint
    understood_headers: tuple[str, ...] = ()

    def endpoint(
        self,
        tenants: TenantRegistry,
        max_request_bytes: int,
        strict_responses: bool,
        read_timeout: float,
        strict_requests: bool = False,
    ) -> SoapEndpoint:
        return self.endpoint_class(
            load_contract(self.contract_path),
            self.handlers,
            tenants,
            max_request_bytes=max_request_bytes,
            strict_responses=strict_responses,
            strict_requests=strict_requests,
            read_timeout=read_timeout,
            understood_headers=self.understood_headers,
        )


class IncompleteRequest(MalformedRequest):
    """The body ended before its Content-Length, or stopped coming for the read timeout."""


class UnsupportedMediaType(SoapFault):
    """The request's content type is not the binding's (HTTP 415, as WCF answers)."""
