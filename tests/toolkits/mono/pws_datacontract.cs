// PWS through the DataContract client that Mono's WsdlImporter generated: log in, save one time card.
//   mono pws_datacontract.exe ENDPOINT_URL
using System;
using System.ServiceModel;
using Common = projectorpsa.com.DataContracts.Shared.Common;
using Requests = projectorpsa.com.DataContracts.Requests;
using TimeAndCost = projectorpsa.com.DataContracts.Shared.TimeAndCost;

static class PwsDataContract {
  static void Main(string[] args) {
    var client = new PwsProjectorServicesClient(new BasicHttpBinding(), new EndpointAddress(args[0]));
    var login = client.PwsAuthenticate(new Requests.PwsAuthenticateRq {
      AccountCode = "DEMO", UserName = "api.admin@example.com", Password = "demo-password" });
    Console.WriteLine("login.Status=" + login.Status);
    Console.WriteLine("login.SessionTicket=" + login.SessionTicket);
    var card = new TimeAndCost.PwsTimecardDetail {
      ReferenceId = "1", TimecardType = "T", ProjectIdentity = new Common.PwsProjectRef { ProjectCode = "P001396-001" },
      WorkDate = Midnight(2018, 3, 9), WorkMinutes = 60 };
    var saved = client.PwsSaveTimeCards(new TimeAndCost.PwsSaveTimeCardsRq {
      SessionTicket = login.SessionTicket, StartDate = Midnight(2018, 3, 1), EndDate = Midnight(2018, 3, 31),
      ResourceIdentity = new Common.PwsResourceRef { ResourceReferenceSystemId = "E123" }, SaveTimeCards = new[] { card } });
    Console.WriteLine("save.Status=" + saved.Status);
    foreach (var result in saved.TimecardResults) Console.WriteLine("save.TimecardUid=" + result.TimeCard.TimecardUid);
  }

  // Projector wants dates as midnight UTC: a DateTime of Kind Utc is written with its Z.
  static DateTime Midnight(int year, int month, int day) {
    return new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
  }
}
