package org.partnerlifecycle.task.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.partnerlifecycle.task.form.FieldView.HideRule;
import org.partnerlifecycle.task.form.FieldView.OptionView;
import org.partnerlifecycle.task.form.FieldView.TextBlock;
import org.springframework.stereotype.Component;

/**
 * Renders a Camunda Form on the server and reads its submission the way form-js does: hidden components (by
 * their {@code conditional.hide} FEEL expression) are neither validated nor submitted; the rest is validated
 * (required, min/max, minLength/maxLength, pattern, email/phone, the options offered, dates) and turned into
 * typed process variables: numbers as numbers, a checkbox as boolean, a checklist as a list.
 *
 * <p>Input is kept as the raw strings the browser sent, by parameter name, so invalid input re-renders as typed.
 * Dates and times are entered and serialised in UTC.
 */
@Component
public class TaskFormProcessor {

  /** Component types with a value that the console renders and submits. */
  static final Set<String> VALUE_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist", "select",
      "radio", "datetime");
  /** Component types without a value that the console shows. */
  static final Set<String> DISPLAY_TYPES = Set.of("text", "spacer", "separator", "button");

  private static final String DATE_SUFFIX = "__date";
  private static final String TIME_SUFFIX = "__time";
  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{5,30}$");
  private static final Pattern SIMPLE_CONDITION =
      Pattern.compile("^=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*$");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
  private static final Pattern BULLET = Pattern.compile("^[-*+]\\s+(.*)$");
  private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

  /** The result of a submission: the variables to complete the task with, or the errors by component id. */
  public record Outcome(Map<String, Object> variables, Map<String, String> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private final FeelExpressions feel;
  private final Clock clock;

  public TaskFormProcessor(FeelExpressions feel, Clock clock) {
    this.feel = feel;
    this.clock = clock;
  }

  /** The form's starting input: the task's variables where a field has their key, else the field's default. */
  public Map<String, List<String>> initialInput(FormSchema form, Map<String, Object> variables) {
    Map<String, List<String>> input = new HashMap<>();
    for (FormComponent c : form.components()) {
      if (c.key() == null || !VALUE_TYPES.contains(c.type())) {
        continue;
      }
      Object value = lookup(variables, c.key());
      if (value == null && c.defaultValue() != null && !c.defaultValue().isNull()) {
        value = plain(c.defaultValue());
      }
      if (value == null) {
        continue;
      }
      switch (c.type()) {
        case "checkbox" -> input.put(c.key(), Boolean.TRUE.equals(value) ? List.of("true") : List.of());
        case "checklist" -> input.put(c.key(), value instanceof Collection<?> list
            ? list.stream().map(TaskFormProcessor::asText).toList() : List.of(asText(value)));
        case "datetime" -> splitDateTime(c, String.valueOf(value)).forEach((name, part) -> input.put(name, List.of(part)));
        default -> input.put(c.key(), List.of(asText(value)));
      }
    }
    return input;
  }

  /** Validates the input of the visible components and converts it to typed variables. */
  public Outcome submit(FormSchema form, Map<String, List<String>> input, Map<String, Object> variables) {
    Map<String, Object> context = context(form, input, variables);
    Map<String, Object> output = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (FormComponent c : form.components()) {
      if (c.key() == null) {
        continue;
      }
      if (!VALUE_TYPES.contains(c.type())) {
        errors.put(c.id(), "This form has a " + c.type() + " field, which the console cannot show. "
            + "Complete the task in Camunda Tasklist.");
        continue;
      }
      if (hidden(c, context)) {
        continue;
      }
      String error = validate(c, input, variables);
      if (error != null) {
        errors.put(c.id(), error);
      } else {
        put(output, c.key(), typed(c, input, variables));
      }
    }
    return new Outcome(errors.isEmpty() ? output : Map.of(), errors);
  }

  /** The components as the page shows them, with the current input and errors. */
  public List<FieldView> render(FormSchema form, Map<String, List<String>> input, Map<String, String> errors,
      Map<String, Object> variables) {
    Map<String, Object> context = context(form, input, variables);
    List<FieldView> fields = new ArrayList<>();
    for (FormComponent c : form.components()) {
      fields.add(view(c, input, errors.get(c.id()), variables, context));
    }
    return fields;
  }

  // --- rendering

  private FieldView view(FormComponent c, Map<String, List<String>> input, String error, Map<String, Object> variables,
      Map<String, Object> context) {
    String type = c.type();
    boolean supported = VALUE_TYPES.contains(type) || DISPLAY_TYPES.contains(type);
    boolean hidden = hidden(c, context);
    String name = c.key();
    String id = "field-" + (c.id() == null ? Objects.toString(name, "x") : c.id());
    List<OptionView> options = List.of();
    if (c.hasOptions()) {
      List<String> chosen = name == null ? List.of() : input.getOrDefault(name, List.of());
      options = options(c, variables).stream()
          .map(o -> new OptionView(o.label(), o.text(), chosen.contains(o.text()))).toList();
    }
    String value = name == null ? null : first(input, name);
    List<TextBlock> blocks = "text".equals(type) ? blocks(text(c, context)) : List.of();
    String min = c.min() == null ? null : c.min().toPlainString();
    String max = c.max() == null ? null : c.max().toPlainString();
    String step = null;
    if ("number".equals(type)) {
      step = c.decimalDigits() != null ? BigDecimal.ONE.movePointLeft(c.decimalDigits()).toPlainString()
          : c.increment() != null ? c.increment().toPlainString() : "any";
    }
    Integer timeStep = c.timeInterval() == null ? null : c.timeInterval() * 60;
    String minDate = c.disallowPassedDates() ? today().toString() : null;
    return new FieldView(id, type, name, c.label(), c.description(), c.required(), hidden, hideRule(c), error, value,
        options, c.subtype(), c.dateLabel() == null ? "Date" : c.dateLabel(),
        c.timeLabel() == null ? "Time" : c.timeLabel(),
        name == null ? null : first(input, name + DATE_SUFFIX), name == null ? null : first(input, name + TIME_SUFFIX),
        timeStep, minDate, c.minLength(), c.maxLength(), min, max, step, inputType(c), blocks, supported);
  }

  private static String inputType(FormComponent c) {
    if (!"textfield".equals(c.type())) {
      return null;
    }
    return switch (Objects.toString(c.validationType(), "")) {
      case "email" -> "email";
      case "phone" -> "tel";
      default -> "text";
    };
  }

  /** A text component's content, its expressions evaluated against the variables and the form's input. */
  private String text(FormComponent c, Map<String, Object> context) {
    String text = Objects.toString(c.text(), "");
    if (text.strip().startsWith("=")) {
      return feel.evaluate(text, context).map(FeelExpressions::display).orElse(text);
    }
    return feel.fill(text, context);
  }

  /** Markdown-ish text as plain blocks: headings, bullet lists, paragraphs; emphasis marks dropped. */
  static List<TextBlock> blocks(String text) {
    List<TextBlock> blocks = new ArrayList<>();
    List<String> items = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    for (String raw : text.split("\\R")) {
      String line = raw.strip().replace("**", "").replace("__", "").replace("`", "");
      Matcher heading = HEADING.matcher(line);
      Matcher bullet = BULLET.matcher(line);
      if (bullet.matches()) {
        flushParagraph(blocks, paragraph);
        items.add(bullet.group(1));
        continue;
      }
      flushList(blocks, items);
      if (heading.matches()) {
        flushParagraph(blocks, paragraph);
        blocks.add(new TextBlock("heading", heading.group(1), List.of()));
      } else if (line.isEmpty()) {
        flushParagraph(blocks, paragraph);
      } else {
        paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
      }
    }
    flushList(blocks, items);
    flushParagraph(blocks, paragraph);
    return blocks;
  }

  private static void flushParagraph(List<TextBlock> blocks, StringBuilder paragraph) {
    if (!paragraph.isEmpty()) {
      blocks.add(new TextBlock("paragraph", paragraph.toString(), List.of()));
      paragraph.setLength(0);
    }
  }

  private static void flushList(List<TextBlock> blocks, List<String> items) {
    if (!items.isEmpty()) {
      blocks.add(new TextBlock("list", null, List.copyOf(items)));
      items.clear();
    }
  }

  /** The {@code =key = "value"} and {@code =key != "value"} conditions, which the page can apply as the user types. */
  static HideRule hideRule(FormComponent c) {
    if (c.hideExpression() == null) {
      return null;
    }
    Matcher m = SIMPLE_CONDITION.matcher(c.hideExpression());
    return m.matches() ? new HideRule(m.group(1), "=".equals(m.group(2)), m.group(3)) : null;
  }

  // --- conditions

  /** What conditions see: the task's variables, overlaid with the form's current (typed) input. */
  private Map<String, Object> context(FormSchema form, Map<String, List<String>> input, Map<String, Object> variables) {
    Map<String, Object> context = new HashMap<>(variables);
    for (FormComponent c : form.components()) {
      if (c.key() != null && VALUE_TYPES.contains(c.type())) {
        Object value;
        try {
          value = validate(c, input, variables) == null ? typed(c, input, variables) : lenient(c, input);
        } catch (RuntimeException e) {
          value = null;
        }
        put(context, c.key(), value);
      }
    }
    return context;
  }

  private boolean hidden(FormComponent c, Map<String, Object> context) {
    return c.hideExpression() != null && feel.isTrue(c.hideExpression(), context);
  }

  /** The input as conditions see it while it is not (yet) valid: text as typed, nothing for unparsable numbers. */
  private static Object lenient(FormComponent c, Map<String, List<String>> input) {
    return switch (c.type()) {
      case "checkbox" -> "true".equals(first(input, c.key()));
      case "checklist" -> input.getOrDefault(c.key(), List.of());
      case "number", "datetime" -> null;
      default -> blankToNull(first(input, c.key()));
    };
  }

  // --- validation and typing

  /** The error of one visible component's input, or null. */
  private String validate(FormComponent c, Map<String, List<String>> input, Map<String, Object> variables) {
    String label = c.label() == null || c.label().isBlank() ? "This field" : c.label();
    switch (c.type()) {
      case "checkbox" -> {
        return c.required() && !"true".equals(first(input, c.key())) ? label + " is required." : null;
      }
      case "checklist" -> {
        List<String> chosen = nonBlank(input.getOrDefault(c.key(), List.of()));
        if (c.required() && chosen.isEmpty()) return "Choose at least one option.";
        Set<String> offered = optionTexts(c, variables);
        return chosen.stream().allMatch(offered::contains) ? null : "Choose among the options offered.";
      }
      case "select", "radio" -> {
        String chosen = blankToNull(first(input, c.key()));
        if (chosen == null) return c.required() ? "Choose one of the options." : null;
        return optionTexts(c, variables).contains(chosen) ? null : "Choose one of the options offered.";
      }
      case "number" -> {
        return validateNumber(c, label, blankToNull(first(input, c.key())));
      }
      case "datetime" -> {
        return validateDateTime(c, label, input);
      }
      default -> {
        return validateText(c, label, Objects.toString(first(input, c.key()), ""));
      }
    }
  }

  private static String validateText(FormComponent c, String label, String text) {
    if (text.isBlank()) {
      return c.required() ? label + " is required." : null;
    }
    if (c.minLength() != null && text.length() < c.minLength()) {
      return "Enter at least " + c.minLength() + " characters.";
    }
    if (c.maxLength() != null && text.length() > c.maxLength()) {
      return "Enter at most " + c.maxLength() + " characters (you entered " + text.length() + ").";
    }
    if ("email".equals(c.validationType()) && !EMAIL.matcher(text).matches()) {
      return "Enter a valid email address.";
    }
    if ("phone".equals(c.validationType()) && !PHONE.matcher(text).matches()) {
      return "Enter a valid phone number.";
    }
    if (c.pattern() != null && !"email".equals(c.validationType()) && !"phone".equals(c.validationType())) {
      try {
        // form-js tests the pattern with RegExp.test: a match anywhere, unless the pattern anchors itself
        if (!Pattern.compile(c.pattern()).matcher(text).find()) {
          return "Enter a value that matches the pattern " + c.pattern() + ".";
        }
      } catch (PatternSyntaxException e) {
        return null; // a broken pattern in the form is no fault of the user's
      }
    }
    return null;
  }

  private static String validateNumber(FormComponent c, String label, String text) {
    if (text == null) {
      return c.required() ? label + " is required." : null;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return "Enter a number.";
    }
    if (c.min() != null && number.compareTo(c.min()) < 0) {
      return "Enter a number of at least " + c.min().toPlainString() + ".";
    }
    if (c.max() != null && number.compareTo(c.max()) > 0) {
      return "Enter a number of at most " + c.max().toPlainString() + ".";
    }
    if (c.decimalDigits() != null && Math.max(number.stripTrailingZeros().scale(), 0) > c.decimalDigits()) {
      return c.decimalDigits() == 0 ? "Enter a whole number." : "Use at most " + c.decimalDigits() + " decimal places.";
    }
    return null;
  }

  private String validateDateTime(FormComponent c, String label, Map<String, List<String>> input) {
    String date = blankToNull(first(input, c.key() + DATE_SUFFIX));
    String time = blankToNull(first(input, c.key() + TIME_SUFFIX));
    boolean wantsDate = !"time".equals(c.subtype());
    boolean wantsTime = !"date".equals(c.subtype());
    if ((!wantsDate || date == null) && (!wantsTime || time == null)) {
      return c.required() ? label + " is required." : null;
    }
    if ((wantsDate && date == null) || (wantsTime && time == null)) {
      return "Enter both the date and the time.";
    }
    if (wantsDate) {
      try {
        LocalDate day = LocalDate.parse(date);
        if (c.disallowPassedDates() && day.isBefore(today())) {
          return "Choose a date that is not in the past.";
        }
      } catch (DateTimeParseException e) {
        return "Enter the date as YYYY-MM-DD.";
      }
    }
    if (wantsTime) {
      try {
        LocalTime at = LocalTime.parse(time);
        if (c.timeInterval() != null && c.timeInterval() > 0
            && (at.getHour() * 60 + at.getMinute()) % c.timeInterval() != 0) {
          return "Choose a time in steps of " + c.timeInterval() + " minutes.";
        }
      } catch (DateTimeParseException e) {
        return "Enter the time as HH:MM (24-hour, UTC).";
      }
    }
    return null;
  }

  /** The variable value of valid input. */
  private static Object typed(FormComponent c, Map<String, List<String>> input, Map<String, Object> variables) {
    String text = first(input, c.key());
    return switch (c.type()) {
      case "checkbox" -> "true".equals(text);
      case "checklist" -> {
        Map<String, Object> byText = new HashMap<>();
        options(c, variables).forEach(o -> byText.put(o.text(), plain(o.value())));
        yield nonBlank(input.getOrDefault(c.key(), List.of())).stream().map(byText::get).toList();
      }
      case "select", "radio" -> blankToNull(text) == null ? null : options(c, variables).stream()
          .filter(o -> o.text().equals(text)).findFirst().map(o -> plain(o.value())).orElse(null);
      case "number" -> blankToNull(text) == null ? null : number(c, new BigDecimal(text.strip()));
      case "datetime" -> dateTime(c, blankToNull(first(input, c.key() + DATE_SUFFIX)),
          blankToNull(first(input, c.key() + TIME_SUFFIX)));
      default -> text == null ? "" : text;
    };
  }

  private static Object number(FormComponent c, BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    if (c.serializeToString()) {
      return stripped.toPlainString();
    }
    if (stripped.scale() <= 0) {
      try {
        return stripped.longValueExact();
      } catch (ArithmeticException tooLarge) {
        return number.doubleValue();
      }
    }
    return number.doubleValue();
  }

  /** Serialised as form-js does, in UTC: 2026-12-03, 10:00+00:00 or 2026-12-03T10:00+00:00 (by timeSerializingFormat). */
  private static String dateTime(FormComponent c, String date, String time) {
    String zone = switch (c.timeSerializingFormat()) {
      case "utc_normalized" -> "Z";
      case "no_timezone" -> "";
      default -> "+00:00";
    };
    return switch (c.subtype()) {
      case "date" -> date == null ? null : LocalDate.parse(date).toString();
      case "time" -> time == null ? null : LocalTime.parse(time).format(HOUR_MINUTE) + zone;
      default -> date == null ? null
          : LocalDate.parse(date) + "T" + LocalTime.parse(time).format(HOUR_MINUTE) + zone;
    };
  }

  /** A stored date/time variable split into the date and time inputs, in UTC. */
  private static Map<String, String> splitDateTime(FormComponent c, String value) {
    Map<String, String> parts = new HashMap<>();
    try {
      switch (c.subtype()) {
        case "date" -> parts.put(c.key() + DATE_SUFFIX, LocalDate.parse(value.substring(0, 10)).toString());
        case "time" -> {
          LocalTime at = value.length() > 5
              ? OffsetTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime() : LocalTime.parse(value);
          parts.put(c.key() + TIME_SUFFIX, at.format(HOUR_MINUTE));
        }
        default -> {
          LocalDateTime utc;
          try {
            utc = OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
          } catch (DateTimeParseException noOffset) {
            utc = LocalDateTime.parse(value);
          }
          parts.put(c.key() + DATE_SUFFIX, utc.toLocalDate().toString());
          parts.put(c.key() + TIME_SUFFIX, utc.toLocalTime().format(HOUR_MINUTE));
        }
      }
    } catch (RuntimeException e) {
      // a variable that is no date: the field starts empty
    }
    return parts;
  }

  // --- options

  /** Static options, or those of the variable named by valuesKey (a list of {label, value} or of plain values). */
  private static List<FormComponent.Option> options(FormComponent c, Map<String, Object> variables) {
    if (c.valuesKey() == null) {
      return c.staticOptions();
    }
    Object values = lookup(variables, c.valuesKey());
    List<FormComponent.Option> options = new ArrayList<>();
    if (values instanceof Collection<?> list) {
      for (Object item : list) {
        Object value = item instanceof Map<?, ?> option ? option.get("value") : item;
        Object label = item instanceof Map<?, ?> option && option.get("label") != null ? option.get("label") : value;
        options.add(new FormComponent.Option(String.valueOf(label), json(value)));
      }
    }
    return options;
  }

  private static JsonNode json(Object value) {
    var nodes = JsonNodeFactory.instance;
    if (value instanceof Boolean b) return nodes.booleanNode(b);
    if (value instanceof Long || value instanceof Integer) return nodes.numberNode(((Number) value).longValue());
    if (value instanceof Number n) return nodes.numberNode(new BigDecimal(n.toString()));
    return nodes.textNode(String.valueOf(value));
  }

  private static Set<String> optionTexts(FormComponent c, Map<String, Object> variables) {
    return Set.copyOf(options(c, variables).stream().map(FormComponent.Option::text).toList());
  }

  // --- helpers

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String first(Map<String, List<String>> input, String name) {
    List<String> values = input.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static List<String> nonBlank(List<String> values) {
    return values.stream().filter(v -> v != null && !v.isBlank()).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** A JSON value of the schema as a plain Java value (string, number, boolean). */
  private static Object plain(JsonNode node) {
    if (node == null || node.isNull()) return null;
    if (node.isBoolean()) return node.booleanValue();
    if (node.isIntegralNumber()) return node.longValue();
    if (node.isNumber()) return node.doubleValue();
    return node.asText();
  }

  private static String asText(Object value) {
    return value instanceof Number ? FeelExpressions.display(value) : String.valueOf(value);
  }

  /** A variable by a form key, which may be a path ("address.city"). */
  private static Object lookup(Map<String, Object> variables, String key) {
    Object current = variables;
    for (String part : key.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) return null;
      current = map.get(part);
    }
    return current;
  }

  /** Puts a value under a form key; a path ("address.city") creates the nested objects, as form-js does. */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> target, String key, Object value) {
    String[] parts = key.split("\\.");
    Map<String, Object> current = target;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = current.get(parts[i]);
      if (!(next instanceof Map<?, ?>)) {
        next = new LinkedHashMap<String, Object>();
        current.put(parts[i], next);
      }
      current = (Map<String, Object>) next;
    }
    current.put(parts[parts.length - 1], value);
  }
}
