package org.partnerlifecycle.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.DeliveredTwice;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.RepeatedDelivery;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.workers.tasks.UserTaskListenerWorker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The task listeners' jobs delivered twice, and delivered late: a listener job whose worker stalled past the job
 * timeout can still write after another worker finished it and the task moved on. The projection keeps one row
 * per task, adds no audit events, and never goes back to an earlier assignee or state.
 */
@EmbeddedAppTest
class UserTaskListenerRepeatedDeliveryTest {

  /** Listener job keys grow with every transition, as the engine's keys do within a partition. */
  static final AtomicLong keys = new AtomicLong(7_100_000_000L);

  @Autowired UserTaskListenerWorker listeners;
  @Autowired UserTaskRepository tasks;
  @Autowired PartnerService partners;
  @Autowired RepeatedDelivery delivery;
  @Autowired JdbcTemplate jdbc;

  long partnerId;

  @BeforeEach
  void partner() {
    partnerId = partners.register("Task Listener Partner " + keys.incrementAndGet(), "NL", "EMEA", Segment.RESELLER,
        List.of("ERP"), Actor.system()).getId();
  }

  @Test
  @DeliveredTwice({"user-task-creating", "user-task-assigning", "user-task-completing"})
  void creatingAssigningAndCompletingTwiceOrLateLeaveOneRowInItsLatestState() {
    long taskKey = keys.incrementAndGet();
    var before = delivery.snapshot(partnerId);
    ActivatedJob creating = listenerJob("user-task-creating", taskKey, null);
    ActivatedJob toAlice = listenerJob("user-task-assigning", taskKey, "alice");
    ActivatedJob toBob = listenerJob("user-task-assigning", taskKey, "bob");
    ActivatedJob completing = listenerJob("user-task-completing", taskKey, "bob");

    listeners.onCreating(creating);
    listeners.onCreating(creating);
    UserTask created = task(taskKey);
    assertThat(created.getState()).isEqualTo(TaskState.OPEN);
    assertThat(created.getCandidateGroups()).isEqualTo("channel-ops");
    assertThat(created.getPartnerId()).isEqualTo(partnerId);

    listeners.onAssigning(toAlice);
    UserTask assigned = task(taskKey);
    listeners.onAssigning(toAlice);
    assertThat(task(taskKey)).satisfies(t -> {
      assertThat(t.getState()).isEqualTo(TaskState.ASSIGNED);
      assertThat(t.getAssignee()).isEqualTo("alice");
      assertThat(t.getUpdatedAt()).isEqualTo(assigned.getUpdatedAt());
    });

    // reassigned to bob; then alice's assignment and the creation arrive once more, late
    listeners.onAssigning(toBob);
    listeners.onAssigning(toAlice);
    listeners.onCreating(creating);
    assertThat(task(taskKey)).satisfies(t -> {
      assertThat(t.getState()).isEqualTo(TaskState.ASSIGNED);
      assertThat(t.getAssignee()).isEqualTo("bob");
    });

    listeners.onCompleting(completing);
    UserTask completed = task(taskKey);
    listeners.onCompleting(completing);
    listeners.onAssigning(toBob);
    listeners.onAssigning(toAlice);
    assertThat(task(taskKey)).satisfies(t -> {
      assertThat(t.getState()).isEqualTo(TaskState.COMPLETED);
      assertThat(t.getAssignee()).isEqualTo("bob");
      assertThat(t.getEndedAt()).isNotNull().isEqualTo(completed.getEndedAt());
      assertThat(t.getLastListenerJobKey()).isEqualTo(completing.getKey());
    });

    assertThat(rows(taskKey)).isOne();
    assertThat(delivery.snapshot(partnerId)).as("audit events, mails and records of the partner").isEqualTo(before);
  }

  @Test
  @DeliveredTwice("user-task-canceling")
  void cancelingTwiceOrBeforeALateCreationLeavesOneCanceledRow() {
    long taskKey = keys.incrementAndGet();
    var before = delivery.snapshot(partnerId);
    ActivatedJob creating = listenerJob("user-task-creating", taskKey, null);
    ActivatedJob canceling = listenerJob("user-task-canceling", taskKey, null);

    listeners.onCreating(creating);
    listeners.onCanceling(canceling);
    UserTask canceled = task(taskKey);
    listeners.onCanceling(canceling);
    listeners.onCreating(creating);

    assertThat(task(taskKey)).satisfies(t -> {
      assertThat(t.getState()).isEqualTo(TaskState.CANCELED);
      assertThat(t.getEndedAt()).isNotNull().isEqualTo(canceled.getEndedAt());
    });
    assertThat(rows(taskKey)).isOne();
    assertThat(delivery.snapshot(partnerId)).isEqualTo(before);
  }

  private UserTask task(long taskKey) {
    return tasks.findById(taskKey).orElseThrow();
  }

  private long rows(long taskKey) {
    return jdbc.queryForObject("select count(*) from user_task where user_task_key = ?", Long.class, taskKey);
  }

  /** A listener job as the engine hands it out: its own key, the task in the reserved headers. */
  /**
   * An embedded engine that started afresh hands out its keys again while a kept database still has rows of
   * the old engine's tasks: a creating listener for another task under a known key replaces the stale row,
   * even though its job key is lower than the one applied last.
   */
  @Test
  void aTaskCreatedUnderTheKeyOfAStaleRowReplacesIt() {
    long taskKey = keys.incrementAndGet();
    ActivatedJob fresh = listenerJob("user-task-creating", taskKey, null);
    ActivatedJob oldCreating = listenerJob("user-task-creating", taskKey, null);
    ActivatedJob oldAssigning = listenerJob("user-task-assigning", taskKey, "alice");
    when(oldCreating.getProcessInstanceKey()).thenReturn(taskKey + 5_000_000L);
    when(oldCreating.getElementInstanceKey()).thenReturn(taskKey + 6_000_000L);
    when(oldCreating.getElementId()).thenReturn("ReviewDealConflict");
    when(oldAssigning.getProcessInstanceKey()).thenReturn(taskKey + 5_000_000L);
    when(oldAssigning.getElementInstanceKey()).thenReturn(taskKey + 6_000_000L);
    when(oldAssigning.getElementId()).thenReturn("ReviewDealConflict");
    listeners.onCreating(oldCreating);
    listeners.onAssigning(oldAssigning);

    listeners.onCreating(fresh);

    assertThat(task(taskKey)).satisfies(t -> {
      assertThat(t.getElementId()).isEqualTo("VerifyDocuments");
      assertThat(t.getProcessInstanceKey()).isEqualTo(taskKey + 1_000_000L);
      assertThat(t.getAssignee()).isNull();
      assertThat(t.getState()).isEqualTo(TaskState.OPEN);
      assertThat(t.getLastListenerJobKey()).isEqualTo(fresh.getKey());
    });
    assertThat(rows(taskKey)).isOne();
  }

  private ActivatedJob listenerJob(String type, long taskKey, String assignee) {
    Map<String, String> headers = new HashMap<>(Map.of(
        "io.camunda.zeebe:userTaskKey", String.valueOf(taskKey),
        "io.camunda.zeebe:candidateGroups", "[\"channel-ops\"]",
        "io.camunda.zeebe:priority", "50"));
    if (assignee != null) {
      headers.put("io.camunda.zeebe:assignee", assignee);
    }
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(keys.incrementAndGet());
    when(job.getType()).thenReturn(type);
    when(job.getProcessInstanceKey()).thenReturn(taskKey + 1_000_000L);
    when(job.getBpmnProcessId()).thenReturn("partner-onboarding");
    when(job.getProcessDefinitionVersion()).thenReturn(1);
    when(job.getElementId()).thenReturn("VerifyDocuments");
    when(job.getElementInstanceKey()).thenReturn(taskKey + 2_000_000L);
    when(job.getVariablesAsMap()).thenReturn(Map.of("partnerId", partnerId));
    when(job.getCustomHeaders()).thenReturn(headers);
    when(job.getRetries()).thenReturn(3);
    return job;
  }
}
