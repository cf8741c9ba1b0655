package org.partnerlifecycle.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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
import org.springframework.context.ApplicationContext;

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
  @Autowired PartnerRepository partners;
  @Autowired AgreementRepository agreements;
  @Autowired AgreementSignatureRepository signatures;
  @Autowired LifecycleEventRepository events;
  @Autowired NotificationRepository notifications;
  @Autowired EmbeddedEngine engine;
  @Autowired ApplicationContext app;
  @Autowired org.partnerlifecycle.document.PartnerDocuments documents;

  @Test
  void aProspectBecomesAnActivePartnerAndTheAuditLogShowsEveryStageInOrder() {
    var application = applications.submit(TestPartners.strongApplication("Brightline Systems GmbH", "nora@brightline.example"),
        Actor.system());
    long partnerId = application.getPartnerId();
    long instance = application.getProcessInstanceKey();
    String user = "nora@brightline.example";

    var driver = new OnboardingDriver(app, WAIT);

    driver.acknowledgeBrief(partnerId, user);
    Agreement agreement = driver.signAndCountersign(partnerId, user);
    assertThat(agreement.getDocument()).contains("Brightline Systems GmbH", "Entitlement and incumbency",
        "Deal registration", "DACH, Benelux");
    driver.completeOnboarding(partnerId, "Brightline Systems GmbH", user);

    driver.awaitStage(partnerId, LifecycleStage.ACTIVE);
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
    assertThat(documents.list(partnerId)).singleElement().satisfies(d -> assertThat(d.isSubmitted()).isTrue());
  }
}
