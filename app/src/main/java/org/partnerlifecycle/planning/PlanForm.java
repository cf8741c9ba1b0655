package org.partnerlifecycle.planning;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The targets of a joint business plan, as the partner drafts them. */
public record PlanForm(
    @NotNull(message = "Enter the revenue target") @DecimalMin(value = "1", message = "The revenue target must be positive") @DecimalMax("999999999999") BigDecimal revenueTarget,
    @NotNull(message = "Enter the share-of-sales target") @Min(value = 1, message = "At least 1%") @Max(value = 100, message = "At most 100%") Integer shareOfSalesTarget,
    @NotBlank(message = "Name the lines of business the share-of-sales goal covers") @Size(max = 500) String productLines,
    @NotNull(message = "Enter the new-customer target") @Min(0) @Max(1_000_000) Integer newCustomersTarget,
    @NotNull(message = "Enter the certified-staff target") @Min(0) @Max(10_000) Integer certifiedStaffTarget,
    @NotNull(message = "Enter the number of joint marketing activities") @Min(0) @Max(1_000) Integer marketingActivitiesTarget) {
}
