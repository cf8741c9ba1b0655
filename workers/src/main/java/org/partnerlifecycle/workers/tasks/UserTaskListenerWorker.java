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
 * Task listener for every user task of the lifecycle (creating, assigning, completing, canceling). Over the
 * gRPC gateway the listener job carries the task in its reserved headers, not in {@code getUserTask()}.
 */
@Component
public class UserTaskListenerWorker {

  static final String JOB_TYPE = "user-task-listener";
  private static final String PREFIX = "io.camunda.zeebe:";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final UserTaskEvents events;

  public UserTaskListenerWorker(UserTaskEvents events) {
    this.events = events;
  }

  @JobWorker(type = JOB_TYPE, fetchVariables = "partnerId")
  public void onTransition(ActivatedJob job) {
    JobFailures.guard(job, () -> events.record(toEvent(job)));
  }

  static UserTaskEvent toEvent(ActivatedJob job) {
    JobInput in = new JobInput(job);
    if (job.getListenerEventType() == null) {
      throw new InvalidJobInput("job " + job.getKey() + " of type " + JOB_TYPE + " is not a task listener job");
    }
    UserTaskEvent.Transition transition;
    try {
      transition = UserTaskEvent.Transition.valueOf(job.getListenerEventType().name());
    } catch (IllegalArgumentException e) {
      throw new InvalidJobInput("task listener event " + job.getListenerEventType() + " is not one we project");
    }
    return new UserTaskEvent(
        in.requiredLongHeader(PREFIX + "userTaskKey"),
        transition,
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
