package org.partnerlifecycle.planning;

import java.time.Instant;
import java.time.ZoneOffset;

/** Calendar quarters as text, "2026-Q3", which sort in time order. */
public final class Periods {

  private Periods() {}

  public static String quarterOf(Instant instant) {
    var date = instant.atZone(ZoneOffset.UTC).toLocalDate();
    return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
  }
}
