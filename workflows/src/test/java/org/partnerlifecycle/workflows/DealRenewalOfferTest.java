package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Incumbency: before a customer contract ends, its partner gets the renewal first. It accepts, declines, or lets
 * the acceptance window pass, after which the renewal is open to others.
 */
class DealRenewalOfferTest extends ProcessTestSupport {

  private static final String DEAL_RENEWAL_OFFER = "deal-renewal-offer";

  @Test
  void theIncumbentAcceptsTheRenewal() {
    long partnerId = newPartnerId();
    long contractId = newId();
    long instance = startOffer(partnerId, contractId);
    RanJob offer = jobAt(instance, "OfferRenewalToIncumbent");
    assertThat(offer.type()).isEqualTo("deal-renewal-offer");
    assertThat(((Number) offer.variables().get("partnerId")).longValue()).isEqualTo(partnerId);
    assertThat(((Number) offer.variables().get("contractId")).longValue()).isEqualTo(contractId);

    publish("deal-renewal-accepted", newId());
    engine.waitForIdleState(WAIT);
    assertThat(isWaitingAt(instance, "AwaitIncumbentAnswer")).as("an answer about another contract").isTrue();
    publish("deal-renewal-accepted", contractId);

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance)).containsSubsequence("ContractEndingSoon", "OfferRenewalToIncumbent",
            "AwaitIncumbentAnswer", "IncumbentAccepted", "AcceptRenewalOffer", "RenewalAccepted", DEAL_RENEWAL_OFFER)
        .doesNotContain("ReleaseRenewalOffer", "ReleaseUnansweredOffer");
    assertThat(jobAt(instance, "AcceptRenewalOffer").type()).isEqualTo("deal-renewal-accept");
  }

  @Test
  void theIncumbentDeclinesAndTheRenewalIsReleased() {
    long contractId = newId();
    long instance = startOffer(newPartnerId(), contractId);

    publish("deal-renewal-declined", contractId);

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance))
        .containsSubsequence("AwaitIncumbentAnswer", "IncumbentDeclined", "ReleaseRenewalOffer", "RenewalReleased")
        .doesNotContain("AcceptRenewalOffer", "ReleaseUnansweredOffer");
    RanJob release = jobAt(instance, "ReleaseRenewalOffer");
    assertThat(release.type()).isEqualTo("deal-renewal-release");
    assertThat(((Number) release.variables().get("contractId")).longValue()).isEqualTo(contractId);
  }

  @Test
  void anUnansweredOfferLapsesWhenTheAcceptanceWindowEnds() {
    long contractId = newId();
    long instance = startOffer(newPartnerId(), contractId);

    passTime(Duration.ofDays(13));
    assertThat(isWaitingAt(instance, "AwaitIncumbentAnswer")).as("within the fourteen days").isTrue();
    passTime(Duration.ofDays(1).plusMinutes(1));

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance)).containsSubsequence(
            "AwaitIncumbentAnswer", "AcceptanceWindowEnds", "ReleaseUnansweredOffer", "RenewalOfferLapsed")
        .doesNotContain("AcceptRenewalOffer", "ReleaseRenewalOffer");
    RanJob release = jobAt(instance, "ReleaseUnansweredOffer");
    assertThat(release.type()).isEqualTo("deal-renewal-release");
    assertThat(((Number) release.variables().get("contractId")).longValue()).isEqualTo(contractId);
  }

  /** Starts the offer as the app does, some days before the contract ends; returns once it awaits the answer. */
  private long startOffer(long partnerId, long contractId) {
    long instance = start(DEAL_RENEWAL_OFFER,
        Map.of("partnerId", partnerId, "contractId", contractId, "acceptanceWindow", "P14D"));
    awaitWaitingAt(instance, "AwaitIncumbentAnswer");
    return instance;
  }
}
