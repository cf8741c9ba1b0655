package org.partnerlifecycle.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byKey;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byParentProcessInstanceKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelector;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.notification.Notification;
import org.partnerlifecycle.notification.NotificationRepository;
import org.partnerlifecycle.onboarding.ApplicationForm;
import org.partnerlifecycle.onboarding.ApplicationService;
import org.partnerlifecycle.onboarding.OnboardingDriver;
import org.partnerlifecycle.onboarding.PartnerApplication;
import org.partnerlifecycle.onboarding.PartnerApplicationRepository;
import org.partnerlifecycle.onboarding.TestPartners;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The main paths of partner-onboarding (called by each partner's partner-lifecycle instance) on a real Camunda
 * 8.8 cluster, with the whole app around them: its job workers, the task listeners that feed its user task
 * projection, user task commands over the cluster's REST API, and its database. Camunda Process Test runs the
 * cluster in Docker (Testcontainers, the default) or uses a running one (camunda.process-test.runtime-mode=remote;
 * it purges that cluster's data).
 *
 * <p>Not part of {@code ./mvnw verify}: {@code ./mvnw -Pcpt verify -pl app -am -Dtest='*CptTest'
 * -Dsurefire.failIfNoSpecifiedTests=false} (README, "Run in production").
 */
@SpringBootTest(properties = {
    "partner.runtime=remote",
    // Camunda Process Test hands the app its client once the cluster is up, after the context has started
    "partner.camunda.startup-check.enabled=false",
    "partner.demo-data=false",
    "spring.datasource.url=jdbc:h2:mem:cpt;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"})
@CamundaSpringProcessTest
class OnboardingProcessCptTest {

  static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired ApplicationContext app;
  @Autowired ApplicationService applications;
  @Autowired PartnerApplicationRepository applicationRecords;
  @Autowired NotificationRepository notifications;

  @BeforeEach
  void patientAssertions() {
    // a cluster exports to its secondary storage asynchronously: assertions wait for it (reset after each test)
    CamundaAssert.setAssertionTimeout(WAIT);
  }

  static ApplicationForm application(String name, Segment segment, List<String> regions, List<String> expertise,
      int customers, int certifications, String revenue) {
    return new ApplicationForm(name, "DE", segment, regions, expertise, customers, certifications,
        new BigDecimal(revenue), "Our customers ask for your product.", "Nora Jones",
        name.toLowerCase().replaceAll("[^a-z]", "") + "@example.com");
  }

  @Test
  void aStrongApplicantBecomesAnActivePartner() {
    PartnerApplication applied = applications.submit(
        TestPartners.strongApplication("Brightline Systems GmbH", "nora@brightline.example"), Actor.system());
    long partnerId = applied.getPartnerId();
    String user = "nora@brightline.example";

    driver().acknowledgeBrief(partnerId, user);
    driver().signAndCountersign(partnerId, user);
    driver().completeOnboarding(partnerId, "Brightline Systems GmbH", user);

    assertThat(onboardingOf(applied)).isCompleted()
        .hasCompletedElementsInOrder("RecordApplied", "RecordQualified", "GenerateBrief", "GenerateAgreement",
            "CountersignAgreement", "ActivateAgreement", "RecordOnboarding", "ActivatePartner", "PartnerActive")
        .hasNotActivatedElements("ReviewApplication", "DeclineApplication")
        .hasNoActiveIncidents();
    assertThat(UserTaskSelectors.byElementId("CountersignAgreement")).isCompleted();
    assertThat(byKey(applied.getProcessInstanceKey())).isActive()
        .hasCompletedElements("Onboarding")
        .hasActiveElements("ActivePartnership");
    driver().awaitStage(partnerId, LifecycleStage.ACTIVE);
    assertThat(notifications.findByPartnerIdOrderByIdAsc(partnerId)).extracting(Notification::getTemplate)
        .contains("application-received", "agreement-active", "welcome");
  }

  @Test
  void anApplicationThatDoesNotFitIsDeclinedWithTheFitTablesReason() {
    PartnerApplication applied = applications.submit(application("Tiny Referrals UG", Segment.REFERRAL,
        List.of("EMEA"), List.of(), 3, 0, "2000"), Actor.system());

    assertThat(onboardingOf(applied)).isCompleted()
        .hasCompletedElements("ScoreFit", "DeclineApplication", "Declined")
        .hasNotActivatedElements("ReviewApplication", "RecordQualified")
        .hasNoActiveIncidents();
    assertThat(byKey(applied.getProcessInstanceKey())).isCompleted().hasCompletedElements("NotOnboarded");
    driver().awaitStage(applied.getPartnerId(), LifecycleStage.DECLINED);
    assertThat(applicationRecords.findByPartnerId(applied.getPartnerId()).orElseThrow().getDecisionReason())
        .isEqualTo("Referral partners must expect at least 10,000 in annual revenue");
    assertThat(notifications.findByPartnerIdOrderByIdAsc(applied.getPartnerId())).extracting(Notification::getTemplate)
        .contains("application-declined");
  }

  @Test
  void aMiddlingApplicationIsReviewedByChannelOpsAndQualified() {
    PartnerApplication applied = applications.submit(middling("Midfield Integration GmbH"), Actor.system());

    assertThat(UserTaskSelectors.byElementId("ReviewApplication")).isCreated().hasCandidateGroup("channel-ops");
    driver().completeTask(applied.getPartnerId(), "ReviewApplication",
        Map.of("reviewDecision", "qualify", "reviewReason", "Strong ERP practice in a region we need"));

    assertThat(onboardingOf(applied)).isActive()
        .hasCompletedElementsInOrder("ScoreFit", "ReviewApplication", "RecordQualified", "GenerateBrief")
        .hasActiveElements("AwaitBriefAcknowledgement")
        .hasNoActiveIncidents();
    driver().awaitStage(applied.getPartnerId(), LifecycleStage.BRIEFED);
  }

  @Test
  void aMiddlingApplicationTheReviewerDeclinesEndsDeclinedWithTheReviewersReason() {
    PartnerApplication applied = applications.submit(middling("Overlap Consulting AG"), Actor.system());

    driver().completeTask(applied.getPartnerId(), "ReviewApplication",
        Map.of("reviewDecision", "decline", "reviewReason", "Overlaps with two existing integrators"));

    assertThat(onboardingOf(applied)).isCompleted()
        .hasCompletedElementsInOrder("ReviewApplication", "DeclineApplication", "Declined")
        .hasNotActivatedElements("RecordQualified");
    driver().awaitStage(applied.getPartnerId(), LifecycleStage.DECLINED);
    assertThat(applicationRecords.findByPartnerId(applied.getPartnerId()).orElseThrow().getDecisionReason())
        .isEqualTo("Overlaps with two existing integrators");
  }

  /** The partner-onboarding instance the partner's partner-lifecycle instance called. */
  private static ProcessInstanceSelector onboardingOf(PartnerApplication applied) {
    return byParentProcessInstanceKey(applied.getProcessInstanceKey());
  }

  private static ApplicationForm middling(String name) {
    return application(name, Segment.SYSTEM_INTEGRATOR, List.of("EMEA"), List.of("erp"), 30, 1, "300000");
  }

  private OnboardingDriver driver() {
    return new OnboardingDriver(app, WAIT);
  }
}
