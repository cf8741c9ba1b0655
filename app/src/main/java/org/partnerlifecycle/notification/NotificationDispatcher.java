package org.partnerlifecycle.notification;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: by SMTP when spring.mail.host is configured, otherwise by writing each message to the
 * log (the embedded default). A failed delivery is retried on the next rounds, up to a limit.
 */
@Component
class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
  private static final int MAX_ATTEMPTS = 5;

  private final NotificationRepository outbox;
  private final ObjectProvider<JavaMailSender> mail;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String from;

  NotificationDispatcher(NotificationRepository outbox, ObjectProvider<JavaMailSender> mail, TransactionTemplate tx,
      Clock clock, @Value("${partner.notifications.from:partners@vendor.example}") String from) {
    this.outbox = outbox;
    this.mail = mail;
    this.tx = tx;
    this.clock = clock;
    this.from = from;
  }

  @Scheduled(fixedDelayString = "${partner.notifications.dispatch-interval:PT2S}")
  void dispatch() {
    List<Notification> pending;
    try {
      pending = outbox.findByStatusOrderByIdAsc(Notification.Status.PENDING, Limit.of(100));
    } catch (DataAccessException databaseAway) {
      // nothing is lost: the outbox is read again on the next round
      log.warn("Notification outbox not readable, retrying next round: {}", databaseAway.getMostSpecificCause().toString());
      return;
    }
    for (Notification n : pending) {
      tx.executeWithoutResult(s -> deliver(outbox.findById(n.getId()).orElseThrow()));
    }
  }

  private void deliver(Notification n) {
    if (n.getStatus() != Notification.Status.PENDING) {
      return;
    }
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      log.info("Notification #{} to {} [{}]: {}\n{}", n.getId(), n.getRecipient(), n.getTemplate(), n.getSubject(),
          n.getBody());
      n.delivered(Notification.Status.LOGGED, clock.instant());
      return;
    }
    try {
      var message = new SimpleMailMessage();
      message.setFrom(from);
      message.setTo(n.getRecipient());
      message.setSubject(n.getSubject());
      message.setText(n.getBody());
      sender.send(message);
      n.delivered(Notification.Status.DELIVERED, clock.instant());
    } catch (RuntimeException e) {
      log.warn("Notification #{} to {} not delivered (attempt {}): {}", n.getId(), n.getRecipient(),
          n.getAttempts() + 1, e.toString());
      n.failedAttempt(e.getMessage(), MAX_ATTEMPTS);
    }
  }
}
