package org.partnerlifecycle.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.engine.EmbeddedEngine;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.onboarding.TestPartners;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.partnerlifecycle.task.UserTaskService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deal registration on the real engine with the real routing DMN: the conflict matrix, the exclusivity timers
 * with the clock moved, incumbent renewals, and two partners registering one customer at the same moment.
 */
@EmbeddedAppTest
class DealRegistrationFlowTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final AtomicInteger customers = new AtomicInteger();

  @Autowired DealRegistrationService registrations;
  @Autowired DealRenewalService renewals;
  @Autowired DealRegistrationRepository deals;
  @Autowired DirectAccountRepository directAccounts;
  @Autowired CustomerContractRepository contracts;
  @Autowired TestPartners testPartners;
  @Autowired UserTaskRepository tasks;
  @Autowired UserTaskService userTasks;
  @Autowired LifecycleEventRepository events;
  @Autowired EmbeddedEngine engine;
  @Autowired java.time.Clock clock;

  /** Today on the engine's clock, which other tests in this context may have moved forward. */
  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
  }

  static DealForm deal(String customer, String domain, String taxId, String evidence) {
    return new DealForm(customer, domain, taxId, "DE", "Analytics", new BigDecimal("120000"),
        LocalDate.now().plusMonths(3), evidence);
  }

  static String unique(String name) {
    return name + " " + (char) ('A' + customers.get() % 26) + customers.incrementAndGet();
  }

  private long partner(String name) {
    return testPartners.active(name + " " + customers.incrementAndGet(), Segment.RESELLER);
  }

  private DealRegistration awaitStatus(long dealId, DealRegistration.Status status) {
    return EngineRecords.await(() -> deals.findById(dealId).filter(d -> d.getStatus() == status), WAIT,
        "deal " + dealId + " " + status);
  }

  private UserTask awaitReviewTask(DealRegistration deal) {
    return EngineRecords.await(() -> tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(deal.getProcessInstanceKey())
        .stream().filter(t -> t.getElementId().equals("ReviewDealConflict") && t.getState() == TaskState.OPEN)
        .findFirst(), WAIT, "review of deal " + deal.getId());
  }

  @Test
  void noConflictIsApprovedWithExclusivityAndTheRuleVersionIsAudited() {
    long partnerId = partner("Clean Channel");
    DealRegistration deal = registrations.register(partnerId, deal(unique("Solo Customer"), null, null, null), "pat");
    DealRegistration approved = awaitStatus(deal.getId(), DealRegistration.Status.APPROVED);
    assertThat(approved.getExclusiveUntil()).isAfter(approved.getRegisteredAt().plus(Duration.ofDays(89)));
    assertThat(approved.getDecisionRule()).matches("deal-routing v\\d+: approve");
    LifecycleEvent audited = EngineRecords.await(() -> events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId)
        .stream().filter(e -> e.getEventType().equals("DEAL_APPROVED")).findFirst(), WAIT, "audit");
    assertThat(audited.getPayload()).contains("deal-routing v");
  }

  @Test
  void conflictMatrix() {
    long first = partner("First Come");
    long second = partner("Second Come");

    // the same customer spelt differently: the later registration is rejected, with evidence it is reviewed
    String name = unique("Müller & Söhne");
    DealRegistration original = registrations.register(first, deal(name + " GmbH", null, null, null), "a");
    awaitStatus(original.getId(), DealRegistration.Status.APPROVED);
    DealRegistration respelt = registrations.register(second, deal(name.toUpperCase().replace("&", "AND")
        .replace("Ü", "U").replace("Ö", "O") + " gmbh.", null, null, null), "b");
    assertThat(awaitStatus(respelt.getId(), DealRegistration.Status.REJECTED).getStatusReason())
        .contains("registered this customer first");
    DealRegistration withEvidence = registrations.register(second, deal(name, null, null,
        "We ran their pilot last year; signed letter attached"), "b");
    awaitReviewTask(withEvidence);

    // the same web domain under another name
    String domain = "dom" + customers.incrementAndGet() + ".example";
    DealRegistration byDomain = registrations.register(first, deal(unique("Domain Holder"), "https://www." + domain, null, null), "a");
    awaitStatus(byDomain.getId(), DealRegistration.Status.APPROVED);
    DealRegistration sameDomain = registrations.register(second, deal(unique("Other Name"), domain, null, null), "b");
    awaitStatus(sameDomain.getId(), DealRegistration.Status.REJECTED);

    // the same tax id
    String tax = "DE" + (100000000 + customers.incrementAndGet());
    DealRegistration byTax = registrations.register(first, deal(unique("Tax Holder"), null, tax, null), "a");
    awaitStatus(byTax.getId(), DealRegistration.Status.APPROVED);
    DealRegistration sameTax = registrations.register(second, deal(unique("Renamed"), null,
        tax.substring(0, 2) + " " + tax.substring(2), null), "b");
    awaitStatus(sameTax.getId(), DealRegistration.Status.REJECTED);

    // a direct account of the vendor: rejected, or reviewed with evidence
    String direct = unique("Direct Giant");
    directAccounts.save(new DirectAccount(direct + " AG", null, null));
    DealRegistration onDirect = registrations.register(second, deal(direct, null, null, null), "b");
    assertThat(awaitStatus(onDirect.getId(), DealRegistration.Status.REJECTED).getStatusReason()).contains("direct account");
    DealRegistration onDirectWithEvidence = registrations.register(first, deal(direct, null, null, "Customer asked for us"), "a");
    awaitReviewTask(onDirectWithEvidence);

    // an incumbent holds the customer's contract: another partner's registration goes to review
    String incumbentCustomer = unique("Loyal Customer");
    contracts.save(new CustomerContract(incumbentCustomer, null, null, "DE", "Analytics", new BigDecimal("50000"),
        first, today().plusYears(1)));
    DealRegistration onIncumbent = registrations.register(second, deal(incumbentCustomer, null, null, null), "b");
    UserTask review = awaitReviewTask(onIncumbent);

    // the manager rejects with a reason; the partner sees it
    userTasks.complete(review.getUserTaskKey(), Map.of("dealDecision", "reject",
        "dealDecisionReason", "Incumbent keeps the account"));
    DealRegistration rejected = awaitStatus(onIncumbent.getId(), DealRegistration.Status.REJECTED);
    assertThat(rejected.getStatusReason()).isEqualTo("Incumbent keeps the account");
    assertThat(rejected.getDecisionRule()).startsWith("channel manager review (deal-routing v");
  }

  @Test
  void exclusivityCanBeExtendedOnceAndIsReleasedWhenItEnds() throws InterruptedException {
    long partnerId = partner("Extender");
    DealRegistration deal = registrations.register(partnerId, deal(unique("Slow Buyer"), null, null, null), "pat");
    DealRegistration approved = awaitStatus(deal.getId(), DealRegistration.Status.APPROVED);
    var firstExpiry = approved.getExclusiveUntil();

    registrations.requestExtension(partnerId, deal.getId());
    DealRegistration extended = EngineRecords.await(() -> deals.findById(deal.getId())
        .filter(d -> d.getExtensionCount() == 1), WAIT, "extension");
    assertThat(extended.getExclusiveUntil()).isEqualTo(firstExpiry.plus(Duration.ofDays(30)));

    var records = new EngineRecords(engine);
    records.awaitPendingTimer(deal.getProcessInstanceKey(), "ExclusivityExpired", WAIT);
    engine.increaseTime(Duration.ofDays(95));
    // past the first expiry: the extended registration holds (the engine is shared with other tests' processes,
    // so it is never reliably idle; give the timer a moment to fire if it wrongly would)
    Thread.sleep(2_000);
    assertThat(deals.findById(deal.getId()).orElseThrow().getStatus()).isEqualTo(DealRegistration.Status.APPROVED);
    assertThat(records.hasPendingTimer(deal.getProcessInstanceKey(), "ExclusivityExpired")).isTrue();

    engine.increaseTime(Duration.ofDays(30));
    awaitStatus(deal.getId(), DealRegistration.Status.EXPIRED);
  }

  @Test
  void aWonDealIsClosedAndCountsForTheEvaluation() {
    long partnerId = partner("Closer");
    DealRegistration deal = registrations.register(partnerId, deal(unique("Happy Buyer"), null, null, null), "pat");
    awaitStatus(deal.getId(), DealRegistration.Status.APPROVED);
    registrations.reportOutcome(partnerId, deal.getId(), "won", "pat");
    registrations.reportOutcome(partnerId, deal.getId(), "won", "pat");
    awaitStatus(deal.getId(), DealRegistration.Status.WON);
    assertThat(deals.countByPartnerIdAndStatusAndClosedAtAfter(partnerId, DealRegistration.Status.WON,
        clock.instant().minus(Duration.ofDays(1)))).isEqualTo(1);
  }

  @Test
  void aContractRenewalIsOfferedToTheIncumbentFirstAndReleasedWhenIgnored() {
    long incumbent = partner("Incumbent");
    String customer = unique("Renewing Customer");
    CustomerContract accepted = contracts.save(new CustomerContract(customer, null, null, "DE", "Analytics",
        new BigDecimal("80000"), incumbent, today().plusDays(100)));
    CustomerContract ignored = contracts.save(new CustomerContract(unique("Quiet Customer"), null, null, "DE",
        "Analytics", new BigDecimal("80000"), incumbent, today().plusDays(110)));
    contracts.save(new CustomerContract(unique("Far Future"), null, null, "DE", "Analytics",
        new BigDecimal("80000"), incumbent, today().plusYears(2)));

    assertThat(renewals.offerDueRenewals()).isGreaterThanOrEqualTo(2);
    DealRegistration offer = EngineRecords.await(() -> deals.findByContractIdAndStatus(accepted.getId(),
        DealRegistration.Status.OFFERED), WAIT, "offer to incumbent");
    assertThat(offer.getPartnerId()).isEqualTo(incumbent);
    EngineRecords.await(() -> deals.findByContractIdAndStatus(ignored.getId(), DealRegistration.Status.OFFERED),
        WAIT, "second offer");

    renewals.answer(incumbent, accepted.getId(), true, new PartnerService.Actor(ActorType.PARTNER_USER, "pat"));
    awaitStatus(offer.getId(), DealRegistration.Status.APPROVED);

    long ignoredOffer = contracts.findById(ignored.getId()).orElseThrow().getProcessInstanceKey();
    new EngineRecords(engine).awaitPendingTimer(ignoredOffer, "AcceptanceWindowEnds", WAIT);
    engine.increaseTime(Duration.ofDays(15));
    EngineRecords.await(() -> contracts.findById(ignored.getId())
        .filter(c -> c.getRenewalStatus() == CustomerContract.RenewalStatus.RELEASED), WAIT, "release");
    assertThat(contracts.findById(accepted.getId()).orElseThrow().getRenewalStatus())
        .isEqualTo(CustomerContract.RenewalStatus.ACCEPTED);
  }

  @Test
  void twoPartnersRegisteringOneCustomerAtTheSameMomentExactlyOneWinsTheFirstRegistered() throws Exception {
    long a = partner("Racer A");
    long b = partner("Racer B");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String customer = unique("Contested Customer");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<DealRegistration>> racers = new ArrayList<>();
        for (long partnerId : new long[] {a, b}) {
          Callable<DealRegistration> racer = () -> {
            start.await();
            return registrations.register(partnerId, deal(customer, null, null, null), "racer");
          };
          racers.add(pool.submit(racer));
        }
        start.countDown();
        DealRegistration one = racers.get(0).get();
        DealRegistration two = racers.get(1).get();
        DealRegistration winner = one.getId() < two.getId() ? one : two;
        DealRegistration loser = winner == one ? two : one;

        awaitStatus(winner.getId(), DealRegistration.Status.APPROVED);
        awaitStatus(loser.getId(), DealRegistration.Status.REJECTED);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
