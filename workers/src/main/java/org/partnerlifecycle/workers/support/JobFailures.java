package org.partnerlifecycle.workers.support;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a worker's failure reaches the engine. Business outcomes the model handles are BPMN errors and pass
 * through. A malformed payload fails the job with no retries left, so an incident with the reason shows in
 * Operate at once. Anything else is technical (a database away, a mail server down): the job fails with one
 * retry fewer and an exponential backoff, and becomes an incident only when the retries run out.
 */
public final class JobFailures {

  private static final Logger log = LoggerFactory.getLogger(JobFailures.class);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private JobFailures() {}

  public static <T> T guard(ActivatedJob job, Supplier<T> work) {
    try {
      return work.get();
    } catch (BpmnError business) {
      throw business;
    } catch (InvalidJobInput invalid) {
      log.error("Incident: {}", invalid.getMessage());
      throw CamundaError.jobError(invalid.getMessage(), null, 0, Duration.ZERO, invalid);
    } catch (RuntimeException technical) {
      int retriesLeft = Math.max(job.getRetries() - 1, 0);
      Duration backoff = backoff(job.getRetries());
      log.warn("Job {} ({}) failed, {} retries left, next try in {}: {}", job.getKey(), job.getType(),
          retriesLeft, backoff, technical.toString());
      throw CamundaError.jobError(job.getType() + " failed: " + technical.getMessage(), null, retriesLeft,
          backoff, technical);
    }
  }

  public static void guard(ActivatedJob job, Runnable work) {
    guard(job, () -> {
      work.run();
      return null;
    });
  }

  /**
   * 1 s, 5 s, 25 s ... capped at 5 minutes; the fewer retries left, the longer the wait. The first retry comes
   * soon because most technical failures are momentary (a row another transaction is about to commit, an
   * optimistic-lock conflict); an outage gets the longer waits.
   */
  static Duration backoff(int retriesBeforeThisFailure) {
    int attempt = Math.min(Math.max(0, 3 - retriesBeforeThisFailure), 10);
    Duration wait = FIRST_BACKOFF.multipliedBy((long) Math.pow(5, attempt));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }
}
