package org.partnerlifecycle.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the partner's company profile stands in verification, read from what the process left behind: the
 * profile, the VerifyDocuments user tasks, and the "documents-rejected" notice in the audit log.
 */
@Component
public class ProfileReview {

  public enum State {
    /** Nothing submitted yet. */
    NOT_SUBMITTED,
    /** Submitted; ops have not got the verification task yet. */
    SUBMITTED,
    /** Ops are verifying the profile and documents. */
    IN_REVIEW,
    /** Ops asked for corrections: the partner submits again. */
    CORRECTION_REQUESTED,
    /** Ops accepted the profile and documents. */
    VERIFIED;

    public boolean awaitsPartner() {
      return this == NOT_SUBMITTED || this == CORRECTION_REQUESTED;
    }
  }

  static final String VERIFY_TASK = "VerifyDocuments";
  static final String CORRECTION_TEMPLATE = "documents-rejected";

  private final CompanyProfileRepository profiles;
  private final LifecycleEventRepository events;
  private final UserTaskRepository tasks;
  private final ObjectMapper json;

  ProfileReview(CompanyProfileRepository profiles, LifecycleEventRepository events, UserTaskRepository tasks,
      ObjectMapper json) {
    this.profiles = profiles;
    this.events = events;
    this.tasks = tasks;
    this.json = json;
  }

  @Transactional(readOnly = true)
  public State state(long partnerId) {
    Optional<CompanyProfile> profile = profiles.findById(partnerId);
    if (profile.isEmpty()) {
      return State.NOT_SUBMITTED;
    }
    List<LifecycleEvent> history = events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId);
    int lastSubmitted = -1;
    int lastCorrection = -1;
    for (int i = 0; i < history.size(); i++) {
      LifecycleEvent e = history.get(i);
      if ("PROFILE_SUBMITTED".equals(e.getEventType())) {
        lastSubmitted = i;
      } else if (isCorrectionRequest(e)) {
        lastCorrection = i;
      }
    }
    if (lastCorrection > lastSubmitted) {
      return State.CORRECTION_REQUESTED;
    }
    List<UserTask> verifications = tasks.findByPartnerIdAndStateInOrderByCreatedAtAsc(partnerId,
            EnumSet.allOf(TaskState.class)).stream()
        .filter(t -> VERIFY_TASK.equals(t.getElementId()))
        .filter(t -> !t.getCreatedAt().isBefore(profile.get().getSubmittedAt()))
        .toList();
    if (verifications.isEmpty()) {
      return State.SUBMITTED;
    }
    UserTask latest = verifications.get(verifications.size() - 1);
    return latest.getState() == TaskState.COMPLETED ? State.VERIFIED : State.IN_REVIEW;
  }

  private boolean isCorrectionRequest(LifecycleEvent event) {
    if (!"NOTIFICATION_SENT".equals(event.getEventType()) || event.getPayload() == null) {
      return false;
    }
    try {
      return CORRECTION_TEMPLATE.equals(json.readTree(event.getPayload()).path("template").asText());
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
