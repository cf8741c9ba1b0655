package org.partnerlifecycle.notification;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The dispatcher contract on H2 in MySQL mode, in a database of its own. */
@DataJpaTest(showSql = false, properties = {"partner.runtime=remote",
    "spring.datasource.url=jdbc:h2:mem:dispatcher-contract;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class H2DispatcherTest extends DispatcherContract {
}
