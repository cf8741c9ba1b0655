package org.partnerlifecycle.console;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.partnerlifecycle.account.Role;
import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.engine.ProcessInspector;
import org.partnerlifecycle.onboarding.Agreement;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.AgreementSignature;
import org.partnerlifecycle.onboarding.AgreementSignatureRepository;
import org.partnerlifecycle.onboarding.CompanyProfileRepository;
import org.partnerlifecycle.onboarding.PartnerApplication;
import org.partnerlifecycle.onboarding.PartnerApplicationRepository;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.partnerlifecycle.task.form.ProcessModels;
import org.partnerlifecycle.termination.TerminationService;
import org.partnerlifecycle.termination.TerminationTrigger;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everything about one partner on one page, for staff: profile, application, users, agreements with their
 * signatures, where it stands in its processes (since when, moved by whom, under which process version, open
 * tasks, the engine's active elements), its active partnership (certifications, business plans and reviews,
 * scorecards, remediation windows, deal registrations; the latest of each) and its full history. A fixed number
 * of queries, whatever its history. Channel managers terminate the partnership for cause here.
 */
@Controller
class PartnerDetailController {

  static final int TIMELINE_ROWS = 25;
  /** The stages in which there is a partnership to terminate (as TerminationService accepts them). */
  static final Set<LifecycleStage> TERMINABLE = EnumSet.of(LifecycleStage.ACTIVE, LifecycleStage.SUSPENDED);

  private final PartnerRepository partners;
  private final CompanyProfileRepository profiles;
  private final PartnerApplicationRepository applications;
  private final UserAccountRepository accounts;
  private final AgreementRepository agreements;
  private final AgreementSignatureRepository signatures;
  private final LifecycleEventRepository events;
  private final UserTaskRepository tasks;
  private final ProcessInspector engine;
  private final ProcessModels models;
  private final PartnershipRecords partnership;
  private final TerminationService terminations;
  private final Clock clock;

  PartnerDetailController(PartnerRepository partners, CompanyProfileRepository profiles,
      PartnerApplicationRepository applications, UserAccountRepository accounts, AgreementRepository agreements,
      AgreementSignatureRepository signatures, LifecycleEventRepository events, UserTaskRepository tasks,
      ProcessInspector engine, ProcessModels models, PartnershipRecords partnership, TerminationService terminations,
      Clock clock) {
    this.partners = partners;
    this.profiles = profiles;
    this.applications = applications;
    this.accounts = accounts;
    this.agreements = agreements;
    this.signatures = signatures;
    this.events = events;
    this.tasks = tasks;
    this.engine = engine;
    this.models = models;
    this.partnership = partnership;
    this.terminations = terminations;
    this.clock = clock;
  }

  /** One revision of the agreement with the signatures on it. */
  record AgreementView(Agreement agreement, AgreementSignature partnerSignature, AgreementSignature vendorSignature) {}

  /** An element a process instance of the partner is in. */
  record ActiveElementView(long processInstanceKey, String process, int processVersion, String elementId,
      String elementName, String elementType, java.time.Instant since) {}

  /** A history entry with its payload readable. */
  record EventView(LifecycleEvent event, String details) {}

  @GetMapping("/console/partners/{id}")
  @Transactional(readOnly = true)
  String partner(@PathVariable long id, @RequestParam(required = false) Integer page,
      @AuthenticationPrincipal SignedInUser me, Model model) {
    return page(id, page, new ForCauseTermination(), me, model);
  }

  /**
   * A channel manager ends the partnership for cause: validated here (422 with the page and its field errors,
   * nothing stored), then TerminationService records it, audits it with the manager as actor and tells the
   * partner's lifecycle process, which offboards. Only MANAGER reaches this (SecurityConfiguration).
   */
  @PostMapping("/console/partners/{id}/terminate")
  String terminate(@PathVariable long id, @Valid @ModelAttribute("terminationForm") ForCauseTermination form,
      BindingResult binding, @AuthenticationPrincipal SignedInUser me, HttpServletResponse response, Model model,
      RedirectAttributes flash) {
    Partner partner = partners.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No partner with id " + id));
    var onRecord = terminations.find(id);
    if (onRecord.isPresent()) {
      flash.addFlashAttribute("error", "The termination of " + partner.getLegalName() + " is already on record ("
          + onRecord.get().getTrigger().name().toLowerCase().replace('_', ' ') + ", requested by "
          + onRecord.get().getRequestedBy() + "); nothing was changed.");
      return "redirect:/console/partners/" + id + "#termination";
    }
    if (!TERMINABLE.contains(partner.getStage())) {
      return noPartnership(id, "There is no active partnership to terminate: " + partner.getLegalName() + " is "
          + partner.getStage().label() + ".", form, me, response, model);
    }
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return page(id, null, form, me, model);
    }
    try {
      terminations.request(id, TerminationTrigger.FOR_CAUSE, form.getReason(),
          new PartnerService.Actor(ActorType.STAFF, me.getUsername()), ProcessRef.NONE);
    } catch (StepNotAvailable e) {
      // the partnership ended (or never started) between the check and now
      return noPartnership(id, e.getMessage(), form, me, response, model);
    }
    flash.addFlashAttribute("message", "Termination for cause of " + partner.getLegalName() + " recorded; its"
        + " lifecycle process now ends the partnership and offboards it.");
    return "redirect:/console/partners/" + id + "#termination";
  }

  private String noPartnership(long id, String message, ForCauseTermination form, SignedInUser me,
      HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.CONFLICT.value());
    model.addAttribute("error", message + " Nothing was recorded.");
    return page(id, null, form, me, model);
  }

  private String page(long id, Integer page, ForCauseTermination terminationForm, SignedInUser me, Model model) {
    Partner partner = partners.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No partner with id " + id));
    model.addAttribute("partner", partner);
    model.addAttribute("now", clock.instant());
    model.addAttribute("profile", profiles.findById(id).orElse(null));
    var application = applications.findByPartnerId(id);
    model.addAttribute("partnerApplication", application.orElse(null));
    model.addAttribute("users", accounts.findByPartnerIdOrderByUsername(id));
    model.addAttribute("agreements", agreementViews(id));

    // where it is: the stage change that put it there, its open tasks, the engine's view of its instances
    model.addAttribute("movedBy",
        events.findFirstByPartnerIdAndEventTypeOrderByOccurredAtDescIdDesc(id, PartnerService.STAGE_CHANGED)
            .orElse(null));
    List<UserTask> openTasks = tasks.findByPartnerIdAndStateInOrderByCreatedAtAsc(id,
        List.of(TaskState.OPEN, TaskState.ASSIGNED));
    model.addAttribute("openTasks", openTasks);
    model.addAttribute("myTaskKeys", openTasks.stream()
        .filter(t -> me.mayWork(t.getCandidateGroups(), t.getAssignee()))
        .map(UserTask::getUserTaskKey).collect(Collectors.toSet()));
    model.addAttribute("engineVisible", engine.available());
    model.addAttribute("activeElements", activeElements(id, application.orElse(null), openTasks));

    var timeline = events.findByPartnerId(id, PageRequest.of(Pager.page(page), TIMELINE_ROWS,
        Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"))));
    model.addAttribute("timeline", timeline.getContent().stream()
        .map(e -> new EventView(e, Payloads.summary(e.getPayload()))).toList());
    model.addAttribute("timelinePage", timeline);
    model.addAttribute("models", models);

    PartnershipRecords.Records records = partnership.of(id);
    model.addAttribute("records", records);
    model.addAttribute("mayTerminate", me.getRole() == Role.MANAGER);
    model.addAttribute("terminable", TERMINABLE.contains(partner.getStage()));
    model.addAttribute("terminationForm", terminationForm);
    return "console/partner";
  }

  private List<AgreementView> agreementViews(long partnerId) {
    List<Agreement> revisions = agreements.findByPartnerIdOrderByRevisionAsc(partnerId);
    if (revisions.isEmpty()) {
      return List.of();
    }
    Map<Long, List<AgreementSignature>> signed = signatures.findByAgreementIdIn(
        revisions.stream().map(Agreement::getId).toList()).stream()
        .collect(Collectors.groupingBy(AgreementSignature::getAgreementId));
    List<AgreementView> views = new ArrayList<>();
    for (Agreement revision : revisions.reversed()) {
      List<AgreementSignature> onIt = signed.getOrDefault(revision.getId(), List.of());
      views.add(new AgreementView(revision, party(onIt, AgreementSignature.Party.PARTNER),
          party(onIt, AgreementSignature.Party.VENDOR)));
    }
    return views;
  }

  private static AgreementSignature party(List<AgreementSignature> signatures, AgreementSignature.Party party) {
    return signatures.stream().filter(s -> s.getParty() == party).findFirst().orElse(null);
  }

  /** On the embedded runtime: the elements the partner's process instances are in now. */
  private List<ActiveElementView> activeElements(long partnerId, PartnerApplication application,
      List<UserTask> openTasks) {
    if (!engine.available()) {
      return List.of();
    }
    Set<Long> instances = new LinkedHashSet<>();
    if (application != null && application.getProcessInstanceKey() != null) {
      // the partner's lifecycle instance and the processes it called (onboarding, partnership ...)
      instances.addAll(new TreeSet<>(engine.instanceTree(application.getProcessInstanceKey())));
    }
    openTasks.forEach(t -> instances.add(t.getProcessInstanceKey()));
    instances.addAll(events.processInstanceKeysOf(partnerId));
    List<ActiveElementView> views = new ArrayList<>();
    for (long instance : instances) {
      engine.activeElements(instance).forEach(e -> views.add(new ActiveElementView(instance,
          models.processName(e.bpmnProcessId()), e.processVersion(), e.elementId(),
          models.elementName(e.bpmnProcessId(), e.elementId()), e.elementType(), e.since())));
    }
    return views;
  }
}
