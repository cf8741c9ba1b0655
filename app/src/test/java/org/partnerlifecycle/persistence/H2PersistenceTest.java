package org.partnerlifecycle.persistence;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The embedded default: H2 in MySQL mode, migrated by the same Flyway scripts. */
@DataJpaTest(showSql = false, properties = {"partner.runtime=remote", "spring.flyway.clean-disabled=false"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class H2PersistenceTest extends PersistenceContract {
}
