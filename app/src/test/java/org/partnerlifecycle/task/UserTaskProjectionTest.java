package org.partnerlifecycle.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.engine.EmbeddedEngine;
import org.partnerlifecycle.engine.EngineRecords;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real Camunda user task on the embedded engine: its listeners feed the projection, the adapter assigns and
 * completes it, and the flow continues.
 */
@EmbeddedAppTest
class UserTaskProjectionTest {

  static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired CamundaClient client;
  @Autowired EmbeddedEngine engine;
  @Autowired UserTaskService userTasks;
  @Autowired UserTaskRepository projection;

  @BeforeEach
  void deployTestProcess() {
    var model = Bpmn.createExecutableProcess("projection-check")
        .startEvent("Start")
        .userTask("Review", task -> task.zeebeUserTask()
            .zeebeCandidateGroups("channel-ops")
            .zeebeTaskPriority("70")
            .zeebeDueDate("2030-01-31T12:00:00Z")
            .zeebeTaskListener(l -> l.creating().type("user-task-creating"))
            .zeebeTaskListener(l -> l.assigning().type("user-task-assigning"))
            .zeebeTaskListener(l -> l.completing().type("user-task-completing"))
            .zeebeTaskListener(l -> l.canceling().type("user-task-canceling")))
        .endEvent("Done")
        .done();
    client.newDeployResourceCommand().addProcessModel(model, "projection-check.bpmn").send().join();
  }

  @Test
  void taskIsProjectedWhenCreatedThenAssignedThenCompletedAndTheFlowContinues() {
    long instance = client.newCreateInstanceCommand().bpmnProcessId("projection-check").latestVersion()
        .variables(Map.of("partnerId", 4711)).send().join().getProcessInstanceKey();

    UserTask created = awaitTask(instance, TaskState.OPEN);
    new EngineRecords(engine).awaitUserTask(instance, "Review", WAIT);
    assertThat(created.getElementId()).isEqualTo("Review");
    assertThat(created.getCandidateGroups()).isEqualTo("channel-ops");
    assertThat(created.getPriority()).isEqualTo(70);
    assertThat(created.getDueDate()).hasToString("2030-01-31T12:00:00Z");
    assertThat(created.getPartnerId()).isEqualTo(4711L);
    assertThat(created.getBpmnProcessId()).isEqualTo("projection-check");

    userTasks.assign(created.getUserTaskKey(), "olivia.ops");
    assertThat(awaitTask(instance, TaskState.ASSIGNED).getAssignee()).isEqualTo("olivia.ops");

    userTasks.complete(created.getUserTaskKey(), Map.of("decision", "approve"));
    UserTask completed = awaitTask(instance, TaskState.COMPLETED);
    assertThat(completed.getEndedAt()).isNotNull();

    var records = new EngineRecords(engine);
    records.awaitInstanceCompleted(instance, WAIT);
    assertThat(records.completedElements(instance)).containsSubsequence("Start", "Review", "Done");
  }

  @Test
  void unassigningReturnsTheTaskToTheGroup() {
    long instance = client.newCreateInstanceCommand().bpmnProcessId("projection-check").latestVersion()
        .send().join().getProcessInstanceKey();
    long key = awaitTask(instance, TaskState.OPEN).getUserTaskKey();
    new EngineRecords(engine).awaitUserTask(instance, "Review", WAIT);

    userTasks.assign(key, "olivia.ops");
    awaitTask(instance, TaskState.ASSIGNED);
    userTasks.unassign(key);

    assertThat(awaitTask(instance, TaskState.OPEN).getAssignee()).isNull();
  }

  private UserTask awaitTask(long instance, TaskState state) {
    return EngineRecords.await(() -> projection.findByProcessInstanceKeyOrderByCreatedAtAsc(instance).stream()
        .filter(t -> t.getState() == state).findFirst(), WAIT, "task of " + instance + " in state " + state);
  }
}
