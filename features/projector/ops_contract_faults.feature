Feature: An Ops request the service cannot read is a SOAP Client fault, worded as ASMX words it
  The Ops service is an ASP.NET web service (.asmx). What its XmlSerializer cannot read into the
  operation's request (a value of the wrong type, a date .NET cannot hold) never reaches the
  operation: ASMX answers a SOAP 1.1 fault, faultcode Client,
  faultstring "Server was unable to read request. ---> ..." The mock's reason goes on to say which
  member is wrong and why (ASMX's own names only a line and column); the fault's detail lists the
  violations. What XmlSerializer reads past (a member it does not know, members in another order)
  is read as it reads it, with a warning (ops_reading_as_the_vendor.feature). An answer with
  ServiceResult Fail is for what the operation itself refuses (ops_batch_import.feature).

  @OpsImportTimeCards
  Scenario: A value of the wrong type
    When I post this envelope to the Ops endpoint:
      """
      <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
        <soap:Header>
          <OpsAuthenticationHeader xmlns="http://www.opsplanning.com/webservices/public/data">
            <EmailAddress>api.admin@example.com</EmailAddress>
            <Password>demo-password</Password>
          </OpsAuthenticationHeader>
        </soap:Header>
        <soap:Body>
          <OpsImportTimeCards xmlns="http://www.opsplanning.com/webservices/public/data">
            <request>
              <BatchId>the first one</BatchId>
            </request>
          </OpsImportTimeCards>
        </soap:Body>
      </soap:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "Server was unable to read request. ---> "
    And the answer is a SOAP fault "Client" whose reason mentions "BatchId: 'the first one' is not a valid value of type xs:int"

  # Assumption: xs:date admits years .NET's DateTime cannot hold (a year past 9999); the
  # XmlSerializer refuses such a value while reading the request, and so does the mock.
  @OpsCloseTimeCardBatch
  Scenario: A date the contract admits but .NET cannot hold
    When I post this envelope to the Ops endpoint:
      """
      <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
        <soap:Header>
          <OpsAuthenticationHeader xmlns="http://www.opsplanning.com/webservices/public/data">
            <EmailAddress>api.admin@example.com</EmailAddress>
            <Password>demo-password</Password>
          </OpsAuthenticationHeader>
        </soap:Header>
        <soap:Body>
          <OpsCloseTimeCardBatch xmlns="http://www.opsplanning.com/webservices/public/data">
            <request>
              <BatchId>1</BatchId>
              <BatchActionType>Replace</BatchActionType>
              <PurgeBeginDate>10000-01-01</PurgeBeginDate>
            </request>
          </OpsCloseTimeCardBatch>
        </soap:Body>
      </soap:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "Server was unable to read request. ---> The value '10000-01-01' cannot be interpreted"

  # ASMX dispatches on SOAPAction: one no method has is its "Server did not recognize the value of HTTP
  # Header SOAPAction" (System.Web.Services' SoapServerProtocol); the mock's own sentence follows.
  @OpsOpenTimeCardBatch
  Scenario: A SOAPAction no method has
    When I post this envelope to the Ops endpoint with SOAPAction "*":
      """
      <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
        <soap:Body><OpsOpenTimeCardBatch xmlns="http://www.opsplanning.com/webservices/public/data"><request/></OpsOpenTimeCardBatch></soap:Body>
      </soap:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "Server did not recognize the value of HTTP Header SOAPAction: *."
