package org.partnerlifecycle.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A quarterly business review: actuals recorded against the plan's targets. */
@Entity
@Immutable
@Table(name = "quarterly_review")
public class QuarterlyReview {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "plan_id", nullable = false)
  private Long planId;

  @Column(nullable = false)
  private int quarter;

  @Column(nullable = false, length = 7)
  private String period;

  @Column(name = "revenue_actual", nullable = false, precision = 15, scale = 2)
  private BigDecimal revenueActual;

  @Column(name = "revenue_target", precision = 15, scale = 2)
  private BigDecimal revenueTarget;

  @Column(name = "share_of_sales_actual", nullable = false)
  private int shareOfSalesActual;

  @Column(name = "new_customers_actual", nullable = false)
  private int newCustomersActual;

  @Column(name = "certified_staff_actual", nullable = false)
  private int certifiedStaffActual;

  @Column(name = "marketing_activities_actual", nullable = false)
  private int marketingActivitiesActual;

  @Column(name = "customer_satisfaction", nullable = false, precision = 4, scale = 1)
  private BigDecimal customerSatisfaction;

  /** No performance was recorded for the period: the review shows zeros and says so. */
  @Column(name = "data_missing", nullable = false)
  private boolean dataMissing;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "idempotency_key", nullable = false, unique = true, length = 150)
  private String idempotencyKey;

  protected QuarterlyReview() {}

  QuarterlyReview(BusinessPlan plan, int quarter, String period, PartnerPerformance actuals, int certifiedStaff,
      String idempotencyKey, Instant now) {
    this.planId = plan.getId();
    this.quarter = quarter;
    this.period = period;
    this.revenueTarget = plan.getRevenueTarget() == null ? null
        : plan.getRevenueTarget().divide(BigDecimal.valueOf(4), 2, java.math.RoundingMode.HALF_UP);
    this.dataMissing = actuals == null;
    this.revenueActual = actuals == null ? BigDecimal.ZERO : actuals.getRevenue();
    this.shareOfSalesActual = actuals == null ? 0 : actuals.getShareOfSales();
    this.newCustomersActual = actuals == null ? 0 : actuals.getNewCustomers();
    this.marketingActivitiesActual = actuals == null ? 0 : actuals.getMarketingActivities();
    this.customerSatisfaction = actuals == null ? BigDecimal.ZERO : actuals.getCustomerSatisfaction();
    this.certifiedStaffActual = certifiedStaff;
    this.idempotencyKey = idempotencyKey;
    this.recordedAt = now;
  }

  public Long getId() { return id; }
  public Long getPlanId() { return planId; }
  public int getQuarter() { return quarter; }
  public String getPeriod() { return period; }
  public BigDecimal getRevenueActual() { return revenueActual; }
  public BigDecimal getRevenueTarget() { return revenueTarget; }
  public int getShareOfSalesActual() { return shareOfSalesActual; }
  public int getNewCustomersActual() { return newCustomersActual; }
  public int getCertifiedStaffActual() { return certifiedStaffActual; }
  public int getMarketingActivitiesActual() { return marketingActivitiesActual; }
  public BigDecimal getCustomerSatisfaction() { return customerSatisfaction; }
  public boolean isDataMissing() { return dataMissing; }
  public Instant getRecordedAt() { return recordedAt; }
}
