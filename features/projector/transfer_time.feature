@PwsTransferTime
Feature: PwsTransferTime moves time cards to another project, rate type, role or task
  Each PwsTimeTransferOrder names its cards (TimeCardIdentities: id or uid, and the Timestamp the
  client read) and where they go. The mock applies the three adjustment types so:
  - TPT, transfer time to role: each card moves to NewProjectIdentity (or stays on its project)
    and to NewProjectRoleIdentity, or to the card resource's role named NewProjectRoleName (a
    role of that name is created for the resource when it has none), or to the resource's role
    on the target project when it has exactly one (with several: 90011); NewProjectTaskIdentity
    and NewProjectRateTypeIdentity are taken when given, else the card keeps its own if they
    belong to the target project. The target project is NewProjectIdentity, or the card's own
    project when the order has none: the role, task and rate type must all belong to it (54700,
    90005, 90006), and the role to the card's resource (64161: the vendor's resource-mismatch
    number; none is published for a role of another resource). The card keeps its uid; its
    Timestamp changes.
  - TRT, transfer and exclude time: the same move, and the moved time is excluded from billing.
  - CTT, change task/task code: only the task changes, to NewProjectTaskIdentity, which must be
    a task of the card's own project (an order without it: 10111; an identity with no member: 54205);
    the order's other members do not apply and are ignored.
  Every card is checked and every error reported; with one error, or with ReportOnlyFlag, nothing
  is changed (all or nothing). A card identity needs TimecardType (T or R: 20051 when missing or
  other, as wiki:PwsTimeCardRef requires both type and uid) and TimecardUid or TimecardId (64220).
  A card that does not exist (or was deleted) is 50024; one that
  changed since the client read it, or is ineligible (for reporting only, invoiced or billed,
  submitted in a period closed for time, a time off card) is 64365. So is a NewProjectIdentity
  that is not open: the wiki (Pre-Invoicing Adjustments Form) requires the target project to be
  "Open for Time Transfers" and publishes no number for it; the adjustment cannot be completed, so
  the mock answers page 003's 64365 (its one OpenFlag stands for open for time and for transfers).
  A card named twice in one request (in one order or two) is not moved twice: its first mention
  changes it, so the second names a card that has changed since the client read it, which the
  vendor's Timestamp check most plausibly refuses (the page is silent): 64365, nothing applied.
  A card whose resource has no role on the target project, sent with neither NewProjectRoleIdentity
  nor NewProjectRoleName, is not answered 90011 (whose text says the resource has more than one
  role there). The wiki lets roles be created implicitly (PwsTimeEntryProject.AllowBookingFlag: a
  resource may report time on a project "even if the resource currently has no role", and "a new
  role will be created when the time card is submitted"); page 003 is silent. Assumption: a
  transfer does what a submit does, so where the target project allows booking the resource gets
  a role there, named after it as the submit names one, and the card moves to it; where it does
  not, the card is refused with 90013 ResourceHasNoRoleOnProject (the same rule as PwsSaveTimeCards
  and PwsGetTimeEntryProjectRole), and nothing of the request is applied.
  Which cards may be adjusted, by approval state, is a tenant setting, because two vendor sources
  differ. Page 003 (PwsTransferTime) names no status: its one refusal, 64365, is for a card that
  "has changed or is ineligible for adjustment", and its example transfers card 45639611, the card
  the dataset holds as E123's draft. The wiki's adjustment pages are the Projector screens'
  (Pre-Invoicing Adjustments Form: adjustments "to time and cost cards that have been approved and
  are not already on an invoice"; Invoices - Time Card Review: "the accounting period must be open
  for adjustments"). By default the mock keeps page 003's reading, so the vendor's example works on
  the dataset: a draft, submitted, rejected or approved card is adjusted; an invoiced or billed
  one, one for reporting only, and a submitted one of a period closed for time are not (64365).
  The account setting adjust_approved_cards_only (a column of the dataset's account row) takes the
  adjustment pages' rule: an approved card only, not yet invoiced, in a period open for
  adjustments; any other is 64365, and nothing of the request is applied. Assumption: the mock
  keeps one closed flag per accounting period, for time entry and for adjustments alike (the
  pages name the two together: "an accounting period closed for adjustments and time entry").
  A card outside the target role's dates is refused unless AdjustProjectRoleDatesAsNeededFlag
  widens the role to cover it. (The vendor's element table spells it AdjustRoleDatesAsNeededFlag;
  its example and type listing, which show the wire name, AdjustProjectRoleDatesAsNeededFlag. The
  contract holds the wire name only: the real service would silently ignore the table's spelling,
  so the mock refuses it with a fault naming the element rather than let a client rely on it.)
  AdjustmentCodeIdentity is accepted and ignored ("not applicable to this
  service"); the Explanation is recorded with the adjustment.
  A role, task or rate type identity may name it by its uid, its id or its ExternalSystemIdentifier
  alone (page 003's example sends one in NewProjectRoleIdentity); one that names nothing is 50024.

  Background:
    Given I am logged in to Projector as "e123@example.com"

  Scenario: TPT moves a card to the role, rate type and task of another project
    Given a PwsTransferTime request of type "TPT"
    And the request sets Explanation to "Transferring time to the active project"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          | NewRateTypeUid      | NewTaskUid          |
      | 45639611 | P001556-001    | 1152921504609801802 | 1152921504607410067 | 1152921504608940940 |
    When I send the request
    Then the response status is "Ok"
    And the transferred time cards are exactly 45639611
    And the adjustment recorded is "TPT" with the explanation "Transferring time to the active project"
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode | RoleUid             | RateTypeUid         | TaskUid             | WorkMinutes |
      | 45639611   | P001556-001 | 1152921504609801802 | 1152921504607410067 | 1152921504608940940 | 60          |
    And card 45639611 is billable

  Scenario: AdjustmentCodeIdentity is not applicable here: even an unknown code is ignored
    Given a PwsTransferTime request of type "TPT"
    And the request's AdjustmentCodeIdentity is "No such code"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639611 | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Ok"
    And the response reports no messages
    And the transferred time cards are exactly 45639611

  Scenario: TRT moves the card and excludes its time from billing
    Given a PwsTransferTime request of type "TRT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639611 | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Ok"
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode | RoleUid             |
      | 45639611   | P001556-001 | 1152921504609801802 |
    And card 45639611 is excluded from billing

  Scenario: CTT changes only the task
    Given a PwsTransferTime request of type "CTT"
    And the request transfers time cards:
      | Cards    | NewTaskUid          | NewProjectCode |
      | 45639611 | 1152921504608637344 | P001556-001    |
    When I send the request
    Then the response status is "Ok"
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode | RoleUid             | TaskUid             |
      | 45639611   | P001396-001 | 1152921504609525049 | 1152921504608637344 |

  @error-90005
  Scenario: CTT needs a task of the card's own project
    Given a PwsTransferTime request of type "CTT"
    And the request transfers time cards:
      | Cards    | NewTaskUid          |
      | 45639611 | 1152921504608940940 |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 90005 TaskNotOnSameProject

  Scenario: NewProjectRoleName moves the card to a role of that name, created for the resource
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleName |
      | 45639611 | P001700-001    | Support     |
    When I send the request
    Then the response status is "Ok"
    And E123 has a role "Support" on project "P001700-001"

  Scenario: Several orders, each with several cards, using the Timestamps read
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-03-31"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | WorkDate   | WorkMinutes |
      | a           | T            | P001396-001 | 2018-03-19 | 60          |
      | b           | T            | P001396-001 | 2018-03-20 | 60          |
    And I have sent the request
    And a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | Timestamps | NewProjectCode | NewRoleUid          | NewRoleName |
      | @a, @b   | @a, @b     | P001556-001    | 1152921504609801802 |             |
      | 45639611 |            | P001700-001    |                     | Support     |
    When I send the request
    Then the response status is "Ok"
    And the transferred time cards are exactly @a, @b, 45639611

  @error-20066
  Scenario Outline: AdjustmentType must be TPT, TRT or CTT
    Given a PwsTransferTime request of type "<type>"
    And the request transfers time cards:
      | Cards    | NewProjectCode |
      | 45639611 | P001556-001    |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20066 InvalidValueForTimeAdjustmentType

    Examples: case does not matter ("tpt" is TPT: code_values.feature)
      | type |
      | XYZ  |
      |      |

  @error-50024
  Scenario Outline: A card that does not exist, or was deleted
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards  | NewProjectCode | NewRoleUid          |
      | <card> | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 50024 EntityNotFound

    Examples:
      | card     |
      | 99999999 |
      | 45639615 |

  @error-64365
  Scenario: A card changed since the client read it
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | Timestamps   | NewProjectCode | NewRoleUid          |
      | 45639611 | AAAAAAAAAAA= | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response reports error 64365 OneOrMoreTimeCardsIneligibleForAdjustment

  @error-64365
  Scenario Outline: Cards that are ineligible for adjustment
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards  | CardType | NewProjectCode | NewRoleUid          |
      | <card> | <type>   | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response reports error 64365 OneOrMoreTimeCardsIneligibleForAdjustment

    Examples:
      | card     | type | what                                      |
      | 45639613 | T    | submitted in a period closed for time     |
      | 45639614 | T    | for reporting only                        |
      | 45639618 | T    | invoiced                                  |
      | 45639616 | R    | a time off card                           |

  @error-64365
  Scenario: The target project must be open for time transfers
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode |
      | 45639611 | P001900-001    |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64365 OneOrMoreTimeCardsIneligibleForAdjustment
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode |
      | 45639611   | P001396-001 |

  @error-64365 @error-50024
  Scenario: One bad card and nothing of the request is applied
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards              | NewProjectCode | NewRoleUid          |
      | 45639611, 45639614 | P001556-001    | 1152921504609801802 |
      | 99999999           | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64365 OneOrMoreTimeCardsIneligibleForAdjustment
    And the response reports error 50024 EntityNotFound
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode |
      | 45639611   | P001396-001 |

  Scenario: ReportOnlyFlag checks everything and changes nothing
    Given a PwsTransferTime request of type "TPT"
    And the request sets ReportOnlyFlag to "true"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639611 | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Ok"
    And the transferred time cards are exactly 45639611
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode |
      | 45639611   | P001396-001 |

  @error-64365
  Scenario: ReportOnlyFlag reports every error
    Given a PwsTransferTime request of type "TPT"
    And the request sets ReportOnlyFlag to "true"
    And the request transfers time cards:
      | Cards              | NewProjectCode | NewRoleUid          |
      | 45639614, 45639613 | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64365 OneOrMoreTimeCardsIneligibleForAdjustment twice

  @error-90012
  Scenario: A card outside the target role's dates is refused
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639611 | P001556-001    | 1152921504609801803 |
    When I send the request
    Then the response reports error 90012 TimeCardWorkDateOutsideRoleDates

  Scenario: The adjust flag widens the role's dates to cover the cards
    Given a PwsTransferTime request of type "TPT"
    And the request sets AdjustProjectRoleDatesAsNeededFlag to "true"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639611 | P001556-001    | 1152921504609801803 |
    When I send the request
    Then the response status is "Ok"
    And role 1152921504609801803 runs from 2018-03-05 to 2018-06-30

  # Page 003's element table spells the flag AdjustRoleDatesAsNeededFlag, its example envelope
  # AdjustProjectRoleDatesAsNeededFlag (the contract's). WCF ignores a member it does not know
  # (reading_as_the_vendor.feature): the vendor answers Ok as if the flag were false, and says nothing.
  Scenario: The element table's spelling of the flag is ignored, with a warning naming it
    When I post this envelope to the PWS endpoint:
      """
      <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pws="http://projectorpsa.com/PwsProjectorServices/" xmlns:req="http://projectorpsa.com/DataContracts/Requests/" xmlns:tim="http://projectorpsa.com/DataContracts/Shared/TimeAndCost/" xmlns:com="http://projectorpsa.com/DataContracts/Shared/Common/">
        <soapenv:Body><pws:PwsTransferTime><pws:serviceRequest>
          <req:SessionTicket>{ticket}</req:SessionTicket>
          <tim:AdjustRoleDatesAsNeededFlag>true</tim:AdjustRoleDatesAsNeededFlag>
          <tim:AdjustmentType>TPT</tim:AdjustmentType>
          <tim:TransferOrders><tim:PwsTimeTransferOrder>
            <tim:NewProjectIdentity><com:ProjectCode>P001556-001</com:ProjectCode></tim:NewProjectIdentity>
            <tim:NewProjectRoleIdentity><com:ProjectRoleUid>1152921504609801802</com:ProjectRoleUid></tim:NewProjectRoleIdentity>
            <tim:TimeCardIdentities><tim:PwsVersionedTimecardRef>
              <com:TimecardId>45639611</com:TimecardId><com:TimecardType>T</com:TimecardType>
            </tim:PwsVersionedTimecardRef></tim:TimeCardIdentities>
          </tim:PwsTimeTransferOrder></tim:TransferOrders>
        </pws:serviceRequest></pws:PwsTransferTime></soapenv:Body>
      </soapenv:Envelope>
      """
    Then the answer's Status is "Ok"
    And the answer carries 1 warning
    And the journal warns of "tim:AdjustRoleDatesAsNeededFlag": "unknown member: WCF ignores it"

  Scenario: The element table's spelling of the flag is refused when the tenant reads strictly
    Given the tenant reads requests strictly
    When I post this envelope to the PWS endpoint:
      """
      <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pws="http://projectorpsa.com/PwsProjectorServices/" xmlns:req="http://projectorpsa.com/DataContracts/Requests/" xmlns:tim="http://projectorpsa.com/DataContracts/Shared/TimeAndCost/">
        <soapenv:Body><pws:PwsTransferTime><pws:serviceRequest>
          <req:SessionTicket>{ticket}</req:SessionTicket>
          <tim:AdjustRoleDatesAsNeededFlag>true</tim:AdjustRoleDatesAsNeededFlag>
          <tim:AdjustmentType>TPT</tim:AdjustmentType>
        </pws:serviceRequest></pws:PwsTransferTime></soapenv:Body>
      </soapenv:Envelope>
      """
    Then the answer is a SOAP fault "DeserializationFailed" whose reason mentions "tim:AdjustRoleDatesAsNeededFlag"

  @error-90011
  Scenario: The target role must be named when the resource has several there
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode |
      | 45639611 | P001556-001    |
    When I send the request
    Then the response reports error 90011 ProjectRoleIdentityRequired

  @error-54700
  Scenario: The role must belong to the target project
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639611 | P001556-001    | 1152921504609525049 |
    When I send the request
    Then the response reports error 54700 RoleNotOnSameProject

  Scenario: Role, task and rate type named by their ExternalSystemIdentifier alone
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleExternalId | NewTaskExternalId | NewRateTypeExternalId |
      | 45639611 | P001556-001    | ROLE-SUPPORT-E123 | TASK-SUPPORT      | RT-SUPPORT-STD        |
    When I send the request
    Then the response status is "Ok"
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode | RoleUid             | RateTypeUid         | TaskUid             |
      | 45639611   | P001556-001 | 1152921504609801802 | 1152921504607410067 | 1152921504608940940 |

  @error-50024
  Scenario: An ExternalSystemIdentifier that names no role
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleExternalId |
      | 45639611 | P001556-001    | NO-SUCH-ROLE      |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 50024 EntityNotFound

  @error-54700
  Scenario: Without NewProjectIdentity the role must belong to the card's own project
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewRoleUid          |
      | 45639611 | 1152921504609801802 |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 54700 RoleNotOnSameProject
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode | RoleUid             |
      | 45639611   | P001396-001 | 1152921504609525049 |

  @error-90005 @error-90006
  Scenario: Without NewProjectIdentity the task and rate type must belong to the card's own project
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewTaskUid          | NewRateTypeUid      |
      | 45639611 | 1152921504608940940 |                     |
      | 45639612 |                     | 1152921504607410067 |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 90005 TaskNotOnSameProject
    And the response reports error 90006 RateTypeNotOnSameProject

  @error-64161
  Scenario: The role must be one of the card resource's
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewRoleExternalId |
      | 45639611 | ROLE-WEB-PM       |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64161 TimeCardResourceMismatch

  @error-64365
  Scenario: A card named in two orders is not moved twice
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          | NewRoleName |
      | 45639611 | P001556-001    | 1152921504609801802 |             |
      | 45639611 | P001700-001    |                     | Support     |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64365 OneOrMoreTimeCardsIneligibleForAdjustment
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode |
      | 45639611   | P001396-001 |

  @error-10111
  Scenario: CTT needs NewProjectTaskIdentity
    Given a PwsTransferTime request of type "CTT"
    And the request transfers time cards:
      | Cards    | NewProjectCode |
      | 45639611 | P001556-001    |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 10111 RequiredFieldMissing

  @error-54205
  Scenario: A NewProjectTaskIdentity without any member
    Given a PwsTransferTime request of type "CTT"
    And the request transfers time cards:
      | Cards    | NewTaskUid |
      | 45639611 | none       |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 54205 ProjectTaskReferenceInvalid

  Scenario: The response echoes RequestId as ResponseId
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639611 | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Ok"
    And the response echoes my RequestId as ResponseId

  @error-20033
  Scenario: A request without transfer orders
    Given a PwsTransferTime request of type "TPT"
    When I send the request
    Then the response reports error 20033 TimeCardIdentitiesRequired

  @error-20033
  Scenario: Every transfer order needs its cards, and nothing is applied without them
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639611 | P001556-001    | 1152921504609801802 |
      | none     | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20033 TimeCardIdentitiesRequired
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode |
      | 45639611   | P001396-001 |

  @error-20051
  Scenario Outline: A card identity's TimecardType must be T or R, and is required
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | CardType | NewProjectCode | NewRoleUid          |
      | 45639611 | <type>   | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20051 InvalidValueForTimeCardType

    Examples:
      | type | what                                                             |
      | X    | not a card type                                                  |
      | none | no TimecardType: a ref is valid only with it (wiki: PwsTimeCardRef) |

  @error-64220
  Scenario: A card identity needs its TimecardUid or TimecardId
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards | NewProjectCode | NewRoleUid          |
      | no id | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64220 InvalidTimeCard

  # Eligibility by approval state: page 003 by default, the adjustment pages with the setting.
  Scenario Outline: By default a card is transferred whatever its approval state but invoiced
    Given time card 45639611 is <state>
    And a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639611 | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Ok"
    And the transferred time cards are exactly 45639611

    Examples:
      | state     |
      | draft     |
      | submitted |
      | rejected  |
      | approved  |

  @error-64365
  Scenario Outline: With adjust_approved_cards_only a card that is not approved is not transferred
    Given the account adjusts approved cards only
    And time card 45639611 is <state>
    And a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639611 | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64365 OneOrMoreTimeCardsIneligibleForAdjustment
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode |
      | 45639611   | P001396-001 |

    Examples:
      | state     |
      | draft     |
      | submitted |
      | rejected  |
      | invoiced  |

  Scenario: With adjust_approved_cards_only an approved card is transferred
    Given the account adjusts approved cards only
    And time card 45639611 is approved
    And a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639611 | P001556-001    | 1152921504609801802 |
    When I send the request
    Then the response status is "Ok"
    And the transferred time cards are exactly 45639611

  @error-64365
  Scenario: With adjust_approved_cards_only an approved card of a period closed for time is not transferred
    Given the account adjusts approved cards only
    And time card 45639613 is approved
    And a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode | NewRoleUid          |
      | 45639613 | P001556-001    | 1152921504609801802 |
    And the request sets AdjustProjectRoleDatesAsNeededFlag to "true"
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64365 OneOrMoreTimeCardsIneligibleForAdjustment

  # The wiki: a role is created implicitly where the project allows booking (issue 18).
  Scenario: Without a role named, a role is created where the resource has none and booking is allowed
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode |
      | 45639611 | P001700-001    |
    When I send the request
    Then the response status is "Ok"
    And the transferred time cards are exactly 45639611
    And E123 has a role "David Reyes" on project "P001700-001"

  @error-90013
  Scenario: Without a role named, a project that does not allow booking refuses a resource without a role
    Given a PwsTransferTime request of type "TPT"
    And the request transfers time cards:
      | Cards    | NewProjectCode |
      | 45639611 | P001800-001    |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 90013 ResourceHasNoRoleOnProject
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode |
      | 45639611   | P001396-001 |
