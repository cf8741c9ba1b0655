package org.partnerlifecycle.engine;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads the embedded engine's record stream: which elements a process instance passed, which user tasks it
 * opened. Used by the process tests and by anything that must wait for the engine to reach a point.
 */
public final class EngineRecords {

  private final EmbeddedEngine engine;

  public EngineRecords(EmbeddedEngine engine) {
    this.engine = engine;
  }

  public Stream<Record<?>> all() {
    return engine.recordsSnapshot().stream();
  }

  @SuppressWarnings("unchecked")
  private <T extends io.camunda.zeebe.protocol.record.RecordValue> Stream<Record<T>> eventsOfType(ValueType type) {
    return all()
        .filter(r -> r.getRecordType() == RecordType.EVENT && r.getValueType() == type)
        .map(r -> (Record<T>) r);
  }

  @SuppressWarnings("unchecked")
  private <T extends io.camunda.zeebe.protocol.record.RecordValue> Stream<Record<T>> events(ValueType type,
      Intent... intents) {
    List<Intent> wanted = List.of(intents);
    return all()
        .filter(r -> r.getRecordType() == RecordType.EVENT && r.getValueType() == type && wanted.contains(r.getIntent()))
        .map(r -> (Record<T>) r);
  }

  /** Element ids that the instance completed, in order. */
  public List<String> completedElements(long processInstanceKey) {
    return this.<ProcessInstanceRecordValue>events(ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_COMPLETED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .map(r -> r.getValue().getElementId())
        .toList();
  }

  /** Element ids that the instance activated, in order. */
  public List<String> activatedElements(long processInstanceKey) {
    return this.<ProcessInstanceRecordValue>events(ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .map(r -> r.getValue().getElementId())
        .toList();
  }

  /**
   * The elements an instance is in right now (activated, neither completed nor terminated), oldest first, without
   * the process itself. One pass over the stream.
   */
  @SuppressWarnings("unchecked")
  public List<Record<ProcessInstanceRecordValue>> activeElements(long processInstanceKey) {
    Map<Long, Record<ProcessInstanceRecordValue>> active = new LinkedHashMap<>();
    all().filter(r -> r.getRecordType() == RecordType.EVENT && r.getValueType() == ValueType.PROCESS_INSTANCE)
        .map(r -> (Record<ProcessInstanceRecordValue>) r)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .forEach(r -> {
          if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
              && r.getValue().getBpmnElementType() != BpmnElementType.PROCESS) {
            active.put(r.getKey(), r);
          } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
              || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
            active.remove(r.getKey());
          }
        });
    return new ArrayList<>(active.values());
  }

  /** The current process-level variables of an instance, name to JSON value, as the engine last wrote them. */
  public Map<String, String> variables(long processInstanceKey) {
    Map<String, String> variables = new LinkedHashMap<>();
    this.<VariableRecordValue>events(ValueType.VARIABLE, VariableIntent.CREATED, VariableIntent.UPDATED)
        .map(Record::getValue)
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey && v.getScopeKey() == processInstanceKey)
        .forEach(v -> variables.put(v.getName(), v.getValue()));
    return variables;
  }

  public boolean hasCompleted(long processInstanceKey, String elementId) {
    return completedElements(processInstanceKey).contains(elementId);
  }

  public boolean isInstanceCompleted(long processInstanceKey) {
    return this.<ProcessInstanceRecordValue>events(ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_COMPLETED)
        .anyMatch(r -> r.getKey() == processInstanceKey);
  }

  /**
   * The open user task (created, not yet completed or canceled) at an element of an instance or of an instance
   * it called (the lifecycle calls onboarding, whose tasks then count as the lifecycle's).
   */
  public Optional<UserTaskRecordValue> openUserTask(long processInstanceKey, String elementId) {
    java.util.Set<Long> tree = instanceTree(processInstanceKey);
    List<Long> ended = Stream.concat(
            this.<UserTaskRecordValue>events(ValueType.USER_TASK, UserTaskIntent.COMPLETED),
            this.<UserTaskRecordValue>events(ValueType.USER_TASK, UserTaskIntent.CANCELED))
        .map(r -> r.getValue().getUserTaskKey())
        .toList();
    return this.<UserTaskRecordValue>events(ValueType.USER_TASK, UserTaskIntent.CREATED)
        .map(Record::getValue)
        .filter(t -> tree.contains(t.getProcessInstanceKey()) && t.getElementId().equals(elementId))
        .filter(t -> !ended.contains(t.getUserTaskKey()))
        .findFirst();
  }

  /** The instance and every instance it called, directly or further down. */
  public java.util.Set<Long> instanceTree(long rootInstanceKey) {
    java.util.Set<Long> tree = new java.util.HashSet<>(java.util.List.of(rootInstanceKey));
    this.<ProcessInstanceRecordValue>events(ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .map(Record::getValue)
        .filter(v -> v.getBpmnElementType() == io.camunda.zeebe.protocol.record.value.BpmnElementType.PROCESS)
        .forEachOrdered(v -> {
          // called instances are activated after their parent, so one pass in log order finds them all
          if (tree.contains(v.getParentProcessInstanceKey())) {
            tree.add(v.getProcessInstanceKey());
          }
        });
    return tree;
  }

  /** Whether a timer of the element is waiting (created, not yet triggered or canceled) in the instance's tree. */
  public boolean hasPendingTimer(long rootInstanceKey, String elementId) {
    java.util.Set<Long> tree = instanceTree(rootInstanceKey);
    java.util.Map<Long, Long> balance = new java.util.HashMap<>();
    this.<io.camunda.zeebe.protocol.record.value.TimerRecordValue>eventsOfType(ValueType.TIMER)
        .filter(r -> r.getValue().getTargetElementId().equals(elementId)
            && tree.contains(r.getValue().getProcessInstanceKey()))
        .forEach(r -> balance.merge(r.getKey(),
            r.getIntent() == io.camunda.zeebe.protocol.record.intent.TimerIntent.CREATED ? 1L : -1L, Long::sum));
    return balance.values().stream().anyMatch(v -> v > 0);
  }

  /** Waits until a timer of the element is waiting in the instance's tree, so moving the clock will fire it. */
  public void awaitPendingTimer(long rootInstanceKey, String elementId, Duration timeout) {
    await(() -> hasPendingTimer(rootInstanceKey, elementId) ? Optional.of(true) : Optional.empty(), timeout,
        "a timer at " + elementId + " under instance " + rootInstanceKey);
  }

  public UserTaskRecordValue awaitUserTask(long processInstanceKey, String elementId, Duration timeout) {
    return await(() -> openUserTask(processInstanceKey, elementId), timeout,
        "user task " + elementId + " of instance " + processInstanceKey);
  }

  public void awaitCompleted(long processInstanceKey, String elementId, Duration timeout) {
    await(() -> hasCompleted(processInstanceKey, elementId) ? Optional.of(true) : Optional.empty(), timeout,
        "completion of " + elementId + " in instance " + processInstanceKey);
  }

  public void awaitInstanceCompleted(long processInstanceKey, Duration timeout) {
    await(() -> isInstanceCompleted(processInstanceKey) ? Optional.of(true) : Optional.empty(), timeout,
        "end of instance " + processInstanceKey);
  }

  /** Polls until the supplier yields a value; the engine and its workers run on other threads. */
  public static <T> T await(Supplier<Optional<T>> probe, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
