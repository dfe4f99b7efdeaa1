Feature: Sync profiles and connected devices: list, bind, release, inspect
  GetUseableSyncUserProfiles lists the profiles that can sync, with their last sync date: one's
  own, or for whom may switch identity every profile that can sync (page 000: "sync@access – current
  user, core@switchIdentity – different users"; it "searches for all TimePunch profiles that can be
  used in order to sync data"). A profile can sync when it holds sync@access, the permission page 000
  asks of every sync method (Assumption: the page does not say what makes a profile usable). The device methods need sync@access only (page 000 names no
  other permission for them): GetUseableConnectedDevicesForSync lists every bound device with its
  profile, and a device of any profile may be bound, released or pulled. A connected device is a mobile device known to the
  TimePunch Cloud; BindClientToDevice connects it to a profile (the caller's, or the UserProfile
  of the ConnectedDeviceDto) and gives the binding a client connection id of its own, which is not
  the profile's id; ReleaseClientFromDevice disconnects it, and a released device is no longer
  pulled. Binding states are the mock's choice (the vendor does not publish them): NotBound, Bound,
  Released.
  LastSyncTime is a DateTime, not a DateTime? (vendor docs, Sync Service entities, SyncUserProfileDto:
  "DateTime LastSyncTime: Filled, if the profile has been synced at some date"; the entity pages write
  DateTime? where a value may be null, e.g. ProjectDto.StartDate). WCF always writes a value type, so a
  profile that never synced answers DateTime.MinValue, 0001-01-01T00:00:00 (no offset), never nil: a
  client typed from the vendor's contract could not read nil there.

  Dataset devices: "Ralf iPhone" bound to ralf.herrmann, "Anna Android" bound to anna.schmidt,
  "Spare Tablet" not bound, "Old Phone" released by anna.schmidt.

  @GetUseableSyncUserProfiles
  Scenario: My own profile, with its last sync date
    Given I am TimePunch user "anna.schmidt"
    When I call GetUseableSyncUserProfiles
    Then there is no fault
    And the profiles returned are anna.schmidt

  @GetUseableSyncUserProfiles
  Scenario: A profile that never synced answers DateTime.MinValue as its last sync date, not nil
    Given I am TimePunch user "anna.schmidt"
    When I call GetUseableSyncUserProfiles
    Then there is no fault
    And "anna.schmidt" last synced at "0001-01-01T00:00:00"

  @GetUseableSyncUserProfiles
  Scenario: Every profile that can sync, for whom may switch identity; no.sync, without sync@access, is not one
    Given I am TimePunch user "ralf.herrmann"
    When I call GetUseableSyncUserProfiles
    Then the profiles returned are anna.schmidt, max.mueller, ralf.herrmann

  @GetUseableConnectedDevicesForSync
  Scenario: The bound devices, each with its profile
    Given I am TimePunch user "ralf.herrmann"
    When I call GetUseableConnectedDevicesForSync
    Then there is no fault
    And the devices returned are "Anna Android", "Ralf iPhone"

  @GetUseableConnectedDevicesForSync
  Scenario: Every bound device, whoever's it is, with sync@access alone
    Given I am TimePunch user "anna.schmidt"
    When I call GetUseableConnectedDevicesForSync
    Then the devices returned are "Anna Android", "Ralf iPhone"

  @BindClientToDevice @GetUseableConnectedDevicesForSync
  Scenario: Bind a device to myself
    Given I am TimePunch user "anna.schmidt"
    When I bind device "Spare Tablet"
    Then there is no fault
    And device "Spare Tablet" is Bound, of "anna.schmidt"
    When I call GetUseableConnectedDevicesForSync
    Then the devices returned are "Anna Android", "Ralf iPhone", "Spare Tablet"

  @BindClientToDevice
  Scenario: Bind a device to another profile, with sync@access alone
    Given I am TimePunch user "anna.schmidt"
    When I bind device "Spare Tablet" to "max.mueller"
    Then there is no fault
    And device "Spare Tablet" is Bound, of "max.mueller"

  @ReleaseClientFromDevice
  Scenario: Release another profile's device, with sync@access alone
    Given I am TimePunch user "anna.schmidt"
    When I release device "Ralf iPhone"
    Then there is no fault

  @BindClientToDevice @error-92014
  Scenario: A device bound to another profile cannot be bound again
    Given I am TimePunch user "ralf.herrmann"
    When I bind device "Anna Android"
    Then the fault is 92014 DeviceAlreadyBound

  @BindClientToDevice
  Scenario: Binding a device again to the profile it is bound to changes nothing (a retry is safe)
    Given I am TimePunch user "anna.schmidt"
    When I bind device "Anna Android"
    Then there is no fault
    And device "Anna Android" is Bound, of "anna.schmidt"

  @BindClientToDevice @error-92010
  Scenario: BindClientToDevice needs the connected device
    Given I am TimePunch user "ralf.herrmann"
    When I bind no device
    Then the fault is 92010 MissingParameter

  @BindClientToDevice @error-92011
  Scenario: Binding to a profile that does not exist
    Given I am TimePunch user "ralf.herrmann"
    When I bind device "Spare Tablet" to "nobody"
    Then the fault is 92011 UnknownUserProfile

  @ReleaseClientFromDevice @GetDeviceInfo
  Scenario: Release a device
    Given I am TimePunch user "ralf.herrmann"
    When I release device "Ralf iPhone"
    Then there is no fault
    When I get the info of device "Ralf iPhone"
    Then the device returned is "Ralf iPhone", Released, of "ralf.herrmann"

  @ReleaseClientFromDevice @error-92015
  Scenario: A device that is not bound cannot be released
    Given I am TimePunch user "ralf.herrmann"
    When I release device "Spare Tablet"
    Then the fault is 92015 DeviceNotBound

  @GetDeviceInfo
  Scenario: The stored data of a device
    Given I am TimePunch user "ralf.herrmann"
    When I get the info of device "Anna Android"
    Then there is no fault
    And the device returned is "Anna Android", Bound, of "anna.schmidt"

  @GetDeviceInfo @error-92012
  Scenario: A device that does not exist
    Given I am TimePunch user "ralf.herrmann"
    When I get the info of an unknown device
    Then the fault is 92012 UnknownDevice

  @GetClientInfo
  Scenario: The device in the context of its client connection
    Given I am TimePunch user "ralf.herrmann"
    When I get the client info of device "Ralf iPhone" with its client connection
    Then there is no fault
    And the device returned is "Ralf iPhone", Bound, of "ralf.herrmann"

  @GetClientInfo @error-92013
  Scenario: The client connection id is not the profile's id
    Given I am TimePunch user "ralf.herrmann"
    When I get the client info of device "Ralf iPhone" with the client connection of "ralf.herrmann"
    Then the fault is 92013 UnknownClientConnection
