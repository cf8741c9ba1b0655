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
    long large = partner("Large History " + suffix, 300, 5, 6);

    List<String> forSmall = statementsOf("/console/partners/" + small);
    List<String> forLarge = statementsOf("/console/partners/" + large + "?page=3");
    // one more at most: counting the history, which a history shorter than a page does not need
    assertThat(forLarge.size() - forSmall.size()).isBetween(0, 1);
    assertThat(forLarge.size()).isLessThanOrEqualTo(11);
    assertThat(forLarge).filteredOn(s -> s.startsWith("select as1_0")).hasSize(1);
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

  private static void log(String url, List<String> statements) throws IOException {
    Files.createDirectories(LOG.getParent());
    StringBuilder text = new StringBuilder("GET " + url + " (" + LocalDate.now() + "): " + statements.size()
        + " statements\n");
    statements.forEach(s -> text.append("  ").append(s.replaceAll("\\s+", " ")).append('\n'));
    Files.writeString(LOG, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
