Feature: ApplyStaticData and ApplyTimeEntries merge what a device sends with what exists
  The vendor says only that both "merge with the already existing". The mock's rules:
  - the key is the Id when the store holds an item with it, else the natural key: CustomerName +
    CustomerRefNr for a customer, ProjectName for a project, ProjectId + TaskName for a task;
    time entries merge by Id only;
  - an item the store lacks is added; one it holds is replaced when the incoming LastUpdate is not
    older than the stored one, and kept when it is older (the newer side wins);
  - one invalid item and nothing of the call is applied (InvalidStaticData, InvalidTimeEntry).
  Both need projects@download (page 000); time entries are the acting profile's: an entry's
  LogonName, when sent, must be that profile's (another profile's entries are applied by acting as
  it, TpAuthentication.Identity). What makes an item invalid is the mock's reading of the DTOs
  (BreakTime and Duration are hours, neither negative, the break within the entry; a customer
  needs CustomerName and CustomerRefNr, the vendor's mandatory 'Customer' and 'Ref. Nr.'; a
  time-limited project needs StartDate before EndDate, a paid one a Currency). A DateTime or Guid
  member is a value type, which a .NET client sends even when it never set it: DateTime.MinValue
  (0001-01-01T00:00:00) and the all-zero Guid mean unset (an entry without LogonTime is invalid;
  CustomerId, a Guid in the vendor's TimeEntryDto table, is all zeros for an entry without a customer).

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
      | 0001-01-01T00:00:00 | 2024-03-16T08:00:00 |

  @ApplyTimeEntries @error-92016
  Scenario Outline: An entry whose hours or owner are wrong is invalid, and nothing is applied
    When I apply time entries:
      | Id                                   | LogonTime           | LogoffTime          | Project | BreakTime | Duration   | LogonName | LastUpdate          |
      | 9a1b2c3d-0000-4000-8000-000000000005 | 2024-03-15T08:00:00 | 2024-03-15T12:00:00 | PRJ-002 | <break>   | <duration> | <owner>   | 2024-03-15T12:00:00 |
    Then the fault is 92016 InvalidTimeEntry
    And the fault says "<reason>"
    And "anna.schmidt" has time entries on 2024-03-05

    Examples:
      | break | duration | owner         | reason                                          |
      | -0.5  |          |               | BreakTime is negative                           |
      |       | -1       |               | Duration is negative                            |
      | 4.5   |          |               | BreakTime is longer than LogoffTime - LogonTime |
      |       |          | nobody.at.all | LogonName nobody.at.all names no user profile   |
      |       |          | ralf.herrmann | LogonName ralf.herrmann is another user profile |

  @ApplyTimeEntries
  Scenario: An entry without a customer carries the all-zero Guid, and keeps it
    When I apply time entries:
      | Id                                   | LogonTime           | LogoffTime          | Project | CustomerId                           | LastUpdate          |
      | 9a1b2c3d-0000-4000-8000-000000000007 | 2024-03-15T08:00:00 | 2024-03-15T12:00:00 | PRJ-002 | 00000000-0000-0000-0000-000000000000 | 2024-03-15T12:00:00 |
    And I search time entries for synchronisation since "2024-03-14T00:00:00"
    Then there is no fault
    And the time entry returned for 2024-03-15 has:
      | CustomerId                           |
      | 00000000-0000-0000-0000-000000000000 |

  @ApplyTimeEntries
  Scenario: An entry may name its own profile and a break within it
    When I apply time entries:
      | Id                                   | LogonTime           | LogoffTime          | Project | BreakTime | Duration | LogonName    | LastUpdate          |
      | 9a1b2c3d-0000-4000-8000-000000000006 | 2024-03-15T08:00:00 | 2024-03-15T12:00:00 | PRJ-002 | 0.5       | 3.5      | anna.schmidt | 2024-03-15T12:00:00 |
    Then there is no fault
    And "anna.schmidt" has time entries on 2024-03-05, 2024-03-15

  @ApplyStaticData @error-92017
  Scenario Outline: A customer or project breaking the DTO's rules is invalid, and nothing is applied
    When I apply static data:
      | Kind    | CustomerName  | CustomerRefNr | ProjectName | IsProjectTimeLimited | StartDate | EndDate | IsPaid | Currency   | LastUpdate          |
      | <kind>  | Neukunde GmbH | <refnr>       | <project>   | <limited>            | <start>   | <end>   | <paid> | <currency> | 2024-03-10T00:00:00 |
    Then the fault is 92017 InvalidStaticData
    And the fault says "<reason>"
    And the store holds 0 customers named "Neukunde GmbH"

    Examples:
      | kind     | refnr | project     | limited | start               | end                 | paid | currency | reason                                       |
      | customer |       |             |         |                     |                     |      |          | CustomerRefNr is required                    |
      | project  | 77001 | NEU-Projekt | true    |                     |                     |      |          | IsProjectTimeLimited needs StartDate and EndDate |
      | project  | 77001 | NEU-Projekt | true    | 2024-06-01T00:00:00 | 2024-03-01T00:00:00 |      |          | EndDate is before StartDate                  |
      | project  | 77001 | NEU-Projekt |         |                     |                     | true |          | IsPaid needs a Currency                      |

  @ApplyStaticData @SearchProjectsForSynchronisation
  Scenario: A project carrying every member the vendor publishes is accepted and read back
    A client built from the vendor's DTOs sends every ProjectDto member, set or not. The members the
    vendor's table lists after ContractId are not in the contract yet: their names are cut off in
    every copy of the page we have (see project.xsd).
    When I apply static data with one project of these members:
      | Id                           | 5b1e2c3d-0000-4000-8000-00000000a11d |
      | LastUpdate                   | 2024-03-10T00:00:00                  |
      | Created                      | 2024-01-08T10:00:00                  |
      | Account                      | 4400                                 |
      | BackgroundColor              | 4294944000                           |
      | ContractId                   | AUF-2024-017                         |
      | CostCenter                   | KST-210                              |
      | Currency                     | €                                    |
      | Customer.CustomerName        | Neukunde GmbH                        |
      | Customer.CustomerRefNr       | 77001                                |
      | DontInheritCommonTasks       | true                                 |
      | EndDate                      | 2024-12-31T00:00:00                  |
      | IsOrderBased                 | true                                 |
      | IsPaid                       | true                                 |
      | IsProjectDeleted             | false                                |
      | IsProjectTimeLimited         | true                                 |
      | IsWorkingTimeRestricted      | true                                 |
      | ManualProjectState           | Yellow                               |
      | MaxWorkingTime               | 120.5                                |
      | OrderType                    | ServiceContract                      |
      | PricePerHour                 | 95                                   |
      | ProjectDescription           | Wartung Leitstelle                   |
      | ProjectName                  | NEU-Projekt                          |
      | ProjectStateDescription      | Budget knapp                         |
      | StartDate                    | 2024-01-01T00:00:00                  |
      | TaskList.TaskName            | Vor-Ort-Einsatz                      |
      | TextColor                    | 4278190080                           |
      | Vat                          | 19                                   |
    Then there is no fault
    When I call SearchProjectsForSynchronisation
    Then the project "NEU-Projekt" is returned with every member I sent
