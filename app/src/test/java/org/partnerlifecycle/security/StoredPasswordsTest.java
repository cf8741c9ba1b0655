package org.partnerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are stored as BCrypt hashes only, never as they were typed. The audit log's integrity (no change
 * through the application) is covered by {@link org.partnerlifecycle.console.AuditLogAppendOnlyTest}.
 */
@EmbeddedAppTest
class StoredPasswordsTest {

  private static final String BCRYPT = "\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}";

  @Autowired JdbcTemplate jdbc;
  @Autowired PasswordEncoder passwords;

  @Test
  void everyStoredPasswordIsABcryptHash() {
    List<Map<String, Object>> accounts = jdbc.queryForList(
        "SELECT username, password_hash FROM user_account WHERE password_hash IS NOT NULL");
    assertThat(accounts).as("accounts with a password (the demo users at least)").hasSizeGreaterThanOrEqualTo(4);
    for (Map<String, Object> account : accounts) {
      assertThat((String) account.get("password_hash")).as("password of " + account.get("username"))
          .matches(BCRYPT);
    }
    String ops = jdbc.queryForObject("SELECT password_hash FROM user_account WHERE username = 'ops'", String.class);
    assertThat(ops).doesNotContain("ops-demo");
    assertThat(passwords.matches("ops-demo", ops)).isTrue();
    assertThat(passwords.encode("same")).as("salted").isNotEqualTo(passwords.encode("same"));
  }
}
