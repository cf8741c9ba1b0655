package org.partnerlifecycle.planning;

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

/** A joint business plan for one year: targets the partner drafts and the channel manager approves, then locked. */
@Entity
@Table(name = "business_plan")
public class BusinessPlan {

  public enum Status { REQUESTED, SUBMITTED, APPROVED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false)
  private Long partnerId;

  @Column(name = "plan_year", nullable = false)
  private int planYear;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(name = "revenue_target", precision = 15, scale = 2)
  private BigDecimal revenueTarget;

  /** Target share of sales of our lines within the partner's portfolio, in percent (e.g. the 50% goal). */
  @Column(name = "share_of_sales_target")
  private Integer shareOfSalesTarget;

  @Column(name = "product_lines", length = 500)
  private String productLines;

  @Column(name = "new_customers_target")
  private Integer newCustomersTarget;

  @Column(name = "certified_staff_target")
  private Integer certifiedStaffTarget;

  @Column(name = "marketing_activities_target")
  private Integer marketingActivitiesTarget;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "submitted_by", length = 100)
  private String submittedBy;

  @Column(name = "reviewer_comments", length = 2000)
  private String reviewerComments;

  @Column(name = "approved_at")
  private Instant approvedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "idempotency_key", nullable = false, unique = true, length = 150)
  private String idempotencyKey;

  @Version
  private long version;

  protected BusinessPlan() {}

  BusinessPlan(long partnerId, int planYear, String idempotencyKey, Instant now) {
    this.partnerId = partnerId;
    this.planYear = planYear;
    this.idempotencyKey = idempotencyKey;
    this.status = Status.REQUESTED;
    this.createdAt = now;
  }

  void submit(PlanForm form, String username, Instant now) {
    this.revenueTarget = form.revenueTarget();
    this.shareOfSalesTarget = form.shareOfSalesTarget();
    this.productLines = form.productLines().strip();
    this.newCustomersTarget = form.newCustomersTarget();
    this.certifiedStaffTarget = form.certifiedStaffTarget();
    this.marketingActivitiesTarget = form.marketingActivitiesTarget();
    this.submittedBy = username;
    this.submittedAt = now;
    this.status = Status.SUBMITTED;
  }

  void approve(String comments, Instant now) {
    this.status = Status.APPROVED;
    this.reviewerComments = comments;
    this.approvedAt = now;
  }

  public boolean isLocked() { return status == Status.APPROVED; }
  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public int getPlanYear() { return planYear; }
  public Status getStatus() { return status; }
  public BigDecimal getRevenueTarget() { return revenueTarget; }
  public Integer getShareOfSalesTarget() { return shareOfSalesTarget; }
  public String getProductLines() { return productLines; }
  public Integer getNewCustomersTarget() { return newCustomersTarget; }
  public Integer getCertifiedStaffTarget() { return certifiedStaffTarget; }
  public Integer getMarketingActivitiesTarget() { return marketingActivitiesTarget; }
  public Instant getSubmittedAt() { return submittedAt; }
  public String getSubmittedBy() { return submittedBy; }
  public String getReviewerComments() { return reviewerComments; }
  public Instant getApprovedAt() { return approvedAt; }
  public long getVersion() { return version; }
}
