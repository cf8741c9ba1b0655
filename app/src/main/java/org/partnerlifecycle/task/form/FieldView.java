package org.partnerlifecycle.task.form;

import java.util.List;

/**
 * One component of a form as the page renders it: what it shows, its current input, its error, and whether it is
 * hidden by its condition.
 *
 * @param inputName the request parameter of its value (datetime: {@code inputName + "__date"} and {@code "__time"})
 * @param value the current input of single-value fields; "true" for a checked checkbox
 * @param hideRule the condition in a form simple enough for the page to apply live, or null
 * @param blocks the content of a text component
 * @param supported false for component types the console cannot render
 */
public record FieldView(
    String id, String type, String inputName, String label, String description, boolean required, boolean hidden,
    HideRule hideRule, String error, String value, List<OptionView> options,
    String subtype, String dateLabel, String timeLabel, String dateValue, String timeValue, Integer timeStepSeconds,
    String minDate, Integer minLength, Integer maxLength, String min, String max, String step, String inputType,
    List<TextBlock> blocks, boolean supported) {

  public record OptionView(String label, String value, boolean selected) {}

  /** Hide the field while the field {@code key} has (equals) or has not (notEquals) the value {@code literal}. */
  public record HideRule(String key, boolean hideWhenEqual, String literal) {}

  /** A paragraph, a heading or a list of a text component, as plain text. */
  public record TextBlock(String kind, String text, List<String> items) {}

  public String describedBy() {
    StringBuilder ids = new StringBuilder();
    if (description != null) ids.append(id).append("-help");
    if (error != null) ids.append(ids.isEmpty() ? "" : " ").append(id).append("-error");
    return ids.isEmpty() ? null : ids.toString();
  }
}
