Feature: A request that breaks the contract is answered with a SOAP fault that names the problem
  Only a message that is well-formed, safe and valid against the published WSDL and XSDs
  reaches the service; anything else is a SOAP 1.1 fault whose faultstring names what is wrong
  and where (the element path), with the violations also listed in the fault's detail. Vendor
  business errors (a bad date, a bad card) are never faults: they are Status Fail answers with
  the vendor's numbers.
  A message that cannot be read into the operation's parameters (a value of the wrong type, a
  value .NET cannot hold) gets WCF's dispatcher fault, as the vendor's WCF service answers it:
  faultcode a:DeserializationFailed (namespace
  http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher; SOAP 1.1
  has no subcodes, so WCF makes it the faultcode), faultstring starting "The formatter threw an
  exception while trying to deserialize the message". What WCF reads past (an unknown member, one
  out of order, a missing one, an over-long value) is read as it reads it, with a warning, or
  refused with the same fault when the tenant reads strictly (reading_as_the_vendor.feature).
  Anything else (malformed XML, a DTD, an operation the service lacks) is faultcode Client.

  Background:
    Given I am logged in to Projector as "e123@example.com"

  Scenario: Malformed XML
    When I post this envelope to the PWS endpoint:
      """
      <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "Malformed XML"

  Scenario: A DTD is refused (no entity is ever expanded)
    When I post this envelope to the PWS endpoint:
      """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
      <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>&lol2;</soapenv:Body></soapenv:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "document type declaration (DTD) is not allowed"

  @PwsSaveTimeCards
  Scenario: The operation element in the wrong namespace
    When I post this envelope to the PWS endpoint:
      """
      <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
        <soapenv:Body><PwsSaveTimeCards xmlns="http://projectorpsa.com/WrongServices/"/></soapenv:Body>
      </soapenv:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "in namespace 'http://projectorpsa.com/WrongServices/'"

  @PwsSaveTimeCards
  Scenario: A value of the wrong type
    When I post this envelope to the PWS endpoint:
      """
      <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pws="http://projectorpsa.com/PwsProjectorServices/" xmlns:req="http://projectorpsa.com/DataContracts/Requests/" xmlns:tim="http://projectorpsa.com/DataContracts/Shared/TimeAndCost/" xmlns:com="http://projectorpsa.com/DataContracts/Shared/Common/">
        <soapenv:Body><pws:PwsSaveTimeCards><pws:serviceRequest>
          <req:SessionTicket>{ticket}</req:SessionTicket>
          <tim:EndDate>2018-03-31T00:00:00Z</tim:EndDate>
          <tim:SaveTimeCards><tim:PwsTimecardDetail>
            <com:TimecardType>T</com:TimecardType>
            <tim:WorkDate>2018-03-09T00:00:00Z</tim:WorkDate>
            <tim:WorkMinutes>an hour</tim:WorkMinutes>
          </tim:PwsTimecardDetail></tim:SaveTimeCards>
          <tim:StartDate>2018-03-01T00:00:00Z</tim:StartDate>
        </pws:serviceRequest></pws:PwsSaveTimeCards></soapenv:Body>
      </soapenv:Envelope>
      """
    Then the answer is a SOAP fault "DeserializationFailed" whose reason mentions "tim:WorkMinutes: 'an hour' is not a valid value of type xs:int"

  # Assumption: xs:dateTime admits hour 24 and years past 9999, .NET's DateTime does not; WCF
  # refuses such a value while reading the message, before the operation runs, and so does the mock.
  @PwsSaveTimeCards
  Scenario: A value the contract admits but the service cannot hold
    When I post this envelope to the PWS endpoint:
      """
      <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pws="http://projectorpsa.com/PwsProjectorServices/" xmlns:req="http://projectorpsa.com/DataContracts/Requests/" xmlns:tim="http://projectorpsa.com/DataContracts/Shared/TimeAndCost/">
        <soapenv:Body><pws:PwsSaveTimeCards><pws:serviceRequest>
          <req:SessionTicket>{ticket}</req:SessionTicket>
          <tim:EndDate>2018-03-09T24:00:00Z</tim:EndDate>
          <tim:StartDate>2018-03-01T00:00:00Z</tim:StartDate>
        </pws:serviceRequest></pws:PwsSaveTimeCards></soapenv:Body>
      </soapenv:Envelope>
      """
    Then the answer is a SOAP fault "DeserializationFailed" whose reason mentions "The value '2018-03-09T24:00:00Z' cannot be interpreted"

  Scenario: An operation the service does not have
    When I post this envelope to the PWS endpoint with SOAPAction "http://projectorpsa.com/PwsProjectorServices/IPwsProjectorServices/PwsDeleteEverything":
      """
      <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pws="http://projectorpsa.com/PwsProjectorServices/">
        <soapenv:Body><pws:PwsDeleteEverything/></soapenv:Body>
      </soapenv:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "Unknown operation"

  # WCF dispatches on the action: one no operation has is its ContractFilter mismatch (wording of
  # System.ServiceModel's EndpointDispatcher); the mock's own sentence follows, naming the operations there are.
  @PwsAuthenticate
  Scenario: An action no operation has, with a body the service knows
    When I post this envelope to the PWS endpoint with SOAPAction "*":
      """
      <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pws="http://projectorpsa.com/PwsProjectorServices/">
        <soapenv:Body><pws:PwsAuthenticate/></soapenv:Body>
      </soapenv:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "The message with Action '*' cannot be processed at the receiver, due to a ContractFilter mismatch at the EndpointDispatcher."

  @PwsGetTimeCards
  Scenario: SOAPAction and body must name the same operation
    When I post this envelope to the PWS endpoint with SOAPAction "http://projectorpsa.com/PwsProjectorServices/IPwsProjectorServices/PwsSaveTimeCards":
      """
      <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pws="http://projectorpsa.com/PwsProjectorServices/">
        <soapenv:Body><pws:PwsGetTimeCards><pws:serviceRequest/></pws:PwsGetTimeCards></soapenv:Body>
      </soapenv:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "names operation PwsSaveTimeCards, but the body holds the input of PwsGetTimeCards"

  @PwsAuthenticate
  Scenario: A request without SOAPAction is refused, naming the action to send
    WCF's basicHttpBinding (PWS) and ASMX (Ops) dispatch on SOAPAction: the vendor answers a request
    without one with a fault (a ContractFilter mismatch; "Server did not recognize the value of HTTP
    Header SOAPAction"), so the mock refuses it too, and names the action the body's operation needs.

    When I post this envelope to the PWS endpoint without a SOAPAction:
      """
      <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pws="http://projectorpsa.com/PwsProjectorServices/" xmlns:req="http://projectorpsa.com/DataContracts/Requests/">
        <soapenv:Body><pws:PwsAuthenticate><pws:serviceRequest><req:AccountCode>DEMO</req:AccountCode><req:Password>e123-password</req:Password><req:UserName>e123@example.com</req:UserName></pws:serviceRequest></pws:PwsAuthenticate></soapenv:Body>
      </soapenv:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "needs SOAPAction: "http://projectorpsa.com/PwsProjectorServices/IPwsProjectorServices/PwsAuthenticate""
