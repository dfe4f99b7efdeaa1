using System;
using System.Web.Services.Protocols;
using System.Xml;

// WS-Addressing 1.0 headers for a wsdl.exe proxy, which has none, as WCF sends them (Action and To mustUnderstand,
// MessageID, anonymous ReplyTo): added before the message is written; the reply's mustUnderstand Action is
// marked understood after it is read, or the proxy refuses the reply.
public class WsAddressingHeaders : SoapExtension {
  const string Wsa = "http://www.w3.org/2005/08/addressing";
  public override object GetInitializer(Type serviceType) { return null; }
  public override object GetInitializer(LogicalMethodInfo methodInfo, SoapExtensionAttribute attribute) { return null; }
  public override void Initialize(object initializer) { }
  public override void ProcessMessage(SoapMessage message) {
    if (message.Stage == SoapMessageStage.BeforeSerialize) {
      message.Headers.Add(Header("Action", message.Action, true));
      message.Headers.Add(Header("MessageID", "urn:uuid:" + Guid.NewGuid(), false));
      var replyTo = Header("ReplyTo", null, false);
      var address = replyTo.Element.OwnerDocument.CreateElement("a", "Address", Wsa);
      address.InnerText = Wsa + "/anonymous";
      replyTo.Element.AppendChild(address);
      message.Headers.Add(replyTo);
      message.Headers.Add(Header("To", message.Url, true));
    } else if (message.Stage == SoapMessageStage.AfterDeserialize) {
      foreach (SoapHeader header in message.Headers) header.DidUnderstand = true;
    }
  }
  static SoapUnknownHeader Header(string name, string value, bool mustUnderstand) {
    var element = new XmlDocument().CreateElement("a", name, Wsa);
    if (value != null) element.InnerText = value;
    return new SoapUnknownHeader { Element = element, MustUnderstand = mustUnderstand };
  }
}
