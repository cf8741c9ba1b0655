package org.partnerlifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.ProblemDetail;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A user task command refused only because the engine is still creating the task is sent again. */
class UserTaskCommandRetryTest {

  static RuntimeException stillCreating() {
    return new EmbeddedEngine.UserTaskCommandRejected(2251799813685598L, UserTaskIntent.COMPLETE,
        "INVALID_STATE: Expected to complete user task with key '2251799813685598', but it is in state 'CREATING'");
  }

  @Test
  void sendsTheCommandAgainWhileTheTaskIsStillBeingCreated() {
    var attempts = new AtomicInteger();
    UserTaskCommandRetry.run(() -> {
      if (attempts.incrementAndGet() < 3) {
        throw stillCreating();
      }
    });
    assertThat(attempts).hasValue(3);
  }

  @Test
  void passesAnyOtherRefusalOnAtOnce() {
    var attempts = new AtomicInteger();
    assertThatThrownBy(() -> UserTaskCommandRetry.run(() -> {
      attempts.incrementAndGet();
      throw new EmbeddedEngine.UserTaskCommandRejected(1L, UserTaskIntent.COMPLETE,
          "INVALID_STATE: Expected to complete user task with key '1', but it is in state 'COMPLETING'");
    })).hasMessageContaining("COMPLETING");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void givesUpAfterItsPatienceWithTheEnginesAnswer() {
    var attempts = new AtomicInteger();
    assertThatThrownBy(() -> UserTaskCommandRetry.run(() -> {
      attempts.incrementAndGet();
      throw stillCreating();
    }, Duration.ofMillis(300))).hasMessageContaining("in state 'CREATING'");
    assertThat(attempts.get()).isBetween(2, 10);
  }

  @Test
  void recognisesTheClustersRestAnswerToo() {
    var detail = new ProblemDetail();
    detail.setStatus(409);
    detail.setTitle("INVALID_STATE");
    detail.setDetail("Expected to assign user task with key '42', but it is in state 'CREATING'");
    assertThat(UserTaskCommandRetry.isStillCreating(new ProblemException(409, "Conflict", detail))).isTrue();
    assertThat(UserTaskCommandRetry.isStillCreating(new ProblemException(404, "Not Found", null))).isFalse();
  }
}
