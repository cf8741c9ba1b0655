package org.partnerlifecycle.notification;

import org.partnerlifecycle.persistence.MySqlAvailable;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The dispatcher contract on a MySQL-protocol server (PARTNER_TEST_MYSQL_URL; always under CI). */
@DataJpaTest(showSql = false, properties = "partner.runtime=remote")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@MySqlAvailable
class MySqlDispatcherTest extends DispatcherContract {

  @DynamicPropertySource
  static void mysql(DynamicPropertyRegistry registry) {
    MySqlAvailable.Condition.datasource(registry);
  }
}
