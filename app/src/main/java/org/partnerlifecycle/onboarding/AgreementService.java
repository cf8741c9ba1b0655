package org.partnerlifecycle.onboarding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.Tier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Agreement revisions generated from the program's terms: the first one, revisions on request, renewals. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class AgreementService {

  private final AgreementRepository agreements;
  private final PartnerApplicationRepository applications;
  private final PartnerService partners;
  private final OnboardingProperties settings;
  private final Clock clock;

  AgreementService(AgreementRepository agreements, PartnerApplicationRepository applications, PartnerService partners,
      OnboardingProperties settings, Clock clock) {
    this.agreements = agreements;
    this.applications = applications;
    this.partners = partners;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * A new revision at the partner's current tier; open earlier revisions are superseded, an ACTIVE one stays in
   * force until the new one is activated. Idempotent by key.
   */
  public Agreement newRevision(long partnerId, Agreement.Kind kind, String requestedChanges, String idempotencyKey) {
    var existing = agreements.findByIdempotencyKey(idempotencyKey);
    if (existing.isPresent()) {
      return existing.get();
    }
    Partner partner = partners.get(partnerId);
    var previous = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId);
    previous.filter(p -> p.getStatus() != Agreement.Status.ACTIVE).ifPresent(Agreement::superseded);
    int revision = previous.map(a -> a.getRevision() + 1).orElse(1);
    Tier tier = partner.getTier() == null ? Tier.REGISTERED : partner.getTier();
    String territory = applications.findByPartnerId(partnerId)
        .map(a -> String.join(", ", a.getRegions()))
        .orElse(partner.getRegion());
    String document = ProgramTerms.agreement(partner.getLegalName(), partner.getSegment(), tier, territory,
        settings.agreementTermMonths(), revision, requestedChanges);
    return agreements.save(new Agreement(partnerId, revision, kind, tier, territory, settings.agreementTermMonths(),
        document, requestedChanges, idempotencyKey, clock.instant()));
  }

  public Optional<Agreement> latest(long partnerId) {
    return agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId);
  }

  /** The agreement in force, if any. */
  public Optional<Agreement> active(long partnerId) {
    return agreements.findFirstByPartnerIdAndStatusOrderByRevisionDesc(partnerId, Agreement.Status.ACTIVE);
  }

  /**
   * Puts a signed revision in force. A renewal starts where the current term ends (or today, if that has passed)
   * and the revision it replaces expires.
   */
  public Agreement activate(Agreement revision) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate start = today;
    var current = active(revision.getPartnerId()).filter(a -> !a.getId().equals(revision.getId()));
    if (current.isPresent()) {
      if (current.get().getExpiresOn() != null && current.get().getExpiresOn().isAfter(today)) {
        start = current.get().getExpiresOn();
      }
      current.get().expire();
    }
    if (revision.getStatus() != Agreement.Status.ACTIVE) {
      revision.activate(start);
    }
    return revision;
  }
}
