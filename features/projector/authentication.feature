@PwsAuthenticate
Feature: PwsAuthenticate issues the SessionTicket every other PWS call presents
  A client logs in with an account code, a user name and a password and receives a
  SessionTicket, which every other operation sends as req:SessionTicket. The answer echoes the
  request's RequestId as ResponseId and carries ServerTimestampUtc from the server's clock.

  Where the vendor is silent, the mock assumes (catalogue: contracts/projector/errors.csv):
  - an unknown account, an unknown user and a wrong password all answer 10002 InvalidCredentials
    (the number, code and text an error table of the vendor's wiki gives; the login does not say
    which part was wrong);
  - an account code that cannot be one (at most 30 letters, digits, '-' or '_', starting with a
    letter or digit) answers 90002 InvalidAccountCode;
  - five wrong passwords in a row lock the login for 15 minutes (90003 LoginLocked); the vendor
    documents a lockout of minutes up to 24 hours for its UI.

  Scenario: A user of the dataset logs in
    When I authenticate with account "DEMO", user "e123@example.com" and password "e123-password"
    Then the response status is "Ok"
    And the response reports no messages
    And I receive a session ticket
    And the response echoes my RequestId as ResponseId

  Scenario: The server timestamp comes from the tenant's clock
    Given the tenant clock stands at 2018-03-09T22:19:31+00:00
    When I authenticate with account "DEMO", user "e123@example.com" and password "e123-password"
    Then ServerTimestampUtc is 2018-03-09T22:19:31+00:00

  Scenario: The account code is not case-sensitive
    When I authenticate with account "demo", user "e123@example.com" and password "e123-password"
    Then the response status is "Ok"

  @error-10002
  Scenario Outline: Wrong credentials are refused without saying which part was wrong
    When I authenticate with account "<account>", user "<user>" and password "<password>"
    Then the response status is "Fail"
    And the response reports error 10002 InvalidCredentials
    And I receive no session ticket

    Examples:
      | account | user               | password      |
      | DEMO    | e123@example.com   | wrong         |
      | NOPE    | e123@example.com   | e123-password |
      | DEMO    | nobody@example.com | e123-password |

  @error-90002
  Scenario: An account code that cannot be an account code
    When I authenticate with account "-no such code!", user "e123@example.com" and password "e123-password"
    Then the response status is "Fail"
    And the response reports error 90002 InvalidAccountCode

  @error-90003
  Scenario: Five wrong passwords in a row lock the login, even for the right password
    Given the tenant clock stands at 2018-03-09T09:00:00+00:00
    And e123@example.com has failed to log in 5 times with a wrong password
    When I authenticate with account "DEMO", user "e123@example.com" and password "e123-password"
    Then the response status is "Fail"
    And the response reports error 90003 LoginLocked

  Scenario: The lock ends after 15 minutes
    Given the tenant clock stands at 2018-03-09T09:00:00+00:00
    And e123@example.com has failed to log in 5 times with a wrong password
    And 16 minutes pass
    When I authenticate with account "DEMO", user "e123@example.com" and password "e123-password"
    Then the response status is "Ok"

  Scenario: A successful login resets the count of wrong passwords
    Given e123@example.com has failed to log in 4 times with a wrong password
    And I am logged in to Projector as "e123@example.com"
    And e123@example.com has failed to log in 4 times with a wrong password
    When I authenticate with account "DEMO", user "e123@example.com" and password "e123-password"
    Then the response status is "Ok"

  @error-50220
  Scenario: A user who may not use the web services
    When I authenticate with account "DEMO", user "ui.only@example.com" and password "ui-only-password"
    Then the response status is "Fail"
    And the response reports error 50220 WebServicesPermissionDenied
    And I receive no session ticket
