package org.partnerlifecycle.onboarding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Company profile with tax and banking details, as the partner submits it. */
public record ProfileForm(
    @NotBlank(message = "Enter the registered address") @Size(max = 500, message = "Keep it to 500 characters") String registeredAddress,
    @NotBlank(message = "Enter the tax id") @Pattern(regexp = "[A-Za-z0-9 .\\-/]{4,40}", message = "Use 4 to 40 letters, digits, spaces, dots, dashes or slashes") String taxId,
    @NotBlank(message = "Enter the account holder") @Size(max = 150, message = "Keep it to 150 characters") String bankAccountHolder,
    @NotBlank(message = "Enter the IBAN") @Pattern(regexp = " *[A-Za-z]{2}[0-9]{2}( ?[A-Za-z0-9]){11,30} *", message = "Enter a valid IBAN, e.g. DE89 3704 0044 0532 0130 00") String iban,
    @Size(max = 200, message = "Keep it to 200 characters") @Pattern(regexp = "^$|https?://[^\\s<>\"]+", message = "Enter a web address starting with http:// or https://") String website,
    @Min(value = 1, message = "At least 1 employee") @Max(value = 10_000_000, message = "At most 10,000,000") Integer employees) {
}
