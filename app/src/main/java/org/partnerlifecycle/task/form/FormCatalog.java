package org.partnerlifecycle.task.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms the app deploys (classpath {@code workflows/forms/*.form}) by form id, and the form of a
 * user task as its BPMN links it: bpmnProcessId + elementId, then {@code zeebe:formDefinition formId}.
 */
@Component
public class FormCatalog {

  static final String LOCATION = "classpath*:/workflows/forms/*.form";

  private final ProcessModels models;
  private final Map<String, FormSchema> forms = new HashMap<>();

  public FormCatalog(ProcessModels models, ObjectMapper json) {
    this.models = models;
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        try (InputStream in = resource.getInputStream()) {
          JsonNode schema = json.readTree(in);
          forms.put(schema.path("id").asText(), FormSchema.of(schema));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Camunda Forms at " + LOCATION, e);
    }
  }

  public Optional<FormSchema> byId(String formId) {
    return Optional.ofNullable(forms.get(formId));
  }

  /**
   * The task's form. Empty when the task links no form; a link to a form that is not on the classpath is an
   * error of the deployment, reported as such.
   */
  public Optional<FormSchema> forTask(String bpmnProcessId, String elementId) {
    return models.formId(bpmnProcessId, elementId).map(formId -> byId(formId).orElseThrow(() ->
        new IllegalStateException("user task " + elementId + " of " + bpmnProcessId + " links form '" + formId
            + "', which is not among " + LOCATION)));
  }
}
