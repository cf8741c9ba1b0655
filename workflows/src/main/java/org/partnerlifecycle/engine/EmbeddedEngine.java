package org.partnerlifecycle.engine;

import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.util.buffer.BufferUtil;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The real Zeebe 8.8 engine running in this JVM (from zeebe-process-test-engine), with the one thing its
 * gRPC gateway lacks: user-task commands. A cluster takes those over its REST API; here they are written
 * straight onto the engine's log stream, after which the engine runs task listeners, output mappings and
 * the rest of the flow exactly as a broker would.
 *
 * <p>Process state lives in memory only: it is gone when the JVM stops.
 */
public final class EmbeddedEngine implements AutoCloseable {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private final Object recordsLock = new Object();
  private final Object writeLock = new Object();

  private final ZeebeTestEngine engine;
  private final LogStream logStream;
  private volatile Duration timeAdded = Duration.ZERO;

  private EmbeddedEngine(ZeebeTestEngine engine) {
    this.engine = engine;
    this.logStream = readLogStream(engine);
  }

  /** Creates and starts an engine whose gateway listens on a free local port. */
  public static EmbeddedEngine start() {
    ZeebeTestEngine engine = EngineFactory.create();
    engine.start();
    return new EmbeddedEngine(engine);
  }

  /** host:port of the engine's gRPC gateway. */
  public String gatewayAddress() {
    return engine.getGatewayAddress();
  }

  public RecordStreamSource records() {
    return engine.getRecordStreamSource();
  }

  /**
   * Every record so far, in log order. A copy: the engine's record list grows whenever anyone reads it, and is
   * not safe to read while another thread extends it.
   */
  public List<Record<?>> recordsSnapshot() {
    return recordsFrom(0);
  }

  /** The records from a position in the list on (its size when last read), copied under the same lock. */
  private List<Record<?>> recordsFrom(int index) {
    synchronized (recordsLock) {
      Iterable<Record<?>> all = engine.getRecordStreamSource().getRecords();
      List<Record<?>> list;
      if (all instanceof List<Record<?>> l) {
        list = l;
      } else {
        list = new java.util.ArrayList<>();
        all.forEach(list::add);
      }
      return index >= list.size() ? List.of() : List.copyOf(list.subList(index, list.size()));
    }
  }

  /** Moves the engine's clock forward, so that due timers fire. */
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
    timeAdded = timeAdded.plus(duration);
  }

  /** The engine's clock: the wall clock plus what {@link #increaseTime} added (it does not stop in between). */
  public Instant now() {
    return Instant.now().plus(timeAdded);
  }

  /** Waits until the engine has processed everything written to its log so far. */
  public void waitForIdleState(Duration timeout) {
    try {
      engine.waitForIdleState(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the engine", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("engine did not become idle within " + timeout, e);
    }
  }

  public void completeUserTask(long userTaskKey, Map<String, Object> variables) {
    UserTaskRecord command = new UserTaskRecord().setUserTaskKey(userTaskKey).setAction("complete");
    if (variables != null && !variables.isEmpty()) {
      command.setVariables(BufferUtil.wrapArray(MsgPackConverter.convertToMsgPack(variables)));
    }
    write(userTaskKey, UserTaskIntent.COMPLETE, command, UserTaskIntent.COMPLETED);
  }

  public void assignUserTask(long userTaskKey, String assignee) {
    write(userTaskKey, UserTaskIntent.ASSIGN,
        new UserTaskRecord().setUserTaskKey(userTaskKey).setAction("assign").setAssignee(assignee),
        UserTaskIntent.ASSIGNED);
  }

  public void unassignUserTask(long userTaskKey) {
    write(userTaskKey, UserTaskIntent.ASSIGN,
        new UserTaskRecord().setUserTaskKey(userTaskKey).setAction("unassign").setAssignee(""),
        UserTaskIntent.ASSIGNED);
  }

  /**
   * Writes the command and waits, as the REST API of a cluster does, until the engine has either rejected it
   * or finished it (after the task listeners of that transition ran), so a caller may issue the next command.
   * A task still in a transition (its creating or assigning listeners running) is retried until it settles.
   */
  private void write(long key, UserTaskIntent intent, UserTaskRecord command, UserTaskIntent done) {
    long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
    while (true) {
      String rejection = writeOnce(key, intent, command, done, deadline);
      if (rejection == null) {
        return;
      }
      if (!TRANSITIONAL.matcher(rejection).find() || System.nanoTime() > deadline) {
        throw new UserTaskCommandRejected(key, intent, rejection);
      }
      sleepBriefly();
    }
  }

  private static final java.util.regex.Pattern TRANSITIONAL =
      java.util.regex.Pattern.compile("INVALID_STATE.*in state '(CREATING|ASSIGNING|UPDATING)'");

  /**
   * One attempt: null when done, else the rejection. Only the append is serialised. While waiting it reads the
   * log itself from the command's position on, looking at each entry's key and metadata only: polling the
   * record stream instead would copy every new record for every waiting caller.
   */
  private String writeOnce(long key, UserTaskIntent intent, UserTaskRecord command, UserTaskIntent done,
      long deadline) {
    RecordMetadata metadata = new RecordMetadata()
        .recordType(RecordType.COMMAND)
        .valueType(ValueType.USER_TASK)
        .intent(intent);
    io.camunda.zeebe.util.Either<io.camunda.zeebe.logstreams.log.LogStreamWriter.WriteFailure, Long> result;
    synchronized (writeLock) {
      result = logStream.newLogStreamWriter()
          .tryWrite(WriteContext.internal(), LogAppendEntry.of(key, metadata, command));
    }
    if (result.isLeft()) {
      throw new IllegalStateException("engine refused the user task command " + intent + " for task "
          + key + ": " + result.getLeft());
    }
    long position = result.get();
    long lastRead = position;
    RecordMetadata seen = new RecordMetadata();
    try (LogStreamReader reader = logStream.newLogStreamReader()) {
      while (System.nanoTime() < deadline) {
        reader.seekToNextEvent(lastRead);
        while (reader.hasNext()) {
          LoggedEvent event = reader.next();
          lastRead = event.getPosition();
          if (event.getKey() != key) {
            continue;
          }
          seen.reset();
          event.readMetadata(seen);
          if (seen.getValueType() != ValueType.USER_TASK) {
            continue;
          }
          if (seen.getRecordType() == RecordType.COMMAND_REJECTION && event.getSourceEventPosition() == position) {
            return seen.getRejectionType() + ": " + seen.getRejectionReason();
          }
          if (seen.getRecordType() == RecordType.EVENT && seen.getIntent() == done) {
            return null;
          }
          if (seen.getRecordType() == RecordType.EVENT
              && (seen.getIntent() == UserTaskIntent.COMPLETION_DENIED
                  || seen.getIntent() == UserTaskIntent.ASSIGNMENT_DENIED)) {
            return "denied by a task listener";
          }
        }
        sleepBriefly();
      }
    }
    throw new IllegalStateException("user task " + key + ": no outcome of " + intent + " within " + COMMAND_TIMEOUT);
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The engine refused a user task command: the task is gone, in another state, or a listener denied it. */
  public static final class UserTaskCommandRejected extends RuntimeException {
    public UserTaskCommandRejected(long key, UserTaskIntent intent, String reason) {
      super("user task " + key + ": " + intent + " rejected (" + reason + ")");
    }
  }

  @Override
  public void close() {
    engine.stop();
  }

  private static LogStream readLogStream(ZeebeTestEngine engine) {
    try {
      Field field = engine.getClass().getDeclaredField("logStream");
      field.setAccessible(true);
      return (LogStream) field.get(engine);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this zeebe-process-test-engine has no logStream field; "
          + "user task commands cannot be written", e);
    }
  }
}
