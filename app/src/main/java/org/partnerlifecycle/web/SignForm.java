package org.partnerlifecycle.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The agreement signature form: typed full name, explicit consent, and the hash of the document shown. */
public class SignForm {

  @NotBlank(message = "Type your full name to sign")
  @Size(max = 150, message = "Keep it to 150 characters")
  private String fullName;

  @AssertTrue(message = "Tick the box to agree to sign electronically")
  private boolean consent;

  @NotBlank(message = "The agreement shown is missing; reload the page")
  @Pattern(regexp = "[0-9a-f]{64}", message = "The agreement shown is not recognised; reload the page")
  private String documentSha256;

  public String getFullName() { return fullName; }
  public void setFullName(String fullName) { this.fullName = fullName; }
  public boolean isConsent() { return consent; }
  public void setConsent(boolean consent) { this.consent = consent; }
  public String getDocumentSha256() { return documentSha256; }
  public void setDocumentSha256(String documentSha256) { this.documentSha256 = documentSha256; }
}
