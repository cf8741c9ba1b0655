package org.partnerlifecycle.deal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DealRegistrationRepository extends JpaRepository<DealRegistration, Long> {

  List<DealRegistration> findByPartnerIdAndStatusIn(long partnerId, Collection<DealRegistration.Status> statuses);

  long countByPartnerIdAndStatusAndClosedAtAfter(long partnerId, DealRegistration.Status status, Instant after);
}
