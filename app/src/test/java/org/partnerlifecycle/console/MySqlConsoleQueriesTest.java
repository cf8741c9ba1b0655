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
    MySqlAvailable.Condition.datasource(registry);
  }
}
