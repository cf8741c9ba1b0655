package org.partnerlifecycle.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.DeliveredTwice;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.RepeatedDelivery;
import org.partnerlifecycle.RepeatedDelivery.Effects;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.notification.NotificationRepository;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
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
  @Autowired RepeatedDelivery delivery;
  @Autowired TestPartners testPartners;
  @Autowired PartnerSteps steps;

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
  @DeliveredTwice({"partner-stage", "partner-brief-generate", "partner-agreement-generate", "partner-portal-access",
      "partner-training-assign", "partner-onboarding-escalate", "partner-notify"})
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
  @DeliveredTwice({"partner-decline", "partner-withdraw"})
  void aDeclineOrAWithdrawalTwiceOverMovesTheStageOnceAndTellsTheApplicantOnce() {
    Effects declined = delivery.twice(partnerId, job("partner-decline", "DeclineApplication"),
        j -> port.decline(partnerId, "Outside our target regions", j));
    assertThat(declined.events()).containsExactly("STAGE_CHANGED");
    assertThat(declined.mails()).containsExactly("application-declined to ops+" + contactSuffix + "@repeat.example");
    assertThat(declined.rows()).isEmpty();
    assertThat(partners.findById(partnerId).orElseThrow().getStage()).isEqualTo(LifecycleStage.DECLINED);
    assertThat(applications.findByPartnerId(partnerId).orElseThrow().getDecisionReason())
        .isEqualTo("Outside our target regions");

    long quiet = testPartners.applied("Quiet Applicant " + jobKeys.incrementAndGet(), Segment.MSP);
    Effects withdrawn = delivery.twice(quiet, job("partner-withdraw", "WithdrawBriefIgnored"),
        j -> port.withdraw(quiet, "brief-not-acknowledged", j));
    assertThat(withdrawn.events()).containsExactly("STAGE_CHANGED");
    assertThat(withdrawn.templates()).containsExactly("withdrawn");
    assertThat(partners.findById(quiet).orElseThrow().getStage()).isEqualTo(LifecycleStage.WITHDRAWN);
  }

  @Test
  @DeliveredTwice({"partner-agreement-revise", "partner-agreement-activate", "partner-onboarding-sla-breach",
      "partner-activate"})
  void aRevisionActivationSlaBreachAndActivationTwiceOverLeaveOneOfEach() {
    port.recordStage(partnerId, "QUALIFIED", job("partner-stage", "RecordQualified"));
    port.generateAgreement(partnerId, job("partner-agreement-generate", "GenerateAgreement"));

    Effects revised = delivery.twice(partnerId, job("partner-agreement-revise", "ReviseAgreement"),
        j -> port.reviseAgreement(partnerId, "Add the Nordics to the territory", j));
    assertThat(revised.events()).containsExactly("AGREEMENT_REVISED");
    assertThat(revised.templates()).containsExactly("agreement-revised");
    assertThat(revised.rows()).containsExactly(java.util.Map.entry("agreement", 1L));
    Agreement revision = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
    assertThat(revision.getRevision()).isEqualTo(2);

    steps.signAgreement(partnerId, "Nora Jones", true, revision.getDocumentSha256(), "198.51.100.9", "nora");
    Effects activated = delivery.twice(partnerId, job("partner-agreement-activate", "ActivateAgreement"),
        j -> port.activateAgreement(partnerId, j));
    assertThat(activated.events()).containsExactly("AGREEMENT_ACTIVATED");
    assertThat(activated.templates()).containsExactly("agreement-active");
    assertThat(activated.rows()).as("the vendor's countersignature").containsExactly(java.util.Map.entry("agreement_signature", 1L));
    assertThat(agreements.findById(revision.getId()).orElseThrow().getStatus()).isEqualTo(Agreement.Status.ACTIVE);

    Effects breached = delivery.twice(partnerId, job("partner-onboarding-sla-breach", "RecordSlaBreach"),
        j -> port.recordSlaBreach(partnerId, j));
    assertThat(breached.events()).containsExactly("ONBOARDING_SLA_BREACHED");
    assertThat(breached.mails()).containsExactly("onboarding-sla-breach to channel-managers@vendor.example");
    assertThat(partners.findById(partnerId).orElseThrow().isAtRisk()).isTrue();

    port.recordStage(partnerId, "ONBOARDING", job("partner-stage", "RecordOnboarding"));
    Effects active = delivery.twice(partnerId, job("partner-activate", "ActivatePartner"), j -> port.activatePartner(partnerId, j));
    assertThat(active.events()).containsExactly("STAGE_CHANGED");
    assertThat(active.templates()).containsExactly("welcome");
    assertThat(active.rows()).isEmpty();
    var partner = partners.findById(partnerId).orElseThrow();
    assertThat(partner.getStage()).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(partner.getTier()).isEqualTo(org.partnerlifecycle.partner.Tier.REGISTERED);
    assertThat(partner.isAtRisk()).isFalse();
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
