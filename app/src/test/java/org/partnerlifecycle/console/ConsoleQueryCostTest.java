package org.partnerlifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the console's pages cost in SQL: a fixed number of statements whatever the size of the data (no N+1, no
 * loading of whole tables). The statements are written to target/console-sql.log for review.
 */
@ConsoleServerTest
class ConsoleQueryCostTest {

  static final Actor OPS = new Actor(ActorType.STAFF, "olivia.ops");
  static final Path LOG = Path.of("target", "console-sql.log");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired PartnerService partners;
  @Autowired UserAccountRepository accounts;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;

  List<String> statementsOf(String url) throws Exception {
    var manager = user(users.loadUserByUsername("manager"));
    List<String> statements = SqlStatementCounter.record(() ->
        mvc.perform(get(url).with(manager)).andExpect(status().isOk()));
    log(url, statements);
    return statements;
  }

  @Test
  void aPartnersPageCostsTheSameForAShortAndALongHistory() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long small = partner("Small History " + suffix, 2, 1, 1);
    partnership(small, 1, 1, 1, 1, 1);
    long large = partner("Large History " + suffix, 300, 5, 6);
    partnership(large, 30, 6, 25, 9, 40);
    long fresh = partner("No Partnership " + suffix, 2, 1, 1);

    List<String> forSmall = statementsOf("/console/partners/" + small);
    List<String> forLarge = statementsOf("/console/partners/" + large + "?page=3");
    // one more at most: counting the history, which a history shorter than a page does not need
    assertThat(forLarge.size() - forSmall.size()).isBetween(0, 1);
    // 11 for the partner, its application, profile, users, agreements, tasks and history; 1 counting every
    // partnership section; 1 per section (2 for certifications and plans: verifiers, quarterly reviews); the termination
    assertThat(forLarge.size()).isLessThanOrEqualTo(11 + 1 + 7 + 1);
    assertThat(forLarge).filteredOn(s -> s.startsWith("select as1_0")).hasSize(1);
    // each partnership table is read once, bounded, besides the one statement that counts them all
    for (String table : List.of("certification", "business_plan", "quarterly_review", "scorecard", "remediation",
        "deal_registration", "termination")) {
      assertThat(forLarge).as(table).filteredOn(s -> s.toLowerCase().contains("from " + table + " ")
          && !s.toLowerCase().contains("count(")).hasSize(1);
    }
    // a partner without a partnership yet is not asked for its sections at all
    assertThat(statementsOf("/console/partners/" + fresh).size()).isEqualTo(forSmall.size() - 8);
  }

  @Test
  void theDashboardCostsAFixedNumberOfAggregateQueries() throws Exception {
    List<String> before = statementsOf("/console");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 40; i++) {
      partner("Dashboard Load " + suffix + " " + i, 1, 0, 0);
    }
    List<String> after = statementsOf("/console");
    // one median query per non-empty open stage at most: the count depends on the stages in use, not on partners
    assertThat(after.size()).isLessThanOrEqualTo(10 + LifecycleStage.values().length);
    assertThat(after.size() - before.size()).isLessThanOrEqualTo(LifecycleStage.values().length);
    // filtered, one more at most: the latest SLA breaches of a filter that matches few of the newest breaches
    assertThat(statementsOf("/console?region=EMEA&segment=RESELLER&tier=GOLD&stage=ACTIVE").size())
        .isLessThanOrEqualTo(14);
    assertThat(String.join("\n", after)).doesNotContainIgnoringCase("select p1_0.id,p1_0.at_risk");
  }

  @Test
  void auditSearchTaskListAndPartnerListReadOnePageEach() throws Exception {
    // the page of events, their partners' names, the event types for the filter
    assertThat(statementsOf("/console/audit?type=STAGE_CHANGED")).hasSize(3);
    assertThat(statementsOf("/console/partners?region=EMEA&sort=name")).hasSize(3);
    assertThat(statementsOf("/console/tasks").size()).isLessThanOrEqualTo(4);
  }

  /** A partner with a history of {@code events} notes, {@code users} portal users and {@code revisions} agreements. */
  private long partner(String name, int events, int users, int revisions) {
    long id = partners.register(name, "DE", "EMEA", Segment.RESELLER, List.of("ERP"), OPS).getId();
    partners.moveToStage(id, LifecycleStage.ONBOARDING, OPS, new ProcessRef(77L, "partner-onboarding", 2,
        "RecordOnboarding"), Map.of(), null);
    tx.executeWithoutResult(s -> {
      for (int i = 0; i < events; i++) {
        partners.recordEvent(id, "NOTE", OPS, ProcessRef.NONE, Map.of("n", i), null);
      }
    });
    for (int i = 0; i < users; i++) {
      accounts.save(UserAccount.partnerUser("user" + i + "-" + id + "@cost.example", "User " + i,
          "user" + i + "-" + id + "@cost.example", id, Instant.now()));
    }
    for (int revision = 1; revision <= revisions; revision++) {
      jdbc.update("INSERT INTO agreement (partner_id, revision, status, tier, territory, term_months, document,"
          + " document_sha256, created_at, idempotency_key) VALUES (?, ?, 'SUPERSEDED', 'REGISTERED', 'EMEA', 24,"
          + " 'text', ?, ?, ?)", id, revision, "b".repeat(64), LocalDateTime.now(ZoneOffset.UTC),
          "cost-" + id + "-" + revision);
      Long agreementId = jdbc.queryForObject("SELECT id FROM agreement WHERE idempotency_key = ?", Long.class,
          "cost-" + id + "-" + revision);
      jdbc.update("INSERT INTO agreement_signature (agreement_id, party, signer_name, signer_username, consent,"
          + " signed_at, document_sha256) VALUES (?, 'PARTNER', 'Signer', 'signer', TRUE, ?, ?)", agreementId,
          LocalDateTime.now(ZoneOffset.UTC), "b".repeat(64));
    }
    return id;
  }

  /**
   * The active partnership's records of a partner: certifications (each verified in a task), business plans with
   * four quarterly reviews each, scorecards, remediation windows, deal registrations, and a termination.
   */
  private void partnership(long id, int certifications, int plans, int scorecards, int remediations, int deals) {
    var now = LocalDateTime.now(ZoneOffset.UTC);
    for (int i = 0; i < certifications; i++) {
      long instance = Math.abs(UUID.randomUUID().getMostSignificantBits());
      jdbc.update("INSERT INTO certification (partner_id, person_name, person_email, level, evidence, status,"
          + " submitted_at, submitted_by, expires_at, process_instance_key) VALUES (?, 'Person', 'p@cost.example',"
          + " 'SALES_ASSOCIATE', 'Exam', 'VERIFIED', ?, 'pat', ?, ?)", id, now.minusDays(i), now.plusYears(2), instance);
      jdbc.update("INSERT INTO user_task (user_task_key, process_instance_key, bpmn_process_id, process_version,"
          + " element_id, element_instance_key, candidate_groups, assignee, partner_id, state, created_at, updated_at)"
          + " VALUES (?, ?, 'partner-certification', 1, 'VerifyCertification', 1, 'channel-ops', 'ops', ?, 'COMPLETED',"
          + " ?, ?)", Math.abs(UUID.randomUUID().getMostSignificantBits()), instance, id, now, now);
    }
    for (int i = 0; i < plans; i++) {
      String key = "cost-plan-" + id + "-" + i;
      jdbc.update("INSERT INTO business_plan (partner_id, plan_year, status, revenue_target, created_at,"
          + " idempotency_key) VALUES (?, ?, 'APPROVED', 100000, ?, ?)", id, 2000 + i, now, key);
      Long planId = jdbc.queryForObject("SELECT id FROM business_plan WHERE idempotency_key = ?", Long.class, key);
      for (int quarter = 1; quarter <= 4; quarter++) {
        jdbc.update("INSERT INTO quarterly_review (plan_id, quarter, period, revenue_actual, revenue_target,"
            + " share_of_sales_actual, new_customers_actual, certified_staff_actual, marketing_activities_actual,"
            + " customer_satisfaction, data_missing, recorded_at, idempotency_key) VALUES (?, ?, ?, 20000, 25000,"
            + " 10, 1, 1, 1, 7.5, FALSE, ?, ?)", planId, quarter, (2000 + i) + "-Q" + quarter, now,
            key + "-q" + quarter);
      }
    }
    Long scorecardId = null;
    for (int i = 0; i < scorecards; i++) {
      String key = "cost-scorecard-" + id + "-" + i;
      jdbc.update("INSERT INTO scorecard (partner_id, period, evaluated_at, revenue_attainment, deal_close_rate,"
          + " market_penetration, certified_staff, required_certified_staff, customer_satisfaction, current_tier,"
          + " non_productive, composite_score, maturity, category_rank, category_size, idempotency_key) VALUES (?, ?,"
          + " ?, 0.8, 0.5, 0.1, 1, 0, 7.5, 'REGISTERED', FALSE, 50, 'OPTIMIZED', 1, 1, ?)", id, "2000-Q1",
          now.minusDays(i), key);
      scorecardId = jdbc.queryForObject("SELECT id FROM scorecard WHERE idempotency_key = ?", Long.class, key);
    }
    for (int i = 0; i < remediations; i++) {
      jdbc.update("INSERT INTO remediation (partner_id, scorecard_id, target_tier, plan, opened_at, window_ends_at,"
          + " status, idempotency_key) VALUES (?, ?, 'REGISTERED', 'Plan', ?, ?, 'RECOVERED', ?)", id, scorecardId,
          now.minusDays(i), now.plusDays(90), "cost-remediation-" + id + "-" + i);
    }
    for (int i = 0; i < deals; i++) {
      jdbc.update("INSERT INTO deal_registration (partner_id, customer_name, customer_key, country, product_lines,"
          + " estimated_value, expected_close, status, registered_at) VALUES (?, 'Customer', 'customer', 'DE', 'ERP',"
          + " 1000, ?, 'SUBMITTED', ?)", id, LocalDate.now().plusMonths(1), now.minusDays(i));
    }
    jdbc.update("INSERT INTO termination (partner_id, trigger_type, reason, requested_by, requested_at, status)"
        + " VALUES (?, 'FOR_CAUSE', 'Cost test', 'manager', ?, 'REQUESTED')", id, now);
  }

  private static void log(String url, List<String> statements) throws IOException {
    Files.createDirectories(LOG.getParent());
    StringBuilder text = new StringBuilder("GET " + url + " (" + LocalDate.now() + "): " + statements.size()
        + " statements\n");
    statements.forEach(s -> text.append("  ").append(s.replaceAll("\\s+", " ")).append('\n'));
    Files.writeString(LOG, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
