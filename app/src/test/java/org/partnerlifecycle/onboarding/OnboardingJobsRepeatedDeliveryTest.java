package org.partnerlifecycle.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.notification.NotificationRepository;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.workers.onboarding.OnboardingPort;
import org.partnerlifecycle.workers.support.InvalidJobInput;
import org.partnerlifecycle.workers.support.JobRef;
import org.springframework.beans.factory.annotation.Autowired;

/** Zeebe delivers a job at least once: the same job handled twice must leave exactly one of each effect. */
@EmbeddedAppTest
class OnboardingJobsRepeatedDeliveryTest {

  static final AtomicLong jobKeys = new AtomicLong(9_000_000_000L);

  @Autowired OnboardingPort port;
  @Autowired PartnerService partnerService;
  @Autowired PartnerApplicationRepository applications;
  @Autowired PartnerRepository partners;
  @Autowired PartnerBriefRepository briefs;
  @Autowired AgreementRepository agreements;
  @Autowired TrainingAssignmentRepository training;
  @Autowired LifecycleEventRepository events;
  @Autowired NotificationRepository notifications;

  @Autowired org.partnerlifecycle.account.UserAccountRepository accounts;
  @Autowired org.partnerlifecycle.account.AccountTokenRepository tokens;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  long partnerId;
  long contactSuffix;

  @BeforeEach
  void partnerWithApplication() {
    contactSuffix = jobKeys.get();
    var form = TestPartners.strongApplication("Repeat Delivery Ltd " + jobKeys.get(),
        "ops+" + jobKeys.get() + "@repeat.example");
    partnerId = partnerService.register(form.legalName(), form.country(), form.primaryRegion(), form.segment(),
        form.domainExpertise(), Actor.system()).getId();
    applications.save(new PartnerApplication(partnerId, form, Instant.now()));
  }

  static JobRef job(String type, String elementId) {
    return new JobRef(jobKeys.incrementAndGet(), type, 2251799813685300L, "partner-onboarding", 1, elementId);
  }

  @Test
  void everyOnboardingJobTwiceLeavesOneRecordOneEventOneMail() {
    JobRef[] jobs = {
        job("partner-stage", "RecordApplied"), job("partner-brief-generate", "GenerateBrief"),
        job("partner-agreement-generate", "GenerateAgreement"), job("partner-portal-access", "GrantPortalAccess"),
        job("partner-training-assign", "AssignTraining"), job("partner-onboarding-escalate", "EscalateOnboarding"),
        job("partner-notify", "SendBriefReminder")};
    for (int delivery = 0; delivery < 2; delivery++) {
      port.recordStage(partnerId, "APPLIED", jobs[0]);
      port.generateBrief(partnerId, jobs[1]);
      port.generateAgreement(partnerId, jobs[2]);
      port.grantPortalAccess(partnerId, jobs[3]);
      port.assignTraining(partnerId, jobs[4]);
      port.escalateOnboarding(partnerId, jobs[5]);
      port.notifyPartner(partnerId, "brief-reminder", jobs[6]);
    }

    assertThat(briefs.findFirstByPartnerIdOrderByGeneratedAtDescIdDesc(partnerId)).isPresent();
    assertThat(briefs.findAll().stream().filter(b -> b.getPartnerId() == partnerId)).hasSize(1);
    assertThat(agreements.findByPartnerIdOrderByRevisionAsc(partnerId)).hasSize(1);
    assertThat(training.findByPartnerIdOrderByModuleCode(partnerId)).hasSize(3);
    // registered + applied + briefed + agreement + portal access + training + escalation + reminder
    assertThat(events.countByPartnerId(partnerId)).isEqualTo(8);
    assertThat(notifications.findByPartnerIdOrderByIdAsc(partnerId)).hasSize(7);
    assertThat(partners.findById(partnerId).orElseThrow().getStage()).isEqualTo(LifecycleStage.AGREEMENT);
    assertThat(partners.findById(partnerId).orElseThrow().isAtRisk()).isTrue();
    // the contact's invitation: one link per job (brief, portal access), of which only the newest still works
    var contact = accounts.findByUsername("ops+" + contactSuffix + "@repeat.example").orElseThrow();
    assertThat(jdbc.queryForObject("select count(*) from account_token where user_account_id = ?", Long.class,
        contact.getId())).isEqualTo(2);
    assertThat(tokens.findByUserAccountIdAndUsedAtIsNullAndRevokedAtIsNull(contact.getId())).hasSize(1);
    assertThat(notifications.findByPartnerIdOrderByIdAsc(partnerId)).filteredOn(n -> n.getTemplate().equals("brief-ready"))
        .singleElement().satisfies(n -> assertThat(n.getBody()).contains("/account/password?token="));
  }

  @Test
  void aJobForAnUnknownPartnerIsRetriedNotAnImmediateIncident() {
    // the partner may be a moment from committed: a technical failure, retried with backoff
    assertThatThrownBy(() -> port.generateBrief(-1, job("partner-brief-generate", "GenerateBrief")))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(InvalidJobInput.class)
        .hasMessageContaining("no partner with id -1");
  }

  @Test
  void anUnknownStageHeaderIsInvalidInput() {
    assertThatThrownBy(() -> port.recordStage(partnerId, "PLATINUM-ISH", job("partner-stage", "RecordApplied")))
        .isInstanceOf(InvalidJobInput.class)
        .hasMessageContaining("PLATINUM-ISH");
  }
}
