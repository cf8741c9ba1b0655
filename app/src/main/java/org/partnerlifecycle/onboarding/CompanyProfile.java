package org.partnerlifecycle.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The partner's company, tax and banking details, submitted in the portal and verified by ops. */
@Entity
@Table(name = "company_profile")
public class CompanyProfile {

  @Id
  @Column(name = "partner_id")
  private Long partnerId;

  @Column(name = "registered_address", nullable = false, length = 500)
  private String registeredAddress;

  @Column(name = "tax_id", nullable = false, length = 40)
  private String taxId;

  @Column(name = "bank_account_holder", nullable = false, length = 150)
  private String bankAccountHolder;

  @Column(nullable = false, length = 34)
  private String iban;

  @Column(length = 200)
  private String website;

  private Integer employees;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "submitted_by", nullable = false, length = 100)
  private String submittedBy;

  @Version
  private long version;

  protected CompanyProfile() {}

  CompanyProfile(long partnerId) {
    this.partnerId = partnerId;
  }

  void update(ProfileForm form, String username, Instant now) {
    this.registeredAddress = form.registeredAddress().strip();
    this.taxId = form.taxId().strip().toUpperCase();
    this.bankAccountHolder = form.bankAccountHolder().strip();
    this.iban = form.iban().replace(" ", "").toUpperCase();
    this.website = form.website() == null || form.website().isBlank() ? null : form.website().strip();
    this.employees = form.employees();
    this.submittedBy = username;
    this.submittedAt = now;
  }

  public Long getPartnerId() { return partnerId; }
  public String getRegisteredAddress() { return registeredAddress; }
  public String getTaxId() { return taxId; }
  public String getBankAccountHolder() { return bankAccountHolder; }
  public String getIban() { return iban; }
  /** The IBAN as staff see it in lists: country, check digits and the last four characters. */
  public String getMaskedIban() { return iban.substring(0, 4) + " •••• " + iban.substring(iban.length() - 4); }
  public String getWebsite() { return website; }
  public Integer getEmployees() { return employees; }
  public Instant getSubmittedAt() { return submittedAt; }
  public String getSubmittedBy() { return submittedBy; }
  public long getVersion() { return version; }
}
