@PwsSaveTimeCards
Feature: PwsSaveTimeCards' date range: StartDate and EndDate, and the cards they bound
  StartDate and EndDate are required and must be midnight UTC; a request that breaks these
  rules is refused as a whole (Status Fail, nothing saved), each broken rule reported. A work
  date outside the supported range (1900-01-01 to 2079-06-06, SQL Server's smalldatetime) fails
  its card alone with 64295 TimeCardWorkDateOutOfRange ("Specified work date outside of supported
  date range").

  Which cards the range bounds: the two vendor sources conflict, and a client sees the difference
  (it saves last week's card while it submits this week), so it is an account setting,
  pr_account.save_range_bounds_every_card:
  - off (the default): the current wiki's PwsSaveTimeCards page. EndDate is "the end of the date
    range over which to submit cards. Only applies when SubmitFlag is true, SubmitTimeCardIdentity
    is not specified and SubmitSavedCardsOnlyFlag is false." The range bounds only the cards a
    submit sweeps (submit_time_cards.feature); a card saved, deleted or submitted by its identity
    may have any work date in the supported range. 64295's own words speak of the "supported date
    range", not the request's.
  - on: page 002 (an older revision of the page): "Only time cards with work or time off dates on
    or after this StartDate [on or prior to this EndDate] will be included when the web service is
    executed." A card saved, deleted or submitted by identity outside StartDate..EndDate fails with
    64295 (a saved or deleted card alone, with 20028; a submit as a whole).

  Assumption: an instant without a time zone (2018-03-01T00:00:00, as .NET writes a DateTime of
  kind Unspecified and zeep a naive datetime) is read as UTC, so its midnight is midnight UTC
  (the rule is the same for PwsGetTimeCards and PwsGetTimeEntryProjectRoles). The vendor says only
  "expressed as midnight UTC"; .NET reads a value without a zone as kind Unspecified, which
  ToUniversalTime() takes as the server's local time, and the mock takes that to be UTC, as it
  takes the instant an offset names. A client whose proxy drops the zone would otherwise fail
  against the mock on a date the vendor may well accept. An instant with an offset is the instant
  it names, as .NET reads it (2018-02-28T19:00:00-05:00 is midnight UTC on 1 March), and .NET
  keeps 100 ns: a seventh fraction digit past midnight is past it.

  Background:
    Given I am logged in to Projector as "e123@example.com"

  @error-20001
  Scenario: StartDate is required
    Given a PwsSaveTimeCards request from "none" to "2018-03-31"
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20001 TimeCardStartDateRequired

  @error-20002
  Scenario: EndDate is required
    Given a PwsSaveTimeCards request from "2018-03-01" to "none"
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20002 TimeCardEndDateRequired

  @error-20001 @error-20002
  Scenario: Both missing dates are reported at once
    Given a PwsSaveTimeCards request from "none" to "none"
    When I send the request
    Then the response reports error 20001 TimeCardStartDateRequired
    And the response reports error 20002 TimeCardEndDateRequired

  @error-20003
  Scenario Outline: StartDate must be midnight UTC
    Given a PwsSaveTimeCards request from "<start>" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | 1           | T            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20003 InvalidValueForTimeCardStartDate
    When I read the time cards of "E123" from "2018-03-09" to "2018-03-09"
    Then the time cards read are exactly none

    Examples:
      | start                     |
      | 2018-03-01T05:00:00Z      |
      | 2018-03-01T00:00:00-05:00 |
      | 2018-03-01T05:00:00       |
      | 2018-03-01T00:00:00.0000001Z |
      | 9999-12-31T23:59:59.9999999-05:00 |

  @error-20004
  Scenario: EndDate must be midnight UTC
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31T23:59:59Z"
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20004 InvalidValueForTimeCardEndDate

  Scenario Outline: Midnight UTC may be written in any zone, without one, and with fractions of a second
    Given a PwsSaveTimeCards request from "<start>" to "2018-03-31T00:00:00.0000000Z"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | 1           | T            | P001396-001 | 2018-03-01 | 60          |
    When I send the request
    Then the response status is "Ok"

    Examples:
      | start                         |
      | 2018-03-01T00:00:00.000+00:00 |
      | 2018-03-01T01:00:00+01:00     |
      | 2018-02-28T19:00:00-05:00     |
      | 2018-03-01T00:00:00           |
      | 2018-03-01T00:00:00.0000000   |

  Scenario: A card outside the request's range is saved (the current wiki, the default)
    Given a PwsSaveTimeCards request from "2018-03-09" to "2018-03-09"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | inside      | T            | P001396-001 | 2018-03-09 | 60          |
      | after       | T            | P001396-001 | 2018-03-10 | 60          |
    When I send the request
    Then the response status is "Ok"
    And time card result "inside" succeeded
    And time card result "after" succeeded

  @error-64295 @error-20028
  Scenario: Where the account follows page 002, a card outside the request's range fails alone
    Given the account "DEMO" bounds every card a save touches by its StartDate and EndDate
    And a PwsSaveTimeCards request from "2018-03-09" to "2018-03-09"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | inside      | T            | P001396-001 | 2018-03-09 | 60          |
      | after       | T            | P001396-001 | 2018-03-10 | 60          |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20028 TimeCardErrors
    And time card result "inside" succeeded
    And time card result "after" failed with error 64295 TimeCardWorkDateOutOfRange

  @error-64295
  Scenario: A work date outside the supported range
    Given a PwsSaveTimeCards request from "1899-12-01" to "1899-12-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | old         | T            | P001396-001 | 1899-12-15 | 60          |
    When I send the request
    Then time card result "old" failed with error 64295 TimeCardWorkDateOutOfRange

  @error-20003
  Scenario: A save refused for its dates answers SubmittedFlag false
    The refused request answers no results, yet WCF writes every data member, an unset value type as
    its type's default (Microsoft Learn, DataMemberAttribute.EmitDefaultValue: "The default is true"):
    SubmittedFlag comes back false, not left out, even when SubmitFlag asked for a submit.
    Given a PwsSaveTimeCards request from "2018-03-01T05:00:00Z" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request sets SubmitFlag to "true"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | 1           | T            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20003 InvalidValueForTimeCardStartDate
    And the time cards were not submitted
