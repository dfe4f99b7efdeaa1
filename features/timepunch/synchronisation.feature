Feature: Synchronisation: pull from the cloud, search what to send, remember the last sync date
  PullAndSyncConnectedDevices downloads what a profile's bound devices left in the TimePunch Cloud
  and merges it into the installation (the merge rules of apply_data.feature); released devices
  are not pulled. SearchTimeEntriesForSynchronisation returns the acting profile's entries whose
  date (LogonTime) is after lastSyncTime, not their creation or modification date; nil means
  all; with them the projects, common tasks (tasks of no project) and customers they reference.
  (Page 000 says both "newer than the sync time" and "starting with the given sync time"; the mock
  takes "newer than": an entry exactly at lastSyncTime went out with the previous sync.)
  A returned TimeEntryDto carries its hours (its Duration, else LogoffTime - LogonTime less BreakTime)
  under its Usage's member (WorkTime, DrivingTime, Leave for Leave and SpecialLeave, Sick, TakenOvertime;
  the others 0), DurationAsDay against an 8-hour day, the colours of its project, the TaskNameId and
  TaskDescription of its task, and its owner as CreatedBy and LastUpdatedBy (assumptions: the vendor
  publishes the members, not how they are computed; the mock keeps no other author).
  UpdateLastSyncDate sets the profile's last sync date; GetUseableSyncUserProfiles answers it. nil sets
  the current date, at midnight (page 000: "Sync Date to set, or null if the current date shall be
  used"; Assumption: the date of the tenant clock in UTC, the server's zone being unpublished). The
  page can also be read loosely, as .NET's DateTime.Now, date and time; the two readings differ for a
  client that next searches "newer than" its last sync (an entry made earlier today goes out again
  after a midnight sync), so an installation may take the clock's date and time instead: its customer
  token row's setting nil_sync_date_is_now (tp_customer_token, off by default: the page's wording).
  DateTime.MinValue (0001-01-01T00:00:00, what a .NET client sends for a DateTime it never set; with an
  offset that moves it before year 1, .NET clamps it to MinValue) sets the profile back to never synced,
  which answers as DateTime.MinValue (LastSyncTime is a DateTime, not nullable: profiles_and_devices).

  Dataset: ralf.herrmann has entries on 2024-02-26, 2024-02-28, 2024-03-04 and 2024-03-06 (the
  last on the common task Travel); his "Ralf iPhone" left entries for 2024-03-11 and 2024-03-12 in
  the cloud; anna.schmidt's released "Old Phone" left one for 2024-03-13.

  @SearchTimeEntriesForSynchronisation
  Scenario: Entries dated after the last sync, with what they reference
    Given I am TimePunch user "ralf.herrmann"
    When I search time entries for synchronisation since "2024-03-01T00:00:00"
    Then there is no fault
    And the time entries returned are on 2024-03-04, 2024-03-06
    And the projects, common tasks and customers returned are those they reference: 2, 1, 2

  @SearchTimeEntriesForSynchronisation
  Scenario: A returned entry carries its hours under its kind, and its owner
    Given I am TimePunch user "ralf.herrmann"
    When I apply time entries:
      | Id                                   | LogonTime           | LogoffTime          | BreakTime | Usage    | Project | LastUpdate          | Created             |
      | 9a1b2c3d-0000-4000-8000-000000000011 | 2024-03-20T08:00:00 | 2024-03-20T12:30:00 | 0.5       | WorkTime | PRJ-001 | 2024-03-20T12:30:00 | 2024-03-20T12:30:00 |
      | 9a1b2c3d-0000-4000-8000-000000000012 | 2024-03-21T08:00:00 | 2024-03-21T16:00:00 |           | Leave    | PRJ-001 | 2024-03-21T16:00:00 | 2024-03-21T16:00:00 |
    And I search time entries for synchronisation since "2024-03-19T00:00:00"
    Then the time entry returned for 2024-03-20 has:
      | WorkTime | Leave | Sick | DrivingTime | TakenOvertime | DurationAsDay | IsVirtual | CreatedBy.LogonName | LastUpdatedBy.LogonName |
      | 4.0      | 0.0   | 0.0  | 0.0         | 0.0           | 0.5           | false     | ralf.herrmann       | ralf.herrmann           |
    And the time entry returned for 2024-03-21 has:
      | WorkTime | Leave | DurationAsDay |
      | 0.0      | 8.0   | 1.0           |

  @SearchTimeEntriesForSynchronisation
  Scenario: The entry's date counts, not when it was created or changed
    Given I am TimePunch user "ralf.herrmann"
    When I apply time entries:
      | Id                                   | LogonTime           | LogoffTime          | Project | LastUpdate          | Created             |
      | 9a1b2c3d-0000-4000-8000-000000000001 | 2024-02-20T08:00:00 | 2024-02-20T10:00:00 | PRJ-001 | 2024-03-20T10:00:00 | 2024-03-20T10:00:00 |
    And I search time entries for synchronisation since "2024-03-01T00:00:00"
    Then the time entries returned are on 2024-03-04, 2024-03-06

  @SearchTimeEntriesForSynchronisation
  Scenario: nil means all
    Given I am TimePunch user "ralf.herrmann"
    When I search time entries for synchronisation since "nil"
    Then the time entries returned are on 2024-02-26, 2024-02-28, 2024-03-04, 2024-03-06

  @SearchProjectsForSynchronisation
  Scenario: All projects a user can send to the devices
    Given I am TimePunch user "ralf.herrmann"
    When I call SearchProjectsForSynchronisation
    Then there is no fault
    And the projects returned are 3, each with its customer and tasks

  @PullAndSyncConnectedDevices
  Scenario: Pull what the bound devices left in the cloud
    Given I am TimePunch user "ralf.herrmann"
    When I pull and sync the connected devices of "ralf.herrmann"
    Then there is no fault
    And the cloud holds 0 entries for device "Ralf iPhone"
    And "ralf.herrmann" has time entries on 2024-02-26, 2024-02-28, 2024-03-04, 2024-03-06, 2024-03-11, 2024-03-12

  @PullAndSyncConnectedDevices @ReleaseClientFromDevice
  Scenario: A released device is no longer pulled
    Given I am TimePunch user "ralf.herrmann"
    And device "Ralf iPhone" has left an entry for 2024-03-14 in the cloud
    And I have released device "Ralf iPhone"
    When I pull and sync the connected devices of "ralf.herrmann"
    Then there is no fault
    And the cloud holds 3 entries for device "Ralf iPhone"
    And "ralf.herrmann" has time entries on 2024-02-26, 2024-02-28, 2024-03-04, 2024-03-06

  @PullAndSyncConnectedDevices
  Scenario: The released "Old Phone" of anna.schmidt stays in the cloud
    Given I am TimePunch user "anna.schmidt"
    When I pull and sync the connected devices of "anna.schmidt"
    Then the cloud holds 1 entries for device "Old Phone"
    And "anna.schmidt" has time entries on 2024-03-05

  @PullAndSyncConnectedDevices @error-92011
  Scenario: Pulling for a profile that does not exist
    Given I am TimePunch user "ralf.herrmann"
    When I pull and sync the connected devices of an unknown profile
    Then the fault is 92011 UnknownUserProfile

  @PullAndSyncConnectedDevices
  Scenario: Pulling for another profile needs only the permissions page 000 lists
    Given I am TimePunch user "anna.schmidt"
    When I pull and sync the connected devices of "ralf.herrmann"
    Then there is no fault
    And "ralf.herrmann" has time entries on 2024-02-26, 2024-02-28, 2024-03-04, 2024-03-06, 2024-03-11, 2024-03-12

  @UpdateLastSyncDate
  Scenario: Set the last sync date
    Given I am TimePunch user "anna.schmidt"
    When I update the last sync date to "2024-03-18T07:30:00"
    Then there is no fault
    And "anna.schmidt" last synced at "2024-03-18T07:30:00"

  @UpdateLastSyncDate
  Scenario: nil sets the current date, at midnight
    Given the tenant clock stands at 2024-03-20T10:00:00+00:00
    And I am TimePunch user "anna.schmidt"
    When I update the last sync date to "nil"
    Then there is no fault
    And "anna.schmidt" last synced at "2024-03-20T00:00:00"

  @UpdateLastSyncDate
  Scenario: An installation that takes a nil sync date for the clock's date and time
    Given the tenant clock stands at 2024-03-20T10:00:00+00:00
    And the installation takes a nil sync date for the clock's date and time
    And I am TimePunch user "anna.schmidt"
    When I update the last sync date to "nil"
    Then there is no fault
    And "anna.schmidt" last synced at the tenant clock's now

  @UpdateLastSyncDate
  Scenario Outline: DateTime.MinValue sets the profile back to never synced
    Given I am TimePunch user "ralf.herrmann"
    When I update the last sync date to "<unset>"
    Then there is no fault
    And "ralf.herrmann" last synced at "0001-01-01T00:00:00"

    Examples:
      | unset                     |
      | 0001-01-01T00:00:00       |
      | 0001-01-01T00:00:00+01:00 |
