package org.partnerlifecycle.task.form;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.springframework.stereotype.Component;

/**
 * FEEL as Camunda Forms use it, evaluated by the same FEEL engine Zeebe runs (feel-scala): conditions such as
 * {@code =decision != "reject"} and text templates such as {@code Partner {{partnerId}}}.
 */
@Component
public class FeelExpressions {

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.+?)}}", Pattern.DOTALL);

  private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

  /** Evaluates an expression (with or without its leading '='); empty when it fails or yields null. */
  public Optional<Object> evaluate(String expression, Map<String, Object> context) {
    if (expression == null || expression.isBlank()) {
      return Optional.empty();
    }
    String body = expression.strip().startsWith("=") ? expression.strip().substring(1) : expression;
    var result = feel.evaluateExpression(body, context);
    return result.isSuccess() ? Optional.ofNullable(result.result()) : Optional.empty();
  }

  /** True only when the expression evaluates to boolean true; a failing expression counts as false, as in form-js. */
  public boolean isTrue(String expression, Map<String, Object> context) {
    return evaluate(expression, context).map(Boolean.TRUE::equals).orElse(false);
  }

  /**
   * Fills each {@code {{ expression }}} of a text from the context. Without a context (no process variables
   * known), or where an expression cannot be evaluated, the expression stays as written.
   */
  public String fill(String template, Map<String, Object> context) {
    if (template == null) {
      return "";
    }
    if (context.isEmpty()) {
      return template;
    }
    Matcher matcher = TEMPLATE.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String replacement = evaluate(matcher.group(1), context).map(FeelExpressions::display).orElse(matcher.group());
      matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  /** A value as a person reads it: numbers without trailing zeros, lists comma-separated. */
  static String display(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(FeelExpressions::display).collect(Collectors.joining(", "));
    }
    return String.valueOf(value);
  }
}
