package org.partnerlifecycle.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.engine.EmbeddedEngine;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.notification.Notification;
import org.partnerlifecycle.notification.NotificationRepository;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.partner.Tier;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.partnerlifecycle.task.UserTaskService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Partner lifecycle I end to end: a prospect from application to ACTIVE through the real engine (the
 * partner-lifecycle process calling partner-onboarding), the real
 * workers and real persistence, with ops completing their user tasks through the user task service and the
 * partner doing their steps through the same service the portal calls.
 */
@EmbeddedAppTest
class OnboardingLifecycleTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired ApplicationService applications;
  @Autowired PartnerSteps steps;
  @Autowired PartnerRepository partners;
  @Autowired AgreementRepository agreements;
  @Autowired AgreementSignatureRepository signatures;
  @Autowired TrainingAssignmentRepository training;
  @Autowired LifecycleEventRepository events;
  @Autowired NotificationRepository notifications;
  @Autowired UserTaskRepository tasks;
  @Autowired UserTaskService userTasks;
  @Autowired EmbeddedEngine engine;

  @Test
  void aProspectBecomesAnActivePartnerAndTheAuditLogShowsEveryStageInOrder() {
    var application = applications.submit(TestPartners.strongApplication("Brightline Systems GmbH", "nora@brightline.example"),
        Actor.system());
    long partnerId = application.getPartnerId();
    long instance = application.getProcessInstanceKey();
    String user = "nora@brightline.example";

    awaitStage(partnerId, LifecycleStage.BRIEFED);
    steps.acknowledgeBrief(partnerId, user);

    awaitStage(partnerId, LifecycleStage.AGREEMENT);
    Agreement agreement = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
    assertThat(agreement.getDocument()).contains("Brightline Systems GmbH", "Entitlement and incumbency",
        "Deal registration", "DACH, Benelux");
    steps.signAgreement(partnerId, "Nora Jones", true, agreement.getDocumentSha256(), "203.0.113.7", user);
    completeTask(partnerId, "CountersignAgreement", Map.of("countersignDecision", "approve"));

    awaitStage(partnerId, LifecycleStage.ONBOARDING);
    steps.submitProfile(partnerId, new ProfileForm("Hafenstrasse 1, 20457 Hamburg", "DE123456789",
        "Brightline Systems GmbH", "DE89 3704 0044 0532 0130 00", "https://brightline.example", 42), user);
    completeTask(partnerId, "VerifyDocuments", Map.of("documentsDecision", "approve", "documentsComment", ""));
    completeTask(partnerId, "ScheduleKickoff", Map.of("kickoffAt", "2026-12-03T10:00:00Z", "kickoffNotes", "video call"));
    var modules = EngineRecords.await(() -> Optional.of(training.findByPartnerIdOrderByModuleCode(partnerId))
        .filter(m -> !m.isEmpty()), WAIT, "training assignment");
    modules.forEach(m -> steps.completeTrainingModule(partnerId, m.getModuleCode(), user));

    awaitStage(partnerId, LifecycleStage.ACTIVE);
    // onboarding (a called process) is done and the lifecycle has moved on to the active partnership
    var records = new EngineRecords(engine);
    EngineRecords.await(() -> records.activatedElements(instance).contains("ActivePartnership")
        ? Optional.of(true) : Optional.empty(), WAIT, "active partnership");
    assertThat(records.completedElements(instance)).contains("Onboarding");

    var partner = partners.findById(partnerId).orElseThrow();
    assertThat(partner.getTier()).isEqualTo(Tier.REGISTERED);
    assertThat(partner.isAtRisk()).isFalse();

    List<LifecycleEvent> history = events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId);
    assertThat(history.stream().map(LifecycleEvent::getStageTo).filter(Objects::nonNull))
        .containsExactly(LifecycleStage.APPLIED, LifecycleStage.QUALIFIED, LifecycleStage.BRIEFED,
            LifecycleStage.AGREEMENT, LifecycleStage.ONBOARDING, LifecycleStage.ACTIVE);
    var activated = history.stream().filter(e -> e.getStageTo() == LifecycleStage.ACTIVE).findFirst().orElseThrow();
    assertThat(activated.getActorType()).isEqualTo(ActorType.WORKER);
    assertThat(activated.getProcessInstanceKey()).isNotNull(); // the called onboarding instance
    assertThat(activated.getBpmnProcessId()).isEqualTo("partner-onboarding");
    assertThat(activated.getProcessVersion()).isPositive();
    assertThat(activated.getElementId()).isEqualTo("ActivatePartner");
    assertThat(history).extracting(LifecycleEvent::getEventType)
        .contains("BRIEF_ACKNOWLEDGED", "AGREEMENT_SIGNED", "AGREEMENT_ACTIVATED", "PROFILE_SUBMITTED",
            "TRAINING_ASSIGNED", "TRAINING_MODULE_COMPLETED", "PORTAL_ACCESS_GRANTED");

    Agreement active = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
    assertThat(active.getStatus()).isEqualTo(Agreement.Status.ACTIVE);
    assertThat(active.getExpiresOn()).isEqualTo(active.getEffectiveFrom().plusMonths(24));
    var partnerSignature = signatures.findByAgreementIdAndParty(active.getId(), AgreementSignature.Party.PARTNER)
        .orElseThrow();
    assertThat(partnerSignature.getDocumentSha256()).isEqualTo(active.getDocumentSha256());
    assertThat(partnerSignature.getClientAddress()).isEqualTo("203.0.113.7");
    assertThat(signatures.findByAgreementIdAndParty(active.getId(), AgreementSignature.Party.VENDOR)).isPresent();

    // onboarding's mails, each once (the active partnership may already have asked for a business plan)
    assertThat(notifications.findByPartnerIdOrderByIdAsc(partnerId)).extracting(Notification::getTemplate)
        .filteredOn(template -> !template.equals("plan-requested"))
        .containsExactlyInAnyOrder("application-received", "brief-ready", "agreement-ready", "agreement-active",
            "portal-access", "training-assigned", "welcome");
  }

  private void awaitStage(long partnerId, LifecycleStage stage) {
    EngineRecords.await(() -> partners.findById(partnerId).filter(p -> p.getStage() == stage), WAIT,
        "partner " + partnerId + " in stage " + stage);
  }

  /** The partner's open task at an element (it lives in the called onboarding process, not the lifecycle). */
  private void completeTask(long partnerId, String elementId, Map<String, Object> variables) {
    UserTask task = EngineRecords.await(() -> tasks.findByPartnerIdAndStateInOrderByCreatedAtAsc(partnerId,
        List.of(TaskState.OPEN)).stream().filter(t -> t.getElementId().equals(elementId)).findFirst(), WAIT,
        "open task " + elementId);
    userTasks.complete(task.getUserTaskKey(), variables);
  }
}
