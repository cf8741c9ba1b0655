package org.partnerlifecycle.account;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which user tasks a staff user works. The BPMN offers every user task to candidate groups; a user belongs to
 * the groups of their role, plus any named on their account ({@code user_account.task_groups}):
 *
 * <ul>
 *   <li>OPS: {@value #OPS}.</li>
 *   <li>MANAGER: {@value #MANAGERS}, and {@value #OPS} too: managers stand in for ops, and the onboarding flow
 *       has them countersign agreements, a {@value #OPS} task.</li>
 *   <li>ADMIN: every group, so that an installation whose only account is its admin can still work every task
 *       and hand it on.</li>
 * </ul>
 *
 * A task without candidate groups is open to all staff, as in Camunda Tasklist.
 *
 * @param everyGroup a member of every group, named or not
 * @param groups the groups, when not every group
 */
public record TaskGroups(boolean everyGroup, Set<String> groups) implements Serializable {

  public static final String OPS = "channel-ops";
  public static final String MANAGERS = "channel-managers";
  public static final String LEGAL = "channel-legal";
  /** What a group id may look like: as the BPMN's candidateGroups attribute names them. */
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,59}");

  public TaskGroups {
    // sorted, so that messages name them in a stable order
    groups = Collections.unmodifiableSortedSet(new TreeSet<>(groups));
  }

  /** The groups of a role together with those named on the account. */
  public static TaskGroups of(Role role, Collection<String> named) {
    if (role == Role.ADMIN) {
      return new TaskGroups(true, Set.of());
    }
    Set<String> groups = new TreeSet<>(switch (role) {
      case OPS -> Set.of(OPS);
      case MANAGER -> Set.of(MANAGERS, OPS);
      case PARTNER, ADMIN -> Set.<String>of();
    });
    if (role.isStaff()) {
      groups.addAll(named);
    }
    return new TaskGroups(false, groups);
  }

  /** A task's candidate groups as the task projection stores them: comma-separated. */
  public static List<String> parse(String candidateGroups) {
    return candidateGroups == null ? List.of()
        : Arrays.stream(candidateGroups.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
  }

  /** Whether a task offered to these candidate groups is one of ours (a task without groups is everyone's). */
  public boolean includes(String candidateGroups) {
    List<String> offeredTo = parse(candidateGroups);
    return everyGroup || offeredTo.isEmpty() || offeredTo.stream().anyMatch(groups::contains);
  }

  @Override
  public String toString() {
    return everyGroup ? "every group" : groups.isEmpty() ? "no group" : String.join(", ", groups);
  }
}
