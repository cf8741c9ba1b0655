package org.partnerlifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.termination.Termination;
import org.partnerlifecycle.termination.TerminationRepository;
import org.partnerlifecycle.termination.TerminationTrigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A channel manager terminates a partnership for cause from the partner's page: only managers, only with a
 * reason and an explicit confirmation, only an active (or suspended) partnership; recorded once, audited with
 * the manager as actor.
 */
@EmbeddedAppTest
class TerminateForCauseTest {

  static final Actor OPS = new Actor(ActorType.STAFF, "olivia.ops");

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired PartnerService partners;
  @Autowired TerminationRepository terminations;
  @Autowired LifecycleEventRepository events;

  String suffix;

  RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  @BeforeEach
  void suffix() {
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  private long partner(String name, LifecycleStage stage) {
    long id = partners.register(name + " " + suffix, "DE", "EMEA", Segment.RESELLER, List.of("ERP"), OPS).getId();
    partners.moveToStage(id, stage, OPS, ProcessRef.NONE, Map.of(), null);
    return id;
  }

  private org.springframework.test.web.servlet.ResultActions terminate(long partnerId, String username,
      String... params) throws Exception {
    var request = post("/console/partners/" + partnerId + "/terminate").with(as(username)).with(csrf());
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return mvc.perform(request);
  }

  @Test
  void aManagerTerminatesAnActivePartnershipForCauseWithAReasonAndConfirmation() throws Exception {
    long partnerId = partner("Fraudulent Resellers", LifecycleStage.ACTIVE);
    mvc.perform(get("/console/partners/" + partnerId).with(as("manager")))
        .andExpect(content().string(allOf(containsString("id=\"terminate-form\""),
            containsString("Terminate for cause"))));

    // a reason but no confirmation, then a confirmation but a blank reason: the page again, nothing stored
    terminate(partnerId, "manager", "reason", "Repeated fraudulent deal registrations")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("Tick the box to confirm the termination for cause"),
            containsString("Repeated fraudulent deal registrations"))));
    terminate(partnerId, "manager", "reason", "   ", "confirm", "true")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("Give the reason for the termination"),
            containsString("id=\"reason-error\""))));
    assertThat(terminations.findByPartnerId(partnerId)).isEmpty();
    assertThat(typesOf(partnerId)).doesNotContain("TERMINATION_REQUESTED");

    terminate(partnerId, "manager", "reason", "Repeated fraudulent deal registrations", "confirm", "true")
        .andExpect(redirectedUrl("/console/partners/" + partnerId + "#termination"))
        .andExpect(flash().attribute("message", containsString("Termination for cause of Fraudulent Resellers "
            + suffix + " recorded")));
    Termination recorded = terminations.findByPartnerId(partnerId).orElseThrow();
    assertThat(recorded.getTrigger()).isEqualTo(TerminationTrigger.FOR_CAUSE);
    assertThat(recorded.getReason()).isEqualTo("Repeated fraudulent deal registrations");
    assertThat(recorded.getRequestedBy()).isEqualTo("manager");
    LifecycleEvent audited = events.findFirstByPartnerIdAndEventTypeOrderByOccurredAtDescIdDesc(partnerId,
        "TERMINATION_REQUESTED").orElseThrow();
    assertThat(audited.getActorType()).isEqualTo(ActorType.STAFF);
    assertThat(audited.getActor()).isEqualTo("manager");
    assertThat(audited.getPayload()).contains("FOR_CAUSE", "Repeated fraudulent deal registrations");

    // the page shows it, and a second termination changes nothing
    mvc.perform(get("/console/partners/" + partnerId).with(as("manager")))
        .andExpect(content().string(allOf(containsString("id=\"termination-on-record\""),
            containsString("for cause"), not(containsString("id=\"terminate-form\"")))));
    terminate(partnerId, "manager", "reason", "Another reason", "confirm", "true")
        .andExpect(redirectedUrl("/console/partners/" + partnerId + "#termination"))
        .andExpect(flash().attribute("error", containsString("is already on record")));
    assertThat(terminations.findByPartnerId(partnerId).orElseThrow().getReason())
        .isEqualTo("Repeated fraudulent deal registrations");
    assertThat(typesOf(partnerId)).containsOnlyOnce("TERMINATION_REQUESTED");
  }

  @Test
  void opsAndAdminsAreRefusedAndSeeNoForm() throws Exception {
    long partnerId = partner("Protected Partner", LifecycleStage.ACTIVE);
    for (String staff : List.of("ops", "admin")) {
      terminate(partnerId, staff, "reason", "Not my call", "confirm", "true").andExpect(status().isForbidden());
      mvc.perform(get("/console/partners/" + partnerId).with(as(staff)))
          .andExpect(content().string(allOf(not(containsString("id=\"terminate-form\"")),
              containsString("Channel managers"))));
    }
    assertThat(terminations.findByPartnerId(partnerId)).isEmpty();
  }

  @Test
  void aPartnerWithoutAnActivePartnershipCannotBeTerminated() throws Exception {
    long partnerId = partner("Still Onboarding", LifecycleStage.ONBOARDING);
    mvc.perform(get("/console/partners/" + partnerId).with(as("manager")))
        .andExpect(content().string(allOf(not(containsString("id=\"terminate-form\"")),
            containsString("No active partnership to terminate: the partner is Onboarding."))));
    terminate(partnerId, "manager", "reason", "Too slow", "confirm", "true")
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("There is no active partnership to terminate: Still Onboarding "
            + suffix + " is Onboarding. Nothing was recorded.")));
    assertThat(terminations.findByPartnerId(partnerId)).isEmpty();
  }

  private List<String> typesOf(long partnerId) {
    return events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId).stream().map(LifecycleEvent::getEventType)
        .toList();
  }
}
