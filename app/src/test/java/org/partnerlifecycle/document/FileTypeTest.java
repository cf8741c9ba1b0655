package org.partnerlifecycle.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.document.PartnerDocuments.DocumentRejected;
import org.partnerlifecycle.document.PartnerDocuments.FileType;

/** Uploads are judged by their first bytes, and the file name must agree with them. */
class FileTypeTest {

  private static java.util.Optional<FileType> type(byte[] head) {
    return FileType.sniff(head, head.length);
  }

  @Test
  void recognisesPdfPngAndJpegByTheirSignatures() {
    assertThat(type("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII))).contains(FileType.PDF);
    assertThat(type(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0})).contains(FileType.PNG);
    assertThat(type(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(FileType.JPEG);
  }

  @Test
  void refusesEverythingElseWhateverItIsCalled() {
    assertThat(type("MZ\u0090\u0000 an executable".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(type("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(type("%PD".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(type(new byte[0])).isEmpty();
  }

  @Test
  void cleansTheFileNameAndInsistsOnAMatchingEnding() {
    assertThat(PartnerDocuments.cleanFileName("C:\\Users\\nora\\Tax \"2025\".PDF", FileType.PDF)).isEqualTo("Tax 2025.PDF");
    assertThat(PartnerDocuments.cleanFileName("../../etc/scan.jpeg", FileType.JPEG)).isEqualTo("scan.jpeg");
    assertThat(PartnerDocuments.cleanFileName(".pdf", FileType.PDF)).isEqualTo("document.pdf");
    assertThatThrownBy(() -> PartnerDocuments.cleanFileName("scan.png", FileType.PDF))
        .isInstanceOf(DocumentRejected.class).hasMessageContaining("Rename it to end in .pdf");
    assertThatThrownBy(() -> PartnerDocuments.cleanFileName("scan", FileType.PNG))
        .isInstanceOf(DocumentRejected.class).hasMessageContaining("no file ending");
  }
}
