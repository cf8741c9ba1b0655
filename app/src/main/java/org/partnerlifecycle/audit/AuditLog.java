package org.partnerlifecycle.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import org.partnerlifecycle.partner.LifecycleStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes the lifecycle history. Joins the caller's transaction, so an event and its cause commit together. */
@Service
public class AuditLog {

  private final LifecycleEventRepository events;
  private final ObjectMapper json;
  private final Clock clock;

  public AuditLog(LifecycleEventRepository events, ObjectMapper json, Clock clock) {
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  /** A new event. */
  public record Entry(long partnerId, ActorType actorType, String actor, String eventType, LifecycleStage from,
      LifecycleStage to, ProcessRef process, Map<String, ?> payload, String idempotencyKey) {}

  /**
   * Appends an event unless one with the same idempotency key exists (a job delivered twice); returns the
   * stored event either way.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public LifecycleEvent append(Entry entry) {
    if (entry.idempotencyKey() != null) {
      var existing = events.findByIdempotencyKey(entry.idempotencyKey());
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    return events.save(new LifecycleEvent(entry.partnerId(), clock.instant(), entry.actorType(), entry.actor(),
        entry.eventType(), entry.from(), entry.to(), entry.process() == null ? ProcessRef.NONE : entry.process(),
        toJson(entry.payload()), entry.idempotencyKey()));
  }

  private String toJson(Map<String, ?> payload) {
    if (payload == null || payload.isEmpty()) {
      return null;
    }
    try {
      return json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit payload is not serialisable: " + e.getMessage(), e);
    }
  }
}
