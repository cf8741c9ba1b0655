package org.partnerlifecycle.partner;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PartnerRepository extends JpaRepository<Partner, Long> {

  @Query("select p.stage as stage, count(p) as partners from Partner p group by p.stage")
  List<StageCount> countByStage();

  interface StageCount {
    LifecycleStage getStage();
    long getPartners();
  }
}
