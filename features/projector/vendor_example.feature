@PwsSaveTimeCards
Feature: The vendor's own PwsSaveTimeCards example works against the mock as it is
  Page 002's example request, unchanged but for its SessionTicket, inserts a 60-minute card for
  resource E123 on project P001396-001, saves an estimate and a task note, and submits: the
  default dataset holds every project, role, task, rate type and location uid it names.

  Scenario: The example request, sent by an administrator entering time for E123
    Given I am logged in to Projector as "api.admin@example.com"
    When I post the vendor's example PwsSaveTimeCards request
    Then the answer's Status is "Ok"
    And the answer's SubmittedFlag is "true"
    When I read the time cards of "E123" from "2018-03-09" to "2018-03-09"
    Then the time cards read include:
      | WorkDate   | WorkMinutes | CardStatus | ProjectCode | LocationName | RoleUid             |
      | 2018-03-09 | 60          | S          | P001396-001 | USA          | 1152921504609525049 |
    And the remaining estimate of task role 1152921504608549426 is 360 minutes
    And task 1152921504608637344 has the note "Added via the web service"
