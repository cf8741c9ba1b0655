package org.partnerlifecycle.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.partnerlifecycle.account.Role;
import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.account.TaskGroups;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.engine.CamundaRuntime;
import org.partnerlifecycle.engine.ProcessInspector;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.partnerlifecycle.task.UserTaskService;
import org.partnerlifecycle.task.form.FormCatalog;
import org.partnerlifecycle.task.form.FormSchema;
import org.partnerlifecycle.task.form.ProcessModels;
import org.partnerlifecycle.task.form.TaskFormProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task console: the stand-in for Camunda Tasklist on the embedded runtime. Open user tasks from the
 * projection; claim, unassign, assign; complete by filling the task's Camunda Form, rendered and validated here.
 * Against a cluster it lists the tasks and links each to Tasklist, where they are worked. A staff user sees and
 * works only the tasks of their candidate groups ({@link TaskGroups}) and those assigned to them; any other task
 * is refused with 403 and says whose it is.
 */
@Controller
class TaskConsoleController {

  private static final Logger log = LoggerFactory.getLogger(TaskConsoleController.class);
  static final String TASK_COMPLETED = "USER_TASK_COMPLETED";
  private static final List<TaskState> OPEN = List.of(TaskState.OPEN, TaskState.ASSIGNED);
  private static final int PAGE_ROWS = 25;

  private final UserTaskRepository tasks;
  private final UserTaskService userTasks;
  private final PartnerRepository partners;
  private final PartnerService partnerService;
  private final UserAccountRepository accounts;
  private final FormCatalog forms;
  private final TaskFormProcessor processor;
  private final ProcessModels models;
  private final ProcessInspector engine;
  private final CamundaRuntime runtime;
  private final Clock clock;
  private final String tasklistUrl;

  TaskConsoleController(UserTaskRepository tasks, UserTaskService userTasks, PartnerRepository partners,
      PartnerService partnerService, UserAccountRepository accounts, FormCatalog forms, TaskFormProcessor processor,
      ProcessModels models, ProcessInspector engine, CamundaRuntime runtime, Clock clock,
      @Value("${partner.tasklist-url:}") String tasklistUrl) {
    this.tasks = tasks;
    this.userTasks = userTasks;
    this.partners = partners;
    this.partnerService = partnerService;
    this.accounts = accounts;
    this.forms = forms;
    this.processor = processor;
    this.models = models;
    this.engine = engine;
    this.runtime = runtime;
    this.clock = clock;
    this.tasklistUrl = tasklistUrl.endsWith("/") ? tasklistUrl.substring(0, tasklistUrl.length() - 1) : tasklistUrl;
  }

  /** A task as the list and the form page show it. */
  record TaskView(UserTask task, String name, String process, Long partnerId, String partnerName, boolean overdue,
      String tasklistLink) {}

  @GetMapping("/console/tasks")
  String list(@RequestParam(required = false) String group, @RequestParam(required = false) String assignee,
      @RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) Integer page,
      @AuthenticationPrincipal SignedInUser me, HttpServletRequest request, Model model) {
    String groupFilter = group == null || group.isBlank() ? null : group.strip();
    String assigneeFilter = mine ? me.getUsername() : assignee == null || assignee.isBlank() ? null : assignee.strip();
    TaskGroups myGroups = me.getTaskGroups();
    var result = tasks.findAll(TaskSearch.of(OPEN, assigneeFilter, groupFilter, me.getUsername(), myGroups),
        PageRequest.of(Pager.page(page), PAGE_ROWS, Sort.by("createdAt", "userTaskKey")));
    model.addAttribute("tasks", views(result.getContent()));
    model.addAttribute("pager", Pager.of(request, "page", result.getNumber(), PAGE_ROWS, result.getTotalElements()));
    Set<String> groups = new TreeSet<>();
    tasks.candidateGroupsIn(OPEN).forEach(g -> TaskGroups.parse(g).stream()
        .filter(one -> myGroups.everyGroup() || myGroups.groups().contains(one)).forEach(groups::add));
    model.addAttribute("groups", groups);
    model.addAttribute("myGroups", myGroups);
    model.addAttribute("group", groupFilter);
    model.addAttribute("assignee", mine ? "" : assigneeFilter);
    model.addAttribute("mine", mine);
    addRuntime(model);
    return "console/tasks";
  }

  @GetMapping("/console/tasks/{key}")
  String task(@PathVariable long key, @AuthenticationPrincipal SignedInUser me, Model model) {
    UserTask task = ours(find(key), me);
    FormSchema form = formOf(task);
    Map<String, Object> variables = variables(task);
    showTask(model, task, form, processor.initialInput(form, variables), Map.of(), variables, me);
    return "console/task";
  }

  @PostMapping("/console/tasks/{key}/claim")
  String claim(@PathVariable long key, @RequestParam(defaultValue = "task") String returnTo,
      @AuthenticationPrincipal SignedInUser me, RedirectAttributes flash) {
    UserTask task = workable(key, me);
    return command(task, returnTo, flash, "Assigned to you.", () -> userTasks.assign(key, me.getUsername()));
  }

  @PostMapping("/console/tasks/{key}/unassign")
  String unassign(@PathVariable long key, @RequestParam(defaultValue = "task") String returnTo,
      @AuthenticationPrincipal SignedInUser me, RedirectAttributes flash) {
    UserTask task = workable(key, me);
    return command(task, returnTo, flash, "Unassigned: the task is back with its group.", () -> userTasks.unassign(key));
  }

  @PostMapping("/console/tasks/{key}/assign")
  String assign(@PathVariable long key, @RequestParam(required = false) String assignee,
      @RequestParam(defaultValue = "task") String returnTo, @AuthenticationPrincipal SignedInUser me,
      RedirectAttributes flash) {
    UserTask task = workable(key, me);
    String username = assignee == null ? "" : assignee.strip().toLowerCase();
    var staff = staffUsers().stream().filter(u -> u.getUsername().equals(username)).findFirst();
    if (staff.isEmpty()) {
      flash.addFlashAttribute("error", username.isEmpty() ? "Choose whom to assign the task to."
          : "\"" + username + "\" is no active staff user; choose one from the list.");
      return back(task, returnTo);
    }
    if (!staff.get().taskGroupMembership().includes(task.getCandidateGroups())) {
      flash.addFlashAttribute("error", "\"" + username + "\" is in none of the task's groups ("
          + task.getCandidateGroups() + "); choose one from the list.");
      return back(task, returnTo);
    }
    return command(task, returnTo, flash, "Assigned to " + username + ".", () -> userTasks.assign(key, username));
  }

  @PostMapping("/console/tasks/{key}/complete")
  String complete(@PathVariable long key, @RequestParam MultiValueMap<String, String> input,
      @AuthenticationPrincipal SignedInUser me, Model model, HttpServletResponse response, RedirectAttributes flash) {
    UserTask task = workable(key, me);
    FormSchema form = formOf(task);
    Map<String, Object> variables = variables(task);
    if (!me.getUsername().equals(task.getAssignee())) {
      model.addAttribute("error", "Assign the task to yourself before completing it.");
      return rejected(model, response, task, form, input, Map.of(), variables, me);
    }
    var outcome = processor.submit(form, input, variables);
    if (!outcome.valid()) {
      model.addAttribute("error", "Some fields need your attention.");
      return rejected(model, response, task, form, input, outcome.errors(), variables, me);
    }
    try {
      userTasks.complete(key, outcome.variables());
    } catch (RuntimeException e) {
      log.warn("completing user task {} failed", key, e);
      model.addAttribute("error", "The engine did not complete the task: " + e.getMessage());
      return rejected(model, response, task, form, input, Map.of(), variables, me);
    }
    recordCompletion(task, me, outcome.variables());
    TaskView view = views(List.of(task)).get(0);
    flash.addFlashAttribute("message", "Completed \"" + view.name() + "\""
        + (view.partnerName() == null ? "" : " for " + view.partnerName()) + ".");
    return "redirect:/console/tasks";
  }

  // --- helpers

  private String rejected(Model model, HttpServletResponse response, UserTask task, FormSchema form,
      MultiValueMap<String, String> input, Map<String, String> errors, Map<String, Object> variables,
      SignedInUser me) {
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    showTask(model, task, form, input, errors, variables, me);
    return "console/task";
  }

  private void showTask(Model model, UserTask task, FormSchema form, Map<String, List<String>> input,
      Map<String, String> errors, Map<String, Object> variables, SignedInUser me) {
    model.addAttribute("view", views(List.of(task)).get(0));
    model.addAttribute("fields", processor.render(form, input, errors, variables));
    model.addAttribute("hasForm", !form.components().isEmpty());
    model.addAttribute("mine", me.getUsername().equals(task.getAssignee()));
    model.addAttribute("staff", staffUsers().stream()
        .filter(u -> u.taskGroupMembership().includes(task.getCandidateGroups())).toList());
    model.addAttribute("variablesKnown", engine.available());
    addRuntime(model);
  }

  /** The audit log says who completed which task with what decision, next to what the process did with it. */
  private void recordCompletion(UserTask task, SignedInUser me, Map<String, Object> submitted) {
    if (task.getPartnerId() == null || !partners.existsById(task.getPartnerId())) {
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("task", models.elementName(task.getBpmnProcessId(), task.getElementId()));
    details.put("userTaskKey", task.getUserTaskKey());
    submitted.forEach((name, value) -> details.put(name, value == null ? "" : value));
    try {
      partnerService.recordEvent(task.getPartnerId(), TASK_COMPLETED, new PartnerService.Actor(ActorType.STAFF,
          me.getUsername()), new ProcessRef(task.getProcessInstanceKey(), task.getBpmnProcessId(),
          task.getProcessVersion(), task.getElementId()), details, "user-task-completed-" + task.getUserTaskKey());
    } catch (RuntimeException e) {
      // the engine has completed the task; a failed audit write must not pretend it did not
      log.error("user task {} completed by {}, but its audit event could not be written", task.getUserTaskKey(),
          me.getUsername(), e);
    }
  }

  private String command(UserTask task, String returnTo, RedirectAttributes flash, String done, Runnable command) {
    try {
      command.run();
      flash.addFlashAttribute("message", done);
    } catch (RuntimeException e) {
      log.warn("user task command on {} failed", task.getUserTaskKey(), e);
      flash.addFlashAttribute("error", "The engine refused: " + e.getMessage());
    }
    return back(task, returnTo);
  }

  private static String back(UserTask task, String returnTo) {
    return "list".equals(returnTo) ? "redirect:/console/tasks" : "redirect:/console/tasks/" + task.getUserTaskKey();
  }

  private UserTask find(long key) {
    return tasks.findById(key)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No user task with key " + key));
  }

  /** A task the console may act on: it exists, is open, is the user's, and the runtime is the embedded one. */
  private UserTask workable(long key, SignedInUser me) {
    if (runtime != CamundaRuntime.EMBEDDED) {
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "Against a Camunda cluster, user tasks are worked in Camunda Tasklist.");
    }
    UserTask task = find(key);
    if (task.getState().isEnded()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "This task is already " + task.getState().name()
          .toLowerCase() + ".");
    }
    return ours(task, me);
  }

  /** The task, if it is offered to one of the user's groups or assigned to them; refused otherwise. */
  private UserTask ours(UserTask task, SignedInUser me) {
    if (me.mayWork(task.getCandidateGroups(), task.getAssignee())) {
      return task;
    }
    throw new NotYourGroupsTask("\"" + models.elementName(task.getBpmnProcessId(), task.getElementId())
        + "\" is a task for " + String.join(", ", TaskGroups.parse(task.getCandidateGroups()))
        + ". You work the tasks of " + me.getTaskGroups() + ", and those assigned to you.");
  }

  /** A task of groups the user is not in. */
  static class NotYourGroupsTask extends RuntimeException {
    NotYourGroupsTask(String message) {
      super(message);
    }
  }

  @ExceptionHandler(NotYourGroupsTask.class)
  String notYourGroups(NotYourGroupsTask e, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    model.addAttribute("title", "Not a task of your groups");
    model.addAttribute("messages", List.of(e.getMessage()));
    return "problem";
  }

  private FormSchema formOf(UserTask task) {
    return forms.forTask(task.getBpmnProcessId(), task.getElementId()).orElse(FormSchema.none());
  }

  private Map<String, Object> variables(UserTask task) {
    return new HashMap<>(engine.variables(task.getProcessInstanceKey()));
  }

  private List<UserAccount> staffUsers() {
    return accounts.findByRoleInAndEnabledTrueOrderByUsername(List.of(Role.OPS, Role.MANAGER, Role.ADMIN));
  }

  /** Task rows with their partner names, read in one query for the whole page. */
  private List<TaskView> views(List<UserTask> page) {
    var partnerIds = page.stream().map(UserTask::getPartnerId).filter(java.util.Objects::nonNull).distinct().toList();
    Map<Long, String> names = partnerIds.isEmpty() ? Map.of() : partners.findAllById(partnerIds).stream()
        .collect(Collectors.toMap(Partner::getId, Partner::getLegalName, (a, b) -> a));
    var now = clock.instant();
    return page.stream().map(t -> new TaskView(t, models.elementName(t.getBpmnProcessId(), t.getElementId()),
        models.processName(t.getBpmnProcessId()), t.getPartnerId(),
        t.getPartnerId() == null ? null : names.get(t.getPartnerId()),
        t.getDueDate() != null && t.getDueDate().isBefore(now) && !t.getState().isEnded(),
        tasklistUrl.isEmpty() ? null : tasklistUrl + "/" + t.getUserTaskKey())).toList();
  }

  private void addRuntime(Model model) {
    model.addAttribute("embedded", runtime == CamundaRuntime.EMBEDDED);
    model.addAttribute("tasklistUrl", tasklistUrl.isEmpty() ? null : tasklistUrl);
  }
}
