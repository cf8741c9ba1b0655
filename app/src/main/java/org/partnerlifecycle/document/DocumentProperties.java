package org.partnerlifecycle.document;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where uploaded documents are kept (partner.documents.*): a directory outside the web root, and the largest
 * file accepted. The HTTP multipart limits (spring.servlet.multipart.*) must be at least as large.
 */
@ConfigurationProperties("partner.documents")
public record DocumentProperties(
    @DefaultValue("./data/documents") Path dir,
    @DefaultValue("10MB") DataSize maxSize,
    @DefaultValue("20") int maxPerPartner) {

  public DocumentProperties {
    if (maxSize.toBytes() < 1) {
      throw new IllegalArgumentException("partner.documents.max-size must be positive");
    }
    if (maxPerPartner < 1) {
      throw new IllegalArgumentException("partner.documents.max-per-partner must be positive");
    }
  }
}
