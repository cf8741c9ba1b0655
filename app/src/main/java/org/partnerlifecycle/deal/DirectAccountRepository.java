package org.partnerlifecycle.deal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DirectAccountRepository extends JpaRepository<DirectAccount, Long> {

  @Query("select a from DirectAccount a where a.customerKey = :key or (:domain is not null and a.domain = :domain)"
      + " or (:taxId is not null and a.taxId = :taxId)")
  List<DirectAccount> matching(String key, String domain, String taxId);
}
