Feature: PWS counts service hits and refuses calls past its rate limit
  Projector counts "service hits" in a rolling window of 60 seconds per installation (account), per
  user and per session; each call adds its weight to all three. Past a limit in any of them the call
  fails before it runs: a SOAP fault whose detail, a PwsFault, carries 10016 RequestExceededRateLimit
  as a PwsMessage of type Error. An installation in "Warning" mode runs the call and reports the same
  number as a Warning. The message names each count and its threshold. PwsTestRateLimiter, the
  vendor's tool for testing a client's handling, answers the counts and thresholds and can simulate
  hits before or after the limiter judges it. The Ops services are limited by the same counts
  (ops_batch_import.feature): an Ops call counts toward its installation and user, it has no session.
  The vendor's advice to clients: after the error, pause every call (at least five seconds), and keep
  retrying until 60 seconds have passed since the first failure.

  Assumptions (the vendor's wiki is silent): the thresholds default to those of its
  PwsRateLimitSnapshot example (installation 2400, user 1800, session 1200 hits), limiting is on,
  in Error mode; a call is warned once a count passes 80% of its threshold; every operation weighs
  one hit; a refused call's hit counts too (a client that keeps calling stays refused until it
  pauses); PwsAuthenticate counts nothing (it has no session yet). The PwsFault's shape is ours:
  one member, Messages, as in a response. The window follows the tenant's clock; while that clock
  stands still (for the date rules), real time still moves the window, so a long run of calls does
  not pile up in one window for ever. The admin API (PUT /__admin/tenants/{t}/projector/rate-limits)
  changes the settings.

  Background:
    Given the tenant clock stands at 2018-03-09T09:00:00+00:00
    And I am logged in to Projector as "e123@example.com"

  @PwsTestRateLimiter
  Scenario: The snapshot counts this call and shows the thresholds in use
    Given a PwsTestRateLimiter request
    When I send the request
    Then the response status is "Ok"
    And the response reports no messages
    And the rate limit snapshot is:
      | EnabledFlag | RollingWindowSeconds | InstallationHitCount | InstallationRateLimit | UserHitCount | UserRateLimit | SessionHitCount | SessionRateLimit |
      | true        | 60                   | 1                    | 2400                  | 1            | 1800          | 1               | 1200             |

  @PwsTestRateLimiter
  Scenario: Hits simulated after the judgement stay in the window for later calls
    Given a PwsTestRateLimiter request
    And the request sets SimulateSessionHitsAfter to "500"
    And the request sets SimulateUserHitsAfter to "20"
    And the request sets SimulateInstallationHitsAfter to "3"
    And I have sent the request
    And a PwsTestRateLimiter request
    When I send the request
    Then the response status is "Ok"
    And the rate limit snapshot is:
      | InstallationHitCount | UserHitCount | SessionHitCount |
      | 5                    | 22           | 502             |

  @PwsTestRateLimiter @error-10016
  Scenario: Hits simulated before the judgement push the call itself past the session limit
    Given a PwsTestRateLimiter request
    And the request sets SimulateSessionHitsBefore to "1200"
    When I send the request
    Then the answer is a PwsFault
    And the PWS fault is 10016 RequestExceededRateLimit
    And the rate limit message names "installation 1 of 2400, user 1 of 1800, session 1201 of 1200"

  @PwsGetTimeCards @error-10016
  Scenario: Near a limit the call runs and carries a warning
    Given the session has 960 hits in the window
    And a PwsGetTimeCards request from "2018-03-01" to "2018-03-31"
    When I send the request
    Then the response status is "OkWithWarnings"
    And the response reports warning 10016 RequestExceededRateLimit

  @PwsSaveTimeCards @error-10016
  Scenario: Past the limit a save is refused before it runs, and stores nothing
    Given the session has 1200 hits in the window
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | Description   |
      | new-1       | T            | P001396-001 | 2018-03-09 | 90          | Design review |
    When I send the request
    Then the answer is a PwsFault
    And the PWS fault is 10016 RequestExceededRateLimit
    Given the rate limiter is switched off
    When I read the time cards of "E123" from "2018-03-09" to "2018-03-09"
    Then the time cards read are exactly none

  @PwsSaveTimeCards @error-10016
  Scenario: A refused call counts, and the same call succeeds once the window has passed
    Given the session has 1200 hits in the window
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | Description   |
      | new-1       | T            | P001396-001 | 2018-03-09 | 90          | Design review |
    And I have sent the request
    And 30 seconds pass
    When I send the request
    Then the PWS fault is 10016 RequestExceededRateLimit
    And the rate limit message names "session 1202 of 1200"
    Given 31 seconds pass
    When I send the request
    Then the response status is "Ok"
    And time card result "new-1" succeeded

  @PwsGetTimeCards @error-10016
  Scenario: The user's count spans the user's sessions
    Given a PwsTestRateLimiter request
    And the request sets SimulateUserHitsAfter to "1800"
    And I have sent the request
    And I am logged in to Projector as "e123@example.com"
    And a PwsGetTimeCards request from "2018-03-01" to "2018-03-31"
    When I send the request
    Then the PWS fault is 10016 RequestExceededRateLimit
    And the rate limit message names "user 1802 of 1800, session 1 of 1200"

  @PwsGetTimeCards @error-10016
  Scenario: The installation's count spans its users, the session's count does not
    Given a PwsTestRateLimiter request
    And the request sets SimulateSessionHitsAfter to "1200"
    And the request sets SimulateInstallationHitsAfter to "2400"
    And I have sent the request
    And I am logged in to Projector as "api.admin@example.com"
    And a PwsGetTimeCards request from "2018-03-01" to "2018-03-31"
    When I send the request
    Then the PWS fault is 10016 RequestExceededRateLimit
    And the rate limit message names "installation 2402 of 2400, user 1 of 1800, session 1 of 1200"

  @PwsTestRateLimiter
  Scenario: Another installation keeps counts of its own
    Given a PwsTestRateLimiter request
    And the request sets SimulateInstallationHitsAfter to "5000"
    And I have sent the request
    And I am logged in to Projector account "ACME" as "shared@example.com"
    And a PwsTestRateLimiter request
    When I send the request
    Then the response status is "Ok"
    And the response reports no messages
    And the rate limit snapshot is:
      | InstallationHitCount | UserHitCount | SessionHitCount |
      | 1                    | 1            | 1               |

  @OpsOpenTimeCardBatch @error-91219
  Scenario: Ops calls count toward the same installation and user, without a session
    Given a PwsTestRateLimiter request
    And the request sets SimulateUserHitsAfter to "1800"
    And I have sent the request
    And I authenticate to Ops as "e123@example.com"
    When I open a time card batch
    Then the Ops result is "Fail"
    And the Ops errors include 91219 RequestExceededRateLimit
    And the Ops rate limit error names "Hits in the last 60 seconds: installation 2 of 2400, user 1802 of 1800."

  @PwsGetTimeCards @error-10016
  Scenario: In Warning mode a call past the limit runs and carries the warning
    Given the rate limiter is set to:
      | mode    | sessionLimit |
      | Warning | 10           |
    And the session has 10 hits in the window
    And a PwsGetTimeCards request from "2018-03-01" to "2018-03-31"
    When I send the request
    Then the response status is "OkWithWarnings"
    And the response reports warning 10016 RequestExceededRateLimit
    And the rate limit message names "session 11 of 10"

  @PwsTestRateLimiter @error-10016
  Scenario: The snapshot's Int32 counts saturate rather than overflow
    Given the rate limiter is set to:
      | mode    |
      | Warning |
    And a PwsTestRateLimiter request
    And the request sets SimulateInstallationHitsAfter to "2147483647"
    And I have sent the request
    When I send the request
    Then the response status is "OkWithWarnings"
    And the response reports warning 10016 RequestExceededRateLimit
    And the rate limit snapshot is:
      | EnabledFlag | InstallationHitCount |
      | true        | 2147483647           |

  @PwsTestRateLimiter @error-10016
  Scenario: While the tenant clock stands still, real time still moves the window
    Given the rate limiter is set to:
      | windowSeconds | sessionLimit | warningPercent |
      | 2             | 1            | 100            |
    And a PwsTestRateLimiter request
    And I have sent the request
    When I send the request
    Then the PWS fault is 10016 RequestExceededRateLimit
    Given 3 seconds of real time pass
    When I send the request
    Then the response status is "Ok"

  @PwsTestRateLimiter
  Scenario: Thresholds and window are the tenant's settings
    Given the rate limiter is set to:
      | windowSeconds | installationLimit | userLimit | sessionLimit |
      | 10            | 300               | 200       | 100          |
    And a PwsTestRateLimiter request
    When I send the request
    Then the rate limit snapshot is:
      | EnabledFlag | RollingWindowSeconds | InstallationRateLimit | UserRateLimit | SessionRateLimit |
      | true        | 10                   | 300                   | 200           | 100              |

  @PwsGetTimeCards
  Scenario: Switched off, the limiter counts nothing, so turning it on starts from zero
    Given the rate limiter is switched off
    And the session has 5000 hits in the window
    And a PwsGetTimeCards request from "2018-03-01" to "2018-03-31"
    When I send the request
    Then the response status is "Ok"
    And the response reports no messages
    Given the rate limiter is set to:
      | enabled |
      | true    |
    And a PwsTestRateLimiter request
    When I send the request
    Then the response status is "Ok"
    And the rate limit snapshot is:
      | EnabledFlag | SessionHitCount |
      | true        | 1               |

  @PwsGetTimeCards @error-10016
  Scenario: A fault rule makes the next call meet the rate limit
    Given the next PwsGetTimeCards call is answered with the vendor error 10016
    And a PwsGetTimeCards request from "2018-03-01" to "2018-03-31"
    When I send the request
    Then the PWS fault is 10016 RequestExceededRateLimit
    When I send the request
    Then the response status is "Ok"

  @PwsTestRateLimiter @error-10004
  Scenario: PwsTestRateLimiter needs a session like every operation
    Given I send no session ticket
    And a PwsTestRateLimiter request
    When I send the request
    Then the response status is "FailSessionInvalid"
    And the response reports error 10004 InvalidSessionTicket
