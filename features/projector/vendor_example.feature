Feature: The vendor's own examples work against the mock as they are
  The example requests of the vendor's pages, unchanged but for their SessionTicket, work against
  the default dataset, which holds every project, role, task, rate type and location uid they
  name. Page 002's inserts a 60-minute card for resource E123 on project P001396-001, saves an
  estimate and a task note, and submits; page 003's moves card 45639611 to project P001556-001.
  The answers are written as WCF writes them: every member of the contract, a member without a
  value as i:nil (page 003's answer shows `<b:ReferenceId i:nil="true"/>`), so a client meets
  the same elements here as at the vendor.

  Page 002's own example answer to its save (one card, one estimate, one task note, submitted)
  shows EstimateResults, TaskNoteResults, TimecardResults and Locations empty, with SubmittedFlag
  true. The wiki's result pages say otherwise: PwsSaveTimecardResult (pageId 9372110) "will report
  back details about each time card, whether it succeeded or failed" (an earlier revision of that
  page said "about each failure"), and PwsSaveTaskNoteResult (pageId 9373635) and
  PwsSaveEstimateResult show results of successful saves. The two vendor sources conflict, and a
  client that matches ReferenceIds to results depends on which is right, so it is an account
  setting: by default one result comes back per item sent, as the result pages say; an account with
  pr_account.save_results_failed_only set (a dataset's or snapshot's account row,
  `"save_results_failed_only": 1`) answers only the items that failed, which gives page 002's shape
  when all is saved. Locations name the locations of the cards the answer returns, so they are
  empty there too.

  @PwsSaveTimeCards
  Scenario: The PwsSaveTimeCards example, sent by an administrator entering time for E123
    Given I am logged in to Projector as "api.admin@example.com"
    When I post the vendor's example PwsSaveTimeCards request
    Then the answer's Status is "Ok"
    And the answer's SubmittedFlag is "true"
    And the answer writes these members nil:
      | member                                                     |
      | PwsSaveTimecardResult/ErrorDetail                          |
      | PwsSaveTimecardResult/ReferenceId                          |
      | PwsSaveTimecardResult/TimeCard/Description                 |
      | PwsSaveTimecardResult/TimeCard/ExternalGroupingIdentifier  |
      | PwsSaveEstimateResult/ReferenceId                          |
    When I read the time cards of "E123" from "2018-03-09" to "2018-03-09"
    Then the time cards read include:
      | WorkDate   | WorkMinutes | CardStatus | ProjectCode | LocationName | RoleUid             |
      | 2018-03-09 | 60          | S          | P001396-001 | USA          | 1152921504609525049 |
    And the remaining estimate of task role 1152921504608549426 is 360 minutes
    And task 1152921504608637344 has the note "Added via the web service"

  @PwsSaveTimeCards
  Scenario: By default the example's save answers one result per item, as the wiki's result pages say
    Given I am logged in to Projector as "api.admin@example.com"
    When I post the vendor's example PwsSaveTimeCards request
    Then the answer's TimecardResults lists 1 items
    And the answer's EstimateResults lists 1 items
    And the answer's TaskNoteResults lists 1 items
    And the answer's Locations lists 1 items

  @PwsSaveTimeCards
  Scenario: An account that reports only failed items answers the example's save as page 002 shows it
    Given the account "DEMO" reports only the failed items of a save
    And I am logged in to Projector as "api.admin@example.com"
    When I post the vendor's example PwsSaveTimeCards request
    Then the answer has the members of the vendor's example PwsSaveTimeCards response, nil ones as nil
    And the answer's SubmittedFlag is "true"
    And task 1152921504608637344 has the note "Added via the web service"

  @PwsTransferTime
  Scenario: The vendor's PwsTransferTime example moves card 45639611 to the active project
    Given I am logged in to Projector as "e123@example.com"
    When I post the vendor's example PwsTransferTime request
    Then the answer's Status is "Ok"
    And the answer has the members of the vendor's example PwsTransferTime response, nil ones as nil
    And the answer's TimecardUid is "1152921504652486587"
    And the adjustment recorded is "TPT" with the adjustment code "Other"
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | ProjectCode | RoleUid             | RateTypeUid         | TaskUid             |
      | 45639611   | P001556-001 | 1152921504609801802 | 1152921504607410067 | 1152921504608940940 |
