// PWS through the proxy Mono's wsdl.exe generated (SoapHttpClientProtocol): log in, save one time card.
//   mono pws_wsdl.exe ENDPOINT_URL
using System;

static class PwsWsdl {
  static void Main(string[] args) {
    var client = new PwsProjectorServices { Url = args[0] };
    var login = client.PwsAuthenticate(new PwsAuthenticateRq {
      AccountCode = "DEMO", UserName = "api.admin@example.com", Password = "demo-password" });
    Console.WriteLine("login.Status=" + login.Status);
    Console.WriteLine("login.SessionTicket=" + login.SessionTicket);
    var card = new PwsTimecardDetail {
      ReferenceId = "1", TimecardType = "T", ProjectIdentity = new PwsProjectRef { ProjectCode = "P001396-001" },
      WorkDate = Midnight(2018, 3, 9), WorkDateSpecified = true, WorkMinutes = 60, WorkMinutesSpecified = true };
    var saved = client.PwsSaveTimeCards(new PwsSaveTimeCardsRq {
      SessionTicket = login.SessionTicket,
      StartDate = Midnight(2018, 3, 1), StartDateSpecified = true, EndDate = Midnight(2018, 3, 31), EndDateSpecified = true,
      ResourceIdentity = new PwsResourceRef { ResourceReferenceSystemId = "E123" }, SaveTimeCards = new[] { card } });
    Console.WriteLine("save.Status=" + saved.Status);
    foreach (var result in saved.TimecardResults) Console.WriteLine("save.TimecardUid=" + result.TimeCard.TimecardUid);
  }

  // Projector wants dates as midnight UTC: a DateTime of Kind Utc is written with its Z.
  static DateTime Midnight(int year, int month, int day) {
    return new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
  }
}
