package org.partnerlifecycle.console;

import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.partnerlifecycle.account.TaskGroups;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.springframework.data.jpa.domain.Specification;

/**
 * The task list's query: tasks in some states, optionally of one assignee and one candidate group, and only
 * those the user works (offered to one of their groups, assigned to them, or offered to no group). Candidate
 * groups are stored comma-separated, so a group is matched against ",groups," and "ops" never matches
 * "channel-ops".
 */
final class TaskSearch {

  private TaskSearch() {}

  static Specification<UserTask> of(Collection<TaskState> states, String assignee, String group, String username,
      TaskGroups mine) {
    return (root, query, cb) -> {
      Expression<String> stored = root.get("candidateGroups");
      Expression<String> groups = cb.concat(cb.concat(",", stored), ",");
      List<Predicate> all = new ArrayList<>();
      all.add(root.get("state").in(states));
      if (assignee != null) {
        all.add(cb.equal(root.get("assignee"), assignee));
      }
      if (group != null) {
        all.add(cb.like(groups, offeredTo(group)));
      }
      if (!mine.everyGroup()) {
        List<Predicate> ours = new ArrayList<>();
        ours.add(cb.equal(root.get("assignee"), username));
        ours.add(cb.isNull(stored));
        ours.add(cb.equal(stored, ""));
        mine.groups().forEach(g -> ours.add(cb.like(groups, offeredTo(g))));
        all.add(cb.or(ours.toArray(Predicate[]::new)));
      }
      return cb.and(all.toArray(Predicate[]::new));
    };
  }

  private static String offeredTo(String group) {
    return "%," + Sql.escapeLike(group) + ",%";
  }
}
