package org.partnerlifecycle.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Plain-SQL helpers of the console's read queries. Timestamps are stored as UTC wall-clock DATETIME (Hibernate
 * writes them with hibernate.jdbc.time_zone=UTC), so they are passed and read as UTC LocalDateTime, unconverted
 * by any driver or JVM time zone.
 */
final class Sql {

  private Sql() {}

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  /** A LIKE pattern for "contains", case-insensitive against LOWER(column), with the wildcards of the input escaped. */
  static String containing(String text) {
    return "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
  }

  /** A LIKE pattern for "starts with", wildcards escaped. */
  static String startingWith(String text) {
    return escapeLike(text) + "%";
  }

  /** Text matched literally by LIKE (backslash is the default escape character of MySQL and H2). */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
