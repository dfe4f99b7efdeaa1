// TimePunch through the DataContract client that Mono's WsdlImporter generated. Mono maps the WSDL's SOAP 1.2
// binding to basicHttp, so the caller sets by hand what wsHttpBinding (security None) is on the wire: SOAP 1.2 with
// WS-Addressing 1.0 over HTTP.
//   mono tpsync_datacontract.exe ENDPOINT_URL
using System;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using Authentication = TimePunch.Core.Services.AuthenticationService.Dto;

static class TpSyncDataContract {
  static void Main(string[] args) {
    var binding = new CustomBinding(
      new TextMessageEncodingBindingElement(MessageVersion.Soap12WSAddressing10, Encoding.UTF8), new HttpTransportBindingElement());
    var client = new SyncServiceClient(binding, new EndpointAddress(args[0]));
    var profiles = client.GetUseableSyncUserProfiles(new Authentication.TpAuthentication {
      CustomerToken = "default_timepunch", TpUser = "ralf.herrmann", TpHashedPwd = TimePunchPassword.Hash("tpdemo") });
    foreach (var profile in profiles) Console.WriteLine("profile.LogonName=" + profile.LogonName);
  }
}
