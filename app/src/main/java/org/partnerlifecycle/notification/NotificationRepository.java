package org.partnerlifecycle.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  Optional<Notification> findByIdempotencyKey(String idempotencyKey);

  List<Notification> findByStatusOrderByIdAsc(Notification.Status status, Limit limit);

  List<Notification> findByPartnerIdOrderByIdAsc(long partnerId);

  /**
   * Claims a pending notification for one dispatcher: 1 if this caller won it, 0 if another instance claimed
   * (or finished) it first. The database serialises concurrent updates of the row, and only one sees PENDING.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Notification n set n.status = org.partnerlifecycle.notification.Notification.Status.SENDING,
        n.claimedAt = :now, n.version = n.version + 1
      where n.id = :id and n.status = org.partnerlifecycle.notification.Notification.Status.PENDING""")
  int claim(@Param("id") long id, @Param("now") Instant now);

  /** Returns claims older than the cutoff (their instance stopped while sending) to PENDING. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("""
      update Notification n set n.status = org.partnerlifecycle.notification.Notification.Status.PENDING,
        n.claimedAt = null, n.version = n.version + 1
      where n.status = org.partnerlifecycle.notification.Notification.Status.SENDING and n.claimedAt < :cutoff""")
  int releaseClaimsBefore(@Param("cutoff") Instant cutoff);
}
