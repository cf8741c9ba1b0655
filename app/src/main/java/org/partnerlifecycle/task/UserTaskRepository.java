package org.partnerlifecycle.task;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** The task projection; the console searches it with specifications (its filters and the user's task groups). */
public interface UserTaskRepository extends JpaRepository<UserTask, Long>, JpaSpecificationExecutor<UserTask> {

  List<UserTask> findByStateInOrderByCreatedAtAsc(Collection<TaskState> states);

  List<UserTask> findByPartnerIdAndStateInOrderByCreatedAtAsc(long partnerId, Collection<TaskState> states);

  List<UserTask> findByProcessInstanceKeyOrderByCreatedAtAsc(long processInstanceKey);

  /** The tasks at one element of several process instances, in a state (e.g. who completed a verification). */
  List<UserTask> findByProcessInstanceKeyInAndElementIdAndState(Collection<Long> processInstanceKeys,
      String elementId, TaskState state);

  /** The candidate-group lists of tasks in these states (comma-separated, as stored). */
  @Query("select distinct t.candidateGroups from UserTask t where t.state in :states and t.candidateGroups is not null")
  List<String> candidateGroupsIn(Collection<TaskState> states);
}
