package org.partnerlifecycle.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.StartupFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The first admin of a fresh installation, from PARTNER_ADMIN_USERNAME and PARTNER_ADMIN_PASSWORD. */
@DataJpaTest(showSql = false, properties = {"partner.runtime=remote",
    "spring.datasource.url=jdbc:h2:mem:initial-admin;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class InitialAdminTest {

  @Autowired UserAccountRepository accounts;
  final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(4);

  void run(String username, String password) {
    var env = new MockEnvironment();
    if (username != null) {
      env.setProperty("partner.admin.username", username);
      env.setProperty("partner.admin.password", password);
    }
    new InitialAdmin(accounts, passwords, env, Clock.systemUTC()).run(new DefaultApplicationArguments());
  }

  @Test
  void createsAnEnabledAdminOnceAndNeverChangesItAfterwards() {
    run("Olivia.Admin", "first-password-123");
    run("olivia.admin", "another-password-456");

    var admin = accounts.findByUsername("olivia.admin").orElseThrow();
    assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
    assertThat(admin.isEnabled()).isTrue();
    assertThat(passwords.matches("first-password-123", admin.getPasswordHash())).isTrue();
    assertThat(accounts.findAll()).filteredOn(a -> a.getUsername().equals("olivia.admin")).hasSize(1);
  }

  @Test
  void refusesAShortPasswordWithTheVariableToFix() {
    assertThatThrownBy(() -> run("short.admin", "admin"))
        .isInstanceOfSatisfying(StartupFailure.class, e -> {
          assertThat(e).hasMessageContaining("at least 12 characters");
          assertThat(e.action()).contains("PARTNER_ADMIN_PASSWORD");
        });
    assertThat(accounts.existsByUsername("short.admin")).isFalse();
  }

  @Test
  void withoutAUsernameNothingIsCreated() {
    long before = accounts.count();
    run(null, null);
    assertThat(accounts.count()).isEqualTo(before);
  }
}
