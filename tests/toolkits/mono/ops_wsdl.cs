// Ops through the proxy Mono's wsdl.exe generated: its OpsAuthenticationHeader is a member of the proxy, sent on
// every call.
//   mono ops_wsdl.exe ENDPOINT_URL
using System;

static class OpsWsdl {
  static void Main(string[] args) {
    var client = new OpsProjectorSvc {
      Url = args[0],
      OpsAuthenticationHeaderValue = new OpsAuthenticationHeader { EmailAddress = "api.admin@example.com", Password = "demo-password" } };
    var batch = client.OpsOpenTimeCardBatch(new OpsOpenTimeCardBatchRequest());
    Console.WriteLine("batch.BatchId=" + batch.BatchId);
  }
}
