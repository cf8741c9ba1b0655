package org.partnerlifecycle.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** URL query parameters for links that carry the current filters; blank values are left out. */
final class QueryString {

  private final List<String> parts = new ArrayList<>();

  QueryString add(String parameter, Object value) {
    if (value != null && !String.valueOf(value).isBlank()) {
      parts.add(parameter + "=" + URLEncoder.encode(String.valueOf(value).strip(), StandardCharsets.UTF_8));
    }
    return this;
  }

  /** The parameters joined with '&', without the leading '?'. */
  @Override
  public String toString() {
    return String.join("&", parts);
  }
}
