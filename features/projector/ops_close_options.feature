@OpsCloseTimeCardBatch
Feature: OpsCloseTimeCardBatch's options: first role, first task, task codes, rules override, replace mode
  - UseFirstRoleFlag: a card without a Role gets the project's first role (else 91204).
  - UseFirstTaskFlag: a card without its task gets the project's first task (else 91206/91207).
  - CreateTaskCodesFlag: a named task the project does not have is created (else 91208).
  - OverrideRulesFlag: the project status, project dates, resource status, booked-resources-only
    and narrative-required rules are not applied (Import only).
  - BatchActionType Replace: the for-reporting-only (FRO) cards from PurgeBeginDate to PurgeEndDate
    are purged (an absent bound purges everything on that side; an end before the begin purges
    nothing) and the batch is imported as FRO cards, always approved, each needing ContractRevenue,
    AdjustedRevenue, SystemRevenue and a known CurrencyCode. Where the account setting "Prevent
    Unbounded Deletion of FRO Time and Cost Cards" is on, a batch without both dates purges nothing;
    one date still purges everything on the other side, as the wiki words it. The setting is off in
    the default dataset (a tenant's dataset or snapshot sets it: pr_account.prevent_unbounded_fro_deletion).

  Background:
    Given I authenticate to Ops as "api.admin@example.com"
    And an open time card batch

  Scenario: UseFirstRoleFlag and UseFirstTaskFlag fill in what a card leaves out
    Given I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | WorkDate   | WorkMinutes |
      | HR-1                      | P001396-001 | E123                      | 2018-04-02 | 60          |
    When I close the batch with:
      | UseFirstRoleFlag | UseFirstTaskFlag |
      | true             | true             |
    Then the Ops result is "Ok"
    And E123 has 1 imported cards on 2018-04-02

  Scenario: CreateTaskCodesFlag creates a task the project lacks
    Given I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role      | ProjectTaskTypeName | WorkDate   | WorkMinutes |
      | HR-1                      | P001556-001 | E123                      | Developer | Gardening           | 2018-04-02 | 60          |
    When I close the batch with:
      | CreateTaskCodesFlag |
      | true                |
    Then the Ops result is "Ok"
    And E123 has 1 imported cards on 2018-04-02

  Scenario: OverrideRulesFlag lets cards past the project and resource rules
    Given I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectTaskTypeName | ProjectWbsTaskCode | WorkDate   | WorkMinutes |
      | HR-1                      | P001900-001 | E123                      | Consultant | General             |                    | 2018-04-02 | 60          |
      | HR-2                      | P002000-001 | E123                      | Auditor    | Fieldwork           |                    | 2018-04-02 | 60          |
    When I close the batch with:
      | OverrideRulesFlag | CreateTaskCodesFlag |
      | true              | true                |
    Then the Ops result is "Ok"
    And E123 has 2 imported cards on 2018-04-02

  @error-91215
  Scenario: OverrideRulesFlag does not apply to a Replace batch
    Given I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectTaskTypeName | WorkDate   | WorkMinutes | ContractRevenue | AdjustedRevenue | SystemRevenue | CurrencyCode |
      | HR-1                      | P001900-001 | E123                      | Consultant | General             | 2018-04-02 | 60          | 150.0           | 140.0           | 150.0         | USD          |
    When I close the batch with:
      | BatchActionType | OverrideRulesFlag | CreateTaskCodesFlag | PurgeBeginDate | PurgeEndDate |
      | Replace         | true              | true                | 2018-04-01     | 2018-04-30   |
    Then the Ops result is "Fail"
    And card 0 failed with error 91215 ProjectClosedForTime
    And E123 has 0 imported cards on 2018-04-02

  @error-91215
  Scenario: A Replace batch whose every card fails purges nothing
    Given I am logged in to Projector as "api.admin@example.com"
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectTaskTypeName | WorkDate   | WorkMinutes | ContractRevenue | AdjustedRevenue | SystemRevenue | CurrencyCode |
      | NEW-1                     | P001900-001 | E123                      | Consultant | General             | 2018-03-07 | 60          | 150.0           | 140.0           | 150.0         | USD          |
    When I close the batch with:
      | BatchActionType | PurgeBeginDate | PurgeEndDate |
      | Replace         | 2018-03-01     | 2018-03-31   |
    Then the Ops result is "Fail"
    And card 0 failed with error 91215 ProjectClosedForTime
    When I read the time cards of "E123" from "2018-03-01" to "2018-03-31"
    Then the time cards read include:
      | TimecardId |
      | 45639614   |

  Scenario: Replace mode purges the FRO cards in the range and imports the batch as FRO cards
    Given I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes | ContractRevenue | AdjustedRevenue | SystemRevenue | CurrencyCode |
      | OLD-1                     | P001396-001 | E123                      | Consultant | 1.1                | 2018-03-07 | 90          | 150.0           | 140.0           | 150.0         | USD          |
    When I close the batch with:
      | BatchActionType | PurgeBeginDate | PurgeEndDate |
      | Replace         | 2018-03-01     | 2018-03-31   |
    Then the Ops result is "Ok"
    And E123 has 1 imported cards on 2018-03-07
    And the cards of E123 on 2018-03-07 are for reporting only with contract revenue 150.0

  Scenario: Replace mode with the end before the begin purges nothing
    Given I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes | ContractRevenue | AdjustedRevenue | SystemRevenue | CurrencyCode |
      | OLD-1                     | P001396-001 | E123                      | Consultant | 1.1                | 2018-03-07 | 90          | 150.0           | 140.0           | 150.0         | USD          |
    When I close the batch with:
      | BatchActionType | PurgeBeginDate | PurgeEndDate |
      | Replace         | 2018-03-31     | 2018-03-01   |
    Then E123 has 2 imported cards on 2018-03-07

  @error-91211 @error-91212
  Scenario: Replace mode needs the revenue fields and a known currency
    Given I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes | ContractRevenue | AdjustedRevenue | SystemRevenue | CurrencyCode |
      | OLD-1                     | P001396-001 | E123                      | Consultant | 1.1                | 2018-03-20 | 90          | 150.0           |                 |               |              |
      | OLD-2                     | P001396-001 | E123                      | Consultant | 1.1                | 2018-03-21 | 90          | 150.0           | 140.0           | 150.0         | XYZ          |
    When I close the batch with:
      | BatchActionType |
      | Replace         |
    Then the Ops result is "Fail"
    And card 0 failed with error 91211 RevenueRequiredInReplaceMode
    And card 1 failed with error 91212 CurrencyNotFound

  Scenario: Replace mode without purge dates purges every FRO card
    Given I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes | ContractRevenue | AdjustedRevenue | SystemRevenue | CurrencyCode |
      | OLD-1                     | P001396-001 | E123                      | Consultant | 1.1                | 2018-03-07 | 90          | 150.0           | 140.0           | 150.0         | USD          |
    When I close the batch with:
      | BatchActionType |
      | Replace         |
    Then the Ops result is "Ok"
    And E123 has 1 imported cards on 2018-03-07

  Scenario: An account that prevents unbounded deletion of FRO cards purges nothing without purge dates
    Given the account "DEMO" prevents unbounded deletion of FRO time and cost cards
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes | ContractRevenue | AdjustedRevenue | SystemRevenue | CurrencyCode |
      | OLD-1                     | P001396-001 | E123                      | Consultant | 1.1                | 2018-03-07 | 90          | 150.0           | 140.0           | 150.0         | USD          |
    When I close the batch with:
      | BatchActionType |
      | Replace         |
    Then the Ops result is "Ok"
    And E123 has 2 imported cards on 2018-03-07

  Scenario: With unbounded deletion prevented, one purge date still purges everything on the other side
    Given the account "DEMO" prevents unbounded deletion of FRO time and cost cards
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes | ContractRevenue | AdjustedRevenue | SystemRevenue | CurrencyCode |
      | OLD-1                     | P001396-001 | E123                      | Consultant | 1.1                | 2018-03-07 | 90          | 150.0           | 140.0           | 150.0         | USD          |
    When I close the batch with:
      | BatchActionType | PurgeEndDate |
      | Replace         | 2018-03-31   |
    Then the Ops result is "Ok"
    And E123 has 1 imported cards on 2018-03-07

  # Each Projector account keeps its own projects and resources (the Ops header names the account:
  # AccountName), so a batch closes against its account's alone, and a Replace batch purges the FRO
  # cards on its account's projects alone. Assumption: the wiki does not say so in words; it is what
  # an account (a separate customer) means. The default dataset's second account, ACME, has project
  # A000100-001 and resource A100; a dataset row without account_uid is seen by every account.
  @error-91201 @error-91203
  Scenario: A batch of another account sees neither DEMO's projects nor its resources
    Given I authenticate to Ops as "shared@example.com" in the account "ACME"
    And an open time card batch
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectWbsTaskCode | WorkDate   | WorkMinutes |
      | AC-1                      | P001396-001 | E123                      | Consultant | 1.1                | 2018-04-02 | 60          |
      | AC-2                      | A000100-001 | E123                      | Consultant |                    | 2018-04-02 | 60          |
    When I close the batch
    Then the Ops result is "Fail"
    And card 0 failed with error 91201 ProjectNotFound
    And card 1 failed with error 91203 ResourceNotFound
    And E123 has 0 imported cards on 2018-04-02

  Scenario: A Replace batch of another account leaves DEMO's FRO cards alone
    Given I authenticate to Ops as "shared@example.com" in the account "ACME"
    And an open time card batch
    And I have imported time cards:
      | TimeCardReferenceSystemId | ProjectCode | ResourceReferenceSystemId | Role       | ProjectTaskTypeName | WorkDate   | WorkMinutes | ContractRevenue | AdjustedRevenue | SystemRevenue | CurrencyCode |
      | AC-1                      | A000100-001 | A100                      | Consultant | General             | 2018-03-07 | 90          | 150.0           | 140.0           | 150.0         | USD          |
    When I close the batch with:
      | BatchActionType | PurgeBeginDate | PurgeEndDate |
      | Replace         | 2018-03-01     | 2018-03-31   |
    Then the Ops result is "Ok"
    And E123 has 1 imported cards on 2018-03-07
