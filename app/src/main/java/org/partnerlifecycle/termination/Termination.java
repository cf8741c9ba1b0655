package org.partnerlifecycle.termination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** The end of a partnership and what offboarding did: deals released, funds frozen and settled, statement, archive. */
@Entity
@Table(name = "termination")
public class Termination {

  public enum Status { REQUESTED, COMPLETED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false, unique = true)
  private Long partnerId;

  @Enumerated(EnumType.STRING)
  @Column(name = "trigger_type", nullable = false, length = 30)
  private TerminationTrigger trigger;

  @Column(nullable = false, length = 2000)
  private String reason;

  @Column(name = "requested_by", nullable = false, length = 100)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(name = "deals_released")
  private Integer dealsReleased;

  @Column(name = "funds_frozen", precision = 15, scale = 2)
  private BigDecimal fundsFrozen;

  @Column(name = "settled_amount", precision = 15, scale = 2)
  private BigDecimal settledAmount;

  @Column(name = "final_statement", columnDefinition = "TEXT")
  private String finalStatement;

  @Column(name = "archived_at")
  private Instant archivedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Version
  private long version;

  protected Termination() {}

  Termination(long partnerId, TerminationTrigger trigger, String reason, String requestedBy, Instant now) {
    this.partnerId = partnerId;
    this.trigger = trigger;
    this.reason = reason;
    this.requestedBy = requestedBy;
    this.requestedAt = now;
    this.status = Status.REQUESTED;
  }

  void dealsReleased(int count) { this.dealsReleased = count; }
  void fundsFrozen(BigDecimal amount) { this.fundsFrozen = amount; }
  void settled(BigDecimal amount) { this.settledAmount = amount; }
  void statement(String text) { this.finalStatement = text; }
  void archived(Instant now) { this.archivedAt = now; }

  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public TerminationTrigger getTrigger() { return trigger; }
  public String getReason() { return reason; }
  public String getRequestedBy() { return requestedBy; }
  public Instant getRequestedAt() { return requestedAt; }
  public Status getStatus() { return status; }
  public Integer getDealsReleased() { return dealsReleased; }
  public BigDecimal getFundsFrozen() { return fundsFrozen; }
  public BigDecimal getSettledAmount() { return settledAmount; }
  public String getFinalStatement() { return finalStatement; }
  public Instant getArchivedAt() { return archivedAt; }
  public Instant getCompletedAt() { return completedAt; }
}
