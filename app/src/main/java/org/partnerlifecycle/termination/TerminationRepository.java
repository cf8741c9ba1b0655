package org.partnerlifecycle.termination;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TerminationRepository extends JpaRepository<Termination, Long> {

  Optional<Termination> findByPartnerId(long partnerId);
}
