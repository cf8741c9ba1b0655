package org.partnerlifecycle.deal;

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
import java.time.LocalDate;

/** An opportunity a partner registered, for exclusivity against channel conflict. */
@Entity
@Table(name = "deal_registration")
public class DealRegistration {

  public enum Status {
    SUBMITTED, IN_REVIEW, APPROVED, OFFERED, REJECTED, WON, LOST, EXPIRED, RELEASED;

    /** Still holds or claims the customer: conflicts with a new registration of the same customer. */
    public boolean isOpen() {
      return this == SUBMITTED || this == IN_REVIEW || this == APPROVED || this == OFFERED;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false)
  private Long partnerId;

  @Column(name = "customer_name", nullable = false, length = 200)
  private String customerName;

  /** The customer's name folded for comparison (legal form, case, accents, punctuation). */
  @Column(name = "customer_key", nullable = false, length = 200)
  private String customerKey;

  @Column(name = "customer_domain", length = 200)
  private String customerDomain;

  @Column(name = "customer_tax_id", length = 40)
  private String customerTaxId;

  @Column(nullable = false, length = 2)
  private String country;

  @Column(name = "product_lines", nullable = false, length = 300)
  private String productLines;

  @Column(name = "estimated_value", nullable = false, precision = 15, scale = 2)
  private BigDecimal estimatedValue;

  @Column(name = "expected_close", nullable = false)
  private LocalDate expectedClose;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(name = "status_reason", length = 500)
  private String statusReason;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Column(name = "exclusive_until")
  private Instant exclusiveUntil;

  @Column(name = "closed_at")
  private Instant closedAt;

  /** What the partner offers in support of its claim (prior work with the customer, a signed letter ...). */
  @Column(length = 1000)
  private String evidence;

  @Column(name = "extension_count", nullable = false)
  private int extensionCount;

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  /** For a renewal offered to the incumbent: the contract being renewed. */
  @Column(name = "contract_id")
  private Long contractId;

  /** The rule that decided: DMN id, version and route, for the audit and the partner. */
  @Column(name = "decision_rule", length = 150)
  private String decisionRule;

  @Column(name = "registered_by", length = 100)
  private String registeredBy;

  @Column(name = "last_extension_key", length = 150)
  private String lastExtensionKey;

  @Version
  private long version;

  protected DealRegistration() {}

  public DealRegistration(long partnerId, String customerName, String customerKey, String customerDomain,
      String customerTaxId, String country, String productLines, BigDecimal estimatedValue, LocalDate expectedClose,
      Instant now) {
    this.partnerId = partnerId;
    this.customerName = customerName;
    this.customerKey = customerKey;
    this.customerDomain = customerDomain;
    this.customerTaxId = customerTaxId;
    this.country = country;
    this.productLines = productLines;
    this.estimatedValue = estimatedValue;
    this.expectedClose = expectedClose;
    this.status = Status.SUBMITTED;
    this.registeredAt = now;
  }

  public void approve(Instant exclusiveUntil) {
    this.status = Status.APPROVED;
    this.exclusiveUntil = exclusiveUntil;
  }

  void describe(String evidence, String registeredBy) {
    this.evidence = evidence;
    this.registeredBy = registeredBy;
  }

  void startedAs(long processInstanceKey) {
    this.processInstanceKey = processInstanceKey;
  }

  void decidedBy(String rule, String reason) {
    this.decisionRule = rule;
    this.statusReason = reason;
  }

  void reject(String reason, Instant now) {
    this.status = Status.REJECTED;
    this.statusReason = reason;
    this.closedAt = now;
  }

  void extendTo(Instant until, String extensionKey) {
    this.exclusiveUntil = until;
    this.extensionCount++;
    this.lastExtensionKey = extensionKey;
  }

  void offerRenewal(long contractId) {
    this.contractId = contractId;
    this.status = Status.OFFERED;
  }

  public void close(Status outcome, String reason, Instant now) {
    this.status = outcome;
    this.statusReason = reason;
    this.closedAt = now;
  }

  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public String getCustomerName() { return customerName; }
  public String getCustomerKey() { return customerKey; }
  public String getCustomerDomain() { return customerDomain; }
  public String getCustomerTaxId() { return customerTaxId; }
  public String getCountry() { return country; }
  public String getProductLines() { return productLines; }
  public BigDecimal getEstimatedValue() { return estimatedValue; }
  public LocalDate getExpectedClose() { return expectedClose; }
  public Status getStatus() { return status; }
  public String getStatusReason() { return statusReason; }
  public Instant getRegisteredAt() { return registeredAt; }
  public Instant getExclusiveUntil() { return exclusiveUntil; }
  public Instant getClosedAt() { return closedAt; }
  public String getEvidence() { return evidence; }
  public int getExtensionCount() { return extensionCount; }
  public Long getProcessInstanceKey() { return processInstanceKey; }
  public Long getContractId() { return contractId; }
  public String getDecisionRule() { return decisionRule; }
  public String getRegisteredBy() { return registeredBy; }
  public String getLastExtensionKey() { return lastExtensionKey; }
  public CustomerIdentity identity() { return new CustomerIdentity(customerKey, customerDomain, customerTaxId); }
}
