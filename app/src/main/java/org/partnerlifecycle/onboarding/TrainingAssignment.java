package org.partnerlifecycle.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One training module assigned to a partner during onboarding, and when it was completed. */
@Entity
@Table(name = "training_assignment")
public class TrainingAssignment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false)
  private Long partnerId;

  @Column(name = "module_code", nullable = false, length = 40)
  private String moduleCode;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(name = "assigned_at", nullable = false)
  private Instant assignedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "completed_by", length = 100)
  private String completedBy;

  @Version
  private long version;

  protected TrainingAssignment() {}

  TrainingAssignment(long partnerId, String moduleCode, String title, Instant now) {
    this.partnerId = partnerId;
    this.moduleCode = moduleCode;
    this.title = title;
    this.assignedAt = now;
  }

  void complete(String username, Instant now) {
    this.completedAt = now;
    this.completedBy = username;
  }

  public boolean isCompleted() { return completedAt != null; }
  public Long getId() { return id; }
  public Long getPartnerId() { return partnerId; }
  public String getModuleCode() { return moduleCode; }
  public String getTitle() { return title; }
  public Instant getAssignedAt() { return assignedAt; }
  public Instant getCompletedAt() { return completedAt; }
  public String getCompletedBy() { return completedBy; }
}
