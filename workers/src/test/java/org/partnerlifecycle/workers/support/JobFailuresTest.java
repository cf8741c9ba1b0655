package org.partnerlifecycle.workers.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobFailuresTest {

  @Test
  void backoffGrowsAsRetriesRunOutAndIsCapped() {
    assertThat(JobFailures.backoff(3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(JobFailures.backoff(2)).isEqualTo(Duration.ofSeconds(5));
    assertThat(JobFailures.backoff(1)).isEqualTo(Duration.ofSeconds(25));
    assertThat(JobFailures.backoff(-20)).isEqualTo(Duration.ofMinutes(5));
  }
}
