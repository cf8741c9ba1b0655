package org.partnerlifecycle.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.partnerlifecycle.deal.DealForm;
import org.springframework.validation.BindingResult;

/** The deal registration form as typed; value and date are kept as text so a typo comes back as a field error. */
public class DealInput {

  private String customerName;
  private String customerDomain;
  private String customerTaxId;
  private String country;
  private String productLines;
  private String estimatedValue;
  private String expectedClose;
  private String evidence;

  DealForm toForm(BindingResult binding) {
    BigDecimal value = null;
    if (estimatedValue != null && !estimatedValue.isBlank()) {
      try {
        value = new BigDecimal(estimatedValue.strip().replace(",", ""));
      } catch (NumberFormatException e) {
        binding.rejectValue("estimatedValue", "number", "Enter the value as a number, e.g. 50000");
      }
    }
    LocalDate close = null;
    if (expectedClose != null && !expectedClose.isBlank()) {
      try {
        close = LocalDate.parse(expectedClose.strip());
      } catch (DateTimeParseException e) {
        binding.rejectValue("expectedClose", "date", "Enter the date as YYYY-MM-DD");
      }
    }
    return new DealForm(customerName, customerDomain == null ? "" : customerDomain.strip(),
        customerTaxId == null ? "" : customerTaxId.strip(), country == null ? null : country.strip().toUpperCase(),
        productLines, value, close, evidence);
  }

  public String getCustomerName() { return customerName; }
  public void setCustomerName(String customerName) { this.customerName = customerName; }
  public String getCustomerDomain() { return customerDomain; }
  public void setCustomerDomain(String customerDomain) { this.customerDomain = customerDomain; }
  public String getCustomerTaxId() { return customerTaxId; }
  public void setCustomerTaxId(String customerTaxId) { this.customerTaxId = customerTaxId; }
  public String getCountry() { return country; }
  public void setCountry(String country) { this.country = country; }
  public String getProductLines() { return productLines; }
  public void setProductLines(String productLines) { this.productLines = productLines; }
  public String getEstimatedValue() { return estimatedValue; }
  public void setEstimatedValue(String estimatedValue) { this.estimatedValue = estimatedValue; }
  public String getExpectedClose() { return expectedClose; }
  public void setExpectedClose(String expectedClose) { this.expectedClose = expectedClose; }
  public String getEvidence() { return evidence; }
  public void setEvidence(String evidence) { this.evidence = evidence; }
}
