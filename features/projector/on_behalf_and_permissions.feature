@PwsSaveTimeCards
Feature: Entering time on behalf of others, and who may save time at all
  A user may save cards of their own resource when they may save time; cards of another
  resource need the right to enter time on behalf of others. AdministratorComments are kept
  on cards entered on behalf of someone, and SendNotificationEmailFlag records the e-mail the
  vendor would send that resource (the mock sends nothing).
  Dataset: api.admin@example.com may enter time for others; e123@example.com may enter only
  their own (E123); viewer@example.com may not save time; no.resource@example.com has no
  resource.

  @error-64335
  Scenario: A user without the right to save time
    Given I am logged in to Projector as "viewer@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E101"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | mine        | T            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then time card result "mine" failed with error 64335 NoPermissionToSaveTimeCard

  @error-64335
  Scenario: Saving for another resource needs the right to enter time on behalf of others
    Given I am logged in to Projector as "e123@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E200"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | theirs      | T            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then time card result "theirs" failed with error 64335 NoPermissionToSaveTimeCard

  Scenario: An administrator enters time on behalf of E123 and notifies them
    Given I am logged in to Projector as "api.admin@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request sets AdministratorComments to "Web Service Testing"
    And the request sets SendNotificationEmailFlag to "true"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | for-e123    | T            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then the response status is "Ok"
    And time card result "for-e123" succeeded
    And a notification e-mail "Time entered on your behalf" to "e123@example.com" was recorded
    And the card saved as "for-e123" keeps the administrator comments "Web Service Testing"
    When I read the time cards of "E123" from "2018-03-09" to "2018-03-09"
    Then the card saved as "for-e123" is read back with:
      | WorkMinutes | ProjectCode |
      | 60          | P001396-001 |

  @error-64240 @error-20028
  Scenario: A card that failed notifies nobody
    Given I am logged in to Projector as "api.admin@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request sets SendNotificationEmailFlag to "true"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | for-e123    | T            | P001396-001 | 2018-03-09 | -5          |
    When I send the request
    Then the response reports error 20028 TimeCardErrors
    And time card result "for-e123" failed with error 64240 InvalidValueForTimeCardWorkMinutes
    And no notification e-mail was recorded

  Scenario: Without SendNotificationEmailFlag nobody is notified
    Given I am logged in to Projector as "api.admin@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | for-e123    | T            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then time card result "for-e123" succeeded
    And no notification e-mail was recorded

  @error-64161
  Scenario: The request's resource must be the card's resource
    Given I am logged in to Projector as "api.admin@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E200"
    And the request saves time cards:
      | ReferenceId | TimecardType | TimecardId | WorkMinutes |
      | e123s       | T            | 45639611   | 30          |
    When I send the request
    Then time card result "e123s" failed with error 64161 TimeCardResourceMismatch

  @error-50024
  Scenario: A resource that does not exist is refused as a whole
    Given I am logged in to Projector as "api.admin@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E999"
    When I send the request
    Then the response status is "Fail"
    And the response reports error 50024 EntityNotFound

  Scenario: By default any user who may save a card may save it approved, their own included
    Who may approve or reject through a save is where the vendor's pages differ, so it is an
    account setting. Page 002's 20050 lists A (Approved) and R (Rejected) among the CardStatus
    values a save takes ("I, B and M are only valid when querying"), and no page names a permission
    for them on the save: by default a user who may save a card may save it approved or rejected,
    as this resource does with its own. The wiki, though, gives approval its own operation
    (PwsSetTimeCardApprovalWorkflowStatus) and each card its approvers (PwsGetTimeCardApprovers),
    and a resource approving its own time is what approval exists to prevent: an account with
    pr_account.save_approval_by_approvers_only set (`"save_approval_by_approvers_only": 1` on a
    dataset's account row) lets a save set A or R only where the caller may enter time for others
    and the card is not their own resource's, else the card fails with 65723, the number that
    operation's error table gives a status change to an ineligible card. Assumption: the mock
    holds no approver list, so the right to enter time for others stands for being an approver.

    Given I am logged in to Projector as "e123@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | CardStatus |
      | mine        | T            | P001396-001 | 2018-03-09 | 60          | A          |
    When I send the request
    Then time card result "mine" succeeded
    And time card result "mine" returns the saved card with:
      | CardStatus |
      | A          |

  @error-65723 @error-20028
  Scenario: An account that keeps approval to approvers refuses a resource approving its own card
    Given the account "DEMO" lets only approvers approve or reject through a save
    And I am logged in to Projector as "e123@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | CardStatus | RejectedReason |
      | approved    | T            | P001396-001 | 2018-03-09 | 60          | A          |                |
      | rejected    | T            | P001396-001 | 2018-03-09 | 60          | R          | Not mine       |
      | submitted   | T            | P001396-001 | 2018-03-09 | 60          | S          |                |
    When I send the request
    Then the response reports error 20028 TimeCardErrors
    And time card result "approved" failed with error 65723 StatusChangeCannotBeCompletedCostCardsChangedOrIneligible
    And time card result "rejected" failed with error 65723 StatusChangeCannotBeCompletedCostCardsChangedOrIneligible
    And time card result "submitted" succeeded

  Scenario: An account that keeps approval to approvers lets an administrator approve another's card
    Given the account "DEMO" lets only approvers approve or reject through a save
    And I am logged in to Projector as "api.admin@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | CardStatus |
      | approved    | T            | P001396-001 | 2018-03-09 | 60          | A          |
    When I send the request
    Then time card result "approved" succeeded
