package org.partnerlifecycle.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  Optional<Notification> findByIdempotencyKey(String idempotencyKey);

  List<Notification> findByStatusOrderByIdAsc(Notification.Status status, Limit limit);

  List<Notification> findByPartnerIdOrderByIdAsc(long partnerId);
}
