@PwsSaveTimeCards
Feature: The rules each time card and time off card must pass to be saved
  Every rule here fails the one card that breaks it (its ErrorDetail names the vendor's number
  and code) and the request answers Status Fail with 20028; the other cards are unaffected
  (see save_partial_failure.feature).

  The dataset holds what each rule needs: card 45639611 is a draft of resource E123, 45639612
  is approved, 45639613 was submitted in February 2018 (an accounting period closed for time),
  45639614 is a for-reporting-only (FRO) card, 45639615 a deleted card, 45639617 a deleted
  time off card and 45639618 an invoiced card (January 2018). Project P002000-001 requires a description and UDF 1 ("Billing Category":
  Standard, Overtime or Travel) and does not offer UDF 2. A description is also required on a card
  whose task is of a task type with NarrativeRequiredFlag (PwsTaskType), as task Support of
  P001556-001 is: the same 10111 RequiredFieldMissing naming Description as the project's rule
  (assumption: the vendor publishes no number of its own for it).

  Where a card's time goes must be open to its resource, as PwsGetTimeEntryProjectRole judges it
  (the wiki's PwsTimeEntryProject): without RoleIdentity the resource needs a role on the project
  unless the project allows booking (AllowBookingFlag), else 90013; a RoleIdentity must be a role
  of the card's resource, even where the project allows booking (64161, as PwsTransferTime and
  PwsGetTimeEntryProjectRole answer it); a task needs an assignment of the card's role (of any of
  the resource's roles there, without RoleIdentity) unless the project allows assignment
  (AllowAssignmentFlag), else 90030. The vendor publishes no number for either rule: 90013 and
  90030 are the mock's (contracts/projector/errors.csv). They are judged when a card is inserted or
  given another project, role or task, so a card saved before keeps its place when only its
  minutes change. E123 has no role on P001800-001 (no booking) and two on P001556-001, of which
  Developer is assigned to its task Support and Tester is not; P001700-001 allows booking and
  assignment and holds another resource's role, 1152921504609900002. What the submit then creates
  is in submit_time_cards.feature.

  Background:
    Given I am logged in to Projector as "e123@example.com"
    And a PwsSaveTimeCards request from "2018-02-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"

  @error-20051
  Scenario: TimecardType must be T or R
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | x           | X            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then time card result "x" failed with error 20051 InvalidValueForTimeCardType

  Scenario: A card without TimecardType takes the type of the list it is sent in
    The wiki's PwsTimeCardDetail says TimecardType is not required ("No"), and its
    PwsTimeOffCardDetail that it "will always be 'R'" there: SaveTimeCards holds time cards and
    SaveTimeOffCards time off cards, so the list tells the type. (A PwsTimecardRef, as in
    DeleteTimeCards or SubmitTimeCardIdentity, still needs it: the wiki's PwsTimeCardRef says type
    and uid are both required for the reference to be valid.) Assumption: an empty TimecardType is
    read as none sent.

    Given the request saves time cards:
      | ReferenceId | ProjectCode | WorkDate   | WorkMinutes |
      | untyped     | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then the response status is "Ok"
    And time card result "untyped" succeeded
    When I read the time cards of "E123" from "2018-03-09" to "2018-03-09"
    Then the time cards read include:
      | WorkDate   | WorkMinutes | ProjectCode |
      | 2018-03-09 | 60          | P001396-001 |

  @error-19093
  Scenario: A time off card (R) sent as a time card is unexpected
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | r           | R            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then time card result "r" failed with error 19093 UnexpectedTimeCardType

  @error-20050
  Scenario Outline: CardStatus must be a saveable approval status
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | CardStatus |
      | s           | T            | P001396-001 | 2018-03-09 | 60          | <status>   |
    When I send the request
    Then time card result "s" failed with error 20050 InvalidValueForTimeCardApprovalWorkflowStatus

    Examples: I, B and M are only valid when querying
      | status   |
      | Q        |
      | Pending  |
      | I        |
      | Billed   |

  @error-19050 @error-20028
  Scenario: A time card saved as rejected needs its RejectedReason
    The wiki's PwsTimeCardDetail requires RejectedReason "if the status = 'R'"; the number, code
    and text are those of the vendor's PwsSetTimeCardApprovalWorkflowStatus, whose error table
    gives 19050 for the same rule (the vendor publishes none for the save). A time off card's
    RejectedReason is "Ignored on save" (the wiki's PwsTimeOffCardDetail), so the rule is for time
    cards. The card saved as rejected records the reason, who rejected it and when.

    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | CardStatus | RejectedReason  |
      | bare        | T            | P001396-001 | 2018-03-09 | 60          | R          |                 |
      | why         | T            | P001396-001 | 2018-03-09 | 90          | R          | Wrong task code |
    When I send the request
    Then the response reports error 20028 TimeCardErrors
    And time card result "bare" failed with error 19050 RejectedReasonRequiredWhenRejecting
    And time card result "why" succeeded
    And time card result "why" returns the saved card with:
      | CardStatus | RejectedReason  |
      | R          | Wrong task code |

  @error-64239
  Scenario: A new card needs a work date
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkMinutes |
      | nodate      | T            | P001396-001 | 60          |
    When I send the request
    Then time card result "nodate" failed with error 64239 TimeCardWorkDateRequired

  @error-10111
  Scenario: A new time card needs a project
    Given the request saves time cards:
      | ReferenceId | TimecardType | WorkDate   | WorkMinutes |
      | noproject   | T            | 2018-03-09 | 60          |
    When I send the request
    Then time card result "noproject" failed with error 10111 RequiredFieldMissing

  @error-50024
  Scenario: A project that does not exist
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | unknown     | T            | P999999-999 | 2018-03-09 | 60          |
    When I send the request
    Then time card result "unknown" failed with error 50024 EntityNotFound

  @error-54700 @error-90005 @error-90006
  Scenario: Role, task and rate type must belong to the card's project
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | RoleUid             | TaskUid             | RateTypeUid         | WorkDate   | WorkMinutes |
      | role        | T            | P001396-001 | 1152921504609801802 |                     |                     | 2018-03-09 | 60          |
      | task        | T            | P001396-001 |                     | 1152921504608940940 |                     | 2018-03-09 | 60          |
      | rate        | T            | P001396-001 |                     |                     | 1152921504607410067 | 2018-03-09 | 60          |
    When I send the request
    Then time card result "role" failed with error 54700 RoleNotOnSameProject
    And time card result "task" failed with error 90005 TaskNotOnSameProject
    And time card result "rate" failed with error 90006 RateTypeNotOnSameProject

  @error-54205
  Scenario: A task identity without any identifying member is incomplete
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | TaskUid | WorkDate   | WorkMinutes |
      | vague       | T            | P001396-001 | none    | 2018-03-09 | 60          |
    When I send the request
    Then time card result "vague" failed with error 54205 ProjectTaskReferenceInvalid

  @error-10111
  Scenario: A project that requires a description
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | Udf1     |
      | nodesc      | T            | P002000-001 | 2018-03-09 | 60          | Standard |
      | desc        | T            | P002000-001 | 2018-03-09 | 60          | Standard |
    When I send the request
    Then time card result "nodesc" failed with error 10111 RequiredFieldMissing

  @error-10111
  Scenario: A task whose task type requires a narrative
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | RoleUid             | TaskUid             | WorkDate   | WorkMinutes | Description |
      | nodesc      | T            | P001556-001 | 1152921504609801802 | 1152921504608940940 | 2018-03-09 | 60          |             |
      | desc        | T            | P001556-001 | 1152921504609801802 | 1152921504608940940 | 2018-03-09 | 60          | Ticket 4711 |
      | notask      | T            | P001556-001 | 1152921504609801802 |                     | 2018-03-09 | 60          |             |
    When I send the request
    Then time card result "nodesc" failed with error 10111 RequiredFieldMissing
    And time card result "desc" succeeded
    And time card result "notask" succeeded

  @error-64294
  Scenario Outline: UDF values must fit the UDF metadata
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | Description | Udf1   | Udf2   |
      | udf         | T            | P002000-001 | 2018-03-09 | 60          | Fieldwork   | <udf1> | <udf2> |
    When I send the request
    Then time card result "udf" failed with error 64294 UnexpectedTimeCardUdfValue

    Examples:
      | udf1     | udf2     |
      | Holiday  |          |
      |          |          |
      | Standard | T-1234   |

  Scenario: A card that fits the UDF metadata is saved
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | Description | Udf1     |
      | udf         | T            | P002000-001 | 2018-03-09 | 60          | Fieldwork   | Overtime |
    When I send the request
    Then time card result "udf" succeeded
    And time card result "udf" returns the saved card with:
      | Udf1     |
      | Overtime |

  @error-64182
  Scenario: A card changed by another user since the client read it
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | mine        | T            | P001396-001 | 2018-03-09 | 60          |
    And I have sent the request
    And another user has changed the card saved as "mine"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | TimecardUid | Timestamp | WorkMinutes |
      | stale       | T            | @mine       | @mine     | 90          |
    When I send the request
    Then time card result "stale" failed with error 64182 TimecardHasBeenChanged

  @error-64244
  Scenario: An approved card cannot be updated
    Given the request saves time cards:
      | ReferenceId | TimecardType | TimecardId | WorkMinutes |
      | approved    | T            | 45639612   | 30          |
    When I send the request
    Then time card result "approved" failed with error 64244 UnableToUpdateTimeCard

  @error-64314
  Scenario: The status of a for-reporting-only card cannot be changed
    Given the request saves time cards:
      | ReferenceId | TimecardType | TimecardId | CardStatus |
      | fro         | T            | 45639614   | D          |
    When I send the request
    Then time card result "fro" failed with error 64314 CannotChangeStatusOfFroTimecards

  @error-64318
  Scenario: A submitted card in an accounting period closed for time cannot be changed
    Given the request saves time cards:
      | ReferenceId | TimecardType | TimecardId | WorkMinutes |
      | closed      | T            | 45639613   | 30          |
    When I send the request
    Then time card result "closed" failed with error 64318 CannotChangeSubmittedTimecardsApClosed

  @error-64334
  Scenario: A deleted time card cannot be saved
    Given the request saves time cards:
      | ReferenceId | TimecardType | TimecardId | WorkMinutes |
      | gone        | T            | 45639615   | 30          |
    When I send the request
    Then time card result "gone" failed with error 64334 SaveCardTimeCardHasBeenDeleted

  @error-64333
  Scenario: A deleted time off card cannot be saved
    Given the request saves time off cards:
      | ReferenceId | TimecardType | TimecardId | WorkMinutes |
      | gone        | R            | 45639617   | 240         |
    When I send the request
    Then time off card result "gone" failed with error 64333 TimeOffCardHasBeenDeleted

  @error-90013
  Scenario: Without a role on a project that does not allow booking, the card fails alone
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | closed      | T            | P001800-001 | 2018-03-09 | 60          |
      | mine        | T            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then time card result "closed" failed with error 90013 ResourceHasNoRoleOnProject
    And time card result "mine" succeeded

  @error-64161
  Scenario: A role of another resource is refused, even on a project that allows booking
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | RoleUid             | WorkDate   | WorkMinutes |
      | theirs      | T            | P001700-001 | 1152921504609900002 | 2018-03-09 | 60          |
      | booked      | T            | P001700-001 |                     | 2018-03-09 | 60          |
    When I send the request
    Then time card result "theirs" failed with error 64161 TimeCardResourceMismatch
    And time card result "booked" succeeded

  @error-90030
  Scenario: A task the card's role is not assigned to, on a project that does not allow assignment
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | RoleUid             | TaskUid             | WorkDate   | WorkMinutes | Description |
      | tester      | T            | P001556-001 | 1152921504609801803 | 1152921504608940940 | 2018-03-09 | 60          | Ticket 4711 |
      | developer   | T            | P001556-001 | 1152921504609801802 | 1152921504608940940 | 2018-03-09 | 60          | Ticket 4711 |
      | any-role    | T            | P001556-001 |                     | 1152921504608940940 | 2018-03-09 | 60          | Ticket 4711 |
    When I send the request
    Then time card result "tester" failed with error 90030 ResourceNotAssignedToTask
    And time card result "developer" succeeded
    And time card result "any-role" succeeded
