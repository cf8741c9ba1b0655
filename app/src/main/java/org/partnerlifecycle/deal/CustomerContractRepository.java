package org.partnerlifecycle.deal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerContractRepository extends JpaRepository<CustomerContract, Long> {

  @Query("select c from CustomerContract c where c.customerKey = :key or (:domain is not null and c.customerDomain = :domain)"
      + " or (:taxId is not null and c.customerTaxId = :taxId)")
  List<CustomerContract> matching(String key, String domain, String taxId);

  List<CustomerContract> findByRenewalStatusAndEndsOnLessThanEqual(CustomerContract.RenewalStatus status, LocalDate by);
}
