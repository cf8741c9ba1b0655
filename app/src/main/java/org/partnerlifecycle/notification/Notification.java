package org.partnerlifecycle.notification;

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

/** One rendered message in the outbox. */
@Entity
@Table(name = "notification")
public class Notification {

  /** PENDING -> SENDING (claimed by one dispatcher) -> DELIVERED, LOGGED, or back to PENDING / FAILED. */
  public enum Status { PENDING, SENDING, DELIVERED, LOGGED, FAILED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id")
  private Long partnerId;

  @Column(nullable = false, length = 200)
  private String recipient;

  @Column(nullable = false, length = 60)
  private String template;

  @Column(nullable = false, length = 300)
  private String subject;

  @Column(nullable = false, columnDefinition = "TEXT")
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "claimed_at")
  private Instant claimedAt;

  @Column(name = "last_error", length = 500)
  private String lastError;

  @Column(name = "idempotency_key", nullable = false, length = 150, unique = true)
  private String idempotencyKey;

  @Version
  private long version;

  protected Notification() {}

  Notification(Long partnerId, String recipient, String template, String subject, String body, String idempotencyKey,
      Instant now) {
    this.partnerId = partnerId;
    this.recipient = recipient;
    this.template = template;
    this.subject = subject;
    this.body = body;
    this.idempotencyKey = idempotencyKey;
    this.status = Status.PENDING;
    this.createdAt = now;
  }

  void delivered(Status how, Instant now) {
    this.status = how;
    this.deliveredAt = now;
    this.claimedAt = null;
    this.attempts++;
  }

  /** Back to PENDING for the next round, or FAILED after the last attempt. */
  void failedAttempt(String error, int maxAttempts) {
    this.attempts++;
    this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
    this.claimedAt = null;
    this.status = attempts >= maxAttempts ? Status.FAILED : Status.PENDING;
  }

  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public String getRecipient() { return recipient; }
  public String getTemplate() { return template; }
  public String getSubject() { return subject; }
  public String getBody() { return body; }
  public Status getStatus() { return status; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getDeliveredAt() { return deliveredAt; }
  public int getAttempts() { return attempts; }
  public Instant getClaimedAt() { return claimedAt; }
  public String getLastError() { return lastError; }
  public String getIdempotencyKey() { return idempotencyKey; }
}
