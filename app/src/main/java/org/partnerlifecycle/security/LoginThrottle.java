package org.partnerlifecycle.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and per client address and locks a key for a while once it has too many.
 * A username that does not exist is counted and locked like any other, so the answer never tells whether an
 * account exists. Kept in memory: each app instance counts on its own.
 */
@Component
public class LoginThrottle {

  private final LoginThrottleProperties settings;
  private final Clock clock;
  private final Map<String, Failures> byUsername = new ConcurrentHashMap<>();
  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

  LoginThrottle(LoginThrottleProperties settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public Duration lockFor() {
    return settings.lockFor();
  }

  /** True while sign-in is refused for this username or from this address. */
  public boolean isLocked(String username, String address) {
    Instant now = clock.instant();
    Failures user = byUsername.get(normalize(username));
    Failures client = address == null ? null : byAddress.get(address);
    return (user != null && user.isLocked(now)) || (client != null && client.isLocked(now));
  }

  /** Records a failed sign-in; returns true if it locked the username or the address. */
  public boolean recordFailure(String username, String address) {
    Instant now = clock.instant();
    boolean locked = byUsername.computeIfAbsent(normalize(username), k -> new Failures())
        .add(now, settings.maxFailures(), settings.window(), settings.lockFor());
    if (address != null) {
      locked |= byAddress.computeIfAbsent(address, k -> new Failures())
          .add(now, settings.maxFailuresPerAddress(), settings.window(), settings.lockFor());
    }
    return locked;
  }

  /** A successful sign-in clears the username's failures (not the address's: one good account must not reset it). */
  public void recordSuccess(String username) {
    byUsername.remove(normalize(username));
  }

  /** Forgets keys with neither recent failures nor a running lock, so the maps do not grow without bound. */
  @Scheduled(fixedDelayString = "PT1M")
  void forgetStale() {
    Instant now = clock.instant();
    byUsername.values().removeIf(f -> f.isStale(now, settings.window()));
    byAddress.values().removeIf(f -> f.isStale(now, settings.window()));
  }

  static String normalize(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  /** Failure times inside the window, and the end of the current lock if any. */
  private static final class Failures {
    private final Deque<Instant> times = new ArrayDeque<>();
    private Instant lockedUntil = Instant.MIN;

    synchronized boolean isLocked(Instant now) {
      return now.isBefore(lockedUntil);
    }

    synchronized boolean add(Instant now, int max, Duration window, Duration lockFor) {
      prune(now, window);
      times.addLast(now);
      if (times.size() >= max) {
        lockedUntil = now.plus(lockFor);
        times.clear();
        return true;
      }
      return false;
    }

    synchronized boolean isStale(Instant now, Duration window) {
      prune(now, window);
      return times.isEmpty() && !isLocked(now);
    }

    private void prune(Instant now, Duration window) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
        times.removeFirst();
      }
    }
  }
}
