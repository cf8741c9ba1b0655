package org.partnerlifecycle.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Inviting someone to a partner's portal; the partner is chosen only on the staff page. */
public class InviteForm {

  /** Staff choose the partner; in the portal it is always the signed-in user's own. */
  public interface Staff {}

  @NotNull(message = "Choose the partner", groups = Staff.class)
  private Long partnerId;

  @NotBlank(message = "Enter the person's name")
  @Size(max = 150, message = "Keep it to 150 characters")
  private String displayName;

  @NotBlank(message = "Enter the email address")
  @Email(message = "Enter a valid email address")
  @Size(max = 100, message = "Keep it to 100 characters")
  private String email;

  private boolean partnerAdmin;

  public Long getPartnerId() { return partnerId; }
  public void setPartnerId(Long partnerId) { this.partnerId = partnerId; }
  public String getDisplayName() { return displayName; }
  public void setDisplayName(String displayName) { this.displayName = displayName; }
  public String getEmail() { return email; }
  public void setEmail(String email) { this.email = email; }
  public boolean isPartnerAdmin() { return partnerAdmin; }
  public void setPartnerAdmin(boolean partnerAdmin) { this.partnerAdmin = partnerAdmin; }
}
