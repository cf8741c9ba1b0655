package org.partnerlifecycle.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Enables a test when a MySQL URL is configured (PARTNER_TEST_MYSQL_URL), and always under CI, where a missing
 * URL then fails the test loudly instead of skipping it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MySqlAvailable.Condition.class)
public @interface MySqlAvailable {

  String URL_VARIABLE = "PARTNER_TEST_MYSQL_URL";

  class Condition implements ExecutionCondition {

    /** Points a test's datasource at the configured server, for a {@code @DynamicPropertySource} method. */
    public static void datasource(DynamicPropertyRegistry registry) {
      registry.add("spring.datasource.url", Condition::url);
      registry.add("spring.datasource.username",
          () -> System.getenv().getOrDefault("PARTNER_TEST_MYSQL_USER", "root"));
      registry.add("spring.datasource.password",
          () -> System.getenv().getOrDefault("PARTNER_TEST_MYSQL_PASSWORD", ""));
      registry.add("spring.datasource.driver-class-name", () -> "com.mysql.cj.jdbc.Driver");
    }

    public static String url() {
      String url = System.getenv(URL_VARIABLE);
      if (url == null || url.isBlank()) {
        throw new IllegalStateException(URL_VARIABLE + " is not set; CI must provide the MySQL server");
      }
      return url;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      boolean configured = System.getenv(URL_VARIABLE) != null && !System.getenv(URL_VARIABLE).isBlank();
      boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
      return configured || ci
          ? ConditionEvaluationResult.enabled(configured ? "MySQL URL set" : "CI: must run")
          : ConditionEvaluationResult.disabled(URL_VARIABLE + " not set (outside CI)");
    }
  }
}
