// Ops through the client Mono's svcutil generates (WsdlImporter with its default importers). Mono's importer leaves
// out the WSDL's soap:header and, as ASMX publishes no wsaw:Action, gives the input the Action "*", which ASMX cannot
// route. So the caller sets both by hand in an OperationContextScope, WCF's way to add to one call what its contract
// lacks: the OpsAuthenticationHeader, a data contract of its own, and the SOAPAction of the binding's soap:operation.
//   mono ops_svcutil.exe ENDPOINT_URL
using System;
using System.Runtime.Serialization;
using System.ServiceModel;
using System.ServiceModel.Channels;
using Data = www.opsplanning.com.webservices.@public.data;

static class OpsSvcutil {
  const string Namespace = "http://www.opsplanning.com/webservices/public/data";

  [DataContract(Name = "OpsAuthenticationHeader", Namespace = Namespace)]
  class AuthenticationHeader {
    [DataMember] public string EmailAddress;
    [DataMember] public string Password;
  }

  static void Main(string[] args) {
    var client = new OpsProjectorSvcSoapClient(new BasicHttpBinding(), new EndpointAddress(args[0]));
    using (new OperationContextScope(client.InnerChannel)) {
      var headers = OperationContext.Current.OutgoingMessageHeaders;
      headers.Add(MessageHeader.CreateHeader("OpsAuthenticationHeader", Namespace,
        new AuthenticationHeader { EmailAddress = "api.admin@example.com", Password = "demo-password" }));
      headers.Action = Namespace + "/OpsOpenTimeCardBatch";
      var batch = client.OpsOpenTimeCardBatch(new Data.OpsOpenTimeCardBatchRequest());
      Console.WriteLine("ServiceResult=" + batch.ServiceResult);
      Console.WriteLine("BatchId=" + batch.BatchId);
    }
  }
}
