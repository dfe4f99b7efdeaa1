// Ops through the gSOAP proxy generated from the served WSDL: open a time card batch with the
// OpsAuthenticationHeader that every Ops call carries, and print the answer as JSON.
#include "soapOpsProjectorSvcSoapProxy.h"
#include "OpsProjectorSvcSoap.nsmap"
#include "caller.h"

int main(int argc, char **argv) {
    OpsProjectorSvcSoapProxy proxy;
    if (!pointed(proxy, argc, argv, 1, "ops_client ENDPOINT")) {
        return 2;
    }
    struct soap *ctx = proxy.soap;

    ops__OpsAuthenticationHeader *credentials = soap_new_ops__OpsAuthenticationHeader(ctx);
    credentials->EmailAddress = text(ctx, "api.admin@example.com");
    credentials->Password = text(ctx, "demo-password");
    proxy.soap_header(credentials);

    _ops__OpsOpenTimeCardBatch open;
    open.request = soap_new_ops__OpsOpenTimeCardBatchRequest(ctx);
    _ops__OpsOpenTimeCardBatchResponse opened;
    if (!answered(proxy, proxy.OpsOpenTimeCardBatch(&open, opened))) {
        return 1;
    }
    const ops__OpsOpenTimeCardBatchResult *result = opened.OpsOpenTimeCardBatchResult;
    std::cout << "{\"batch\": {\"ServiceResult\": " << json(soap_ops__ServiceResult2s(ctx, result->ServiceResult))
              << ", \"BatchId\": " << result->BatchId << "}}\n";
    return 0;
}
