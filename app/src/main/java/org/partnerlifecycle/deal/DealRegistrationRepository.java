package org.partnerlifecycle.deal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DealRegistrationRepository extends JpaRepository<DealRegistration, Long> {

  List<DealRegistration> findByPartnerIdAndStatusIn(long partnerId, Collection<DealRegistration.Status> statuses);

  long countByPartnerIdAndStatusAndClosedAtAfter(long partnerId, DealRegistration.Status status, Instant after);

  List<DealRegistration> findByPartnerIdOrderByRegisteredAtDesc(long partnerId);

  /** One page of a partner's registrations, uncounted. */
  List<DealRegistration> findByPartnerId(long partnerId, Pageable page);

  /** Registrations of the same customer by name key, web domain or tax id, in any of the given statuses. */
  @Query("select d from DealRegistration d where d.status in :statuses and (d.customerKey = :key"
      + " or (:domain is not null and d.customerDomain = :domain) or (:taxId is not null and d.customerTaxId = :taxId))"
      + " order by d.id")
  List<DealRegistration> sameCustomer(String key, String domain, String taxId,
      Collection<DealRegistration.Status> statuses);

  java.util.Optional<DealRegistration> findByContractIdAndStatus(long contractId, DealRegistration.Status status);
}
