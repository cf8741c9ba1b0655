package org.partnerlifecycle.deal;

import io.camunda.client.CamundaClient;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.onboarding.OnboardingProperties;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.onboarding.ProcessGateway;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deal registration against channel conflict. A registration is checked against other partners' open
 * registrations of the same customer (folded name, web domain or tax id), the vendor's direct accounts and
 * incumbent partners' contracts; the DMN {@code deal-routing} decides on that; an approved registration is
 * exclusive for a period, extendable, and is closed as won or lost, or released at expiry.
 */
@Service
public class DealRegistrationService {

  public static final String PROCESS_ID = "deal-registration";
  public static final String DEAL_CLOSED = "deal-closed";
  public static final String EXTENSION_REQUESTED = "deal-extension-requested";
  static final EnumSet<DealRegistration.Status> OPEN = EnumSet.of(DealRegistration.Status.SUBMITTED,
      DealRegistration.Status.IN_REVIEW, DealRegistration.Status.APPROVED, DealRegistration.Status.OFFERED);

  private static final Logger log = LoggerFactory.getLogger(DealRegistrationService.class);

  private final DealRegistrationRepository deals;
  private final DirectAccountRepository directAccounts;
  private final CustomerContractRepository contracts;
  private final PartnerService partners;
  private final CamundaClient client;
  private final ProcessGateway processes;
  private final OnboardingProperties onboarding;
  private final EntityManager em;
  private final TransactionTemplate tx;
  private final Validator validator;
  private final Clock clock;
  private final Duration exclusivity;
  private final Duration extension;
  private final int maxExtensions;

  DealRegistrationService(DealRegistrationRepository deals, DirectAccountRepository directAccounts,
      CustomerContractRepository contracts, PartnerService partners, CamundaClient client, ProcessGateway processes,
      OnboardingProperties onboarding, EntityManager em, TransactionTemplate tx, Validator validator, Clock clock,
      @Value("${partner.deals.exclusivity:P90D}") Duration exclusivity,
      @Value("${partner.deals.extension:P30D}") Duration extension,
      @Value("${partner.deals.max-extensions:1}") int maxExtensions) {
    this.deals = deals;
    this.directAccounts = directAccounts;
    this.contracts = contracts;
    this.partners = partners;
    this.client = client;
    this.processes = processes;
    this.onboarding = onboarding;
    this.em = em;
    this.tx = tx;
    this.validator = validator;
    this.clock = clock;
    this.exclusivity = exclusivity;
    this.extension = extension;
    this.maxExtensions = maxExtensions;
  }

  /**
   * Stores the registration and starts its process. Registrations of the same customer are stored one after the
   * other (locks on the customer's identifiers), so their ids give a first-come order that every conflict check
   * agrees on, however close together they arrive.
   */
  public DealRegistration register(long partnerId, DealForm form, String username) {
    var violations = validator.validate(form);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    CustomerIdentity identity = CustomerIdentity.of(form.customerName(), form.customerDomain(), form.customerTaxId());
    if (identity.nameKey().isEmpty()) {
      throw new StepNotAvailable("The customer's name must contain letters or digits.");
    }
    DealRegistration deal = tx.execute(s -> {
      if (partners.get(partnerId).getStage() != LifecycleStage.ACTIVE) {
        throw new StepNotAvailable("Only active partners can register deals.");
      }
      lockCustomer(identity);
      DealRegistration saved = new DealRegistration(partnerId, form.customerName().strip(), identity.nameKey(),
          identity.domain(), identity.taxId(), form.country(), form.productLines().strip(), form.estimatedValue(),
          form.expectedClose(), clock.instant());
      saved.describe(form.evidence() == null || form.evidence().isBlank() ? null : form.evidence().strip(), username);
      saved = deals.save(saved);
      partners.recordEvent(partnerId, "DEAL_REGISTERED", new Actor(ActorType.PARTNER_USER, username), ProcessRef.NONE,
          Map.of("dealId", saved.getId(), "customer", saved.getCustomerName(), "value", saved.getEstimatedValue()), null);
      return saved;
    });
    long instance = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
        .variables(Map.of("partnerId", partnerId, "dealId", deal.getId(),
            "reviewDueIn", OnboardingProperties.iso(onboarding.reviewDueIn())))
        .send().join().getProcessInstanceKey();
    return tx.execute(s -> {
      DealRegistration d = deals.findById(deal.getId()).orElseThrow();
      d.startedAs(instance);
      return d;
    });
  }

  /** Locks the rows of the customer's identifiers (created on first use) in a fixed order. */
  private void lockCustomer(CustomerIdentity identity) {
    for (String identifier : identity.lockIdentifiers()) {
      em.createNativeQuery("INSERT IGNORE INTO customer_identifier_lock (identifier) VALUES (?)")
          .setParameter(1, identifier).executeUpdate();
    }
    em.createNativeQuery("SELECT identifier FROM customer_identifier_lock WHERE identifier IN (:ids)"
            + " ORDER BY identifier FOR UPDATE")
        .setParameter("ids", List.copyOf(identity.lockIdentifiers())).getResultList();
  }

  /** The facts the routing decision needs, and the competing registrations a reviewer should see. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, Object> detectConflicts(DealRegistration deal) {
    CustomerIdentity id = deal.identity();
    List<DealRegistration> competing = deals.sameCustomer(id.nameKey(), id.domain(), id.taxId(), OPEN).stream()
        .filter(other -> !other.getId().equals(deal.getId()) && !other.getPartnerId().equals(deal.getPartnerId()))
        .toList();
    boolean firstCome = competing.stream().allMatch(other -> other.getId() > deal.getId());
    boolean directAccount = !directAccounts.matching(id.nameKey(), id.domain(), id.taxId()).isEmpty();
    boolean incumbentOther = contracts.matching(id.nameKey(), id.domain(), id.taxId()).stream()
        .anyMatch(c -> c.holdsIncumbency() && !c.getIncumbentPartnerId().equals(deal.getPartnerId()));
    Map<String, Object> conflicts = new LinkedHashMap<>();
    conflicts.put("directAccount", directAccount);
    conflicts.put("competingCount", competing.size());
    conflicts.put("firstCome", firstCome);
    conflicts.put("incumbentOther", incumbentOther);
    conflicts.put("evidenceProvided", deal.getEvidence() != null);
    List<String> described = new ArrayList<>();
    competing.forEach(other -> described.add("#" + other.getId() + " " + other.getCustomerName() + " by partner "
        + partners.get(other.getPartnerId()).getLegalName() + ", " + other.getStatus() + ", registered "
        + other.getRegisteredAt()));
    if (directAccount) {
      described.add("Named direct account of the vendor");
    }
    if (incumbentOther) {
      described.add("Another partner is the incumbent on this customer's contract");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("conflicts", conflicts);
    result.put("competing", described);
    return result;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public DealRegistration approve(DealRegistration deal, String rule, String reason) {
    if (deal.getStatus() == DealRegistration.Status.SUBMITTED || deal.getStatus() == DealRegistration.Status.IN_REVIEW
        || deal.getStatus() == DealRegistration.Status.OFFERED) {
      deal.approve(clock.instant().plus(exclusivity));
      deal.decidedBy(rule, reason);
    }
    return deal;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public DealRegistration reject(DealRegistration deal, String rule, String reason) {
    if (deal.getStatus().isOpen() && deal.getStatus() != DealRegistration.Status.APPROVED) {
      deal.reject(reason, clock.instant());
      deal.decidedBy(rule, reason);
    }
    return deal;
  }

  /**
   * Extends the exclusivity, up to the allowed number of extensions; returns whether this job's extension was
   * granted. The job's key is kept, so the same job delivered twice extends once.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean extend(DealRegistration deal, String idempotencyKey) {
    if (idempotencyKey.equals(deal.getLastExtensionKey())) {
      return true;
    }
    if (deal.getStatus() != DealRegistration.Status.APPROVED || deal.getExtensionCount() >= maxExtensions) {
      return false;
    }
    deal.extendTo(deal.getExclusiveUntil().plus(extension), idempotencyKey);
    return true;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public DealRegistration close(DealRegistration deal, String outcome) {
    DealRegistration.Status status = switch (outcome == null ? "" : outcome.toLowerCase()) {
      case "won" -> DealRegistration.Status.WON;
      case "lost" -> DealRegistration.Status.LOST;
      default -> throw new IllegalArgumentException("deal outcome must be won or lost, was '" + outcome + "'");
    };
    if (deal.getStatus() == DealRegistration.Status.APPROVED) {
      deal.close(status, null, clock.instant());
    }
    return deal;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public DealRegistration release(DealRegistration deal) {
    if (deal.getStatus() == DealRegistration.Status.APPROVED) {
      deal.close(DealRegistration.Status.EXPIRED, "Exclusivity period ended", clock.instant());
    }
    return deal;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public DealRegistration get(long dealId) {
    return deals.findById(dealId).orElseThrow(() -> new IllegalArgumentException("no deal registration " + dealId));
  }

  // --- the partner's actions on an approved registration (portal)

  /**
   * Tells the registration's process the deal was won or lost. Returns false when an outcome was reported before
   * and the process has not closed the registration yet: the engine takes the first report only, whatever this
   * one says.
   */
  public boolean reportOutcome(long partnerId, long dealId, String outcome, String username) {
    if (!"won".equals(outcome) && !"lost".equals(outcome)) {
      throw new StepNotAvailable("Report the deal as won or lost.");
    }
    DealRegistration deal = ownApproved(partnerId, dealId);
    return processes.publish(DEAL_CLOSED, String.valueOf(deal.getId()), "deal-closed-" + deal.getId(),
        Map.of("outcome", outcome, "reportedBy", username)) == ProcessGateway.Delivery.PUBLISHED;
  }

  /** Asks for more exclusivity; returns false when this extension was asked for already and is still pending. */
  public boolean requestExtension(long partnerId, long dealId) {
    DealRegistration deal = ownApproved(partnerId, dealId);
    if (deal.getExtensionCount() >= maxExtensions) {
      throw new StepNotAvailable("This registration has already been extended the maximum number of times.");
    }
    return processes.publish(EXTENSION_REQUESTED, String.valueOf(deal.getId()),
        "deal-extension-" + deal.getId() + "-" + deal.getExtensionCount(), Map.of()) == ProcessGateway.Delivery.PUBLISHED;
  }

  private DealRegistration ownApproved(long partnerId, long dealId) {
    DealRegistration deal = deals.findById(dealId).filter(d -> d.getPartnerId() == partnerId).orElseThrow(() -> {
      // a mistyped or stale address, or a look at another partner's registrations: nothing is sent to any process
      log.warn("Partner {} asked about deal registration {}, which is not one of theirs: refused", partnerId, dealId);
      return new StepNotAvailable("No such deal registration of yours.");
    });
    if (deal.getStatus() != DealRegistration.Status.APPROVED) {
      throw new StepNotAvailable("Only an approved registration can be extended or closed.");
    }
    return deal;
  }
}
