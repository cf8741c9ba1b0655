package org.partnerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.PortalFixtures;
import org.partnerlifecycle.PortalFixtures.PartnerUser;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every form and every POST/REST endpoint fed invalid, oversized, odd-unicode, script and SQL-like input. Each
 * answer is a clear 4xx (or, where stated, the usual redirect), never a 5xx; a refused request writes nothing
 * (row counts of the tables the endpoint writes); no answer echoes input as live HTML. Script payloads stored
 * through fields that legitimately take free text are then looked for on every page that shows them: escaped,
 * never raw.
 */
@EmbeddedAppTest
class MalformedInputTest {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "\"><img src=x onerror=alert(1)>";
  static final String SQL_OR = "' OR 1=1 --";
  static final String SQL_DROP = "Robert'); DROP TABLE partner;--";
  static final String OVERSIZED = "x".repeat(100_000);
  static final String RTL_OVERRIDE = "invoice\u202Efdp.exe";
  static final String ZERO_WIDTH = "Z\u200Dero\u200Bwidth\u2060joiners";
  static final String EMOJI = "Partner \uD83D\uDE80\uD83D\uDC68\u200D\uD83D\uDCBB";
  static final String NUL = "nul\u0000byte";

  /** Refused in every field: too long for any column, a NUL byte, a text-direction override. */
  static final List<String> ALWAYS_REFUSED = List.of(OVERSIZED, NUL, RTL_OVERRIDE);
  /** Everything; fields with a strict format (numbers, codes, addresses, choices) refuse all of it. */
  static final List<String> ALL = List.of(OVERSIZED, NUL, RTL_OVERRIDE, ZERO_WIDTH, EMOJI, SCRIPT, IMG, SQL_OR,
      SQL_DROP, "", "   ", "-1", "1e309", "99999999999999999999");

  static final IntPredicate CLIENT_ERROR = s -> s >= 400 && s < 500;
  static final IntPredicate REDIRECT = s -> s >= 300 && s < 400;

  @Autowired MockMvc mvc;
  @Autowired PortalFixtures fixtures;
  @Autowired UserDetailsService users;
  @Autowired JdbcTemplate jdbc;
  @Autowired PartnerRepository partners;
  @Autowired UserTaskRepository tasks;

  PartnerUser partner;
  UserDetails partnerUser;
  UserDetails ops;
  UserDetails manager;
  int tried;
  final List<String> problems = new ArrayList<>();

  @BeforeEach
  void partnerAndStaff() {
    partner = fixtures.partnerWithUser("Malformed Input Ltd " + PortalFixtures.next(), LifecycleStage.ONBOARDING);
    partnerUser = users.loadUserByUsername(partner.username());
    ops = users.loadUserByUsername("ops");
    manager = users.loadUserByUsername("manager");
  }

  @Test
  void badInputIsRefusedClearlyWithNothingSavedAndNothingLive() throws Exception {
    // the public application: 422 with the form and its field errors
    MockHttpSession applicant = new MockHttpSession();
    String token = formToken(applicant);
    Map<String, String> application = validApplication(token);
    // (lifecycle_event is left out where processes running in the background write to it at any moment)
    List<String> applyTables = List.of("partner", "partner_application");
    fields(application, List.of("legalName", "regions", "domainExpertise", "motivation", "contactName"),
        List.of("country", "segment", "customerBase", "certificationsHeld", "expectedAnnualRevenue", "contactEmail"),
        form -> with(post("/apply").session(applicant), form), applyTables, CLIENT_ERROR);

    // the company profile: 422 with the form and its field errors
    Map<String, String> profile = new LinkedHashMap<>(Map.of("registeredAddress", "1 Main St", "taxId", "DE123456",
        "bankAccountHolder", "Malformed Input Ltd", "iban", "DE89370400440532013000", "website", "https://m.example",
        "employees", "12"));
    fields(profile, List.of("registeredAddress", "bankAccountHolder"), List.of("taxId", "iban", "employees"),
        form -> with(post("/portal/profile").with(user(partnerUser)), form), List.of("company_profile"),
        CLIENT_ERROR);
    for (String website : ALL) {
      if (!website.isBlank()) {
        Map<String, String> form = new LinkedHashMap<>(profile);
        form.put("website", website);
        expect(with(post("/portal/profile").with(user(partnerUser)), form), List.of("company_profile"), CLIENT_ERROR);
      }
    }

    // inviting a colleague (partner admin) and a partner user (ops): 422 with the form and its field errors
    List<String> invitationTables = List.of("user_account", "account_token");
    Map<String, String> invite = new LinkedHashMap<>(Map.of("displayName", "Colleague", "email", "c@m.example"));
    fields(invite, List.of("displayName"), List.of("email"),
        form -> with(post("/portal/team/invite").with(user(partnerUser)), form), invitationTables, CLIENT_ERROR);
    Map<String, String> staffInvite = new LinkedHashMap<>(invite);
    staffInvite.put("partnerId", String.valueOf(partner.partnerId()));
    fields(staffInvite, List.of("displayName"), List.of("email", "partnerId"),
        form -> with(post("/console/invitations").with(user(ops)), form), invitationTables, CLIENT_ERROR);

    // a manager's termination for cause of an active partnership: 422 with the partner's page and the field errors
    PartnerUser active = fixtures.partnerWithUser("Malformed Active Ltd " + PortalFixtures.next(), LifecycleStage.ACTIVE);
    fields(new LinkedHashMap<>(Map.of("reason", "Repeated fraud", "confirm", "true")), List.of("reason"),
        List.of("confirm"), form -> with(post("/console/partners/{id}/terminate", active.partnerId())
            .with(user(manager)), form), List.of("termination"), CLIENT_ERROR);

    // signing (no agreement open: 409 before anything is read), password links (410), reset requests (same redirect)
    for (String field : List.of("fullName", "documentSha256", "consent")) {
      for (String bad : ALL) {
        expect(post("/portal/agreement/sign").with(user(partnerUser)).param(field, bad),
            List.of("agreement_signature"), CLIENT_ERROR);
      }
    }
    for (String bad : ALL) {
      expect(post("/account/password").param("token", bad).param("password", bad).param("confirmation", bad),
          List.of("user_account"), CLIENT_ERROR);
      expect(get("/account/password").param("token", bad), List.of(), CLIENT_ERROR);
      expect(post("/account/forgot").param("username", bad), List.of("account_token"), REDIRECT);
    }

    // ids and codes in the address: 400 or 404
    long taskKey = openTask();
    for (String bad : ALL) {
      if (bad.isBlank()) {
        continue;
      }
      expect(post("/portal/training/{code}/complete", bad).with(user(partnerUser)), List.of("training_assignment"),
          CLIENT_ERROR);
      expect(post("/portal/profile/documents/{id}/remove", bad).with(user(partnerUser)), List.of("partner_document"),
          CLIENT_ERROR);
      expect(get("/documents/{id}", bad).with(user(partnerUser)), List.of(), CLIENT_ERROR);
      expect(get("/console/partners/{id}", bad).with(user(ops)), List.of(), CLIENT_ERROR);
      expect(get("/console/partners/{id}/documents", bad).with(user(ops)), List.of(), CLIENT_ERROR);
      expect(get("/console/tasks/{key}", bad).with(user(ops)), List.of(), CLIENT_ERROR);
      expect(post("/console/tasks/{key}/claim", bad).with(user(ops)), List.of(), CLIENT_ERROR);
      expect(post("/console/partners/{id}/terminate", bad).param("reason", "Fraud").param("confirm", "true")
          .with(user(manager)), List.of("termination"), CLIENT_ERROR);
      // a renewal offer: an id that is none of the partner's, or an answer that is neither accept nor decline
      expect(post("/portal/deals/renewals/{id}/answer", bad).param("answer", "accept").with(user(partnerUser)),
          List.of("customer_contract"), CLIENT_ERROR);
      expect(post("/portal/deals/renewals/{id}/answer", 1).param("answer", bad).with(user(partnerUser)),
          List.of("customer_contract"), CLIENT_ERROR);
      // a document kind that does not exist
      expect(multipart("/portal/profile/documents").file(pdf("bank.pdf")).param("kind", bad).with(user(partnerUser)),
          List.of("partner_document"), CLIENT_ERROR);
      // assigning to someone who is no staff user: back to the task with a message that names them, escaped
      expect(post("/console/tasks/{key}/assign", taskKey).param("assignee", bad).with(user(ops)), List.of(),
          REDIRECT);
      // completing a task not assigned to oneself: the form again, 422
      expect(post("/console/tasks/{key}/complete", taskKey).param("decision", bad).param("comment", bad)
          .with(user(ops)), List.of(), CLIENT_ERROR);
      // search fields: the page with its errors (200), the exports refuse with 400
      expect(get("/console/audit").param("from", bad).param("to", bad).param("type", bad).param("actor", bad)
          .param("partner", bad).with(user(ops)), List.of(), s -> s == 200 || s == 400);
      expect(get("/console/audit/export.csv").param("from", bad).with(user(ops)), List.of(), CLIENT_ERROR);
      expect(get("/console/audit/export.json").param("to", bad).with(user(ops)), List.of(), CLIENT_ERROR);
      expect(get("/console/partners").param("q", bad).param("segment", bad).param("region", bad).param("tier", bad)
          .param("stage", bad).param("sort", bad).with(user(ops)), List.of(), s -> s == 200 || s == 400);
      expect(get("/console").param("segment", bad).param("region", bad).param("tier", bad).param("stage", bad)
          .with(user(ops)), List.of(), s -> s == 200 || s == 400);
      expect(get("/console/tasks").param("group", bad).param("assignee", bad).with(user(ops)), List.of(),
          s -> s == 200 || s == 400);
    }
    System.out.printf("Malformed input: %d bad inputs tried%n", tried);
    assertThat(problems).as("answers to bad input").isEmpty();
  }

  @Test
  void scriptsStoredAsFreeTextAreShownEscapedOnEveryPage() throws Exception {
    // an application whose free-text fields are all attacks: accepted, because they are legitimate text
    MockHttpSession applicant = new MockHttpSession();
    int n = PortalFixtures.next();
    Map<String, String> form = validApplication(formToken(applicant));
    String legalName = SCRIPT + " Escaped Ltd " + n;
    form.put("legalName", legalName);
    form.put("motivation", IMG + " " + SQL_DROP + " " + EMOJI + " " + ZERO_WIDTH);
    form.put("contactName", SQL_OR + " " + IMG);
    form.put("regions", "EMEA\n" + IMG);
    var accepted = mvc.perform(with(post("/apply").session(applicant), form).with(csrf())).andReturn().getResponse();
    assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(302);
    long partnerId = partners.findAll().stream().filter(p -> p.getLegalName().equals(legalName)).findFirst()
        .orElseThrow(() -> new AssertionError("the application with script text was not accepted")).getId();
    assertThat(jdbc.queryForObject("SELECT motivation FROM partner_application WHERE partner_id = ?", String.class,
        partnerId)).as("stored exactly as typed").isEqualTo(form.get("motivation"));

    // a partner whose name is an attack, with a colleague invited under an attacking name
    PartnerUser scripted = fixtures.partnerWithUser(SCRIPT + " Portal Ltd " + n, LifecycleStage.ONBOARDING);
    UserDetails scriptedUser = users.loadUserByUsername(scripted.username());
    mvc.perform(post("/portal/team/invite").with(user(scriptedUser)).with(csrf()).param("displayName", IMG)
        .param("email", "img" + n + "@scripted.example")).andReturn();

    assertEscaped(get("/apply/submitted").session(applicant), SCRIPT);
    for (String page : List.of("/console/partners/" + partnerId, "/console/partners?q=Escaped", "/console",
        "/console/audit?partner=" + partnerId, "/console/invitations", "/console/tasks",
        "/console/partners/" + scripted.partnerId(), "/console/partners/" + scripted.partnerId() + "/documents")) {
      assertEscaped(get(page).with(user(ops)), page.startsWith("/console/partners/" + partnerId) ? SCRIPT : null);
    }
    for (String page : List.of("/portal", "/portal/brief", "/portal/agreement", "/portal/profile",
        "/portal/training", "/portal/team")) {
      // the home page names the company, the team page the invited colleague; the others show neither
      assertEscaped(get(page).with(user(scriptedUser)),
          page.equals("/portal/team") ? IMG : page.equals("/portal") ? SCRIPT : null);
    }
    assertThat(problems).isEmpty();
  }

  // --- helpers

  /** Each field with each bad value, the other fields valid: free text refuses the always-refused values only. */
  private void fields(Map<String, String> valid, List<String> text, List<String> strict,
      Function<Map<String, String>, MockHttpServletRequestBuilder> request, List<String> tables,
      IntPredicate expected) throws Exception {
    for (String field : text) {
      for (String bad : ALWAYS_REFUSED) {
        Map<String, String> form = new LinkedHashMap<>(valid);
        form.put(field, bad);
        expect(request.apply(form), tables, expected, field);
      }
    }
    for (String field : strict) {
      for (String bad : ALL) {
        Map<String, String> form = new LinkedHashMap<>(valid);
        form.put(field, bad);
        expect(request.apply(form), tables, expected, field);
      }
    }
  }

  private void expect(MockHttpServletRequestBuilder request, List<String> tables, IntPredicate expected)
      throws Exception {
    expect(request, tables, expected, "");
  }

  private void expect(MockHttpServletRequestBuilder request, List<String> tables, IntPredicate expected,
      String field) throws Exception {
    tried++;
    Map<String, Long> before = counts(tables);
    MockHttpServletResponse response = mvc.perform(request.with(csrf())).andReturn().getResponse();
    var sent = request.buildRequest(new org.springframework.mock.web.MockServletContext());
    String what = sent.getMethod() + " " + sent.getRequestURI() + (field.isEmpty() ? "" : " field " + field)
        + " with " + describe(sent.getParameterMap());
    int status = response.getStatus();
    if (!expected.test(status)) {
      problems.add(what + ": got " + status + (status >= 500 ? " " + response.getErrorMessage() : ""));
    }
    if (status >= 400 && !counts(tables).equals(before)) {
      problems.add(what + ": refused with " + status + " but rows changed " + before + " -> " + counts(tables));
    }
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    if (body.contains(SCRIPT) || body.contains("<img src=x")) {
      problems.add(what + ": the answer contains the input as live HTML");
    }
  }

  private void assertEscaped(MockHttpServletRequestBuilder request, String mustShow) throws Exception {
    var sent = request.buildRequest(new org.springframework.mock.web.MockServletContext());
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    String page = sent.getRequestURI() + (sent.getQueryString() == null ? "" : "?" + sent.getQueryString());
    if (response.getStatus() != 200) {
      problems.add(page + ": status " + response.getStatus());
    }
    if (body.contains(SCRIPT) || body.contains("<img src=x")) {
      problems.add(page + ": shows stored input as live HTML");
    }
    if (mustShow != null && !body.contains(org.springframework.web.util.HtmlUtils.htmlEscape(mustShow))) {
      problems.add(page + ": does not show the stored text (escaped) " + mustShow);
    }
  }

  private Map<String, Long> counts(List<String> tables) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    return counts;
  }

  private static String describe(Map<String, String[]> parameters) {
    StringBuilder text = new StringBuilder();
    parameters.forEach((name, values) -> {
      String value = String.join(",", values);
      text.append(name).append('=').append(value.length() > 40 ? value.substring(0, 40) + "...(" + value.length()
          + ")" : value.replace("\u0000", "\\0")).append(' ');
    });
    return text.toString().strip();
  }

  private static MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request, Map<String, String> form) {
    form.forEach(request::param);
    return request;
  }

  private String formToken(MockHttpSession session) throws Exception {
    String page = mvc.perform(get("/apply").session(session)).andReturn().getResponse().getContentAsString();
    Matcher m = Pattern.compile("name=\"formToken\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"formToken\"")
        .matcher(page);
    assertThat(m.find()).as("form token on /apply").isTrue();
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private static Map<String, String> validApplication(String token) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("legalName", "Valid Applicant GmbH");
    form.put("country", "DE");
    form.put("segment", "RESELLER");
    form.put("regions", "EMEA");
    form.put("domainExpertise", "ERP");
    form.put("customerBase", "20");
    form.put("certificationsHeld", "1");
    form.put("expectedAnnualRevenue", "100000");
    form.put("motivation", "We want to resell.");
    form.put("contactName", "Val Id");
    form.put("contactEmail", "val@valid.example");
    form.put("formToken", token);
    return form;
  }

  private static MockMultipartFile pdf(String name) {
    return new MockMultipartFile("file", name, "application/pdf", "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII));
  }

  /** An open task ops may work (of channel-ops): bad input must reach its handlers, not stop at the group check. */
  private long openTask() {
    return EngineRecords.await(() -> tasks.findAll().stream()
        .filter(t -> t.getState() == TaskState.OPEN
            && org.partnerlifecycle.account.TaskGroups.parse(t.getCandidateGroups()).contains("channel-ops"))
        .map(UserTask::getUserTaskKey).findFirst(), PortalFixtures.WAIT, "an open demo task");
  }
}
