package org.partnerlifecycle.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.partnerlifecycle.validation.PlainText;

/** A partner admin's termination request: the reason, and the explicit confirmation that they mean it. */
public class TerminationInput {

  @PlainText
  @NotBlank(message = "Tell us why you want to end the partnership")
  @Size(max = 2000, message = "Keep it to 2000 characters")
  private String reason;

  @AssertTrue(message = "Tick the box to confirm that you want to end the partnership")
  private boolean confirm;

  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public boolean isConfirm() { return confirm; }
  public void setConfirm(boolean confirm) { this.confirm = confirm; }
}
