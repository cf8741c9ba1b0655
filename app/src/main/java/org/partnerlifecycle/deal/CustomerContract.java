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
import java.time.LocalDate;

/** A customer's contract sold through a partner: that partner is the incumbent with first right on its renewal. */
@Entity
@Table(name = "customer_contract")
public class CustomerContract {

  public enum RenewalStatus { NOT_DUE, OFFERED, ACCEPTED, RELEASED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "customer_name", nullable = false, length = 200)
  private String customerName;

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

  @Column(name = "annual_value", nullable = false, precision = 15, scale = 2)
  private BigDecimal annualValue;

  @Column(name = "incumbent_partner_id", nullable = false)
  private Long incumbentPartnerId;

  @Column(name = "ends_on", nullable = false)
  private LocalDate endsOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "renewal_status", nullable = false, length = 20)
  private RenewalStatus renewalStatus;

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Version
  private long version;

  protected CustomerContract() {}

  public CustomerContract(String customerName, String domain, String taxId, String country, String productLines,
      BigDecimal annualValue, long incumbentPartnerId, LocalDate endsOn) {
    CustomerIdentity identity = CustomerIdentity.of(customerName, domain, taxId);
    this.customerName = customerName;
    this.customerKey = identity.nameKey();
    this.customerDomain = identity.domain();
    this.customerTaxId = identity.taxId();
    this.country = country;
    this.productLines = productLines;
    this.annualValue = annualValue;
    this.incumbentPartnerId = incumbentPartnerId;
    this.endsOn = endsOn;
    this.renewalStatus = RenewalStatus.NOT_DUE;
  }

  void offered(long processInstanceKey) {
    this.renewalStatus = RenewalStatus.OFFERED;
    this.processInstanceKey = processInstanceKey;
  }

  void answered(RenewalStatus status) {
    this.renewalStatus = status;
  }

  /** The incumbent still holds first right on this customer. */
  public boolean holdsIncumbency() {
    return renewalStatus == RenewalStatus.NOT_DUE || renewalStatus == RenewalStatus.OFFERED
        || renewalStatus == RenewalStatus.ACCEPTED;
  }

  public CustomerIdentity identity() {
    return new CustomerIdentity(customerKey, customerDomain, customerTaxId);
  }

  public Long getId() { return id; }
  public String getCustomerName() { return customerName; }
  public String getCustomerKey() { return customerKey; }
  public String getCustomerDomain() { return customerDomain; }
  public String getCustomerTaxId() { return customerTaxId; }
  public String getCountry() { return country; }
  public String getProductLines() { return productLines; }
  public BigDecimal getAnnualValue() { return annualValue; }
  public Long getIncumbentPartnerId() { return incumbentPartnerId; }
  public LocalDate getEndsOn() { return endsOn; }
  public RenewalStatus getRenewalStatus() { return renewalStatus; }
  public Long getProcessInstanceKey() { return processInstanceKey; }
}
