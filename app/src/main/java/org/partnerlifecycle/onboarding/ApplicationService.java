package org.partnerlifecycle.onboarding;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partnership.PartnershipProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recruitment: a prospect applies (portal) or ops enters an application, and the partner's lifecycle process
 * starts: onboarding first, then the active partnership, until offboarding.
 */
@Service
public class ApplicationService {

  private final PartnerService partners;
  private final PartnerApplicationRepository applications;
  private final ProcessGateway processes;
  private final OnboardingProperties settings;
  private final PartnershipProperties partnership;
  private final Validator validator;
  private final java.time.Clock clock;

  public ApplicationService(PartnerService partners, PartnerApplicationRepository applications,
      ProcessGateway processes, OnboardingProperties settings, PartnershipProperties partnership, Validator validator,
      java.time.Clock clock) {
    this.partners = partners;
    this.applications = applications;
    this.processes = processes;
    this.settings = settings;
    this.partnership = partnership;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Registers the applicant as a partner, stores the application and starts its lifecycle process, all or
   * nothing: if the engine cannot be reached, nothing is saved and the caller gets the error.
   */
  @Transactional
  public PartnerApplication submit(ApplicationForm form, Actor actor) {
    Set<ConstraintViolation<ApplicationForm>> violations = validator.validate(form);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    Partner partner = partners.register(form.legalName().strip(), form.country(), form.primaryRegion(),
        form.segment(), form.domainExpertise(), actor);
    PartnerApplication application = applications.save(new PartnerApplication(partner.getId(), form, clock.instant()));
    application.startedAs(processes.startLifecycle(processVariables(partner.getId(), form)));
    return application;
  }

  Map<String, Object> processVariables(long partnerId, ApplicationForm form) {
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("segment", form.segment().name());
    application.put("regions", form.regions());
    application.put("domainExpertise", form.domainExpertise());
    application.put("customerBase", form.customerBase());
    application.put("certificationsHeld", form.certificationsHeld());
    application.put("expectedAnnualRevenue", form.expectedAnnualRevenue());
    application.put("motivation", form.motivation());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("partnerId", partnerId);
    variables.put("application", application);
    variables.put("briefReminderAfter", OnboardingProperties.iso(settings.briefReminderAfter()));
    variables.put("briefWithdrawAfter", OnboardingProperties.iso(settings.briefWithdrawAfter()));
    variables.put("agreementSignWithin", OnboardingProperties.iso(settings.agreementSignWithin()));
    variables.put("onboardingEscalateAfter", OnboardingProperties.iso(settings.onboardingEscalateAfter()));
    variables.put("onboardingSlaAfter", OnboardingProperties.iso(settings.onboardingSlaAfter()));
    variables.put("reviewDueIn", OnboardingProperties.iso(settings.reviewDueIn()));
    variables.put("evaluationInterval", partnership.evaluationInterval().toString());
    variables.put("qbrInterval", partnership.qbrInterval().toString());
    variables.put("remediationWindow", OnboardingProperties.iso(partnership.remediationWindow()));
    variables.put("lapseGrace", OnboardingProperties.iso(partnership.lapseGrace()));
    variables.put("noticePeriod", OnboardingProperties.iso(partnership.noticePeriod()));
    return variables;
  }
}
