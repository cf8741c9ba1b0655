package org.partnerlifecycle.account;

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
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.partnerlifecycle.partner.StringListConverter;

/** Someone who signs in: vendor staff, or a user of one partner company. */
@Entity
@Table(name = "user_account")
public class UserAccount {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 100)
  private String username;

  @Column(name = "password_hash", length = 100)
  private String passwordHash;

  @Column(name = "display_name", nullable = false, length = 150)
  private String displayName;

  @Column(nullable = false, length = 200)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Role role;

  /** Set for PARTNER users only: the one company whose data they may see. */
  @Column(name = "partner_id")
  private Long partnerId;

  @Column(nullable = false)
  private boolean enabled;

  /** A partner user who may invite colleagues of the same company. */
  @Column(name = "partner_admin", nullable = false)
  private boolean partnerAdmin;

  /** Staff only: task groups beyond those of the role ({@link TaskGroups}), e.g. channel-legal. */
  @Convert(converter = StringListConverter.class)
  @Column(name = "task_groups", length = 300)
  private List<String> taskGroups = List.of();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  private long version;

  protected UserAccount() {}

  private UserAccount(String username, String displayName, String email, Role role, Long partnerId, Instant now) {
    this.username = Objects.requireNonNull(username).trim().toLowerCase();
    this.displayName = Objects.requireNonNull(displayName);
    this.email = Objects.requireNonNull(email);
    this.role = Objects.requireNonNull(role);
    this.partnerId = partnerId;
    this.createdAt = now;
  }

  public static UserAccount staff(String username, String displayName, String email, Role role, Instant now) {
    if (!role.isStaff()) {
      throw new IllegalArgumentException("staff accounts cannot have role " + role);
    }
    return new UserAccount(username, displayName, email, role, null, now);
  }

  public static UserAccount partnerUser(String username, String displayName, String email, long partnerId,
      Instant now) {
    return new UserAccount(username, displayName, email, Role.PARTNER, partnerId, now);
  }

  /** Sets the (already hashed) password and enables the account. */
  public void activate(String passwordHash) {
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.enabled = true;
  }

  public void disable() {
    this.enabled = false;
  }

  /** Lets a partner user invite colleagues of the same company. */
  public void makePartnerAdmin() {
    if (role != Role.PARTNER) {
      throw new IllegalStateException("only partner users can be partner admins");
    }
    this.partnerAdmin = true;
  }

  /** Makes a staff user a member of these task groups, on top of those of the role. */
  public void setTaskGroups(Collection<String> groups) {
    if (!role.isStaff() && !groups.isEmpty()) {
      throw new IllegalStateException("only staff users work user tasks");
    }
    for (String group : groups) {
      if (group == null || !TaskGroups.NAME.matcher(group).matches()) {
        throw new IllegalArgumentException("not a task group id: " + group);
      }
    }
    this.taskGroups = List.copyOf(new java.util.TreeSet<>(groups));
  }

  /** Invited and not yet activated: no password has ever been set. */
  public boolean isAwaitingActivation() {
    return passwordHash == null;
  }

  public Long getId() { return id; }
  public String getUsername() { return username; }
  public String getPasswordHash() { return passwordHash; }
  public String getDisplayName() { return displayName; }
  public String getEmail() { return email; }
  public Role getRole() { return role; }
  public Long getPartnerId() { return partnerId; }
  public boolean isEnabled() { return enabled; }
  public boolean isPartnerAdmin() { return partnerAdmin; }
  public List<String> getTaskGroups() { return taskGroups; }
  /** The task groups this user works: those of the role and those named on the account. */
  public TaskGroups taskGroupMembership() { return TaskGroups.of(role, taskGroups); }
  public Instant getCreatedAt() { return createdAt; }
}
