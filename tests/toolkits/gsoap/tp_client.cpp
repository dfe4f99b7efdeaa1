// TimePunch through the gSOAP proxy generated from the served WSDL (SOAP 1.2): the WS-Addressing headers
// come from gSOAP's wsa plugin (wsdl2h imports wsa5.h for the binding's addressing policy); list the sync
// user profiles and print them as JSON. argv[1]: the endpoint address,
// argv[2]: the upper-case hex MD5 of the password.
#include "soapWSHttpBinding_USCOREISyncServiceProxy.h"
#include "WSHttpBinding_USCOREISyncService.nsmap"
#include "caller.h"
#include "wsaapi.h"

int main(int argc, char **argv) {
    WSHttpBinding_USCOREISyncServiceProxy proxy;
    if (!pointed(proxy, argc, argv, 2, "tp_client ENDPOINT HASHED_PASSWORD")) {
        return 2;
    }
    struct soap *ctx = proxy.soap;
    soap_register_plugin(ctx, soap_wsa);
    const char *action = "http://tempuri.org/ISyncService/GetUseableSyncUserProfiles";
    if (!answered(proxy, soap_wsa_request(ctx, soap_wsa_rand_uuid(ctx), proxy.soap_endpoint, action))) {
        return 1;
    }

    _tempuri__GetUseableSyncUserProfiles ask;
    ask.authentication = soap_new_tpauth__TpAuthentication(ctx);
    ask.authentication->CustomerToken = text(ctx, "default_timepunch");
    ask.authentication->TpUser = text(ctx, "ralf.herrmann");
    ask.authentication->TpHashedPwd = text(ctx, argv[2]);
    _tempuri__GetUseableSyncUserProfilesResponse answer;
    if (!answered(proxy, proxy.GetUseableSyncUserProfiles(&ask, answer))) {
        return 1;
    }
    std::cout << "{\"profiles\": [";
    const char *separator = "";
    for (const tpsync__SyncUserProfileDto *profile : answer.GetUseableSyncUserProfilesResult->SyncUserProfileDto) {
        std::cout << separator << "{\"LogonName\": " << json(profile->LogonName) << "}";
        separator = ", ";
    }
    std::cout << "]}\n";
    return 0;
}
