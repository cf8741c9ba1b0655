package org.partnerlifecycle.evaluation;

import java.util.List;
import java.util.Optional;
import org.partnerlifecycle.partner.Segment;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ScorecardRepository extends JpaRepository<Scorecard, Long> {

  Optional<Scorecard> findByIdempotencyKey(String idempotencyKey);

  Optional<Scorecard> findFirstByPartnerIdOrderByEvaluatedAtDescIdDesc(long partnerId);

  List<Scorecard> findByPartnerIdOrderByEvaluatedAtDescIdDesc(long partnerId);

  /** One page of a partner's scorecards, uncounted. */
  List<Scorecard> findByPartnerId(long partnerId, Pageable page);

  /** Partners of the same segment (category) with a better composite score in the period: rank - 1. */
  @Query("select count(distinct s.partnerId) from Scorecard s, org.partnerlifecycle.partner.Partner p"
      + " where p.id = s.partnerId and p.segment = :segment and s.period = :period and s.compositeScore > :score")
  long countBetterInCategory(Segment segment, String period, int score);

  @Query("select count(distinct s.partnerId) from Scorecard s, org.partnerlifecycle.partner.Partner p"
      + " where p.id = s.partnerId and p.segment = :segment and s.period = :period")
  long countInCategory(Segment segment, String period);
}
