package org.partnerlifecycle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.console.ConsoleBenchmark;
import org.partnerlifecycle.onboarding.LifecycleBenchmark;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The benchmarks in miniature, in the default suite so that they cannot rot: a few partners, a few thousand
 * audit events, a few requests. Asserts that they complete and print their lines, never how fast.
 */
@SpringBootTest(properties = EmbeddedAppTest.DOCUMENTS_DIR)
@AutoConfigureMockMvc
@Import(LifecycleSignalTaps.class)
class BenchmarkSmokeTest {

  @Autowired ApplicationContext app;

  @Test
  void theLifecycleBenchmarkRunsBothRuntimesAndPrintsTheRatio() {
    var printed = new ByteArrayOutputStream();
    var out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    new LifecycleBenchmark(app, out).compare(5);
    String text = printed.toString(StandardCharsets.UTF_8);
    System.out.print(text);
    assertThat(text).contains("lifecycle [full app] K=5", "lifecycle [no-op workers] K=5", "APPLIED→BRIEFED",
        "ONBOARDING→ACTIVE");
    assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow()).matches("lifecycle-throughput-ratio: \\d+\\.\\d\\d");
  }

  @Test
  void theConsoleBenchmarkLoadsDataAndTimesEveryPage() {
    var printed = new ByteArrayOutputStream();
    var out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    var console = new ConsoleBenchmark(app, out);
    console.loadUpTo(100, 2_000);
    long worst = console.measure(5);
    console.profile(2);
    String text = printed.toString(StandardCharsets.UTF_8);
    System.out.print(text);
    assertThat(console.partners()).isGreaterThanOrEqualTo(100);
    assertThat(text).contains("dashboard /console", "dashboard filtered /console?...",
        "partner /console/partners/{id}", "audit search /console/audit");
    assertThat(text).contains("stages [none]", "slaBreaches [tier]", "openTasks [region]", "audit page [type, 90 days]");
    assertThat(worst).isNotNegative();
  }

  @Test
  void growthIsClassifiedFromTheNumbers() {
    double[] sizes = {100, 500, 2000};
    assertThat(Growth.classify(sizes, new double[] {10, 11, 12})).startsWith("flat");
    assertThat(Growth.classify(sizes, new double[] {10, 50, 200})).startsWith("linear");
    assertThat(Growth.classify(sizes, new double[] {10, 250, 4000})).startsWith("worse");
  }
}
