package org.partnerlifecycle.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit log across partners, newest first. Every filter maps onto an index of lifecycle_event
 * (occurred_at; event_type, occurred_at; actor, occurred_at; partner_id, occurred_at), and nothing counts the
 * whole log: a page reads one row more than it shows to know whether another follows, and an export walks the
 * result in keyset batches, so neither holds more than one batch in memory.
 */
@Repository
class AuditSearch {

  static final int EXPORT_BATCH = 1000;

  private final NamedParameterJdbcTemplate jdbc;

  AuditSearch(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One event with its partner's name, as the search shows and exports it. */
  record AuditRow(long id, Instant occurredAt, long partnerId, String partnerName, String eventType,
      String stageFrom, String stageTo, String actorType, String actor, Long processInstanceKey,
      String bpmnProcessId, Integer processVersion, String elementId, String payload) {
    public String details() {
      return Payloads.summary(payload);
    }
  }

  /** A page of results; {@code limit + 1} rows are read so the caller knows if there is more. */
  List<AuditRow> page(AuditCriteria criteria, int limit, long offset) {
    var params = new MapSqlParameterSource("limit", limit).addValue("offset", offset);
    return withPartnerNames(jdbc.query(SELECT + where(criteria, params) + order(criteria)
        + " LIMIT :limit OFFSET :offset",
        params, (rs, i) -> row(rs)));
  }

  /** Streams every matching event, newest first, in batches that continue after the last row read. */
  void forEach(AuditCriteria criteria, Consumer<AuditRow> sink) {
    AuditRow last = null;
    while (true) {
      var params = new MapSqlParameterSource("limit", EXPORT_BATCH);
      String after = "";
      if (last != null) {
        after = " AND e.occurred_at <= :lastAt AND (e.occurred_at < :lastAt OR e.id < :lastId)";
        params.addValue("lastAt", Sql.utc(last.occurredAt())).addValue("lastId", last.id());
      }
      List<AuditRow> batch = withPartnerNames(jdbc.query(SELECT + where(criteria, params) + after
          + order(criteria) + " LIMIT :limit", params, (rs, i) -> row(rs)));
      batch.forEach(sink);
      if (batch.size() < EXPORT_BATCH) {
        return;
      }
      last = batch.get(batch.size() - 1);
    }
  }

  /**
   * The event types recorded so far, for the filter. Sorted here: with an ORDER BY, MariaDB reads every entry of
   * the event_type index (a million at scale) instead of jumping from one type to the next, as it does without.
   */
  List<String> eventTypes() {
    return jdbc.queryForList("SELECT DISTINCT event_type FROM lifecycle_event", Map.of(), String.class).stream()
        .sorted().toList();
  }

  /**
   * The events alone, without a join: joined with partner, MySQL may drive the query from the partner table and
   * sort a million rows; alone, it reads the newest rows straight off an index. Names are added per page.
   */
  private static final String SELECT = "SELECT e.id, e.occurred_at, e.partner_id, e.event_type,"
      + " e.stage_from, e.stage_to, e.actor_type, e.actor, e.process_instance_key, e.bpmn_process_id,"
      + " e.process_version, e.element_id, e.payload FROM lifecycle_event e WHERE 1=1";

  /**
   * Newest first. A criterion that fixes the first column of an index (the partner, else the event type) is
   * named first in the ORDER BY too: the order is the same, as that column has one value, but H2 then reads the
   * (column, occurred_at) index backwards and stops at the end of the page, where it would otherwise read and
   * sort every match (MySQL does the former either way).
   */
  private static String order(AuditCriteria c) {
    String fixed = c.partnerId() != null ? "e.partner_id DESC, " : c.eventType() != null ? "e.event_type DESC, " : "";
    return " ORDER BY " + fixed + "e.occurred_at DESC, e.id DESC";
  }

  private static String where(AuditCriteria c, MapSqlParameterSource params) {
    StringBuilder sql = new StringBuilder();
    if (c.from() != null) {
      sql.append(" AND e.occurred_at >= :from");
      params.addValue("from", c.from().atStartOfDay());
    }
    if (c.to() != null) {
      sql.append(" AND e.occurred_at < :toExclusive");
      params.addValue("toExclusive", c.to().plusDays(1).atStartOfDay());
    }
    if (c.eventType() != null) {
      sql.append(" AND e.event_type = :eventType");
      params.addValue("eventType", c.eventType());
    }
    if (c.actor() != null) {
      sql.append(" AND e.actor LIKE :actor");
      params.addValue("actor", Sql.startingWith(c.actor()));
    }
    if (c.partnerId() != null) {
      sql.append(" AND e.partner_id = :partnerId");
      params.addValue("partnerId", c.partnerId());
    } else if (c.partnerName() != null) {
      sql.append(" AND e.partner_id IN (SELECT n.id FROM partner n WHERE LOWER(n.legal_name) LIKE :partnerName)");
      params.addValue("partnerName", Sql.containing(c.partnerName()));
    }
    return sql.toString();
  }

  /** The rows with their partners' names, read in one query for all of them. */
  private List<AuditRow> withPartnerNames(List<AuditRow> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, String> names = new HashMap<>();
    jdbc.query("SELECT id, legal_name FROM partner WHERE id IN (:ids)",
        Map.of("ids", rows.stream().map(AuditRow::partnerId).distinct().toList()),
        rs -> {
          names.put(rs.getLong("id"), rs.getString("legal_name"));
        });
    return rows.stream().map(r -> new AuditRow(r.id(), r.occurredAt(), r.partnerId(), names.get(r.partnerId()),
        r.eventType(), r.stageFrom(), r.stageTo(), r.actorType(), r.actor(), r.processInstanceKey(),
        r.bpmnProcessId(), r.processVersion(), r.elementId(), r.payload())).toList();
  }

  private static AuditRow row(ResultSet rs) throws SQLException {
    return new AuditRow(rs.getLong("id"), Sql.instant(rs, "occurred_at"), rs.getLong("partner_id"),
        null, rs.getString("event_type"), rs.getString("stage_from"), rs.getString("stage_to"),
        rs.getString("actor_type"), rs.getString("actor"), rs.getObject("process_instance_key", Long.class),
        rs.getString("bpmn_process_id"), rs.getObject("process_version", Integer.class), rs.getString("element_id"),
        rs.getString("payload"));
  }
}
