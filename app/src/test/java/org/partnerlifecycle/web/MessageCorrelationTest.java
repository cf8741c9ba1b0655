package org.partnerlifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.PortalFixtures;
import org.partnerlifecycle.RepeatedDelivery;
import org.partnerlifecycle.account.PortalAccess;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.deal.CustomerIdentity;
import org.partnerlifecycle.deal.DealRegistration;
import org.partnerlifecycle.deal.DealRegistrationRepository;
import org.partnerlifecycle.onboarding.ProcessGateway.Delivery;
import org.partnerlifecycle.onboarding.ProcessGateway.UncorrelatableMessage;
import org.partnerlifecycle.onboarding.ProcessGateway;
import org.partnerlifecycle.onboarding.TestPartners;
import org.partnerlifecycle.onboarding.TrainingAssignmentRepository;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.workers.onboarding.OnboardingPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Messages to processes with keys no process waits for, malformed keys and repeated message ids: each is
 * handled with a clear outcome (never an exception the user sees as a 500) and logged, and the portal's steps
 * that send them store nothing twice.
 */
@EmbeddedAppTest
@ExtendWith(OutputCaptureExtension.class)
class MessageCorrelationTest {

  static final String MESSAGE = "partner-brief-acknowledged";

  @Autowired ProcessGateway gateway;
  @Autowired MockMvc mvc;
  @Autowired PortalFixtures fixtures;
  @Autowired PortalAccess access;
  @Autowired LifecycleEventRepository events;
  @Autowired DealRegistrationRepository deals;
  @Autowired RepeatedDelivery effects;
  @Autowired Clock clock;
  @Autowired OnboardingPort onboarding;
  @Autowired TrainingAssignmentRepository training;
  @Autowired PartnerService partnerService;

  @Test
  void aMessageForAKeyNoProcessWaitsForIsBufferedAndLoggedAsSuch(CapturedOutput output) {
    long unknownPartner = 987_654_321_000L + PortalFixtures.next();

    assertThat(gateway.publish(MESSAGE, unknownPartner, "brief-acknowledged-" + unknownPartner, Map.of()))
        .isEqualTo(Delivery.PUBLISHED);

    assertThat(output.getAll()).contains("Published " + MESSAGE + " for " + unknownPartner + " (id brief-acknowledged-"
        + unknownPartner + "); buffered for PT1H if no process waits for it yet");
  }

  @Test
  void aRepeatedMessageIdIsTakenOnceAndTheRepeatIsLogged(CapturedOutput output) {
    long partner = 987_654_322_000L + PortalFixtures.next();
    String id = "brief-acknowledged-" + partner;

    assertThat(gateway.publish(MESSAGE, partner, id, Map.of())).isEqualTo(Delivery.PUBLISHED);
    assertThat(gateway.publish(MESSAGE, partner, id, Map.of("other", "variables"))).isEqualTo(Delivery.ALREADY_PUBLISHED);

    assertThat(output.getAll()).containsOnlyOnce("Published " + MESSAGE + " for " + partner)
        .contains("Message " + MESSAGE + " for " + partner + " (id " + id + ") was published before: not correlated again");
  }

  @Test
  void malformedCorrelationKeysAndMessageIdsAreRefusedBeforeTheEngineAndLoggedSafely(CapturedOutput output) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("empty", "");
    keys.put("blank", "   ");
    keys.put("oversized", "7".repeat(100_000));
    keys.put("longer than any id", "99999999999999999999");
    keys.put("text", "partner-42");
    keys.put("negative", "-42");
    keys.put("zero", "0");
    keys.put("leading zero", "042");
    keys.put("surrounding space", " 42 ");
    keys.put("full-width digits", "\uFF14\uFF12");
    keys.put("right-to-left override", "42\u202E");
    keys.put("zero-width space", "4\u200B2");
    keys.put("NUL byte", "42\u0000");
    keys.put("a forged log line", "42\n2026-01-01 INFO forged: all good");
    keys.put("emoji", "42\uD83D\uDE80");
    keys.forEach((name, key) -> assertThatThrownBy(() -> gateway.publish(MESSAGE, key, "brief-acknowledged-42", Map.of()))
        .as(name).isInstanceOf(UncorrelatableMessage.class).hasMessageContaining("correlation key"));

    Map<String, String> messageIds = Map.of("blank message id", " ", "message id with a line break", "ack\n42",
        "oversized message id", "m".repeat(5_000));
    messageIds.forEach((name, id) -> assertThatThrownBy(() -> gateway.publish(MESSAGE, "42", id, Map.of()))
        .as(name).isInstanceOf(UncorrelatableMessage.class).hasMessageContaining("message id"));

    String log = output.getAll();
    assertThat(Pattern.compile("Refused to publish " + MESSAGE).matcher(log).results().count())
        .isEqualTo(keys.size() + messageIds.size());
    assertThat(log).doesNotContain("Published " + MESSAGE)
        .contains("Refused to publish " + MESSAGE + " for correlation key '' (id 'brief-acknowledged-42'): the correlation key is blank")
        .contains("'" + "7".repeat(40) + "'... (100000 characters)")
        .contains("'42\\u000A2026-01-01 INFO forged: all good'")
        .contains("'42\\u202E'")
        .doesNotContain("\n2026-01-01 INFO forged")
        .doesNotContain("7".repeat(41))
        .doesNotContain("m".repeat(41));
    System.out.printf("correlation: %d malformed keys and %d malformed message ids refused%n", keys.size(),
        messageIds.size());
  }

  @Test
  void acknowledgingTheBriefAgainAfterTheProcessMovedOnSaysSoAndSendsNothing(CapturedOutput output) throws Exception {
    String email = "again" + PortalFixtures.next() + "@correlation.example";
    long partnerId = fixtures.apply("Acknowledges Twice BV " + email, email, LifecycleStage.BRIEFED).getPartnerId();
    access.setPassword(PortalFixtures.token(fixtures.mail(partnerId, "brief-ready")), "a long enough passphrase");
    MockHttpSession session = fixtures.login(mvc, email, "a long enough passphrase");

    mvc.perform(post("/portal/brief/acknowledge").session(session).with(csrf()))
        .andExpect(redirectedUrl("/portal/brief")).andExpect(flash().attributeExists("success"));
    fixtures.awaitStage(partnerId, LifecycleStage.AGREEMENT);
    mvc.perform(post("/portal/brief/acknowledge").session(session).with(csrf()))
        .andExpect(redirectedUrl("/portal/brief"))
        .andExpect(flash().attribute("info", "The partner brief was already acknowledged; nothing more to do here."));

    assertThat(events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId)).map(LifecycleEvent::getEventType)
        .containsOnlyOnce("BRIEF_ACKNOWLEDGED");
    assertThat(output.getAll()).containsOnlyOnce("Published " + MESSAGE + " for " + partnerId + " ");
  }

  @Test
  void completingTrainingAgainAfterOnboardingEndedSaysSoAndSendsNothing(CapturedOutput output) throws Exception {
    var user = fixtures.partnerWithUser("Trains Twice AB " + PortalFixtures.next(), LifecycleStage.ONBOARDING);
    long partnerId = user.partnerId();
    onboarding.assignTraining(partnerId, TestPartners.job("partner-training-assign", "AssignTraining"));
    MockHttpSession session = fixtures.login(mvc, user.username(), user.password());
    var modules = training.findByPartnerIdOrderByModuleCode(partnerId);
    for (var module : modules) {
      mvc.perform(post("/portal/training/{code}/complete", module.getModuleCode()).session(session).with(csrf()))
          .andExpect(flash().attributeExists("success"));
    }
    assertThat(output.getAll()).containsOnlyOnce("Published partner-training-completed for " + partnerId + " ");

    // onboarding finished: the process waits for nothing any more
    partnerService.moveToStage(partnerId, LifecycleStage.ACTIVE, Actor.system(), ProcessRef.NONE, Map.of(), null);
    var before = effects.snapshot(partnerId);
    mvc.perform(post("/portal/training/{code}/complete", modules.get(0).getModuleCode()).session(session).with(csrf()))
        .andExpect(flash().attribute("info", modules.get(0).getModuleCode() + " was already marked complete."));

    assertThat(effects.snapshot(partnerId)).isEqualTo(before);
    assertThat(output.getAll()).containsOnlyOnce("partner-training-completed for " + partnerId + " ");
  }

  @Test
  void aDealOutcomeReportedTwiceToAProcessThatDoesNotWaitCountsTheFirstAndSaysSo(CapturedOutput output)
      throws Exception {
    var user = fixtures.partnerWithUser("Reports Twice GmbH " + PortalFixtures.next(), LifecycleStage.ACTIVE);
    MockHttpSession session = fixtures.login(mvc, user.username(), user.password());
    // approved, but its process is gone (cancelled in Operate, say) or has not reached the wait yet
    long dealId = approvedDeal(user.partnerId(), "Unwaited Customer").getId();
    var before = effects.snapshot(user.partnerId());

    mvc.perform(post("/portal/deals/{id}/outcome", dealId).param("outcome", "won").session(session).with(csrf()))
        .andExpect(redirectedUrl("/portal/deals"))
        .andExpect(flash().attribute("success", "Thank you, we recorded the deal as won."));
    mvc.perform(post("/portal/deals/{id}/outcome", dealId).param("outcome", "lost").session(session).with(csrf()))
        .andExpect(redirectedUrl("/portal/deals"))
        .andExpect(flash().attribute("info", containsString("already reported")));
    mvc.perform(post("/portal/deals/{id}/extension", dealId).session(session).with(csrf()))
        .andExpect(flash().attribute("success", "We received your request to extend the registration."));
    mvc.perform(post("/portal/deals/{id}/extension", dealId).session(session).with(csrf()))
        .andExpect(flash().attribute("info", "You already asked to extend this registration; we are handling it."));

    assertThat(effects.snapshot(user.partnerId())).as("nothing stored by the portal itself").isEqualTo(before);
    assertThat(deals.findById(dealId).orElseThrow().getStatus()).isEqualTo(DealRegistration.Status.APPROVED);
    assertThat(output.getAll())
        .containsOnlyOnce("Published deal-closed for " + dealId + " ")
        .contains("Message deal-closed for " + dealId + " (id deal-closed-" + dealId + ") was published before")
        .containsOnlyOnce("Published deal-extension-requested for " + dealId + " ")
        .contains("Message deal-extension-requested for " + dealId + " (id deal-extension-" + dealId + "-0) was published before");
  }

  @Test
  void aDealIdThatIsUnknownAnotherPartnersOrMalformedIsRefusedClearlyAndNothingIsSent(CapturedOutput output)
      throws Exception {
    var user = fixtures.partnerWithUser("Probes Ids SARL " + PortalFixtures.next(), LifecycleStage.ACTIVE);
    var other = fixtures.partnerWithUser("Owns The Deal SpA " + PortalFixtures.next(), LifecycleStage.ACTIVE);
    MockHttpSession session = fixtures.login(mvc, user.username(), user.password());
    long othersDeal = approvedDeal(other.partnerId(), "Someone Else's Customer").getId();

    for (String id : new String[] {String.valueOf(othersDeal), "9223372036854775807", "-1", "0"}) {
      for (String action : new String[] {"outcome", "extension"}) {
        mvc.perform(post("/portal/deals/" + id + "/" + action).param("outcome", "won").session(session).with(csrf()))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isConflict())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(containsString("No such deal registration of yours.")));
      }
      assertThat(output.getAll()).contains("Partner " + user.partnerId() + " asked about deal registration " + id
          + ", which is not one of theirs: refused");
    }
    for (String id : new String[] {"abc", "99999999999999999999", "%E2%80%AE12", "1%200"}) {
      int status = mvc.perform(post("/portal/deals/" + id + "/outcome").param("outcome", "won").session(session)
          .with(csrf())).andReturn().getResponse().getStatus();
      assertThat(status).as("deal id %s", id).isBetween(400, 499);
    }
    assertThat(output.getAll()).doesNotContain("Published deal-closed").doesNotContain("Published deal-extension")
        .contains("Method parameter 'dealId': Failed to convert");
    assertThat(deals.findById(othersDeal).orElseThrow().getStatus()).isEqualTo(DealRegistration.Status.APPROVED);
  }

  private DealRegistration approvedDeal(long partnerId, String customer) {
    String name = customer + " " + PortalFixtures.next();
    DealRegistration deal = new DealRegistration(partnerId, name, CustomerIdentity.of(name, null, null).nameKey(), null,
        null, "DE", "Analytics", new BigDecimal("40000"), LocalDate.now().plusMonths(2), clock.instant());
    deal.approve(clock.instant().plus(Duration.ofDays(90)));
    return deals.save(deal);
  }
}
