package org.partnerlifecycle.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.partnerlifecycle.account.SignedInUser;
import org.partnerlifecycle.document.PartnerDocument;
import org.partnerlifecycle.document.PartnerDocuments;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads an uploaded document: for users of the partner it belongs to and for staff; anyone else gets the
 * same 404 as for a document that does not exist. Always as an attachment with the type found at upload, so a
 * browser never renders it inside the app.
 */
@RestController
class DocumentController {

  private final PartnerDocuments documents;

  DocumentController(PartnerDocuments documents) {
    this.documents = documents;
  }

  @GetMapping("/documents/{documentId}")
  ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal SignedInUser user,
      @PathVariable long documentId) throws IOException {
    PartnerDocument document = documents.find(documentId).filter(d -> user.maySee(d.getPartnerId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.getContentType()))
        .contentLength(document.getSizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(document.getFileName(), StandardCharsets.UTF_8).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(new InputStreamResource(documents.open(document)));
  }
}
