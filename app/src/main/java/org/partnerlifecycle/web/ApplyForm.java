package org.partnerlifecycle.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.partnerlifecycle.onboarding.ApplicationForm;
import org.partnerlifecycle.partner.Segment;

/**
 * The /apply form as typed: lists as free text (one per line or comma-separated), numbers as numbers, and the
 * one-time token that makes a double submit harmless. Validated as an {@link ApplicationForm}.
 */
public class ApplyForm {

  /** Domain properties whose errors belong to another field of this form. */
  static final Map<String, String> FIELDS = Map.of("regionsShortEnough", "regions",
      "domainExpertiseShortEnough", "domainExpertise");

  private String legalName;
  private String country;
  private Segment segment;
  private String regions;
  private String domainExpertise;
  private Integer customerBase;
  private Integer certificationsHeld;
  private BigDecimal expectedAnnualRevenue;
  private String motivation;
  private String contactName;
  private String contactEmail;
  private String formToken;

  ApplicationForm toApplicationForm() {
    return new ApplicationForm(trim(legalName), country == null ? null : country.strip().toUpperCase(Locale.ROOT),
        segment, split(regions), split(domainExpertise), customerBase, certificationsHeld, expectedAnnualRevenue,
        trim(motivation), trim(contactName), trim(contactEmail));
  }

  /** One entry per line or per comma; blanks dropped. */
  static List<String> split(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("[,\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String trim(String s) {
    return s == null ? null : s.strip();
  }

  public String getLegalName() { return legalName; }
  public void setLegalName(String legalName) { this.legalName = legalName; }
  public String getCountry() { return country; }
  public void setCountry(String country) { this.country = country; }
  public Segment getSegment() { return segment; }
  public void setSegment(Segment segment) { this.segment = segment; }
  public String getRegions() { return regions; }
  public void setRegions(String regions) { this.regions = regions; }
  public String getDomainExpertise() { return domainExpertise; }
  public void setDomainExpertise(String domainExpertise) { this.domainExpertise = domainExpertise; }
  public Integer getCustomerBase() { return customerBase; }
  public void setCustomerBase(Integer customerBase) { this.customerBase = customerBase; }
  public Integer getCertificationsHeld() { return certificationsHeld; }
  public void setCertificationsHeld(Integer certificationsHeld) { this.certificationsHeld = certificationsHeld; }
  public BigDecimal getExpectedAnnualRevenue() { return expectedAnnualRevenue; }
  public void setExpectedAnnualRevenue(BigDecimal expectedAnnualRevenue) { this.expectedAnnualRevenue = expectedAnnualRevenue; }
  public String getMotivation() { return motivation; }
  public void setMotivation(String motivation) { this.motivation = motivation; }
  public String getContactName() { return contactName; }
  public void setContactName(String contactName) { this.contactName = contactName; }
  public String getContactEmail() { return contactEmail; }
  public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
  public String getFormToken() { return formToken; }
  public void setFormToken(String formToken) { this.formToken = formToken; }
}
