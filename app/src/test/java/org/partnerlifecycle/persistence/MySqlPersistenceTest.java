package org.partnerlifecycle.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The same contract on a real MySQL-protocol server through MySQL Connector/J. Runs when
 * PARTNER_TEST_MYSQL_URL is set; under CI (CI=true) it must run, so a missing URL fails instead of skipping.
 */
@DataJpaTest(showSql = false, properties = {"partner.runtime=remote", "spring.flyway.clean-disabled=false"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@MySqlAvailable
class MySqlPersistenceTest extends PersistenceContract {

  @DynamicPropertySource
  static void mysql(DynamicPropertyRegistry registry) {
    MySqlAvailable.Condition.datasource(registry);
  }

  @Autowired DataSource dataSource;

  @Test
  void runsOnMySqlConnectorJ() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDriverName()).contains("MySQL Connector/J");
      System.out.println("MySQL persistence tests ran against " + connection.getMetaData().getDatabaseProductName()
          + " " + connection.getMetaData().getDatabaseProductVersion() + " via "
          + connection.getMetaData().getDriverName() + " " + connection.getMetaData().getDriverVersion());
    }
  }
}
