package org.partnerlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.PortalFixtures;
import org.partnerlifecycle.partner.LifecycleStage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** After too many failed sign-ins, sign-in is refused for a while, for real and made-up usernames alike. */
@EmbeddedAppTest
class LoginThrottleTest {

  @Autowired MockMvc mvc;
  @Autowired PortalFixtures fixtures;

  /** Each test signs in from its own address, so the per-address count of other tests does not interfere. */
  private static MockHttpServletRequestBuilder login(String user, String password, String address) {
    return post("/login").param("username", user).param("password", password).with(csrf()).with(request -> {
      request.setRemoteAddr(address);
      return request;
    });
  }

  @Test
  void fiveFailuresLockTheUsernameEvenForTheRightPassword() throws Exception {
    var user = fixtures.partnerWithUser("Throttled Partner " + PortalFixtures.next(), LifecycleStage.ACTIVE);
    for (int i = 1; i <= 4; i++) {
      mvc.perform(login(user.username(), "wrong " + i, "198.51.100.1"))
          .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(login(user.username(), "wrong 5", "198.51.100.1"))
        .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
    // from another address too: the username is locked, the right password does not help
    mvc.perform(login(user.username(), user.password(), "198.51.100.2"))
        .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
    mvc.perform(get("/login").param("locked", ""))
        .andExpect(content().string(containsString("Too many failed sign-in attempts")));
  }

  @Test
  void aMadeUpUsernameIsLockedTheSameWaySoTheAnswerRevealsNothing() throws Exception {
    String nobody = "nobody" + PortalFixtures.next() + "@nowhere.example";
    for (int i = 1; i <= 4; i++) {
      mvc.perform(login(nobody, "guess " + i, "198.51.100.3")).andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(login(nobody, "guess 5", "198.51.100.3")).andExpect(redirectedUrl("/login?locked"));
    mvc.perform(login(nobody, "guess 6", "198.51.100.4")).andExpect(redirectedUrl("/login?locked"));
  }

  @Test
  void aSuccessfulSignInBeforeTheLimitStartsTheCountAgain() throws Exception {
    var user = fixtures.partnerWithUser("Forgetful Partner " + PortalFixtures.next(), LifecycleStage.ACTIVE);
    for (int i = 1; i <= 4; i++) {
      mvc.perform(login(user.username(), "wrong " + i, "198.51.100.5")).andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(login(user.username(), user.password(), "198.51.100.5")).andExpect(authenticated());
    mvc.perform(login(user.username(), "wrong again", "198.51.100.5")).andExpect(redirectedUrl("/login?error"));
    mvc.perform(login(user.username(), user.password(), "198.51.100.5")).andExpect(authenticated());
  }

  @Test
  void oneAddressTryingManyUsernamesIsLockedToo() throws Exception {
    var user = fixtures.partnerWithUser("Sprayed Partner " + PortalFixtures.next(), LifecycleStage.ACTIVE);
    for (int i = 1; i <= 30; i++) {
      mvc.perform(login("spray" + i + "-" + PortalFixtures.next() + "@nowhere.example", "guess", "198.51.100.6"));
    }
    mvc.perform(login(user.username(), user.password(), "198.51.100.6"))
        .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?locked"));
    mvc.perform(login(user.username(), user.password(), "198.51.100.7")).andExpect(authenticated());
  }

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
    void advance(Duration d) { now = now.plus(d); }
  }

  @Test
  void theLockEndsAfterFifteenMinutesAndOldFailuresFallOutOfTheWindow() {
    var clock = new MovableClock();
    var throttle = new LoginThrottle(new LoginThrottleProperties(5, 30, Duration.ofMinutes(15),
        Duration.ofMinutes(15)), clock);

    // four failures spread over more than the window never lock
    for (int i = 0; i < 4; i++) {
      assertThat(throttle.recordFailure("Ann", "203.0.113.1")).isFalse();
      clock.advance(Duration.ofMinutes(5));
    }
    assertThat(throttle.recordFailure("ann", "203.0.113.1")).isFalse();
    assertThat(throttle.isLocked("ann", "203.0.113.9")).isFalse();

    // five within the window do
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure(" ANN ", "203.0.113.1");
    }
    assertThat(throttle.isLocked("ann", "203.0.113.9")).isTrue();
    clock.advance(Duration.ofMinutes(14));
    assertThat(throttle.isLocked("ann", "203.0.113.9")).isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.isLocked("ann", "203.0.113.9")).isFalse();

    throttle.forgetStale();
    assertThat(throttle.isLocked("ann", "203.0.113.1")).isFalse();
  }
}
