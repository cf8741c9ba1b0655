package org.partnerlifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.partnerlifecycle.workers.support.JobRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivers a job twice and tells what it left. Everything a job can leave about a partner is counted: its audit
 * events, its notifications and its rows in every table with a partner_id column (found in the schema, so a new
 * table is counted too) and in the tables hanging off them. The second delivery must change none of it; what the
 * first one added is returned for the test to check against the one effect it expects.
 */
@Component
public class RepeatedDelivery {

  /** Rows that belong to a partner through another table. */
  private static final Map<String, String> INDIRECT = Map.of(
      "agreement_signature", "select count(*) from agreement_signature s join agreement a on a.id = s.agreement_id"
          + " where a.partner_id = ?",
      "quarterly_review", "select count(*) from quarterly_review q join business_plan p on p.id = q.plan_id"
          + " where p.partner_id = ?",
      "account_token", "select count(*) from account_token t join user_account u on u.id = t.user_account_id"
          + " where u.partner_id = ?");
  /**
   * Events and mails are listed one by one instead. The user task projection follows the engine's listeners
   * asynchronously; its own repeated-delivery test is UserTaskListenerRepeatedDeliveryTest.
   */
  private static final List<String> NOT_COUNTED = List.of("lifecycle_event", "notification", "user_task");

  private final JdbcTemplate jdbc;
  private final List<String> partnerTables;

  RepeatedDelivery(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
    this.jdbc = jdbc;
    this.partnerTables = tablesWithPartnerId(dataSource);
  }

  /** What one partner has: event types and mail templates in order (with their ids), row counts per table. */
  public record Snapshot(List<String> events, List<String> mails, Map<String, Long> rows) {}

  /**
   * What the first delivery added (the second added nothing): event types, mails as "template to recipient", and
   * the tables whose row count changed, by how much.
   */
  public record Effects(List<String> events, List<String> mails, Map<String, Long> rows) {

    /** The mails' templates, without recipients. */
    public List<String> templates() {
      return mails.stream().map(m -> m.substring(0, m.indexOf(' '))).toList();
    }
  }

  public record Delivered<T>(T result, Effects effects) {}

  /** Hands the same job to the worker's port twice; asserts the second left no trace, returns what the first left. */
  public Effects twice(long partnerId, JobRef job, Consumer<JobRef> port) {
    return twiceReturning(partnerId, job, j -> {
      port.accept(j);
      return null;
    }).effects();
  }

  /** Like {@link #twice}, also asserting both deliveries complete the job with the same variables. */
  public <T> Delivered<T> twiceReturning(long partnerId, JobRef job, Function<JobRef, T> port) {
    Snapshot before = snapshot(partnerId);
    T first = port.apply(job);
    Snapshot afterFirst = snapshot(partnerId);
    T second = port.apply(job);
    Snapshot afterSecond = snapshot(partnerId);
    assertThat(afterSecond).as("what the second delivery of job %s left", job).isEqualTo(afterFirst);
    assertThat(second).as("the variables the second delivery of job %s completes it with", job).isEqualTo(first);
    return new Delivered<>(first, added(before, afterFirst));
  }

  public Snapshot snapshot(long partnerId) {
    List<String> events = jdbc.queryForList(
        "select concat(id, ':', event_type) from lifecycle_event where partner_id = ? order by id", String.class, partnerId);
    List<String> mails = jdbc.queryForList(
        "select concat(id, ':', template, ' to ', recipient) from notification where partner_id = ? order by id",
        String.class, partnerId);
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : partnerTables) {
      rows.put(table, jdbc.queryForObject("select count(*) from " + table + " where partner_id = ?", Long.class,
          partnerId));
    }
    INDIRECT.forEach((table, sql) -> rows.put(table, jdbc.queryForObject(sql, Long.class, partnerId)));
    return new Snapshot(events, mails, rows);
  }

  private static Effects added(Snapshot before, Snapshot after) {
    Map<String, Long> rows = new LinkedHashMap<>();
    after.rows().forEach((table, count) -> {
      long delta = count - before.rows().getOrDefault(table, 0L);
      if (delta != 0) {
        rows.put(table, delta);
      }
    });
    return new Effects(withoutIds(after.events().subList(before.events().size(), after.events().size())),
        withoutIds(after.mails().subList(before.mails().size(), after.mails().size())), rows);
  }

  private static List<String> withoutIds(List<String> entries) {
    return entries.stream().map(e -> e.substring(e.indexOf(':') + 1)).toList();
  }

  private static List<String> tablesWithPartnerId(DataSource dataSource) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(),
            null, null)) {
      while (columns.next()) {
        String table = columns.getString("TABLE_NAME").toLowerCase();
        if ("partner_id".equalsIgnoreCase(columns.getString("COLUMN_NAME")) && !NOT_COUNTED.contains(table)
            && !tables.contains(table)) {
          tables.add(table);
        }
      }
    }
    assertThat(tables).as("tables with a partner_id column").contains("agreement", "deal_registration", "termination");
    return tables;
  }
}
