package org.partnerlifecycle.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** Evidence of one party's signature: who, when, from where, with consent, on exactly which document text. */
@Entity
@Immutable
@Table(name = "agreement_signature")
public class AgreementSignature {

  public enum Party { PARTNER, VENDOR }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "agreement_id", nullable = false)
  private Long agreementId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Party party;

  @Column(name = "signer_name", nullable = false, length = 150)
  private String signerName;

  @Column(name = "signer_username", nullable = false, length = 100)
  private String signerUsername;

  @Column(nullable = false)
  private boolean consent;

  @Column(name = "signed_at", nullable = false)
  private Instant signedAt;

  @Column(name = "client_address", length = 64)
  private String clientAddress;

  @Column(name = "document_sha256", nullable = false, length = 64)
  private String documentSha256;

  protected AgreementSignature() {}

  AgreementSignature(long agreementId, Party party, String signerName, String signerUsername, String clientAddress,
      String documentSha256, Instant now) {
    this.agreementId = agreementId;
    this.party = party;
    this.signerName = signerName;
    this.signerUsername = signerUsername;
    this.consent = true;
    this.clientAddress = clientAddress;
    this.documentSha256 = documentSha256;
    this.signedAt = now;
  }

  public Long getId() { return id; }
  public Long getAgreementId() { return agreementId; }
  public Party getParty() { return party; }
  public String getSignerName() { return signerName; }
  public String getSignerUsername() { return signerUsername; }
  public boolean isConsent() { return consent; }
  public Instant getSignedAt() { return signedAt; }
  public String getClientAddress() { return clientAddress; }
  public String getDocumentSha256() { return documentSha256; }
}
