Feature: ApplyStaticData and ApplyTimeEntries merge what a device sends with what exists
  The vendor says only that both "merge with the already existing". The mock's rules:
  - the key is the Id when the store holds an item with it, else the natural key: CustomerName +
    CustomerRefNr for a customer, ProjectName for a project, ProjectId + TaskName for a task;
    time entries merge by Id only;
  - an item the store lacks is added; one it holds is replaced when the incoming LastUpdate is not
    older than the stored one, and kept when it is older (the newer side wins);
  - one invalid item and nothing of the call is applied (InvalidStaticData, InvalidTimeEntry).
  Both need projects@download (page 000); time entries are the acting profile's.

  Background:
    Given I am TimePunch user "anna.schmidt"

  @ApplyStaticData
  Scenario: New customers and projects are added
    When I apply static data:
      | Kind     | CustomerName  | CustomerRefNr | ProjectName | LastUpdate          |
      | customer | Neukunde GmbH | 77001         |             | 2024-03-10T00:00:00 |
      | project  | Neukunde GmbH | 77001         | NEU-Projekt | 2024-03-10T00:00:00 |
    Then there is no fault
    And the store holds 1 customer named "Neukunde GmbH"
    And the store holds 1 project named "NEU-Projekt"

  @ApplyStaticData
  Scenario: The natural key finds what the Id does not: a newer change replaces
    Given I have called ApplyStaticData
    When I apply static data:
      | Kind    | ProjectName | ProjectDescription | LastUpdate          |
      | project | NEU-Projekt | first              | 2024-03-10T00:00:00 |
    And I apply static data:
      | Kind    | ProjectName | ProjectDescription | LastUpdate          |
      | project | NEU-Projekt | second             | 2024-03-11T00:00:00 |
    Then the store holds 1 project named "NEU-Projekt"
    And the project "NEU-Projekt" has ProjectDescription "second"

  @ApplyStaticData
  Scenario: An older change is ignored
    When I apply static data:
      | Kind    | ProjectName | ProjectDescription | LastUpdate          |
      | project | NEU-Projekt | current            | 2024-03-11T00:00:00 |
    And I apply static data:
      | Kind    | ProjectName | ProjectDescription | LastUpdate          |
      | project | NEU-Projekt | stale              | 2024-03-01T00:00:00 |
    Then the project "NEU-Projekt" has ProjectDescription "current"

  @ApplyStaticData
  Scenario: Common tasks belong to no project
    When I apply static data:
      | Kind        | TaskName | LastUpdate          |
      | common task | Meeting  | 2024-03-10T00:00:00 |
    Then there is no fault
    And the store holds 1 task named "Meeting"

  @ApplyStaticData @error-92017
  Scenario: One invalid item and nothing is applied
    When I apply static data:
      | Kind     | CustomerName  | CustomerRefNr | ProjectName | LastUpdate          |
      | customer | Neukunde GmbH | 77001         |             | 2024-03-10T00:00:00 |
      | project  |               |               |             | 2024-03-10T00:00:00 |
    Then the fault is 92017 InvalidStaticData
    And the store holds 0 customers named "Neukunde GmbH"

  @ApplyTimeEntries
  Scenario: New time entries are added to the acting profile
    When I apply time entries:
      | Id                                   | LogonTime           | LogoffTime          | Project | LastUpdate          | Created             |
      | 9a1b2c3d-0000-4000-8000-000000000002 | 2024-03-15T08:00:00 | 2024-03-15T12:00:00 | PRJ-002 | 2024-03-15T12:00:00 | 2024-03-15T12:00:00 |
    Then there is no fault
    And "anna.schmidt" has time entries on 2024-03-05, 2024-03-15

  @ApplyTimeEntries @error-92016
  Scenario Outline: An invalid time entry and nothing is applied
    When I apply time entries:
      | Id                                   | LogonTime           | LogoffTime          | Project   | LastUpdate          | Created             |
      | 9a1b2c3d-0000-4000-8000-000000000003 | 2024-03-15T08:00:00 | 2024-03-15T12:00:00 | PRJ-002   | 2024-03-15T12:00:00 | 2024-03-15T12:00:00 |
      | 9a1b2c3d-0000-4000-8000-000000000004 | <logon>             | <logoff>            | PRJ-002   | 2024-03-15T12:00:00 | 2024-03-15T12:00:00 |
    Then the fault is 92016 InvalidTimeEntry
    And "anna.schmidt" has time entries on 2024-03-05

    Examples:
      | logon               | logoff              |
      | 2024-03-16T12:00:00 | 2024-03-16T08:00:00 |
