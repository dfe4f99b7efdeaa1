"""What ASP.NET's ASMX runtime itself answers, before a vendor's operation runs: Projector's Ops
service is an .asmx."""

from __future__ import annotations

from mockserver.soap.envelope import UnreadableRequest
from mockserver.soap.service import SoapEndpoint


class AsmxEndpoint(SoapEndpoint):
    """An endpoint ASMX serves: what its XmlSerializer cannot read is a Client fault whose reason
    starts as ASMX's does ("Server was unable to read request. ---> ..."); the mock's reason and
    violation detail follow, to say what to fix. Its ``?wsdl`` carries the schema inline, as ASMX's
    does (toolkits that read elementFormDefault only from an inline schema need it there)."""

    inline_schemas = True
    reads_in_order = False  # XmlSerializer reads members by name, in any order

    def unrecognized_action(self, action: str) -> str:
        return f"Server did not recognize the value of HTTP Header SOAPAction: {action}. "

    def restate_unreadable(self, fault: UnreadableRequest) -> None:
        fault.reason = f"Server was unable to read request. ---> {fault.reason}"
