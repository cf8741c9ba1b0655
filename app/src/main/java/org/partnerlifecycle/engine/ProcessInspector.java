package org.partnerlifecycle.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine knows about a process instance right now: the elements it is in and its variables. The app
 * reads this only where it is cheap, from the embedded engine's record stream; against a cluster Operate and
 * Tasklist show it, and this inspector knows nothing.
 */
public interface ProcessInspector {

  /** An element an instance is in, since when (engine time). */
  record ActiveElement(long processInstanceKey, String bpmnProcessId, int processVersion, String elementId,
      String elementType, Instant since) {}

  boolean available();

  List<ActiveElement> activeElements(long processInstanceKey);

  /** The instance and every instance it called (the lifecycle calls onboarding ...). */
  Set<Long> instanceTree(long rootInstanceKey);

  /** Process-level variables, as plain Java values (maps, lists, strings, numbers, booleans). */
  Map<String, Object> variables(long processInstanceKey);

  /** Against a cluster: nothing known here. */
  ProcessInspector NONE = new ProcessInspector() {
    @Override public boolean available() { return false; }
    @Override public List<ActiveElement> activeElements(long processInstanceKey) { return List.of(); }
    @Override public Set<Long> instanceTree(long rootInstanceKey) { return Set.of(rootInstanceKey); }
    @Override public Map<String, Object> variables(long processInstanceKey) { return Map.of(); }
  };
}
