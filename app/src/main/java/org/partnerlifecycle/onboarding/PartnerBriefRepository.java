package org.partnerlifecycle.onboarding;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnerBriefRepository extends JpaRepository<PartnerBrief, Long> {

  Optional<PartnerBrief> findByIdempotencyKey(String idempotencyKey);

  Optional<PartnerBrief> findFirstByPartnerIdOrderByGeneratedAtDescIdDesc(long partnerId);
}
