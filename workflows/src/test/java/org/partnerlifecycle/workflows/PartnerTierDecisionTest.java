package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tier decision on its own, evaluated by the engine. Bars (attainment, close rate, certified staff):
 * Silver 1.0, 0.2, 2; Gold 1.2, 0.3, 5; Platinum 1.5, 0.4, 10. Promotion needs the whole next bar; demotion
 * comes with attainment under 75% of the current bar or too few certified staff; first matching rule wins.
 */
class PartnerTierDecisionTest extends ProcessTestSupport {

  @ParameterizedTest(name = "{0}, non-productive {1}, attainment {2}, close rate {3}, staff {4}/{5}: {6} to {7}")
  @CsvSource(delimiter = '|', textBlock = """
      # tier     | non-productive | attainment | close rate | staff | required | action         | target
      SILVER     | true           | 0.0        | 0.0        | 3     | 2        | non-productive | SILVER
      GOLD       | true           | 1.6        | 0.5        | 12    | 5        | non-productive | GOLD
      SILVER     | false          | 0.7        | 0.3        | 3     | 2        | demote         | REGISTERED
      SILVER     | false          | 0.75       | 0.3        | 3     | 2        | keep           | SILVER
      GOLD       | false          | 0.89       | 0.35       | 6     | 5        | demote         | SILVER
      PLATINUM   | false          | 1.1        | 0.45       | 12    | 10       | demote         | GOLD
      SILVER     | false          | 1.3        | 0.35       | 1     | 2        | demote         | REGISTERED
      GOLD       | false          | 1.6        | 0.5        | 4     | 5        | demote         | SILVER
      PLATINUM   | false          | 1.6        | 0.5        | 9     | 10       | demote         | GOLD
      REGISTERED | false          | 1.0        | 0.2        | 2     | 0        | promote        | SILVER
      REGISTERED | false          | 1.0        | 0.19       | 2     | 0        | keep           | REGISTERED
      SILVER     | false          | 1.2        | 0.3        | 5     | 2        | promote        | GOLD
      SILVER     | false          | 1.25       | 0.3        | 4     | 2        | keep           | SILVER
      GOLD       | false          | 1.5        | 0.4        | 10    | 5        | promote        | PLATINUM
      PLATINUM   | false          | 2.0        | 0.6        | 20    | 10       | keep           | PLATINUM
      REGISTERED | false          | 0.1        | 0.05       | 0     | 0        | keep           | REGISTERED
      """)
  void decidesTheTierActionFromTheScorecard(String tier, boolean nonProductive, double attainment, double closeRate,
                                            int staff, int requiredStaff, String action, String targetTier) {
    EvaluateDecisionResponse result = client.newEvaluateDecisionCommand().decisionId("partner-tier")
        .variables(Map.of("scorecard", scorecard(tier, attainment, closeRate, staff, requiredStaff, nonProductive)))
        .send().join();

    assertThat(result.getFailureMessage()).isNullOrEmpty();
    Map<String, Object> decision = client.getConfiguration().getJsonMapper().fromJsonAsMap(result.getDecisionOutput());
    assertThat(decision).containsEntry("action", action).containsEntry("targetTier", targetTier);
    assertThat((String) decision.get("reason")).isNotBlank();
  }
}
