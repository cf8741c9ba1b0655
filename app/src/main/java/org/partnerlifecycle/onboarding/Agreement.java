package org.partnerlifecycle.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import org.partnerlifecycle.partner.Tier;

/** One revision of a partner's agreement. The document text is fixed once generated; its hash is what is signed. */
@Entity
@Table(name = "agreement")
public class Agreement {

  public enum Kind { INITIAL, RENEWAL }

  public enum Status { AWAITING_PARTNER_SIGNATURE, AWAITING_COUNTERSIGNATURE, CHANGES_REQUESTED, ACTIVE, SUPERSEDED, EXPIRED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false)
  private Long partnerId;

  @Column(nullable = false)
  private int revision;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Status status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Tier tier;

  @Column(nullable = false, length = 300)
  private String territory;

  @Column(name = "term_months", nullable = false)
  private int termMonths;

  @Column(nullable = false, columnDefinition = "TEXT")
  private String document;

  @Column(name = "document_sha256", nullable = false, length = 64)
  private String documentSha256;

  @Column(name = "requested_changes", length = 2000)
  private String requestedChanges;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "effective_from")
  private LocalDate effectiveFrom;

  @Column(name = "expires_on")
  private LocalDate expiresOn;

  @Column(name = "idempotency_key", nullable = false, unique = true, length = 150)
  private String idempotencyKey;

  @Version
  private long version;

  protected Agreement() {}

  Agreement(long partnerId, int revision, Kind kind, Tier tier, String territory, int termMonths, String document,
      String requestedChanges, String idempotencyKey, Instant now) {
    this.partnerId = partnerId;
    this.revision = revision;
    this.kind = kind;
    this.tier = tier;
    this.territory = territory;
    this.termMonths = termMonths;
    this.document = document;
    this.documentSha256 = sha256(document);
    this.requestedChanges = requestedChanges;
    this.idempotencyKey = idempotencyKey;
    this.status = Status.AWAITING_PARTNER_SIGNATURE;
    this.createdAt = now;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void signedByPartner() { this.status = Status.AWAITING_COUNTERSIGNATURE; }
  void changesRequested() { this.status = Status.CHANGES_REQUESTED; }
  void superseded() { this.status = Status.SUPERSEDED; }
  void expire() { this.status = Status.EXPIRED; }

  void activate(LocalDate effectiveFrom) {
    this.status = Status.ACTIVE;
    this.effectiveFrom = effectiveFrom;
    this.expiresOn = effectiveFrom.plusMonths(termMonths);
  }

  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public int getRevision() { return revision; }
  public Kind getKind() { return kind; }
  public Status getStatus() { return status; }
  public Tier getTier() { return tier; }
  public String getTerritory() { return territory; }
  public int getTermMonths() { return termMonths; }
  public String getDocument() { return document; }
  public String getDocumentSha256() { return documentSha256; }
  public String getRequestedChanges() { return requestedChanges; }
  public Instant getCreatedAt() { return createdAt; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public LocalDate getExpiresOn() { return expiresOn; }
}
