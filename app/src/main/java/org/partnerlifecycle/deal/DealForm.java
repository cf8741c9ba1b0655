package org.partnerlifecycle.deal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An opportunity as a partner registers it. */
public record DealForm(
    @NotBlank(message = "Enter the end customer's name") @Size(max = 200) String customerName,
    @Size(max = 200) @Pattern(regexp = "^$|(https?://)?[A-Za-z0-9.-]+\\.[A-Za-z]{2,}(/.*)?", message = "Enter a web domain such as example.com") String customerDomain,
    @Size(max = 40) @Pattern(regexp = "^$|[A-Za-z0-9 .\\-/]{4,40}", message = "Use 4 to 40 letters, digits, spaces, dots, dashes or slashes") String customerTaxId,
    @NotBlank(message = "Enter the country") @Pattern(regexp = "[A-Z]{2}", message = "Use the two-letter country code, e.g. FR") String country,
    @NotBlank(message = "Name the product lines") @Size(max = 300) String productLines,
    @NotNull(message = "Enter the estimated value") @DecimalMin(value = "1", message = "The value must be positive") @DecimalMax("999999999999") BigDecimal estimatedValue,
    @NotNull(message = "Enter the expected close date") @Future(message = "The expected close date must be in the future") LocalDate expectedClose,
    @Size(max = 1000) String evidence) {
}
