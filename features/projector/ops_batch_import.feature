@OpsOpenTimeCardBatch @OpsImportTimeCards @OpsCloseTimeCardBatch
Feature: Ops batch import of time cards: open a batch, import cards into it, close it
  The Ops service is the older, separate ASMX service (its own endpoint, namespace and
  conventions): every call carries an OpsAuthenticationHeader (EmailAddress is the Projector user
  name, Password, and AccountName only when the e-mail is used in several accounts), and every
  answer is a ServiceResult (Ok; PartialFail: some cards failed; Fail: nothing was done) with a
  list of OpsWebError. OpsOpenTimeCardBatch returns a BatchId; OpsImportTimeCards loads cards into
  that open batch and may be called many times; OpsCloseTimeCardBatch processes the batch, and the
  cards it creates are real time cards, read through PWS PwsGetTimeCards.
  A card that fails is reported as a TimeCardError with its Index: in an import, its position in
  that call's TimeCards; at close, its position in the whole batch (0-based over all imports, in
  loading order), with its TimeCardReferenceSystemId at the end of AdditionalInfo, which is what
  that id is for. Cards that pass are created; a batch-level error changes nothing.
  Assumptions (the vendor is silent): a TimeCardReferenceSystemId may be used once per batch
  (91102); importing it again in a later batch creates another card, as the vendor says the id
  serves only to name failed cards; a closed (or voided) batch accepts no more cards.

  Background:
    Given I am logged in to Projector as "api.admin@example.com"
    And I authenticate to Ops as "api.admin@example.com"

  Scenario: Open, import in two calls, close: the cards become submitted time cards
    When I open a time card batch
    Then the Ops result is "Ok"
    And I receive a batch id
    When I import time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes | Narrative     |
      | HR-1                      | P001396-001 | E123                      | Consultant | 1.1                | 2018-04-02 | 480         | Wireframes    |
    Then the Ops result is "Ok"
    When I import time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role      | ProjectTaskTypeName | WorkDate   | WorkMinutes | Narrative |
      | HR-2                      | P001556-001 | E123                      | Developer | Support             | 2018-04-03 | 240         | Ticket 42 |
    And I close the batch
    Then the Ops result is "Ok"
    When I read the time cards of "E123" from "2018-04-02" to "2018-04-03"
    Then the time cards read include:
      | WorkDate   | WorkMinutes | CardStatus | ProjectCode | RoleUid             | TaskUid             | Description |
      | 2018-04-02 | 480         | S          | P001396-001 | 1152921504609525049 | 1152921504608637344 | Wireframes  |
      | 2018-04-03 | 240         | S          | P001556-001 | 1152921504609801802 | 1152921504608940940 | Ticket 42   |

  Scenario: ExternalGroupingIdentifier travels with the card it groups
    Page 001 says ExternalGroupingIdentifier "allows for grouping a collection of timecards to
    facilitate searching and purging". The vendor searches and purges by it in other operations:
    PwsGetTimeCardsByExternalGroupingIdentifier, PwsGetFroTimeCards (ExternalGroupingIdentifiers) and
    PwsDeleteFroTimeCards (wiki pages of those names), which the mock does not serve (its contract
    has no such operation). The Ops batch stores it on the card and PwsGetTimeCards returns it, so
    a client can group and find its cards; the close's Replace purge goes by the purge dates alone,
    as wiki:OpsCloseTimeCardBatch documents it, whatever the grouping (next scenario).
    Given an open time card batch
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes | ExternalGroupingIdentifier |
      | HR-1                      | P001396-001 | E123                      | Consultant | 1.1                | 2018-04-02 | 60          | 7001                       |
    When I close the batch
    Then the Ops result is "Ok"
    When I read the time cards of "E123" from "2018-04-02" to "2018-04-02"
    Then the time cards read include:
      | WorkMinutes | ExternalGroupingIdentifier |
      | 60          | 7001                       |

  Scenario: A Replace purge goes by the purge dates, not by ExternalGroupingIdentifier
    Given an open time card batch
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes | ContractRevenue | AdjustedRevenue | SystemRevenue | CurrencyCode | ExternalGroupingIdentifier |
      | OLD-1                     | P001396-001 | E123                      | Consultant | 1.1                | 2018-03-20 | 60          | 150.0           | 140.0           | 150.0         | USD          | 7001                       |
    When I close the batch with:
      | BatchActionType | PurgeBeginDate | PurgeEndDate |
      | Replace         | 2018-03-20     | 2018-03-20   |
    And I open a time card batch
    And I import time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes | ContractRevenue | AdjustedRevenue | SystemRevenue | CurrencyCode | ExternalGroupingIdentifier |
      | OLD-2                     | P001396-001 | E123                      | Consultant | 1.1                | 2018-03-21 | 90          | 150.0           | 140.0           | 150.0         | USD          | 7002                       |
    And I close the batch with:
      | BatchActionType | PurgeBeginDate | PurgeEndDate |
      | Replace         | 2018-03-20     | 2018-03-21   |
    Then the Ops result is "Ok"
    And E123 has 0 imported cards on 2018-03-20
    And E123 has 1 imported cards on 2018-03-21

  Scenario: Status A imports the cards as approved
    Given an open time card batch
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskName | WorkDate   | WorkMinutes |
      | HR-1                      | P001396-001 | E123                      | Consultant | Design             | 2018-04-02 | 60          |
    When I close the batch with:
      | Status |
      | A      |
    Then the Ops result is "Ok"
    When I read the time cards of "E123" from "2018-04-02" to "2018-04-02"
    Then the time cards read include:
      | WorkMinutes | CardStatus |
      | 60          | A          |

  @error-91006
  Scenario: Status must be S or A
    Given an open time card batch
    When I close the batch with:
      | Status |
      | D      |
    Then the Ops result is "Fail"
    And the Ops errors include 91006 InvalidValueForBatchStatus

  Scenario: Void drops the batch and creates nothing
    Given an open time card batch
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes |
      | HR-1                      | P001396-001 | E123                      | Consultant | 1.1                | 2018-04-02 | 60          |
    When I close the batch with:
      | BatchActionType |
      | Void            |
    Then the Ops result is "Ok"
    And E123 has 0 imported cards on 2018-04-02

  @error-91005
  Scenario: A closed batch accepts no more cards and cannot be closed again
    Given an open time card batch
    And I have closed the batch
    When I import time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | WorkDate   | WorkMinutes |
      | HR-1                      | P001396-001 | E123                      | 2018-04-02 | 60          |
    Then the Ops result is "Fail"
    And the Ops errors include 91005 BatchNotOpen
    And the answer holds an empty TimeCardErrors list
    When I close the batch
    Then the Ops errors include 91005 BatchNotOpen
    And the answer holds an empty TimeCardErrors list

  # Ops calls meet the same rate limiter as PWS (rate_limits.feature): each counts one hit toward its
  # installation and its user (an Ops call has no session). Past a limit the call fails whole with
  # 91219, near one it runs and carries 91219 as a warning; AdditionalInfo names the counts. A fault
  # rule (admin API, kind vendor-error) makes a call meet it whatever the counts.
  @error-91219
  Scenario: Past the user's limit an Ops call fails whole, and once the window has passed the next one goes through
    Given the tenant clock stands at 2018-03-09T09:00:00+00:00
    And the rate limiter is set to:
      | userLimit | warningPercent |
      | 1         | 100            |
    And an open time card batch
    When I open a time card batch
    Then the Ops result is "Fail"
    And the Ops errors include 91219 RequestExceededRateLimit
    And the Ops rate limit error names "installation 2 of 2400, user 2 of 1"
    Given 60 seconds pass
    When I open a time card batch
    Then I receive a batch id

  @error-91219
  Scenario: Near the user's limit an Ops call goes through with a warning
    Given the rate limiter is set to:
      | userLimit |
      | 2         |
    And an open time card batch
    When I open a time card batch
    Then I receive a batch id
    And the Ops result is "Ok"
    And the Ops errors include the warning 91219 RequestExceededRateLimit

  @error-91219
  Scenario: A fault rule makes a call meet the rate limit, and the next one goes through
    Given the next OpsOpenTimeCardBatch call is answered with the vendor error RequestExceededRateLimit
    When I open a time card batch
    Then the Ops result is "Fail"
    And the Ops errors include 91219 RequestExceededRateLimit
    When I open a time card batch
    Then I receive a batch id

  @error-91004
  Scenario: A batch that does not exist
    Given I use the batch id 99999
    When I close the batch
    Then the Ops result is "Fail"
    And the Ops errors include 91004 BatchNotFound

  @error-91004
  Scenario: Another account's batch is as unknown as one that does not exist
    Given an open time card batch
    And I authenticate to Ops as "shared@example.com" in the account "ACME"
    When I import time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | WorkDate   | WorkMinutes |
      | HR-1                      | P001396-001 | E123                      | 2018-04-02 | 60          |
    Then the Ops result is "Fail"
    And the Ops errors include 91004 BatchNotFound

  @error-91003
  Scenario: BatchId is required
    When I import time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | WorkDate   | WorkMinutes |
      | HR-1                      | P001396-001 | E123                      | 2018-04-02 | 60          |
    Then the Ops result is "Fail"
    And the Ops errors include 91003 BatchIdRequired

  @error-91001
  Scenario: Every call needs valid credentials in the header
    Given I authenticate to Ops as "api.admin@example.com" with the password "wrong"
    When I open a time card batch
    Then the Ops result is "Fail"
    And the Ops errors include 91001 AuthenticationFailed

  @error-91001
  Scenario: A call without the header
    Given I send no Ops authentication header
    When I open a time card batch
    Then the Ops errors include 91001 AuthenticationFailed

  @error-91102
  Scenario: A TimeCardReferenceSystemId is used once per batch
    Page 001 marks TimeCardReferenceSystemId required and says nothing of its being unique.
    Assumption (kept): a repeat within one batch is refused at import (91102), because the close
    names each failed card by this id (its AdditionalInfo), and two cards of one id would make that
    name ambiguous. No vendor source says the vendor refuses it.
    Given an open time card batch
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes |
      | HR-1                      | P001396-001 | E123                      | Consultant | 1.1                | 2018-04-02 | 60          |
    When I import time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes |
      | HR-2                      | P001396-001 | E123                      | Consultant | 1.1                | 2018-04-03 | 60          |
      | HR-1                      | P001396-001 | E123                      | Consultant | 1.1                | 2018-04-04 | 60          |
    Then the Ops result is "PartialFail"
    And card 1 failed with error 91102 DuplicateTimeCardReferenceSystemId

  Scenario: The same TimeCardReferenceSystemId in a later batch creates another card
    Given an open time card batch
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes |
      | HR-1                      | P001396-001 | E123                      | Consultant | 1.1                | 2018-04-02 | 60          |
    And I have closed the batch
    And an open time card batch
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes |
      | HR-1                      | P001396-001 | E123                      | Consultant | 1.1                | 2018-04-02 | 60          |
    When I close the batch
    Then the Ops result is "Ok"
    And E123 has 2 imported cards on 2018-04-02

  Scenario: A large import in one call
    Given an open time card batch
    When I import 2000 time cards of E123 on project P001396-001
    Then the Ops result is "Ok"
    When I close the batch
    Then the Ops result is "Ok"
    And E123 has 2000 imported cards on 2018-04-02

  @error-91002
  Scenario: An e-mail used in two accounts needs the AccountName
    Given I authenticate to Ops as "shared@example.com"
    When I open a time card batch
    Then the Ops result is "Fail"
    And the Ops errors include 91002 AccountNameRequired

  Scenario: With the AccountName the e-mail is unambiguous
    Given I authenticate to Ops as "shared@example.com" in the account "DEMO"
    When I open a time card batch
    Then the Ops result is "Ok"
