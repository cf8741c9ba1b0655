package org.partnerlifecycle.onboarding;

import org.partnerlifecycle.document.DocumentKind;
import org.partnerlifecycle.document.PartnerDocuments;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.partnerlifecycle.task.UserTaskService;
import org.springframework.context.ApplicationContext;

/**
 * Walks a partner through onboarding the way people do it, on whichever runtime the app runs: the partner's
 * portal steps through {@link PartnerSteps}, ops' user tasks found in the app's task projection and completed
 * through {@link UserTaskService}, waiting for the workers in between. Shared by the end-to-end test on the
 * embedded engine and the Camunda Process Test suite on a real cluster.
 */
public class OnboardingDriver {

  private final PartnerDocuments documents;

  private final Duration wait;
  private final PartnerSteps steps;
  private final PartnerRepository partners;
  private final AgreementRepository agreements;
  private final TrainingAssignmentRepository training;
  private final UserTaskRepository tasks;
  private final UserTaskService userTasks;

  public OnboardingDriver(ApplicationContext app, Duration wait) {
    this.wait = wait;
    this.steps = app.getBean(PartnerSteps.class);
    this.documents = app.getBean(PartnerDocuments.class);
    this.partners = app.getBean(PartnerRepository.class);
    this.agreements = app.getBean(AgreementRepository.class);
    this.training = app.getBean(TrainingAssignmentRepository.class);
    this.tasks = app.getBean(UserTaskRepository.class);
    this.userTasks = app.getBean(UserTaskService.class);
  }

  public void awaitStage(long partnerId, LifecycleStage stage) {
    EngineRecords.await(() -> partners.findById(partnerId).filter(p -> p.getStage() == stage), wait,
        "partner " + partnerId + " in stage " + stage);
  }

  /**
   * Completes the partner's open user task at an element as ops do in the console: found in the task
   * projection (it lives in the called onboarding process, not the lifecycle), completed by the service.
   */
  public void completeTask(long partnerId, String elementId, Map<String, Object> variables) {
    UserTask task = EngineRecords.await(() -> tasks.findByPartnerIdAndStateInOrderByCreatedAtAsc(partnerId,
        List.of(TaskState.OPEN)).stream().filter(t -> t.getElementId().equals(elementId)).findFirst(), wait,
        "open task " + elementId + " of partner " + partnerId);
    userTasks.complete(task.getUserTaskKey(), variables);
  }

  /** Once the brief is out, the partner acknowledges it. */
  public void acknowledgeBrief(long partnerId, String user) {
    awaitStage(partnerId, LifecycleStage.BRIEFED);
    steps.acknowledgeBrief(partnerId, user);
  }

  /** Once the agreement is out, the partner signs it and ops countersign; returns the agreement signed. */
  public Agreement signAndCountersign(long partnerId, String user) {
    awaitStage(partnerId, LifecycleStage.AGREEMENT);
    Agreement agreement = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
    steps.signAgreement(partnerId, "Nora Jones", true, agreement.getDocumentSha256(), "203.0.113.7", user);
    completeTask(partnerId, "CountersignAgreement", Map.of("countersignDecision", "approve"));
    return agreement;
  }

  /** The four onboarding branches: profile and document check, kickoff, every training module. */
  public void completeOnboarding(long partnerId, String legalName, String user) {
    awaitStage(partnerId, LifecycleStage.ONBOARDING);
    documents.upload(partnerId, DocumentKind.TAX_CERTIFICATE, "tax-certificate.pdf",
        new java.io.ByteArrayInputStream("%PDF-1.7 tax certificate".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        user);
    steps.submitProfile(partnerId, new ProfileForm("Hafenstrasse 1, 20457 Hamburg", "DE123456789", legalName,
        "DE89 3704 0044 0532 0130 00", "https://brightline.example", 42), user);
    completeTask(partnerId, "VerifyDocuments", Map.of("documentsDecision", "approve", "documentsComment", ""));
    completeTask(partnerId, "ScheduleKickoff", Map.of("kickoffAt", "2026-12-03T10:00:00Z", "kickoffNotes", "video call"));
    var modules = EngineRecords.await(() -> Optional.of(training.findByPartnerIdOrderByModuleCode(partnerId))
        .filter(m -> !m.isEmpty()), wait, "training assignment");
    modules.forEach(m -> steps.completeTrainingModule(partnerId, m.getModuleCode(), user));
  }
}
