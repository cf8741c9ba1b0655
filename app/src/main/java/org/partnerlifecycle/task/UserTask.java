package org.partnerlifecycle.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The app's projection of one Camunda user task, kept current by the task listeners. */
@Entity
@Table(name = "user_task")
public class UserTask {

  @Id
  @Column(name = "user_task_key")
  private Long userTaskKey;

  @Column(name = "process_instance_key", nullable = false)
  private long processInstanceKey;

  @Column(name = "bpmn_process_id", nullable = false, length = 100)
  private String bpmnProcessId;

  @Column(name = "process_version", nullable = false)
  private int processVersion;

  @Column(name = "element_id", nullable = false, length = 100)
  private String elementId;

  @Column(name = "element_instance_key", nullable = false)
  private long elementInstanceKey;

  @Column(name = "form_key", length = 200)
  private String formKey;

  /** Comma-separated, as few as a task has. */
  @Column(name = "candidate_groups", length = 300)
  private String candidateGroups;

  @Column(length = 100)
  private String assignee;

  private Integer priority;

  @Column(name = "due_date")
  private Instant dueDate;

  @Column(name = "partner_id")
  private Long partnerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private TaskState state;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  /** The listener job whose transition this row shows; an older or the same job changes nothing. */
  @Column(name = "last_listener_job_key")
  private Long lastListenerJobKey;

  @Version
  private long version;

  protected UserTask() {}

  UserTask(long userTaskKey, long processInstanceKey, String bpmnProcessId, int processVersion, String elementId,
      long elementInstanceKey, Instant now) {
    this.userTaskKey = userTaskKey;
    this.processInstanceKey = processInstanceKey;
    this.bpmnProcessId = bpmnProcessId;
    this.processVersion = processVersion;
    this.elementId = elementId;
    this.elementInstanceKey = elementInstanceKey;
    this.state = TaskState.OPEN;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Whether a listener job's transition is news: a job already applied (delivered again) or older than the last
   * one applied (a stale delivery arriving late) is not, and must not undo what came after it.
   */
  boolean isNewerThanApplied(long listenerJobKey) {
    return lastListenerJobKey == null || listenerJobKey > lastListenerJobKey;
  }

  void applied(long listenerJobKey) {
    this.lastListenerJobKey = listenerJobKey;
  }

  void describe(String formKey, String candidateGroups, Integer priority, Instant dueDate, Long partnerId) {
    if (formKey != null) this.formKey = formKey;
    if (candidateGroups != null && !candidateGroups.isBlank()) this.candidateGroups = candidateGroups;
    if (priority != null) this.priority = priority;
    if (dueDate != null) this.dueDate = dueDate;
    if (partnerId != null) this.partnerId = partnerId;
  }

  /** Applies an assignment; an ended task stays ended (a late, repeated listener job changes nothing). */
  void assign(String assignee, Instant now) {
    if (state.isEnded()) return;
    this.assignee = assignee == null || assignee.isBlank() ? null : assignee;
    this.state = this.assignee == null ? TaskState.OPEN : TaskState.ASSIGNED;
    this.updatedAt = now;
  }

  void end(TaskState endState, Instant now) {
    if (state.isEnded()) return;
    this.state = endState;
    this.updatedAt = now;
    this.endedAt = now;
  }

  public Long getUserTaskKey() { return userTaskKey; }
  public long getProcessInstanceKey() { return processInstanceKey; }
  public String getBpmnProcessId() { return bpmnProcessId; }
  public int getProcessVersion() { return processVersion; }
  public String getElementId() { return elementId; }
  public long getElementInstanceKey() { return elementInstanceKey; }
  public String getFormKey() { return formKey; }
  public String getCandidateGroups() { return candidateGroups; }
  public String getAssignee() { return assignee; }
  public Integer getPriority() { return priority; }
  public Instant getDueDate() { return dueDate; }
  public Long getPartnerId() { return partnerId; }
  public TaskState getState() { return state; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public Instant getEndedAt() { return endedAt; }
  public Long getLastListenerJobKey() { return lastListenerJobKey; }
}
