package org.partnerlifecycle.console;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.partnerlifecycle.validation.PlainText;

/** A channel manager's decision to end a partnership for cause: the reason, and that they mean it. */
public class ForCauseTermination {

  @PlainText
  @NotBlank(message = "Give the reason for the termination; the partner and the audit log will see it")
  @Size(max = 2000, message = "Keep the reason to 2000 characters")
  private String reason;

  @AssertTrue(message = "Tick the box to confirm the termination for cause")
  private boolean confirm;

  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public boolean isConfirm() { return confirm; }
  public void setConfirm(boolean confirm) { this.confirm = confirm; }
}
