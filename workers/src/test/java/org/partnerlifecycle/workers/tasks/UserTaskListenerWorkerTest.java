package org.partnerlifecycle.workers.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.exception.JobError;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.partnerlifecycle.workers.TestJobs;

class UserTaskListenerWorkerTest {

  final UserTaskEvents events = mock(UserTaskEvents.class);
  final UserTaskListenerWorker worker = new UserTaskListenerWorker(events);

  @Test
  void readsTheTaskFromTheReservedHeaders() {
    var job = TestJobs.job("user-task-listener", Map.of("partnerId", 42), Map.of(
        "io.camunda.zeebe:userTaskKey", "2251799813685999",
        "io.camunda.zeebe:candidateGroups", "[\"channel-ops\",\"channel-legal\"]",
        "io.camunda.zeebe:priority", "70",
        "io.camunda.zeebe:dueDate", "2026-12-01T09:00:00Z",
        "io.camunda.zeebe:formKey", "2251799813685100",
        "io.camunda.zeebe:assignee", "olivia"), ListenerEventType.ASSIGNING, 3);

    worker.onAssigning(job);

    var captor = ArgumentCaptor.forClass(UserTaskEvent.class);
    verify(events).record(captor.capture());
    UserTaskEvent event = captor.getValue();
    assertThat(event.userTaskKey()).isEqualTo(2251799813685999L);
    assertThat(event.transition()).isEqualTo(UserTaskEvent.Transition.ASSIGNING);
    assertThat(event.listenerJobKey()).isEqualTo(2251799813690001L);
    assertThat(event.candidateGroups()).containsExactly("channel-ops", "channel-legal");
    assertThat(event.priority()).isEqualTo(70);
    assertThat(event.dueDate()).hasToString("2026-12-01T09:00Z");
    assertThat(event.assignee()).isEqualTo("olivia");
    assertThat(event.partnerId()).isEqualTo(42L);
    assertThat(event.bpmnProcessId()).isEqualTo("partner-onboarding");
  }

  @Test
  void aListenerJobWithoutTaskKeyBecomesAnIncidentAtOnce() {
    var job = TestJobs.job("user-task-listener", Map.of(), Map.of(), ListenerEventType.CREATING, 3);

    assertThatThrownBy(() -> worker.onCreating(job))
        .isInstanceOf(JobError.class)
        .hasMessageContaining("io.camunda.zeebe:userTaskKey")
        .satisfies(e -> assertThat(((JobError) e).getRetries()).isZero());
    verify(events, never()).record(any());
  }

  @Test
  void aMalformedPartnerIdIsReportedNotSwallowed() {
    var job = TestJobs.job("user-task-listener", Map.of("partnerId", "forty-two"),
        Map.of("io.camunda.zeebe:userTaskKey", "1"), ListenerEventType.CREATING, 3);

    assertThatThrownBy(() -> worker.onCompleting(job))
        .isInstanceOf(JobError.class)
        .hasMessageContaining("partnerId");
  }

  @Test
  void aFailingProjectionFailsTheJobWithOneRetryFewerAndABackoff() {
    var job = TestJobs.job("user-task-listener", Map.of(), Map.of("io.camunda.zeebe:userTaskKey", "1"),
        ListenerEventType.CREATING, 3);
    org.mockito.Mockito.doThrow(new IllegalStateException("database away")).when(events).record(any());

    assertThatThrownBy(() -> worker.onCompleting(job))
        .isInstanceOf(JobError.class)
        .satisfies(e -> {
          JobError error = (JobError) e;
          assertThat(error.getRetries()).isEqualTo(2);
          assertThat(error.getRetryBackoff()).isPositive();
        });
  }

  @Test
  void candidateGroupsAlsoAcceptAPlainList() {
    assertThat(UserTaskListenerWorker.candidateGroups("channel-ops, channel-legal"))
        .containsExactly("channel-ops", "channel-legal");
    assertThat(UserTaskListenerWorker.candidateGroups(null)).isEmpty();
  }
}
