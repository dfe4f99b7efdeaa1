Feature: Code values are matched without regard to case, everywhere the vendor's rules check them
  One rule for every code a request sends as a String and the vendor checks in its own rules:
  TimecardType (T, R), PwsTransferTime's AdjustmentType (TPT, TRT, CTT), CardStatus (D, R, S, A,
  or the word: Draft, Rejected, Submitted, Approved), OpsCloseTimeCardBatch's Status (S, A) and an
  Ops card's CurrencyCode. Each is matched without regard to case: "t" is T, "tpt" is TPT, "a" is
  A. The evidence is the vendor's own behaviour where it shows one: page 002's example sends
  CardStatus as the word "Submitted" where the wiki's table lists the letters, so the vendor's
  rules read a code by meaning, not byte for byte; and Projector's codes and names live in SQL
  Server (its smalldatetime bounds are page 002's work date range), whose default collation
  compares text without case, as the mock already matches the account code and project codes.
  Assumption: no vendor page states a case rule for these codes; a reading that refused "t" would
  have to come from code the vendor does not show. A code answered back is written in its
  documented case.
  Enumerations are not codes: the deprecated TimeCardStatus Status and Ops BatchActionType are
  read by the serializer, which takes an enumeration member by its exact name (.NET's
  DataContractSerializer and XmlSerializer), so "import" is refused as any value outside the
  enumeration is (contracts/projector-ops/errors.csv, row 91006).

  @PwsSaveTimeCards
  Scenario: A lower-case TimecardType is the type it names
    Given I am logged in to Projector as "e123@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | CardStatus |
      | lower       | t            | P001396-001 | 2018-03-09 | 60          | d          |
    When I send the request
    Then the response status is "Ok"
    And time card result "lower" succeeded
    When I read the time cards of "E123" from "2018-03-09" to "2018-03-09"
    Then the time cards read include:
      | WorkDate   | WorkMinutes | CardStatus |
      | 2018-03-09 | 60          | D          |

  @PwsTransferTime
  Scenario: A lower-case AdjustmentType is the adjustment it names
    Given I am logged in to Projector as "e123@example.com"
    And a PwsTransferTime request of type "tpt"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639611 | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Ok"
    And the transferred time cards are exactly 45639611

  @OpsCloseTimeCardBatch
  Scenario: A lower-case batch Status is the status it names
    Given I am logged in to Projector as "api.admin@example.com"
    And I authenticate to Ops as "api.admin@example.com"
    And an open time card batch
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskName | WorkDate   | WorkMinutes |
      | HR-1                      | P001396-001 | E123                      | Consultant | Design             | 2018-04-02 | 60          |
    When I close the batch with:
      | Status |
      | a      |
    Then the Ops result is "Ok"
    When I read the time cards of "E123" from "2018-04-02" to "2018-04-02"
    Then the time cards read include:
      | WorkMinutes | CardStatus |
      | 60          | A          |

  @OpsCloseTimeCardBatch
  Scenario: A lower-case CurrencyCode is the currency it names
    Given I authenticate to Ops as "api.admin@example.com"
    And an open time card batch
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes | ContractRevenue | AdjustedRevenue | SystemRevenue | CurrencyCode |
      | OLD-1                     | P001396-001 | E123                      | Consultant | 1.1                | 2018-03-07 | 90          | 150.0           | 140.0           | 150.0         | usd          |
    When I close the batch with:
      | BatchActionType | PurgeBeginDate | PurgeEndDate |
      | Replace         | 2018-03-01     | 2018-03-31   |
    Then the Ops result is "Ok"
    And E123 has 1 imported cards on 2018-03-07

  @OpsCloseTimeCardBatch
  Scenario: An enumeration member is read by its exact name: a lower-case BatchActionType is a fault
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
            <request><BatchActionType>import</BatchActionType><BatchId>1</BatchId></request>
          </OpsCloseTimeCardBatch>
        </soap:Body>
      </soap:Envelope>
      """
    Then the answer is a SOAP fault "Client" whose reason mentions "BatchActionType"
