package org.partnerlifecycle.planning;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuarterlyReviewRepository extends JpaRepository<QuarterlyReview, Long> {

  Optional<QuarterlyReview> findByIdempotencyKey(String idempotencyKey);

  List<QuarterlyReview> findByPlanIdOrderByQuarter(long planId);

  /** The reviews of several plans at once (at most four each). */
  List<QuarterlyReview> findByPlanIdInOrderByPlanIdAscQuarterAsc(java.util.Collection<Long> planIds);

  long countByPlanId(long planId);
}
