package org.partnerlifecycle.onboarding;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TrainingAssignmentRepository extends JpaRepository<TrainingAssignment, Long> {

  List<TrainingAssignment> findByPartnerIdOrderByModuleCode(long partnerId);

  Optional<TrainingAssignment> findByPartnerIdAndModuleCode(long partnerId, String moduleCode);
}
