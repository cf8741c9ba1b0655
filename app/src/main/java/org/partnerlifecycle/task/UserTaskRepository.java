package org.partnerlifecycle.task;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserTaskRepository extends JpaRepository<UserTask, Long> {

  List<UserTask> findByStateInOrderByCreatedAtAsc(Collection<TaskState> states);

  List<UserTask> findByPartnerIdAndStateInOrderByCreatedAtAsc(long partnerId, Collection<TaskState> states);

  List<UserTask> findByProcessInstanceKeyOrderByCreatedAtAsc(long processInstanceKey);

  /**
   * Tasks in the given states, optionally of one assignee and of one candidate group ({@code groupPattern}: a
   * LIKE pattern against ",groups," so that "ops" does not match "channel-ops").
   */
  @Query("""
      select t from UserTask t where t.state in :states
        and (:assignee is null or t.assignee = :assignee)
        and (:groupPattern is null or concat(',', t.candidateGroups, ',') like :groupPattern)""")
  Page<UserTask> search(Collection<TaskState> states, String assignee, String groupPattern, Pageable pageable);

  /** The candidate-group lists of tasks in these states (comma-separated, as stored). */
  @Query("select distinct t.candidateGroups from UserTask t where t.state in :states and t.candidateGroups is not null")
  List<String> candidateGroupsIn(Collection<TaskState> states);
}
