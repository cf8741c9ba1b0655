package org.partnerlifecycle.web;

import org.partnerlifecycle.certification.CertificationForm;
import org.partnerlifecycle.certification.CertificationLevel;

/**
 * The certification evidence form as typed. Level and renewed certification are kept as text so that a value
 * that is not one of the choices comes back as a field error (the service validates the rest).
 */
public class CertificationInput {

  private String personName;
  private String personEmail;
  private String level;
  private String evidence;
  private String renewsCertificationId;

  CertificationForm toForm() {
    return new CertificationForm(personName, personEmail, level(), evidence, renewsId());
  }

  CertificationLevel level() {
    if (level == null || level.isBlank()) {
      return null;
    }
    try {
      return CertificationLevel.valueOf(level.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  Long renewsId() {
    if (renewsCertificationId == null || renewsCertificationId.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(renewsCertificationId.strip());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  public String getPersonName() { return personName; }
  public void setPersonName(String personName) { this.personName = personName; }
  public String getPersonEmail() { return personEmail; }
  public void setPersonEmail(String personEmail) { this.personEmail = personEmail; }
  public String getLevel() { return level; }
  public void setLevel(String level) { this.level = level; }
  public String getEvidence() { return evidence; }
  public void setEvidence(String evidence) { this.evidence = evidence; }
  public String getRenewsCertificationId() { return renewsCertificationId; }
  public void setRenewsCertificationId(String renewsCertificationId) { this.renewsCertificationId = renewsCertificationId; }
}
