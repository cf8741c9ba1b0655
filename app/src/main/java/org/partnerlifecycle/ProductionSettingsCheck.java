package org.partnerlifecycle;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Under the prod profile, checks before anything connects that the database settings application-prod.yml
 * reads from the environment are there. Without it a missing MYSQL_URL shows up as a JDBC driver refusing the
 * URL "${MYSQL_URL}", deep in a stack trace. Registered in META-INF/spring.factories.
 */
public class ProductionSettingsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** The property, the variable application-prod.yml takes it from, and whether an empty value is fine. */
  private record Setting(String property, String variable, boolean mayBeEmpty) {}

  private static final List<Setting> REQUIRED = List.of(
      new Setting("spring.datasource.url", "MYSQL_URL", false),
      new Setting("spring.datasource.username", "MYSQL_USER", false),
      new Setting("spring.datasource.password", "MYSQL_PASSWORD", true));

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (!env.acceptsProfiles(Profiles.of("prod")) || context.getParent() != null) {
      return;
    }
    List<String> missing = new ArrayList<>();
    for (Setting setting : REQUIRED) {
      String value;
      try {
        value = env.getProperty(setting.property());
      } catch (IllegalArgumentException unresolvedPlaceholder) {
        value = null;
      }
      if (value == null || (!setting.mayBeEmpty() && value.isBlank())) {
        missing.add(setting.variable());
      }
    }
    if (!missing.isEmpty()) {
      throw new StartupFailure("The prod profile needs the MySQL database settings, and "
          + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not set.",
          "Set MYSQL_URL (e.g. jdbc:mysql://mysql:3306/partners), MYSQL_USER and MYSQL_PASSWORD (may be empty), "
              + "or SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD. "
              + "See docker/.env.example.", null);
    }
  }
}
