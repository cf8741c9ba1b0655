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
import java.math.BigDecimal;
import java.time.Instant;
import org.partnerlifecycle.partner.Tier;

/** A quarterly evaluation on the agreed metrics, the tier decision taken on it, and what became of it. */
@Entity
@Table(name = "scorecard")
public class Scorecard {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false)
  private Long partnerId;

  @Column(nullable = false, length = 7)
  private String period;

  @Column(name = "evaluated_at", nullable = false)
  private Instant evaluatedAt;

  @Column(name = "revenue_attainment", nullable = false, precision = 6, scale = 3)
  private BigDecimal revenueAttainment;

  @Column(name = "deal_close_rate", nullable = false, precision = 6, scale = 3)
  private BigDecimal dealCloseRate;

  @Column(name = "market_penetration", nullable = false, precision = 6, scale = 3)
  private BigDecimal marketPenetration;

  @Column(name = "certified_staff", nullable = false)
  private int certifiedStaff;

  @Column(name = "required_certified_staff", nullable = false)
  private int requiredCertifiedStaff;

  @Column(name = "customer_satisfaction", nullable = false, precision = 4, scale = 1)
  private BigDecimal customerSatisfaction;

  @Enumerated(EnumType.STRING)
  @Column(name = "current_tier", nullable = false, length = 20)
  private Tier currentTier;

  @Column(name = "non_productive", nullable = false)
  private boolean nonProductive;

  @Column(name = "composite_score", nullable = false)
  private int compositeScore;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Maturity maturity;

  @Column(name = "category_rank", nullable = false)
  private int categoryRank;

  @Column(name = "category_size", nullable = false)
  private int categorySize;

  @Column(length = 20)
  private String action;

  @Enumerated(EnumType.STRING)
  @Column(name = "target_tier", length = 20)
  private Tier targetTier;

  @Column(length = 500)
  private String reason;

  @Column(length = 30)
  private String outcome;

  @Column(name = "idempotency_key", nullable = false, unique = true, length = 150)
  private String idempotencyKey;

  @Version
  private long version;

  protected Scorecard() {}

  Scorecard(long partnerId, String period, Metrics metrics, Tier currentTier, int categoryRank, int categorySize,
      String idempotencyKey, Instant now) {
    this.partnerId = partnerId;
    this.period = period;
    this.evaluatedAt = now;
    this.revenueAttainment = metrics.revenueAttainment();
    this.dealCloseRate = metrics.dealCloseRate();
    this.marketPenetration = metrics.marketPenetration();
    this.certifiedStaff = metrics.certifiedStaff();
    this.requiredCertifiedStaff = metrics.requiredCertifiedStaff();
    this.customerSatisfaction = metrics.customerSatisfaction();
    this.nonProductive = metrics.nonProductive();
    this.compositeScore = metrics.compositeScore();
    this.maturity = Maturity.of(metrics.compositeScore());
    this.currentTier = currentTier;
    this.categoryRank = categoryRank;
    this.categorySize = categorySize;
    this.idempotencyKey = idempotencyKey;
  }

  void decided(String action, Tier targetTier, String reason, String outcome) {
    this.action = action;
    this.targetTier = targetTier;
    this.reason = reason;
    this.outcome = outcome;
  }

  /** The agreed metrics of one evaluation. */
  public record Metrics(BigDecimal revenueAttainment, BigDecimal dealCloseRate, BigDecimal marketPenetration,
      int certifiedStaff, int requiredCertifiedStaff, BigDecimal customerSatisfaction, boolean nonProductive,
      int compositeScore) {}

  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public String getPeriod() { return period; }
  public Instant getEvaluatedAt() { return evaluatedAt; }
  public BigDecimal getRevenueAttainment() { return revenueAttainment; }
  public BigDecimal getDealCloseRate() { return dealCloseRate; }
  public BigDecimal getMarketPenetration() { return marketPenetration; }
  public int getCertifiedStaff() { return certifiedStaff; }
  public int getRequiredCertifiedStaff() { return requiredCertifiedStaff; }
  public BigDecimal getCustomerSatisfaction() { return customerSatisfaction; }
  public Tier getCurrentTier() { return currentTier; }
  public boolean isNonProductive() { return nonProductive; }
  public int getCompositeScore() { return compositeScore; }
  public Maturity getMaturity() { return maturity; }
  public int getCategoryRank() { return categoryRank; }
  public int getCategorySize() { return categorySize; }
  public String getAction() { return action; }
  public Tier getTargetTier() { return targetTier; }
  public String getReason() { return reason; }
  public String getOutcome() { return outcome; }
}
