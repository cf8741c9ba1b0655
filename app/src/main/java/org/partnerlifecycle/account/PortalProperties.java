package org.partnerlifecycle.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Links into the partner portal (partner.portal.*): the address the mails point at, and how long a mailed
 * invitation or password reset link stays valid.
 */
@ConfigurationProperties("partner.portal")
public record PortalProperties(
    @DefaultValue("http://localhost:8081") String baseUrl,
    @DefaultValue("P7D") Duration invitationValidFor,
    @DefaultValue("PT1H") Duration passwordResetValidFor) {

  public PortalProperties {
    if (!baseUrl.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
      throw new IllegalArgumentException("partner.portal.base-url must be an http(s) address, e.g. https://partners.vendor.example");
    }
    baseUrl = baseUrl.replaceAll("/+$", "");
    if (invitationValidFor.isNegative() || invitationValidFor.isZero()
        || passwordResetValidFor.isNegative() || passwordResetValidFor.isZero()) {
      throw new IllegalArgumentException("partner.portal invitation-valid-for and password-reset-valid-for must be positive");
    }
  }

  /** An absolute address in the portal, for mails. */
  public String url(String path) {
    return baseUrl + path;
  }
}
