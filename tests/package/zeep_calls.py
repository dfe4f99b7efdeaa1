"""Run by the installed package's interpreter: each service's WSDL, and one zeep call to each service.

Usage: python zeep_calls.py BASE_URL. Prints one line per service; any failure raises.
"""

from __future__ import annotations

import hashlib
import sys

import zeep

base = sys.argv[1]
pws = zeep.Client(f"{base}/OpsProjectorWcfSvc/PwsProjectorServices.svc?wsdl")
login = pws.service.PwsAuthenticate(
    serviceRequest={"AccountCode": "DEMO", "UserName": "api.admin@example.com", "Password": "demo-password"}
)
assert login.Status == "Ok", login
assert login.SessionTicket, login
print("pws PwsAuthenticate", login.Status)

ops = zeep.Client(f"{base}/OpsProjectorWebSvc/OpsProjectorSvc.asmx?wsdl")
ops.set_default_soapheaders(
    {"OpsAuthenticationHeader": {"EmailAddress": "api.admin@example.com", "Password": "demo-password"}}
)
batch = ops.service.OpsOpenTimeCardBatch(request={})
assert batch.BatchId > 0, batch
print("ops OpsOpenTimeCardBatch", batch.BatchId)

tpsync = zeep.Client(f"{base}/TimePunch/API/TpSync.svc?wsdl")
authentication = {
    "CustomerToken": "default_timepunch",
    "TpUser": "ralf.herrmann",
    "TpHashedPwd": hashlib.md5(b"tpdemo").hexdigest().upper(),
}
profiles = tpsync.service.GetUseableSyncUserProfiles(authentication=authentication)
assert profiles, profiles
print("tpsync GetUseableSyncUserProfiles", len(profiles))
