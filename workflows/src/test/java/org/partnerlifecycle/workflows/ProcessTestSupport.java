package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.JobListenerEventType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.partnerlifecycle.engine.EmbeddedEngine;
import org.partnerlifecycle.engine.EngineRecords;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Runs the deployed models (everything under {@code workflows/} on the classpath, as the app deploys them) on
 * the real engine, one engine per test class, with a test worker for every job type the models use. The
 * workers complete each job at once and log it, so tests assert what ran, with which headers and variables.
 */
abstract class ProcessTestSupport {

  static final String PROCESS_ID = "partner-onboarding";
  static final Duration WAIT = Duration.ofSeconds(30);

  /** Every job type of the models; the listener type must be served too, or user tasks are never created. */
  static final List<String> JOB_TYPES = List.of(
      "partner-stage", "partner-decline", "partner-brief-generate", "partner-notify", "partner-withdraw",
      "partner-agreement-generate", "partner-agreement-revise", "partner-agreement-activate",
      "partner-portal-access", "partner-training-assign", "partner-onboarding-escalate",
      "partner-onboarding-sla-breach", "partner-activate",
      "user-task-creating", "user-task-assigning", "user-task-completing", "user-task-canceling");

  private static final AtomicLong PARTNER_IDS = new AtomicLong(System.currentTimeMillis() % 100_000 * 1_000);

  static EmbeddedEngine engine;
  static CamundaClient client;
  static EngineRecords records;
  static final List<RanJob> ranJobs = new CopyOnWriteArrayList<>();
  private static final List<JobWorker> workers = new ArrayList<>();

  private final List<Long> startedInstances = new ArrayList<>();

  /** A job a test worker completed. */
  record RanJob(long key, long instanceKey, String elementId, String type, Map<String, String> headers,
                Map<String, Object> variables) {
    String header(String key) {
      return headers.get(key);
    }
  }

  @BeforeAll
  static void startEngineAndWorkers() {
    engine = EmbeddedEngine.start();
    records = new EngineRecords(engine);
    client = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://" + engine.gatewayAddress()))
        .preferRestOverGrpc(false)
        .build();
    deployWorkflows();
    for (String type : JOB_TYPES) {
      workers.add(client.newWorker().jobType(type)
          .handler((jobClient, job) -> {
            ranJobs.add(ranJob(job));
            jobClient.newCompleteCommand(job).send().join();
          })
          .streamEnabled(true)
          .pollInterval(Duration.ofMillis(50))
          .open());
    }
  }

  private static RanJob ranJob(ActivatedJob job) {
    return new RanJob(job.getKey(), job.getProcessInstanceKey(), job.getElementId(), job.getType(),
        Map.copyOf(job.getCustomHeaders()), new HashMap<>(job.getVariablesAsMap()));
  }

  /** Deploys the same resources the app deploys: {@code classpath*:/workflows/**}. */
  private static void deployWorkflows() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:/workflows/**/*.*");
      DeployResourceCommandStep1 command = client.newDeployResourceCommand();
      DeployResourceCommandStep2 step = null;
      for (Resource resource : resources) {
        if (!resource.isReadable() || !resource.getFilename().matches(".*\\.(bpmn|dmn|form)")) {
          continue;
        }
        try (InputStream in = resource.getInputStream()) {
          byte[] bytes = in.readAllBytes();
          step = step == null
              ? command.addResourceBytes(bytes, resource.getFilename())
              : step.addResourceBytes(bytes, resource.getFilename());
        }
      }
      assertThat(step).as("resources under classpath:/workflows").isNotNull();
      step.send().join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void cancelUnfinishedInstances() {
    for (long instance : startedInstances) {
      if (!records.isInstanceCompleted(instance)) {
        try {
          client.newCancelInstanceCommand(instance).send().join();
        } catch (ClientStatusException alreadyEnded) {
          continue; // it ended meanwhile
        }
        // the instance is gone once the canceling listeners of its open user tasks have run
        EngineRecords.await(() -> isTerminated(instance) ? Optional.of(true) : Optional.empty(), WAIT,
            "termination of instance " + instance);
      }
    }
  }

  private static boolean isTerminated(long instance) {
    return records.all().anyMatch(r -> r.getKey() == instance && r.getValueType() == ValueType.PROCESS_INSTANCE
        && r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED);
  }

  @AfterAll
  static void stopEngine() {
    workers.forEach(JobWorker::close);
    workers.clear();
    client.close();
    engine.close();
    ranJobs.clear();
  }

  // ---------------------------------------------------------------- starting

  static long newPartnerId() {
    return PARTNER_IDS.incrementAndGet();
  }

  /** Scores well on every criterion of the ideal partner profile: qualifies without a review. */
  static Map<String, Object> strongApplication() {
    return application("RESELLER", 1_500_000, 250, 4, List.of("EMEA", "NA", "APAC"), List.of("security", "cloud"));
  }

  /** Decent but not convincing: the fit table sends it to a review. */
  static Map<String, Object> middlingApplication() {
    return application("SYSTEM_INTEGRATOR", 300_000, 30, 1, List.of("EMEA"), List.of("erp"));
  }

  static Map<String, Object> application(String segment, long expectedAnnualRevenue, int customerBase,
                                         int certificationsHeld, List<String> regions, List<String> domainExpertise) {
    Map<String, Object> application = new HashMap<>();
    application.put("segment", segment);
    application.put("expectedAnnualRevenue", expectedAnnualRevenue);
    application.put("customerBase", customerBase);
    application.put("certificationsHeld", certificationsHeld);
    application.put("regions", regions);
    application.put("domainExpertise", domainExpertise);
    application.put("motivation", "Our customers ask for it.");
    return application;
  }

  /** Starts the process the way the app does: partner, application and the timer settings. */
  long startOnboarding(long partnerId, Map<String, Object> application) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("partnerId", partnerId);
    variables.put("application", application);
    variables.put("briefReminderAfter", "P7D");
    variables.put("briefWithdrawAfter", "P30D");
    variables.put("agreementSignWithin", "P30D");
    variables.put("onboardingEscalateAfter", "P21D");
    variables.put("onboardingSlaAfter", "P30D");
    variables.put("reviewDueIn", "P3D");
    long instance = client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
    startedInstances.add(instance);
    return instance;
  }

  // ---------------------------------------------------------------- driving

  /** Publishes a message for the partner; buffered for a minute, in case the subscription is still opening. */
  void publish(String messageName, long partnerId) {
    client.newPublishMessageCommand().messageName(messageName).correlationKey(String.valueOf(partnerId))
        .timeToLive(Duration.ofMinutes(1)).send().join();
  }

  UserTaskRecordValue awaitUserTask(long instance, String elementId) {
    return records.awaitUserTask(instance, elementId, WAIT);
  }

  void completeUserTask(long instance, String elementId, Map<String, Object> variables) {
    engine.completeUserTask(awaitUserTask(instance, elementId).getUserTaskKey(), variables);
  }

  /** Moves the engine clock; timers that fall due fire. Only call it while no job is in flight. */
  void passTime(Duration duration) {
    engine.waitForIdleState(WAIT);
    engine.increaseTime(duration);
    engine.waitForIdleState(WAIT);
  }

  /** Qualifies a strong applicant; returns once the instance waits for the brief acknowledgement. */
  long startQualified(long partnerId) {
    long instance = startOnboarding(partnerId, strongApplication());
    awaitWaitingAt(instance, "AwaitBriefAcknowledgement");
    return instance;
  }

  /** Publishes the message the instance waits for at a receive task, once it is waiting there. */
  void deliver(long instance, long partnerId, String receiveTask, String messageName) {
    awaitWaitingAt(instance, receiveTask);
    publish(messageName, partnerId);
  }

  /** Completes a user task with a decision and, if given, the free text that goes with it. */
  void decide(long instance, String userTask, String decisionKey, String decision, String textKey, String text) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(decisionKey, decision);
    if (text != null) {
      variables.put(textKey, text);
    }
    completeUserTask(instance, userTask, variables);
  }

  void acknowledgeBrief(long instance, long partnerId) {
    deliver(instance, partnerId, "AwaitBriefAcknowledgement", "partner-brief-acknowledged");
    awaitWaitingAt(instance, "AwaitAgreementSignature");
  }

  void signAgreement(long instance, long partnerId) {
    deliver(instance, partnerId, "AwaitAgreementSignature", "partner-agreement-signed");
    awaitUserTask(instance, "CountersignAgreement");
  }

  void countersign(long instance, String decision, String requestedChanges) {
    decide(instance, "CountersignAgreement", "countersignDecision", decision, "requestedChanges", requestedChanges);
  }

  /** From qualification to the open onboarding sub-process. */
  long startOnboarded(long partnerId) {
    long instance = startQualified(partnerId);
    acknowledgeBrief(instance, partnerId);
    signAgreement(instance, partnerId);
    countersign(instance, "approve", null);
    awaitWaitingAt(instance, "AwaitProfile");
    return instance;
  }

  void submitProfile(long instance, long partnerId) {
    deliver(instance, partnerId, "AwaitProfile", "partner-profile-submitted");
    awaitUserTask(instance, "VerifyDocuments");
  }

  void verifyDocuments(long instance, String decision, String comment) {
    decide(instance, "VerifyDocuments", "documentsDecision", decision, "documentsComment", comment);
  }

  void completeTraining(long instance, long partnerId) {
    deliver(instance, partnerId, "AwaitTrainingCompleted", "partner-training-completed");
  }

  void scheduleKickoff(long instance) {
    completeUserTask(instance, "ScheduleKickoff",
        Map.of("kickoffAt", "2030-03-04T10:00:00+01:00", "kickoffNotes", "Intro, portal tour, first deals"));
  }

  /** Works through the four onboarding branches, documents approved at once; waits for the end. */
  void finishOnboarding(long instance, long partnerId) {
    submitProfile(instance, partnerId);
    verifyDocuments(instance, "approve", null);
    completeTraining(instance, partnerId);
    scheduleKickoff(instance);
    records.awaitInstanceCompleted(instance, WAIT);
  }

  // ---------------------------------------------------------------- reading

  private List<ProcessInstanceRecordValue> elementEvents(long instance, ProcessInstanceIntent intent) {
    return records.all()
        .filter(r -> r.getRecordType() == RecordType.EVENT && r.getValueType() == ValueType.PROCESS_INSTANCE
            && r.getIntent() == intent)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == instance)
        .toList();
  }

  private long count(long instance, ProcessInstanceIntent intent, String elementId) {
    return elementEvents(instance, intent).stream().filter(v -> v.getElementId().equals(elementId)).count();
  }

  /** Whether the element is active now: activated more often than it completed or was terminated. */
  boolean isWaitingAt(long instance, String elementId) {
    return count(instance, ProcessInstanceIntent.ELEMENT_ACTIVATED, elementId)
        > count(instance, ProcessInstanceIntent.ELEMENT_COMPLETED, elementId)
          + count(instance, ProcessInstanceIntent.ELEMENT_TERMINATED, elementId);
  }

  void awaitWaitingAt(long instance, String elementId) {
    EngineRecords.await(() -> isWaitingAt(instance, elementId) ? Optional.of(true) : Optional.empty(), WAIT,
        instance + " waiting at " + elementId);
  }

  List<String> completedElements(long instance) {
    return records.completedElements(instance);
  }

  List<String> terminatedElements(long instance) {
    return elementEvents(instance, ProcessInstanceIntent.ELEMENT_TERMINATED).stream()
        .map(ProcessInstanceRecordValue::getElementId).toList();
  }

  void awaitCompleted(long instance, String elementId) {
    records.awaitCompleted(instance, elementId, WAIT);
  }

  void awaitInstanceCompleted(long instance) {
    records.awaitInstanceCompleted(instance, WAIT);
  }

  /** The jobs the test workers completed for the instance, in order (task listener jobs left out). */
  List<RanJob> jobsOf(long instance) {
    return ranJobs.stream()
        .filter(j -> j.instanceKey() == instance && !isTaskListener(j))
        .toList();
  }

  private static boolean isTaskListener(RanJob job) {
    return job.type().startsWith("user-task-");
  }

  /**
   * The listener events that ran for a user task, in order. Each listener event has its own job type
   * (user-task-creating ...): this engine's gateway does not fill in {@code ActivatedJob.getListenerEventType()}.
   */
  List<JobListenerEventType> listenerEvents(long userTaskKey) {
    return ranJobs.stream()
        .filter(j -> isTaskListener(j) && String.valueOf(userTaskKey).equals(j.header("io.camunda.zeebe:userTaskKey")))
        .map(j -> JobListenerEventType.valueOf(j.type().substring("user-task-".length()).toUpperCase()))
        .toList();
  }

  List<String> jobElements(long instance) {
    return jobsOf(instance).stream().map(RanJob::elementId).toList();
  }

  /** The job that ran for the element (the last one, if it ran more than once); waits for it. */
  RanJob jobAt(long instance, String elementId) {
    return EngineRecords.await(() -> jobsOf(instance).stream()
            .filter(j -> j.elementId().equals(elementId))
            .reduce((first, second) -> second),
        WAIT, "a job at " + elementId + " of instance " + instance);
  }
}
