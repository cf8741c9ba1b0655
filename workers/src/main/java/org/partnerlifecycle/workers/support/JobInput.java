package org.partnerlifecycle.workers.support;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.Optional;

/** Reads a job's variables and headers, turning a missing or malformed value into {@link InvalidJobInput}. */
public final class JobInput {

  private final ActivatedJob job;
  private final Map<String, Object> variables;

  public JobInput(ActivatedJob job) {
    this.job = job;
    this.variables = job.getVariablesAsMap();
  }

  public long requiredLong(String name) {
    return asLong(name, variables.get(name))
        .orElseThrow(() -> missing("variable", name));
  }

  public Optional<Long> optionalLong(String name) {
    return asLong(name, variables.get(name));
  }

  public String requiredString(String name) {
    return optionalString(name).orElseThrow(() -> missing("variable", name));
  }

  public Optional<String> optionalString(String name) {
    Object value = variables.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new InvalidJobInput(describe() + ": variable '" + name + "' must be text, was " + value);
    }
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  public Object raw(String name) {
    return variables.get(name);
  }

  public String requiredHeader(String name) {
    return optionalHeader(name).orElseThrow(() -> missing("header", name));
  }

  public Optional<String> optionalHeader(String name) {
    String value = job.getCustomHeaders().get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  public long requiredLongHeader(String name) {
    String value = requiredHeader(name);
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidJobInput(describe() + ": header '" + name + "' must be a whole number, was '" + value + "'");
    }
  }

  private Optional<Long> asLong(String name, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return Optional.of(number.longValue());
    }
    if (value instanceof String text) {
      try {
        return Optional.of(Long.parseLong(text.trim()));
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new InvalidJobInput(describe() + ": variable '" + name + "' must be a whole number, was " + value);
  }

  private InvalidJobInput missing(String kind, String name) {
    return new InvalidJobInput(describe() + ": required " + kind + " '" + name + "' is missing");
  }

  private String describe() {
    return "job " + job.getKey() + " (" + job.getType() + " at " + job.getBpmnProcessId() + "/" + job.getElementId() + ")";
  }
}
