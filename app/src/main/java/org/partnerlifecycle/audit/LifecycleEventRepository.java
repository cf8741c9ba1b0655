package org.partnerlifecycle.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append and read only: the history of a partner is never edited or deleted through the application. */
public interface LifecycleEventRepository extends Repository<LifecycleEvent, Long> {

  LifecycleEvent save(LifecycleEvent event);

  Optional<LifecycleEvent> findByIdempotencyKey(String idempotencyKey);

  List<LifecycleEvent> findByPartnerIdOrderByOccurredAtAscIdAsc(long partnerId);

  Page<LifecycleEvent> findByPartnerId(long partnerId, Pageable pageable);

  long countByPartnerId(long partnerId);

  /** The partner's latest event of a type, e.g. the stage change that put it where it is. */
  Optional<LifecycleEvent> findFirstByPartnerIdAndEventTypeOrderByOccurredAtDescIdDesc(long partnerId,
      String eventType);

  /** The process instances that have acted on a partner. */
  @Query("select distinct e.processInstanceKey from LifecycleEvent e"
      + " where e.partnerId = :partnerId and e.processInstanceKey is not null")
  List<Long> processInstanceKeysOf(long partnerId);

  long count();
}
