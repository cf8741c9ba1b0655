package org.partnerlifecycle.web;

import org.partnerlifecycle.onboarding.CompanyProfile;
import org.partnerlifecycle.onboarding.ProfileForm;

/** The company profile form as typed; validated as a {@link ProfileForm}. */
public class ProfileInput {

  private String registeredAddress;
  private String taxId;
  private String bankAccountHolder;
  private String iban;
  private String website;
  private Integer employees;

  static ProfileInput of(CompanyProfile profile) {
    var input = new ProfileInput();
    input.registeredAddress = profile.getRegisteredAddress();
    input.taxId = profile.getTaxId();
    input.bankAccountHolder = profile.getBankAccountHolder();
    input.iban = profile.getIban();
    input.website = profile.getWebsite();
    input.employees = profile.getEmployees();
    return input;
  }

  ProfileForm toProfileForm() {
    return new ProfileForm(registeredAddress, taxId, bankAccountHolder, iban,
        website == null ? null : website.strip(), employees);
  }

  public String getRegisteredAddress() { return registeredAddress; }
  public void setRegisteredAddress(String registeredAddress) { this.registeredAddress = registeredAddress; }
  public String getTaxId() { return taxId; }
  public void setTaxId(String taxId) { this.taxId = taxId; }
  public String getBankAccountHolder() { return bankAccountHolder; }
  public void setBankAccountHolder(String bankAccountHolder) { this.bankAccountHolder = bankAccountHolder; }
  public String getIban() { return iban; }
  public void setIban(String iban) { this.iban = iban; }
  public String getWebsite() { return website; }
  public void setWebsite(String website) { this.website = website; }
  public Integer getEmployees() { return employees; }
  public void setEmployees(Integer employees) { this.employees = employees; }
}
