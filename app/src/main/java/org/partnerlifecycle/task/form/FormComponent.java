package org.partnerlifecycle.task.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One component of a Camunda Form (form-js schema), read from its JSON: what the console needs to render it,
 * validate it and turn its input into a process variable.
 */
public final class FormComponent {

  /** An option of a select, radio or checklist: its label and its value, as typed in the schema. */
  public record Option(String label, JsonNode value) {
    public String text() {
      return value.isTextual() ? value.asText() : value.toString();
    }
  }

  private final JsonNode node;

  FormComponent(JsonNode node) {
    this.node = node;
  }

  public String id() { return text("id"); }
  public String type() { return text("type"); }
  /** The variable it reads and writes; null for components that hold no value (text, separator ...). */
  public String key() { return text("key"); }
  public String label() {
    String label = text("label");
    return label != null ? label : text("dateLabel");
  }
  public String description() { return text("description"); }
  public String text() { return text("text"); }
  /** FEEL expression: when true, the component is hidden and its value not submitted. */
  public String hideExpression() { return node.path("conditional").path("hide").isTextual()
      ? node.path("conditional").path("hide").asText() : null; }

  public boolean required() { return node.path("validate").path("required").asBoolean(false); }
  public BigDecimal min() { return decimal(node.path("validate").path("min")); }
  public BigDecimal max() { return decimal(node.path("validate").path("max")); }
  public Integer minLength() { return integer(node.path("validate").path("minLength")); }
  public Integer maxLength() { return integer(node.path("validate").path("maxLength")); }
  public String pattern() { return blankToNull(node.path("validate").path("pattern").asText(null)); }
  /** email, phone or custom (then {@link #pattern()} applies). */
  public String validationType() { return blankToNull(node.path("validate").path("validationType").asText(null)); }

  public Integer decimalDigits() { return integer(node.path("decimalDigits")); }
  public BigDecimal increment() { return decimal(node.path("increment")); }
  public boolean serializeToString() { return node.path("serializeToString").asBoolean(false); }

  /** date, time or datetime. */
  public String subtype() { return node.path("subtype").asText("date"); }
  public String dateLabel() { return text("dateLabel"); }
  public String timeLabel() { return text("timeLabel"); }
  /** utc_offset, utc_normalized or no_timezone. */
  public String timeSerializingFormat() { return node.path("timeSerializingFormat").asText("utc_offset"); }
  public Integer timeInterval() { return integer(node.path("timeInterval")); }
  public boolean disallowPassedDates() { return node.path("disallowPassedDates").asBoolean(false); }

  /** Static options of a select, radio or checklist. */
  public List<Option> staticOptions() {
    List<Option> options = new ArrayList<>();
    for (JsonNode option : node.path("values")) {
      options.add(new Option(option.path("label").asText(option.path("value").asText()), option.path("value")));
    }
    return options;
  }

  /** A variable that holds the options instead ({@code valuesKey}). */
  public String valuesKey() { return text("valuesKey"); }

  public JsonNode defaultValue() { return node.get("defaultValue"); }

  public boolean hasOptions() {
    return switch (type()) {
      case "select", "radio", "checklist" -> true;
      default -> false;
    };
  }

  private String text(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static BigDecimal decimal(JsonNode value) {
    if (value.isNumber()) return value.decimalValue();
    if (value.isTextual() && !value.asText().isBlank()) {
      try {
        return new BigDecimal(value.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Integer integer(JsonNode value) {
    BigDecimal decimal = decimal(value);
    return decimal == null ? null : decimal.intValue();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
