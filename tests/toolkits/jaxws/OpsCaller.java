// Opens an Ops time card batch through the client wsimport generated with -XadditionalHeaders, which
// makes the WSDL's soap:header (OpsAuthenticationHeader) a parameter of each method (package mock.ops).

import mock.ops.OpsAuthenticationHeader;
import mock.ops.OpsOpenTimeCardBatchRequest;
import mock.ops.OpsOpenTimeCardBatchResult;
import mock.ops.OpsProjectorSvc;
import mock.ops.OpsProjectorSvcSoap;

public final class OpsCaller {
    public static void main(String[] args) {
        OpsProjectorSvcSoap ops = new OpsProjectorSvc().getOpsProjectorSvcSoap();
        OpsAuthenticationHeader credentials = new OpsAuthenticationHeader();
        credentials.setEmailAddress(args[0]);
        credentials.setPassword(args[1]);
        OpsOpenTimeCardBatchResult batch = ops.opsOpenTimeCardBatch(new OpsOpenTimeCardBatchRequest(), credentials);
        System.out.println(Json.write(Json.object(
            "ServiceResult", batch.getServiceResult().value(), "BatchId", batch.getBatchId())));
    }
}
