Feature: A Sync Service message that leaves the contract is read as WCF reads it, and each departure is a warning
  The Sync Service is a WCF service (wsHttpBinding, SOAP 1.2); its DataContractSerializer reads a data
  contract's members in the contract's order, skips a member it does not know and counts one out of that
  order as unknown (Microsoft Learn, "Data Member Order" and "Data Contract Versioning"), leaves a missing
  member at its default (DataMemberAttribute.IsRequired: "The default is false"), and checks no string
  length. What it cannot read (a value that does not parse as its type, an enum name it does not have, a
  date .NET cannot hold) is its dispatcher fault, Sender / DeserializationFailed (transport_faults.feature).
  So by default the mock reads a message the same way and runs the method on what it read; each
  departure is a warning in the call's journal entry, counted in the answer's X-Mock-Warnings header. A
  tenant that reads requests strictly refuses every departure with the dispatcher fault.
  Every member of the contract's DTOs is optional (WCF publishes minOccurs="0" for each), and none has a
  length facet (the vendor's entity pages give none), so a missing or long member is the method's to
  handle in either reading.
  A client built from the vendor's DTOs sends every ProjectDto member. The vendor's table lists members
  after ContractId that our copies of its page break off at ("Plac…", a String); their names are unknown,
  so the contract lacks them (project.xsd). The scenarios send one under an example name, PlaceOfDelivery.

  Background:
    Given I am TimePunch user "anna.schmidt"

  @ApplyStaticData
  Scenario: A ProjectDto member the contract does not have is skipped, and the project is applied
    When I post this message to the TimePunch endpoint:
      """
      <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
        <s:Header>
          <a:Action s:mustUnderstand="1">http://tempuri.org/ISyncService/ApplyStaticData</a:Action>
          <a:MessageID>urn:uuid:2c2b1a8e-0f0e-4b6e-9d1f-6a1c1d6b0c01</a:MessageID>
        </s:Header>
        <s:Body>
          <ApplyStaticData xmlns="http://tempuri.org/">
            <authentication xmlns:b="http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.AuthenticationService.Dto">
              <b:Culture>de-DE</b:Culture>
              <b:CustomerToken>{CustomerToken}</b:CustomerToken>
              <b:Origin>Management</b:Origin>
              <b:TpHashedPwd>{TpHashedPwd}</b:TpHashedPwd>
              <b:TpUser>{TpUser}</b:TpUser>
            </authentication>
            <projects xmlns:b="http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.ProjectService.Dto">
              <b:ProjectDto>
                <b:ContractId>V-2024-17</b:ContractId>
                <b:PlaceOfDelivery>Berlin</b:PlaceOfDelivery>
                <b:ProjectName>NEU-Projekt</b:ProjectName>
              </b:ProjectDto>
            </projects>
          </ApplyStaticData>
        </s:Body>
      </s:Envelope>
      """
    Then the message is answered without a fault
    And the answer carries 1 warning
    And the journal warns of "b:ProjectDto/b:PlaceOfDelivery": "unknown member: WCF ignores it"
    And the store holds 1 project named "NEU-Projekt"
    And the project "NEU-Projekt" has ContractId "V-2024-17"

  @ApplyStaticData
  Scenario: A ProjectDto member the contract does not have is refused when the tenant reads strictly
    Given the tenant reads requests strictly
    When I post this message to the TimePunch endpoint:
      """
      <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
        <s:Header>
          <a:Action s:mustUnderstand="1">http://tempuri.org/ISyncService/ApplyStaticData</a:Action>
          <a:MessageID>urn:uuid:2c2b1a8e-0f0e-4b6e-9d1f-6a1c1d6b0c02</a:MessageID>
        </s:Header>
        <s:Body>
          <ApplyStaticData xmlns="http://tempuri.org/">
            <authentication xmlns:b="http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.AuthenticationService.Dto">
              <b:Culture>de-DE</b:Culture>
              <b:CustomerToken>{CustomerToken}</b:CustomerToken>
              <b:Origin>Management</b:Origin>
              <b:TpHashedPwd>{TpHashedPwd}</b:TpHashedPwd>
              <b:TpUser>{TpUser}</b:TpUser>
            </authentication>
            <projects xmlns:b="http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.ProjectService.Dto">
              <b:ProjectDto>
                <b:ContractId>V-2024-17</b:ContractId>
                <b:PlaceOfDelivery>Berlin</b:PlaceOfDelivery>
                <b:ProjectName>NEU-Projekt</b:ProjectName>
              </b:ProjectDto>
            </projects>
          </ApplyStaticData>
        </s:Body>
      </s:Envelope>
      """
    Then the answer is a SOAP 1.2 fault "Sender" with subcode "DeserializationFailed"
    And its reason mentions "PlaceOfDelivery"
    And the store holds 0 projects named "NEU-Projekt"

  @ApplyStaticData
  Scenario: A member out of the contract's order is skipped, so it keeps its default
    ContractId comes before ProjectName in the contract; sent after it, WCF has passed its place.

    When I post this message to the TimePunch endpoint:
      """
      <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
        <s:Header>
          <a:Action s:mustUnderstand="1">http://tempuri.org/ISyncService/ApplyStaticData</a:Action>
          <a:MessageID>urn:uuid:2c2b1a8e-0f0e-4b6e-9d1f-6a1c1d6b0c03</a:MessageID>
        </s:Header>
        <s:Body>
          <ApplyStaticData xmlns="http://tempuri.org/">
            <authentication xmlns:b="http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.AuthenticationService.Dto">
              <b:Culture>de-DE</b:Culture>
              <b:CustomerToken>{CustomerToken}</b:CustomerToken>
              <b:Origin>Management</b:Origin>
              <b:TpHashedPwd>{TpHashedPwd}</b:TpHashedPwd>
              <b:TpUser>{TpUser}</b:TpUser>
            </authentication>
            <projects xmlns:b="http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.ProjectService.Dto">
              <b:ProjectDto>
                <b:ProjectName>NEU-Projekt</b:ProjectName>
                <b:ContractId>V-2024-17</b:ContractId>
              </b:ProjectDto>
            </projects>
          </ApplyStaticData>
        </s:Body>
      </s:Envelope>
      """
    Then the message is answered without a fault
    And the answer carries 1 warning
    And the journal warns of "b:ProjectDto/b:ContractId": "member out of the contract's order"
    And the project "NEU-Projekt" has no ContractId

  @ApplyStaticData
  Scenario: A member out of the contract's order is refused when the tenant reads strictly
    Given the tenant reads requests strictly
    When I post this message to the TimePunch endpoint:
      """
      <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
        <s:Header>
          <a:Action s:mustUnderstand="1">http://tempuri.org/ISyncService/ApplyStaticData</a:Action>
          <a:MessageID>urn:uuid:2c2b1a8e-0f0e-4b6e-9d1f-6a1c1d6b0c04</a:MessageID>
        </s:Header>
        <s:Body>
          <ApplyStaticData xmlns="http://tempuri.org/">
            <authentication xmlns:b="http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.AuthenticationService.Dto">
              <b:Culture>de-DE</b:Culture>
              <b:CustomerToken>{CustomerToken}</b:CustomerToken>
              <b:Origin>Management</b:Origin>
              <b:TpHashedPwd>{TpHashedPwd}</b:TpHashedPwd>
              <b:TpUser>{TpUser}</b:TpUser>
            </authentication>
            <projects xmlns:b="http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.ProjectService.Dto">
              <b:ProjectDto>
                <b:ProjectName>NEU-Projekt</b:ProjectName>
                <b:ContractId>V-2024-17</b:ContractId>
              </b:ProjectDto>
            </projects>
          </ApplyStaticData>
        </s:Body>
      </s:Envelope>
      """
    Then the answer is a SOAP 1.2 fault "Sender" with subcode "DeserializationFailed"
    And its reason mentions "ContractId"

  @SearchTimeEntriesForSynchronisation
  Scenario Outline: A member left out is the method's to handle however the tenant reads
    No member of the method's message is required by the contract: leaving lastSyncTime out is no departure.

    Given the tenant reads requests <reading>
    When I post this message to the TimePunch endpoint:
      """
      <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
        <s:Header>
          <a:Action s:mustUnderstand="1">http://tempuri.org/ISyncService/SearchTimeEntriesForSynchronisation</a:Action>
          <a:MessageID>urn:uuid:2c2b1a8e-0f0e-4b6e-9d1f-6a1c1d6b0c05</a:MessageID>
        </s:Header>
        <s:Body>
          <SearchTimeEntriesForSynchronisation xmlns="http://tempuri.org/">
            <authentication xmlns:b="http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.AuthenticationService.Dto">
              <b:Culture>de-DE</b:Culture>
              <b:CustomerToken>{CustomerToken}</b:CustomerToken>
              <b:Origin>Management</b:Origin>
              <b:TpHashedPwd>{TpHashedPwd}</b:TpHashedPwd>
              <b:TpUser>{TpUser}</b:TpUser>
            </authentication>
          </SearchTimeEntriesForSynchronisation>
        </s:Body>
      </s:Envelope>
      """
    Then the message is answered without a fault
    And the answer carries 0 warnings

    Examples:
      | reading                      |
      | as the vendor's runtime does |
      | strictly                     |

  @SearchTimeEntriesForSynchronisation
  Scenario Outline: A value WCF cannot parse is its fault however the tenant reads
    Given the tenant reads requests <reading>
    When I post this message to the TimePunch endpoint:
      """
      <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
        <s:Header>
          <a:Action s:mustUnderstand="1">http://tempuri.org/ISyncService/SearchTimeEntriesForSynchronisation</a:Action>
          <a:MessageID>urn:uuid:2c2b1a8e-0f0e-4b6e-9d1f-6a1c1d6b0c06</a:MessageID>
        </s:Header>
        <s:Body>
          <SearchTimeEntriesForSynchronisation xmlns="http://tempuri.org/">
            <authentication xmlns:b="http://schemas.datacontract.org/2004/07/TimePunch.Core.Services.AuthenticationService.Dto">
              <b:Culture>de-DE</b:Culture>
              <b:CustomerToken>{CustomerToken}</b:CustomerToken>
              <b:Origin>Management</b:Origin>
              <b:TpHashedPwd>{TpHashedPwd}</b:TpHashedPwd>
              <b:TpUser>{TpUser}</b:TpUser>
            </authentication>
            <lastSyncTime>yesterday</lastSyncTime>
          </SearchTimeEntriesForSynchronisation>
        </s:Body>
      </s:Envelope>
      """
    Then the answer is a SOAP 1.2 fault "Sender" with subcode "DeserializationFailed"
    And its reason mentions "'yesterday' is not a valid value of type xs:dateTime"

    Examples:
      | reading                      |
      | as the vendor's runtime does |
      | strictly                     |
