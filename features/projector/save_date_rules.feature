@PwsSaveTimeCards
Feature: PwsSaveTimeCards' date range: StartDate and EndDate bound the cards a request affects
  StartDate and EndDate are required and must be midnight UTC; a request that breaks these
  rules is refused as a whole (Status Fail, nothing saved), each broken rule reported. Only
  cards with work dates from StartDate to EndDate (both included) may be saved; a card outside
  fails alone with 64295, like a work date outside the supported range (1900-01-01 to
  2079-06-06, SQL Server's smalldatetime).

  Assumption: an instant without a time zone (2018-03-01T00:00:00) is not "expressed as midnight
  UTC" and is refused; send Z or an offset. An instant with an offset is the instant it names, as
  .NET reads it (2018-02-28T19:00:00-05:00 is midnight UTC on 1 March), and .NET keeps 100 ns: a
  seventh fraction digit past midnight is past it. The vendor's wiki today describes EndDate as the end of
  the submit range; our page 002 says it bounds the cards affected, and the mock follows 002.

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
      | 2018-03-01T00:00:00       |
      | 2018-03-01T00:00:00.0000001Z |
      | 9999-12-31T23:59:59.9999999-05:00 |

  @error-20004
  Scenario: EndDate must be midnight UTC
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31T23:59:59Z"
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20004 InvalidValueForTimeCardEndDate

  Scenario Outline: Midnight UTC may be written in any zone and with fractions of a second
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

  @error-64295 @error-20028
  Scenario: A card outside the request's range fails alone
    Given a PwsSaveTimeCards request from "2018-03-09" to "2018-03-09"
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
