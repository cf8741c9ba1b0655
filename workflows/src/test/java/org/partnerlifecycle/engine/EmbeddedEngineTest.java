package org.partnerlifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedEngineTest {

  static final Duration WAIT = Duration.ofSeconds(20);
  static EmbeddedEngine engine;
  static CamundaClient client;
  static EngineRecords records;
  static final List<String> listenerEvents = new CopyOnWriteArrayList<>();
  static final List<JobWorker> listenerWorkers = new java.util.ArrayList<>();

  @BeforeAll
  static void startEngine() {
    engine = EmbeddedEngine.start();
    records = new EngineRecords(engine);
    client = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://" + engine.gatewayAddress()))
        .preferRestOverGrpc(false)
        .build();
    client.newDeployResourceCommand()
        .addResourceFromClasspath("test-workflows/user-task-smoke.bpmn")
        .send().join();
    // one job type per listener event: this engine's gateway leaves job.getListenerEventType() unset
    for (String event : List.of("creating", "assigning", "completing", "canceling")) {
      listenerWorkers.add(client.newWorker().jobType("user-task-" + event)
          .handler((jobClient, job) -> {
            listenerEvents.add(event.toUpperCase() + ":" + userTaskKey(job));
            jobClient.newCompleteCommand(job).send().join();
          })
          .open());
    }
  }

  static String userTaskKey(ActivatedJob job) {
    return job.getCustomHeaders().get("io.camunda.zeebe:userTaskKey");
  }

  @AfterAll
  static void stopEngine() {
    listenerWorkers.forEach(JobWorker::close);
    client.close();
    engine.close();
  }

  @Test
  void userTaskCompletedThroughTheLogStreamContinuesTheFlowAndRunsListeners() {
    long instance = client.newCreateInstanceCommand().bpmnProcessId("user-task-smoke").latestVersion()
        .send().join().getProcessInstanceKey();

    var task = records.awaitUserTask(instance, "Review", WAIT);
    assertThat(task.getCandidateGroupsList()).containsExactly("channel-ops");

    engine.assignUserTask(task.getUserTaskKey(), "olivia");
    engine.completeUserTask(task.getUserTaskKey(), Map.of("decision", "approve"));

    records.awaitInstanceCompleted(instance, WAIT);
    assertThat(records.completedElements(instance)).containsSubsequence("Started", "Review", "Done");
    String key = String.valueOf(task.getUserTaskKey());
    assertThat(listenerEvents).containsSubsequence("CREATING:" + key, "ASSIGNING:" + key, "COMPLETING:" + key);
  }

  @Test
  void completingATaskTwiceIsRejectedWithTheEnginesReason() {
    long instance = client.newCreateInstanceCommand().bpmnProcessId("user-task-smoke").latestVersion()
        .send().join().getProcessInstanceKey();
    long taskKey = records.awaitUserTask(instance, "Review", WAIT).getUserTaskKey();
    engine.completeUserTask(taskKey, Map.of());

    assertThatThrownBy(() -> engine.completeUserTask(taskKey, Map.of()))
        .isInstanceOf(EmbeddedEngine.UserTaskCommandRejected.class)
        .hasMessageContaining(String.valueOf(taskKey));
  }

  @Test
  void activeElementsAndVariablesFollowTheInstance() {
    long instance = client.newCreateInstanceCommand().bpmnProcessId("user-task-smoke").latestVersion()
        .variables(Map.of("partnerId", 7, "application", Map.of("segment", "MSP")))
        .send().join().getProcessInstanceKey();
    long taskKey = records.awaitUserTask(instance, "Review", WAIT).getUserTaskKey();

    assertThat(records.activeElements(instance)).extracting(r -> r.getValue().getElementId())
        .containsExactly("Review");
    assertThat(records.variables(instance))
        .containsEntry("partnerId", "7")
        .containsEntry("application", "{\"segment\":\"MSP\"}");

    engine.completeUserTask(taskKey, Map.of("decision", "approve"));
    records.awaitInstanceCompleted(instance, WAIT);
    assertThat(records.activeElements(instance)).isEmpty();
    assertThat(records.variables(instance)).containsEntry("decision", "\"approve\"");
  }
}
