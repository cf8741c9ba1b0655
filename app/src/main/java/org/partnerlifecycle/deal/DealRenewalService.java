package org.partnerlifecycle.deal;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.onboarding.OnboardingProperties;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.onboarding.ProcessGateway;
import org.partnerlifecycle.partner.PartnerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entitlement and incumbency: the partner that sold a contract has the first right to its renewal. A set time
 * before a customer contract ends, its renewal is offered to the incumbent for an acceptance window; declined or
 * ignored, it is released and other partners may register the customer.
 */
@Service
public class DealRenewalService {

  public static final String PROCESS_ID = "deal-renewal-offer";
  public static final String ACCEPTED = "deal-renewal-accepted";
  public static final String DECLINED = "deal-renewal-declined";
  private static final Logger log = LoggerFactory.getLogger(DealRenewalService.class);

  private final CustomerContractRepository contracts;
  private final DealRegistrationRepository deals;
  private final CamundaClient client;
  private final ProcessGateway processes;
  private final PartnerService partners;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration notice;
  private final Duration acceptanceWindow;
  private final Duration exclusivity;

  DealRenewalService(CustomerContractRepository contracts, DealRegistrationRepository deals, CamundaClient client,
      ProcessGateway processes, PartnerService partners, TransactionTemplate tx, Clock clock,
      @Value("${partner.deals.renewal-notice:P120D}") Duration notice,
      @Value("${partner.deals.acceptance-window:P14D}") Duration acceptanceWindow,
      @Value("${partner.deals.exclusivity:P90D}") Duration exclusivity) {
    this.contracts = contracts;
    this.deals = deals;
    this.client = client;
    this.processes = processes;
    this.partners = partners;
    this.tx = tx;
    this.clock = clock;
    this.notice = notice;
    this.acceptanceWindow = acceptanceWindow;
    this.exclusivity = exclusivity;
  }

  /** Offers every renewal that has come within the notice period; returns how many offers started. */
  @Scheduled(cron = "${partner.deals.renewal-scan-cron:0 15 6 * * *}")
  public int offerDueRenewals() {
    LocalDate horizon = LocalDate.ofInstant(clock.instant().plus(notice), ZoneOffset.UTC);
    List<CustomerContract> due = contracts.findByRenewalStatusAndEndsOnLessThanEqual(
        CustomerContract.RenewalStatus.NOT_DUE, horizon);
    int started = 0;
    for (CustomerContract contract : due) {
      long instance = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
          .variables(Map.of("partnerId", contract.getIncumbentPartnerId(), "contractId", contract.getId(),
              "acceptanceWindow", OnboardingProperties.iso(acceptanceWindow)))
          .send().join().getProcessInstanceKey();
      tx.executeWithoutResult(s -> contracts.findById(contract.getId()).orElseThrow().offered(instance));
      started++;
    }
    if (started > 0) {
      log.info("Offered {} contract renewals to their incumbent partners", started);
    }
    return started;
  }

  /** The incumbent's renewal registration, waiting for its answer. */
  @Transactional(propagation = Propagation.MANDATORY)
  public DealRegistration offer(CustomerContract contract) {
    return deals.findByContractIdAndStatus(contract.getId(), DealRegistration.Status.OFFERED).orElseGet(() -> {
      DealRegistration renewal = new DealRegistration(contract.getIncumbentPartnerId(),
          contract.getCustomerName(), contract.getCustomerKey(), contract.getCustomerDomain(),
          contract.getCustomerTaxId(), contract.getCountry(), contract.getProductLines(), contract.getAnnualValue(),
          contract.getEndsOn(), clock.instant());
      renewal.offerRenewal(contract.getId());
      renewal.describe("Incumbent on the contract ending " + contract.getEndsOn(), "incumbency");
      return deals.save(renewal);
    });
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void accept(CustomerContract contract) {
    deals.findByContractIdAndStatus(contract.getId(), DealRegistration.Status.OFFERED).ifPresent(d -> {
      d.approve(clock.instant().plus(exclusivity));
      d.decidedBy("incumbency", "Renewal accepted by the incumbent partner");
    });
    contract.answered(CustomerContract.RenewalStatus.ACCEPTED);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void release(CustomerContract contract) {
    deals.findByContractIdAndStatus(contract.getId(), DealRegistration.Status.OFFERED)
        .ifPresent(d -> d.close(DealRegistration.Status.RELEASED, "Renewal offer declined or not answered in time",
            clock.instant()));
    if (contract.getRenewalStatus() != CustomerContract.RenewalStatus.ACCEPTED) {
      contract.answered(CustomerContract.RenewalStatus.RELEASED);
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public CustomerContract contract(long contractId) {
    return contracts.findById(contractId)
        .orElseThrow(() -> new IllegalArgumentException("no customer contract " + contractId));
  }

  /**
   * The incumbent answers the offer in the portal. The first answer counts: a second one (the other button, a
   * double click) carries the same message id and audit key, so the engine and the history keep the first.
   */
  public void answer(long partnerId, long contractId, boolean accept, PartnerService.Actor actor) {
    CustomerContract contract = contracts.findById(contractId)
        .filter(c -> c.getIncumbentPartnerId() == partnerId)
        .orElseThrow(() -> new StepNotAvailable("No such renewal offer of yours."));
    if (contract.getRenewalStatus() != CustomerContract.RenewalStatus.OFFERED) {
      throw new StepNotAvailable("This renewal offer is no longer open.");
    }
    String answerId = "renewal-answer-" + contractId;
    processes.publish(accept ? ACCEPTED : DECLINED, String.valueOf(contractId), answerId, Map.of());
    partners.recordEvent(partnerId, "RENEWAL_ANSWERED", actor, ProcessRef.NONE, Map.of("contractId", contractId,
        "customer", contract.getCustomerName(), "answer", accept ? "accept" : "decline"), answerId);
  }

  /** How long the incumbent has to answer an offer. */
  public Duration acceptanceWindow() {
    return acceptanceWindow;
  }
}
