package org.partnerlifecycle.persistence;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedded default: H2 in MySQL mode, migrated by the same Flyway scripts. A database of its own, as the
 * contract cleans the schema and the application tests share the default one in this JVM.
 */
@DataJpaTest(showSql = false, properties = {"partner.runtime=remote", "spring.flyway.clean-disabled=false",
    "spring.datasource.url=jdbc:h2:mem:persistence-contract;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class H2PersistenceTest extends PersistenceContract {
}
