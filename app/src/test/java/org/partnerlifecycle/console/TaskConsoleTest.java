package org.partnerlifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.account.Role;
import org.partnerlifecycle.account.TaskGroups;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.deal.CustomerContract;
import org.partnerlifecycle.deal.CustomerContractRepository;
import org.partnerlifecycle.deal.DealForm;
import org.partnerlifecycle.deal.DealRegistration;
import org.partnerlifecycle.deal.DealRegistrationRepository;
import org.partnerlifecycle.deal.DealRegistrationService;
import org.partnerlifecycle.engine.EmbeddedEngine;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.onboarding.Agreement;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.ApplicationForm;
import org.partnerlifecycle.onboarding.ApplicationService;
import org.partnerlifecycle.onboarding.PartnerSteps;
import org.partnerlifecycle.onboarding.ProfileForm;
import org.partnerlifecycle.onboarding.TestPartners;
import org.partnerlifecycle.onboarding.TrainingAssignmentRepository;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.partnerlifecycle.task.UserTaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The task console on the real engine: a partner goes from application to ACTIVE while ops and a manager work
 * every user task of the onboarding process (ReviewApplication, CountersignAgreement, VerifyDocuments,
 * ScheduleKickoff) through its Camunda Form in the console, including invalid input first.
 *
 * <p>In the console's own application context, not the shared one: the partners it takes to ACTIVE keep their
 * lifecycles running, and tests that move the shared engine's clock by months should not wait on their
 * evaluations and renewals.
 */
@ConsoleServerTest
class TaskConsoleTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired org.partnerlifecycle.document.PartnerDocuments documents;
  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired ApplicationService applications;
  @Autowired PartnerSteps steps;
  @Autowired PartnerRepository partners;
  @Autowired UserTaskRepository tasks;
  @Autowired EmbeddedEngine engine;
  @Autowired AgreementRepository agreements;
  @Autowired TrainingAssignmentRepository training;
  @Autowired LifecycleEventRepository events;
  @Autowired TestPartners testPartners;
  @Autowired DealRegistrationService registrations;
  @Autowired DealRegistrationRepository deals;
  @Autowired CustomerContractRepository contracts;
  @Autowired UserAccountRepository accounts;
  @Autowired UserTaskService userTasks;
  /** The app's clock: on the embedded runtime the engine's, which other tests in this context may have moved. */
  @Autowired Clock clock;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  /** Routes to review (fit score 40..69): a system integrator with 300,000 revenue, 30 customers, 1 certification. */
  static ApplicationForm reviewApplication(String name, String email) {
    return new ApplicationForm(name, "NL", Segment.SYSTEM_INTEGRATOR, List.of("Benelux"), List.of("Data platforms"),
        30, 1, new BigDecimal("300000"), "We build data platforms for logistics companies.", "Ruud Jansen", email);
  }

  @Test
  void everyOnboardingUserTaskIsWorkedInTheConsoleWithItsForm() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String email = "ruud-" + suffix + "@dataflow.example";
    var application = applications.submit(reviewApplication("Dataflow Integratie " + suffix + " B.V.", email),
        Actor.system());
    long partnerId = application.getPartnerId();
    long instance = application.getProcessInstanceKey();

    // ReviewApplication: the form shows the application, and needs the task assigned and a reason
    UserTask review = awaitOpenTask(instance, "ReviewApplication");
    mvc.perform(get("/console/tasks/" + review.getUserTaskKey()).with(as("ops")))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Review application"),
            containsString("Dataflow Integratie " + suffix), containsString("of 100: Partly matches the ideal partner profile: needs a review"),
            containsString("Regions: Benelux"), containsString("Assign the task to yourself to complete it"),
            containsString("<fieldset role=\"radiogroup\" aria-required=\"true\" aria-invalid=\"false\""))));
    mvc.perform(get("/console/partners/" + partnerId).with(as("manager")))
        .andExpect(content().string(allOf(containsString("id=\"open-tasks\""), containsString("ReviewApplication"),
            containsString("id=\"active-elements\""), containsString("user task"))));

    complete(review, "ops", "reviewDecision", "qualify", "reviewReason", "Strong data practice")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("Assign the task to yourself before completing it.")));
    claim(review, "ops");
    assertThat(tasks.findById(review.getUserTaskKey()).orElseThrow().getAssignee()).isEqualTo("ops");
    complete(review, "ops", "reviewDecision", "qualify", "reviewReason", "")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("Reason is required."),
            matchesPattern(Pattern.compile("(?s).*value=\"qualify\"\\s+checked.*")))));
    complete(review, "ops", "reviewDecision", "qualify", "reviewReason", "Strong data practice")
        .andExpect(redirectedUrl("/console/tasks"))
        .andExpect(flash().attribute("message", "Completed \"Review application\" for Dataflow Integratie "
            + suffix + " B.V.."));
    awaitStage(partnerId, LifecycleStage.BRIEFED);
    LifecycleEvent reviewed = events.findFirstByPartnerIdAndEventTypeOrderByOccurredAtDescIdDesc(partnerId,
        TaskConsoleController.TASK_COMPLETED).orElseThrow();
    assertThat(reviewed.getActorType()).isEqualTo(ActorType.STAFF);
    assertThat(reviewed.getActor()).isEqualTo("ops");
    assertThat(reviewed.getElementId()).isEqualTo("ReviewApplication");
    assertThat(reviewed.getProcessVersion()).isPositive();
    assertThat(reviewed.getPayload()).contains("\"reviewDecision\":\"qualify\"", "Strong data practice");

    // CountersignAgreement: a manager sends revision 1 back, then countersigns revision 2
    steps.acknowledgeBrief(partnerId, email);
    awaitStage(partnerId, LifecycleStage.AGREEMENT);
    signLatestAgreement(partnerId, email);
    UserTask countersign = awaitOpenTask(instance, "CountersignAgreement");
    claim(countersign, "manager");
    complete(countersign, "manager", "countersignDecision", "reject")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("Changes requested is required.")));
    complete(countersign, "manager", "countersignDecision", "reject", "requestedChanges", "Territory: add DACH")
        .andExpect(redirectedUrl("/console/tasks"));
    EngineRecords.await(() -> agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId)
        .filter(a -> a.getRevision() == 2), WAIT, "revision 2");
    signLatestAgreement(partnerId, email);
    UserTask countersignAgain = awaitOpenTask(instance, "CountersignAgreement");
    claim(countersignAgain, "manager");
    complete(countersignAgain, "manager", "countersignDecision", "approve", "requestedChanges", "ignored when hidden")
        .andExpect(redirectedUrl("/console/tasks"));
    awaitStage(partnerId, LifecycleStage.ONBOARDING);

    // VerifyDocuments: an admin assigns it to ops by name, ops approves
    documents.upload(partnerId, org.partnerlifecycle.document.DocumentKind.TAX_CERTIFICATE, "tax.pdf",
        new java.io.ByteArrayInputStream("%PDF-1.7 tax".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), email);
    steps.submitProfile(partnerId, new ProfileForm("Keizersgracht 1, Amsterdam", "NL123456789B01",
        "Dataflow Integratie B.V.", "NL91 ABNA 0417 1643 00", "https://dataflow.example", 12), email);
    UserTask verify = awaitOpenTask(instance, "VerifyDocuments");
    mvc.perform(post("/console/tasks/" + verify.getUserTaskKey() + "/assign").param("assignee", "nobody-here")
            .with(as("admin")).with(csrf()))
        .andExpect(flash().attribute("error", "\"nobody-here\" is no active staff user; choose one from the list."));
    mvc.perform(post("/console/tasks/" + verify.getUserTaskKey() + "/assign").param("assignee", "ops")
            .with(as("admin")).with(csrf()))
        .andExpect(flash().attribute("message", "Assigned to ops."));
    complete(verify, "ops", "documentsDecision", "approve").andExpect(redirectedUrl("/console/tasks"));

    // ScheduleKickoff: a date in the past is refused, a future one is sent as a UTC date-time
    UserTask kickoff = awaitOpenTask(instance, "ScheduleKickoff");
    claim(kickoff, "ops");
    mvc.perform(post("/console/tasks/" + kickoff.getUserTaskKey() + "/unassign").with(as("ops")).with(csrf()))
        .andExpect(flash().attribute("message", "Unassigned: the task is back with its group."));
    assertThat(tasks.findById(kickoff.getUserTaskKey()).orElseThrow().getAssignee()).isNull();
    claim(kickoff, "ops");
    String nextWeek = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(7).toString();
    complete(kickoff, "ops", "kickoffAt__date", "2020-01-01", "kickoffAt__time", "10:00")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("Choose a date that is not in the past.")));
    complete(kickoff, "ops", "kickoffAt__date", nextWeek, "kickoffAt__time", "10:00", "kickoffNotes", "Video call")
        .andExpect(redirectedUrl("/console/tasks"));
    LifecycleEvent scheduled = EngineRecords.await(() -> events.findFirstByPartnerIdAndEventTypeOrderByOccurredAtDescIdDesc(
        partnerId, TaskConsoleController.TASK_COMPLETED).filter(e -> "ScheduleKickoff".equals(e.getElementId())),
        WAIT, "kickoff audit event");
    assertThat(scheduled.getPayload()).contains("\"kickoffAt\":\"" + nextWeek + "T10:00+00:00\"");

    var modules = EngineRecords.await(() -> Optional.of(training.findByPartnerIdOrderByModuleCode(partnerId))
        .filter(m -> !m.isEmpty()), WAIT, "training");
    modules.forEach(m -> steps.completeTrainingModule(partnerId, m.getModuleCode(), email));
    awaitStage(partnerId, LifecycleStage.ACTIVE);

    // the ended task cannot be worked again
    mvc.perform(post("/console/tasks/" + kickoff.getUserTaskKey() + "/complete").with(as("ops")).with(csrf()))
        .andExpect(status().isConflict());

    // the partner's page tells the whole story
    String page = mvc.perform(get("/console/partners/" + partnerId).with(as("manager")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    List<Agreement> revisions = agreements.findByPartnerIdOrderByRevisionAsc(partnerId);
    assertThat(revisions).extracting(Agreement::getStatus)
        .containsExactly(Agreement.Status.SUPERSEDED, Agreement.Status.ACTIVE);
    assertThat(page).contains(revisions.get(0).getDocumentSha256(), revisions.get(1).getDocumentSha256(),
        "superseded", "Ruud Jansen", "signed this exact text", "Changes requested: Territory: add DACH",
        "NL91 •••• 4300", "partner-activate", "partner-onboarding", "USER_TASK_COMPLETED", "countersignDecision: approve");
    assertThat(page).doesNotContain("NL91ABNA0417164300");
    mvc.perform(get("/console/partners/" + partnerId).with(as("manager")))
        .andExpect(content().string(not(containsString("id=\"open-tasks\""))));
  }

  @Test
  void theTaskListFiltersByGroupAssigneeAndMine() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    var application = applications.submit(reviewApplication("Filterbar " + suffix + " B.V.", "f-" + suffix + "@x.example"),
        Actor.system());
    UserTask review = awaitOpenTask(application.getProcessInstanceKey(), "ReviewApplication");
    String name = "Filterbar " + suffix;

    mvc.perform(get("/console/tasks").param("group", "channel-ops").with(as("ops")))
        .andExpect(content().string(containsString(name)));
    mvc.perform(get("/console/tasks").param("group", "channel-legal").with(as("ops")))
        .andExpect(content().string(not(containsString(name))));
    mvc.perform(get("/console/tasks").param("group", "ops").with(as("ops")))
        .andExpect(content().string(not(containsString(name))));
    claim(review, "manager");
    mvc.perform(get("/console/tasks").param("mine", "true").with(as("manager")))
        .andExpect(content().string(containsString(name)));
    mvc.perform(get("/console/tasks").param("mine", "true").with(as("ops")))
        .andExpect(content().string(not(containsString(name))));
    mvc.perform(get("/console/tasks").param("assignee", "manager").with(as("ops")))
        .andExpect(content().string(containsString(name)));
  }

  @Test
  void staffWorkOnlyTheTasksOfTheirGroupsAndThoseAssignedToThem() throws Exception {
    // a deal on a customer whose contract another partner holds goes to a channel manager's review
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long incumbent = testPartners.active("Incumbent " + suffix, Segment.RESELLER);
    long challenger = testPartners.active("Challenger " + suffix, Segment.RESELLER);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    String customer = "Loyal Customer " + suffix;
    contracts.save(new CustomerContract(customer, null, null, "DE", "Analytics", new BigDecimal("50000"), incumbent,
        today.plusYears(1)));
    DealRegistration deal = registrations.register(challenger, new DealForm(customer, null, null, "DE", "Analytics",
        new BigDecimal("120000"), today.plusMonths(3), null), "pat");
    UserTask review = awaitOpenTask(deal.getProcessInstanceKey(), "ReviewDealConflict");
    assertThat(review.getCandidateGroups()).isEqualTo(TaskGroups.MANAGERS);
    String task = "/console/tasks/" + review.getUserTaskKey();
    String partner = "Challenger " + suffix;

    // ops (channel-ops) neither see it nor open, claim or complete it: 403 with whose task it is
    mvc.perform(get("/console/tasks").param("group", TaskGroups.MANAGERS).with(as("ops")))
        .andExpect(content().string(allOf(not(containsString(partner)),
            containsString("<strong>channel-ops</strong> and those assigned to you"))));
    mvc.perform(get(task).with(as("ops")))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("&quot;Review channel conflict&quot; is a task for channel-managers."
            + " You work the tasks of channel-ops, and those assigned to you.")));
    for (String action : List.of("/claim", "/unassign", "/complete")) {
      mvc.perform(post(task + action).with(as("ops")).with(csrf())).andExpect(status().isForbidden());
    }
    assertThat(tasks.findById(review.getUserTaskKey()).orElseThrow().getAssignee()).isNull();

    // managers (channel-managers) do; they cannot hand it to someone outside its group
    mvc.perform(get("/console/tasks").param("group", TaskGroups.MANAGERS).with(as("manager")))
        .andExpect(content().string(containsString(partner)));
    mvc.perform(get(task).with(as("manager")))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("<option value=\"manager\""),
            not(containsString("<option value=\"ops\"")))));
    mvc.perform(post(task + "/assign").param("assignee", "ops").with(as("manager")).with(csrf()))
        .andExpect(flash().attribute("error", "\"ops\" is in none of the task's groups (channel-managers); choose"
            + " one from the list."));
    assertThat(tasks.findById(review.getUserTaskKey()).orElseThrow().getAssignee()).isNull();

    // an ops lead whose account names channel-managers works it too
    String lead = "lead-" + suffix;
    UserAccount account = UserAccount.staff(lead, "Ops Lead", lead + "@vendor.example", Role.OPS, clock.instant());
    account.setTaskGroups(List.of(TaskGroups.MANAGERS));
    account.activate("{noop}unused");
    accounts.save(account);
    mvc.perform(get("/console/tasks").param("group", TaskGroups.MANAGERS).with(as(lead)))
        .andExpect(content().string(containsString(partner)));
    claim(review, lead);

    // assigned to ops elsewhere (as in Tasklist), it is theirs to see and work until it is unassigned
    userTasks.assign(review.getUserTaskKey(), "ops");
    EngineRecords.await(() -> tasks.findById(review.getUserTaskKey()).filter(t -> "ops".equals(t.getAssignee())),
        WAIT, "task assigned to ops");
    mvc.perform(get("/console/tasks").param("mine", "true").with(as("ops")))
        .andExpect(content().string(containsString(partner)));
    mvc.perform(get(task).with(as("ops"))).andExpect(status().isOk());
    mvc.perform(post(task + "/unassign").with(as("ops")).with(csrf()))
        .andExpect(flash().attribute("message", "Unassigned: the task is back with its group."));
    EngineRecords.await(() -> tasks.findById(review.getUserTaskKey()).filter(t -> t.getAssignee() == null),
        WAIT, "task unassigned");
    mvc.perform(get(task).with(as("ops"))).andExpect(status().isForbidden());

    // the manager decides it through its form
    claim(review, "manager");
    complete(review, "manager", "dealDecision", "reject", "dealDecisionReason", "Incumbent keeps the account")
        .andExpect(redirectedUrl("/console/tasks"));
    EngineRecords.await(() -> deals.findById(deal.getId()).filter(d -> d.getStatus() == DealRegistration.Status.REJECTED),
        WAIT, "deal rejected by the manager");
  }

  private void signLatestAgreement(long partnerId, String email) {
    Agreement latest = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
    steps.signAgreement(partnerId, "Ruud Jansen", true, latest.getDocumentSha256(), "198.51.100.4", email);
  }

  private void claim(UserTask task, String username) throws Exception {
    mvc.perform(post("/console/tasks/" + task.getUserTaskKey() + "/claim").with(as(username)).with(csrf()))
        .andExpect(redirectedUrl("/console/tasks/" + task.getUserTaskKey()))
        .andExpect(flash().attribute("message", "Assigned to you."));
  }

  private org.springframework.test.web.servlet.ResultActions complete(UserTask task, String username, String... params)
      throws Exception {
    var request = post("/console/tasks/" + task.getUserTaskKey() + "/complete").with(as(username)).with(csrf());
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return mvc.perform(request);
  }

  /**
   * The open task at an element, once the engine has created it: the projection row appears while the task is
   * still CREATING (its creating listener writes it), when the engine refuses commands on it.
   */
  private UserTask awaitOpenTask(long instance, String elementId) {
    long key = new EngineRecords(engine).awaitUserTask(instance, elementId, WAIT).getUserTaskKey();
    return EngineRecords.await(() -> tasks.findById(key), WAIT, "projected task " + elementId);
  }

  private void awaitStage(long partnerId, LifecycleStage stage) {
    EngineRecords.await(() -> partners.findById(partnerId).filter(p -> p.getStage() == stage), WAIT,
        "partner " + partnerId + " in stage " + stage);
  }
}
