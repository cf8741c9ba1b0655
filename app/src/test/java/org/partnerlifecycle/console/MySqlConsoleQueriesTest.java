package org.partnerlifecycle.console;

import org.partnerlifecycle.persistence.MySqlAvailable;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's queries on a real MySQL-protocol server through Connector/J (PARTNER_TEST_MYSQL_URL; required
 * under CI).
 */
@DataJpaTest(showSql = false, properties = {"partner.runtime=remote", "spring.flyway.clean-disabled=false"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@MySqlAvailable
class MySqlConsoleQueriesTest extends ConsoleQueriesContract {

  @DynamicPropertySource
  static void mysql(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> {
      String url = System.getenv(MySqlAvailable.URL_VARIABLE);
      if (url == null || url.isBlank()) {
        throw new IllegalStateException(MySqlAvailable.URL_VARIABLE + " is not set; CI must provide the MySQL server");
      }
      return url;
    });
    registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("PARTNER_TEST_MYSQL_USER", "root"));
    registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("PARTNER_TEST_MYSQL_PASSWORD", ""));
    registry.add("spring.datasource.driver-class-name", () -> "com.mysql.cj.jdbc.Driver");
  }
}
