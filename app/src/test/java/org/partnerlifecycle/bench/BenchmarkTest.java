package org.partnerlifecycle.bench;

import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.console.ConsoleBenchmark;
import org.partnerlifecycle.onboarding.LifecycleBenchmark;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmarks (README, "Benchmarks"); not in the default run:
 * {@code ./mvnw -B -pl app -am verify -Pbenchmark [-Dbench.partners=500] [-Dbench.growth=true]}.
 * Embedded runtime; the console data goes into MySQL when bench.mysql-url or PARTNER_TEST_MYSQL_URL is set
 * (that database is emptied first), else into the in-memory H2.
 */
@Tag("benchmark")
@SpringBootTest(properties = {EmbeddedAppTest.DOCUMENTS_DIR, "partner.demo-data=false", "logging.level.org.partnerlifecycle.notification=WARN",
    "logging.level.io.camunda.client.job.worker=ERROR"})
// no MockMvc printing: kept for a failure, it would hold every console page requested in memory until the end
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@Import({LifecycleSignalTaps.class, BenchmarkTest.CleanDatabase.class})
class BenchmarkTest {

  @Autowired ApplicationContext app;

  static String mysqlUrl() {
    String url = System.getProperty("bench.mysql-url", System.getenv("PARTNER_TEST_MYSQL_URL"));
    return url == null || url.isBlank() ? null : url;
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    if (mysqlUrl() != null) {
      registry.add("spring.datasource.url", BenchmarkTest::mysqlUrl);
      registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("PARTNER_TEST_MYSQL_USER", "root"));
      registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("PARTNER_TEST_MYSQL_PASSWORD", ""));
      registry.add("spring.datasource.driver-class-name", () -> "com.mysql.cj.jdbc.Driver");
      registry.add("bench.clean-database", () -> "true");
      registry.add("spring.flyway.clean-disabled", () -> "false");
    }
  }

  /** A benchmark database starts empty, so that every run measures the same amount of data. */
  @TestConfiguration(proxyBeanMethods = false)
  @ConditionalOnProperty("bench.clean-database")
  static class CleanDatabase {
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
      return (Flyway flyway) -> {
        flyway.clean();
        flyway.migrate();
      };
    }
  }

  static int intProperty(String name, int otherwise) {
    return Integer.getInteger(name, otherwise);
  }

  @Test
  void benchmarks() {
    System.out.printf("benchmark: %d cores, database %s%n", Runtime.getRuntime().availableProcessors(),
        mysqlUrl() == null ? "H2 (in memory)" : "MySQL");
    if (Boolean.getBoolean("bench.growth")) {
      growth();
      return;
    }
    int partners = intProperty("bench.partners", 500);
    if (partners > 0) { // 0: the console part alone
      new LifecycleBenchmark(app, System.out).compare(partners);
    }
    var console = new ConsoleBenchmark(app, System.out);
    console.loadUpTo(intProperty("bench.console-partners", 50_000), intProperty("bench.events", 1_000_000));
    long worst = console.measure(intProperty("bench.requests", 50));
    if (Boolean.getBoolean("bench.profile")) { // which query a slow page waits for
      console.profile(intProperty("bench.requests", 50));
    }
    System.out.printf("dashboard-p95-ms: %d%n", worst);
  }

  /**
   * Latency against data size and throughput against K, each classified from the numbers. The result lines of
   * a default run are printed where they are measured (the console at 1,000,000 events, the lifecycle at K=500),
   * so that one growth run also gives the figures of a default run. The console goes first: it is quick, and the
   * largest K takes longest.
   */
  void growth() {
    var console = new ConsoleBenchmark(app, System.out);
    List<double[]> latency = new ArrayList<>();
    for (int events : new int[] {10_000, 100_000, 1_000_000}) {
      console.loadUpTo(events / 20, events);
      long worst = console.measure(intProperty("bench.requests", 50));
      latency.add(new double[] {events, worst});
      if (events == 1_000_000) {
        System.out.printf("dashboard-p95-ms: %d%n", worst);
      }
    }
    var lifecycle = new LifecycleBenchmark(app, System.out);
    List<double[]> throughput = new ArrayList<>();
    for (String k : System.getProperty("bench.growth-partners", "100,500,2000").split(",")) {
      int partners = Integer.parseInt(k.trim());
      var full = lifecycle.full(partners);
      full.print(System.out);
      var baseline = lifecycle.baseline(partners);
      baseline.print(System.out);
      double ratio = full.lifecyclesPerSecond() / baseline.lifecyclesPerSecond();
      System.out.printf(partners == 500 ? "lifecycle-throughput-ratio: %.2f%n" : "  ratio at K=" + partners
          + ": %.2f%n", ratio);
      throughput.add(new double[] {partners, full.lifecyclesPerSecond(), baseline.lifecyclesPerSecond(),
          full.stages().values().stream().mapToLong(p -> p.p95()).sum()});
    }
    System.out.println(Growth.table(throughput, latency));
  }
}
