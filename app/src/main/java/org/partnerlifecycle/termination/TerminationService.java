package org.partnerlifecycle.termination;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.deal.DealRegistration;
import org.partnerlifecycle.deal.DealRegistrationRepository;
import org.partnerlifecycle.onboarding.AgreementService;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.onboarding.ProcessGateway;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ending a partnership. Every trigger (the partner's request, a manager's decision for cause, a non-productive
 * evaluation, a lapsed agreement) records one termination and sends one message to the partner's lifecycle
 * process, which interrupts the active partnership (stopping planning, evaluation and renewal) and offboards.
 */
@Service
public class TerminationService {

  public static final String TERMINATION_REQUESTED = "partner-termination-requested";
  private static final EnumSet<LifecycleStage> TERMINABLE = EnumSet.of(LifecycleStage.ACTIVE, LifecycleStage.SUSPENDED);

  private final TerminationRepository terminations;
  private final PartnerFundRepository funds;
  private final DealRegistrationRepository deals;
  private final UserAccountRepository accounts;
  private final PartnerService partners;
  private final AgreementService agreements;
  private final ProcessGateway processes;
  private final TransactionTemplate tx;
  private final Clock clock;

  TerminationService(TerminationRepository terminations, PartnerFundRepository funds, DealRegistrationRepository deals,
      UserAccountRepository accounts, PartnerService partners, AgreementService agreements,
      ProcessGateway processes, TransactionTemplate tx, Clock clock) {
    this.terminations = terminations;
    this.funds = funds;
    this.deals = deals;
    this.accounts = accounts;
    this.partners = partners;
    this.agreements = agreements;
    this.processes = processes;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * Records the termination (once per partner: a repeated request returns the first) and tells the lifecycle
   * process. A message with the same id is correlated once, so repeating this is harmless.
   */
  public Termination request(long partnerId, TerminationTrigger trigger, String reason, Actor actor,
      ProcessRef process) {
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw new StepNotAvailable("Give a reason for the termination (up to 2000 characters).");
    }
    Termination termination = tx.execute(s -> terminations.findByPartnerId(partnerId).orElseGet(() -> {
      Partner partner = partners.get(partnerId);
      if (!TERMINABLE.contains(partner.getStage())) {
        throw new StepNotAvailable("Only an active or suspended partnership can be terminated; this partner is "
            + partner.getStage().label() + ".");
      }
      Termination created = terminations.save(new Termination(partnerId, trigger, reason.strip(), actor.name(),
          clock.instant()));
      partners.recordEvent(partnerId, "TERMINATION_REQUESTED", actor, process,
          Map.of("trigger", trigger.name(), "reason", reason.strip()), null);
      return created;
    }));
    processes.publish(TERMINATION_REQUESTED, partnerId, "termination-" + termination.getId(),
        Map.of("terminationTrigger", termination.getTrigger().name()));
    return termination;
  }

  // --- offboarding steps, each in the worker's transaction and idempotent

  @Transactional(propagation = Propagation.MANDATORY)
  public int releaseOpenDeals(long partnerId) {
    Termination termination = termination(partnerId);
    if (termination.getDealsReleased() == null) {
      List<DealRegistration> open = deals.findByPartnerIdAndStatusIn(partnerId,
          EnumSet.of(DealRegistration.Status.SUBMITTED, DealRegistration.Status.IN_REVIEW,
              DealRegistration.Status.APPROVED));
      open.forEach(d -> d.close(DealRegistration.Status.RELEASED,
          "Partner terminated: released for reassignment by the channel manager", clock.instant()));
      termination.dealsReleased(open.size());
    }
    return termination.getDealsReleased();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public BigDecimal freezeFunds(long partnerId) {
    Termination termination = termination(partnerId);
    if (termination.getFundsFrozen() == null) {
      PartnerFund fund = funds.findById(partnerId).orElseGet(() -> funds.save(new PartnerFund(partnerId, BigDecimal.ZERO)));
      fund.freeze();
      termination.fundsFrozen(fund.getBalance());
    }
    return termination.getFundsFrozen();
  }

  /** Disables every portal user of the partner; returns how many. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int revokePortalAccess(long partnerId) {
    List<UserAccount> users = accounts.findByPartnerIdOrderByUsername(partnerId);
    users.forEach(UserAccount::disable);
    return users.size();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public BigDecimal settleFunds(long partnerId) {
    Termination termination = termination(partnerId);
    if (termination.getSettledAmount() == null) {
      PartnerFund fund = funds.findById(partnerId).orElseGet(() -> funds.save(new PartnerFund(partnerId, BigDecimal.ZERO)));
      termination.settled(fund.settle(clock.instant()));
    }
    return termination.getSettledAmount();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String issueFinalStatement(long partnerId) {
    Termination termination = termination(partnerId);
    if (termination.getFinalStatement() == null) {
      Partner partner = partners.get(partnerId);
      String agreement = agreements.active(partnerId).or(() -> agreements.latest(partnerId))
          .map(a -> "revision " + a.getRevision() + " (" + a.getStatus() + ", expires " + a.getExpiresOn() + ")")
          .orElse("none");
      termination.statement("""
          FINAL STATEMENT: %s (partner #%d)
          Termination: %s, requested %s by %s
          Reason: %s
          Tier at termination: %s
          Agreement: %s
          Deal registrations released for reassignment: %d
          Funds frozen: %s; settled and paid out: %s
          """.formatted(partner.getLegalName(), partnerId, termination.getTrigger(), termination.getRequestedAt(),
          termination.getRequestedBy(), termination.getReason(), partner.getTier(), agreement,
          termination.getDealsReleased() == null ? 0 : termination.getDealsReleased(),
          termination.getFundsFrozen(), termination.getSettledAmount()));
    }
    return termination.getFinalStatement();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void archive(long partnerId) {
    Termination termination = termination(partnerId);
    if (termination.getArchivedAt() == null) {
      termination.archived(clock.instant());
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Termination termination(long partnerId) {
    return terminations.findByPartnerId(partnerId)
        .orElseThrow(() -> new IllegalStateException("partner " + partnerId + " has no termination on record"));
  }

  public java.util.Optional<Termination> find(long partnerId) {
    return terminations.findByPartnerId(partnerId);
  }
}
