package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.MatchedDecisionRule;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.NodeList;

/**
 * The channel conflict matrix: deal-routing evaluated by the engine for every rule, including the cases where
 * an earlier rule wins over a later one (hit policy FIRST), and the table holds no rule this matrix leaves out.
 */
class DealRoutingDecisionTest extends ProcessTestSupport {

  private static final String DIRECT_ACCOUNT = "The customer is a named direct account";
  private static final String REGISTERED_LATER = "Another partner registered this customer first";

  /** One line of the matrix: the facts conflict detection reports, and the route, reason and rule they get. */
  record Conflict(boolean directAccount, boolean evidenceProvided, boolean incumbentOther, int competingCount,
                  boolean firstCome, String route, String reason, String rule) {

    Map<String, Object> facts() {
      return conflicts(directAccount, evidenceProvided, incumbentOther, competingCount, firstCome);
    }

    @Override
    public String toString() {
      return "direct %s, evidence %s, incumbent other %s, %d competing, first %s -> %s (%s)".formatted(
          directAccount, evidenceProvided, incumbentOther, competingCount, firstCome, route, rule);
    }
  }

  /**
   * The variable {@code conflicts} as the conflict detection reports it, facts in the order of the table's
   * columns (a mutable map, so a test can leave a fact out).
   */
  static Map<String, Object> conflicts(boolean directAccount, boolean evidenceProvided, boolean incumbentOther,
                                       int competingCount, boolean firstCome) {
    Map<String, Object> conflicts = new HashMap<>();
    conflicts.put("directAccount", directAccount);
    conflicts.put("evidenceProvided", evidenceProvided);
    conflicts.put("incumbentOther", incumbentOther);
    conflicts.put("competingCount", competingCount);
    conflicts.put("firstCome", firstCome);
    return conflicts;
  }

  static List<Conflict> matrix() {
    return List.of(
        //           direct evidence incumbent competing first  route      reason                rule
        new Conflict(true,  false,   false,    0,        true,  "reject",  DIRECT_ACCOUNT,       "RoutingRule1"),
        new Conflict(true,  false,   true,     2,        false, "reject",  DIRECT_ACCOUNT,       "RoutingRule1"),
        new Conflict(true,  true,    false,    0,        true,  "review",
            DIRECT_ACCOUNT + "; the partner provided evidence", "RoutingRule2"),
        new Conflict(true,  true,    true,     1,        false, "review",
            DIRECT_ACCOUNT + "; the partner provided evidence", "RoutingRule2"),
        new Conflict(false, false,   true,     0,        true,  "review",
            "Another partner is the incumbent on this customer", "RoutingRule3"),
        new Conflict(false, false,   true,     3,        false, "review",
            "Another partner is the incumbent on this customer", "RoutingRule3"),
        new Conflict(false, true,    true,     1,        true,  "review",
            "Another partner is the incumbent on this customer", "RoutingRule3"),
        new Conflict(false, false,   false,    1,        false, "reject",  REGISTERED_LATER,     "RoutingRule4"),
        new Conflict(false, false,   false,    5,        false, "reject",  REGISTERED_LATER,     "RoutingRule4"),
        new Conflict(false, true,    false,    2,        false, "review",
            REGISTERED_LATER + "; the partner provided evidence", "RoutingRule5"),
        new Conflict(false, false,   false,    1,        true,  "approve",
            "Registered first of the competing registrations", "RoutingRule6"),
        new Conflict(false, true,    false,    4,        true,  "approve",
            "Registered first of the competing registrations", "RoutingRule6"),
        new Conflict(false, false,   false,    0,        true,  "approve", "No channel conflict", "RoutingRule7"),
        new Conflict(false, true,    false,    0,        false, "approve", "No channel conflict", "RoutingRule7"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void routesARegistrationByItsConflicts(Conflict conflict) {
    EvaluateDecisionResponse result = evaluate(conflict.facts());

    assertThat(result.getFailureMessage()).isNullOrEmpty();
    Map<String, Object> dealRoute = client.getConfiguration().getJsonMapper().fromJsonAsMap(result.getDecisionOutput());
    assertThat(dealRoute).containsOnly(Map.entry("route", conflict.route()), Map.entry("reason", conflict.reason()));
    assertThat(result.getEvaluatedDecisions().getFirst().getMatchedRules()).extracting(MatchedDecisionRule::getRuleId)
        .as("the first matching rule").first().isEqualTo(conflict.rule());
  }

  @Test
  void theMatrixCoversEveryRuleOfTheTable() throws Exception {
    assertThat(matrix().stream().map(Conflict::rule).distinct().toList())
        .as("the rules the matrix expects, against the rules of deal-routing.dmn")
        .containsExactlyElementsOf(ruleIds());
  }

  @Test
  void factsNoRuleCoversLeaveTheRouteEmpty() {
    Map<String, Object> evidenceUnknown = conflicts(false, false, false, 1, false);
    evidenceUnknown.remove("evidenceProvided");

    EvaluateDecisionResponse result = evaluate(evidenceUnknown);

    assertThat(result.getFailureMessage()).isNullOrEmpty();
    assertThat(result.getEvaluatedDecisions().getFirst().getMatchedRules()).isEmpty();
    assertThat(result.getDecisionOutput()).isEqualTo("null");
  }

  private EvaluateDecisionResponse evaluate(Map<String, Object> conflicts) {
    return client.newEvaluateDecisionCommand().decisionId("deal-routing")
        .variables(Map.of("conflicts", conflicts)).send().join();
  }

  /** The ids of the rules in deal-routing.dmn, in table order. */
  private static List<String> ruleIds() throws Exception {
    try (InputStream dmn = DealRoutingDecisionTest.class.getResourceAsStream("/workflows/dmn/deal-routing.dmn")) {
      if (dmn == null) {
        throw new IOException("deal-routing.dmn is not on the classpath");
      }
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList rules = factory.newDocumentBuilder().parse(dmn).getElementsByTagNameNS("*", "rule");
      return IntStream.range(0, rules.getLength())
          .mapToObj(i -> rules.item(i).getAttributes().getNamedItem("id").getNodeValue()).toList();
    }
  }
}
