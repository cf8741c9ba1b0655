package org.partnerlifecycle.account;

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

/**
 * A one-time, expiring link mailed to a user: an invitation (first password) or a password reset. Only the
 * SHA-256 of the random token is stored, so a copy of the database opens no account.
 */
@Entity
@Table(name = "account_token")
public class AccountToken {

  public enum Purpose { INVITATION, PASSWORD_RESET }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_account_id", nullable = false)
  private Long userAccountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Purpose purpose;

  @Column(name = "token_sha256", nullable = false, unique = true, length = 64)
  private String tokenSha256;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  /** Set when a newer link replaced this one, or the password was set by another link. */
  @Column(name = "revoked_at")
  private Instant revokedAt;

  /** Set when a job issues the link: a repeated job finds it and issues no second one. */
  @Column(name = "idempotency_key", unique = true, length = 150)
  private String idempotencyKey;

  @Version
  private long version;

  protected AccountToken() {}

  AccountToken(long userAccountId, Purpose purpose, String tokenSha256, String createdBy, Instant now,
      Instant expiresAt, String idempotencyKey) {
    this.userAccountId = userAccountId;
    this.purpose = purpose;
    this.tokenSha256 = tokenSha256;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.expiresAt = expiresAt;
    this.idempotencyKey = idempotencyKey;
  }

  boolean isUsable(Instant now) {
    return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
  }

  void use(Instant now) {
    this.usedAt = now;
  }

  void revoke(Instant now) {
    if (usedAt == null && revokedAt == null) {
      this.revokedAt = now;
    }
  }

  public Long getId() { return id; }
  public Long getUserAccountId() { return userAccountId; }
  public Purpose getPurpose() { return purpose; }
  public Instant getCreatedAt() { return createdAt; }
  public String getCreatedBy() { return createdBy; }
  public Instant getExpiresAt() { return expiresAt; }
  public Instant getUsedAt() { return usedAt; }
  public Instant getRevokedAt() { return revokedAt; }
}
