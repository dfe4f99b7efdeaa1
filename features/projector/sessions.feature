Feature: Every PWS operation but PwsAuthenticate requires a valid session
  A request without a SessionTicket, or with one the server never issued, is answered with
  Status FailSessionInvalid and 10004 InvalidSessionTicket; a ticket of a session that was
  closed by PwsUnauthenticate or has expired is answered with FailSessionInvalid and -101
  InvalidSession. The mock expires a session after 60 minutes without a call (assumption:
  the vendor does not publish its timeout); every call restarts that period.

  @PwsGetTimeCards @error-10004
  Scenario: No session ticket at all
    Given I send no session ticket
    And a PwsGetTimeCards request from "2018-03-01" to "2018-03-31"
    When I send the request
    Then the response status is "FailSessionInvalid"
    And the response reports error 10004 InvalidSessionTicket

  @PwsSaveTimeCards @error-10004
  Scenario: A ticket the server never issued
    Given I use the session ticket "AUtZcJgtdfVGhgjNekiP9w=="
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    When I send the request
    Then the response status is "FailSessionInvalid"
    And the response reports error 10004 InvalidSessionTicket

  @PwsUnauthenticate @PwsGetTimeCards @error--101
  Scenario: A session closed by PwsUnauthenticate is no longer valid
    Given I am logged in to Projector as "e123@example.com"
    And my session was closed with PwsUnauthenticate
    And a PwsGetTimeCards request from "2018-03-01" to "2018-03-31"
    When I send the request
    Then the response status is "FailSessionInvalid"
    And the response reports error -101 InvalidSession

  @PwsSaveTimeCards @error--101
  Scenario: A session idle for more than 60 minutes has expired
    Given the tenant clock stands at 2018-03-09T09:00:00+00:00
    And I am logged in to Projector as "e123@example.com"
    And 61 minutes pass
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    When I send the request
    Then the response status is "FailSessionInvalid"
    And the response reports error -101 InvalidSession

  @PwsGetTimeCards
  Scenario: Each call keeps the session alive for another 60 minutes
    Given the tenant clock stands at 2018-03-09T09:00:00+00:00
    And I am logged in to Projector as "e123@example.com"
    And 50 minutes pass
    And a PwsGetTimeCards request from "2018-03-01" to "2018-03-31"
    And I have sent the request
    And 50 minutes pass
    When I send the request
    Then the response status is "Ok"
