package org.partnerlifecycle.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An uploaded document of one partner; the bytes are in the document store under {@code storageKey}. */
@Entity
@Table(name = "partner_document")
public class PartnerDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false, updatable = false)
  private Long partnerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30, updatable = false)
  private DocumentKind kind;

  /** The name the partner's file had, cleaned; shown and offered when downloading, never used as a path. */
  @Column(name = "file_name", nullable = false, length = 255, updatable = false)
  private String fileName;

  /** Decided by the file's content, not by what the browser claimed. */
  @Column(name = "content_type", nullable = false, length = 100, updatable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64, updatable = false)
  private String sha256;

  @Column(name = "storage_key", nullable = false, unique = true, length = 100, updatable = false)
  private String storageKey;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  @Column(name = "uploaded_by", nullable = false, length = 100, updatable = false)
  private String uploadedBy;

  /** Set when the document went to verification with the company profile; from then on it is kept as evidence. */
  @Column(name = "submitted_at")
  private Instant submittedAt;

  protected PartnerDocument() {}

  PartnerDocument(long partnerId, DocumentKind kind, String fileName, String contentType, long sizeBytes,
      String sha256, String storageKey, String uploadedBy, Instant now) {
    this.partnerId = partnerId;
    this.kind = kind;
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.storageKey = storageKey;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = now;
  }

  void submitted(Instant now) {
    if (submittedAt == null) {
      submittedAt = now;
    }
  }

  public boolean isSubmitted() { return submittedAt != null; }
  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public DocumentKind getKind() { return kind; }
  public String getFileName() { return fileName; }
  public String getContentType() { return contentType; }
  public long getSizeBytes() { return sizeBytes; }
  public String getSha256() { return sha256; }
  String getStorageKey() { return storageKey; }
  public Instant getUploadedAt() { return uploadedAt; }
  public String getUploadedBy() { return uploadedBy; }
  public Instant getSubmittedAt() { return submittedAt; }
}
