package org.partnerlifecycle.planning;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BusinessPlanRepository extends JpaRepository<BusinessPlan, Long> {

  Optional<BusinessPlan> findByIdempotencyKey(String idempotencyKey);

  Optional<BusinessPlan> findFirstByPartnerIdOrderByPlanYearDesc(long partnerId);

  Optional<BusinessPlan> findFirstByPartnerIdAndStatusOrderByPlanYearDesc(long partnerId, BusinessPlan.Status status);

  List<BusinessPlan> findByPartnerIdOrderByPlanYearDesc(long partnerId);

  /** One page of a partner's plans, uncounted. */
  List<BusinessPlan> findByPartnerId(long partnerId, Pageable page);
}
