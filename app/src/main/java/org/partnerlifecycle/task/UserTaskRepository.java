package org.partnerlifecycle.task;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserTaskRepository extends JpaRepository<UserTask, Long> {

  List<UserTask> findByStateInOrderByCreatedAtAsc(Collection<TaskState> states);

  List<UserTask> findByPartnerIdAndStateInOrderByCreatedAtAsc(long partnerId, Collection<TaskState> states);

  List<UserTask> findByProcessInstanceKeyOrderByCreatedAtAsc(long processInstanceKey);
}
