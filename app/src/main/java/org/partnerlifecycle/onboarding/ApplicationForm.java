package org.partnerlifecycle.onboarding;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.partnerlifecycle.partner.Segment;

/** A partner application, as the portal form or ops submits it. */
public record ApplicationForm(
    @NotBlank(message = "Enter the company's legal name") @Size(max = 200) String legalName,
    @NotBlank(message = "Enter the country") @Pattern(regexp = "[A-Z]{2}", message = "Use the two-letter country code, e.g. DE") String country,
    @NotNull(message = "Choose a segment") Segment segment,
    @NotEmpty(message = "Name at least one region") @Size(max = 10) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[^,]+", message = "Regions cannot contain commas") String> regions,
    @Size(max = 10) List<@NotBlank @Size(max = 60) @Pattern(regexp = "[^,]+", message = "Areas of expertise cannot contain commas") String> domainExpertise,
    @NotNull(message = "Enter the number of customers") @Min(0) @Max(10_000_000) Integer customerBase,
    @NotNull(message = "Enter the number of certifications held") @Min(0) @Max(10_000) Integer certificationsHeld,
    @NotNull(message = "Enter the expected annual revenue") @DecimalMin("0") @DecimalMax("999999999999") BigDecimal expectedAnnualRevenue,
    @NotBlank(message = "Tell us why you want to partner") @Size(max = 2000) String motivation,
    @NotBlank(message = "Enter a contact name") @Size(max = 150) String contactName,
    @NotBlank(message = "Enter a contact email") @Email(message = "Enter a valid email address") @Size(max = 200) String contactEmail) {

  public ApplicationForm {
    regions = regions == null ? List.of() : List.copyOf(regions);
    domainExpertise = domainExpertise == null ? List.of() : List.copyOf(domainExpertise);
  }

  /** The main region, used for the partner record. */
  String primaryRegion() {
    return regions.isEmpty() ? "" : regions.get(0);
  }
}
