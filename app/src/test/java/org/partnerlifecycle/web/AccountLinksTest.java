package org.partnerlifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.PortalFixtures;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.notification.Notification;
import org.partnerlifecycle.notification.NotificationRepository;
import org.partnerlifecycle.partner.LifecycleStage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Invitations and password resets: one-time, expiring links; only their hash is stored. */
@EmbeddedAppTest
class AccountLinksTest {

  static final String PASSWORD = "a long enough passphrase";

  @Autowired MockMvc mvc;
  @Autowired PortalFixtures fixtures;
  @Autowired UserAccountRepository accounts;
  @Autowired NotificationRepository outbox;
  @Autowired LifecycleEventRepository events;
  @Autowired JdbcTemplate jdbc;

  private org.springframework.test.web.servlet.ResultActions choose(String token, String password, String confirmation)
      throws Exception {
    return mvc.perform(post("/account/password").with(csrf()).param("token", token).param("password", password)
        .param("confirmation", confirmation));
  }

  @Test
  void theLifecycleInvitesTheContactInTheBriefMailAndTheLinkWorksOnce() throws Exception {
    String email = "contact" + PortalFixtures.next() + "@invited.example";
    long partnerId = fixtures.apply("Invited Contact GmbH " + email, email, LifecycleStage.BRIEFED).getPartnerId();
    Notification briefReady = fixtures.mail(partnerId, "brief-ready");
    assertThat(briefReady.getBody()).contains("http://localhost:8081/account/password?token=");
    String token = PortalFixtures.token(briefReady);

    var contact = accounts.findByUsername(email).orElseThrow();
    assertThat(contact.isEnabled()).isFalse();
    assertThat(contact.isPartnerAdmin()).isTrue();
    // disabled until the password is chosen: even a guessed empty password gets nowhere
    mvc.perform(formLogin("/login").user(email).password("")).andExpect(unauthenticated());
    // only the hash is stored
    assertThat(jdbc.queryForObject("select count(*) from account_token where token_sha256 = ?", Long.class, token))
        .isZero();

    mvc.perform(get("/account/password").param("token", token))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Welcome, Nora Jones"), containsString(email))));
    choose(token, "too short", "too short")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("Use at least 12 characters.")));
    choose(token, PASSWORD, "a different passphrase")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("The two passwords do not match.")));
    choose(token, PASSWORD, PASSWORD)
        .andExpect(redirectedUrl("/login"))
        .andExpect(flash().attribute("passwordSet", email));

    mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(authenticated().withRoles("PARTNER"));
    // the link was used: neither showing nor posting it works again
    mvc.perform(get("/account/password").param("token", token))
        .andExpect(status().isGone())
        .andExpect(content().string(containsString("This link has expired or was already used")));
    choose(token, "another long passphrase", "another long passphrase").andExpect(status().isGone());
    mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(authenticated());
    assertThat(events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId)).extracting(LifecycleEvent::getEventType)
        .contains("PORTAL_USER_ACTIVATED");
  }

  @Test
  void anExpiredInvitationCannotBeUsedAndTheAccountStaysDisabled() throws Exception {
    var admin = fixtures.partnerWithUser("Expiry Partner " + PortalFixtures.next(), LifecycleStage.ONBOARDING);
    var session = fixtures.login(mvc, admin.username(), admin.password());
    String colleague = "colleague" + PortalFixtures.next() + "@expiry.example";
    mvc.perform(post("/portal/team/invite").session(session).with(csrf()).param("displayName", "Cole League")
        .param("email", colleague)).andExpect(redirectedUrl("/portal/team"));
    String token = PortalFixtures.token(fixtures.mail(admin.partnerId(), "invitation"));

    long accountId = accounts.findByUsername(colleague).orElseThrow().getId();
    jdbc.update("update account_token set expires_at = ? where user_account_id = ?",
        Timestamp.from(Instant.now().minusSeconds(1)), accountId);

    mvc.perform(get("/account/password").param("token", token)).andExpect(status().isGone());
    choose(token, PASSWORD, PASSWORD).andExpect(status().isGone());
    assertThat(accounts.findById(accountId).orElseThrow().isEnabled()).isFalse();
  }

  @Test
  void aNewInvitationReplacesTheOldLink() throws Exception {
    var admin = fixtures.partnerWithUser("Reinvite Partner " + PortalFixtures.next(), LifecycleStage.ONBOARDING);
    var session = fixtures.login(mvc, admin.username(), admin.password());
    String colleague = "again" + PortalFixtures.next() + "@reinvite.example";
    for (int i = 0; i < 2; i++) {
      mvc.perform(post("/portal/team/invite").session(session).with(csrf()).param("displayName", "Agatha Again")
          .param("email", colleague)).andExpect(redirectedUrl("/portal/team"));
    }
    List<Notification> invitations = outbox.findByPartnerIdOrderByIdAsc(admin.partnerId()).stream()
        .filter(n -> n.getTemplate().equals("invitation")).toList();
    assertThat(invitations).hasSize(2);
    mvc.perform(get("/account/password").param("token", PortalFixtures.token(invitations.get(0))))
        .andExpect(status().isGone());
    mvc.perform(get("/account/password").param("token", PortalFixtures.token(invitations.get(1))))
        .andExpect(status().isOk());
  }

  @Test
  void passwordResetAnswersTheSameForEveryAddressAndMailsOnlyRealAccounts() throws Exception {
    var user = fixtures.partnerWithUser("Reset Partner " + PortalFixtures.next(), LifecycleStage.ACTIVE);
    long mailsBefore = outbox.count();

    String unknownAnswer = mvc.perform(post("/account/forgot").with(csrf()).param("username", "nobody@nowhere.example"))
        .andExpect(redirectedUrl("/account/forgot?sent")).andReturn().getResponse().getRedirectedUrl();
    assertThat(outbox.count()).isEqualTo(mailsBefore);
    String knownAnswer = mvc.perform(post("/account/forgot").with(csrf()).param("username", user.username().toUpperCase()))
        .andExpect(redirectedUrl("/account/forgot?sent")).andReturn().getResponse().getRedirectedUrl();
    assertThat(knownAnswer).isEqualTo(unknownAnswer);
    mvc.perform(get("/account/forgot").param("sent", ""))
        .andExpect(content().string(containsString("If there is an account with that username or email address")));

    Notification reset = fixtures.mail(user.partnerId(), "password-reset");
    assertThat(reset.getRecipient()).isEqualTo(user.username());
    // asking again at once sends nothing more (no mail flood), and still answers the same
    mvc.perform(post("/account/forgot").with(csrf()).param("username", user.username()))
        .andExpect(redirectedUrl("/account/forgot?sent"));
    assertThat(outbox.findByPartnerIdOrderByIdAsc(user.partnerId()).stream()
        .filter(n -> n.getTemplate().equals("password-reset"))).hasSize(1);

    String token = PortalFixtures.token(reset);
    mvc.perform(get("/account/password").param("token", token))
        .andExpect(status().isOk()).andExpect(content().string(containsString("Choose a new password")));
    choose(token, "my brand new passphrase", "my brand new passphrase").andExpect(redirectedUrl("/login"));
    mvc.perform(formLogin("/login").user(user.username()).password(user.password())).andExpect(unauthenticated());
    mvc.perform(formLogin("/login").user(user.username()).password("my brand new passphrase")).andExpect(authenticated());
    choose(token, "yet another passphrase", "yet another passphrase").andExpect(status().isGone());
  }

  @Test
  void aMadeUpLinkShowsTheSamePageAsAnExpiredOne() throws Exception {
    mvc.perform(get("/account/password").param("token", "made-up")).andExpect(status().isGone());
    mvc.perform(get("/account/password")).andExpect(status().isGone());
  }
}
