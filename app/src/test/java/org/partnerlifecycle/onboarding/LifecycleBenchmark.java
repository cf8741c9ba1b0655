package org.partnerlifecycle.onboarding;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partnerlifecycle.bench.LifecycleSignal;
import org.partnerlifecycle.bench.LifecycleSignal.Kind;
import org.partnerlifecycle.document.DocumentKind;
import org.partnerlifecycle.document.PartnerDocuments;
import org.partnerlifecycle.engine.EmbeddedEngine;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.task.UserTaskService;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Lifecycle throughput: K partners driven concurrently from application to ACTIVE, once through the whole app
 * (real workers, persistence, mails, projection) and once through the same BPMN on a second embedded engine
 * with no-op workers, with the same simulated actors reacting to the same signals in both. Needs the app
 * context with {@link org.partnerlifecycle.bench.LifecycleSignalTaps}.
 */
public class LifecycleBenchmark {

  /** The stages timed, in order; each is entered on the signal of the same index. */
  static final List<String> STAGES = List.of("APPLIED", "BRIEFED", "AGREEMENT", "ONBOARDING", "ACTIVE");
  private static final List<Kind> STAGE_SIGNALS =
      List.of(Kind.APPLIED, Kind.BRIEF_READY, Kind.AGREEMENT_READY, Kind.ONBOARDING, Kind.ACTIVE);
  /** The ops decisions that take a partner straight on. */
  static final Map<String, Map<String, Object>> OPS_DECISIONS = Map.of(
      "CountersignAgreement", Map.of("countersignDecision", "approve"),
      "VerifyDocuments", Map.of("documentsDecision", "approve", "documentsComment", ""),
      "ScheduleKickoff", Map.of("kickoffAt", "2026-12-03T10:00:00Z", "kickoffNotes", "video call"));
  private static final AtomicLong runs = new AtomicLong();

  public record Percentiles(long p50, long p95, long p99) {
    public static Percentiles of(List<Long> values) {
      long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Percentiles(rank(sorted, 50), rank(sorted, 95), rank(sorted, 99));
    }

    static long rank(long[] sorted, int percent) {
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
  }

  public record Result(String name, int partners, double seconds, long jobs, Map<String, Percentiles> stages) {
    public double lifecyclesPerSecond() {
      return partners / seconds;
    }

    public double jobsPerSecond() {
      return jobs / seconds;
    }

    public void print(PrintStream out) {
      out.printf("lifecycle [%s] K=%d: %.1f s, %.2f lifecycles/s, %d jobs, %.1f jobs/s%n", name, partners, seconds,
          lifecyclesPerSecond(), jobs, jobsPerSecond());
      stages.forEach((stage, p) -> out.printf("  %-24s p50 %6d ms  p95 %6d ms  p99 %6d ms%n", stage, p.p50(),
          p.p95(), p.p99()));
    }
  }

  /**
   * One run: the time each partner entered each stage, the actors' next steps (on a small pool, retried while
   * a step is not yet possible, as a person would try again), and the failures.
   */
  static final class Run implements AutoCloseable {
    private static final int ATTEMPTS = 100;
    private static final long RETRY_MS = 100;

    final Map<Long, long[]> entered = new ConcurrentHashMap<>();
    final CountDownLatch active;
    final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService actors = Executors.newScheduledThreadPool(8);
    private final Function<LifecycleSignal, Runnable> nextStep;

    Run(int partners, Function<LifecycleSignal, Runnable> nextStep) {
      this.active = new CountDownLatch(partners);
      this.nextStep = nextStep;
    }

    void on(LifecycleSignal signal) {
      int stage = STAGE_SIGNALS.indexOf(signal.kind());
      if (stage >= 0) {
        long[] times = entered.computeIfAbsent(signal.partnerId(), id -> new long[STAGES.size()]);
        if (times[stage] == 0) {
          times[stage] = System.nanoTime();
          if (signal.kind() == Kind.ACTIVE) {
            active.countDown();
          }
        }
      }
      Runnable step = nextStep.apply(signal);
      if (step != null) {
        attempt(step, signal, 1);
      }
    }

    private void attempt(Runnable step, LifecycleSignal signal, int attempt) {
      actors.schedule(() -> {
        try {
          step.run();
        } catch (RuntimeException e) {
          if (attempt < ATTEMPTS) {
            attempt(step, signal, attempt + 1);
          } else {
            failures.add(signal + ": " + e);
          }
        }
      }, attempt == 1 ? 0 : RETRY_MS, TimeUnit.MILLISECONDS);
    }

    Result await(String name, int partners, long startNanos, Duration timeout, long jobs) {
      try {
        if (!active.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException(name + ": " + active.getCount() + " of " + partners
              + " partners not ACTIVE within " + timeout + "; failures: " + failures);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      long end = entered.values().stream().mapToLong(t -> t[STAGES.size() - 1]).max().orElse(startNanos);
      Map<String, Percentiles> stages = new LinkedHashMap<>();
      for (int i = 0; i + 1 < STAGES.size(); i++) {
        List<Long> millis = new ArrayList<>();
        for (long[] t : entered.values()) {
          if (t[i] != 0 && t[i + 1] != 0) {
            millis.add((t[i + 1] - t[i]) / 1_000_000);
          }
        }
        stages.put(STAGES.get(i) + "→" + STAGES.get(i + 1), Percentiles.of(millis));
      }
      return new Result(name, partners, (end - startNanos) / 1e9, jobs, stages);
    }

    @Override
    public void close() {
      actors.shutdownNow();
    }
  }

  private final ApplicationContext app;
  private final PrintStream out;

  public LifecycleBenchmark(ApplicationContext app, PrintStream out) {
    this.app = app;
    this.out = out;
  }

  static Duration timeout(int partners) {
    return Duration.ofSeconds(120 + partners);
  }

  /** Both runs, printed, and the ratio line last. */
  public double compare(int partners) {
    Result full = full(partners);
    full.print(out);
    Result baseline = baseline(partners);
    baseline.print(out);
    double ratio = full.lifecyclesPerSecond() / baseline.lifecyclesPerSecond();
    out.printf("lifecycle-throughput-ratio: %.2f%n", ratio);
    return ratio;
  }

  /** Through the whole app: ApplicationService, the real workers, PartnerSteps, the user task service. */
  public Result full(int partners) {
    var applications = app.getBean(ApplicationService.class);
    var steps = app.getBean(PartnerSteps.class);
    var documents = app.getBean(PartnerDocuments.class);
    var agreements = app.getBean(AgreementRepository.class);
    var training = app.getBean(TrainingAssignmentRepository.class);
    var userTasks = app.getBean(UserTaskService.class);
    var engine = app.getBean(EmbeddedEngine.class);
    long run = runs.incrementAndGet();
    String user = "bench@partner.example";
    Function<LifecycleSignal, Runnable> nextStep = signal -> {
      long id = signal.partnerId();
      return switch (signal.kind()) {
        case BRIEF_READY -> () -> steps.acknowledgeBrief(id, user);
        case AGREEMENT_READY -> () -> steps.signAgreement(id, "Nora Jones", true,
            agreements.findFirstByPartnerIdOrderByRevisionDesc(id).orElseThrow().getDocumentSha256(), "203.0.113.7",
            user);
        case ONBOARDING -> () -> {
          if (documents.list(id).isEmpty()) {
            documents.upload(id, DocumentKind.TAX_CERTIFICATE, "tax-certificate.pdf",
                new ByteArrayInputStream("%PDF-1.7 tax certificate".getBytes(StandardCharsets.US_ASCII)), user);
          }
          steps.submitProfile(id, new ProfileForm("Hafenstrasse 1, 20457 Hamburg", "DE123456789",
              "Bench Partner " + id, "DE89 3704 0044 0532 0130 00", "https://bench.example", 42), user);
        };
        case TRAINING_ASSIGNED -> () -> training.findByPartnerIdOrderByModuleCode(id)
            .forEach(m -> steps.completeTrainingModule(id, m.getModuleCode(), user));
        case TASK_CREATING -> OPS_DECISIONS.containsKey(signal.elementId())
            ? () -> userTasks.complete(signal.userTaskKey(), OPS_DECISIONS.get(signal.elementId())) : null;
        default -> null;
      };
    };
    long fromPosition = lastPosition(engine);
    try (Run bench = new Run(partners, nextStep)) {
      LifecycleSignal.listen(bench::on);
      long start = System.nanoTime();
      var submitters = Executors.newFixedThreadPool(4);
      for (int i = 0; i < partners; i++) {
        String name = "Bench " + run + "-" + i + " GmbH";
        // every company has its own contact, who gets a portal account of its own
        String contact = "bench+" + run + "-" + i + "@partner.example";
        submitters.execute(() -> {
          try {
            applications.submit(TestPartners.strongApplication(name, contact), Actor.system());
          } catch (RuntimeException e) {
            bench.failures.add("submit " + name + ": " + e);
          }
        });
      }
      submitters.shutdown();
      Result result = bench.await("full app", partners, start, timeout(partners), 0);
      return new Result(result.name(), partners, result.seconds(), jobsCompleted(engine, fromPosition),
          result.stages());
    } finally {
      LifecycleSignal.listen(null);
    }
  }

  /**
   * The same BPMN and DMN on a second embedded engine whose workers do nothing but complete the job (with the
   * outcome later gateways route on), the partner's steps as plain messages, ops' tasks completed on the engine.
   */
  public Result baseline(int partners) {
    var applications = app.getBean(ApplicationService.class);
    try (EmbeddedEngine engine = EmbeddedEngine.start();
        CamundaClient client = CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://" + engine.gatewayAddress())).preferRestOverGrpc(false)
            .numJobWorkerExecutionThreads(app.getBean(CamundaClient.class).getConfiguration().getNumJobWorkerExecutionThreads())
            .build()) {
      deployWorkflows(client);
      Function<LifecycleSignal, Runnable> nextStep = signal -> {
        String key = String.valueOf(signal.partnerId());
        return switch (signal.kind()) {
          case BRIEF_READY -> publish(client, PartnerSteps.BRIEF_ACKNOWLEDGED, key, "brief-acknowledged-" + key,
              Map.of());
          case AGREEMENT_READY -> publish(client, PartnerSteps.AGREEMENT_SIGNED, key, "agreement-signed-" + key,
              Map.of("agreementId", signal.partnerId()));
          case ONBOARDING -> publish(client, PartnerSteps.PROFILE_SUBMITTED, key, "profile-" + key + "-v1", Map.of());
          case TRAINING_ASSIGNED -> publish(client, PartnerSteps.TRAINING_COMPLETED, key, "training-completed-" + key,
              Map.of());
          case TASK_CREATING -> OPS_DECISIONS.containsKey(signal.elementId())
              ? () -> engine.completeUserTask(signal.userTaskKey(), OPS_DECISIONS.get(signal.elementId())) : null;
          default -> null;
        };
      };
      AtomicLong jobs = new AtomicLong();
      // the app's workers take their defaults from configuration: the baseline's take the same
      boolean streamEnabled = app.getEnvironment()
          .getProperty("camunda.client.worker.defaults.stream-enabled", Boolean.class, false);
      try (Run bench = new Run(partners, nextStep)) {
        List<JobWorker> workers = new ArrayList<>();
        for (String type : jobTypes()) {
          workers.add(client.newWorker().jobType(type).handler((jobClient, job) -> {
            LifecycleSignal signal = noOpSignal(job);
            if (signal != null) {
              bench.on(signal);
            }
            jobClient.newCompleteCommand(job).variables(noOpOutput(type)).send().join();
            jobs.incrementAndGet();
          }).streamEnabled(streamEnabled).open());
        }
        long start = System.nanoTime();
        var submitters = Executors.newFixedThreadPool(4);
        for (int i = 0; i < partners; i++) {
          long partnerId = 1_000_000L + i;
          Map<String, Object> variables = applications.processVariables(partnerId,
              TestPartners.strongApplication("Baseline " + i, "baseline+" + i + "@partner.example"));
          submitters.execute(() -> {
            try {
              client.newCreateInstanceCommand().bpmnProcessId(ProcessGateway.LIFECYCLE_PROCESS).latestVersion()
                  .variables(variables).send().join();
            } catch (RuntimeException e) {
              bench.failures.add("start " + partnerId + ": " + e);
            }
          });
        }
        submitters.shutdown();
        Result result = bench.await("no-op workers", partners, start, timeout(partners), 0);
        workers.forEach(JobWorker::close);
        return new Result(result.name(), partners, result.seconds(), jobsCompleted(engine, 0), result.stages());
      }
    }
  }

  private static Runnable publish(CamundaClient client, String message, String key, String id,
      Map<String, Object> variables) {
    return () -> client.newPublishMessageCommand().messageName(message).correlationKey(key).messageId(id)
        .timeToLive(Duration.ofHours(1)).variables(variables).send().join();
  }

  /** The signal a real worker of this job would give once its effect is done. */
  private static LifecycleSignal noOpSignal(ActivatedJob job) {
    Object id = job.getVariable("partnerId");
    if (!(id instanceof Number partnerId)) {
      return null;
    }
    long partner = partnerId.longValue();
    Kind kind = switch (job.getType()) {
      case "partner-stage" -> switch (job.getCustomHeaders().getOrDefault("stage", "")) {
        case "APPLIED" -> Kind.APPLIED;
        case "ONBOARDING" -> Kind.ONBOARDING;
        default -> null;
      };
      case "partner-brief-generate" -> Kind.BRIEF_READY;
      case "partner-agreement-generate", "partner-agreement-revise" -> Kind.AGREEMENT_READY;
      case "partner-training-assign" -> Kind.TRAINING_ASSIGNED;
      case "partner-activate" -> Kind.ACTIVE;
      case "user-task-creating" -> Kind.TASK_CREATING;
      default -> null;
    };
    if (kind == Kind.TASK_CREATING) {
      return new LifecycleSignal(kind, partner,
          Long.parseLong(job.getCustomHeaders().get("io.camunda.zeebe:userTaskKey")), job.getElementId());
    }
    return kind == null ? null : LifecycleSignal.of(kind, partner);
  }

  /** What the real workers return that a later gateway routes on. */
  private static Map<String, Object> noOpOutput(String type) {
    return switch (type) {
      case "partner-activate" -> Map.of("onboardingOutcome", "ACTIVE");
      case "partner-decline" -> Map.of("onboardingOutcome", "DECLINED");
      case "partner-withdraw" -> Map.of("onboardingOutcome", "WITHDRAWN");
      default -> Map.of();
    };
  }

  private static Resource[] workflowResources() {
    try {
      return new PathMatchingResourcePatternResolver().getResources("classpath*:/workflows/**/*.*");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deployWorkflows(CamundaClient client) {
    Resource[] resources = workflowResources();
    var command = client.newDeployResourceCommand();
    io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
    for (Resource resource : resources) {
      try {
        byte[] content = resource.getContentAsByteArray();
        step = step == null ? command.addResourceBytes(content, resource.getFilename())
            : step.addResourceBytes(content, resource.getFilename());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    step.send().join();
  }

  private static final Pattern JOB_TYPE = Pattern.compile("zeebe:(?:taskDefinition|taskListener)[^>]*?type=\"([^\"]+)\"");

  /** Every job type the deployed BPMN has: service tasks and task listeners. */
  static Set<String> jobTypes() {
    Set<String> types = new TreeSet<>();
    for (Resource resource : workflowResources()) {
      if (resource.getFilename() != null && resource.getFilename().endsWith(".bpmn")) {
        try {
          Matcher m = JOB_TYPE.matcher(resource.getContentAsString(StandardCharsets.UTF_8));
          while (m.find()) {
            types.add(m.group(1));
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return types;
  }

  private static long lastPosition(EmbeddedEngine engine) {
    long last = -1;
    for (Record<?> record : engine.recordsSnapshot()) {
      last = Math.max(last, record.getPosition());
    }
    return last;
  }

  /** JOB COMPLETED records written after a position: one pass over the record stream, after the run. */
  private static long jobsCompleted(EmbeddedEngine engine, long afterPosition) {
    long completed = 0;
    for (Record<?> record : engine.recordsSnapshot()) {
      if (record.getPosition() > afterPosition && record.getValueType() == ValueType.JOB
          && record.getIntent() == JobIntent.COMPLETED) {
        completed++;
      }
    }
    return completed;
  }

}
