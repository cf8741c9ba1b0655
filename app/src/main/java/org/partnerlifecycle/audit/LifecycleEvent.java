package org.partnerlifecycle.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.partnerlifecycle.partner.LifecycleStage;

/**
 * One entry of a partner's append-only lifecycle history. Immutable: Hibernate never issues an UPDATE for it,
 * and {@link LifecycleEventRepository} offers no way to change or delete one.
 */
@Entity
@Immutable
@Table(name = "lifecycle_event")
public class LifecycleEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false, updatable = false)
  private Long partnerId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor_type", nullable = false, updatable = false, length = 20)
  private ActorType actorType;

  @Column(nullable = false, updatable = false, length = 100)
  private String actor;

  @Column(name = "event_type", nullable = false, updatable = false, length = 60)
  private String eventType;

  @Enumerated(EnumType.STRING)
  @Column(name = "stage_from", updatable = false, length = 20)
  private LifecycleStage stageFrom;

  @Enumerated(EnumType.STRING)
  @Column(name = "stage_to", updatable = false, length = 20)
  private LifecycleStage stageTo;

  @Column(name = "process_instance_key", updatable = false)
  private Long processInstanceKey;

  @Column(name = "bpmn_process_id", updatable = false, length = 100)
  private String bpmnProcessId;

  @Column(name = "process_version", updatable = false)
  private Integer processVersion;

  @Column(name = "element_id", updatable = false, length = 100)
  private String elementId;

  @Column(updatable = false, columnDefinition = "TEXT")
  private String payload;

  /** Set when the cause may be delivered twice (a job): the database refuses a second event with the same key. */
  @Column(name = "idempotency_key", updatable = false, length = 150, unique = true)
  private String idempotencyKey;

  protected LifecycleEvent() {}

  LifecycleEvent(long partnerId, Instant occurredAt, ActorType actorType, String actor, String eventType,
      LifecycleStage stageFrom, LifecycleStage stageTo, ProcessRef process, String payload, String idempotencyKey) {
    this.partnerId = partnerId;
    this.occurredAt = occurredAt;
    this.actorType = actorType;
    this.actor = actor;
    this.eventType = eventType;
    this.stageFrom = stageFrom;
    this.stageTo = stageTo;
    this.processInstanceKey = process.processInstanceKey();
    this.bpmnProcessId = process.bpmnProcessId();
    this.processVersion = process.processVersion();
    this.elementId = process.elementId();
    this.payload = payload;
    this.idempotencyKey = idempotencyKey;
  }

  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public Instant getOccurredAt() { return occurredAt; }
  public ActorType getActorType() { return actorType; }
  public String getActor() { return actor; }
  public String getEventType() { return eventType; }
  public LifecycleStage getStageFrom() { return stageFrom; }
  public LifecycleStage getStageTo() { return stageTo; }
  public Long getProcessInstanceKey() { return processInstanceKey; }
  public String getBpmnProcessId() { return bpmnProcessId; }
  public Integer getProcessVersion() { return processVersion; }
  public String getElementId() { return elementId; }
  public String getPayload() { return payload; }
  public String getIdempotencyKey() { return idempotencyKey; }
}
