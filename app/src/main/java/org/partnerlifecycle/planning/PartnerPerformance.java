package org.partnerlifecycle.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a partner achieved in one calendar quarter ("2026-Q3"), entered by ops or imported from the sales systems:
 * the actuals that business reviews and scorecards compare against targets.
 */
@Entity
@Table(name = "partner_performance")
public class PartnerPerformance {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false)
  private Long partnerId;

  @Column(nullable = false, length = 7)
  private String period;

  @Column(nullable = false, precision = 15, scale = 2)
  private BigDecimal revenue;

  @Column(name = "share_of_sales", nullable = false)
  private int shareOfSales;

  @Column(name = "new_customers", nullable = false)
  private int newCustomers;

  @Column(name = "marketing_activities", nullable = false)
  private int marketingActivities;

  @Column(name = "customer_satisfaction", nullable = false, precision = 4, scale = 1)
  private BigDecimal customerSatisfaction;

  /** Customers in the partner's segment and regions that buy our products through this partner. */
  @Column(name = "segment_customers", nullable = false)
  private int segmentCustomers;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Version
  private long version;

  protected PartnerPerformance() {}

  public PartnerPerformance(long partnerId, String period, BigDecimal revenue, int shareOfSales, int newCustomers,
      int marketingActivities, BigDecimal customerSatisfaction, int segmentCustomers, Instant now) {
    this.partnerId = partnerId;
    this.period = period;
    this.revenue = revenue;
    this.shareOfSales = shareOfSales;
    this.newCustomers = newCustomers;
    this.marketingActivities = marketingActivities;
    this.customerSatisfaction = customerSatisfaction;
    this.segmentCustomers = segmentCustomers;
    this.recordedAt = now;
  }

  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public String getPeriod() { return period; }
  public BigDecimal getRevenue() { return revenue; }
  public int getShareOfSales() { return shareOfSales; }
  public int getNewCustomers() { return newCustomers; }
  public int getMarketingActivities() { return marketingActivities; }
  public BigDecimal getCustomerSatisfaction() { return customerSatisfaction; }
  public int getSegmentCustomers() { return segmentCustomers; }
  public Instant getRecordedAt() { return recordedAt; }
}
