package org.partnerlifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.AuditLog;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.console.AuditSearch.AuditRow;
import org.partnerlifecycle.console.DashboardQueries.PartnerRow;
import org.partnerlifecycle.console.DashboardQueries.StageRow;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console's plain-SQL queries on each database the app supports (H2 in MySQL mode, and MySQL through
 * Connector/J): UTC timestamps, LIMIT/OFFSET parameters, LIKE escaping, the aggregates, and keyset batches over
 * events with equal timestamps. Each run starts from an empty schema.
 */
@Import({AuditLog.class, PartnerService.class, DashboardQueries.class, AuditSearch.class,
    ConsoleQueriesContract.Fixtures.class})
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
abstract class ConsoleQueriesContract {

  static final Actor OPS = new Actor(ActorType.STAFF, "olivia.ops");

  @Autowired PartnerService partnerService;
  @Autowired PartnerRepository partners;
  @Autowired DashboardQueries dashboard;
  @Autowired AuditSearch audit;
  @Autowired JdbcTemplate jdbc;

  @TestConfiguration
  static class Fixtures {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
      return flyway -> {
        flyway.clean();
        flyway.migrate();
      };
    }
  }

  private long partner(String name, String region, LifecycleStage stage) {
    long id = partnerService.register(name, "DE", region, Segment.MSP, List.of("Cloud"), OPS).getId();
    partnerService.moveToStage(id, stage, OPS, new ProcessRef(11L, "partner-onboarding", 2, "RecordStage"), Map.of(),
        null);
    return id;
  }

  @Test
  void timestampsReadBackAsTheInstantsJpaWrote() {
    long id = partner("Zeitzone GmbH", "TZ", LifecycleStage.ONBOARDING);
    Instant written = partners.findById(id).orElseThrow().getStageSince();

    PartnerRow row = dashboard.partners(PartnerFilter.of(null, "TZ", null, null, null, false), false, 10, 0).get(0);
    assertThat(row.stageSince()).isEqualTo(written.truncatedTo(ChronoUnit.MICROS));
    AuditRow event = audit.page(AuditCriteria.parse(null, null, "STAGE_CHANGED", null, String.valueOf(id)).criteria(),
        10, 0).get(0);
    assertThat(Duration.between(event.occurredAt(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    assertThat(event.partnerName()).isEqualTo("Zeitzone GmbH");
  }

  @Test
  void stageAggregatesGiveCountsMedianAndLongestDaysInStage() {
    // 5, 10, 30 and 60 days: the median of an even count is the mean of the middle two
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (int days : new int[] {5, 10, 30, 60}) {
      long id = partner("Stage " + days, "AGG", LifecycleStage.AGREEMENT);
      jdbc.update("UPDATE partner SET stage_since = ? WHERE id = ?", Sql.utc(now.minus(Duration.ofDays(days))), id);
    }
    List<StageRow> stages = dashboard.stages(PartnerFilter.of(null, "AGG", null, null, null, false), now);
    assertThat(stages).filteredOn(r -> r.stage() == LifecycleStage.AGREEMENT).singleElement()
        .isEqualTo(new StageRow(LifecycleStage.AGREEMENT, 4, 20L, 60L));
    assertThat(dashboard.regions()).contains("AGG");
  }

  @Test
  void nameFiltersMatchWildcardCharactersLiterally() {
    partner("100% Cloud_Partners", "LIKE", LifecycleStage.APPLIED);
    partner("1000 Cloud Partners", "LIKE", LifecycleStage.APPLIED);
    assertThat(dashboard.countPartners(PartnerFilter.of(null, "LIKE", null, null, "100%", false))).isEqualTo(1);
    assertThat(dashboard.countPartners(PartnerFilter.of(null, "LIKE", null, null, "cloud_p", false))).isEqualTo(1);
    assertThat(dashboard.countPartners(PartnerFilter.of(null, "LIKE", null, null, "CLOUD", false))).isEqualTo(2);
  }

  @Test
  void expiringAgreementsAndTasksByGroupAreCounted() {
    long id = partner("Expiring Ltd", "EXP", LifecycleStage.ACTIVE);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    jdbc.update("INSERT INTO agreement (partner_id, revision, status, tier, territory, term_months, document,"
        + " document_sha256, created_at, expires_on, idempotency_key) VALUES (?, 1, 'ACTIVE', 'GOLD', 'EU', 24, 't', ?,"
        + " ?, ?, 'exp-1')", id, "c".repeat(64), LocalDateTime.now(ZoneOffset.UTC), today.plusDays(20));
    var filter = PartnerFilter.of(null, "EXP", null, null, null, false);
    assertThat(dashboard.countExpiringAgreements(filter, today.plusDays(30))).isEqualTo(1);
    assertThat(dashboard.countExpiringAgreements(filter, today.plusDays(10))).isZero();
    // unfiltered, counted without the partner table: the same as counted with it
    assertThat(dashboard.countExpiringAgreements(PartnerFilter.NONE, today.plusDays(30))).isPositive()
        .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM agreement a JOIN partner p ON p.id = a.partner_id"
            + " WHERE a.status = 'ACTIVE' AND a.expires_on <= ?", Long.class, today.plusDays(30)));
    assertThat(dashboard.expiringAgreements(filter, today.plusDays(30), 10, 0).get(0).expiresOn())
        .isEqualTo(today.plusDays(20));

    Instant now = Instant.now();
    jdbc.update("INSERT INTO user_task (user_task_key, process_instance_key, bpmn_process_id, process_version,"
        + " element_id, element_instance_key, candidate_groups, partner_id, state, created_at, updated_at, due_date)"
        + " VALUES (1, 1, 'p', 1, 'T', 1, 'ops,legal', ?, 'OPEN', ?, ?, ?)", id,
        Sql.utc(now.minus(Duration.ofDays(8))), Sql.utc(now), Sql.utc(now.minus(Duration.ofDays(1))));
    var open = dashboard.openTasks(filter, now);
    assertThat(open.total()).as("a task offered to two groups is one task").isEqualTo(1);
    var groups = open.byGroup();
    assertThat(groups).extracting(DashboardQueries.TaskAgeRow::group).containsExactly("legal", "ops");
    assertThat(groups.get(0).overSevenDays()).isEqualTo(1);
    assertThat(groups.get(0).overdue()).isEqualTo(1);
  }

  @Test
  void latestSlaBreachesAreTheNewestOfTheMatchingPartnersAlsoBeyondTheNewestFew() {
    // a partner whose one breach is older than a window's worth of another partner's breaches
    long old = partner("Old Breach GmbH", "SLA-OLD", LifecycleStage.ONBOARDING);
    long busy = partner("Busy Breach GmbH", "SLA-BUSY", LifecycleStage.ACTIVE);
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    jdbc.update("INSERT INTO lifecycle_event (partner_id, occurred_at, actor_type, actor, event_type)"
        + " VALUES (?, ?, 'WORKER', 'sla-worker', ?)", old, now.minusDays(40), DashboardQueries.SLA_BREACHED);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < DashboardQueries.LATEST_BREACHES_WINDOW + 3; i++) {
      // pairs of equal timestamps: the newer id comes first
      rows.add(new Object[] {busy, now.minusMinutes(i / 2), DashboardQueries.SLA_BREACHED});
    }
    jdbc.batchUpdate("INSERT INTO lifecycle_event (partner_id, occurred_at, actor_type, actor, event_type)"
        + " VALUES (?, ?, 'WORKER', 'sla-worker', ?)", rows);
    List<Long> busyIds = jdbc.queryForList("SELECT id FROM lifecycle_event WHERE partner_id = ? AND event_type = ?"
        + " ORDER BY occurred_at DESC, id DESC", Long.class, busy, DashboardQueries.SLA_BREACHED);
    Instant since = now.minusDays(30).toInstant(ZoneOffset.UTC);

    var everyone = dashboard.slaBreaches(PartnerFilter.NONE, since, 5);
    assertThat(everyone.latest()).extracting(DashboardQueries.SlaRow::partnerName).containsOnly("Busy Breach GmbH");
    assertThat(everyone.latest()).extracting(DashboardQueries.SlaRow::occurredAt).isSortedAccordingTo(
        java.util.Comparator.reverseOrder());
    assertThat(audit.page(AuditCriteria.parse(null, null, DashboardQueries.SLA_BREACHED, null, null).criteria(), 5,
        0)).extracting(AuditRow::id).containsExactlyElementsOf(busyIds.subList(0, 5));

    var busyOnly = dashboard.slaBreaches(PartnerFilter.of(null, "SLA-BUSY", null, null, null, false), since, 5);
    assertThat(busyOnly.latest()).hasSize(5).extracting(DashboardQueries.SlaRow::stage)
        .containsOnly(LifecycleStage.ACTIVE);
    assertThat(busyOnly.recent()).isEqualTo(DashboardQueries.LATEST_BREACHES_WINDOW + 3);

    var oldOnly = dashboard.slaBreaches(PartnerFilter.of(null, "SLA-OLD", null, null, null, false), since, 5);
    assertThat(oldOnly.latest()).singleElement().satisfies(row -> {
      assertThat(row.partnerId()).isEqualTo(old);
      assertThat(row.partnerName()).isEqualTo("Old Breach GmbH");
      assertThat(row.occurredAt()).isEqualTo(now.minusDays(40).toInstant(ZoneOffset.UTC));
    });
    assertThat(oldOnly.recent()).isZero();
    assertThat(oldOnly.stillOnboarding()).isEqualTo(1);
    assertThat(dashboard.slaBreaches(PartnerFilter.of(null, "SLA-NOBODY", null, null, null, false), since, 5)
        .latest()).isEmpty();
  }

  @Test
  void exportBatchesContinueAfterTheLastRowEvenWhenTimestampsAreEqual() {
    long id = partner("Batch GmbH", "BAT", LifecycleStage.APPLIED);
    LocalDateTime same = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < AuditSearch.EXPORT_BATCH + 5; i++) {
      rows.add(new Object[] {id, same, "STAFF", "olivia.ops", "NOTE"});
    }
    jdbc.batchUpdate("INSERT INTO lifecycle_event (partner_id, occurred_at, actor_type, actor, event_type)"
        + " VALUES (?, ?, ?, ?, ?)", rows);
    var criteria = AuditCriteria.parse(null, null, "NOTE", "olivia", String.valueOf(id)).criteria();
    List<Long> ids = new ArrayList<>();
    audit.forEach(criteria, r -> ids.add(r.id()));
    assertThat(ids).hasSize(AuditSearch.EXPORT_BATCH + 5).doesNotHaveDuplicates();
    assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(audit.page(criteria, 3, 1001)).extracting(AuditRow::id).containsExactlyElementsOf(ids.subList(1001, 1004));
    assertThat(audit.eventTypes()).contains("NOTE", "STAGE_CHANGED", "PARTNER_REGISTERED").isSorted()
        .doesNotHaveDuplicates();
  }
}
