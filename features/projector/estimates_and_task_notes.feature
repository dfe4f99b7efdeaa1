@PwsSaveTimeCards
Feature: PwsSaveTimeCards saves estimates to complete and task notes
  An estimate (PwsEstimate) sets the remaining minutes of one task for one role, identified by
  ProjectTaskRoleUid or by its role and task; it applies only to projects with detailed task
  management (the PM module). A task note (PwsProjectTaskNote) is stored with its task;
  EmailPmTeamFlag records the e-mail the vendor would send the project team (the mock sends
  nothing). Each is an item of its own in EstimateResults / TaskNoteResults.

  Background:
    Given I am logged in to Projector as "e123@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"

  Scenario: Save an estimate by the task role's uid
    Given the request saves estimates:
      | ReferenceId | ProjectTaskRoleUid  | RemainingMinutes | AsOfDate   |
      | est         | 1152921504608549426 | 360              | 2018-03-09 |
    When I send the request
    Then the response status is "Ok"
    And estimate result "est" succeeded
    And estimate result "est" reports the estimate as saved:
      | RemainingMinutes | CompletedFlag | RemainingAsOfDate |
      | 360              | false         | 2018-03-09        |
    And the remaining estimate of task role 1152921504608549426 is 360 minutes

  Scenario: CompletedFlag marks the task role completed, and false reopens it
    Given the request saves estimates:
      | ReferenceId | ProjectTaskRoleUid  | RemainingMinutes | CompletedFlag |
      | est         | 1152921504608549426 | 0                | true          |
    When I send the request
    Then estimate result "est" succeeded
    And task role 1152921504608549426 is marked completed
    Given the request saves estimates:
      | ReferenceId | ProjectTaskRoleUid  | RemainingMinutes | CompletedFlag |
      | est         | 1152921504608549426 | 120              | false         |
    When I send the request
    Then estimate result "est" succeeded
    And task role 1152921504608549426 is marked open
    And the remaining estimate of task role 1152921504608549426 is 120 minutes

  Scenario: Save an estimate by role and task
    Given the request saves estimates:
      | ReferenceId | RoleUid             | TaskUid             | RemainingMinutes |
      | est         | 1152921504609525049 | 1152921504608637344 | 240              |
    When I send the request
    Then estimate result "est" succeeded
    And the remaining estimate of task role 1152921504608549426 is 240 minutes

  @error-50024 @error-20028
  Scenario: An estimate for a task role that does not exist
    Given the request saves estimates:
      | ReferenceId | ProjectTaskRoleUid  | RemainingMinutes |
      | est         | 1152921504699999999 | 60               |
    When I send the request
    Then the response reports error 20028 TimeCardErrors
    And estimate result "est" failed with error 50024 EntityNotFound

  @error-90008
  Scenario: Remaining minutes cannot be negative
    Given the request saves estimates:
      | ReferenceId | ProjectTaskRoleUid  | RemainingMinutes |
      | est         | 1152921504608549426 | -60              |
    When I send the request
    Then estimate result "est" failed with error 90008 InvalidValueForRemainingMinutes
    And the remaining estimate of task role 1152921504608549426 is 600 minutes

  @error-54700 @error-20028
  Scenario: An estimate's role must be on its task's project
    Given the request saves estimates:
      | ReferenceId | RoleUid             | TaskUid             | RemainingMinutes |
      | est         | 1152921504609801802 | 1152921504608637344 | 60               |
    When I send the request
    Then the response reports error 20028 TimeCardErrors
    And estimate result "est" failed with error 54700 RoleNotOnSameProject
    And the remaining estimate of task role 1152921504608549426 is 600 minutes

  @error-90020 @error-20028
  Scenario: An estimate needs CompletedFlag or RemainingMinutes
    The wiki's PwsEstimate: "CompletedFlag or RemainingMinutes must be specified" (no number is
    published: 90020 is the mock's).

    Given the request saves estimates:
      | ReferenceId | ProjectTaskRoleUid  |
      | est         | 1152921504608549426 |
    When I send the request
    Then the response reports error 20028 TimeCardErrors
    And estimate result "est" failed with error 90020 CompletedFlagOrRemainingMinutesRequired
    And the remaining estimate of task role 1152921504608549426 is 600 minutes

  @error-90021 @error-20028
  Scenario: A task marked completed has no minutes remaining
    The wiki's PwsEstimate: "CompletedFlag may not be set to 'true' if a non-zero value is
    specified for RemainingMinutes" (no number is published: 90021 is the mock's).

    Given the request saves estimates:
      | ReferenceId | ProjectTaskRoleUid  | RemainingMinutes | CompletedFlag |
      | est         | 1152921504608549426 | 500              | true          |
    When I send the request
    Then the response reports error 20028 TimeCardErrors
    And estimate result "est" failed with error 90021 CompletedFlagWithRemainingMinutes
    And task role 1152921504608549426 is marked open
    And the remaining estimate of task role 1152921504608549426 is 600 minutes

  Scenario: A member left out of an estimate keeps its value
    Given the request saves estimates:
      | ReferenceId | ProjectTaskRoleUid  | CompletedFlag |
      | est         | 1152921504608549426 | true          |
    When I send the request
    Then estimate result "est" succeeded
    And task role 1152921504608549426 is marked completed
    And the remaining estimate of task role 1152921504608549426 is 600 minutes
    Given the request saves estimates:
      | ReferenceId | ProjectTaskRoleUid  | RemainingMinutes |
      | est         | 1152921504608549426 | 0                |
    When I send the request
    Then estimate result "est" succeeded
    And task role 1152921504608549426 is marked completed
    And the remaining estimate of task role 1152921504608549426 is 0 minutes

  Scenario: Save a task note
    Given the request saves task notes:
      | ReferenceId | TaskUid             | Notes                     |
      | note        | 1152921504608637344 | Added via the web service |
    When I send the request
    Then the response status is "Ok"
    And task note result "note" succeeded
    And task 1152921504608637344 has the note "Added via the web service"
    And no notification e-mail was recorded

  Scenario: The answer lists the task's notes after the save, newest first
    The wiki's PwsSaveTaskNoteResult page (pageId 9373635), Example 01: its TaskNotes list the note
    of 2018-03-09T21:12 ("Added via the web service") before the note of 2018-03-04T21:42, so the
    history comes newest first. Each result lists the task's notes up to its own note.

    Given the request saves task notes:
      | ReferenceId | TaskUid             | Notes        |
      | first       | 1152921504608637344 | Started      |
      | second      | 1152921504608637344 | Half way now |
    When I send the request
    Then task note result "first" lists the task's notes:
      | ProjectTaskNotes | CreatedByUser |
      | Started          | David Reyes   |
    And task note result "second" lists the task's notes:
      | ProjectTaskNotes | CreatedByUser |
      | Half way now     | David Reyes   |
      | Started          | David Reyes   |

  Scenario: EmailPmTeamFlag records the e-mail to the project team
    Given the request saves task notes:
      | ReferenceId | TaskUid             | Notes        | EmailPmTeamFlag |
      | note        | 1152921504608637344 | Please check | true            |
    When I send the request
    Then task note result "note" succeeded
    And a notification e-mail "Note on task Design" to "pm-team@example.com" was recorded

  @error-50024
  Scenario: A note on a task that does not exist
    Given the request saves task notes:
      | ReferenceId | TaskUid             | Notes |
      | note        | 1152921504699999999 | Hello |
    When I send the request
    Then task note result "note" failed with error 50024 EntityNotFound

  @error-20028 @error-50024
  Scenario: A failed estimate stops the submit but not the cards
    Given the request sets SubmitFlag to "true"
    And the request saves estimates:
      | ReferenceId | ProjectTaskRoleUid  | RemainingMinutes |
      | est         | 1152921504699999999 | 60               |
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | card        | T            | P001396-001 | 2018-03-23 | 60          |
    When I send the request
    Then the response reports error 20028 TimeCardErrors
    And estimate result "est" failed with error 50024 EntityNotFound
    And time card result "card" succeeded
    And the time cards were not submitted

  @error-90007
  Scenario: Estimates apply only to projects with the PM module
    Given the request saves estimates:
      | ReferenceId | ProjectTaskRoleUid  | RemainingMinutes |
      | est         | 1152921504608549500 | 60               |
    When I send the request
    Then estimate result "est" failed with error 90007 EstimateRequiresPmModuleProject
