package org.partnerlifecycle;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.notification.Notification;
import org.partnerlifecycle.notification.NotificationRepository;
import org.partnerlifecycle.onboarding.ApplicationForm;
import org.partnerlifecycle.onboarding.ApplicationService;
import org.partnerlifecycle.onboarding.PartnerApplication;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.partnerlifecycle.task.UserTaskService;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Test helpers for the portal: partners with signed-in users, applications walked through the real process,
 * ops tasks completed, mailed links read from the outbox. Imported into the application context by tests.
 */
@Component
public class PortalFixtures {

  public static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final Pattern LINK = Pattern.compile("https?://\\S+/account/password\\?token=([A-Za-z0-9_-]+)");

  public record PartnerUser(long partnerId, String username, String password) {}

  private final PartnerService partnerService;
  private final PartnerRepository partners;
  private final UserAccountRepository accounts;
  private final PasswordEncoder passwords;
  private final ApplicationService applications;
  private final NotificationRepository outbox;
  private final UserTaskRepository tasks;
  private final UserTaskService userTasks;
  private final org.partnerlifecycle.audit.LifecycleEventRepository events;
  private final org.partnerlifecycle.engine.EmbeddedEngine engine;

  PortalFixtures(PartnerService partnerService, PartnerRepository partners, UserAccountRepository accounts,
      PasswordEncoder passwords, ApplicationService applications, NotificationRepository outbox,
      UserTaskRepository tasks, UserTaskService userTasks, org.partnerlifecycle.audit.LifecycleEventRepository events,
      org.partnerlifecycle.engine.EmbeddedEngine engine) {
    this.partnerService = partnerService;
    this.partners = partners;
    this.accounts = accounts;
    this.passwords = passwords;
    this.applications = applications;
    this.outbox = outbox;
    this.tasks = tasks;
    this.userTasks = userTasks;
    this.events = events;
    this.engine = engine;
  }

  public static int next() {
    return SEQUENCE.incrementAndGet();
  }

  /** A partner registered directly (no process) in the given stage, with an active partner-admin user. */
  public PartnerUser partnerWithUser(String legalName, LifecycleStage stage) {
    long partnerId = partnerService.register(legalName, "NL", "EMEA", Segment.RESELLER, List.of("ERP"),
        Actor.system()).getId();
    if (stage != LifecycleStage.APPLIED) {
      partnerService.moveToStage(partnerId, stage, Actor.system(), org.partnerlifecycle.audit.ProcessRef.NONE,
          Map.of(), null);
    }
    return new PartnerUser(partnerId, user(partnerId, "user" + next() + "@" + partnerId + ".example", true), "correct horse battery");
  }

  /** Another active user of the same partner. */
  public String user(long partnerId, String username, boolean partnerAdmin) {
    UserAccount account = UserAccount.partnerUser(username, "User " + username, username, partnerId, Instant.now());
    account.activate(passwords.encode("correct horse battery"));
    if (partnerAdmin) {
      account.makePartnerAdmin();
    }
    accounts.save(account);
    return username;
  }

  public MockHttpSession login(MockMvc mvc, String username, String password) throws Exception {
    return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
        .andExpect(authenticated()).andReturn().getRequest().getSession();
  }

  public static ApplicationForm strongApplication(String name, String email) {
    return new ApplicationForm(name, "DE", Segment.SYSTEM_INTEGRATOR, List.of("DACH", "Benelux"),
        List.of("Cloud migration", "Data platforms"), 150, 4, new java.math.BigDecimal("1500000"),
        "We implement data platforms for mid-market manufacturers and want to lead with your product.",
        "Nora Jones", email);
  }

  /** Applies with a strong application (qualifies automatically) and waits until the partner is in a stage. */
  public PartnerApplication apply(String name, String email, LifecycleStage until) {
    PartnerApplication application = applications.submit(strongApplication(name, email),
        new Actor(ActorType.PARTNER_USER, email));
    awaitStage(application.getPartnerId(), until);
    return application;
  }

  public void awaitStage(long partnerId, LifecycleStage stage) {
    try {
      EngineRecords.await(() -> partners.findById(partnerId).filter(p -> p.getStage() == stage), WAIT,
          "partner " + partnerId + " in stage " + stage);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; the partner is in " + partners.findById(partnerId)
          .map(p -> p.getStage().name()).orElse("nothing") + ", history: " + events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId)
          .stream().map(ev -> ev.getEventType() + (ev.getStageTo() == null ? "" : ":" + ev.getStageTo())).toList()
          + ", tasks: " + tasks.findByPartnerIdAndStateInOrderByCreatedAtAsc(partnerId,
              java.util.EnumSet.allOf(TaskState.class)).stream().map(t -> t.getElementId() + ":" + t.getState()).toList(), e);
    }
  }

  /**
   * Completes the open ops task with this element id in the process instance or the instances it called (the
   * lifecycle calls onboarding), as ops would in the console.
   */
  public void completeTask(long processInstanceKey, String elementId, Map<String, Object> variables) {
    var records = new EngineRecords(engine);
    UserTask task = EngineRecords.await(() -> records.instanceTree(processInstanceKey).stream()
        .flatMap(key -> tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(key).stream())
        .filter(t -> t.getElementId().equals(elementId) && t.getState() == TaskState.OPEN).findFirst(),
        WAIT, "open task " + elementId);
    userTasks.complete(task.getUserTaskKey(), variables);
  }

  /** The newest mail with this template to this partner. */
  public Notification mail(long partnerId, String template) {
    return EngineRecords.await(() -> outbox.findByPartnerIdOrderByIdAsc(partnerId).stream()
        .filter(n -> n.getTemplate().equals(template)).reduce((a, b) -> b), WAIT, template + " mail");
  }

  /** The one-time token of the password link in a mail. */
  public static String token(Notification mail) {
    Matcher m = LINK.matcher(mail.getBody());
    if (!m.find()) {
      throw new AssertionError("no password link in " + mail.getTemplate() + " mail:\n" + mail.getBody());
    }
    return m.group(1);
  }

  /** The path and query of the password link in a mail, to follow it on whatever port the test runs. */
  public static String linkPath(Notification mail) {
    Matcher m = LINK.matcher(mail.getBody());
    if (!m.find()) {
      throw new AssertionError("no password link in " + mail.getTemplate() + " mail:\n" + mail.getBody());
    }
    return "/account/password?token=" + m.group(1);
  }
}
