package org.partnerlifecycle.termination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** Money the vendor holds for a partner (rebates, development funds): frozen on termination, then settled. */
@Entity
@Table(name = "partner_fund")
public class PartnerFund {

  @Id
  @Column(name = "partner_id")
  private Long partnerId;

  @Column(nullable = false, precision = 15, scale = 2)
  private BigDecimal balance;

  @Column(nullable = false)
  private boolean frozen;

  @Column(name = "settled_at")
  private Instant settledAt;

  @Version
  private long version;

  protected PartnerFund() {}

  public PartnerFund(long partnerId, BigDecimal balance) {
    this.partnerId = partnerId;
    this.balance = balance;
  }

  void freeze() { this.frozen = true; }

  /** Pays out the balance; returns what was paid. */
  BigDecimal settle(Instant now) {
    BigDecimal paid = balance;
    this.balance = BigDecimal.ZERO;
    this.settledAt = now;
    return paid;
  }

  public Long getPartnerId() { return partnerId; }
  public BigDecimal getBalance() { return balance; }
  public boolean isFrozen() { return frozen; }
  public Instant getSettledAt() { return settledAt; }
}
