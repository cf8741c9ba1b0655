package org.partnerlifecycle.renewal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.partnerlifecycle.onboarding.Agreement;
import org.partnerlifecycle.onboarding.AgreementService;
import org.partnerlifecycle.onboarding.AgreementSignatureRepository;
import org.partnerlifecycle.onboarding.AgreementSignature;
import org.partnerlifecycle.partnership.PartnershipProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renewal of the partner agreement: outreach a lead time before expiry, a renewal revision on the terms of the
 * partner's current tier, the partner's new signature; unsigned at expiry the partner is suspended.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class RenewalService {

  private final AgreementService agreements;
  private final AgreementSignatureRepository signatures;
  private final PartnershipProperties settings;
  private final Clock clock;

  RenewalService(AgreementService agreements, AgreementSignatureRepository signatures, PartnershipProperties settings,
      Clock clock) {
    this.agreements = agreements;
    this.signatures = signatures;
    this.settings = settings;
    this.clock = clock;
  }

  /** When to start the outreach and when the agreement in force expires, for the renewal process's timers. */
  public Map<String, Object> schedule(long partnerId) {
    Agreement active = agreements.active(partnerId)
        .orElseThrow(() -> new IllegalStateException("partner " + partnerId + " has no agreement in force"));
    Instant expires = active.getExpiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant outreach = expires.minus(settings.renewalLeadTime());
    Instant now = clock.instant();
    return Map.of("renewalOutreachAt", (outreach.isBefore(now) ? now : outreach).toString(),
        "agreementExpiresAt", (expires.isBefore(now) ? now.plus(Duration.ofMinutes(1)) : expires).toString());
  }

  public Agreement startOutreach(long partnerId, String idempotencyKey) {
    return agreements.newRevision(partnerId, Agreement.Kind.RENEWAL, null, idempotencyKey);
  }

  /** Puts the signed renewal in force. */
  public Agreement activate(long partnerId) {
    Agreement renewal = agreements.latest(partnerId)
        .filter(a -> a.getKind() == Agreement.Kind.RENEWAL)
        .orElseThrow(() -> new IllegalStateException("partner " + partnerId + " has no renewal agreement"));
    if (renewal.getStatus() != Agreement.Status.ACTIVE
        && signatures.findByAgreementIdAndParty(renewal.getId(), AgreementSignature.Party.PARTNER).isEmpty()) {
      throw new IllegalStateException("renewal revision " + renewal.getRevision() + " is not signed");
    }
    return agreements.activate(renewal);
  }
}
