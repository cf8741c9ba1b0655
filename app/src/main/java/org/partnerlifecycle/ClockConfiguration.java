package org.partnerlifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.partnerlifecycle.engine.EmbeddedEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  private static final Duration MICROSECOND = Duration.ofNanos(1_000);

  /**
   * One clock for every timestamp the app writes. On the embedded runtime it is the engine's clock, so dates the
   * app hands to timers (an exclusivity end, a renewal date) and the dates it records stay in step with the
   * engine when a test or a demo moves the engine's time forward. Against a cluster: the system clock. Both tick
   * in microseconds, as the database stores time: a date a job hands to its process is then the date a repeated
   * delivery of the job reads back from the database, not one rounded differently.
   */
  @Bean
  Clock clock(ObjectProvider<EmbeddedEngine> embedded) {
    EmbeddedEngine engine = embedded.getIfAvailable();
    return engine == null ? Clock.tick(Clock.systemUTC(), MICROSECOND) : new EngineClock(engine);
  }

  private static final class EngineClock extends Clock {
    private final EmbeddedEngine engine;

    EngineClock(EmbeddedEngine engine) {
      this.engine = engine;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the engine clock is UTC");
    }

    @Override
    public Instant instant() {
      return engine.now().truncatedTo(ChronoUnit.MICROS);
    }
  }
}
