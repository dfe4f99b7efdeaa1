@PwsSaveTimeCards
Feature: PwsSaveTimeCards inserts and updates time cards
  A card without an identity is inserted; one with a TimecardUid (or TimecardId) is updated,
  and only the members sent change (a ClearFlag empties a member). Each card sent comes back
  as a PwsSaveTimecardResult with the ReferenceId the client gave it, the saved card (with its
  new uid and the Timestamp to send with the next update) and ErrorDetail nil on success.
  A new card belongs to the request's ResourceIdentity, which the page says is required when
  inserting ("No - unless inserting a new time card"): a card inserted without it fails alone with
  10111 RequiredFieldMissing, even for the caller's own time (assumption: the vendor names no number
  for this; 10111 is its code for a missing required field). A new card starts as a draft
  (CardStatus D) unless the card says otherwise. PreserveTimeCardStatusFlag is deprecated: accepted
  and ignored.

  Background:
    Given I am logged in to Projector as "e123@example.com"

  Scenario: Insert a time card for myself and read it back
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | RoleUid             | TaskUid             | WorkDate   | WorkMinutes | Description   |
      | new-1       | T            | P001396-001 | 1152921504609525049 | 1152921504608637344 | 2018-03-09 | 90          | Design review |
    When I send the request
    Then the response status is "Ok"
    And the response reports no messages
    And time card result "new-1" succeeded
    And time card result "new-1" returns the saved card with:
      | WorkDate   | WorkMinutes | CardStatus | ProjectCode | Description   | Status |
      | 2018-03-09 | 90          | D          | P001396-001 | Design review | Draft  |
    When I read the time cards of "E123" from "2018-03-09" to "2018-03-09"
    Then the card saved as "new-1" is read back with:
      | WorkMinutes | CardStatus | Description   | RoleUid             | TaskUid             |
      | 90          | D          | Design review | 1152921504609525049 | 1152921504608637344 |

  Scenario: Update only the members sent, with the Timestamp last read
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | Description   |
      | new-1       | T            | P001396-001 | 2018-03-09 | 90          | Design review |
    And I have sent the request
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | TimecardUid | Timestamp | WorkMinutes |
      | upd         | T            | @new-1      | @new-1    | 120         |
    When I send the request
    Then the response status is "Ok"
    And time card result "upd" succeeded
    When I read the time cards of "E123" from "2018-03-09" to "2018-03-09"
    Then the card saved as "new-1" is read back with:
      | WorkMinutes | Description   | ProjectCode |
      | 120         | Design review | P001396-001 |

  Scenario: A card of the dataset is updated by its TimecardId
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | TimecardId | WorkMinutes |
      | upd         | T            | 45639611   | 45          |
    When I send the request
    Then time card result "upd" succeeded
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | WorkMinutes | Description  |
      | 45639611   | 45          | Example card |

  Scenario: A ClearFlag empties a member
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | TimecardId | DescriptionClearFlag |
      | upd         | T            | 45639611   | true                 |
    When I send the request
    Then time card result "upd" succeeded
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | Description |
      | 45639611   | none        |

  Scenario Outline: Each ClearFlag empties its own member
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | RoleUid             | WorkDate   | WorkMinutes | LocationName | Udf1   | Udf2 | ExternalGroupingIdentifier |
      | full        | T            | P001396-001 | 1152921504609525049 | 2018-03-20 | 60          | USA          | Travel | T-1  | 42                         |
    And I have sent the request
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | TimecardUid | Timestamp | <flag> |
      | clear       | T            | @full       | @full     | true   |
    When I send the request
    Then time card result "clear" succeeded
    When I read the time cards of "E123" from "2018-03-20" to "2018-03-20"
    Then the card saved as "full" is read back with:
      | <member> | <kept>   |
      | none     | <value>  |

    Examples:
      | flag                                | member                     | kept                       | value |
      | LocationClearFlag                   | LocationName               | ExternalGroupingIdentifier | 42    |
      | RoleClearFlag                       | RoleUid                    | LocationName               | USA   |
      | Udf1ClearFlag                       | Udf1                       | Udf2                       | T-1   |
      | Udf2ClearFlag                       | Udf2                       | LocationName               | USA   |
      | ExternalGroupingIdentifierClearFlag | ExternalGroupingIdentifier | Udf2                       | T-1   |

  Scenario Outline: A ClearFlag wins over a value sent with it
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | RoleUid             | WorkDate   | WorkMinutes | LocationName | Description |
      | full        | T            | P001396-001 | 1152921504609525049 | 2018-03-20 | 60          | USA          | Kept        |
    And I have sent the request
    And a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | TimecardUid | Timestamp | <flag> | <member> |
      | clear       | T            | @full       | @full     | true   | <value>  |
    When I send the request
    Then time card result "clear" succeeded
    When I read the time cards of "E123" from "2018-03-20" to "2018-03-20"
    Then the card saved as "full" is read back with:
      | <member> |
      | none     |

    Examples:
      | flag                 | member       | value               |
      | DescriptionClearFlag | Description  | Replaced            |
      | LocationClearFlag    | LocationName | UK                  |
      | RoleClearFlag        | RoleUid      | 1152921504609525049 |

  Scenario: The answer lists the locations of the cards it saved
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | LocationName |
      | a           | T            | P001396-001 | 2018-03-20 | 60          | USA          |
      | b           | T            | P001396-001 | 2018-03-21 | 60          | UK           |
    When I send the request
    Then the response status is "Ok"
    And the answer's Locations are "UK, USA"

  Scenario: InsertIfNotFoundOnUpdateFlag inserts a card whose identity does not exist
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request sets InsertIfNotFoundOnUpdateFlag to "true"
    And the request saves time cards:
      | ReferenceId | TimecardType | TimecardUid         | ProjectCode | WorkDate   | WorkMinutes |
      | maybe       | T            | 1152921504699999999 | P001396-001 | 2018-03-14 | 30          |
    When I send the request
    Then the response status is "Ok"
    And time card result "maybe" succeeded
    When I read the time cards of "E123" from "2018-03-14" to "2018-03-14"
    Then the card saved as "maybe" is read back with:
      | WorkMinutes | ProjectCode |
      | 30          | P001396-001 |

  @error-64222 @error-20028
  Scenario: Without InsertIfNotFoundOnUpdateFlag an unknown identity is an error
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | TimecardUid         | ProjectCode | WorkDate   | WorkMinutes |
      | maybe       | T            | 1152921504699999999 | P001396-001 | 2018-03-14 | 30          |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20028 TimeCardErrors
    And time card result "maybe" failed with error 64222 SpecifiedTimeCardDoesNotExist

  @error-64219 @error-20028
  Scenario: An unknown time off card identity has its own error
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time off cards:
      | ReferenceId | TimecardType | TimecardUid         | TimeOffReason | WorkDate   | WorkMinutes |
      | maybe       | R            | 1152921504699999999 | Vacation      | 2018-03-20 | 480         |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20028 TimeCardErrors
    And time off card result "maybe" failed with error 64219 SpecifiedTimeoffCardDoesNotExist

  Scenario: A time off card is inserted with its reason
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time off cards:
      | ReferenceId | TimecardType | TimeOffReason | WorkDate   | WorkMinutes |
      | off         | R            | Vacation      | 2018-03-20 | 480         |
    When I send the request
    Then the response status is "Ok"
    And time off card result "off" succeeded
    When I read the time cards of "E123" from "2018-03-20" to "2018-03-20"
    Then the card saved as "off" is read back with:
      | TimecardType | WorkMinutes | TimeOffReason |
      | R            | 480         | Vacation      |

  Scenario: InsertIfNotFoundOnUpdateFlag inserts a time off card whose identity does not exist
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request sets InsertIfNotFoundOnUpdateFlag to "true"
    And the request saves time off cards:
      | ReferenceId | TimecardType | TimecardUid         | TimeOffReason | WorkDate   | WorkMinutes |
      | maybe       | R            | 1152921504699999999 | Vacation      | 2018-03-21 | 240         |
    When I send the request
    Then the response status is "Ok"
    And time off card result "maybe" succeeded
    When I read the time cards of "E123" from "2018-03-21" to "2018-03-21"
    Then the card saved as "maybe" is read back with:
      | TimecardType | WorkMinutes | TimeOffReason |
      | R            | 240         | Vacation      |

  Scenario: The deprecated Status and PreserveTimeCardStatusFlag are read and ignored
    Page 002 marks PreserveTimeCardStatusFlag deprecated; a card's status is its CardStatus (the
    word in Status is what the vendor answers, not what it reads).

    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request sets PreserveTimeCardStatusFlag to "true"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | Status   |
      | new         | T            | P001396-001 | 2018-03-23 | 60          | Approved |
    When I send the request
    Then the response status is "Ok"
    And the response echoes my RequestId as ResponseId
    When I read the time cards of "E123" from "2018-03-23" to "2018-03-23"
    Then the card saved as "new" is read back with:
      | CardStatus | Status |
      | D          | Draft  |

  Scenario: CardStatus accepts the letter and the word
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes | CardStatus |
      | letter      | T            | P001396-001 | 2018-03-15 | 60          | S          |
      | word        | T            | P001396-001 | 2018-03-16 | 60          | Submitted  |
    When I send the request
    Then time card result "letter" returns the saved card with:
      | CardStatus | Status    |
      | S          | Submitted |
    And time card result "word" returns the saved card with:
      | CardStatus | Status    |
      | S          | Submitted |

  Scenario: The resource may be named by its display name
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity has ResourceDisplayName "David Reyes"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | mine        | T            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then the response status is "Ok"
    And time card result "mine" succeeded
    When I read the time cards of "E123" from "2018-03-09" to "2018-03-09"
    Then the card saved as "mine" is read back with:
      | WorkMinutes |
      | 60          |

  @error-50024
  Scenario: Every member of an identity must name the same resource
    The wiki's PwsResourceRef: "if you do specify more than one, they must all refer to the same
    resource or the resource reference will not be considered valid". A member naming no resource
    at all is passed over (assumption: page 003's own example sends "?" beside the uids it means,
    and the vendor answers it Ok); see the next scenario.

    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request's ResourceIdentity has ResourceDisplayName "Deanna Wood"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | mine        | T            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 50024 EntityNotFound
    When I read the time cards of "E123" from "2018-03-09" to "2018-03-09"
    Then the time cards read are exactly none

  Scenario: A member of an identity that names nothing is passed over
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request's ResourceIdentity has ResourceDisplayName "?"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | mine        | T            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then the response status is "Ok"
    And time card result "mine" succeeded

  @error-10111 @error-20028
  Scenario: A new card needs the request's ResourceIdentity, even for the caller's own time
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | mine        | T            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20028 TimeCardErrors
    And time card result "mine" failed with error 10111 RequiredFieldMissing
    When I read the time cards of "E123" from "2018-03-09" to "2018-03-09"
    Then the time cards read are exactly none

  Scenario: A returned card carries every ClearFlag, false, though the mock stores none
    WCF writes every data member of an answer, a value type left unset as its type's default
    (Microsoft Learn, DataMemberAttribute.EmitDefaultValue: "The default is true"; its example writes
    an unset int as `<employeeID>0</employeeID>`), so the vendor's PwsTimecardDetail answers each
    ClearFlag as false, and a client typed from the contract finds them.
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | flags       | T            | P001396-001 | 2018-03-09 | 60          |
    When I send the request
    Then time card result "flags" returns the saved card with:
      | DescriptionClearFlag | LocationClearFlag | RoleClearFlag | Udf1ClearFlag | Udf2ClearFlag | ExternalGroupingIdentifierClearFlag |
      | false                | false             | false         | false         | false         | false                               |
