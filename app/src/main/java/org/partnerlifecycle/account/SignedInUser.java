package org.partnerlifecycle.account;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The security principal: a Spring Security user that also knows its role and, for partners, its company. */
public class SignedInUser extends User {

  private final Role role;
  private final Long partnerId;
  private final String displayName;
  private final boolean partnerAdmin;
  private final TaskGroups taskGroups;

  SignedInUser(UserAccount account) {
    super(account.getUsername(), account.getPasswordHash() == null ? "" : account.getPasswordHash(),
        account.isEnabled(), true, true, true, List.of(new SimpleGrantedAuthority(account.getRole().authority())));
    this.role = account.getRole();
    this.partnerId = account.getPartnerId();
    this.displayName = account.getDisplayName();
    this.partnerAdmin = account.isPartnerAdmin();
    this.taskGroups = account.taskGroupMembership();
  }

  public Role getRole() { return role; }
  public Long getPartnerId() { return partnerId; }
  public String getDisplayName() { return displayName; }
  /** A partner user who may invite colleagues of the same company. */
  public boolean isPartnerAdmin() { return partnerAdmin; }
  /** The candidate groups whose user tasks this user works. */
  public TaskGroups getTaskGroups() { return taskGroups; }

  /** Whether this user works a user task offered to these candidate groups and assigned to this assignee. */
  public boolean mayWork(String candidateGroups, String assignee) {
    return getUsername().equals(assignee) || taskGroups.includes(candidateGroups);
  }

  /** True for staff, and for a partner user of exactly this partner. */
  public boolean maySee(long partnerId) {
    return role.isStaff() || (this.partnerId != null && this.partnerId == partnerId);
  }
}
