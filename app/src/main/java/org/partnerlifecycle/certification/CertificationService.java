package org.partnerlifecycle.certification;

import io.camunda.client.CamundaClient;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.onboarding.OnboardingProperties;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.onboarding.ProcessGateway;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Tier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certifications of the partner's people. A partner-level certification, and a tier, needs a number of certified
 * individuals; each certification is verified by ops, expires, is reminded of at 60, 30 and 7 days, and its lapse
 * asks for a re-evaluation of the partner's tier.
 */
@Service
public class CertificationService {

  public static final String PROCESS_ID = "partner-certification";
  public static final String RENEWED_MESSAGE = "partner-certification-renewed";
  public static final String REEVALUATION_MESSAGE = "partner-reevaluation-requested";

  private final CertificationRepository certifications;
  private final PartnerService partners;
  private final CamundaClient client;
  private final ProcessGateway processes;
  private final OnboardingProperties onboarding;
  private final TransactionTemplate tx;
  private final Validator validator;
  private final Clock clock;
  private final Duration validity;

  CertificationService(CertificationRepository certifications, PartnerService partners, CamundaClient client,
      ProcessGateway processes, OnboardingProperties onboarding, TransactionTemplate tx, Validator validator,
      Clock clock, @Value("${partner.certification.validity:P730D}") Duration validity) {
    this.certifications = certifications;
    this.partners = partners;
    this.client = client;
    this.processes = processes;
    this.onboarding = onboarding;
    this.tx = tx;
    this.validator = validator;
    this.clock = clock;
    this.validity = validity;
  }

  /** Certified individuals a partner needs to hold a tier (the same bars as the DMN partner-tier). */
  public static int requiredCertifiedStaff(Tier tier) {
    return switch (tier == null ? Tier.REGISTERED : tier) {
      case REGISTERED -> 0;
      case SILVER -> 2;
      case GOLD -> 5;
      case PLATINUM -> 10;
    };
  }

  /** The partner submits evidence; ops verify it in the certification process started here. */
  public Certification submit(long partnerId, CertificationForm form, String username) {
    var violations = validator.validate(form);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    Certification certification = tx.execute(s -> {
      if (!EnumSet.of(LifecycleStage.ONBOARDING, LifecycleStage.ACTIVE).contains(partners.get(partnerId).getStage())) {
        throw new StepNotAvailable("Certifications can be submitted during onboarding and while the partnership is active.");
      }
      if (form.renewsCertificationId() != null) {
        var renewed = certifications.findById(form.renewsCertificationId())
            .filter(c -> c.getPartnerId() == partnerId)
            .orElseThrow(() -> new StepNotAvailable("That certification is not one of yours."));
        if (renewed.getStatus() != Certification.Status.VERIFIED) {
          throw new StepNotAvailable("Only a verified certification can be renewed.");
        }
      }
      Certification saved = certifications.save(new Certification(partnerId, form.personName().strip(),
          form.personEmail().strip().toLowerCase(), form.level(), form.evidence().strip(),
          form.renewsCertificationId(), username, clock.instant()));
      partners.recordEvent(partnerId, "CERTIFICATION_SUBMITTED", new Actor(ActorType.PARTNER_USER, username),
          ProcessRef.NONE, Map.of("certificationId", saved.getId(), "level", form.level().name()), null);
      return saved;
    });
    long instance = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
        .variables(Map.of("partnerId", partnerId, "certificationId", certification.getId(),
            "reviewDueIn", OnboardingProperties.iso(onboarding.reviewDueIn()),
            // what the verifying ops user sees in the task's form
            "certification", Map.of("person", certification.getPersonName() + " <" + certification.getPersonEmail() + ">",
                "level", certification.getLevel().label(), "evidence", certification.getEvidence())))
        .send().join().getProcessInstanceKey();
    return tx.execute(s -> {
      Certification c = certifications.findById(certification.getId()).orElseThrow();
      c.startedAs(instance);
      return c;
    });
  }

  /** Verified: returns the expiry and the reminder times for the process's timers. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<String, Object> grant(Certification certification, String comment) {
    if (certification.getStatus() == Certification.Status.SUBMITTED) {
      certification.verify(clock.instant().plus(validity), comment, clock.instant());
      if (certification.getRenewsId() != null) {
        certifications.findById(certification.getRenewsId()).ifPresent(Certification::renewed);
      }
    }
    Instant expires = certification.getExpiresAt();
    Map<String, Object> timers = new LinkedHashMap<>();
    timers.put("expiresAt", expires.toString());
    for (int days : new int[] {60, 30, 7}) {
      Instant at = expires.minus(Duration.ofDays(days));
      timers.put("remind" + days + "At", (at.isBefore(clock.instant()) ? clock.instant() : at).toString());
    }
    return timers;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void reject(Certification certification, String comment) {
    certification.reject(comment, clock.instant());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void lapse(Certification certification) {
    if (certification.getStatus() == Certification.Status.VERIFIED) {
      certification.lapse();
    }
  }

  /** Ends the reminders of the certification this one renews (its process waits on this message). */
  public void announceRenewal(Certification certification) {
    if (certification.getRenewsId() != null) {
      processes.publish(RENEWED_MESSAGE, String.valueOf(certification.getRenewsId()),
          "certification-renewed-" + certification.getRenewsId(), Map.of());
    }
  }

  /** The certification lapsed: the partner's tier is evaluated again. */
  public void requestReevaluation(Certification certification) {
    processes.publish(REEVALUATION_MESSAGE, certification.getPartnerId(),
        "reevaluate-lapsed-certification-" + certification.getId(), Map.of());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Certification get(long certificationId) {
    return certifications.findById(certificationId)
        .orElseThrow(() -> new IllegalArgumentException("no certification with id " + certificationId));
  }

  public int certifiedStaff(long partnerId) {
    return certifications.countCertifiedStaff(partnerId, clock.instant());
  }
}
