package org.partnerlifecycle.evaluation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RemediationRepository extends JpaRepository<Remediation, Long> {

  Optional<Remediation> findByIdempotencyKey(String idempotencyKey);

  Optional<Remediation> findFirstByPartnerIdAndStatusOrderByOpenedAtDesc(long partnerId, Remediation.Status status);

  List<Remediation> findByPartnerIdOrderByOpenedAtDesc(long partnerId);

  /** One page of a partner's remediation windows, uncounted. */
  List<Remediation> findByPartnerId(long partnerId, Pageable page);
}
