package org.partnerlifecycle.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the audit search filters on: a date range (inclusive days, UTC), an event type, an actor (starts with),
 * and a partner by id or by a part of its name.
 */
record AuditCriteria(LocalDate from, LocalDate to, String eventType, String actor, Long partnerId,
    String partnerName) {

  /** Criteria read from the request, with a message for each value that cannot be used. */
  record Parsed(AuditCriteria criteria, List<String> errors) {
    boolean valid() {
      return errors.isEmpty();
    }
  }

  static Parsed parse(String from, String to, String eventType, String actor, String partner) {
    List<String> errors = new ArrayList<>();
    LocalDate fromDate = date(from, "From", errors);
    LocalDate toDate = date(to, "To", errors);
    if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
      errors.add("The end date is before the start date.");
    }
    String trimmedPartner = blankToNull(partner);
    Long partnerId = null;
    String partnerName = null;
    if (trimmedPartner != null && trimmedPartner.matches("\\d{1,18}")) {
      partnerId = Long.parseLong(trimmedPartner);
    } else {
      partnerName = trimmedPartner;
    }
    return new Parsed(new AuditCriteria(fromDate, toDate, blankToNull(eventType), blankToNull(actor), partnerId,
        partnerName), errors);
  }

  private static LocalDate date(String value, String label, List<String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(label + ": enter a date as YYYY-MM-DD (got \"" + value.strip() + "\").");
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
