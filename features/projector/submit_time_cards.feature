@PwsSaveTimeCards
Feature: PwsSaveTimeCards submits time cards after saving them
  With SubmitFlag the request submits, after every save, delete, estimate and note succeeded:
  - SubmitTimeCardIdentity: that card only;
  - else SubmitSavedCardsOnlyFlag: the cards this request saved (page 002 describes the flag as
    submitting "draft time cards associated with the provided resource identity"; the current
    wiki's EndDate makes it a mode of SubmitFlag: the range "Only applies when SubmitFlag is true,
    SubmitTimeCardIdentity is not specified and SubmitSavedCardsOnlyFlag is false", and page 002's
    SubmitFlag is what performs "a submit operation". So alone it submits nothing, and is no error.
    Assumption: the vendor does not say what the flag alone does; a client that sends both works
    whichever the vendor means);
  - else every draft or rejected card of the resource (ResourceIdentity, or the caller's own)
    with a work date from StartDate to EndDate.
  The range bounds only the cards a submit sweeps (the current wiki: EndDate "Only applies when
  SubmitFlag is true, SubmitTimeCardIdentity is not specified and SubmitSavedCardsOnlyFlag is
  false"): a card named by SubmitTimeCardIdentity may have any work date. Where the account follows
  page 002 instead (pr_account.save_range_bounds_every_card, save_date_rules.feature), that card
  must have its work date within StartDate..EndDate, and another fails the submit with 64295.
  SubmittedFlag tells whether the submit happened. A submit that fails changes no card's
  status (it is all or nothing) and is reported in Messages; the saves stay.
  Approved and for-reporting-only cards are left as they are when submitting a range.
  A submitted card gets what its project let it be saved without (the wiki's PwsTimeEntryProject:
  a role "will be created when the time card is submitted", and so will a task assignment): a card
  without a role takes its resource's one role on the project, created when it has none and the
  project allows booking (named after the resource, as the vendor's roles created on the fly are);
  a task its role is not assigned to gets the assignment where the project allows assignment. A
  card without a role whose resource has several there keeps none, so no assignment is made for it
  (assumption: the vendor does not say which role it would pick). A card saved with CardStatus S is
  submitted as it is saved, and gets the same.

  Background:
    Given I am logged in to Projector as "e123@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request sets SubmitFlag to "true"

  Scenario: Submit every draft card of my range
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | new         | T            | P001396-001 | 2018-03-22 | 60          |
    When I send the request
    Then the response status is "Ok"
    And the time cards were submitted
    When I read the time cards of "E123" from "2018-03-01" to "2018-03-31"
    Then the time cards read include:
      | TimecardId | CardStatus |
      | 45639611   | S          |
      | 45639612   | A          |
      | 45639614   | A          |
    And the card saved as "new" is read back with:
      | CardStatus | Status    |
      | S          | Submitted |

  Scenario: SubmitSavedCardsOnlyFlag submits only the cards this request saved
    Given the request sets SubmitSavedCardsOnlyFlag to "true"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | new         | T            | P001396-001 | 2018-03-22 | 60          |
    When I send the request
    Then the time cards were submitted
    When I read the time cards of "E123" from "2018-03-01" to "2018-03-31"
    Then the card saved as "new" is read back with:
      | CardStatus |
      | S          |
    And the time cards read include:
      | TimecardId | CardStatus |
      | 45639611   | D          |

  Scenario: SubmitTimeCardIdentity submits that card only
    Given the request's SubmitTimeCardIdentity is time card 45639611
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | new         | T            | P001396-001 | 2018-03-22 | 60          |
    When I send the request
    Then the time cards were submitted
    When I read the time cards of "E123" from "2018-03-01" to "2018-03-31"
    Then the time cards read include:
      | TimecardId | CardStatus |
      | 45639611   | S          |
    And the card saved as "new" is read back with:
      | CardStatus |
      | D          |

  Scenario: SubmitTimeCardIdentity without SubmitFlag submits nothing
    Page 002: SubmitTimeCardIdentity names "the specific time card(s) to be submitted, see
    SubmitFlag"; without SubmitFlag no submit is performed.

    Given the request sets SubmitFlag to "false"
    And the request's SubmitTimeCardIdentity is time card 45639611
    When I send the request
    Then the response status is "Ok"
    And the time cards were not submitted
    When I read the time cards of "E123" from "2018-03-01" to "2018-03-31"
    Then the time cards read include:
      | TimecardId | CardStatus |
      | 45639611   | D          |

  Scenario: SubmitSavedCardsOnlyFlag without SubmitFlag submits nothing
    Given the request sets SubmitFlag to "false"
    And the request sets SubmitSavedCardsOnlyFlag to "true"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | new         | T            | P001396-001 | 2018-03-22 | 60          |
    When I send the request
    Then the response status is "Ok"
    And the time cards were not submitted
    When I read the time cards of "E123" from "2018-03-22" to "2018-03-22"
    Then the card saved as "new" is read back with:
      | CardStatus |
      | D          |

  @error-64340
  Scenario: A deleted card cannot be submitted
    Given the request's SubmitTimeCardIdentity is time card 45639615
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64340 SubmitCardTimeCardHasBeenDeleted
    And the time cards were not submitted

  @error-64314
  Scenario: A for-reporting-only card cannot be submitted
    Given the request's SubmitTimeCardIdentity is time card 45639614
    When I send the request
    Then the response reports error 64314 CannotChangeStatusOfFroTimecards
    And the time cards were not submitted

  Scenario: A card to submit by its identity outside the request's range is submitted (the current wiki)
    Given a PwsSaveTimeCards request from "2018-04-01" to "2018-04-30"
    And the request sets SubmitFlag to "true"
    And the request's SubmitTimeCardIdentity is time card 45639611
    When I send the request
    Then the response status is "Ok"
    And the time cards were submitted
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | CardStatus |
      | 45639611   | S          |

  @error-64295
  Scenario: Where the account follows page 002, a card to submit outside the request's range is not submitted
    Given the account "DEMO" bounds every card a save touches by its StartDate and EndDate
    And a PwsSaveTimeCards request from "2018-04-01" to "2018-04-30"
    And the request sets SubmitFlag to "true"
    And the request's SubmitTimeCardIdentity is time card 45639611
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64295 TimeCardWorkDateOutOfRange
    And the time cards were not submitted

  @error-64299
  Scenario: A card to submit that does not exist
    Given the request's SubmitTimeCardIdentity is time card 99999999
    When I send the request
    Then the response reports error 64299 OneOrMoreTimeCardsNotFound
    And the time cards were not submitted

  @error-64340
  Scenario: A failed submit leaves the saved cards saved, as drafts
    Given the request's SubmitTimeCardIdentity is time card 45639615
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | new         | T            | P001396-001 | 2018-03-22 | 60          |
    When I send the request
    Then time card result "new" succeeded
    And the response reports error 64340 SubmitCardTimeCardHasBeenDeleted
    When I read the time cards of "E123" from "2018-03-22" to "2018-03-22"
    Then the card saved as "new" is read back with:
      | CardStatus |
      | D          |

  Scenario: On a project that allows booking, the submit creates my role
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | booked      | T            | P001700-001 | 2018-03-22 | 60          |
    When I send the request
    Then time card result "booked" succeeded
    And the time cards were submitted
    And E123 has a role "David Reyes" on project "P001700-001"
    When I read the time cards of "E123" from "2018-03-01" to "2018-03-31"
    Then the project read is "P001700-001" with:
      | AllowBookingFlag | RoleCount |
      | true             | 1         |

  Scenario: On a project that allows assignment, the submit assigns my new role to the task
    Given the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | TaskUid             | WorkDate   | WorkMinutes |
      | assigned    | T            | P001700-001 | 1152921504615847017 | 2018-03-22 | 60          |
    And I have sent the request
    And a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001700-001"
    When I send the request
    Then the response status is "Ok"
    And the time entry project is "P001700-001" with:
      | AllowAssignmentFlag | RoleCount |
      | true                | 1         |
    And the time cards read are exactly @assigned
    And E123's role "David Reyes" is assigned to task 1152921504615847017
