package org.partnerlifecycle.onboarding;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts lifecycle processes and correlates the partner's portal actions to them. Every message carries a
 * message id derived from the action, and the engine refuses a second message with the same id while the
 * first is buffered: a double submit correlates once.
 */
@Component
public class ProcessGateway {

  /** The top-level process of a partner: onboarding, the active partnership, offboarding. */
  public static final String LIFECYCLE_PROCESS = "partner-lifecycle";
  private static final Duration MESSAGE_TTL = Duration.ofHours(1);
  /**
   * Every message catch event of the lifecycle correlates on {@code string(<id>)} of a partner, deal, contract or
   * certification: a positive whole number as Java and FEEL print it. A key of any other form can never meet a
   * waiting process, so it is refused rather than buffered to expire unseen.
   */
  private static final Pattern ENTITY_ID = Pattern.compile("[1-9][0-9]{0,18}");
  /** The ids the app derives from its records ("brief-acknowledged-12", "profile-12-v3"). */
  private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
  private static final int LOGGED_KEY_LENGTH = 40;

  private static final Logger log = LoggerFactory.getLogger(ProcessGateway.class);
  private final CamundaClient client;

  public ProcessGateway(CamundaClient client) {
    this.client = client;
  }

  /** What became of a message. */
  public enum Delivery {
    /** The engine took it: correlated to a waiting process, or buffered for the time to live. */
    PUBLISHED,
    /** The engine already had a message with this id: this one is not correlated again. */
    ALREADY_PUBLISHED
  }

  /** A message whose correlation key or id no process of the lifecycle can take; nothing was sent. */
  public static class UncorrelatableMessage extends IllegalArgumentException {
    UncorrelatableMessage(String message) {
      super(message);
    }
  }

  public long startLifecycle(Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(LIFECYCLE_PROCESS).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
  }

  /** Publishes a message for one partner's process; a duplicate message id is not an error, it is the point. */
  public Delivery publish(String messageName, long partnerId, String messageId, Map<String, Object> variables) {
    return publish(messageName, String.valueOf(partnerId), messageId, variables);
  }

  public Delivery publish(String messageName, String correlationKey, String messageId, Map<String, Object> variables) {
    String refusal = refusal(correlationKey, messageId);
    if (refusal != null) {
      log.error("Refused to publish {} for correlation key {} (id {}): {}", messageName, loggable(correlationKey),
          loggable(messageId), refusal);
      throw new UncorrelatableMessage("Message " + messageName + " was not published: " + refusal);
    }
    try {
      client.newPublishMessageCommand().messageName(messageName).correlationKey(correlationKey)
          .messageId(messageId).timeToLive(MESSAGE_TTL).variables(variables).send().join();
      // publishing cannot tell whether a process waits: a message no process waits for is buffered for the
      // TTL, then dropped by the engine
      log.info("Published {} for {} (id {}); buffered for {} if no process waits for it yet", messageName,
          correlationKey, messageId, MESSAGE_TTL);
      return Delivery.PUBLISHED;
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
      log.info("Message {} for {} (id {}) was published before: not correlated again", messageName, correlationKey,
          messageId);
      return Delivery.ALREADY_PUBLISHED;
    }
  }

  private static String refusal(String correlationKey, String messageId) {
    if (correlationKey == null || correlationKey.isBlank()) {
      return "the correlation key is blank";
    }
    if (!ENTITY_ID.matcher(correlationKey).matches()) {
      return "the correlation key is not the id of a partner, deal, contract or certification ("
          + correlationKey.length() + " characters)";
    }
    if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
      return "the message id is blank or malformed, so a repeat could not be told from the first";
    }
    return null;
  }

  /** At most 40 characters, anything but printable ASCII escaped: a key must not write lines of its own to the log. */
  static String loggable(String value) {
    if (value == null) {
      return "(none)";
    }
    StringBuilder out = new StringBuilder("'");
    value.codePoints().limit(LOGGED_KEY_LENGTH).forEach(c -> {
      if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
        out.append((char) c);
      } else {
        out.append(String.format("\\u%04X", c));
      }
    });
    out.append('\'');
    if (value.codePointCount(0, value.length()) > LOGGED_KEY_LENGTH) {
      out.append("... (").append(value.length()).append(" characters)");
    }
    return out.toString();
  }
}
