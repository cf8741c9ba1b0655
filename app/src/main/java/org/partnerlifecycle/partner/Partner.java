package org.partnerlifecycle.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A channel partner company: who it is, what kind, which tier, and where it stands in its lifecycle. */
@Entity
@Table(name = "partner")
public class Partner {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "legal_name", nullable = false, length = 200)
  private String legalName;

  /** ISO 3166-1 alpha-2. */
  @Column(nullable = false, length = 2)
  private String country;

  @Column(nullable = false, length = 40)
  private String region;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private Segment segment;

  @Convert(converter = StringListConverter.class)
  @Column(name = "domain_expertise", nullable = false, length = 500)
  private List<String> domainExpertise = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private Tier tier;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private LifecycleStage stage;

  @Column(name = "stage_since", nullable = false)
  private Instant stageSince;

  @Column(name = "at_risk", nullable = false)
  private boolean atRisk;

  /** Kept without investment after a non-productive evaluation: no free support, no development funds. */
  @Column(name = "support_only", nullable = false)
  private boolean supportOnly;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected Partner() {}

  public Partner(String legalName, String country, String region, Segment segment, List<String> domainExpertise,
      Instant now) {
    this.legalName = Objects.requireNonNull(legalName);
    this.country = Objects.requireNonNull(country);
    this.region = Objects.requireNonNull(region);
    this.segment = Objects.requireNonNull(segment);
    this.domainExpertise = new ArrayList<>(domainExpertise);
    this.stage = LifecycleStage.APPLIED;
    this.stageSince = now;
    this.createdAt = now;
  }

  /** Moves the partner to a stage; returns the stage it left. */
  public LifecycleStage moveTo(LifecycleStage next, Instant now) {
    LifecycleStage previous = stage;
    if (previous != next) {
      stage = next;
      stageSince = now;
    }
    return previous;
  }

  public void setTier(Tier tier) {
    this.tier = tier;
  }

  public void flagAtRisk(boolean atRisk) {
    this.atRisk = atRisk;
  }

  public void setSupportOnly(boolean supportOnly) {
    this.supportOnly = supportOnly;
  }

  public Long getId() { return id; }
  public String getLegalName() { return legalName; }
  public String getCountry() { return country; }
  public String getRegion() { return region; }
  public Segment getSegment() { return segment; }
  public List<String> getDomainExpertise() { return List.copyOf(domainExpertise); }
  public Tier getTier() { return tier; }
  public LifecycleStage getStage() { return stage; }
  public Instant getStageSince() { return stageSince; }
  public boolean isAtRisk() { return atRisk; }
  public boolean isSupportOnly() { return supportOnly; }
  public Instant getCreatedAt() { return createdAt; }
  public long getVersion() { return version; }
}
