"""XML namespaces the SOAP layer speaks, in one place, and how a prefixed name resolves to one."""

from __future__ import annotations

from lxml import etree

SOAP_ENV_11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP_ENV_12 = "http://www.w3.org/2003/05/soap-envelope"
WSDL = "http://schemas.xmlsoap.org/wsdl/"
WSDL_SOAP_11 = "http://schemas.xmlsoap.org/wsdl/soap/"
WSDL_SOAP_12 = "http://schemas.xmlsoap.org/wsdl/soap12/"
XSD = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SERIALIZATION = "http://schemas.microsoft.com/2003/10/Serialization/"
"""WCF's own schema namespace: ser:guid, and the EnumerationValue annotation of an enum member."""
WSA = "http://www.w3.org/2005/08/addressing"
WSAW = "http://www.w3.org/2006/05/addressing/wsdl"
WSAM = "http://www.w3.org/2007/05/addressing/metadata"
WCF_DISPATCHER = "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher"
"""Where WCF's dispatcher names its own faults (DeserializationFailed)."""
MOCK = "urn:timecard-mockserver"
"""Our own namespace, for the detail of faults the mock itself raises."""


def resolve(node: etree._Element, prefixed: str) -> str:
    """The Clark name a prefixed QName value ("p:Local", in an attribute or a text) names, in
    ``node``'s namespace scope; no prefix means the default namespace."""
    prefix, _, local = prefixed.rpartition(":")
    return f"{{{node.nsmap.get(prefix or None, '')}}}{local}"
