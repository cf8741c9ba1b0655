package org.partnerlifecycle.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.partnerlifecycle.partner.Tier;

/** Before a demotion takes effect, a window in which the partner can recover, with a plan to do so. */
@Entity
@Table(name = "remediation")
public class Remediation {

  public enum Status { OPEN, RECOVERED, DEMOTED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false)
  private Long partnerId;

  @Column(name = "scorecard_id", nullable = false)
  private Long scorecardId;

  @Enumerated(EnumType.STRING)
  @Column(name = "target_tier", nullable = false, length = 20)
  private Tier targetTier;

  @Column(nullable = false, length = 2000)
  private String plan;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "window_ends_at", nullable = false)
  private Instant windowEndsAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "idempotency_key", nullable = false, unique = true, length = 150)
  private String idempotencyKey;

  @Version
  private long version;

  protected Remediation() {}

  Remediation(long partnerId, long scorecardId, Tier targetTier, String plan, Instant windowEndsAt,
      String idempotencyKey, Instant now) {
    this.partnerId = partnerId;
    this.scorecardId = scorecardId;
    this.targetTier = targetTier;
    this.plan = plan;
    this.windowEndsAt = windowEndsAt;
    this.idempotencyKey = idempotencyKey;
    this.openedAt = now;
    this.status = Status.OPEN;
  }

  void close(Status outcome, Instant now) {
    if (status == Status.OPEN) {
      this.status = outcome;
      this.closedAt = now;
    }
  }

  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public Long getScorecardId() { return scorecardId; }
  public Tier getTargetTier() { return targetTier; }
  public String getPlan() { return plan; }
  public Instant getOpenedAt() { return openedAt; }
  public Instant getWindowEndsAt() { return windowEndsAt; }
  public Status getStatus() { return status; }
  public Instant getClosedAt() { return closedAt; }
}
