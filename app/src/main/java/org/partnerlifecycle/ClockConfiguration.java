package org.partnerlifecycle;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** One clock for every timestamp the app writes, so tests can fix it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
