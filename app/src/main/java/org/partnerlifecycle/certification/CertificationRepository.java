package org.partnerlifecycle.certification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CertificationRepository extends JpaRepository<Certification, Long> {

  List<Certification> findByPartnerIdOrderBySubmittedAtDesc(long partnerId);

  /** One page of a partner's certifications, uncounted. */
  List<Certification> findByPartnerId(long partnerId, Pageable page);

  /** Distinct people holding a verified, unexpired certification: the partner's certified staff. */
  @Query("select count(distinct c.personEmail) from Certification c where c.partnerId = :partnerId"
      + " and c.status = org.partnerlifecycle.certification.Certification.Status.VERIFIED and c.expiresAt > :now")
  int countCertifiedStaff(long partnerId, Instant now);

  List<Certification> findByStatusAndExpiresAtBetweenOrderByExpiresAt(Certification.Status status, Instant from,
      Instant to);
}
