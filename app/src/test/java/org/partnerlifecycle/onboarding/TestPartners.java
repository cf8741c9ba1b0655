package org.partnerlifecycle.onboarding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.workers.onboarding.OnboardingPort;
import org.partnerlifecycle.workers.support.JobRef;
import org.springframework.stereotype.Component;

/**
 * Partners in a known state for tests of later stages, made through the same domain calls the workers make
 * (no process instance behind them).
 */
@Component
public class TestPartners {

  private static final AtomicLong keys = new AtomicLong(8_000_000_000L);

  private final PartnerService partners;
  private final PartnerApplicationRepository applications;
  private final OnboardingPort onboarding;
  private final PartnerSteps steps;
  private final AgreementRepository agreements;

  TestPartners(PartnerService partners, PartnerApplicationRepository applications, OnboardingPort onboarding,
      PartnerSteps steps, AgreementRepository agreements) {
    this.partners = partners;
    this.applications = applications;
    this.onboarding = onboarding;
    this.steps = steps;
    this.agreements = agreements;
  }

  /** An application the fit decision qualifies without review (score 80). */
  public static ApplicationForm strongApplication(String name, String email) {
    return new ApplicationForm(name, "DE", Segment.SYSTEM_INTEGRATOR, List.of("DACH", "Benelux"),
        List.of("Cloud migration", "Data platforms"), 150, 4, new BigDecimal("1500000"),
        "We implement data platforms for mid-market manufacturers and want to lead with your product.",
        "Nora Jones", email);
  }

  public static JobRef job(String type, String elementId) {
    return new JobRef(keys.incrementAndGet(), type, 2251799813685300L, "partner-lifecycle", 1, elementId);
  }

  /** A partner that applied (application stored), stage APPLIED. */
  public long applied(String name, Segment segment) {
    long n = keys.incrementAndGet();
    var form = new ApplicationForm(name, "NL", segment, List.of("Benelux"), List.of("Cloud"), 80, 3,
        new BigDecimal("900000"), "Test partner", "Pat Contact", "pat+" + n + "@partner.example");
    long partnerId = partners.register(form.legalName(), form.country(), form.primaryRegion(), form.segment(),
        form.domainExpertise(), Actor.system()).getId();
    applications.save(new PartnerApplication(partnerId, form, Instant.now()));
    onboarding.recordStage(partnerId, "APPLIED", job("partner-stage", "RecordApplied"));
    return partnerId;
  }

  /** A partner taken through onboarding: signed, countersigned agreement in force, ACTIVE at tier Registered. */
  public long active(String name, Segment segment) {
    long partnerId = applied(name, segment);
    onboarding.recordStage(partnerId, "QUALIFIED", job("partner-stage", "RecordQualified"));
    onboarding.generateBrief(partnerId, job("partner-brief-generate", "GenerateBrief"));
    onboarding.generateAgreement(partnerId, job("partner-agreement-generate", "GenerateAgreement"));
    Agreement agreement = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
    steps.signAgreement(partnerId, "Pat Contact", true, agreement.getDocumentSha256(), "198.51.100.4", "pat");
    onboarding.activateAgreement(partnerId, job("partner-agreement-activate", "ActivateAgreement"));
    onboarding.recordStage(partnerId, "ONBOARDING", job("partner-stage", "RecordOnboarding"));
    onboarding.activatePartner(partnerId, job("partner-activate", "ActivatePartner"));
    return partnerId;
  }
}
