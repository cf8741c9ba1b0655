package org.partnerlifecycle.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.PortalFixtures;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.document.DocumentKind;
import org.partnerlifecycle.document.PartnerDocuments;
import org.partnerlifecycle.engine.EmbeddedEngine;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.notification.Notification;
import org.partnerlifecycle.notification.NotificationRepository;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Tier;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Partner lifecycle I end to end: a prospect from application to ACTIVE through the real engine, the real
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
  @Autowired EmbeddedEngine engine;
  @Autowired PartnerDocuments documents;
  @Autowired PortalFixtures fixtures;

  @Test
  void aProspectBecomesAnActivePartnerAndTheAuditLogShowsEveryStageInOrder() {
    var application = applications.submit(PortalFixtures.strongApplication("Brightline Systems GmbH", "nora@brightline.example"),
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
    completeTask(instance, "CountersignAgreement", Map.of("countersignDecision", "approve"));

    awaitStage(partnerId, LifecycleStage.ONBOARDING);
    documents.upload(partnerId, DocumentKind.TAX_CERTIFICATE, "tax-certificate.pdf",
        new ByteArrayInputStream("%PDF-1.7 tax certificate".getBytes(StandardCharsets.US_ASCII)), user);
    steps.submitProfile(partnerId, new ProfileForm("Hafenstrasse 1, 20457 Hamburg", "DE123456789",
        "Brightline Systems GmbH", "DE89 3704 0044 0532 0130 00", "https://brightline.example", 42), user);
    completeTask(instance, "VerifyDocuments", Map.of("documentsDecision", "approve", "documentsComment", ""));
    completeTask(instance, "ScheduleKickoff", Map.of("kickoffAt", "2026-12-03T10:00:00Z", "kickoffNotes", "video call"));
    var modules = EngineRecords.await(() -> Optional.of(training.findByPartnerIdOrderByModuleCode(partnerId))
        .filter(m -> !m.isEmpty()), WAIT, "training assignment");
    modules.forEach(m -> steps.completeTrainingModule(partnerId, m.getModuleCode(), user));

    awaitStage(partnerId, LifecycleStage.ACTIVE);
    new EngineRecords(engine).awaitInstanceCompleted(instance, WAIT);

    var partner = partners.findById(partnerId).orElseThrow();
    assertThat(partner.getTier()).isEqualTo(Tier.REGISTERED);
    assertThat(partner.isAtRisk()).isFalse();

    List<LifecycleEvent> history = events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId);
    assertThat(history.stream().map(LifecycleEvent::getStageTo).filter(Objects::nonNull))
        .containsExactly(LifecycleStage.APPLIED, LifecycleStage.QUALIFIED, LifecycleStage.BRIEFED,
            LifecycleStage.AGREEMENT, LifecycleStage.ONBOARDING, LifecycleStage.ACTIVE);
    var activated = history.stream().filter(e -> e.getStageTo() == LifecycleStage.ACTIVE).findFirst().orElseThrow();
    assertThat(activated.getActorType()).isEqualTo(ActorType.WORKER);
    assertThat(activated.getProcessInstanceKey()).isEqualTo(instance);
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

    assertThat(notifications.findByPartnerIdOrderByIdAsc(partnerId)).extracting(Notification::getTemplate)
        .containsExactlyInAnyOrder("application-received", "brief-ready", "agreement-ready", "agreement-active",
            "portal-access", "training-assigned", "welcome");
    assertThat(documents.list(partnerId)).singleElement().satisfies(d -> assertThat(d.isSubmitted()).isTrue());
  }

  private void awaitStage(long partnerId, LifecycleStage stage) {
    fixtures.awaitStage(partnerId, stage);
  }

  private void completeTask(long instance, String elementId, Map<String, Object> variables) {
    fixtures.completeTask(instance, elementId, variables);
  }
}
