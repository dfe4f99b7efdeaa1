"""What WCF itself answers, before a vendor's operation runs: both PWS and the TimePunch Sync Service
are WCF services."""

from __future__ import annotations

from lxml import etree

from mockserver.soap import ns
from mockserver.soap.envelope import FaultCode, UnreadableRequest
from mockserver.soap.service import SoapEndpoint

DESERIALIZATION_FAILED = etree.QName(ns.WCF_DISPATCHER, "DeserializationFailed")


class WcfEndpoint(SoapEndpoint):
    """An endpoint WCF serves: what its DataContractSerializer cannot read is the dispatcher's fault,
    code DeserializationFailed (a Sender subcode in SOAP 1.2, the faultcode itself in SOAP 1.1), whose
    reason starts with the formatter's sentence; the mock's reason and violation detail follow, to
    say what to fix."""

    reads_in_order = True  # DataContractSerializer: a member out of order counts as unknown

    def complete_answer(self, answer: etree._Element) -> None:
        """Every member the handler left out, as DataContractSerializer writes it: nil, or a value type's default."""
        self.data_contracts.complete(answer, defaults=True)

    def unrecognized_action(self, action: str) -> str:
        return (
            f"The message with Action '{action}' cannot be processed at the receiver, due to a ContractFilter "
            "mismatch at the EndpointDispatcher. "
        )

    def restate_unreadable(self, fault: UnreadableRequest) -> None:
        fault.reason = f"The formatter threw an exception while trying to deserialize the message: {fault.reason}"
        fault.code, fault.subcode = FaultCode.SENDER, DESERIALIZATION_FAILED
