package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobListenerEventType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
 * workers complete each job at once, with the variables the app's worker for that job type returns (see
 * {@link #DEFAULT_RESULTS}; a test changes them with {@link #whenJob}), and log it, so tests assert what ran,
 * with which headers and variables.
 */
abstract class ProcessTestSupport {

  static final String PROCESS_ID = "partner-onboarding";
  static final String LIFECYCLE = "partner-lifecycle";
  static final Duration WAIT = Duration.ofSeconds(30);

  /** The timer settings the app passes to the lifecycle, on top of the onboarding ones. */
  static final Map<String, Object> LIFECYCLE_SETTINGS = Map.of(
      "evaluationInterval", "P3M", "qbrInterval", "P3M", "remediationWindow", "P60D", "lapseGrace", "P30D",
      "noticePeriod", "P90D");

  /**
   * What the test worker of a job type hands back unless a test says otherwise: the variables the processes
   * route on, as the app's workers return them. Dates are relative to the engine clock, which tests move.
   */
  static final Map<String, Function<ActivatedJob, Map<String, Object>>> DEFAULT_RESULTS = Map.of(
      "partner-activate", job -> Map.of("onboardingOutcome", "ACTIVE"),
      "partner-decline", job -> Map.of("onboardingOutcome", "DECLINED"),
      "partner-withdraw", job -> Map.of("onboardingOutcome", "WITHDRAWN"),
      "partner-qbr-record", ProcessTestSupport::nextQuarter,
      "partner-scorecard-compute", job -> Map.of("scorecard", scorecard("SILVER", 1.1, 0.25, 3, 2, false)),
      "partner-remediation-check", job -> Map.of("recovered", false),
      "partner-renewal-schedule", job -> renewalDates(Duration.ofDays(300), Duration.ofDays(365)),
      "partner-certification-grant", job -> certificationDates(Duration.ofDays(365)));

  private static final AtomicLong PARTNER_IDS = new AtomicLong(System.currentTimeMillis() % 100_000 * 1_000);

  static EmbeddedEngine engine;
  static CamundaClient client;
  static EngineRecords records;
  static final List<RanJob> ranJobs = new CopyOnWriteArrayList<>();
  private static final List<JobWorker> workers = new ArrayList<>();
  private static final Map<String, Function<ActivatedJob, Map<String, Object>>> jobResults = new ConcurrentHashMap<>();

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
    List<Resource> resources = workflowResources();
    deploy(resources);
    // the listener job types must be served too, or user tasks are never created
    for (String type : jobTypesOf(resources)) {
      workers.add(client.newWorker().jobType(type)
          .handler((jobClient, job) -> {
            Map<String, Object> result =
                jobResults.getOrDefault(type, DEFAULT_RESULTS.getOrDefault(type, j -> Map.of())).apply(job);
            ranJobs.add(ranJob(job));
            jobClient.newCompleteCommand(job).variables(result).send().join();
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

  /** The same resources the app deploys: {@code classpath*:/workflows/**}. */
  private static List<Resource> workflowResources() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:/workflows/**/*.*");
      List<Resource> models = new ArrayList<>();
      for (Resource resource : resources) {
        if (resource.isReadable() && resource.getFilename().matches(".*\\.(bpmn|dmn|form)")) {
          models.add(resource);
        }
      }
      return models;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every job type of the BPMN models: service tasks and task listeners. */
  private static Set<String> jobTypesOf(List<Resource> resources) {
    Set<String> types = new TreeSet<>();
    for (Resource resource : resources) {
      if (!resource.getFilename().endsWith(".bpmn")) {
        continue;
      }
      try (InputStream in = resource.getInputStream()) {
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        model.getModelElementsByType(ZeebeTaskDefinition.class).forEach(t -> types.add(t.getType()));
        model.getModelElementsByType(ZeebeTaskListener.class).forEach(l -> types.add(l.getType()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return types;
  }

  private static void deploy(List<Resource> resources) {
    try {
      DeployResourceCommandStep1 command = client.newDeployResourceCommand();
      DeployResourceCommandStep2 step = null;
      for (Resource resource : resources) {
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
        awaitTerminated(instance);
      }
    }
    jobResults.clear();
  }

  static boolean isTerminated(long instance) {
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

  /** A fresh id for a deal, contract ...: from the same sequence, so no test sees another test's messages. */
  static long newId() {
    return newPartnerId();
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

  /** Starts the onboarding the way the app did before the lifecycle: partner, application, timer settings. */
  long startOnboarding(long partnerId, Map<String, Object> application) {
    return start(PROCESS_ID, onboardingVariables(partnerId, application));
  }

  /** Starts the whole lifecycle the way the app does: the onboarding variables and the lifecycle settings. */
  long startLifecycle(long partnerId, Map<String, Object> application) {
    Map<String, Object> variables = onboardingVariables(partnerId, application);
    variables.putAll(LIFECYCLE_SETTINGS);
    return start(LIFECYCLE, variables);
  }

  /** Starts one process of the partnership on its own, with the variables the lifecycle hands down to it. */
  long startPartnershipProcess(String processId, long partnerId) {
    Map<String, Object> variables = new HashMap<>(LIFECYCLE_SETTINGS);
    variables.put("partnerId", partnerId);
    variables.put("reviewDueIn", "P3D");
    return start(processId, variables);
  }

  long start(String processId, Map<String, Object> variables) {
    long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
    startedInstances.add(instance);
    return instance;
  }

  private static Map<String, Object> onboardingVariables(long partnerId, Map<String, Object> application) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("partnerId", partnerId);
    variables.put("application", application);
    variables.put("briefReminderAfter", "P7D");
    variables.put("briefWithdrawAfter", "P30D");
    variables.put("agreementSignWithin", "P30D");
    variables.put("onboardingEscalateAfter", "P21D");
    variables.put("onboardingSlaAfter", "P30D");
    variables.put("reviewDueIn", "P3D");
    return variables;
  }

  // ---------------------------------------------------------------- what the test workers return

  /** From now until the end of the test, the worker of that job type returns what the function makes of a job. */
  void whenJob(String jobType, Function<ActivatedJob, Map<String, Object>> result) {
    jobResults.put(jobType, result);
  }

  /** The scorecard the app computes (partner-scorecard-compute). */
  static Map<String, Object> scorecard(String currentTier, double revenueAttainment, double dealCloseRate,
                                       int certifiedStaff, int requiredCertifiedStaff, boolean nonProductive) {
    Map<String, Object> scorecard = new HashMap<>();
    scorecard.put("currentTier", currentTier);
    scorecard.put("revenueAttainment", revenueAttainment);
    scorecard.put("dealCloseRate", dealCloseRate);
    scorecard.put("marketPenetration", 0.1);
    scorecard.put("certifiedStaff", certifiedStaff);
    scorecard.put("requiredCertifiedStaff", requiredCertifiedStaff);
    scorecard.put("customerSatisfaction", 8.2);
    scorecard.put("nonProductive", nonProductive);
    return scorecard;
  }

  /** As partner-qbr-record does: counts the quarters of the plan year, 1 to 4, then starts over. */
  private static Map<String, Object> nextQuarter(ActivatedJob job) {
    Object quarter = job.getVariablesAsMap().get("quarter");
    return Map.of("quarter", quarter == null ? 1 : ((Number) quarter).intValue() % 4 + 1);
  }

  /** The dates partner-renewal-schedule returns, this far from the engine's now. */
  static Map<String, Object> renewalDates(Duration outreachIn, Duration expiresIn) {
    return renewalDates(outreachIn, expiresIn, ZoneOffset.UTC);
  }

  static Map<String, Object> renewalDates(Duration outreachIn, Duration expiresIn, ZoneOffset offset) {
    Instant now = engine.now();
    return Map.of("renewalOutreachAt", iso(now.plus(outreachIn), offset),
        "agreementExpiresAt", iso(now.plus(expiresIn), offset));
  }

  /** The dates partner-certification-grant returns: expiry this far from the engine's now, reminders before it. */
  static Map<String, Object> certificationDates(Duration expiresIn) {
    Instant expiresAt = engine.now().plus(expiresIn);
    return Map.of("expiresAt", iso(expiresAt),
        "remind60At", iso(expiresAt.minus(Duration.ofDays(60))),
        "remind30At", iso(expiresAt.minus(Duration.ofDays(30))),
        "remind7At", iso(expiresAt.minus(Duration.ofDays(7))));
  }

  /** ISO-8601 with offset, as the app's workers write date-times: 2028-08-01T00:00:00Z. */
  static String iso(Instant instant) {
    return iso(instant, ZoneOffset.UTC);
  }

  static String iso(Instant instant, ZoneOffset offset) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(offset));
  }

  // ---------------------------------------------------------------- driving

  /** Publishes a message (for a partner, usually); buffered for a minute, in case the subscription is opening. */
  void publish(String messageName, Object correlationKey) {
    publish(messageName, correlationKey, Map.of());
  }

  /** Publishes a message that carries variables into the instance it correlates to. */
  void publish(String messageName, Object correlationKey, Map<String, Object> variables) {
    client.newPublishMessageCommand().messageName(messageName).correlationKey(String.valueOf(correlationKey))
        .variables(variables).timeToLive(Duration.ofMinutes(1)).send().join();
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

  /** Publishes the message the instance waits for (at a receive task, say), once it is waiting there. */
  void deliver(long instance, Object correlationKey, String waitingAt, String messageName) {
    awaitWaitingAt(instance, waitingAt);
    publish(messageName, correlationKey);
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
    return onboard(startQualified(partnerId), partnerId);
  }

  /** From the brief of a qualified partner to the open onboarding sub-process. */
  long onboard(long instance, long partnerId) {
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

  /** The instance of a process that a call activity of the given instance started; waits for it. */
  long awaitCalledInstance(long callerInstance, String processId) {
    return EngineRecords.await(() -> records.all()
            .filter(r -> r.getRecordType() == RecordType.EVENT && r.getValueType() == ValueType.PROCESS_INSTANCE
                && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
            .filter(r -> r.getValue() instanceof ProcessInstanceRecordValue v
                && v.getBpmnElementType() == BpmnElementType.PROCESS
                && v.getParentProcessInstanceKey() == callerInstance && v.getBpmnProcessId().equals(processId))
            .map(Record::getKey)
            .findFirst(),
        WAIT, processId + " called by instance " + callerInstance);
  }

  void awaitTerminated(long instance) {
    EngineRecords.await(() -> isTerminated(instance) ? Optional.of(true) : Optional.empty(), WAIT,
        "termination of instance " + instance);
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

  /** The variables a user task was created with (as its creating listener saw them); waits for the task. */
  Map<String, Object> variablesOfUserTask(long instance, String elementId) {
    long userTaskKey = awaitUserTask(instance, elementId).getUserTaskKey();
    return EngineRecords.await(() -> ranJobs.stream()
            .filter(j -> j.type().equals("user-task-creating")
                && String.valueOf(userTaskKey).equals(j.header("io.camunda.zeebe:userTaskKey")))
            .map(RanJob::variables)
            .findFirst(),
        WAIT, "the creating listener of " + elementId);
  }

  /**
   * The jobs that ran for the element, once there are at least that many and the engine has completed the
   * element as often: a worker's completion is only a command, so the element's completion comes a little later.
   */
  List<RanJob> awaitJobs(long instance, String elementId, int count) {
    return EngineRecords.await(() -> {
      List<RanJob> jobs = jobsOf(instance).stream().filter(j -> j.elementId().equals(elementId)).toList();
      long completions = completedElements(instance).stream().filter(elementId::equals).count();
      return jobs.size() >= count && completions >= count ? Optional.of(jobs) : Optional.empty();
    }, WAIT, count + " completed jobs at " + elementId + " of instance " + instance);
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
