package org.partnerlifecycle.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One person's certification at one level, from submitted evidence to verification, expiry or renewal. */
@Entity
@Table(name = "certification")
public class Certification {

  public enum Status { SUBMITTED, VERIFIED, REJECTED, LAPSED, RENEWED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false)
  private Long partnerId;

  @Column(name = "person_name", nullable = false, length = 150)
  private String personName;

  @Column(name = "person_email", nullable = false, length = 200)
  private String personEmail;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private CertificationLevel level;

  @Column(nullable = false, length = 1000)
  private String evidence;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "submitted_by", nullable = false, length = 100)
  private String submittedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "review_comment", length = 1000)
  private String reviewComment;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "renews_id")
  private Long renewsId;

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Version
  private long version;

  protected Certification() {}

  Certification(long partnerId, String personName, String personEmail, CertificationLevel level, String evidence,
      Long renewsId, String submittedBy, Instant now) {
    this.partnerId = partnerId;
    this.personName = personName;
    this.personEmail = personEmail;
    this.level = level;
    this.evidence = evidence;
    this.renewsId = renewsId;
    this.submittedBy = submittedBy;
    this.submittedAt = now;
    this.status = Status.SUBMITTED;
  }

  void startedAs(long processInstanceKey) { this.processInstanceKey = processInstanceKey; }

  void verify(Instant expiresAt, String comment, Instant now) {
    this.status = Status.VERIFIED;
    this.expiresAt = expiresAt;
    this.reviewComment = comment;
    this.decidedAt = now;
  }

  void reject(String comment, Instant now) {
    this.status = Status.REJECTED;
    this.reviewComment = comment;
    this.decidedAt = now;
  }

  void lapse() { this.status = Status.LAPSED; }

  void renewed() { this.status = Status.RENEWED; }

  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public String getPersonName() { return personName; }
  public String getPersonEmail() { return personEmail; }
  public CertificationLevel getLevel() { return level; }
  public String getEvidence() { return evidence; }
  public Status getStatus() { return status; }
  public Instant getSubmittedAt() { return submittedAt; }
  public String getSubmittedBy() { return submittedBy; }
  public Instant getDecidedAt() { return decidedAt; }
  public String getReviewComment() { return reviewComment; }
  public Instant getExpiresAt() { return expiresAt; }
  public Long getRenewsId() { return renewsId; }
  public Long getProcessInstanceKey() { return processInstanceKey; }
}
