// PWS through the gSOAP proxy generated from the served WSDL: log in, save one time card, and print the
// answers as JSON for the test to check. argv[1]: the endpoint address.
#include <ctime>

#include "soapBasicHttpBinding_USCOREIPwsProjectorServicesProxy.h"
#include "BasicHttpBinding_USCOREIPwsProjectorServices.nsmap"
#include "caller.h"

static time_t utc_date(int year, int month, int day) {
    struct tm date = {};
    date.tm_year = year - 1900;
    date.tm_mon = month - 1;
    date.tm_mday = day;
    return timegm(&date);
}

static std::string status(struct soap *ctx, const pwscs__ResponseBase *response) {
    return response->Status ? json(soap_pwscs__RequestStatus2s(ctx, *response->Status)) : "null";
}

int main(int argc, char **argv) {
    BasicHttpBinding_USCOREIPwsProjectorServicesProxy proxy;
    if (!pointed(proxy, argc, argv, 1, "pws_client ENDPOINT")) {
        return 2;
    }
    struct soap *ctx = proxy.soap;

    _pws__PwsAuthenticate login;
    login.serviceRequest = soap_new_pwsreq__PwsAuthenticateRq(ctx);
    login.serviceRequest->AccountCode = text(ctx, "DEMO");
    login.serviceRequest->UserName = text(ctx, "api.admin@example.com");
    login.serviceRequest->Password = text(ctx, "demo-password");
    _pws__PwsAuthenticateResponse logged_in;
    if (!answered(proxy, proxy.PwsAuthenticate(&login, logged_in))) {
        return 1;
    }
    const pwsresp__PwsAuthenticateRs *session = logged_in.PwsAuthenticateResult;

    pwstc__PwsTimecardDetail *card = soap_new_pwstc__PwsTimecardDetail(ctx);
    card->ReferenceId = text(ctx, "1");
    card->TimecardType = text(ctx, "T");
    card->ProjectIdentity = soap_new_pwscom__PwsProjectRef(ctx);
    card->ProjectIdentity->ProjectCode = text(ctx, "P001396-001");
    card->WorkDate = value(ctx, utc_date(2018, 3, 9));
    card->WorkMinutes = value(ctx, 60);

    _pws__PwsSaveTimeCards save;
    pwstc__PwsSaveTimeCardsRq *request = save.serviceRequest = soap_new_pwstc__PwsSaveTimeCardsRq(ctx);
    request->SessionTicket = session->SessionTicket;
    request->StartDate = value(ctx, utc_date(2018, 3, 1));
    request->EndDate = value(ctx, utc_date(2018, 3, 31));
    request->ResourceIdentity = soap_new_pwscom__PwsResourceRef(ctx);
    request->ResourceIdentity->ResourceReferenceSystemId = text(ctx, "E123");
    request->SaveTimeCards = soap_new_pwstc__ArrayOfPwsTimecardDetail(ctx);
    request->SaveTimeCards->PwsTimecardDetail.push_back(card);
    _pws__PwsSaveTimeCardsResponse saved;
    if (!answered(proxy, proxy.PwsSaveTimeCards(&save, saved))) {
        return 1;
    }
    const pwstc__PwsSaveTimeCardsRs *result = saved.PwsSaveTimeCardsResult;
    std::cout << "{\"login\": {\"Status\": " << status(ctx, session)
              << ", \"SessionTicket\": " << json(session->SessionTicket) << "}";
    std::cout << ", \"saved\": {\"Status\": " << status(ctx, result) << ", \"TimecardResults\": [";
    const char *separator = "";
    for (const pwstc__PwsSaveTimecardResult *item : result->TimecardResults->PwsSaveTimecardResult) {
        const pwstc__PwsTimecardDetail *stored = item->TimeCard;
        std::cout << separator << "{\"TimeCard\": {\"TimecardUid\": " << json(stored->TimecardUid)
                  << ", \"ProjectIdentity\": {\"ProjectCode\": " << json(stored->ProjectIdentity->ProjectCode)
                  << "}, \"WorkMinutes\": " << json(stored->WorkMinutes) << "}}";
        separator = ", ";
    }
    std::cout << "]}}\n";
    return 0;
}
