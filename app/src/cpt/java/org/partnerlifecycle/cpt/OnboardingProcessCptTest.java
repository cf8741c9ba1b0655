package org.partnerlifecycle.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.ProcessInstanceSelectors.byKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.notification.Notification;
import org.partnerlifecycle.notification.NotificationRepository;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.ApplicationForm;
import org.partnerlifecycle.onboarding.ApplicationService;
import org.partnerlifecycle.onboarding.PartnerApplication;
import org.partnerlifecycle.onboarding.PartnerApplicationRepository;
import org.partnerlifecycle.onboarding.PartnerSteps;
import org.partnerlifecycle.onboarding.ProfileForm;
import org.partnerlifecycle.onboarding.TrainingAssignmentRepository;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.partnerlifecycle.task.UserTaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The main paths of partner-onboarding on a real Camunda 8.8 cluster, with the whole app around them: its job
 * workers, the task listeners that feed its user task projection, user task commands over the cluster's REST
 * API, and its database. Camunda Process Test runs the cluster in Docker (Testcontainers, the default) or uses
 * a running one (camunda.process-test.runtime-mode=remote; it purges that cluster's data).
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

  @Autowired ApplicationService applications;
  @Autowired PartnerApplicationRepository applicationRecords;
  @Autowired PartnerSteps steps;
  @Autowired PartnerRepository partners;
  @Autowired AgreementRepository agreements;
  @Autowired TrainingAssignmentRepository training;
  @Autowired UserTaskRepository tasks;
  @Autowired UserTaskService userTasks;
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
    PartnerApplication applied = applications.submit(application("Brightline Systems GmbH",
        Segment.SYSTEM_INTEGRATOR, List.of("DACH", "Benelux"), List.of("Cloud migration", "Data platforms"), 150, 4,
        "1500000"), Actor.system());
    long partnerId = applied.getPartnerId();
    long instance = applied.getProcessInstanceKey();
    String user = "nora@brightline.example";

    awaitStage(partnerId, LifecycleStage.BRIEFED);
    steps.acknowledgeBrief(partnerId, user);

    awaitStage(partnerId, LifecycleStage.AGREEMENT);
    var agreement = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
    steps.signAgreement(partnerId, "Nora Jones", true, agreement.getDocumentSha256(), "203.0.113.7", user);
    completeTask(instance, "CountersignAgreement", Map.of("countersignDecision", "approve"));

    awaitStage(partnerId, LifecycleStage.ONBOARDING);
    steps.submitProfile(partnerId, new ProfileForm("Hafenstrasse 1, 20457 Hamburg", "DE123456789",
        "Brightline Systems GmbH", "DE89 3704 0044 0532 0130 00", "https://brightline.example", 42), user);
    completeTask(instance, "VerifyDocuments", Map.of("documentsDecision", "approve", "documentsComment", ""));
    completeTask(instance, "ScheduleKickoff", Map.of("kickoffAt", "2030-03-04T10:00:00Z", "kickoffNotes", "video call"));
    var modules = EngineRecords.await(() -> Optional.of(training.findByPartnerIdOrderByModuleCode(partnerId))
        .filter(m -> !m.isEmpty()), WAIT, "training assignment");
    modules.forEach(m -> steps.completeTrainingModule(partnerId, m.getModuleCode(), user));

    assertThat(byKey(instance)).isCompleted()
        .hasCompletedElementsInOrder("RecordApplied", "RecordQualified", "GenerateBrief", "GenerateAgreement",
            "CountersignAgreement", "ActivateAgreement", "RecordOnboarding", "ActivatePartner", "PartnerActive")
        .hasNotActivatedElements("ReviewApplication", "DeclineApplication")
        .hasNoActiveIncidents();
    assertThat(UserTaskSelectors.byElementId("CountersignAgreement", instance)).isCompleted();
    awaitStage(partnerId, LifecycleStage.ACTIVE);
    assertThat(notifications.findByPartnerIdOrderByIdAsc(partnerId)).extracting(Notification::getTemplate)
        .contains("application-received", "agreement-active", "welcome");
  }

  @Test
  void anApplicationThatDoesNotFitIsDeclinedWithTheFitTablesReason() {
    PartnerApplication applied = applications.submit(application("Tiny Referrals UG", Segment.REFERRAL,
        List.of("EMEA"), List.of(), 3, 0, "2000"), Actor.system());

    assertThat(byKey(applied.getProcessInstanceKey())).isCompleted()
        .hasCompletedElements("ScoreFit", "DeclineApplication", "Declined")
        .hasNotActivatedElements("ReviewApplication", "RecordQualified")
        .hasNoActiveIncidents();
    awaitStage(applied.getPartnerId(), LifecycleStage.DECLINED);
    assertThat(applicationRecords.findByPartnerId(applied.getPartnerId()).orElseThrow().getDecisionReason())
        .isEqualTo("Referral partners must expect at least 10,000 in annual revenue");
    assertThat(notifications.findByPartnerIdOrderByIdAsc(applied.getPartnerId())).extracting(Notification::getTemplate)
        .contains("application-declined");
  }

  @Test
  void aMiddlingApplicationIsReviewedByChannelOpsAndQualified() {
    PartnerApplication applied = applications.submit(middling("Midfield Integration GmbH"), Actor.system());
    long instance = applied.getProcessInstanceKey();

    assertThat(UserTaskSelectors.byElementId("ReviewApplication", instance)).isCreated()
        .hasCandidateGroup("channel-ops");
    completeTask(instance, "ReviewApplication",
        Map.of("reviewDecision", "qualify", "reviewReason", "Strong ERP practice in a region we need"));

    assertThat(byKey(instance)).isActive()
        .hasCompletedElementsInOrder("ScoreFit", "ReviewApplication", "RecordQualified", "GenerateBrief")
        .hasActiveElements("AwaitBriefAcknowledgement")
        .hasNoActiveIncidents();
    awaitStage(applied.getPartnerId(), LifecycleStage.BRIEFED);
  }

  @Test
  void aMiddlingApplicationTheReviewerDeclinesEndsDeclinedWithTheReviewersReason() {
    PartnerApplication applied = applications.submit(middling("Overlap Consulting AG"), Actor.system());
    long instance = applied.getProcessInstanceKey();

    completeTask(instance, "ReviewApplication",
        Map.of("reviewDecision", "decline", "reviewReason", "Overlaps with two existing integrators"));

    assertThat(byKey(instance)).isCompleted()
        .hasCompletedElementsInOrder("ReviewApplication", "DeclineApplication", "Declined")
        .hasNotActivatedElements("RecordQualified");
    awaitStage(applied.getPartnerId(), LifecycleStage.DECLINED);
    assertThat(applicationRecords.findByPartnerId(applied.getPartnerId()).orElseThrow().getDecisionReason())
        .isEqualTo("Overlaps with two existing integrators");
  }

  private static ApplicationForm middling(String name) {
    return application(name, Segment.SYSTEM_INTEGRATOR, List.of("EMEA"), List.of("erp"), 30, 1, "300000");
  }

  private void awaitStage(long partnerId, LifecycleStage stage) {
    EngineRecords.await(() -> partners.findById(partnerId).filter(p -> p.getStage() == stage), WAIT,
        "partner " + partnerId + " in stage " + stage);
  }

  /** Completes a user task the way ops do in the console: found in the app's projection, completed over REST. */
  private void completeTask(long instance, String elementId, Map<String, Object> variables) {
    UserTask task = EngineRecords.await(() -> tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(instance).stream()
        .filter(t -> t.getElementId().equals(elementId) && t.getState() == TaskState.OPEN).findFirst(), WAIT,
        "open task " + elementId + " of instance " + instance);
    userTasks.complete(task.getUserTaskKey(), variables);
  }
}
