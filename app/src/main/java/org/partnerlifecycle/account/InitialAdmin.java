package org.partnerlifecycle.account;

import java.time.Clock;
import org.partnerlifecycle.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first sign-in of a fresh installation: creates an ADMIN account from partner.admin.username and
 * partner.admin.password (PARTNER_ADMIN_USERNAME, PARTNER_ADMIN_PASSWORD) when no account of that name exists.
 * It never changes an existing account, so the variables can stay set. Several instances starting at once
 * create it once: the unique username decides.
 */
@Component
class InitialAdmin implements ApplicationRunner {

  static final int MIN_PASSWORD_LENGTH = 12;
  private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

  private final UserAccountRepository accounts;
  private final PasswordEncoder passwords;
  private final Environment env;
  private final Clock clock;

  InitialAdmin(UserAccountRepository accounts, PasswordEncoder passwords, Environment env, Clock clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.env = env;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    String username = env.getProperty("partner.admin.username", "").strip().toLowerCase();
    if (username.isEmpty()) {
      return;
    }
    String password = env.getProperty("partner.admin.password", "");
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new StartupFailure("The initial admin '" + username + "' needs a password of at least "
          + MIN_PASSWORD_LENGTH + " characters.", "Set PARTNER_ADMIN_PASSWORD (partner.admin.password) to at least "
          + MIN_PASSWORD_LENGTH + " characters, or unset PARTNER_ADMIN_USERNAME.", null);
    }
    if (accounts.existsByUsername(username)) {
      return;
    }
    String email = env.getProperty("partner.admin.email", username + "@localhost");
    var admin = UserAccount.staff(username, "Administrator", email, Role.ADMIN, clock.instant());
    admin.activate(passwords.encode(password));
    try {
      accounts.saveAndFlush(admin);
      log.info("Created the initial admin account '{}'", username);
    } catch (DataIntegrityViolationException createdByAnotherInstance) {
      log.info("The initial admin account '{}' was created by another instance", username);
    }
  }
}
