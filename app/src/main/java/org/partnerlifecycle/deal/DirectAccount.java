package org.partnerlifecycle.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer the vendor sells to directly: partner registrations for it conflict. */
@Entity
@Table(name = "direct_account")
public class DirectAccount {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "customer_key", nullable = false, length = 200)
  private String customerKey;

  @Column(length = 200)
  private String domain;

  @Column(name = "tax_id", length = 40)
  private String taxId;

  protected DirectAccount() {}

  public DirectAccount(String name, String domain, String taxId) {
    CustomerIdentity identity = CustomerIdentity.of(name, domain, taxId);
    this.name = name;
    this.customerKey = identity.nameKey();
    this.domain = identity.domain();
    this.taxId = identity.taxId();
  }

  public Long getId() { return id; }
  public String getName() { return name; }
  public String getCustomerKey() { return customerKey; }
  public String getDomain() { return domain; }
  public String getTaxId() { return taxId; }
}
