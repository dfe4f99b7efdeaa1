@PwsGetTimeEntryProjectRole
Feature: PwsGetTimeEntryProjectRole gives what a client needs to log time on a project role
  From ProjectIdentity, an optional RoleIdentity and ResourceIdentity (the caller's own resource
  when absent; a caller who is not a resource must name one), and the range from StartDate to
  EndDate (both required, midnight UTC: 20011-20014), the answer's PwsTimeEntryProject carries the
  project, the role, its tasks (each with its ProjectTaskTypeIdentity) and rate types, its task
  types (ProjectTaskTypes: NarrativeRequiredFlag says a card on a task of that type needs a
  description), whether a description (narrative) is required on the whole project, the
  PM-module flag, and the resource's cards on that role in the range (both ends included: the
  page says "prior to this EndDate" in one revision and "the date range" in another; the mock
  includes a card dated on EndDate, as PwsGetTimeCards does). With RoleIdentity, only the cards on
  that role count; without it, all the resource's cards on the project. ProjectRoles and RoleCount
  are the resource's own roles there (or the one named), as PwsGetTimeCards gives them.
  An empty ProjectIdentity specifies no project: 20010, as a missing one.
  RoleIdentity is needed when the resource has several roles on the project (the mock answers
  90011 without it: the vendor's number is unpublished); a resource without a role may log time
  only on a project that allows booking (AllowBookingFlag: a role is created on submit), else 90013.
  RoleIdentity picks among the resource's own roles: another resource's role is refused with
  64161 TimeCardResourceMismatch (the vendor's number for a resource that does not match; none is
  published for this case).

  Background:
    Given I am logged in to Projector as "e123@example.com"

  Scenario: My one role on a project, with my cards in the range
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001396-001"
    When I send the request
    Then the response status is "Ok"
    And the time entry project is "P001396-001" with:
      | PmModuleEnabledFlag | DescriptionRequiredFlag | AllowBookingFlag | RoleCount | TaskCount |
      | true                | false                   | false            | 1         | 1         |
    And the time entry project offers the roles 1152921504609525049
    And the time cards read are exactly 45639611,45639612,45639614

  Scenario: The deprecated CanOpenFlag is answered, false
    The contract marks CanOpenFlag "*** deprecated ***" and the mock keeps no value for it; WCF still
    writes every data member, an unset value type as its type's default (Microsoft Learn,
    DataMemberAttribute.EmitDefaultValue: "The default is true"), so the vendor answers it false.
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001396-001"
    When I send the request
    Then the response status is "Ok"
    And the time entry project is "P001396-001" with:
      | CanOpenFlag |
      | false       |

  Scenario: A project that requires a description (narrative) says so
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P002000-001"
    And the request's RoleIdentity is role 1152921504609900001
    When I send the request
    Then the response status is "Ok"
    And the time entry project is "P002000-001" with:
      | DescriptionRequiredFlag | Udf1Treatment | Udf2Treatment |
      | true                    | R             | N             |

  Scenario: The project's task types say which need a narrative
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001556-001"
    And the request's RoleIdentity is role 1152921504609801802
    When I send the request
    Then the response status is "Ok"
    And the time entry project offers the task types:
      | ProjectTaskTypeName | NarrativeRequiredFlag | InactiveFlag |
      | Support             | true                  | false        |
      | Maintenance         | false                 | false        |
    And the time entry project's task "Support" is of task type "Support"

  @error-54700
  Scenario: A role of another project
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P002000-001"
    And the request's RoleIdentity is role 1152921504609801803
    When I send the request
    Then the response reports error 54700 RoleNotOnSameProject

  Scenario: A role named among several
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001556-001"
    And the request's RoleIdentity is role 1152921504609801802
    When I send the request
    Then the response status is "Ok"
    And the time entry project offers the roles 1152921504609801802
    And the time entry project is "P001556-001" with:
      | PmModuleEnabledFlag | DescriptionRequiredFlag |
      | false               | false                   |

  Scenario: A role named by its ExternalSystemIdentifier alone
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001556-001"
    And the request's RoleIdentity is the role with ExternalSystemIdentifier "ROLE-SUPPORT-E123"
    When I send the request
    Then the response status is "Ok"
    And the time entry project offers the roles 1152921504609801802

  @error-64161
  Scenario: A role of another resource
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001396-001"
    And the request's RoleIdentity is the role with ExternalSystemIdentifier "ROLE-WEB-PM"
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64161 TimeCardResourceMismatch

  Scenario: Another resource's project role, for an administrator
    Given I am logged in to Projector as "api.admin@example.com"
    And a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001396-001"
    And the request's ResourceIdentity is "E123"
    When I send the request
    Then the time entry project offers the roles 1152921504609525049

  Scenario: A project that allows booking needs no role
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001700-001"
    When I send the request
    Then the response status is "Ok"
    And the time entry project is "P001700-001" with:
      | AllowBookingFlag | RoleCount |
      | true             | 0         |

  @error-90011
  Scenario: Several roles on the project and no RoleIdentity
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001556-001"
    When I send the request
    Then the response status is "Fail"
    And the response reports error 90011 ProjectRoleIdentityRequired

  @error-90013
  Scenario: No role on a project that does not allow booking
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001800-001"
    When I send the request
    Then the response reports error 90013 ResourceHasNoRoleOnProject

  @error-20010
  Scenario: ProjectIdentity is required
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20010 ProjectRequiredForGetTimeEntryProjectRole

  @error-20010
  Scenario: An empty ProjectIdentity specifies no project
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is empty
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20010 ProjectRequiredForGetTimeEntryProjectRole

  Scenario: EndDate is included: a card dated on it counts
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-05"
    And the request's ProjectIdentity is "P001396-001"
    When I send the request
    Then the response status is "Ok"
    And the time cards read are exactly 45639611

  Scenario: With RoleIdentity only the cards on that role count
    Given a PwsSaveTimeCards request from "2018-03-01" to "2018-06-30"
    And the request's ResourceIdentity is "E123"
    And the request saves time cards:
      | ReferenceId | TimecardType | ProjectCode | RoleUid             | WorkDate   | WorkMinutes |
      | developer   | T            | P001556-001 | 1152921504609801802 | 2018-03-19 | 60          |
      | tester      | T            | P001556-001 | 1152921504609801803 | 2018-06-04 | 60          |
    And I have sent the request
    And a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-06-30"
    And the request's ProjectIdentity is "P001556-001"
    And the request's RoleIdentity is role 1152921504609801803
    When I send the request
    Then the response status is "Ok"
    And the time cards read are exactly @tester

  Scenario: RoleCount counts the resource's roles, as PwsGetTimeCards does
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001396-001"
    When I send the request
    Then the time entry project is "P001396-001" with:
      | RoleCount |
      | 1         |
    When I read the time cards of "E123" from "2018-03-01" to "2018-03-31"
    Then the project read is "P001396-001" with:
      | RoleCount |
      | 1         |

  @error-20011 @error-20012
  Scenario: StartDate and EndDate are required
    Given a PwsGetTimeEntryProjectRole request from "none" to "none"
    And the request's ProjectIdentity is "P001396-001"
    When I send the request
    Then the response reports error 20011 TimeEntryProjectRoleStartDateRequired
    And the response reports error 20012 TimeEntryProjectRoleEndDateRequired

  @error-20013 @error-20014
  Scenario: StartDate and EndDate must be midnight UTC
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01T09:00:00Z" to "2018-03-31T00:00:00+02:00"
    And the request's ProjectIdentity is "P001396-001"
    When I send the request
    Then the response reports error 20013 InvalidValueForTimeEntryProjectRoleStartDate
    And the response reports error 20014 InvalidValueForTimeEntryProjectRoleEndDate

  @error-90004
  Scenario: A caller who is not a resource must name one
    Given I am logged in to Projector as "no.resource@example.com"
    And a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001396-001"
    When I send the request
    Then the response reports error 90004 CallerNotAssociatedWithResource

  @error-50024
  Scenario: A project that does not exist
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P999999-999"
    When I send the request
    Then the response reports error 50024 EntityNotFound

  @error-50024
  Scenario: A resource that does not exist
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001396-001"
    And the request's ResourceIdentity is "E999"
    When I send the request
    Then the response status is "Fail"
    And the response reports error 50024 EntityNotFound

  @error-50024
  Scenario: A role that does not exist
    Given a PwsGetTimeEntryProjectRole request from "2018-03-01" to "2018-03-31"
    And the request's ProjectIdentity is "P001396-001"
    And the request's RoleIdentity is role 1152921504699999999
    When I send the request
    Then the response status is "Fail"
    And the response reports error 50024 EntityNotFound
