package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.EvaluateDecisionResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fit decision on its own, evaluated by the engine: the points of partner-fit-score add up to a score of 0
 * to 100, and partner-fit routes on it (70+ qualify, 40 to 69 review, less decline) after the revenue floors.
 */
class PartnerFitDecisionTest extends ProcessTestSupport {

  @ParameterizedTest(name = "{0} {1}/yr, {2} customers, {3} certs, regions {4}, expertise {5}: {6} at {7}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      # segment         | revenue   | customers | certs | regions          | expertise        | route   | score | reason
      REFERRAL          | 2000      | 3         | 0     | EMEA             | -                | decline | 10    | Referral partners must expect at least 10,000 in annual revenue
      REFERRAL          | 60000     | 25        | 1     | EMEA             | saas             | review  | 45    | Partly matches the ideal partner profile: needs a review
      RESELLER          | 40000     | 500       | 5     | EMEA;NA;APAC     | security;cloud   | decline | 65    | Resale and service partners must expect at least 50,000 in annual revenue
      RESELLER          | 1500000   | 250       | 4     | EMEA;NA;APAC     | security;cloud   | qualify | 100   | Matches the ideal partner profile
      REFERRAL          | 10000     | 100       | 1     | NA               | -                | review  | 40    | Partly matches the ideal partner profile: needs a review
      DISTRIBUTOR       | 1000000   | 100       | 0     | EMEA;NA;APAC     | -                | qualify | 70    | Matches the ideal partner profile
      SYSTEM_INTEGRATOR | 300000    | 30        | 1     | EMEA             | erp              | review  | 55    | Partly matches the ideal partner profile: needs a review
      MSP               | 250000    | 20        | 0     | -                | -                | decline | 35    | Too far from the ideal partner profile (fit score below 40)
      MSP               | 999999    | 99        | 2     | EMEA;NA          | security;network | review  | 60    | Partly matches the ideal partner profile: needs a review
      """)
  void routesAnApplicationByItsFitScore(String segment, long revenue, int customers, int certifications,
                                        String regions, String expertise, String route, int score, String reason) {
    var application = application(segment, revenue, customers, certifications, list(regions), list(expertise));

    EvaluateDecisionResponse result = client.newEvaluateDecisionCommand().decisionId("partner-fit")
        .variables(Map.of("application", application)).send().join();

    assertThat(result.getFailureMessage()).isNullOrEmpty();
    assertThat(result.getDecisionOutput()).isNotNull();
    Map<String, Object> fit = client.getConfiguration().getJsonMapper().fromJsonAsMap(result.getDecisionOutput());
    assertThat(fit).containsEntry("route", route).containsEntry("reason", reason);
    assertThat(((Number) fit.get("score")).intValue()).isEqualTo(score);
  }

  private static List<String> list(String semicolonSeparated) {
    return "-".equals(semicolonSeparated) ? List.of() : Arrays.asList(semicolonSeparated.split(";"));
  }
}
