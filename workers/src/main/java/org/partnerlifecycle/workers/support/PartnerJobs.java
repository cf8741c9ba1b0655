package org.partnerlifecycle.workers.support;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;

/** The common shape of a job about one partner: read and check partnerId, do the work under {@link JobFailures}. */
public final class PartnerJobs {

  private PartnerJobs() {}

  public interface Work {
    void handle(JobInput in, long partnerId, JobRef job);
  }

  public interface WorkWithResult {
    Map<String, Object> handle(JobInput in, long partnerId, JobRef job);
  }

  public static void run(ActivatedJob job, Work work) {
    JobFailures.guard(job, () -> {
      JobInput in = new JobInput(job);
      work.handle(in, in.requiredLong("partnerId"), JobRef.of(job));
    });
  }

  /** Like {@link #run}, returning the variables the job completes with. */
  public static Map<String, Object> call(ActivatedJob job, WorkWithResult work) {
    return JobFailures.guard(job, () -> {
      JobInput in = new JobInput(job);
      return work.handle(in, in.requiredLong("partnerId"), JobRef.of(job));
    });
  }
}
