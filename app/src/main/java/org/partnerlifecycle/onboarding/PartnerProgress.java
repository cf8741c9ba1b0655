package org.partnerlifecycle.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a partner sees on the portal home: the onboarding stages and how far they are, the steps open for them
 * (and for us) with due dates, and their history. Everything is derived from the partner's stage and records.
 */
@Service
public class PartnerProgress {

  /** The onboarding path, in order. */
  public static final List<LifecycleStage> PATH = List.of(LifecycleStage.APPLIED, LifecycleStage.QUALIFIED,
      LifecycleStage.BRIEFED, LifecycleStage.AGREEMENT, LifecycleStage.ONBOARDING, LifecycleStage.ACTIVE);

  public enum StageState { DONE, CURRENT, UPCOMING }

  public enum StepStatus {
    TO_DO("To do"), WITH_US("With us"), DONE("Done");

    private final String label;

    StepStatus(String label) {
      this.label = label;
    }

    public String label() { return label; }
  }

  public record StageProgress(LifecycleStage stage, StageState state) {}

  /** One thing to do; {@code href} is the portal page where it is done, if any. */
  public record Step(String title, String detail, StepStatus status, Instant due, String href) {}

  public record TimelineEntry(Instant at, String text, String actor) {}

  public record Overview(Partner partner, List<StageProgress> stages, int percentDone, boolean offPath,
      List<Step> steps, List<TimelineEntry> timeline) {

    public List<Step> open() {
      return steps.stream().filter(s -> s.status() != StepStatus.DONE).toList();
    }

    public List<Step> done() {
      return steps.stream().filter(s -> s.status() == StepStatus.DONE).toList();
    }
  }

  private final PartnerService partners;
  private final PartnerBriefRepository briefs;
  private final AgreementRepository agreements;
  private final TrainingAssignmentRepository training;
  private final ProfileReview profileReview;
  private final UserTaskRepository tasks;
  private final LifecycleEventRepository events;
  private final OnboardingProperties settings;
  private final ObjectMapper json;

  PartnerProgress(PartnerService partners, PartnerBriefRepository briefs, AgreementRepository agreements,
      TrainingAssignmentRepository training, ProfileReview profileReview, UserTaskRepository tasks,
      LifecycleEventRepository events, OnboardingProperties settings, ObjectMapper json) {
    this.partners = partners;
    this.briefs = briefs;
    this.agreements = agreements;
    this.training = training;
    this.profileReview = profileReview;
    this.tasks = tasks;
    this.events = events;
    this.settings = settings;
    this.json = json;
  }

  @Transactional(readOnly = true)
  public Overview overview(long partnerId) {
    Partner partner = partners.get(partnerId);
    List<LifecycleEvent> history = events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId);
    LifecycleStage stage = partner.getStage();
    boolean offPath = !PATH.contains(stage);
    Set<LifecycleStage> reached = EnumSet.noneOf(LifecycleStage.class);
    history.stream().map(LifecycleEvent::getStageTo).filter(Objects::nonNull).filter(PATH::contains)
        .forEach(reached::add);
    reached.add(LifecycleStage.APPLIED);

    List<StageProgress> stages = new ArrayList<>();
    int current = PATH.indexOf(stage);
    for (int i = 0; i < PATH.size(); i++) {
      LifecycleStage s = PATH.get(i);
      StageState state;
      if (offPath) {
        state = reached.contains(s) ? StageState.DONE : StageState.UPCOMING;
      } else if (i < current || (i == current && stage == LifecycleStage.ACTIVE)) {
        state = StageState.DONE;
      } else {
        state = i == current ? StageState.CURRENT : StageState.UPCOMING;
      }
      stages.add(new StageProgress(s, state));
    }
    int done = (int) stages.stream().filter(s -> s.state() == StageState.DONE).count();
    return new Overview(partner, stages, done * 100 / PATH.size(), offPath, steps(partner),
        timeline(history));
  }

  private List<Step> steps(Partner partner) {
    long partnerId = partner.getId();
    LifecycleStage stage = partner.getStage();
    List<Step> steps = new ArrayList<>();
    if (stage == LifecycleStage.APPLIED || stage == LifecycleStage.QUALIFIED) {
      steps.add(new Step("Application review", "We are reviewing your application and will get back to you.",
          StepStatus.WITH_US, null, null));
    }
    briefs.findFirstByPartnerIdOrderByGeneratedAtDescIdDesc(partnerId).ifPresent(brief -> {
      if (brief.isAcknowledged()) {
        steps.add(new Step("Acknowledge the partner brief", "Acknowledged", StepStatus.DONE, null, "/portal/brief"));
      } else if (stage == LifecycleStage.BRIEFED) {
        steps.add(new Step("Acknowledge the partner brief",
            "Read why and how we work together, then acknowledge it.", StepStatus.TO_DO,
            brief.getGeneratedAt().plus(settings.briefWithdrawAfter()), "/portal/brief"));
      }
    });
    agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).ifPresent(agreement -> {
      String title = "Sign the partner agreement";
      switch (agreement.getStatus()) {
        case AWAITING_PARTNER_SIGNATURE -> {
          if (stage == LifecycleStage.AGREEMENT) {
            steps.add(new Step(title, "Review revision " + agreement.getRevision() + " and sign it electronically.",
                StepStatus.TO_DO, agreement.getCreatedAt().plus(settings.agreementSignWithin()), "/portal/agreement"));
          }
        }
        case AWAITING_COUNTERSIGNATURE, CHANGES_REQUESTED -> steps.add(new Step(title,
            "You signed revision " + agreement.getRevision() + "; we are countersigning it.", StepStatus.WITH_US,
            null, "/portal/agreement"));
        case ACTIVE -> steps.add(new Step(title, "In force until " + agreement.getExpiresOn() + ".",
            StepStatus.DONE, null, "/portal/agreement"));
        case SUPERSEDED, EXPIRED -> { }
      }
    });
    if (stage == LifecycleStage.ONBOARDING || stage == LifecycleStage.ACTIVE) {
      Instant onboardingDue = stage == LifecycleStage.ONBOARDING
          ? partner.getStageSince().plus(settings.onboardingSlaAfter()) : null;
      steps.add(profileStep(partnerId, stage, onboardingDue));
      trainingStep(partnerId, onboardingDue).ifPresent(steps::add);
      kickoffStep(partnerId).ifPresent(steps::add);
    }
    if (stage == LifecycleStage.ACTIVE) {
      steps.add(new Step("Become an active partner", "Welcome aboard! Your channel manager will be in touch.",
          StepStatus.DONE, null, null));
    }
    return steps;
  }

  private Step profileStep(long partnerId, LifecycleStage stage, Instant due) {
    String title = "Submit your company profile and documents";
    if (stage == LifecycleStage.ACTIVE) {
      return new Step(title, "Verified", StepStatus.DONE, null, "/portal/profile");
    }
    return switch (profileReview.state(partnerId)) {
      case NOT_SUBMITTED -> new Step(title, "Company, tax and bank details, with a tax certificate or bank letter.",
          StepStatus.TO_DO, due, "/portal/profile");
      case CORRECTION_REQUESTED -> new Step("Correct your company profile and documents",
          "We could not verify what you sent. Please check it and submit again.", StepStatus.TO_DO, due,
          "/portal/profile");
      case SUBMITTED, IN_REVIEW -> new Step(title, "Submitted; we are verifying it.", StepStatus.WITH_US, null,
          "/portal/profile");
      case VERIFIED -> new Step(title, "Verified", StepStatus.DONE, null, "/portal/profile");
    };
  }

  private Optional<Step> trainingStep(long partnerId, Instant due) {
    List<TrainingAssignment> modules = training.findByPartnerIdOrderByModuleCode(partnerId);
    if (modules.isEmpty()) {
      return Optional.empty();
    }
    long completed = modules.stream().filter(TrainingAssignment::isCompleted).count();
    String detail = completed + " of " + modules.size() + " modules completed";
    return Optional.of(completed == modules.size()
        ? new Step("Complete your training", detail, StepStatus.DONE, null, "/portal/training")
        : new Step("Complete your training", detail, StepStatus.TO_DO, due, "/portal/training"));
  }

  private Optional<Step> kickoffStep(long partnerId) {
    return tasks.findByPartnerIdAndStateInOrderByCreatedAtAsc(partnerId, EnumSet.allOf(TaskState.class)).stream()
        .filter(t -> "ScheduleKickoff".equals(t.getElementId()))
        .reduce((first, last) -> last)
        .map((UserTask t) -> t.getState() == TaskState.COMPLETED
            ? new Step("Kickoff call", "Scheduled", StepStatus.DONE, null, null)
            : new Step("Kickoff call", "We will propose a date for your kickoff call.", StepStatus.WITH_US,
                t.getDueDate(), null));
  }

  /** Which audit events a partner sees, in their words; internal ones (escalations, SLA) are left out. */
  private static final Map<String, Function<JsonNode, String>> VISIBLE = Map.ofEntries(
      Map.entry("PARTNER_REGISTERED", p -> "Application received"),
      Map.entry("BRIEF_ACKNOWLEDGED", p -> "Partner brief acknowledged"),
      Map.entry("AGREEMENT_SIGNED", p -> "Agreement revision " + p.path("revision").asText("?") + " signed"),
      Map.entry("AGREEMENT_REVISED", p -> "Agreement revised (revision " + p.path("revision").asText("?") + ")"),
      Map.entry("AGREEMENT_ACTIVATED", p -> "Agreement countersigned, in force from "
          + p.path("effectiveFrom").asText("?") + " to " + p.path("expiresOn").asText("?")),
      Map.entry("PROFILE_SUBMITTED", p -> "Company profile submitted"),
      Map.entry("TRAINING_ASSIGNED", p -> "Training curriculum assigned"),
      Map.entry("TRAINING_MODULE_COMPLETED", p -> "Training module " + p.path("module").asText("?") + " completed"),
      Map.entry("PORTAL_ACCESS_GRANTED", p -> "Portal access granted"),
      Map.entry("PORTAL_USER_INVITED", p -> p.path("username").asText("A colleague") + " invited to the portal"),
      Map.entry("PORTAL_USER_ACTIVATED", p -> p.path("username").asText("A colleague") + " joined the portal"));

  private List<TimelineEntry> timeline(List<LifecycleEvent> history) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (LifecycleEvent e : history) {
      JsonNode payload = payload(e);
      String text = null;
      if (e.getStageTo() != null) {
        text = "Stage: " + e.getStageTo().label();
      } else if (VISIBLE.containsKey(e.getEventType())) {
        text = VISIBLE.get(e.getEventType()).apply(payload);
      } else if ("NOTIFICATION_SENT".equals(e.getEventType())
          && ProfileReview.CORRECTION_TEMPLATE.equals(payload.path("template").asText())) {
        text = "Corrections to the company profile requested";
      }
      if (text != null) {
        entries.add(new TimelineEntry(e.getOccurredAt(), text, e.getEventType().startsWith("PORTAL_USER_")
            ? null // the text names the user already
            : switch (e.getActorType()) {
              case PARTNER_USER -> e.getActor();
              case STAFF -> "Partner team";
              case WORKER, SYSTEM -> null;
            }));
      }
    }
    return entries;
  }

  private JsonNode payload(LifecycleEvent event) {
    try {
      return event.getPayload() == null ? json.createObjectNode() : json.readTree(event.getPayload());
    } catch (JsonProcessingException e) {
      return json.createObjectNode();
    }
  }
}
