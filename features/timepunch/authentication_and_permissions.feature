Feature: Every Sync Service call authenticates, and each method needs its permissions
  TimePunch's API is stateless: every call carries a TpAuthentication (CustomerToken: the
  installation, TpUser: the profile's logon name, TpHashedPwd: the upper-case hex MD5 of its
  password, Identity: another profile to act as, which needs core@switchIdentity). A bad login,
  a missing permission or an unknown id is answered in the method's `out TpFault fault`, never
  as a transport error; the vendor publishes no fault codes, so the mock's are its own, stable,
  and lead the fault's Message ("MissingPermissionSyncAccess: ..."; contracts/timepunch/faults.csv).
  The permissions each method needs are page 000's.
  Identity names the profile by its SaveAsName: the TpAuthentication entity page calls it "Profile
  Name of the used Identity, or empty, if the identity is equal to the principal", and UserProfileDto's
  SaveAsName is the "Name of the TimePunch Profile used to show the user" (matched without regard to
  case). Its LogonName or its Id names no identity. The vendor's pages read two ways here: the same
  entity page calls TpUser "TimePunch Profile of the used Principal", and TpUser carries the LogonName
  (captured traffic, vendor notes), so "Profile Name" may mean the LogonName too. An installation may
  therefore read Identity as the LogonName: its customer token row's setting identity_by_logon_name
  (tp_customer_token, off by default: the entity page's wording).

  Dataset: ralf.herrmann has every permission (core@switchIdentity included), anna.schmidt every
  sync permission but switching identity, max.mueller only sync@access, no.sync none of them.

  @GetUseableSyncUserProfiles @error-92001
  Scenario: A wrong password
    Given I am TimePunch user "ralf.herrmann"
    And I present the password "not-it"
    When I call GetUseableSyncUserProfiles
    Then the fault is 92001 AuthenticationFailure

  @GetUseableSyncUserProfiles @error-92002
  Scenario: An unknown customer token
    Given I am TimePunch user "ralf.herrmann"
    And I present the customer token "other_installation"
    When I call GetUseableSyncUserProfiles
    Then the fault is 92002 UnknownCustomerToken

  @GetUseableSyncUserProfiles
  Scenario Outline: Without a customer token the default installation is meant
    Given I am TimePunch user "ralf.herrmann"
    And I present <token> customer token
    When I call GetUseableSyncUserProfiles
    Then there is no fault

    Examples:
      | token    |
      | no       |
      | an empty |

  @GetUseableSyncUserProfiles @error-92003
  Scenario: Acting as another profile needs core@switchIdentity
    Given I am TimePunch user "anna.schmidt"
    And I act as "Herrmann, Ralf"
    When I call GetUseableSyncUserProfiles
    Then the fault is 92003 MissingPermissionSwitchIdentity

  @GetUseableSyncUserProfiles @error-92004
  Scenario: Acting as a profile that does not exist
    Given I am TimePunch user "ralf.herrmann"
    And I act as "nobody"
    When I call GetUseableSyncUserProfiles
    Then the fault is 92004 UnknownIdentity

  @GetUseableSyncUserProfiles @GetUseableConnectedDevicesForSync @PullAndSyncConnectedDevices
  @BindClientToDevice @ReleaseClientFromDevice @GetDeviceInfo @GetClientInfo @error-92005
  Scenario Outline: sync@access is needed by the profile and device methods
    Given I am TimePunch user "no.sync"
    When I call <operation>
    Then the fault is 92005 MissingPermissionSyncAccess

    Examples:
      | operation                         |
      | GetUseableSyncUserProfiles        |
      | GetUseableConnectedDevicesForSync |
      | PullAndSyncConnectedDevices       |
      | BindClientToDevice                |
      | ReleaseClientFromDevice           |
      | GetDeviceInfo                     |
      | GetClientInfo                     |

  @PullAndSyncConnectedDevices @error-92006
  Scenario: PullAndSyncConnectedDevices needs timeEntries@download
    Given I am TimePunch user "max.mueller"
    When I pull and sync the connected devices of "max.mueller"
    Then the fault is 92006 MissingPermissionTimeEntriesDownload

  @PullAndSyncConnectedDevices @error-92008
  Scenario: PullAndSyncConnectedDevices needs projects@download too (page 000 lists three permissions)
    Given TimePunch user "anna.schmidt" lacks the permission projects@download
    And I am TimePunch user "anna.schmidt"
    When I pull and sync the connected devices of "anna.schmidt"
    Then the fault is 92008 MissingPermissionProjectsDownload

  @SearchTimeEntriesForSynchronisation @UpdateLastSyncDate @error-92007
  Scenario Outline: Searching time entries and updating the sync date need timeEntries@upload
    Given I am TimePunch user "max.mueller"
    When I call <operation>
    Then the fault is 92007 MissingPermissionTimeEntriesUpload

    Examples:
      | operation                           |
      | SearchTimeEntriesForSynchronisation |
      | UpdateLastSyncDate                  |

  @ApplyStaticData @ApplyTimeEntries @error-92008
  Scenario Outline: Applying data needs projects@download
    Given I am TimePunch user "max.mueller"
    When I call <operation>
    Then the fault is 92008 MissingPermissionProjectsDownload

    Examples:
      | operation        |
      | ApplyStaticData  |
      | ApplyTimeEntries |

  @SearchProjectsForSynchronisation @error-92009
  Scenario: SearchProjectsForSynchronisation needs projects@upload
    Given I am TimePunch user "max.mueller"
    When I call SearchProjectsForSynchronisation
    Then the fault is 92009 MissingPermissionProjectsUpload

  @GetUseableSyncUserProfiles
  Scenario: An administrator acts as another profile, named by its SaveAsName
    Given I am TimePunch user "ralf.herrmann"
    And I act as "Schmidt, Anna"
    When I search time entries for synchronisation since "nil"
    Then there is no fault
    And the time entries returned are on 2024-03-05

  @GetUseableSyncUserProfiles @error-92004
  Scenario: A LogonName names no identity, by default
    Given I am TimePunch user "ralf.herrmann"
    And I act as "anna.schmidt"
    When I call GetUseableSyncUserProfiles
    Then the fault is 92004 UnknownIdentity

  @SearchTimeEntriesForSynchronisation
  Scenario: An installation that reads Identity as the LogonName
    Given the installation reads TpAuthentication.Identity as the LogonName
    And I am TimePunch user "ralf.herrmann"
    And I act as "anna.schmidt"
    When I search time entries for synchronisation since "nil"
    Then there is no fault
    And the time entries returned are on 2024-03-05

  @GetUseableSyncUserProfiles @error-92004
  Scenario: An installation that reads Identity as the LogonName does not know it by its SaveAsName
    Given the installation reads TpAuthentication.Identity as the LogonName
    And I am TimePunch user "ralf.herrmann"
    And I act as "Schmidt, Anna"
    When I call GetUseableSyncUserProfiles
    Then the fault is 92004 UnknownIdentity
