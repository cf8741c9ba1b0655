package org.partnerlifecycle.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.partner.Tier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's numbers, each one aggregate query (GROUP BY, COUNT, MIN) over an index, so the page costs the
 * same few queries at 50 partners and at 50,000; lists are paged.
 */
@Repository
class DashboardQueries {

  /** Stages a partner does not leave: time "in" them is time since the relationship ended, not shown. */
  static final Set<LifecycleStage> FINAL_STAGES = EnumSet.of(LifecycleStage.DECLINED, LifecycleStage.WITHDRAWN,
      LifecycleStage.TERMINATED);
  static final String SLA_BREACHED = "ONBOARDING_SLA_BREACHED";

  private final NamedParameterJdbcTemplate jdbc;

  DashboardQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record StageRow(LifecycleStage stage, long partners, Long medianDays, Long maxDays) {}

  record TierRow(String tier, long partners) {}

  record PartnerRow(long id, String legalName, String country, String region, Segment segment, String tier,
      LifecycleStage stage, Instant stageSince, boolean atRisk) {
    public long daysInStage(Instant now) {
      return Duration.between(stageSince, now).toDays();
    }
  }

  record AgreementRow(long agreementId, long partnerId, String partnerName, int revision, String tier,
      LocalDate expiresOn) {}

  record SlaRow(Instant occurredAt, long partnerId, String partnerName, LifecycleStage stage) {}

  record SlaSummary(long recent, long stillOnboarding, List<SlaRow> latest) {}

  /** Open tasks of one candidate group by age. A task offered to two groups counts in each. */
  record TaskAgeRow(String group, long open, long underOneDay, long oneToThreeDays, long threeToSevenDays,
      long overSevenDays, long overdue, Instant oldest) {
    TaskAgeRow plus(TaskAgeRow o) {
      return new TaskAgeRow(group, open + o.open, underOneDay + o.underOneDay, oneToThreeDays + o.oneToThreeDays,
          threeToSevenDays + o.threeToSevenDays, overSevenDays + o.overSevenDays, overdue + o.overdue,
          oldest == null || (o.oldest != null && o.oldest.isBefore(oldest)) ? o.oldest : oldest);
    }
  }

  /** Partners per stage (every stage, zero included) with median and longest days in the current stage. */
  List<StageRow> stages(PartnerFilter filter, Instant now) {
    var params = new MapSqlParameterSource();
    String where = filter.sql("p", params);
    Map<LifecycleStage, Long> counts = new EnumMap<>(LifecycleStage.class);
    Map<LifecycleStage, Instant> earliest = new EnumMap<>(LifecycleStage.class);
    jdbc.query("SELECT p.stage, COUNT(*) AS partners, MIN(p.stage_since) AS earliest FROM partner p WHERE 1=1"
        + where + " GROUP BY p.stage", params, rs -> {
          LifecycleStage stage = LifecycleStage.valueOf(rs.getString("stage"));
          counts.put(stage, rs.getLong("partners"));
          earliest.put(stage, Sql.instant(rs, "earliest"));
        });
    List<StageRow> rows = new ArrayList<>();
    for (LifecycleStage stage : LifecycleStage.values()) {
      long partners = counts.getOrDefault(stage, 0L);
      if (partners == 0 || FINAL_STAGES.contains(stage)) {
        rows.add(new StageRow(stage, partners, null, null));
        continue;
      }
      rows.add(new StageRow(stage, partners, medianDaysInStage(filter, stage, partners, now),
          Duration.between(earliest.get(stage), now).toDays()));
    }
    return rows;
  }

  /**
   * The median time in a stage, from the middle stage_since value(s) read at an offset along the
   * (stage, stage_since, filter columns) index: one row for an odd count, the mean of the two middle ones for an
   * even count. The ORDER BY names the fixed stage too, so that H2 also walks that index in order and stops at
   * the middle rather than sorting the whole stage; the filter is checked on the index entries.
   */
  private long medianDaysInStage(PartnerFilter filter, LifecycleStage stage, long partners, Instant now) {
    var params = new MapSqlParameterSource("stage", stage.name())
        .addValue("rows", partners % 2 == 0 ? 2 : 1).addValue("offset", (partners - 1) / 2);
    String where = filter.sql("p", params);
    List<Instant> middle = jdbc.query("SELECT p.stage_since FROM partner p WHERE p.stage = :stage" + where
        + " ORDER BY p.stage, p.stage_since LIMIT :rows OFFSET :offset", params,
        (rs, i) -> Sql.instant(rs, "stage_since"));
    long seconds = Math.round(middle.stream().mapToLong(since -> Duration.between(since, now).toSeconds())
        .average().orElse(0));
    return Duration.ofSeconds(seconds).toDays();
  }

  /** Partners per tier, lowest first; those without a tier under {@link PartnerFilter#NO_TIER}. */
  List<TierRow> tiers(PartnerFilter filter) {
    var params = new MapSqlParameterSource();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Tier tier : Tier.values()) {
      counts.put(tier.name(), 0L);
    }
    counts.put(PartnerFilter.NO_TIER, 0L);
    jdbc.query("SELECT p.tier, COUNT(*) AS partners FROM partner p WHERE 1=1" + filter.sql("p", params)
        + " GROUP BY p.tier", params, rs -> {
          String tier = rs.getString("tier");
          counts.put(tier == null ? PartnerFilter.NO_TIER : tier, rs.getLong("partners"));
        });
    return counts.entrySet().stream().map(e -> new TierRow(e.getKey(), e.getValue())).toList();
  }

  /** Partners flagged at risk, longest in their stage first. */
  List<PartnerRow> atRisk(PartnerFilter filter, int limit, long offset) {
    var params = new MapSqlParameterSource("limit", limit).addValue("offset", offset);
    return jdbc.query("SELECT " + PARTNER_COLUMNS + " FROM partner p WHERE p.at_risk = TRUE" + filter.sql("p", params)
        + " ORDER BY p.stage_since, p.id LIMIT :limit OFFSET :offset", params, (rs, i) -> partnerRow(rs));
  }

  long countAtRisk(PartnerFilter filter) {
    var params = new MapSqlParameterSource();
    return jdbc.queryForObject("SELECT COUNT(*) FROM partner p WHERE p.at_risk = TRUE" + filter.sql("p", params),
        params, Long.class);
  }

  /** Partners matching the filter, one page, latest stage change first or by name. */
  List<PartnerRow> partners(PartnerFilter filter, boolean byName, int limit, long offset) {
    var params = new MapSqlParameterSource("limit", limit).addValue("offset", offset);
    String order = byName ? " ORDER BY p.legal_name, p.id" : " ORDER BY p.stage_since DESC, p.id DESC";
    return jdbc.query("SELECT " + PARTNER_COLUMNS + " FROM partner p WHERE 1=1" + filter.sql("p", params) + order
        + " LIMIT :limit OFFSET :offset", params, (rs, i) -> partnerRow(rs));
  }

  long countPartners(PartnerFilter filter) {
    var params = new MapSqlParameterSource();
    return jdbc.queryForObject("SELECT COUNT(*) FROM partner p WHERE 1=1" + filter.sql("p", params), params,
        Long.class);
  }

  /**
   * ACTIVE agreements that expire on or before {@code until} (including those already past it), soonest first.
   * The ORDER BY names the fixed status too, so that H2 also reads the (status, expires_on) index in order and
   * stops after the page instead of sorting every match.
   */
  List<AgreementRow> expiringAgreements(PartnerFilter filter, LocalDate until, int limit, long offset) {
    var params = new MapSqlParameterSource("until", until).addValue("limit", limit).addValue("offset", offset);
    return jdbc.query("SELECT a.id, a.partner_id, p.legal_name, a.revision, a.tier, a.expires_on FROM agreement a"
        + " JOIN partner p ON p.id = a.partner_id WHERE a.status = 'ACTIVE' AND a.expires_on <= :until"
        + filter.sql("p", params) + " ORDER BY a.status, a.expires_on, a.id LIMIT :limit OFFSET :offset", params,
        (rs, i) -> new AgreementRow(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("legal_name"),
            rs.getInt("revision"), rs.getString("tier"), rs.getObject("expires_on", LocalDate.class)));
  }

  /** Counted off the (status, expires_on) index alone when unfiltered: every agreement has its partner. */
  long countExpiringAgreements(PartnerFilter filter, LocalDate until) {
    var params = new MapSqlParameterSource("until", until);
    String join = filter.isEmpty() ? "" : " JOIN partner p ON p.id = a.partner_id";
    return jdbc.queryForObject("SELECT COUNT(*) FROM agreement a" + join
        + " WHERE a.status = 'ACTIVE' AND a.expires_on <= :until" + filter.sql("p", params), params, Long.class);
  }

  /**
   * Onboarding SLA breaches: how many since {@code recentSince}, how many partners that breached are still
   * onboarding, and the latest few. Counted off the (event_type, ...) indexes; the partner table is joined only
   * when the dashboard is filtered.
   */
  SlaSummary slaBreaches(PartnerFilter filter, Instant recentSince, int latest) {
    var params = new MapSqlParameterSource("type", SLA_BREACHED).addValue("since", Sql.utc(recentSince))
        .addValue("onboarding", LifecycleStage.ONBOARDING.name()).addValue("limit", latest);
    String where = filter.sql("p", params);
    String breaches = filter.isEmpty() ? " FROM lifecycle_event e WHERE e.event_type = :type"
        : " FROM lifecycle_event e JOIN partner p ON p.id = e.partner_id WHERE e.event_type = :type" + where;
    long recent = jdbc.queryForObject("SELECT COUNT(*)" + breaches + " AND e.occurred_at >= :since", params,
        Long.class);
    long stillOnboarding = jdbc.queryForObject("SELECT COUNT(*) FROM partner p WHERE p.stage = :onboarding" + where
        + " AND EXISTS (SELECT 1 FROM lifecycle_event e WHERE e.event_type = :type AND e.partner_id = p.id)", params,
        Long.class);
    return new SlaSummary(recent, stillOnboarding, latestBreaches(filter, params, where, latest));
  }

  /** How many of the newest breaches the latest ones of a filtered dashboard are looked for in first. */
  static final int LATEST_BREACHES_WINDOW = 500;

  /**
   * The latest breaches of the partners matching the filter. Read newest first along the (event_type,
   * occurred_at) index, which the ORDER BY names from its first column so that H2 too walks it backwards and
   * stops at the limit instead of sorting every breach ever recorded. Filtered, the newest
   * {@link #LATEST_BREACHES_WINDOW} breaches are searched first; only when fewer than {@code latest} of them are
   * of matching partners (a filter that matches few partners) are the matching partners' breaches read instead.
   */
  private List<SlaRow> latestBreaches(PartnerFilter filter, MapSqlParameterSource params, String where,
      int latest) {
    // first choice for a broad filter, and exact: a matching breach outside the window is older than those in it
    String newest = "SELECT x.id, x.partner_id, x.occurred_at FROM lifecycle_event x WHERE x.event_type = :type"
        + " ORDER BY x.event_type DESC, x.occurred_at DESC, x.id DESC LIMIT :window";
    params.addValue("window", filter.isEmpty() ? latest : Math.max(latest, LATEST_BREACHES_WINDOW));
    List<SlaRow> rows = jdbc.query("SELECT e.occurred_at, p.id, p.legal_name, p.stage FROM (" + newest + ") e"
        + " JOIN partner p ON p.id = e.partner_id WHERE 1=1" + where
        + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit", params, (rs, i) -> slaRow(rs));
    if (rows.size() == latest || filter.isEmpty()) {
      return rows;
    }
    return jdbc.query("SELECT e.occurred_at, p.id, p.legal_name, p.stage FROM lifecycle_event e"
        + " JOIN partner p ON p.id = e.partner_id WHERE e.event_type = :type"
        + " AND e.partner_id IN (SELECT m.id FROM partner m WHERE 1=1" + filter.sql("m", params) + ")"
        + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit", params, (rs, i) -> slaRow(rs));
  }

  private static SlaRow slaRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new SlaRow(Sql.instant(rs, "occurred_at"), rs.getLong("id"), rs.getString("legal_name"),
        LifecycleStage.valueOf(rs.getString("stage")));
  }

  /** The open user tasks: how many, and by candidate group and age. */
  record OpenTasks(long total, List<TaskAgeRow> byGroup) {}

  /** Open user tasks (from the projection) by candidate group and age; tasks of other partners filtered out. */
  OpenTasks openTasks(PartnerFilter filter, Instant now) {
    var params = new MapSqlParameterSource("now", Sql.utc(now))
        .addValue("d1", Sql.utc(now.minus(Duration.ofDays(1))))
        .addValue("d3", Sql.utc(now.minus(Duration.ofDays(3))))
        .addValue("d7", Sql.utc(now.minus(Duration.ofDays(7))));
    // with a partner filter only the tasks of matching partners count; without one, every open task does. The
    // matching partners as a subquery, not a join: H2 otherwise evaluates the join row by row while grouping
    String matching = filter.isEmpty() ? ""
        : " AND t.partner_id IN (SELECT m.id FROM partner m WHERE 1=1" + filter.sql("m", params) + ")";
    Map<String, TaskAgeRow> byGroup = new TreeMap<>();
    long[] total = {0};
    jdbc.query("SELECT t.candidate_groups, COUNT(*) AS open_tasks,"
        + " SUM(CASE WHEN t.created_at >= :d1 THEN 1 ELSE 0 END) AS under1,"
        + " SUM(CASE WHEN t.created_at < :d1 AND t.created_at >= :d3 THEN 1 ELSE 0 END) AS from1to3,"
        + " SUM(CASE WHEN t.created_at < :d3 AND t.created_at >= :d7 THEN 1 ELSE 0 END) AS from3to7,"
        + " SUM(CASE WHEN t.created_at < :d7 THEN 1 ELSE 0 END) AS over7,"
        + " SUM(CASE WHEN t.due_date < :now THEN 1 ELSE 0 END) AS overdue,"
        + " MIN(t.created_at) AS oldest"
        + " FROM user_task t WHERE t.state IN ('OPEN', 'ASSIGNED')" + matching
        + " GROUP BY t.candidate_groups", params, rs -> {
          String groups = rs.getString("candidate_groups");
          total[0] += rs.getLong("open_tasks");
          for (String group : (groups == null || groups.isBlank() ? "(no group)" : groups).split(",")) {
            var row = new TaskAgeRow(group.strip(), rs.getLong("open_tasks"), rs.getLong("under1"),
                rs.getLong("from1to3"), rs.getLong("from3to7"), rs.getLong("over7"), rs.getLong("overdue"),
                Sql.instant(rs, "oldest"));
            byGroup.merge(row.group(), row, TaskAgeRow::plus);
          }
        });
    return new OpenTasks(total[0], List.copyOf(byGroup.values()));
  }

  /** The regions partners are in, for the filter. DISTINCT over the region index. */
  List<String> regions() {
    return jdbc.queryForList("SELECT DISTINCT region FROM partner ORDER BY region", Map.of(), String.class);
  }

  static final String PARTNER_COLUMNS =
      "p.id, p.legal_name, p.country, p.region, p.segment, p.tier, p.stage, p.stage_since, p.at_risk";

  static PartnerRow partnerRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new PartnerRow(rs.getLong("id"), rs.getString("legal_name"), rs.getString("country"),
        rs.getString("region"), Segment.valueOf(rs.getString("segment")), rs.getString("tier"),
        LifecycleStage.valueOf(rs.getString("stage")), Sql.instant(rs, "stage_since"), rs.getBoolean("at_risk"));
  }
}
