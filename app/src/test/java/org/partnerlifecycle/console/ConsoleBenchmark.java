package org.partnerlifecycle.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.partnerlifecycle.account.Role;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.onboarding.LifecycleBenchmark.Percentiles;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.partner.Tier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Console latency at scale: partners and audit events bulk-loaded with JDBC batches (spread over stages, tiers,
 * segments, regions, event types, actors and two years of dates), then the dashboard, a partner's page and an
 * audit search requested through MockMvc as a signed-in manager, each timed end to end (controller, queries,
 * template).
 */
public class ConsoleBenchmark {

  private static final int BATCH = 5_000;
  private static final String[] REGIONS = {"DACH", "Benelux", "Nordics", "UK&I", "France", "Iberia", "Italy",
      "CEE", "North America", "LATAM", "APAC", "Middle East"};
  private static final String[] COUNTRIES = {"DE", "NL", "SE", "GB", "FR", "ES", "IT", "PL", "US", "BR", "SG", "AE"};
  private static final String[] EVENT_TYPES = {"PARTNER_REGISTERED", "STAGE_CHANGED", "BRIEF_ACKNOWLEDGED",
      "AGREEMENT_SIGNED", "AGREEMENT_ACTIVATED", "PROFILE_SUBMITTED", "TRAINING_ASSIGNED",
      "TRAINING_MODULE_COMPLETED", "PORTAL_ACCESS_GRANTED", "NOTIFICATION_SENT", "DEAL_REGISTERED",
      "PLAN_SUBMITTED", "EVALUATION_RECORDED", "ONBOARDING_SLA_BREACHED", "TIER_CHANGED"};
  private static final String[] STAFF = {"ops", "manager", "admin", "ops2", "cm.berlin", "cm.paris"};
  /** Mostly active partners, a long tail in onboarding and ended relationships, as a program a few years old. */
  private static final LifecycleStage[] STAGE_MIX = weighted(Map.of(LifecycleStage.ACTIVE, 55,
      LifecycleStage.APPLIED, 4, LifecycleStage.QUALIFIED, 2, LifecycleStage.BRIEFED, 3, LifecycleStage.AGREEMENT, 4,
      LifecycleStage.ONBOARDING, 8, LifecycleStage.DECLINED, 10, LifecycleStage.WITHDRAWN, 6,
      LifecycleStage.SUSPENDED, 3, LifecycleStage.TERMINATED, 5));

  private final ApplicationContext app;
  private final JdbcTemplate jdbc;
  private final MockMvc mvc;
  private final UserDetailsService users;
  private final UserAccountRepository accounts;
  private final PasswordEncoder passwords;
  private final PrintStream out;
  private final Random random = new Random(42);
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final List<Long> partnerIds = new ArrayList<>();
  private long events;

  public ConsoleBenchmark(ApplicationContext app, PrintStream out) {
    this.app = app;
    this.jdbc = app.getBean(JdbcTemplate.class);
    this.mvc = app.getBean(MockMvc.class);
    this.users = app.getBean(UserDetailsService.class);
    this.accounts = app.getBean(UserAccountRepository.class);
    this.passwords = app.getBean(PasswordEncoder.class);
    this.out = out;
  }

  public int partners() {
    return partnerIds.size();
  }

  public long events() {
    return events;
  }

  /**
   * Adds partners and events until there are this many of each loaded by this benchmark; each new partner gets
   * what its stage implies for the dashboard: an agreement once past onboarding, open tasks while onboarding,
   * completed tasks afterwards.
   */
  public void loadUpTo(int partners, long auditEvents) {
    long start = System.nanoTime();
    long lastLoaded = partnerIds.isEmpty() ? 0 : partnerIds.get(partnerIds.size() - 1);
    addPartners(partners - partnerIds.size());
    addAgreementsAndTasks(lastLoaded);
    addEvents(auditEvents - events);
    out.printf("console data: %,d partners, %,d audit events loaded by the benchmark (%.1f s)%n", partnerIds.size(),
        events, (System.nanoTime() - start) / 1e9);
  }

  private void addPartners(int count) {
    Segment[] segments = Segment.values();
    Tier[] tiers = Tier.values();
    for (int done = 0; done < count; done += BATCH) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = done; i < Math.min(count, done + BATCH); i++) {
        int n = partnerIds.size() + i;
        int region = random.nextInt(REGIONS.length);
        LifecycleStage stage = STAGE_MIX[random.nextInt(STAGE_MIX.length)];
        Instant created = now.minus(random.nextInt(3 * 365) + 1, ChronoUnit.DAYS);
        Instant since = created.plus(random.nextInt((int) ChronoUnit.DAYS.between(created, now) + 1), ChronoUnit.DAYS);
        String tier = stage == LifecycleStage.ACTIVE || stage == LifecycleStage.SUSPENDED
            ? tiers[Math.min(tiers.length - 1, (int) Math.abs(random.nextGaussian() * 1.2))].name() : null;
        rows.add(new Object[] {"Scale Partner " + n + " " + REGIONS[region], COUNTRIES[region], REGIONS[region],
            segments[random.nextInt(segments.length)].name(), "Cloud migration, Data platforms", tier, stage.name(),
            Timestamp.from(since), random.nextInt(100) < 4, Timestamp.from(created)});
      }
      jdbc.batchUpdate("INSERT INTO partner (legal_name, country, region, segment, domain_expertise, tier, stage, "
          + "stage_since, at_risk, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }
    partnerIds.clear();
    partnerIds.addAll(jdbc.queryForList("SELECT id FROM partner WHERE legal_name LIKE 'Scale Partner %' ORDER BY id",
        Long.class));
  }

  private static final String[] TASK_GROUPS = {"channel-ops", "channel-managers", "channel-ops,channel-legal"};

  /** Agreements and user tasks for the partners loaded after {@code afterId}, in line with their stages. */
  private void addAgreementsAndTasks(long afterId) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<Object[]> agreements = new ArrayList<>();
    List<Object[]> tasks = new ArrayList<>();
    jdbc.query("SELECT id, stage, tier, stage_since FROM partner WHERE legal_name LIKE 'Scale Partner %' AND id > ?"
        + " ORDER BY id", rs -> {
          long id = rs.getLong("id");
          LifecycleStage stage = LifecycleStage.valueOf(rs.getString("stage"));
          Instant since = rs.getTimestamp("stage_since").toInstant();
          switch (stage) {
            case ACTIVE, SUSPENDED, TERMINATED -> {
              String status = stage == LifecycleStage.TERMINATED ? "EXPIRED" : "ACTIVE";
              LocalDate expires = today.plusDays(random.nextInt(760) - 30);
              agreements.add(new Object[] {id, status, rs.getString("tier") == null ? "REGISTERED" : rs.getString("tier"),
                  Timestamp.from(since), expires.minusMonths(24), expires, "bench-agreement-" + id});
              for (int i = 0; i < 3; i++) {
                tasks.add(task(id, i, "COMPLETED", since.minus(random.nextInt(300) + 1, ChronoUnit.DAYS)));
              }
            }
            case APPLIED, QUALIFIED, BRIEFED, AGREEMENT, ONBOARDING ->
                tasks.add(task(id, 0, "OPEN", now.minusSeconds(random.nextLong(30L * 24 * 3600))));
            default -> { }
          }
        }, afterId);
    for (int from = 0; from < agreements.size(); from += BATCH) {
      jdbc.batchUpdate("INSERT INTO agreement (partner_id, revision, status, tier, territory, term_months, document,"
          + " document_sha256, created_at, effective_from, expires_on, idempotency_key) VALUES (?, 1, ?, ?, 'EU', 24,"
          + " 'benchmark agreement', '" + "0".repeat(64) + "', ?, ?, ?, ?)",
          agreements.subList(from, Math.min(agreements.size(), from + BATCH)));
    }
    for (int from = 0; from < tasks.size(); from += BATCH) {
      jdbc.batchUpdate("INSERT INTO user_task (user_task_key, process_instance_key, bpmn_process_id, process_version,"
          + " element_id, element_instance_key, candidate_groups, partner_id, state, created_at, updated_at, due_date)"
          + " VALUES (?, ?, 'partner-onboarding', 1, 'VerifyDocuments', ?, ?, ?, ?, ?, ?, ?)",
          tasks.subList(from, Math.min(tasks.size(), from + BATCH)));
    }
  }

  private Object[] task(long partnerId, int n, String state, Instant created) {
    long key = 9_000_000_000_000L + partnerId * 10 + n;
    return new Object[] {key, 8_000_000_000_000L + partnerId, key, TASK_GROUPS[random.nextInt(TASK_GROUPS.length)],
        partnerId, state, Timestamp.from(created), Timestamp.from(created), Timestamp.from(created.plus(7,
        ChronoUnit.DAYS))};
  }

  private void addEvents(long count) {
    ActorType[] actorTypes = ActorType.values();
    LifecycleStage[] stages = LifecycleStage.values();
    for (long done = 0; done < count; done += BATCH) {
      List<Object[]> rows = new ArrayList<>();
      for (long i = done; i < Math.min(count, done + BATCH); i++) {
        long partner = partnerIds.get(random.nextInt(partnerIds.size()));
        String type = EVENT_TYPES[random.nextInt(EVENT_TYPES.length)];
        ActorType actorType = actorTypes[random.nextInt(actorTypes.length)];
        String actor = switch (actorType) {
          case STAFF -> STAFF[random.nextInt(STAFF.length)];
          case PARTNER_USER -> "user" + partner + "@partner.example";
          default -> actorType.name().toLowerCase();
        };
        boolean stageChange = type.equals("STAGE_CHANGED");
        Instant at = now.minusSeconds(random.nextLong(2L * 365 * 24 * 3600));
        rows.add(new Object[] {partner, Timestamp.from(at), actorType.name(), actor, type,
            stageChange ? stages[random.nextInt(stages.length)].name() : null,
            stageChange ? stages[random.nextInt(stages.length)].name() : null,
            "{\"source\":\"benchmark\"}"});
      }
      jdbc.batchUpdate("INSERT INTO lifecycle_event (partner_id, occurred_at, actor_type, actor, event_type, "
          + "stage_from, stage_to, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }
    events += count;
  }

  /** A channel manager of its own, so that the benchmark does not depend on the demo data. */
  private UserDetails manager() {
    String username = "bench-manager";
    if (accounts.findByUsername(username).isEmpty()) {
      var account = UserAccount.staff(username, "Benchmark manager", username + "@vendor.example", Role.MANAGER, now);
      account.activate(passwords.encode(java.util.UUID.randomUUID().toString()));
      accounts.save(account);
    }
    return users.loadUserByUsername(username);
  }

  public record PageLatency(String page, Percentiles millis) {}

  /** Each page requested this many times (after one warm-up request each); returns the worst p95. */
  public long measure(int requests) {
    var manager = user(manager());
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Map<String, java.util.function.Supplier<RequestBuilder>> pages = new LinkedHashMap<>();
    pages.put("dashboard /console", () -> get("/console").with(manager));
    pages.put("dashboard filtered /console?...", () -> dashboardFilter(get("/console")).with(manager));
    pages.put("partner /console/partners/{id}",
        () -> get("/console/partners/{id}", partnerIds.get(random.nextInt(partnerIds.size()))).with(manager));
    pages.put("audit search /console/audit", () -> get("/console/audit")
        .param("type", EVENT_TYPES[random.nextInt(EVENT_TYPES.length)])
        .param("from", today.minusDays(90).toString()).param("to", today.toString()).with(manager));
    long worst = 0;
    for (var page : pages.entrySet()) {
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i <= requests; i++) {
        long start = System.nanoTime();
        int status;
        try {
          status = mvc.perform(page.getValue().get()).andReturn().getResponse().getStatus();
        } catch (Exception e) {
          throw new IllegalStateException(page.getKey() + " failed", e);
        }
        if (status != 200) {
          throw new IllegalStateException(page.getKey() + " answered " + status);
        }
        if (i > 0) {
          millis.add((System.nanoTime() - start) / 1_000_000);
        }
      }
      Percentiles p = Percentiles.of(millis);
      out.printf("  %-32s n=%d  p50 %5d ms  p95 %5d ms%n", page.getKey(), requests, p.p50(), p.p95());
      worst = Math.max(worst, p.p95());
    }
    return worst;
  }

  /** One of the filters a manager uses: a region, a segment in a region, a tier, or a stage. */
  private MockHttpServletRequestBuilder dashboardFilter(MockHttpServletRequestBuilder request) {
    return switch (random.nextInt(4)) {
      case 0 -> request.param("region", REGIONS[random.nextInt(REGIONS.length)]);
      case 1 -> request.param("region", REGIONS[random.nextInt(REGIONS.length)])
          .param("segment", Segment.values()[random.nextInt(Segment.values().length)].name());
      case 2 -> request.param("tier", Tier.values()[random.nextInt(Tier.values().length)].name());
      default -> request.param("stage", STAGE_MIX[random.nextInt(STAGE_MIX.length)].name());
    };
  }

  /**
   * Each query behind the dashboard and the audit search timed on its own (p50/p95 of {@code runs}), unfiltered
   * and filtered, to tell which one a slow page waits for.
   */
  public void profile(int runs) {
    DashboardQueries dashboard = app.getBean(DashboardQueries.class);
    AuditSearch audit = app.getBean(AuditSearch.class);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Map<String, PartnerFilter> filters = new LinkedHashMap<>();
    filters.put("none", PartnerFilter.NONE);
    filters.put("region", PartnerFilter.of(null, "DACH", null, null, null, false));
    filters.put("segment+region", PartnerFilter.of(Segment.values()[0].name(), "Nordics", null, null, null, false));
    filters.put("tier", PartnerFilter.of(null, null, Tier.values()[1].name(), null, null, false));
    filters.put("stage", PartnerFilter.of(null, null, null, "ONBOARDING", null, false));
    out.println("console queries, each alone:");
    // H2 hands a statement run again with the same parameters its previous result while no table changed; a page
    // runs more statements than H2 keeps per session, so this would only flatter the numbers here
    boolean h2 = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().equals("H2")));
    if (h2) {
      jdbc.execute("SET OPTIMIZE_REUSE_RESULTS 0");
    }
    try {
      profileQueries(runs, dashboard, audit, today, filters);
    } finally {
      if (h2) {
        jdbc.execute("SET OPTIMIZE_REUSE_RESULTS 1");
      }
    }
  }

  private void profileQueries(int runs, DashboardQueries dashboard, AuditSearch audit, LocalDate today,
      Map<String, PartnerFilter> filters) {
    filters.forEach((name, filter) -> {
      time("stages [" + name + "]", runs, () -> dashboard.stages(filter, now));
      time("tiers [" + name + "]", runs, () -> dashboard.tiers(filter));
      time("slaBreaches [" + name + "]", runs,
          () -> dashboard.slaBreaches(filter, now.minus(30, ChronoUnit.DAYS), 5));
      time("openTasks [" + name + "]", runs, () -> dashboard.openTasks(filter, now));
      time("countAtRisk [" + name + "]", runs, () -> dashboard.countAtRisk(filter));
      time("atRisk [" + name + "]", runs, () -> dashboard.atRisk(filter, 10, 0));
      time("countExpiringAgreements [" + name + "]", runs,
          () -> dashboard.countExpiringAgreements(filter, today.plusDays(90)));
      time("expiringAgreements [" + name + "]", runs,
          () -> dashboard.expiringAgreements(filter, today.plusDays(90), 10, 0));
      time("partners latest [" + name + "]", runs, () -> dashboard.partners(filter, false, 10, 0));
    });
    time("regions", runs, dashboard::regions);
    time("audit page [type, 90 days]", runs, () -> audit.page(AuditCriteria.parse(today.minusDays(90).toString(),
        today.toString(), EVENT_TYPES[random.nextInt(EVENT_TYPES.length)], null, null).criteria(), 51, 0));
    time("audit page [unfiltered]", runs, () -> audit.page(AuditCriteria.parse(null, null, null, null, null)
        .criteria(), 51, 0));
    time("audit eventTypes", runs, audit::eventTypes);
  }

  private void time(String query, int runs, Runnable call) {
    call.run();
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      call.run();
      micros.add((System.nanoTime() - start) / 1_000);
    }
    Percentiles p = Percentiles.of(micros);
    out.printf("  %-44s p50 %8.1f ms  p95 %8.1f ms%n", query, p.p50() / 1000.0, p.p95() / 1000.0);
  }

  private static LifecycleStage[] weighted(Map<LifecycleStage, Integer> weights) {
    List<LifecycleStage> mix = new ArrayList<>();
    weights.forEach((stage, weight) -> {
      for (int i = 0; i < weight; i++) {
        mix.add(stage);
      }
    });
    return mix.toArray(LifecycleStage[]::new);
  }
}
