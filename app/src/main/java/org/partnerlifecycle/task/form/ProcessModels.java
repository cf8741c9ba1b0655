package org.partnerlifecycle.task.form;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The BPMN models the app deploys (classpath {@code workflows/bpmn/*.bpmn}), read once: names of processes and
 * elements for people, and which Camunda Form each user task links. These are the latest versions; an instance
 * of an older version shows its ids where a name is no longer in the model.
 */
@Component
public class ProcessModels {

  static final String LOCATION = "classpath*:/workflows/bpmn/*.bpmn";

  private record ElementRef(String bpmnProcessId, String elementId) {}

  private final Map<String, String> processNames = new HashMap<>();
  private final Map<ElementRef, String> elementNames = new HashMap<>();
  private final Map<ElementRef, String> formIds = new HashMap<>();

  public ProcessModels() {
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        try (InputStream in = resource.getInputStream()) {
          read(Bpmn.readModelFromStream(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the BPMN models at " + LOCATION, e);
    }
  }

  private void read(BpmnModelInstance model) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      processNames.put(process.getId(), process.getName() == null ? process.getId() : process.getName());
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      String processId = enclosingProcessId(node);
      var ref = new ElementRef(processId, node.getId());
      if (node.getName() != null && !node.getName().isBlank()) {
        elementNames.put(ref, node.getName());
      }
      if (node instanceof UserTask task) {
        var form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
        if (form != null && form.getFormId() != null && !form.getFormId().isBlank()) {
          formIds.put(ref, form.getFormId());
        }
      }
    }
  }

  private static String enclosingProcessId(ModelElementInstance element) {
    ModelElementInstance current = element.getParentElement();
    while (current != null && !(current instanceof Process)) {
      current = current.getParentElement();
    }
    return current == null ? "" : ((Process) current).getId();
  }

  /** The id of the Camunda Form the user task links ({@code zeebe:formDefinition formId}), if any. */
  public Optional<String> formId(String bpmnProcessId, String elementId) {
    return Optional.ofNullable(formIds.get(new ElementRef(bpmnProcessId, elementId)));
  }

  public String processName(String bpmnProcessId) {
    return bpmnProcessId == null ? "" : processNames.getOrDefault(bpmnProcessId, bpmnProcessId);
  }

  public String elementName(String bpmnProcessId, String elementId) {
    return elementId == null ? "" : elementNames.getOrDefault(new ElementRef(bpmnProcessId, elementId), elementId);
  }
}
