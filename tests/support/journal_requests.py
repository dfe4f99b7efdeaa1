"""Two PWS requests the journal page's tests send: one valid, one that violates the contract."""

from __future__ import annotations

VALID = (
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
    'xmlns:p="http://projectorpsa.com/PwsProjectorServices/" '
    'xmlns:r="http://projectorpsa.com/DataContracts/Requests/"><s:Body><p:PwsAuthenticate><p:serviceRequest>'
    "<r:AccountCode>DEMO</r:AccountCode><r:Password>e123-password</r:Password>"
    "<r:UserName>e123@example.com</r:UserName></p:serviceRequest></p:PwsAuthenticate></s:Body></s:Envelope>"
)

# features/projector/contract_faults.feature, "A value of the wrong type".
VIOLATING = (
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" '
    'xmlns:pws="http://projectorpsa.com/PwsProjectorServices/" '
    'xmlns:req="http://projectorpsa.com/DataContracts/Requests/" '
    'xmlns:tim="http://projectorpsa.com/DataContracts/Shared/TimeAndCost/" '
    'xmlns:com="http://projectorpsa.com/DataContracts/Shared/Common/">'
    "<soapenv:Body><pws:PwsSaveTimeCards><pws:serviceRequest>"
    "<req:SessionTicket>no-ticket</req:SessionTicket>"
    "<tim:EndDate>2018-03-31T00:00:00Z</tim:EndDate>"
    "<tim:SaveTimeCards><tim:PwsTimecardDetail>"
    "<com:TimecardType>T</com:TimecardType>"
    "<tim:WorkDate>2018-03-09T00:00:00Z</tim:WorkDate>"
    "<tim:WorkMinutes>an hour</tim:WorkMinutes>"
    "</tim:PwsTimecardDetail></tim:SaveTimeCards>"
    "<tim:StartDate>2018-03-01T00:00:00Z</tim:StartDate>"
    "</pws:serviceRequest></pws:PwsSaveTimeCards></soapenv:Body></soapenv:Envelope>"
)
