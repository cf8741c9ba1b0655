package org.partnerlifecycle.deal;

import java.util.HashMap;
import java.util.Map;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.engine.DeployedDecisions;
import org.partnerlifecycle.notification.PartnerNotifier;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.workers.deal.DealPort;
import org.partnerlifecycle.workers.support.InvalidJobInput;
import org.partnerlifecycle.workers.support.JobRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The domain side of the deal workers. Every decision is audited with the rule that made it (the routing DMN
 * and its version, or the channel manager's review), and the partner is told the status and the reason.
 */
@Service
@Transactional
class DealJobs implements DealPort {

  static final String ROUTING_DECISION = "deal-routing";

  private final DealRegistrationService deals;
  private final DealRenewalService renewals;
  private final PartnerService partners;
  private final PartnerNotifier notifier;
  private final DeployedDecisions decisions;

  DealJobs(DealRegistrationService deals, DealRenewalService renewals, PartnerService partners,
      PartnerNotifier notifier, DeployedDecisions decisions) {
    this.deals = deals;
    this.renewals = renewals;
    this.partners = partners;
    this.notifier = notifier;
    this.decisions = decisions;
  }

  @Override
  public Map<String, Object> detectConflicts(long dealId, JobRef job) {
    return deals.detectConflicts(deal(dealId));
  }

  @Override
  public Map<String, Object> approve(long dealId, Decision decision, JobRef job) {
    DealRegistration deal = deals.approve(deal(dealId), rule(decision), decision.reason());
    audit(deal, "DEAL_APPROVED", decision, job);
    mail(deal, "deal-approved", Map.of("exclusiveUntil", deal.getExclusiveUntil().toString()), job);
    return Map.of("exclusiveUntil", deal.getExclusiveUntil().toString());
  }

  @Override
  public void reject(long dealId, Decision decision, JobRef job) {
    DealRegistration deal = deals.reject(deal(dealId), rule(decision), decision.reason());
    audit(deal, "DEAL_REJECTED", decision, job);
    mail(deal, "deal-rejected", Map.of("reason", String.valueOf(decision.reason())), job);
  }

  @Override
  public Map<String, Object> extend(long dealId, JobRef job) {
    DealRegistration deal = deal(dealId);
    boolean extended = deals.extend(deal, job.effectKey("extension"));
    partners.recordEvent(deal.getPartnerId(), extended ? "DEAL_EXTENDED" : "DEAL_EXTENSION_REFUSED", Actor.worker(job),
        ProcessRef.of(job), Map.of("dealId", dealId, "exclusiveUntil", deal.getExclusiveUntil().toString()),
        job.effectKey("event"));
    mail(deal, extended ? "deal-extended" : "deal-extension-refused",
        Map.of("exclusiveUntil", deal.getExclusiveUntil().toString()), job);
    return Map.of("exclusiveUntil", deal.getExclusiveUntil().toString(), "extended", extended);
  }

  @Override
  public void close(long dealId, String outcome, JobRef job) {
    DealRegistration deal;
    try {
      deal = deals.close(deal(dealId), outcome);
    } catch (IllegalArgumentException e) {
      throw new InvalidJobInput(e.getMessage());
    }
    partners.recordEvent(deal.getPartnerId(), "DEAL_" + deal.getStatus(), Actor.worker(job), ProcessRef.of(job),
        Map.of("dealId", dealId, "value", deal.getEstimatedValue()), job.effectKey("event"));
  }

  @Override
  public void release(long dealId, JobRef job) {
    DealRegistration deal = deals.release(deal(dealId));
    partners.recordEvent(deal.getPartnerId(), "DEAL_EXPIRED", Actor.worker(job), ProcessRef.of(job), Map.of("dealId", dealId),
        job.effectKey("event"));
    mail(deal, "deal-expired", Map.of(), job);
  }

  @Override
  public void offerRenewal(long contractId, JobRef job) {
    CustomerContract contract = contract(contractId);
    DealRegistration offer = renewals.offer(contract);
    partners.recordEvent(contract.getIncumbentPartnerId(), "RENEWAL_OFFERED_TO_INCUMBENT", Actor.worker(job), ProcessRef.of(job),
        Map.of("contractId", contractId, "dealId", offer.getId(), "customer", contract.getCustomerName(),
            "endsOn", contract.getEndsOn().toString()), job.effectKey("event"));
    mail(offer, "deal-renewal-offered", Map.of("endsOn", contract.getEndsOn().toString()), job);
  }

  @Override
  public void acceptRenewal(long contractId, JobRef job) {
    CustomerContract contract = contract(contractId);
    renewals.accept(contract);
    partners.recordEvent(contract.getIncumbentPartnerId(), "RENEWAL_ACCEPTED_BY_INCUMBENT", Actor.worker(job), ProcessRef.of(job),
        Map.of("contractId", contractId), job.effectKey("event"));
  }

  @Override
  public void releaseRenewal(long contractId, JobRef job) {
    CustomerContract contract = contract(contractId);
    renewals.release(contract);
    partners.recordEvent(contract.getIncumbentPartnerId(), "RENEWAL_RELEASED", Actor.worker(job), ProcessRef.of(job),
        Map.of("contractId", contractId), job.effectKey("event"));
  }

  /** "deal-routing v2: approve", or the manager's review after the rule sent it there. */
  private String rule(Decision decision) {
    String dmn = decisions.describe(ROUTING_DECISION) + ": " + decision.route();
    return decision.reviewed() ? "channel manager review (" + dmn + ")" : dmn;
  }

  private void audit(DealRegistration deal, String type, Decision decision, JobRef job) {
    Map<String, Object> details = new HashMap<>();
    details.put("dealId", deal.getId());
    details.put("customer", deal.getCustomerName());
    details.put("rule", deal.getDecisionRule());
    if (decision.reason() != null) {
      details.put("reason", decision.reason());
    }
    partners.recordEvent(deal.getPartnerId(), type, Actor.worker(job), ProcessRef.of(job), details, job.effectKey("event"));
  }

  private void mail(DealRegistration deal, String template, Map<String, ?> extra, JobRef job) {
    Map<String, Object> model = new HashMap<>(extra);
    model.put("customer", deal.getCustomerName());
    model.put("dealId", deal.getId());
    notifier.notifyPartner(deal.getPartnerId(), template, model, job.effectKey("mail"));
  }

  private DealRegistration deal(long dealId) {
    try {
      return deals.get(dealId);
    } catch (IllegalArgumentException e) {
      throw new InvalidJobInput(e.getMessage());
    }
  }

  private CustomerContract contract(long contractId) {
    try {
      return renewals.contract(contractId);
    } catch (IllegalArgumentException e) {
      throw new InvalidJobInput(e.getMessage());
    }
  }

}
