@PwsSplitTimeCards
Feature: PwsSplitTimeCards divides a time card into two
  The card named by each PwsTimeSplitOrder keeps the share given by SplitMinutes or SplitPercent
  (a fraction: .35 keeps 35 %); a new card with the same project, role, task, date and status
  receives the rest. The response lists each original card with the card it created. A split is
  all or nothing: if any order fails, every failure is reported (Status Fail) and no card changes
  (assumption: the vendor documents this for PwsTransferTime; its split page is silent).
  The vendor lists the split errors 20037 and 64338 on PwsSaveTimeCards' page; they come from here.
  For-reporting-only cards and cards submitted in a period closed for time are ineligible (64365).
  Which cards a split takes by approval state is the tenant setting adjust_approved_cards_only,
  as for PwsTransferTime (transfer_time.feature gives both vendor sources): by default any card
  but an invoiced or billed one; with the setting, approved cards in a period open for
  adjustments only (the wiki's adjustment pages; Split is one of the adjustments they list).
  Mock limitation: wiki:PwsTimeSplitOrder lets a split give SplitAdjustmentAmount alone ("the
  adjusted amount to be assigned to the existing card after the split"), but the mock's cards carry
  no rates or amounts, so it cannot split by one. It answers 90040 SplitAdjustmentAmountNotModelled,
  a mock number whose text says so, not 90009 SplitValueRequired, whose text ("A
  SplitAdjustmentAmount or SplitMinutes or SplitPercent is required") would deny the client sent
  the amount; 90009 is for an order with none of the three. Beside SplitMinutes or SplitPercent the
  amount is ignored.

  Background:
    Given I am logged in to Projector as "e123@example.com"
    And a PwsSplitTimeCards request

  Scenario: Split a card by percentage
    Given the request splits time cards:
      | TimecardType | TimecardId | SplitPercent |
      | T            | 45639611   | .25          |
    And the request sets Explanation to "Half of it was support"
    When I send the request
    Then the response status is "Ok"
    And card 45639611 was split into a new card
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | WorkMinutes | ProjectCode | CardStatus |
      | 45639611   | 15          | P001396-001 | D          |
      | @split     | 45          | P001396-001 | D          |

  Scenario: Split a card by minutes, with the Timestamp last read
    Given the request splits time cards:
      | TimecardType | TimecardUid         | Timestamp    | SplitMinutes |
      | T            | 1152921504652486587 | AAAAAAAAAAE= | 40           |
    When I send the request
    Then the response status is "Ok"
    And card 45639611 was split into a new card
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | WorkMinutes |
      | 45639611   | 40          |
      | @split     | 20          |

  @error-20037
  Scenario Outline: The share kept must be more than nothing and less than all
    Given the request splits time cards:
      | TimecardType | TimecardId | SplitPercent | SplitMinutes |
      | T            | 45639611   | <percent>    | <minutes>    |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 20037 TimeCardSplitPercentOutOfRange

    Examples:
      | percent | minutes |
      | 0       |         |
      | 1       |         |
      | 35      |         |

  @error-90010
  Scenario Outline: SplitMinutes must leave minutes on both cards
    Given the request splits time cards:
      | TimecardType | TimecardId | SplitMinutes |
      | T            | 45639611   | <minutes>    |
    When I send the request
    Then the response reports error 90010 SplitValueOutOfRange

    Examples:
      | minutes |
      | 60      |
      | 0       |
      | -5      |

  @error-90009
  Scenario: A split needs the share the card keeps
    Given the request splits time cards:
      | TimecardType | TimecardId | SplitAdjustmentAmount |
      | T            | 45639611   |                       |
    When I send the request
    Then the response reports error 90009 SplitValueRequired

  @error-90040
  Scenario: A split by SplitAdjustmentAmount alone is refused in words that say the mock cannot model it
    Given the request splits time cards:
      | TimecardType | TimecardId | SplitAdjustmentAmount |
      | T            | 45639611   | 12.5                  |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 90040 SplitAdjustmentAmountNotModelled
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read are exactly 45639611

  Scenario: Beside SplitMinutes, a SplitAdjustmentAmount is ignored
    Given the request splits time cards:
      | TimecardType | TimecardId | SplitMinutes | SplitAdjustmentAmount |
      | T            | 45639611   | 40           | 12.5                  |
    When I send the request
    Then the response status is "Ok"
    And card 45639611 was split into a new card
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read include:
      | TimecardId | WorkMinutes |
      | 45639611   | 40          |
      | @split     | 20          |

  @error-64365
  Scenario Outline: For-reporting-only cards and submitted cards of a closed period are ineligible
    Given the request splits time cards:
      | TimecardType | TimecardId | SplitPercent |
      | T            | <card>     | .5           |
    When I send the request
    Then the response reports error 64365 OneOrMoreTimeCardsIneligibleForAdjustment

    Examples:
      | card     |
      | 45639614 |
      | 45639613 |

  @error-64338
  Scenario: A deleted card cannot be split
    Given the request splits time cards:
      | TimecardType | TimecardId | SplitPercent |
      | T            | 45639615   | .5           |
    When I send the request
    Then the response reports error 64338 SplitCardTimeCardHasBeenDeleted

  @error-64182
  Scenario: A card changed since the client read it
    Given the request splits time cards:
      | TimecardType | TimecardId | Timestamp    | SplitPercent |
      | T            | 45639611   | AAAAAAAAAAA= | .5           |
    When I send the request
    Then the response reports error 64182 TimecardHasBeenChanged

  @error-64222 @error-64220
  Scenario: Every failed order is reported and nothing is split
    Given the request splits time cards:
      | TimecardType | TimecardId | SplitPercent |
      | T            | 45639611   | .5           |
      | T            | 99999999   | .5           |
      | T            |            | .5           |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64222 SpecifiedTimeCardDoesNotExist
    And the response reports error 64220 InvalidTimeCard
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read are exactly 45639611

  @error-20033
  Scenario: A request without split orders
    Given the request's SplitOrders is empty
    When I send the request
    Then the response reports error 20033 TimeCardIdentitiesRequired

  @error-50024
  Scenario: An adjustment code that does not exist
    Given the request splits time cards:
      | TimecardType | TimecardId | SplitPercent |
      | T            | 45639611   | .5           |
    And the request's AdjustmentCodeIdentity is "No such code"
    When I send the request
    Then the response reports error 50024 EntityNotFound

  @error-64365
  Scenario Outline: With adjust_approved_cards_only only an approved card is split
    Given the account adjusts approved cards only
    And time card 45639611 is <state>
    And the request splits time cards:
      | TimecardType | TimecardId | SplitPercent |
      | T            | 45639611   | .5           |
    When I send the request
    Then the response status is "Fail"
    And the response reports error 64365 OneOrMoreTimeCardsIneligibleForAdjustment
    When I read the time cards of "E123" from "2018-03-05" to "2018-03-05"
    Then the time cards read are exactly 45639611

    Examples:
      | state     |
      | draft     |
      | submitted |
      | invoiced  |

  Scenario: With adjust_approved_cards_only an approved card is split
    Given the account adjusts approved cards only
    And time card 45639611 is approved
    And the request splits time cards:
      | TimecardType | TimecardId | SplitPercent |
      | T            | 45639611   | .5           |
    When I send the request
    Then the response status is "Ok"
    And card 45639611 was split into a new card

  Scenario Outline: By default a draft or submitted card is split
    Given time card 45639611 is <state>
    And the request splits time cards:
      | TimecardType | TimecardId | SplitPercent |
      | T            | 45639611   | .5           |
    When I send the request
    Then the response status is "Ok"
    And card 45639611 was split into a new card

    Examples:
      | state     |
      | draft     |
      | submitted |
