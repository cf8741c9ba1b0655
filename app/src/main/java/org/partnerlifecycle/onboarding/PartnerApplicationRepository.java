package org.partnerlifecycle.onboarding;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnerApplicationRepository extends JpaRepository<PartnerApplication, Long> {

  Optional<PartnerApplication> findByPartnerId(long partnerId);
}
