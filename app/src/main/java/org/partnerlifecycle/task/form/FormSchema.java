package org.partnerlifecycle.task.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A Camunda Form: its id and its components in display order. */
public record FormSchema(String id, List<FormComponent> components) {

  public static FormSchema of(JsonNode json) {
    List<FormComponent> components = new ArrayList<>();
    for (JsonNode component : json.path("components")) {
      components.add(new FormComponent(component));
    }
    return new FormSchema(json.path("id").asText(), List.copyOf(components));
  }

  /** An empty form: a user task without a linked form is completed without variables. */
  public static FormSchema none() {
    return new FormSchema("", List.of());
  }
}
