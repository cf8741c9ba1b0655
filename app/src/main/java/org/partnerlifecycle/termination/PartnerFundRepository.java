package org.partnerlifecycle.termination;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnerFundRepository extends JpaRepository<PartnerFund, Long> {
}
