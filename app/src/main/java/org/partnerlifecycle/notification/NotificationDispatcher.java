package org.partnerlifecycle.notification;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
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
 *
 * <p>Every app instance runs a dispatcher over the same table. Before sending, a dispatcher claims the row in
 * a committed update ({@code PENDING -> SENDING}, {@link NotificationRepository#claim}); only the instance that
 * won the claim sends, so several instances never send one notification twice. If an instance dies between
 * claim and outcome, its claim is released after {@code partner.notifications.claim-timeout} and the message
 * is sent again: at least once, never twice while instances live.
 */
@Component
class NotificationDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
  private static final int MAX_ATTEMPTS = 5;
  private static final int BATCH = 100;

  private final NotificationRepository outbox;
  private final ObjectProvider<JavaMailSender> mail;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String from;
  private final Duration claimTimeout;

  NotificationDispatcher(NotificationRepository outbox, ObjectProvider<JavaMailSender> mail, TransactionTemplate tx,
      Clock clock, @Value("${partner.notifications.from:partners@vendor.example}") String from,
      @Value("${partner.notifications.claim-timeout:PT10M}") Duration claimTimeout) {
    this.outbox = outbox;
    this.mail = mail;
    this.tx = tx;
    this.clock = clock;
    this.from = from;
    this.claimTimeout = claimTimeout;
  }

  @Scheduled(fixedDelayString = "${partner.notifications.dispatch-interval:PT2S}")
  void dispatch() {
    try {
      dispatchPending();
    } catch (DataAccessException databaseAway) {
      // nothing is lost: the outbox is read again on the next round
      log.warn("Notification outbox not reachable, retrying next round: {}",
          databaseAway.getMostSpecificCause().toString());
    }
  }

  private void dispatchPending() {
    Integer released = tx.execute(s -> outbox.releaseClaimsBefore(clock.instant().minus(claimTimeout)));
    if (released != null && released > 0) {
      log.warn("Released {} notification claim(s) older than {}: their instance stopped while sending; "
          + "they are sent again", released, claimTimeout);
    }
    for (Notification candidate : outbox.findByStatusOrderByIdAsc(Notification.Status.PENDING, Limit.of(BATCH))) {
      if (claim(candidate.getId())) {
        deliver(outbox.findById(candidate.getId()).orElseThrow());
      }
    }
  }

  /** True if this instance won the row; the claim is committed before anything is sent. */
  private boolean claim(long id) {
    try {
      return Integer.valueOf(1).equals(tx.execute(s -> outbox.claim(id, clock.instant())));
    } catch (ConcurrencyFailureException anotherInstanceIsClaimingIt) {
      return false;
    }
  }

  private void deliver(Notification n) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      log.info("Notification #{} to {} [{}]: {}\n{}", n.getId(), n.getRecipient(), n.getTemplate(), n.getSubject(),
          n.getBody());
      record(n, Notification.Status.LOGGED, null);
      return;
    }
    try {
      var message = new SimpleMailMessage();
      message.setFrom(from);
      message.setTo(n.getRecipient());
      message.setSubject(n.getSubject());
      message.setText(n.getBody());
      sender.send(message);
    } catch (RuntimeException e) {
      log.warn("Notification #{} to {} not delivered (attempt {}): {}", n.getId(), n.getRecipient(),
          n.getAttempts() + 1, e.toString());
      record(n, null, e.getMessage());
      return;
    }
    record(n, Notification.Status.DELIVERED, null);
  }

  /** Stores the outcome of a claimed notification: delivered (how), or a failed attempt with its error. */
  private void record(Notification claimed, Notification.Status delivered, String error) {
    tx.executeWithoutResult(s -> {
      Notification n = outbox.findById(claimed.getId()).orElseThrow();
      if (delivered != null) {
        n.delivered(delivered, clock.instant());
      } else {
        n.failedAttempt(error, MAX_ATTEMPTS);
      }
    });
  }
}
