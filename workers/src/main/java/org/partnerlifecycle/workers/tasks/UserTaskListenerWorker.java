package org.partnerlifecycle.workers.tasks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.partnerlifecycle.workers.support.InvalidJobInput;
import org.partnerlifecycle.workers.support.JobFailures;
import org.partnerlifecycle.workers.support.JobInput;
import org.springframework.stereotype.Component;

/**
 * Task listeners of every user task of the lifecycle. Each listener event has its own job type
 * ({@code user-task-creating}, {@code -assigning}, {@code -completing}, {@code -canceling}): the in-process
 * engine's gateway does not fill in {@code getListenerEventType()}, and the job type says it on every runtime.
 * Over the gRPC gateway the listener job carries the task in its reserved headers, not in {@code getUserTask()}.
 */
@Component
public class UserTaskListenerWorker {

  private static final String PREFIX = "io.camunda.zeebe:";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final UserTaskEvents events;

  public UserTaskListenerWorker(UserTaskEvents events) {
    this.events = events;
  }

  @JobWorker(type = "user-task-creating", fetchVariables = "partnerId")
  public void onCreating(ActivatedJob job) {
    record(job, UserTaskEvent.Transition.CREATING);
  }

  @JobWorker(type = "user-task-assigning", fetchVariables = "partnerId")
  public void onAssigning(ActivatedJob job) {
    record(job, UserTaskEvent.Transition.ASSIGNING);
  }

  @JobWorker(type = "user-task-completing", fetchVariables = "partnerId")
  public void onCompleting(ActivatedJob job) {
    record(job, UserTaskEvent.Transition.COMPLETING);
  }

  @JobWorker(type = "user-task-canceling", fetchVariables = "partnerId")
  public void onCanceling(ActivatedJob job) {
    record(job, UserTaskEvent.Transition.CANCELING);
  }

  private void record(ActivatedJob job, UserTaskEvent.Transition transition) {
    JobFailures.guard(job, () -> events.record(toEvent(job, transition)));
  }

  static UserTaskEvent toEvent(ActivatedJob job, UserTaskEvent.Transition transition) {
    JobInput in = new JobInput(job);
    return new UserTaskEvent(
        in.requiredLongHeader(PREFIX + "userTaskKey"),
        transition,
        job.getKey(),
        job.getProcessInstanceKey(),
        job.getBpmnProcessId(),
        job.getProcessDefinitionVersion(),
        job.getElementId(),
        job.getElementInstanceKey(),
        in.optionalHeader(PREFIX + "formKey").orElse(null),
        candidateGroups(in.optionalHeader(PREFIX + "candidateGroups").orElse(null)),
        in.optionalHeader(PREFIX + "assignee").orElse(null),
        in.optionalHeader(PREFIX + "priority").map(UserTaskListenerWorker::parsePriority).orElse(null),
        in.optionalHeader(PREFIX + "dueDate").map(UserTaskListenerWorker::parseDate).orElse(null),
        in.optionalLong("partnerId").orElse(null));
  }

  static List<String> candidateGroups(String header) {
    if (header == null) {
      return List.of();
    }
    try {
      return JSON.readValue(header, new TypeReference<List<String>>() {});
    } catch (Exception notJson) {
      return List.of(header.split("\\s*,\\s*"));
    }
  }

  private static Integer parsePriority(String value) {
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidJobInput("user task priority header must be a number, was '" + value + "'");
    }
  }

  private static OffsetDateTime parseDate(String value) {
    try {
      return OffsetDateTime.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidJobInput("user task due date header must be an ISO date-time, was '" + value + "'");
    }
  }
}
