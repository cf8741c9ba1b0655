package org.partnerlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several app instances dispatch one outbox. Each dispatcher here stands for an instance: its own object, the
 * same database, sending at the same time. Run on H2 and on a MySQL-protocol server, as in production.
 */
abstract class DispatcherContract {

  @Autowired NotificationRepository outbox;
  @Autowired TransactionTemplate tx;

  /** An SMTP server that takes a while per message, so two instances really overlap; it keeps what it got. */
  static class SlowMailbox extends JavaMailSenderImpl {
    final ConcurrentLinkedQueue<String> subjects = new ConcurrentLinkedQueue<>();

    @Override
    public void send(SimpleMailMessage... messages) {
      for (SimpleMailMessage message : messages) {
        try {
          Thread.sleep(15);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        subjects.add(message.getSubject());
      }
    }
  }

  NotificationDispatcher dispatcher(JavaMailSender mail, Clock clock) {
    var provider = new StaticListableBeanFactory(Map.of("mail", mail)).getBeanProvider(JavaMailSender.class);
    return new NotificationDispatcher(outbox, provider, tx, clock, "partners@vendor.example", Duration.ofMinutes(10));
  }

  List<Long> pending(String run, int count) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(outbox.save(new Notification(null, "p" + i + "@example.com", "welcome", run + " #" + i, "Hello",
          run + "-" + i, Instant.now())).getId());
    }
    return ids;
  }

  private int claim(long id, Instant at) {
    Integer claimed = tx.execute(s -> outbox.claim(id, at));
    return claimed == null ? 0 : claimed;
  }

  @Test
  void twoInstancesDispatchingAtOnceSendEveryNotificationExactlyOnce() throws Exception {
    String run = "run-" + UUID.randomUUID();
    List<Long> ids = pending(run, 40);
    var mailbox = new SlowMailbox();
    var first = dispatcher(mailbox, Clock.systemUTC());
    var second = dispatcher(mailbox, Clock.systemUTC());

    var together = new CyclicBarrier(2);
    var pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> rounds = new ArrayList<>();
      for (NotificationDispatcher instance : List.of(first, second)) {
        rounds.add(pool.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          instance.dispatch();
          return null;
        }));
      }
      for (Future<?> round : rounds) {
        round.get(60, TimeUnit.SECONDS); // rethrows what a dispatcher threw
      }
    } finally {
      pool.shutdownNow();
    }

    Map<String, Long> sends = mailbox.subjects.stream().filter(s -> s.startsWith(run))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(sends).hasSize(40);
    assertThat(sends.values()).as("sends per notification").containsOnly(1L);
    assertThat(outbox.findAllById(ids)).allSatisfy(n -> {
      assertThat(n.getStatus()).isEqualTo(Notification.Status.DELIVERED);
      assertThat(n.getAttempts()).isEqualTo(1);
      assertThat(n.getClaimedAt()).isNull();
    });
  }

  @Test
  void aClaimLeftByAStoppedInstanceIsSentAgainAfterTheTimeoutButALiveClaimIsNot() {
    String run = "run-" + UUID.randomUUID();
    List<Long> ids = pending(run, 2);
    long abandoned = ids.get(0);
    long inFlight = ids.get(1);
    Instant now = Instant.now();
    assertThat(claim(abandoned, now.minus(Duration.ofMinutes(11)))).isEqualTo(1);
    assertThat(claim(inFlight, now.minus(Duration.ofMinutes(1)))).isEqualTo(1);
    assertThat(claim(inFlight, now)).as("a claimed row cannot be claimed again").isZero();
    var mailbox = new SlowMailbox();

    dispatcher(mailbox, Clock.systemUTC()).dispatch();

    assertThat(mailbox.subjects).filteredOn(s -> s.startsWith(run)).containsExactly(run + " #0");
    assertThat(outbox.findById(abandoned).orElseThrow().getStatus()).isEqualTo(Notification.Status.DELIVERED);
    assertThat(outbox.findById(inFlight).orElseThrow().getStatus()).isEqualTo(Notification.Status.SENDING);
  }

  @Test
  void aFailedSendIsRetriedOnTheNextRoundsAndGivenUpAfterFiveAttempts() {
    String run = "run-" + UUID.randomUUID();
    long id = pending(run, 1).get(0);
    var refusing = new JavaMailSenderImpl() {
      @Override
      public void send(SimpleMailMessage... messages) {
        throw new org.springframework.mail.MailSendException("550 mailbox unavailable");
      }
    };
    var dispatcher = dispatcher(refusing, Clock.systemUTC());

    dispatcher.dispatch();
    Notification afterOne = outbox.findById(id).orElseThrow();
    assertThat(afterOne.getStatus()).isEqualTo(Notification.Status.PENDING);
    assertThat(afterOne.getAttempts()).isEqualTo(1);
    assertThat(afterOne.getLastError()).contains("550 mailbox unavailable");

    for (int round = 2; round <= 5; round++) {
      dispatcher.dispatch();
    }
    Notification given = outbox.findById(id).orElseThrow();
    assertThat(given.getStatus()).isEqualTo(Notification.Status.FAILED);
    assertThat(given.getAttempts()).isEqualTo(5);
  }
}
