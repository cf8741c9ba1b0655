package org.partnerlifecycle.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the embedded engine's record stream (held in memory by the engine, read incrementally). */
class EmbeddedProcessInspector implements ProcessInspector {

  private final EngineRecords records;
  private final ObjectMapper json;

  EmbeddedProcessInspector(EmbeddedEngine engine, ObjectMapper json) {
    this.records = new EngineRecords(engine);
    this.json = json;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public List<ActiveElement> activeElements(long processInstanceKey) {
    return records.activeElements(processInstanceKey).stream()
        .map(r -> new ActiveElement(processInstanceKey, r.getValue().getBpmnProcessId(), r.getValue().getVersion(),
            r.getValue().getElementId(), r.getValue().getBpmnElementType().name(), Instant.ofEpochMilli(r.getTimestamp())))
        .toList();
  }

  @Override
  public Set<Long> instanceTree(long rootInstanceKey) {
    return records.instanceTree(rootInstanceKey);
  }

  @Override
  public Map<String, Object> variables(long processInstanceKey) {
    Map<String, Object> variables = new LinkedHashMap<>();
    records.variables(processInstanceKey).forEach((name, value) -> {
      try {
        variables.put(name, json.readValue(value, Object.class));
      } catch (JsonProcessingException e) {
        variables.put(name, value);
      }
    });
    return variables;
  }
}
