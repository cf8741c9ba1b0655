package org.partnerlifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.PortalFixtures;
import org.partnerlifecycle.PortalFixtures.PartnerUser;
import org.partnerlifecycle.document.DocumentKind;
import org.partnerlifecycle.document.PartnerDocument;
import org.partnerlifecycle.document.PartnerDocuments;
import org.partnerlifecycle.partner.LifecycleStage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A partner user sees only their own company: another partner's documents, pages and actions are out of reach by
 * any address that can be built, while staff may read every partner's documents.
 */
@EmbeddedAppTest
class PortalAuthorizationTest {

  @Autowired MockMvc mvc;
  @Autowired PortalFixtures fixtures;
  @Autowired PartnerDocuments documents;

  PartnerUser first;
  PartnerUser second;
  PartnerDocument firstDocument;
  String firstName;

  @BeforeEach
  void twoPartners() {
    int n = PortalFixtures.next();
    firstName = "First Confidential Ltd " + n;
    first = fixtures.partnerWithUser(firstName, LifecycleStage.ONBOARDING);
    second = fixtures.partnerWithUser("Second Curious Ltd " + n, LifecycleStage.ONBOARDING);
    firstDocument = documents.upload(first.partnerId(), DocumentKind.BANK_LETTER, "first-bank.pdf",
        new ByteArrayInputStream("%PDF-1.4 first partner's bank letter".getBytes(StandardCharsets.US_ASCII)),
        first.username());
  }

  @Test
  void theSecondPartnersUserCannotReachAnythingOfTheFirst() throws Exception {
    MockHttpSession session = fixtures.login(mvc, second.username(), second.password());
    long a = first.partnerId();
    long doc = firstDocument.getId();

    mvc.perform(get("/documents/" + doc).session(session)).andExpect(status().isNotFound());
    mvc.perform(post("/portal/profile/documents/" + doc + "/remove").session(session).with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(documents.find(doc)).isPresent();

    // the portal takes the partner from the signed-in user: a partner id in the address changes nothing
    for (String page : List.of("/portal", "/portal/brief", "/portal/agreement", "/portal/profile", "/portal/training",
        "/portal/team")) {
      mvc.perform(get(page).session(session).param("partnerId", String.valueOf(a)).param("id", String.valueOf(a)))
          .andExpect(status().isOk())
          .andExpect(content().string(allOf(not(containsString(firstName)), not(containsString("first-bank.pdf")),
              not(containsString(first.username())))));
    }
    mvc.perform(get("/portal/" + a).session(session)).andExpect(status().isNotFound());
    // staff pages about the first partner
    mvc.perform(get("/console/partners/" + a + "/documents").session(session)).andExpect(status().isForbidden());
    mvc.perform(get("/console/invitations").session(session)).andExpect(status().isForbidden());
    mvc.perform(post("/console/invitations").session(session).with(csrf()).param("partnerId", String.valueOf(a))
        .param("displayName", "Intruder").param("email", "intruder@second.example")).andExpect(status().isForbidden());
    // inviting into the first partner from the team page: the partner id is ignored, the invitee joins the second
    String invitee = "colleague" + PortalFixtures.next() + "@second.example";
    mvc.perform(post("/portal/team/invite").session(session).with(csrf()).param("partnerId", String.valueOf(a))
        .param("displayName", "Colleague").param("email", invitee)).andExpect(redirectedUrl("/portal/team"));
    assertThat(fixtures.mail(second.partnerId(), "invitation").getRecipient()).isEqualTo(invitee);
    // a user of the first partner cannot be invited into the second
    mvc.perform(post("/portal/team/invite").session(session).with(csrf())
            .param("displayName", "Taken").param("email", first.username()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("belongs to another account")));
  }

  @Test
  void theFirstPartnersOwnUsersAndStaffMayDownloadTheDocument() throws Exception {
    String colleague = fixtures.user(first.partnerId(), "colleague" + PortalFixtures.next() + "@first.example", false);
    for (String user : List.of(first.username(), colleague)) {
      mvc.perform(get("/documents/" + firstDocument.getId()).session(fixtures.login(mvc, user, first.password())))
          .andExpect(status().isOk());
    }
    for (String staff : List.of("ops", "manager", "admin")) {
      var session = fixtures.login(mvc, staff, staff + "-demo");
      mvc.perform(get("/documents/" + firstDocument.getId()).session(session)).andExpect(status().isOk());
      mvc.perform(get("/console/partners/" + first.partnerId() + "/documents").session(session))
          .andExpect(status().isOk()).andExpect(content().string(containsString("first-bank.pdf")));
    }
    mvc.perform(get("/documents/" + firstDocument.getId())).andExpect(redirectedUrl("http://localhost/login"));
  }

  @Test
  void onlyPartnerAdminsInviteColleaguesAndManagersDoNotInviteAtAll() throws Exception {
    String plainUser = fixtures.user(first.partnerId(), "plain" + PortalFixtures.next() + "@first.example", false);
    var session = fixtures.login(mvc, plainUser, first.password());
    mvc.perform(get("/portal/team").session(session))
        .andExpect(content().string(containsString("administrators can invite colleagues")));
    mvc.perform(post("/portal/team/invite").session(session).with(csrf()).param("displayName", "X")
        .param("email", "x" + PortalFixtures.next() + "@first.example")).andExpect(status().isForbidden());

    var manager = fixtures.login(mvc, "manager", "manager-demo");
    mvc.perform(get("/console/invitations").session(manager)).andExpect(status().isForbidden());
  }

  @Test
  void opsInviteAPartnerAdminFromTheConsole() throws Exception {
    var ops = fixtures.login(mvc, "ops", "ops-demo");
    mvc.perform(get("/console/invitations").session(ops))
        .andExpect(status().isOk()).andExpect(content().string(containsString(firstName)));
    mvc.perform(post("/console/invitations").session(ops).with(csrf()).param("displayName", "")
            .param("email", "not an email"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("Choose the partner"), containsString("Enter the person"),
            containsString("value=\"not an email\""))));
    String invitee = "admin" + PortalFixtures.next() + "@first.example";
    mvc.perform(post("/console/invitations").session(ops).with(csrf()).param("partnerId", String.valueOf(first.partnerId()))
            .param("displayName", "Ada Admin").param("email", invitee).param("partnerAdmin", "true"))
        .andExpect(redirectedUrl("/console/invitations"));
    var mail = fixtures.mail(first.partnerId(), "invitation");
    assertThat(mail.getRecipient()).isEqualTo(invitee);
    assertThat(mail.getBody()).contains(firstName, "Demo ops (partner team)");
    mvc.perform(get("/console/invitations").session(ops)).andExpect(content().string(containsString(invitee)));
  }
}
