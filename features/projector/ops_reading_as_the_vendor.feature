Feature: An Ops request that leaves the contract is read as ASMX's XmlSerializer reads it, and each departure is a warning
  Ops is an ASP.NET web service (.asmx); its XmlSerializer reads a request's members by name in any
  order, ignores an element it does not know (Microsoft Learn, XmlSerializer.UnknownElement: the event
  "occurs when the XmlSerializer encounters an XML element of unknown type during deserialization"; with
  no handler the element is skipped), leaves a member that is missing at its default, and checks no
  string length. What it cannot read (a value that does not parse as its type, a date .NET cannot hold)
  is ASMX's Client fault "Server was unable to read request." (ops_contract_faults.feature).
  So by default the mock reads a request the same way and runs the operation's rules on what it read;
  each departure is a warning in the call's journal entry, counted in the answer's X-Mock-Warnings
  header. A tenant that reads requests strictly refuses every departure with ASMX's Client fault.
  No member of an Ops request is required by the contract (page 001's required members are checked
  per card or per call by the operation, errors.csv 91xxx), and none has a length facet: a value longer
  than page 001's string(50) reaches the operation, which refuses that card alone with 91110
  ValueTooLong in either reading (ops_card_rules.feature).

  @OpsImportTimeCards @error-91004
  Scenario: A member the Ops contract does not have is ignored
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
            <request><BatchId>999999</BatchId><TimeCards><TimeCard><TimeCardReferenceSystemId>1</TimeCardReferenceSystemId><Comment>from the old client</Comment></TimeCard></TimeCards></request>
          </OpsImportTimeCards>
        </soap:Body>
      </soap:Envelope>
      """
    Then the answer's ServiceResult is "Fail"
    And the answer holds the Ops error 91004 BatchNotFound
    And the answer carries 1 warning
    And the journal warns of "TimeCard/Comment": "unknown member: ASMX's XmlSerializer ignores it"

  @OpsImportTimeCards
  Scenario: A member the Ops contract does not have is refused when the tenant reads strictly
    Given the tenant reads requests strictly
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
            <request><BatchId>999999</BatchId><TimeCards><TimeCard><TimeCardReferenceSystemId>1</TimeCardReferenceSystemId><Comment>from the old client</Comment></TimeCard></TimeCards></request>
          </OpsImportTimeCards>
        </soap:Body>
      </soap:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "Server was unable to read request. ---> "
    And the answer is a SOAP fault "Client" whose reason mentions "Comment"

  @OpsCloseTimeCardBatch @error-91004
  Scenario: Members in another order are read all the same
    BatchId is read although it comes after BatchActionType: the batch is looked up (91004), not
    missing (91003).

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
            <request><BatchActionType>Import</BatchActionType><BatchId>999999</BatchId></request>
          </OpsCloseTimeCardBatch>
        </soap:Body>
      </soap:Envelope>
      """
    Then the answer's ServiceResult is "Fail"
    And the answer holds the Ops error 91004 BatchNotFound
    And the answer carries 1 warning
    And the journal warns of "request/BatchId": "ASMX's XmlSerializer reads them in any order"

  @OpsCloseTimeCardBatch
  Scenario: Members in another order are refused when the tenant reads strictly
    Given the tenant reads requests strictly
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
            <request><BatchActionType>Import</BatchActionType><BatchId>999999</BatchId></request>
          </OpsCloseTimeCardBatch>
        </soap:Body>
      </soap:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "Server was unable to read request. ---> "

  @OpsImportTimeCards @error-91003
  Scenario Outline: A missing member is the operation's to refuse however the tenant reads
    Given the tenant reads requests <reading>
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
            <request></request>
          </OpsImportTimeCards>
        </soap:Body>
      </soap:Envelope>
      """
    Then the answer's ServiceResult is "Fail"
    And the answer holds the Ops error 91003 BatchIdRequired
    And the answer carries 0 warnings

    Examples:
      | reading                      |
      | as the vendor's runtime does |
      | strictly                     |

  @OpsImportTimeCards
  Scenario Outline: A value XmlSerializer cannot parse is its fault however the tenant reads
    Given the tenant reads requests <reading>
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
            <request><BatchId>the first one</BatchId></request>
          </OpsImportTimeCards>
        </soap:Body>
      </soap:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "BatchId: 'the first one' is not a valid value of type xs:int"

    Examples:
      | reading                      |
      | as the vendor's runtime does |
      | strictly                     |
