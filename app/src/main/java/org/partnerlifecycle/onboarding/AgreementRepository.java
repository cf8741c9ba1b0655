package org.partnerlifecycle.onboarding;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgreementRepository extends JpaRepository<Agreement, Long> {

  Optional<Agreement> findByIdempotencyKey(String idempotencyKey);

  Optional<Agreement> findFirstByPartnerIdOrderByRevisionDesc(long partnerId);

  List<Agreement> findByPartnerIdOrderByRevisionAsc(long partnerId);

  Optional<Agreement> findFirstByPartnerIdAndStatusOrderByRevisionDesc(long partnerId, Agreement.Status status);
}
