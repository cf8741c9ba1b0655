package org.partnerlifecycle.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerlifecycle.onboarding.TestPartners.job;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.DeliveredTwice;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.RepeatedDelivery;
import org.partnerlifecycle.RepeatedDelivery.Effects;
import org.partnerlifecycle.onboarding.TestPartners;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.workers.deal.DealPort;
import org.partnerlifecycle.workers.deal.DealPort.Decision;
import org.springframework.beans.factory.annotation.Autowired;

/** Zeebe delivers a job at least once: every deal job handled twice leaves one record, one event, one mail. */
@EmbeddedAppTest
class DealJobsRepeatedDeliveryTest {

  static final AtomicInteger customers = new AtomicInteger();

  @Autowired DealPort port;
  @Autowired RepeatedDelivery delivery;
  @Autowired TestPartners testPartners;
  @Autowired DealRegistrationRepository deals;
  @Autowired CustomerContractRepository contracts;
  @Autowired Clock clock;

  long partnerId;

  @BeforeEach
  void activePartner() {
    partnerId = testPartners.active("Twice Delivered Deals " + customers.incrementAndGet(), Segment.RESELLER);
  }

  @Test
  @DeliveredTwice({"deal-conflicts-detect", "deal-approve", "deal-extend", "deal-close"})
  void aRegistrationDetectedApprovedExtendedAndWonTwiceOverIsAuditedAndMailedOnce() {
    long dealId = submitted("Twice Approved Customer").getId();

    var conflicts = delivery.twiceReturning(partnerId, job("deal-conflicts-detect", "DetectConflicts"),
        j -> port.detectConflicts(dealId, j));
    assertThat(conflicts.result()).containsKeys("conflicts", "competing");
    assertThat(conflicts.effects()).isEqualTo(nothing());

    var approved = delivery.twiceReturning(partnerId, job("deal-approve", "ApproveDeal"),
        j -> port.approve(dealId, new Decision("approve", "No conflict", null, null), j));
    assertThat(approved.effects().events()).containsExactly("DEAL_APPROVED");
    assertThat(approved.effects().templates()).containsExactly("deal-approved");
    assertThat(approved.effects().rows()).isEmpty();
    DealRegistration deal = deals.findById(dealId).orElseThrow();
    assertThat(deal.getStatus()).isEqualTo(DealRegistration.Status.APPROVED);
    assertThat(approved.result()).containsEntry("exclusiveUntil", deal.getExclusiveUntil().toString());

    var extended = delivery.twiceReturning(partnerId, job("deal-extend", "ExtendExclusivity"), j -> port.extend(dealId, j));
    assertThat(extended.effects().events()).containsExactly("DEAL_EXTENDED");
    assertThat(extended.effects().templates()).containsExactly("deal-extended");
    assertThat(extended.result()).containsEntry("extended", true);
    DealRegistration afterExtension = deals.findById(dealId).orElseThrow();
    assertThat(afterExtension.getExtensionCount()).isEqualTo(1);
    assertThat(afterExtension.getExclusiveUntil()).isEqualTo(deal.getExclusiveUntil().plus(Duration.ofDays(30)));

    Effects won = delivery.twice(partnerId, job("deal-close", "CloseDeal"), j -> port.close(dealId, "won", j));
    assertThat(won.events()).containsExactly("DEAL_WON");
    assertThat(won.mails()).isEmpty();
    assertThat(deals.findById(dealId).orElseThrow().getStatus()).isEqualTo(DealRegistration.Status.WON);
  }

  @Test
  @DeliveredTwice({"deal-reject", "deal-release"})
  void aRejectionAndAnExpiryTwiceOverAreAuditedAndMailedOnce() {
    long rejectedId = submitted("Twice Rejected Customer").getId();
    Effects rejected = delivery.twice(partnerId, job("deal-reject", "RejectDeal"), j -> port.reject(rejectedId,
        new Decision("reject", "Registered first by another partner", null, null), j));
    assertThat(rejected.events()).containsExactly("DEAL_REJECTED");
    assertThat(rejected.templates()).containsExactly("deal-rejected");
    assertThat(deals.findById(rejectedId).orElseThrow().getStatus()).isEqualTo(DealRegistration.Status.REJECTED);

    DealRegistration approved = submitted("Twice Expired Customer");
    approved.approve(clock.instant().plus(Duration.ofDays(90)));
    long expiringId = deals.save(approved).getId();
    Effects released = delivery.twice(partnerId, job("deal-release", "ReleaseDeal"), j -> port.release(expiringId, j));
    assertThat(released.events()).containsExactly("DEAL_EXPIRED");
    assertThat(released.templates()).containsExactly("deal-expired");
    assertThat(deals.findById(expiringId).orElseThrow().getStatus()).isEqualTo(DealRegistration.Status.EXPIRED);
  }

  @Test
  @DeliveredTwice({"deal-renewal-offer", "deal-renewal-accept", "deal-renewal-release"})
  void aRenewalOfferedAcceptedOrReleasedTwiceOverMakesOneOfferOneEventOneMail() {
    long acceptedId = contract("Twice Renewed Customer").getId();
    Effects offered = delivery.twice(partnerId, job("deal-renewal-offer", "OfferRenewal"), j -> port.offerRenewal(acceptedId, j));
    assertThat(offered.events()).containsExactly("RENEWAL_OFFERED_TO_INCUMBENT");
    assertThat(offered.templates()).containsExactly("deal-renewal-offered");
    assertThat(offered.rows()).containsExactly(Map.entry("deal_registration", 1L));

    Effects accepted = delivery.twice(partnerId, job("deal-renewal-accept", "AcceptRenewal"), j -> port.acceptRenewal(acceptedId, j));
    assertThat(accepted.events()).containsExactly("RENEWAL_ACCEPTED_BY_INCUMBENT");
    assertThat(accepted.mails()).isEmpty();
    assertThat(deals.findByContractIdAndStatus(acceptedId, DealRegistration.Status.APPROVED)).isPresent();
    assertThat(contracts.findById(acceptedId).orElseThrow().getRenewalStatus())
        .isEqualTo(CustomerContract.RenewalStatus.ACCEPTED);

    long releasedId = contract("Twice Released Customer").getId();
    port.offerRenewal(releasedId, job("deal-renewal-offer", "OfferRenewal"));
    Effects released = delivery.twice(partnerId, job("deal-renewal-release", "ReleaseRenewal"), j -> port.releaseRenewal(releasedId, j));
    assertThat(released.events()).containsExactly("RENEWAL_RELEASED");
    assertThat(released.mails()).isEmpty();
    assertThat(released.rows()).isEmpty();
    assertThat(contracts.findById(releasedId).orElseThrow().getRenewalStatus())
        .isEqualTo(CustomerContract.RenewalStatus.RELEASED);
  }

  private static Effects nothing() {
    return new Effects(List.of(), List.of(), Map.of());
  }

  private DealRegistration submitted(String customer) {
    String name = customer + " " + customers.incrementAndGet();
    CustomerIdentity identity = CustomerIdentity.of(name, null, null);
    return deals.save(new DealRegistration(partnerId, name, identity.nameKey(), null, null, "DE", "Analytics",
        new BigDecimal("75000"), LocalDate.now().plusMonths(3), clock.instant()));
  }

  /** Ends far enough ahead that the daily renewal scan never offers it on its own. */
  private CustomerContract contract(String customer) {
    return contracts.save(new CustomerContract(customer + " " + customers.incrementAndGet(), null, null, "DE",
        "Analytics", new BigDecimal("60000"), partnerId, LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
            .plusYears(3)));
  }
}
