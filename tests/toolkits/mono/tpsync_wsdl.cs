// TimePunch through the SOAP 1.2 proxy Mono's wsdl.exe generated (/protocol:SOAP12). System.Web.Services has no
// WS-Addressing: the WsAddressingHeaders SOAP extension, registered in tpsync_wsdl.exe.config, adds the headers.
//   mono tpsync_wsdl.exe ENDPOINT_URL
using System;

static class TpSyncWsdl {
  static void Main(string[] args) {
    var client = new SyncService { Url = args[0] };
    TpFault fault;
    var profiles = client.GetUseableSyncUserProfiles(new TpAuthentication {
      CustomerToken = "default_timepunch", TpUser = "ralf.herrmann", TpHashedPwd = TimePunchPassword.Hash("tpdemo") }, out fault);
    foreach (var profile in profiles) Console.WriteLine("profile.LogonName=" + profile.LogonName);
  }
}
