package org.partnerlifecycle.planning;

import java.util.List;
import java.util.Optional;
import org.partnerlifecycle.partner.Segment;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PartnerPerformanceRepository extends JpaRepository<PartnerPerformance, Long> {

  Optional<PartnerPerformance> findByPartnerIdAndPeriod(long partnerId, String period);

  /** Newest first; periods sort as text ("2026-Q3"). */
  List<PartnerPerformance> findTop4ByPartnerIdOrderByPeriodDesc(long partnerId);

  /** All customers the channel reaches in a segment in a period: the base for market penetration. */
  @Query("select coalesce(sum(pp.segmentCustomers), 0) from PartnerPerformance pp, org.partnerlifecycle.partner.Partner p"
      + " where p.id = pp.partnerId and p.segment = :segment and pp.period = :period")
  long segmentCustomersInPeriod(Segment segment, String period);
}
