package org.partnerlifecycle.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** An audit event's JSON payload as a person reads it in a table cell: "key: value" pairs. */
final class Payloads {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Payloads() {}

  static String summary(String payload) {
    if (payload == null || payload.isBlank()) {
      return "";
    }
    try {
      JsonNode node = JSON.readTree(payload);
      if (!node.isObject()) {
        return node.toString();
      }
      List<String> parts = new ArrayList<>();
      node.properties().forEach(e -> parts.add(e.getKey() + ": " + text(e.getValue())));
      return String.join(" · ", parts);
    } catch (JsonProcessingException e) {
      return payload;
    }
  }

  private static String text(JsonNode value) {
    if (value.isTextual()) return value.asText();
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(v -> items.add(text(v)));
      return String.join(", ", items);
    }
    return value.toString();
  }
}
