package org.partnerlifecycle.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.partnerlifecycle.partner.StringListConverter;

/** What a prospect told us when applying; the fit decision and any decline reason are added later. */
@Entity
@Table(name = "partner_application")
public class PartnerApplication {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false, unique = true)
  private Long partnerId;

  @Column(name = "contact_name", nullable = false, length = 150)
  private String contactName;

  @Column(name = "contact_email", nullable = false, length = 200)
  private String contactEmail;

  @Convert(converter = StringListConverter.class)
  @Column(nullable = false, length = 300)
  private List<String> regions;

  @Convert(converter = StringListConverter.class)
  @Column(name = "domain_expertise", nullable = false, length = 500)
  private List<String> domainExpertise;

  @Column(name = "customer_base", nullable = false)
  private int customerBase;

  @Column(name = "certifications_held", nullable = false)
  private int certificationsHeld;

  @Column(name = "expected_annual_revenue", nullable = false, precision = 15, scale = 2)
  private BigDecimal expectedAnnualRevenue;

  @Column(nullable = false, length = 2000)
  private String motivation;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Column(name = "decision_reason", length = 1000)
  private String decisionReason;

  protected PartnerApplication() {}

  PartnerApplication(long partnerId, ApplicationForm form, Instant now) {
    this.partnerId = partnerId;
    this.contactName = form.contactName().strip();
    this.contactEmail = form.contactEmail().strip().toLowerCase();
    this.regions = form.regions();
    this.domainExpertise = form.domainExpertise();
    this.customerBase = form.customerBase();
    this.certificationsHeld = form.certificationsHeld();
    this.expectedAnnualRevenue = form.expectedAnnualRevenue();
    this.motivation = form.motivation().strip();
    this.submittedAt = now;
  }

  void startedAs(long processInstanceKey) {
    this.processInstanceKey = processInstanceKey;
  }

  void declined(String reason) {
    this.decisionReason = reason;
  }

  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public String getContactName() { return contactName; }
  public String getContactEmail() { return contactEmail; }
  public List<String> getRegions() { return regions; }
  public List<String> getDomainExpertise() { return domainExpertise; }
  public int getCustomerBase() { return customerBase; }
  public int getCertificationsHeld() { return certificationsHeld; }
  public BigDecimal getExpectedAnnualRevenue() { return expectedAnnualRevenue; }
  public String getMotivation() { return motivation; }
  public Instant getSubmittedAt() { return submittedAt; }
  public Long getProcessInstanceKey() { return processInstanceKey; }
  public String getDecisionReason() { return decisionReason; }
}
