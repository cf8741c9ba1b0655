package org.partnerlifecycle.onboarding;

import jakarta.validation.constraints.AssertTrue;
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
    @NotBlank(message = "Enter the company's legal name") @Size(max = 200, message = "Keep it to 200 characters") String legalName,
    @NotBlank(message = "Enter the country") @Pattern(regexp = "[A-Z]{2}", message = "Use the two-letter country code, e.g. DE") String country,
    @NotNull(message = "Choose a segment") Segment segment,
    @NotEmpty(message = "Name at least one region") @Size(max = 10, message = "Name at most 10 regions") List<@NotBlank @Size(max = 40, message = "Keep each region to 40 characters") @Pattern(regexp = "[^,]+", message = "Regions cannot contain commas") String> regions,
    @Size(max = 10, message = "Name at most 10 areas of expertise") List<@NotBlank @Size(max = 60, message = "Keep each area of expertise to 60 characters") @Pattern(regexp = "[^,]+", message = "Areas of expertise cannot contain commas") String> domainExpertise,
    @NotNull(message = "Enter the number of customers") @Min(value = 0, message = "Cannot be negative") @Max(value = 10_000_000, message = "At most 10,000,000") Integer customerBase,
    @NotNull(message = "Enter the number of certifications held") @Min(value = 0, message = "Cannot be negative") @Max(value = 10_000, message = "At most 10,000") Integer certificationsHeld,
    @NotNull(message = "Enter the expected annual revenue") @DecimalMin(value = "0", message = "Cannot be negative") @DecimalMax(value = "999999999999", message = "Enter at most 999,999,999,999") BigDecimal expectedAnnualRevenue,
    @NotBlank(message = "Tell us why you want to partner") @Size(max = 2000, message = "Keep it to 2,000 characters") String motivation,
    @NotBlank(message = "Enter a contact name") @Size(max = 150, message = "Keep it to 150 characters") String contactName,
    @NotBlank(message = "Enter a contact email") @Email(message = "Enter a valid email address") @Size(max = 200, message = "Keep it to 200 characters") String contactEmail) {

  public ApplicationForm {
    regions = regions == null ? List.of() : List.copyOf(regions);
    domainExpertise = domainExpertise == null ? List.of() : List.copyOf(domainExpertise);
  }

  /** Regions are stored as one comma-separated column of 300 characters. */
  @AssertTrue(message = "Keep the regions to 300 characters in all")
  public boolean isRegionsShortEnough() {
    return String.join(",", regions).length() <= 300;
  }

  /** Areas of expertise are stored as one comma-separated column of 500 characters. */
  @AssertTrue(message = "Keep the areas of expertise to 500 characters in all")
  public boolean isDomainExpertiseShortEnough() {
    return String.join(",", domainExpertise).length() <= 500;
  }

  /** The main region, used for the partner record. */
  String primaryRegion() {
    return regions.isEmpty() ? "" : regions.get(0);
  }
}
