package org.partnerlifecycle.onboarding;

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
import org.partnerlifecycle.partner.Segment;

@Entity
@Table(name = "partner_brief")
public class PartnerBrief {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false)
  private Long partnerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Segment segment;

  @Column(nullable = false, columnDefinition = "TEXT")
  private String content;

  @Column(name = "generated_at", nullable = false)
  private Instant generatedAt;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  @Column(name = "acknowledged_by", length = 100)
  private String acknowledgedBy;

  @Column(name = "idempotency_key", nullable = false, unique = true, length = 150)
  private String idempotencyKey;

  @Version
  private long version;

  protected PartnerBrief() {}

  PartnerBrief(long partnerId, Segment segment, String content, String idempotencyKey, Instant now) {
    this.partnerId = partnerId;
    this.segment = segment;
    this.content = content;
    this.idempotencyKey = idempotencyKey;
    this.generatedAt = now;
  }

  void acknowledge(String username, Instant now) {
    this.acknowledgedAt = now;
    this.acknowledgedBy = username;
  }

  public boolean isAcknowledged() { return acknowledgedAt != null; }
  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public Segment getSegment() { return segment; }
  public String getContent() { return content; }
  public Instant getGeneratedAt() { return generatedAt; }
  public Instant getAcknowledgedAt() { return acknowledgedAt; }
  public String getAcknowledgedBy() { return acknowledgedBy; }
}
