package org.partnerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.PortalFixtures;
import org.partnerlifecycle.PortalFixtures.PartnerUser;
import org.partnerlifecycle.account.TaskGroups;
import org.partnerlifecycle.document.DocumentKind;
import org.partnerlifecycle.document.PartnerDocuments;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what: every endpoint of the application (method + URL pattern) against every kind of caller, and
 * for URLs that name a partner's resource, once with partner A's and once with partner B's resource, so each
 * partner user meets both their own and another's. Each cell states the expected outcome. Every POST is tried a
 * second time without a CSRF token, which nobody gets through. The endpoint list is read from Spring MVC too:
 * an endpoint the table does not cover fails the test, so a new endpoint must be added here.
 */
@EmbeddedAppTest
class AuthorizationMatrixTest {

  /** Endpoints that are not the application's own and are reached only by forwarding, never by a link. */
  private static final Map<String, String> NOT_IN_MATRIX = Map.of(
      "* /error", "Spring Boot's error page, rendered by forward after another request failed");

  enum Who { ANONYMOUS, PARTNER_A, PARTNER_B, OPS, MANAGER, ADMIN }

  /** The expected answer of one cell. */
  enum Outcome {
    /** 2xx: the page or file. */
    OK,
    /** 3xx to a page of the application (not the login): the action was taken or refused with a flash message. */
    PAGE,
    /** 3xx to the login page. */
    LOGIN,
    FORBIDDEN,
    /** The resource is not there for this caller (another partner's looks exactly like a missing one). */
    NOT_FOUND,
    /** The handler was reached and re-rendered its form with field errors (422). */
    INVALID,
    /** The handler was reached and said this step is not open (409). */
    CONFLICT,
    /** A password link that is not usable (410). */
    GONE;

    boolean matches(MockHttpServletResponse response) {
      int status = response.getStatus();
      String location = response.getRedirectedUrl();
      return switch (this) {
        case OK -> status >= 200 && status < 300;
        case PAGE -> status >= 300 && status < 400 && location != null && !location.endsWith("/login");
        case LOGIN -> status >= 300 && status < 400 && "http://localhost/login".equals(location);
        case FORBIDDEN -> status == 403;
        case NOT_FOUND -> status == 404;
        case INVALID -> status == 422;
        case CONFLICT -> status == 409;
        case GONE -> status == 410;
      };
    }
  }

  /** One row: a concrete request for an endpoint, and the expected outcome per caller. */
  record Row(HttpMethod method, String pattern, String url, UnaryOperator<MockHttpServletRequestBuilder> input,
      Map<Who, Outcome> expected) {
    String endpoint() {
      return method + " " + pattern;
    }
  }

  @Autowired MockMvc mvc;
  @Autowired PortalFixtures fixtures;
  @Autowired PartnerDocuments documents;
  @Autowired UserDetailsService users;
  @Autowired UserTaskRepository tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  PartnerUser a;
  PartnerUser b;
  final Map<Who, UserDetails> principals = new EnumMap<>(Who.class);
  final Map<Long, Long> documentOf = new java.util.HashMap<>();
  final Map<Long, Long> removableDocumentOf = new java.util.HashMap<>();
  final Map<Long, String> moduleOf = new java.util.HashMap<>();
  long taskKey;
  long managersTaskKey;

  @BeforeEach
  void twoPartnersAndStaff() {
    int n = PortalFixtures.next();
    a = fixtures.partnerWithUser("Matrix A Ltd " + n, LifecycleStage.ONBOARDING);
    b = fixtures.partnerWithUser("Matrix B Ltd " + n, LifecycleStage.ONBOARDING);
    principals.put(Who.PARTNER_A, users.loadUserByUsername(a.username()));
    principals.put(Who.PARTNER_B, users.loadUserByUsername(b.username()));
    principals.put(Who.OPS, users.loadUserByUsername("ops"));
    principals.put(Who.MANAGER, users.loadUserByUsername("manager"));
    principals.put(Who.ADMIN, users.loadUserByUsername("admin"));
    for (PartnerUser p : List.of(a, b)) {
      documentOf.put(p.partnerId(), upload(p, "letter.pdf"));
      removableDocumentOf.put(p.partnerId(), upload(p, "to-remove.pdf"));
      String module = "MX" + n + (p == a ? "A" : "B");
      jdbc.update("INSERT INTO training_assignment (partner_id, module_code, title, assigned_at) VALUES (?, ?, ?, ?)",
          p.partnerId(), module, "Matrix module", java.sql.Timestamp.from(Instant.now()));
      moduleOf.put(p.partnerId(), module);
    }
    // an open, unassigned channel-ops task of the demo processes; the rows claim and unassign it, leaving it as found
    taskKey = EngineRecords.await(() -> tasks.findAll().stream()
        .filter(t -> t.getState() == TaskState.OPEN && t.getAssignee() == null
            && TaskGroups.parse(t.getCandidateGroups()).contains(TaskGroups.OPS))
        .map(UserTask::getUserTaskKey).findFirst(), PortalFixtures.WAIT, "an open demo task").longValue();
    // a channel managers' task as the projection lists it (no engine task behind it: the engine refuses its
    // commands, which the console reports on the task's page)
    managersTaskKey = 9_000_000_000_000_000L + n;
    jdbc.update("INSERT INTO user_task (user_task_key, process_instance_key, bpmn_process_id, process_version,"
        + " element_id, element_instance_key, candidate_groups, partner_id, state, created_at, updated_at)"
        + " VALUES (?, ?, 'deal-registration', 1, 'ReviewDealConflict', ?, ?, ?, 'OPEN', ?, ?)", managersTaskKey,
        managersTaskKey, managersTaskKey, TaskGroups.MANAGERS, a.partnerId(), java.sql.Timestamp.from(Instant.now()),
        java.sql.Timestamp.from(Instant.now()));
  }

  @AfterEach
  void removeTheManagersTask() {
    jdbc.update("DELETE FROM user_task WHERE user_task_key = ?", managersTaskKey);
  }

  private long upload(PartnerUser p, String name) {
    return documents.upload(p.partnerId(), DocumentKind.BANK_LETTER, name,
        new ByteArrayInputStream("%PDF-1.4 matrix".getBytes(StandardCharsets.US_ASCII)), p.username()).getId();
  }

  List<Row> table() {
    List<Row> rows = new ArrayList<>();
    // public pages and forms: the same for everyone (empty forms reach the handler and come back with errors)
    rows.add(everyone("GET", "/login", Outcome.OK));
    rows.add(everyone("GET", "/apply", Outcome.OK));
    rows.add(everyone("POST", "/apply", Outcome.INVALID));
    rows.add(everyone("GET", "/apply/submitted", Outcome.PAGE));
    rows.add(everyone("GET", "/account/password", Outcome.GONE));
    rows.add(everyone("POST", "/account/password", Outcome.GONE));
    rows.add(everyone("GET", "/account/forgot", Outcome.OK));
    rows.add(everyone("POST", "/account/forgot", Outcome.PAGE));
    rows.add(row("GET", "/", "/", r -> r, Outcome.LOGIN, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE, Outcome.PAGE,
        Outcome.PAGE));

    // the portal: partner users only, always about their own company
    for (String page : List.of("/portal", "/portal/brief", "/portal/agreement", "/portal/profile",
        "/portal/training", "/portal/team", "/portal/certifications",
        "/portal/plan", "/portal/renewal", "/portal/termination", "/portal/deals")) {
      rows.add(portal("GET", page, Outcome.OK));
    }
    rows.add(portal("POST", "/portal/brief/acknowledge", Outcome.CONFLICT));
    // no agreement is open for signing for these partners: the step is refused before the form is read
    rows.add(portal("POST", "/portal/agreement/sign", Outcome.CONFLICT));
    rows.add(portal("POST", "/portal/profile", Outcome.INVALID));
    rows.add(portal("POST", "/portal/profile/documents", Outcome.PAGE));
    rows.add(portal("POST", "/portal/team/invite", Outcome.INVALID));
    rows.add(portal("POST", "/portal/certifications", Outcome.INVALID));
    rows.add(portal("POST", "/portal/plan", Outcome.INVALID));
    rows.add(portal("POST", "/portal/renewal/sign", Outcome.CONFLICT));
    rows.add(portal("POST", "/portal/termination", Outcome.INVALID));
    rows.add(portal("POST", "/portal/deals", Outcome.INVALID));
    // a renewal offer that is not the caller's (here: none) is refused like a missing one
    rows.add(row("POST", "/portal/deals/renewals/{contractId}/answer", "/portal/deals/renewals/987654321/answer",
        r -> r.param("answer", "accept"), Outcome.LOGIN, Outcome.CONFLICT, Outcome.CONFLICT, Outcome.FORBIDDEN,
        Outcome.FORBIDDEN, Outcome.FORBIDDEN));
    // a deal that is not the caller's (here: none) is refused like a missing one
    rows.add(row("POST", "/portal/deals/{dealId}/outcome", "/portal/deals/987654321/outcome", r -> r.param("outcome", "won"),
        Outcome.LOGIN, Outcome.CONFLICT, Outcome.CONFLICT, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN));
    rows.add(row("POST", "/portal/deals/{dealId}/extension", "/portal/deals/987654321/extension", r -> r,
        Outcome.LOGIN, Outcome.CONFLICT, Outcome.CONFLICT, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN));
    rows.addAll(ofEachPartner("POST", "/portal/profile/documents/{documentId}/remove",
        id -> "/portal/profile/documents/" + removableDocumentOf.get(id) + "/remove",
        Outcome.LOGIN, Outcome.PAGE, Outcome.NOT_FOUND, Outcome.FORBIDDEN));
    rows.addAll(ofEachPartner("POST", "/portal/training/{moduleCode}/complete",
        id -> "/portal/training/" + moduleOf.get(id) + "/complete",
        Outcome.LOGIN, Outcome.PAGE, Outcome.NOT_FOUND, Outcome.FORBIDDEN));

    // documents: the partner's own users and staff
    rows.addAll(ofEachPartner("GET", "/documents/{documentId}", id -> "/documents/" + documentOf.get(id),
        Outcome.LOGIN, Outcome.OK, Outcome.NOT_FOUND, Outcome.OK));

    // the console: staff only; inviting is for OPS and ADMIN
    for (String page : List.of("/console", "/console/partners", "/console/audit", "/console/audit/export.csv",
        "/console/audit/export.json", "/console/tasks")) {
      rows.add(console("GET", page, Outcome.OK));
    }
    rows.addAll(ofEachPartner("GET", "/console/partners/{id}", id -> "/console/partners/" + id,
        Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.OK));
    rows.addAll(ofEachPartner("GET", "/console/partners/{partnerId}/documents",
        id -> "/console/partners/" + id + "/documents", Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
        Outcome.OK));
    // terminating for cause is for managers only; these partners are onboarding, so the manager is told so (409)
    for (PartnerUser owner : List.of(a, b)) {
      rows.add(row("POST", "/console/partners/{id}/terminate", "/console/partners/" + owner.partnerId() + "/terminate",
          r -> r.param("reason", "Matrix").param("confirm", "true"), Outcome.LOGIN, Outcome.FORBIDDEN,
          Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.CONFLICT, Outcome.FORBIDDEN));
    }
    rows.add(row("GET", "/console/invitations", "/console/invitations", r -> r, Outcome.LOGIN, Outcome.FORBIDDEN,
        Outcome.FORBIDDEN, Outcome.OK, Outcome.FORBIDDEN, Outcome.OK));
    rows.add(row("POST", "/console/invitations", "/console/invitations", r -> r, Outcome.LOGIN, Outcome.FORBIDDEN,
        Outcome.FORBIDDEN, Outcome.INVALID, Outcome.FORBIDDEN, Outcome.INVALID));
    String task = "/console/tasks/" + taskKey;
    rows.add(console("GET", "/console/tasks/{key}", task, Outcome.OK));
    // completing needs the task assigned to oneself first: refused with the form shown again
    rows.add(console("POST", "/console/tasks/{key}/complete", task + "/complete", Outcome.INVALID));
    rows.add(console("POST", "/console/tasks/{key}/claim", task + "/claim", Outcome.PAGE));
    rows.add(console("POST", "/console/tasks/{key}/unassign", task + "/unassign", Outcome.PAGE));
    // no assignee chosen: back to the task with a message
    rows.add(console("POST", "/console/tasks/{key}/assign", task + "/assign", Outcome.PAGE));
    // a channel managers' task: not for ops (channel-ops only); managers and admins as above
    String managersTask = "/console/tasks/" + managersTaskKey;
    rows.add(managersTask("GET", "/console/tasks/{key}", managersTask, Outcome.OK));
    rows.add(managersTask("POST", "/console/tasks/{key}/complete", managersTask + "/complete", Outcome.INVALID));
    rows.add(managersTask("POST", "/console/tasks/{key}/claim", managersTask + "/claim", Outcome.PAGE));
    rows.add(managersTask("POST", "/console/tasks/{key}/unassign", managersTask + "/unassign", Outcome.PAGE));
    rows.add(managersTask("POST", "/console/tasks/{key}/assign", managersTask + "/assign", Outcome.PAGE));
    return rows;
  }

  @Test
  void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
    List<Row> rows = table();
    assertThat(uncovered(rows)).as("endpoints missing from the authorization matrix").isEmpty();

    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (Row row : rows) {
      for (Who who : Who.values()) {
        cells++;
        check(row, who, true, row.expected().get(who), wrong);
        if (row.method() == HttpMethod.POST) {
          cells++;
          check(row, who, false, Outcome.FORBIDDEN, wrong);
        }
      }
    }
    System.out.printf("Authorization matrix: %d endpoints, %d rows, %d cells checked%n",
        rows.stream().map(Row::endpoint).distinct().count(), rows.size(), cells);
    assertThat(wrong).as("cells answered differently than the table says").isEmpty();
  }

  private void check(Row row, Who who, boolean withCsrf, Outcome expected, List<String> wrong) throws Exception {
    MockHttpServletRequestBuilder request = row.input().apply(request(row.method(), row.url()));
    if (who != Who.ANONYMOUS) {
      request.with(user(principals.get(who)));
    }
    if (withCsrf) {
      request.with(csrf());
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    if (!expected.matches(response)) {
      wrong.add(String.format("%s %s as %s%s: expected %s, got %d%s", row.method(), row.url(), who,
          withCsrf ? "" : " without CSRF token", expected, response.getStatus(),
          response.getRedirectedUrl() == null ? "" : " -> " + response.getRedirectedUrl()));
    }
  }

  /** Endpoints Spring MVC serves that no row covers. */
  private Set<String> uncovered(List<Row> rows) {
    Set<String> covered = new TreeSet<>();
    rows.forEach(r -> covered.add(r.endpoint()));
    Set<String> missing = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      var methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          if (!NOT_IN_MATRIX.containsKey("* " + pattern)) {
            missing.add("* " + pattern);
          }
        }
        for (var method : methods) {
          String endpoint = method.name() + " " + pattern;
          if (!covered.contains(endpoint) && !NOT_IN_MATRIX.containsKey("* " + pattern)) {
            missing.add(endpoint);
          }
        }
      }
    }
    return missing;
  }

  // --- building rows

  private static Row row(String method, String pattern, String url, UnaryOperator<MockHttpServletRequestBuilder> input,
      Outcome anonymous, Outcome partnerA, Outcome partnerB, Outcome ops, Outcome manager, Outcome admin) {
    Map<Who, Outcome> expected = new EnumMap<>(Who.class);
    expected.put(Who.ANONYMOUS, anonymous);
    expected.put(Who.PARTNER_A, partnerA);
    expected.put(Who.PARTNER_B, partnerB);
    expected.put(Who.OPS, ops);
    expected.put(Who.MANAGER, manager);
    expected.put(Who.ADMIN, admin);
    return new Row(HttpMethod.valueOf(method), pattern, url, input, expected);
  }

  private static Row everyone(String method, String url, Outcome outcome) {
    return row(method, url, url, r -> r, outcome, outcome, outcome, outcome, outcome, outcome);
  }

  private static Row portal(String method, String url, Outcome partner) {
    return row(method, url, url, r -> r, Outcome.LOGIN, partner, partner, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
        Outcome.FORBIDDEN);
  }

  private static Row console(String method, String url, Outcome staff) {
    return console(method, url, url, staff);
  }

  private static Row console(String method, String pattern, String url, Outcome staff) {
    return row(method, pattern, url, r -> r, Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, staff, staff,
        staff);
  }

  /** A task of the channel-managers group: refused to OPS, as {@code member} to MANAGER and ADMIN. */
  private static Row managersTask(String method, String pattern, String url, Outcome member) {
    return row(method, pattern, url, r -> r, Outcome.LOGIN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN,
        member, member);
  }

  /** A URL naming a partner's resource: one row with partner A's, one with partner B's. */
  private List<Row> ofEachPartner(String method, String pattern, Function<Long, String> url, Outcome anonymous,
      Outcome ownPartner, Outcome otherPartner, Outcome staff) {
    List<Row> rows = new ArrayList<>();
    for (PartnerUser owner : List.of(a, b)) {
      rows.add(row(method, pattern, url.apply(owner.partnerId()), r -> r, anonymous,
          owner == a ? ownPartner : otherPartner, owner == b ? ownPartner : otherPartner, staff, staff, staff));
    }
    return rows;
  }
}
