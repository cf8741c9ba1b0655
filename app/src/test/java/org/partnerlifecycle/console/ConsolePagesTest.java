package org.partnerlifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.console.DashboardQueries.StageRow;
import org.partnerlifecycle.console.DashboardQueries.TaskAgeRow;
import org.partnerlifecycle.console.DashboardQueries.TierRow;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.partner.Tier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dashboard numbers, the partner list, and the audit search with its exports, over partners of a region of
 * their own (the application context is shared, so every assertion filters on that region or these partners).
 */
@EmbeddedAppTest
class ConsolePagesTest {

  static final Actor OPS = new Actor(ActorType.STAFF, "olivia.ops");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired PartnerService partnerService;
  @Autowired PartnerRepository partners;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;

  String region;
  long applied;
  long atRisk;
  long active;
  /** The app's clock: on the embedded runtime the engine's, which other tests in this context may have moved. */
  @Autowired Clock clock;
  Instant now;
  LocalDate today;

  RequestPostProcessor manager() {
    return user(users.loadUserByUsername("manager"));
  }

  @BeforeEach
  void partnersOfTheirOwnRegion() {
    now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    region = "T-" + UUID.randomUUID().toString().substring(0, 8);
    applied = partner("Applied Alpha", Segment.RESELLER, LifecycleStage.APPLIED, null, Duration.ofDays(2));
    atRisk = partner("Onboarding Beta", Segment.MSP, LifecycleStage.ONBOARDING, null, Duration.ofDays(40));
    partner("Onboarding Gamma", Segment.MSP, LifecycleStage.ONBOARDING, null, Duration.ofDays(20));
    partner("Onboarding Delta", Segment.MSP, LifecycleStage.ONBOARDING, null, Duration.ofDays(10));
    active = partner("Active Epsilon", Segment.DISTRIBUTOR, LifecycleStage.ACTIVE, Tier.GOLD, Duration.ofDays(100));
    tx.executeWithoutResult(s -> partners.findById(atRisk).orElseThrow().flagAtRisk(true));
    partnerService.recordEvent(atRisk, DashboardQueries.SLA_BREACHED, new Actor(ActorType.WORKER,
        "partner-onboarding-sla-breach"), new ProcessRef(1L, "partner-onboarding", 1, "RecordSlaBreach"),
        Map.of("sla", "P30D"), null);
    jdbc.update("INSERT INTO agreement (partner_id, revision, status, tier, territory, term_months, document,"
        + " document_sha256, created_at, effective_from, expires_on, idempotency_key) VALUES (?, 1, 'ACTIVE', 'GOLD',"
        + " ?, 24, 'text', ?, ?, ?, ?, ?)", active, region, "a".repeat(64), utc(now), today.minusMonths(23),
        today.plusDays(10), "test-" + region);
    jdbc.update("INSERT INTO user_task (user_task_key, process_instance_key, bpmn_process_id, process_version,"
        + " element_id, element_instance_key, candidate_groups, partner_id, state, created_at, updated_at, due_date)"
        + " VALUES (?, 1, 'partner-onboarding', 1, 'VerifyDocuments', 1, 'channel-ops,channel-legal', ?, 'OPEN', ?, ?, ?)",
        Math.abs(UUID.randomUUID().getMostSignificantBits()), atRisk, utc(now.minus(Duration.ofDays(2))),
        utc(now), utc(now.minus(Duration.ofDays(1))));
  }

  private long partner(String name, Segment segment, LifecycleStage stage, Tier tier, Duration inStage) {
    long id = partnerService.register(name + " " + region, "DE", region, segment, List.of("Cloud"), OPS).getId();
    partnerService.moveToStage(id, stage, OPS, ProcessRef.NONE, Map.of(), null);
    tx.executeWithoutResult(s -> {
      if (tier != null) partners.findById(id).orElseThrow().setTier(tier);
    });
    jdbc.update("UPDATE partner SET stage_since = ? WHERE id = ?", utc(now.minus(inStage)), id);
    return id;
  }

  private static Timestamp utc(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDashboardCountsByStageAndTierWithTimeInStageRiskSlaTasksAndExpiringAgreements() throws Exception {
    var model = mvc.perform(get("/console").param("region", region).with(manager()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Onboarding Beta " + region)))
        .andReturn().getModelAndView().getModel();

    var stages = (List<StageRow>) model.get("stages");
    assertThat(stages).hasSize(LifecycleStage.values().length);
    assertThat(stages).filteredOn(r -> r.stage() == LifecycleStage.ONBOARDING).singleElement()
        .isEqualTo(new StageRow(LifecycleStage.ONBOARDING, 3, 20L, 40L));
    assertThat(stages).filteredOn(r -> r.stage() == LifecycleStage.APPLIED).singleElement()
        .isEqualTo(new StageRow(LifecycleStage.APPLIED, 1, 2L, 2L));
    assertThat(stages).filteredOn(r -> r.stage() == LifecycleStage.DECLINED).singleElement()
        .isEqualTo(new StageRow(LifecycleStage.DECLINED, 0, null, null));
    assertThat(model.get("totalPartners")).isEqualTo(5L);
    assertThat((List<TierRow>) model.get("tiers")).contains(new TierRow("GOLD", 1), new TierRow("NONE", 4),
        new TierRow("PLATINUM", 0));

    assertThat(((Pager) model.get("riskPager")).total()).isEqualTo(1);
    assertThat((List<DashboardQueries.PartnerRow>) model.get("atRisk")).extracting(DashboardQueries.PartnerRow::id)
        .containsExactly(atRisk);
    var sla = (DashboardQueries.SlaSummary) model.get("sla");
    assertThat(sla.recent()).isEqualTo(1);
    assertThat(sla.stillOnboarding()).isEqualTo(1);
    assertThat(sla.latest()).extracting(DashboardQueries.SlaRow::partnerId).containsExactly(atRisk);
    assertThat((List<DashboardQueries.AgreementRow>) model.get("expiring")).extracting(DashboardQueries.AgreementRow::partnerId)
        .containsExactly(active);

    assertThat(model.get("openTasks")).isEqualTo(1L);
    var groups = (List<TaskAgeRow>) model.get("taskGroups");
    assertThat(groups).extracting(TaskAgeRow::group).containsExactly("channel-legal", "channel-ops");
    assertThat(groups.get(1)).satisfies(g -> {
      assertThat(g.open()).isEqualTo(1);
      assertThat(g.oneToThreeDays()).isEqualTo(1);
      assertThat(g.overdue()).isEqualTo(1);
    });

    var narrower = mvc.perform(get("/console").param("region", region).param("within", "5").param("segment", "MSP")
        .with(manager())).andReturn().getModelAndView().getModel();
    assertThat((List<?>) narrower.get("expiring")).isEmpty();
    assertThat(narrower.get("totalPartners")).isEqualTo(3L);
  }

  @Test
  void thePartnerPageShowsCertificationsPlansScorecardsRemediationAndDeals() throws Exception {
    long verifyInstance = Math.abs(UUID.randomUUID().getMostSignificantBits());
    jdbc.update("INSERT INTO certification (partner_id, person_name, person_email, level, evidence, status,"
        + " submitted_at, submitted_by, decided_at, expires_at, process_instance_key) VALUES (?, 'Vera Verified',"
        + " 'vera@epsilon.example', 'TECHNICAL_SPECIALIST', 'Exam 4711', 'VERIFIED', ?, 'pat', ?, ?, ?)", active,
        utc(now.minus(Duration.ofDays(30))), utc(now.minus(Duration.ofDays(28))), utc(now.plus(Duration.ofDays(700))),
        verifyInstance);
    jdbc.update("INSERT INTO user_task (user_task_key, process_instance_key, bpmn_process_id, process_version,"
        + " element_id, element_instance_key, candidate_groups, assignee, partner_id, state, created_at, updated_at,"
        + " ended_at) VALUES (?, ?, 'partner-certification', 1, 'VerifyCertification', 1, 'channel-ops', 'vic.verifier',"
        + " ?, 'COMPLETED', ?, ?, ?)", Math.abs(UUID.randomUUID().getMostSignificantBits()), verifyInstance, active,
        utc(now.minus(Duration.ofDays(30))), utc(now.minus(Duration.ofDays(28))), utc(now.minus(Duration.ofDays(28))));
    jdbc.update("INSERT INTO certification (partner_id, person_name, person_email, level, evidence, status,"
        + " submitted_at, submitted_by) VALUES (?, 'Sam Submitted', 'sam@epsilon.example', 'SALES_ASSOCIATE', 'Course',"
        + " 'SUBMITTED', ?, 'pat')", active, utc(now.minus(Duration.ofDays(1))));

    int year = today.getYear();
    jdbc.update("INSERT INTO business_plan (partner_id, plan_year, status, revenue_target, share_of_sales_target,"
        + " product_lines, new_customers_target, certified_staff_target, marketing_activities_target, submitted_at,"
        + " submitted_by, approved_at, created_at, idempotency_key) VALUES (?, ?, 'APPROVED', 400000, 40, 'ERP', 8, 4,"
        + " 6, ?, 'pat', ?, ?, ?)", active, year, utc(now.minus(Duration.ofDays(90))),
        utc(now.minus(Duration.ofDays(80))), utc(now.minus(Duration.ofDays(95))), "plan-" + region);
    long planId = jdbc.queryForObject("SELECT id FROM business_plan WHERE idempotency_key = ?", Long.class,
        "plan-" + region);
    jdbc.update("INSERT INTO quarterly_review (plan_id, quarter, period, revenue_actual, revenue_target,"
        + " share_of_sales_actual, new_customers_actual, certified_staff_actual, marketing_activities_actual,"
        + " customer_satisfaction, data_missing, recorded_at, idempotency_key) VALUES (?, 1, ?, 90000, 100000, 37, 3,"
        + " 2, 1, 8.4, FALSE, ?, ?)", planId, year + "-Q1", utc(now.minus(Duration.ofDays(10))), "review-" + region);

    jdbc.update("INSERT INTO scorecard (partner_id, period, evaluated_at, revenue_attainment, deal_close_rate,"
        + " market_penetration, certified_staff, required_certified_staff, customer_satisfaction, current_tier,"
        + " non_productive, composite_score, maturity, category_rank, category_size, action, target_tier, reason,"
        + " outcome, idempotency_key) VALUES (?, ?, ?, 0.900, 0.500, 0.042, 3, 5, 8.4, 'GOLD', FALSE, 72, 'STRATEGIC',"
        + " 2, 7, 'DEMOTE', 'SILVER', 'Too few certified staff', 'REMEDIATION', ?)", active, year + "-Q1",
        utc(now.minus(Duration.ofDays(9))), "scorecard-" + region);
    long scorecardId = jdbc.queryForObject("SELECT id FROM scorecard WHERE idempotency_key = ?", Long.class,
        "scorecard-" + region);
    jdbc.update("INSERT INTO remediation (partner_id, scorecard_id, target_tier, plan, opened_at, window_ends_at,"
        + " status, idempotency_key) VALUES (?, ?, 'SILVER', 'Certify two more architects', ?, ?, 'OPEN', ?)", active,
        scorecardId, utc(now.minus(Duration.ofDays(9))), utc(now.plus(Duration.ofDays(81))), "remediation-" + region);
    int deals = PartnershipRecords.DEAL_ROWS + 2;
    for (int i = 1; i <= deals; i++) {
      jdbc.update("INSERT INTO deal_registration (partner_id, customer_name, customer_key, country, product_lines,"
          + " estimated_value, expected_close, status, registered_at, registered_by) VALUES (?, ?, ?, 'DE', 'ERP',"
          + " 50000, ?, 'APPROVED', ?, 'pat')", active, "Customer No" + i + " " + region, "customer no" + i + region,
          today.plusMonths(2), utc(now.minus(Duration.ofDays(deals + 1 - i))));
    }

    String page = mvc.perform(get("/console/partners/" + active).with(manager()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    // certifications: who holds what until when, and who verified it (the assignee of its completed task)
    assertThat(page).contains("Vera Verified", "Technical Specialist", "vic.verifier",
        LocalDate.ofInstant(now.plus(Duration.ofDays(700)), ZoneOffset.UTC).toString(), "Sam Submitted",
        "awaiting verification", "2 certifications, newest first.");
    // the plan's year targets and its quarter's actuals against the quarter's share of the revenue target
    assertThat(page).contains("Plan " + year, "400,000", year + "-Q1", "90,000", "100,000", "(90%)", "37%");
    // the scorecard's metrics, maturity and rank in its category, and the remediation window it opened
    assertThat(page).contains("<td>90%</td>", "<td>50%</td>", "<td>4.2%</td>", "3 (5)", "strategic", "2 of 7",
        "demote", "→ SILVER", "Certify two more architects");
    // deal registrations: the latest ones only, with the total
    assertThat(page).contains("The latest " + PartnershipRecords.DEAL_ROWS + " of " + deals + " deal registrations",
        "Customer No" + deals + " " + region, "Customer No3 " + region)
        .doesNotContain("Customer No2 " + region, "Customer No1 " + region);
    // a partner without any of it says so
    mvc.perform(get("/console/partners/" + applied).with(manager()))
        .andExpect(content().string(allOf(containsString("No certification submitted."),
            containsString("No business plan yet."), containsString("Not evaluated yet."),
            containsString("No deal registered."), not(containsString("Remediation windows")))));
  }

  @Test
  void thePartnerListFiltersSortsAndPages() throws Exception {
    mvc.perform(get("/console/partners").param("region", region).param("sort", "name").param("size", "2")
            .with(manager()))
        .andExpect(content().string(containsString("5 partners")))
        .andExpect(content().string(containsString("Page 1 of 3")))
        .andExpect(content().string(containsString("Active Epsilon " + region)))
        .andExpect(content().string(containsString("Applied Alpha " + region)))
        .andExpect(content().string(not(containsString("Onboarding Beta " + region))));
    mvc.perform(get("/console/partners").param("region", region).param("atRisk", "true").with(manager()))
        .andExpect(content().string(containsString("1 partners")))
        .andExpect(content().string(containsString("Onboarding Beta " + region)));
    mvc.perform(get("/console/partners").param("q", "epsilon " + region.toLowerCase()).with(manager()))
        .andExpect(content().string(containsString("1 partners")));
    mvc.perform(get("/console/partners").param("region", region).param("stage", "NOT_A_STAGE").param("page", "-3")
            .with(manager()))
        .andExpect(status().isOk()).andExpect(content().string(containsString("5 partners")));
  }

  @Test
  void theAuditSearchFiltersByPartnerTypeActorAndDate() throws Exception {
    String byName = mvc.perform(get("/console/audit").param("partner", "beta " + region).with(manager()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(byName).contains("ONBOARDING_SLA_BREACHED", "PARTNER_REGISTERED", "partner-onboarding v1 · RecordSlaBreach")
        .doesNotContain("Alpha " + region);

    mvc.perform(get("/console/audit").param("partner", String.valueOf(applied)).param("type", "STAGE_CHANGED")
            .with(manager()))
        .andExpect(content().string(containsString("Applied Alpha " + region)))
        .andExpect(content().string(not(containsString("PARTNER_REGISTERED</code>"))));
    mvc.perform(get("/console/audit").param("partner", region).param("actor", "partner-onboarding-sla")
            .with(manager()))
        .andExpect(content().string(containsString("Onboarding Beta " + region)))
        .andExpect(content().string(not(containsString("Applied Alpha " + region))));
    String tomorrow = today.plusDays(1).toString();
    mvc.perform(get("/console/audit").param("partner", region).param("from", tomorrow).with(manager()))
        .andExpect(content().string(containsString("No event matches.")));
    mvc.perform(get("/console/audit").param("from", "yesterday").param("to", "2020-01-01").with(manager()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("From: enter a date as YYYY-MM-DD (got &quot;yesterday&quot;).")));
    mvc.perform(get("/console/audit").param("from", "2021-01-02").param("to", "2021-01-01").with(manager()))
        .andExpect(content().string(containsString("The end date is before the start date.")));
    mvc.perform(get("/console/audit/export.csv").param("from", "not-a-date").with(manager()))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theExportsHoldExactlyTheFilteredEventsNewestFirst() throws Exception {
    var csv = mvc.perform(get("/console/audit/export.csv").param("partner", region).with(manager()))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
        .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.matchesPattern(
            "attachment; filename=\"audit-\\d{8}-\\d{6}\\.csv\"")))
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> lines = List.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
    long expected = jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_event e JOIN partner p ON p.id = e.partner_id"
        + " WHERE p.region = ?", Long.class, region);
    assertThat(lines).hasSize((int) expected + 1);
    assertThat(lines.get(0)).startsWith("occurred_at_utc,event_id,partner_id,partner_name,event_type");
    assertThat(lines.get(1)).contains("ONBOARDING_SLA_BREACHED", "Onboarding Beta " + region);

    byte[] json = mvc.perform(get("/console/audit/export.json").param("partner", region)
            .param("type", "STAGE_CHANGED").with(manager()))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
        .andReturn().getResponse().getContentAsByteArray();
    JsonNode events = new ObjectMapper().readTree(json);
    assertThat(events).hasSize(5);
    for (JsonNode event : events) {
      assertThat(event.path("eventType").asText()).isEqualTo("STAGE_CHANGED");
      assertThat(event.path("partner").path("name").asText()).endsWith(region);
      assertThat(event.path("actor").path("name").asText()).isEqualTo("olivia.ops");
    }
    List<String> times = events.findValuesAsText("occurredAt");
    assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void exportsStreamInBatchesWithoutLosingOrRepeatingEvents() throws Exception {
    long partnerId = partnerService.register("Batch Zeta " + region, "DE", region, Segment.RESELLER, List.of(), OPS)
        .getId();
    int many = AuditSearch.EXPORT_BATCH + 7;
    tx.executeWithoutResult(s -> {
      for (int i = 0; i < many; i++) {
        partnerService.recordEvent(partnerId, "NOTE", OPS, ProcessRef.NONE, Map.of("n", i), null);
      }
    });
    byte[] json = mvc.perform(get("/console/audit/export.json").param("partner", String.valueOf(partnerId))
        .param("type", "NOTE").with(manager())).andReturn().getResponse().getContentAsByteArray();
    JsonNode events = new ObjectMapper().readTree(json);
    assertThat(events).hasSize(many);
    var ids = new java.util.HashSet<Long>();
    events.forEach(e -> ids.add(e.path("id").asLong()));
    assertThat(ids).hasSize(many);
  }
}
