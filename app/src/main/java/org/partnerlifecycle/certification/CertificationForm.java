package org.partnerlifecycle.certification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Evidence of one person's certification, as the partner submits it. */
public record CertificationForm(
    @NotBlank(message = "Enter the person's name") @Size(max = 150) String personName,
    @NotBlank(message = "Enter the person's email") @Email(message = "Enter a valid email address") @Size(max = 200) String personEmail,
    @NotNull(message = "Choose the certification level") CertificationLevel level,
    @NotBlank(message = "Describe the evidence (certificate number, exam id, link)") @Size(max = 1000) String evidence,
    Long renewsCertificationId) {
}
