@PwsSaveTimeCards
Feature: PwsSaveTimeCards deletes time cards and time off cards
  DeleteTimeCards and DeleteTimeOffCards list PwsTimecardRef identities (TimecardType plus
  TimecardUid or TimecardId). Each deletion is an item of its own: it succeeds or fails alone
  and is reported in TimecardResults / TimeOffCardResults under the ReferenceId of its ref, with
  no card (assumption: the vendor does not say where delete results go). A deleted card stays
  known to the service, so deleting it again answers "deleted", not "does not exist".
  An empty DeleteTimeCards or DeleteTimeOffCards (<DeleteTimeCards/>: what a generated proxy
  sends for an empty array) deletes nothing. The two readings are both defensible, so it is an
  account setting, pr_account.refuse_empty_delete_lists:
  - off (the default): page 002 and the current wiki mark both lists "No" (not required) and
    describe them only as "The identity of the time card(s) that will be deleted"; the mock reads
    an empty SaveTimeCards, Estimates or Tasks as none, and an empty delete list alike.
  - on: page 002's error table holds 20033 TimeCardIdentitiesRequired, "One or more time card
    identities must be specified.", whose words fit an empty list of identities, and a delete
    list is the only list of identities PwsSaveTimeCards has; the whole call is refused (Status
    Fail, nothing saved). Assumption: the vendor does not say which member 20033 guards; with the
    setting off PwsSaveTimeCards never answers it.
  A deletion is not bounded by StartDate..EndDate (the current wiki: they bound the cards a submit
  sweeps). Where the account follows page 002 instead (pr_account.save_range_bounds_every_card,
  save_date_rules.feature: "Only time cards with work or time off dates on or after this StartDate
  will be included"), a card outside the range fails alone with 64295.

  Background:
    Given I am logged in to Projector as "e123@example.com"
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"

  Scenario: Delete a draft card
    Given the request deletes time cards:
      | ReferenceId | TimecardType | TimecardId |
      | del         | T            | 45639611   |
    When I send the request
    Then the response status is "Ok"
    And time card result "del" succeeded
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read are exactly none

  Scenario: Delete a time off card by its uid
    Given the request deletes time off cards:
      | ReferenceId | TimecardType | TimecardUid         |
      | del         | R            | 1152921504652486592 |
    When I send the request
    Then time off card result "del" succeeded
    When I read the time cards of "E123" from "2018-03-12" to "2018-03-12"
    Then the time cards read are exactly none

  @error-64332
  Scenario: A deleted time card cannot be deleted again
    Given the request deletes time cards:
      | ReferenceId | TimecardType | TimecardId |
      | again       | T            | 45639615   |
    When I send the request
    Then the response status is "Fail"
    And time card result "again" failed with error 64332 TimeCardHasBeenDeleted

  @error-64333
  Scenario: A deleted time off card cannot be deleted again
    Given the request deletes time off cards:
      | ReferenceId | TimecardType | TimecardId |
      | again       | R            | 45639617   |
    When I send the request
    Then time off card result "again" failed with error 64333 TimeOffCardHasBeenDeleted

  @error-64299
  Scenario: A card that does not exist
    Given the request deletes time cards:
      | ReferenceId | TimecardType | TimecardUid         |
      | nothing     | T            | 1152921504699999999 |
    When I send the request
    Then time card result "nothing" failed with error 64299 OneOrMoreTimeCardsNotFound

  @error-64299
  Scenario: A time off card that does not exist
    Given the request deletes time off cards:
      | ReferenceId | TimecardType | TimecardUid         |
      | nothing     | R            | 1152921504699999999 |
    When I send the request
    Then time off card result "nothing" failed with error 64299 OneOrMoreTimeCardsNotFound

  @error-64220
  Scenario: An identity with neither id nor uid is incomplete
    Given the request deletes time cards:
      | ReferenceId | TimecardType |
      | vague       | T            |
    When I send the request
    Then time card result "vague" failed with error 64220 InvalidTimeCard

  @error-19093
  Scenario: A time off card in DeleteTimeCards is unexpected
    Given the request deletes time cards:
      | ReferenceId | TimecardType | TimecardId |
      | wrong-list  | R            | 45639616   |
    When I send the request
    Then time card result "wrong-list" failed with error 19093 UnexpectedTimeCardType

  @error-64244
  Scenario: An approved card cannot be deleted
    Given the request deletes time cards:
      | ReferenceId | TimecardType | TimecardId |
      | approved    | T            | 45639612   |
    When I send the request
    Then time card result "approved" failed with error 64244 UnableToUpdateTimeCard

  Scenario Outline: An empty list of cards to delete deletes nothing (the default)
    Given the request's <list> is empty
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | new         | T            | P001396-001 | 2018-03-22 | 60          |
    When I send the request
    Then the response status is "Ok"
    And time card result "new" succeeded

    Examples:
      | list               |
      | DeleteTimeCards    |
      | DeleteTimeOffCards |

  @error-20033
  Scenario Outline: Where the account refuses empty lists, an empty list of cards to delete refuses the call
    Given the account "DEMO" refuses an empty list of cards to delete
    And the request's <list> is empty
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | new         | T            | P001396-001 | 2018-03-22 | 60          |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20033 TimeCardIdentitiesRequired
    When I read the time cards of "E123" from "2018-03-22" to "2018-03-22"
    Then the time cards read are exactly none

    Examples:
      | list               |
      | DeleteTimeCards    |
      | DeleteTimeOffCards |

  @error-20028 @error-64332
  Scenario: A failed deletion does not stop the others
    Given the request deletes time cards:
      | ReferenceId | TimecardType | TimecardId |
      | again       | T            | 45639615   |
      | del         | T            | 45639611   |
    When I send the request
    Then the response reports error 20028 TimeCardErrors
    And time card result "again" failed with error 64332 TimeCardHasBeenDeleted
    And time card result "del" succeeded

  Scenario: A card outside the request's range is deleted (the current wiki)
    Given a PwsSaveTimeCards request from "2018-04-01" to "2018-04-30"
    And the request deletes time cards:
      | ReferenceId | TimecardType | TimecardId |
      | del         | T            | 45639611   |
    When I send the request
    Then the response status is "Ok"
    And time card result "del" succeeded
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read are exactly none

  @error-64295 @error-20028
  Scenario: Where the account follows page 002, a card outside the request's range is not deleted
    Given the account "DEMO" bounds every card a save touches by its StartDate and EndDate
    And a PwsSaveTimeCards request from "2018-04-01" to "2018-04-30"
    And the request deletes time cards:
      | ReferenceId | TimecardType | TimecardId |
      | del         | T            | 45639611   |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20028 TimeCardErrors
    And time card result "del" failed with error 64295 TimeCardWorkDateOutOfRange
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read are exactly 45639611
