package org.partnerlifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.PortalFixtures;
import org.partnerlifecycle.account.PortalAccess;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.document.PartnerDocumentRepository;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.AgreementSignature;
import org.partnerlifecycle.onboarding.AgreementSignatureRepository;
import org.partnerlifecycle.onboarding.TrainingAssignmentRepository;
import org.partnerlifecycle.partner.LifecycleStage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The partner's steps through the portal pages on the real process: mistakes are shown next to the fields
 * with what was typed, steps out of order are refused with a 4xx message, and a repeated submit stores nothing
 * and says the step is already done.
 */
@EmbeddedAppTest
class PortalStepsTest {

  static final String PASSWORD = "a long enough passphrase";
  static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired MockMvc mvc;
  @Autowired PortalFixtures fixtures;
  @Autowired PortalAccess access;
  @Autowired AgreementRepository agreements;
  @Autowired AgreementSignatureRepository signatures;
  @Autowired PartnerDocumentRepository documents;
  @Autowired TrainingAssignmentRepository training;
  @Autowired LifecycleEventRepository events;

  private long count(long partnerId, String eventType) {
    return events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId).stream()
        .map(LifecycleEvent::getEventType).filter(eventType::equals).count();
  }

  private MockHttpSession contactSignsIn(long partnerId, String email) throws Exception {
    access.setPassword(PortalFixtures.token(fixtures.mail(partnerId, "brief-ready")), PASSWORD);
    return fixtures.login(mvc, email, PASSWORD);
  }

  @Test
  void aPartnerDoesEveryOnboardingStepInThePortal() throws Exception {
    String email = "steps" + PortalFixtures.next() + "@steps.example";
    var application = fixtures.apply("Steps Partner GmbH " + email, email, LifecycleStage.BRIEFED);
    long partnerId = application.getPartnerId();
    long instance = application.getProcessInstanceKey();
    MockHttpSession session = contactSignsIn(partnerId, email);

    // home: the brief is the open step, with its due date
    mvc.perform(get("/portal").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Acknowledge the partner brief"), containsString("Due by"),
            containsString("Stage: Partner brief"), containsString("Application received"))));

    // brief: profile is not open yet -> a 409 message, not a 500
    mvc.perform(post("/portal/profile").session(session).with(csrf()).param("registeredAddress", "Somewhere 1")
            .param("taxId", "DE123456789").param("bankAccountHolder", "Steps").param("iban", "DE89370400440532013000"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("The company profile is submitted during onboarding.")));
    mvc.perform(get("/portal/brief").session(session))
        .andExpect(status().isOk()).andExpect(content().string(containsString("Why do business together")));
    mvc.perform(post("/portal/brief/acknowledge").session(session).with(csrf()))
        .andExpect(redirectedUrl("/portal/brief")).andExpect(flash().attributeExists("success"));
    mvc.perform(post("/portal/brief/acknowledge").session(session).with(csrf()))
        .andExpect(redirectedUrl("/portal/brief")).andExpect(flash().attributeExists("info"));
    assertThat(count(partnerId, "BRIEF_ACKNOWLEDGED")).isEqualTo(1);

    // agreement: mistakes first, then a signature, then the back button
    fixtures.awaitStage(partnerId, LifecycleStage.AGREEMENT);
    var agreement = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
    mvc.perform(get("/portal/agreement").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString(agreement.getDocumentSha256()),
            containsString("CHANNEL PARTNER AGREEMENT, revision 1"), containsString("name=\"documentSha256\""))));
    mvc.perform(post("/portal/agreement/sign").session(session).with(csrf()).param("fullName", " ")
            .param("documentSha256", agreement.getDocumentSha256()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("Type your full name to sign"),
            containsString("Tick the box to agree to sign electronically"))));
    mvc.perform(post("/portal/agreement/sign").session(session).with(csrf()).param("fullName", "Nora <Jones>")
            .param("documentSha256", agreement.getDocumentSha256()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("value=\"Nora &lt;Jones&gt;\""),
            containsString("Tick the box"))));
    mvc.perform(post("/portal/agreement/sign").session(session).with(csrf()).param("fullName", "Nora Jones")
            .param("consent", "true").param("documentSha256", "0".repeat(64)))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("The agreement has changed since you opened it")));
    assertThat(signatures.findByAgreementIdAndParty(agreement.getId(), AgreementSignature.Party.PARTNER)).isEmpty();
    mvc.perform(post("/portal/agreement/sign").session(session).with(csrf()).param("fullName", "Nora Jones")
            .param("consent", "true").param("documentSha256", agreement.getDocumentSha256())
            .with(request -> { request.setRemoteAddr("198.51.100.77"); return request; }))
        .andExpect(redirectedUrl("/portal/agreement")).andExpect(flash().attributeExists("success"));
    mvc.perform(post("/portal/agreement/sign").session(session).with(csrf()).param("fullName", "Nora Jones")
            .param("consent", "true").param("documentSha256", agreement.getDocumentSha256()))
        .andExpect(redirectedUrl("/portal/agreement")).andExpect(flash().attributeExists("info"));
    var signature = signatures.findByAgreementIdAndParty(agreement.getId(), AgreementSignature.Party.PARTNER)
        .orElseThrow();
    assertThat(signature.getClientAddress()).isEqualTo("198.51.100.77");
    assertThat(signature.getDocumentSha256()).isEqualTo(agreement.getDocumentSha256());
    assertThat(signature.getSignerUsername()).isEqualTo(email);
    assertThat(count(partnerId, "AGREEMENT_SIGNED")).isEqualTo(1);
    fixtures.completeTask(instance, "CountersignAgreement", Map.of("countersignDecision", "approve"));

    // profile and documents
    fixtures.awaitStage(partnerId, LifecycleStage.ONBOARDING);
    mvc.perform(post("/portal/profile").session(session).with(csrf())
            .param("registeredAddress", "Hafenstrasse 1, Hamburg").param("taxId", "DE123456789")
            .param("bankAccountHolder", "Steps Partner GmbH").param("iban", "DE89 3704 0044 0532 0130 00"))
        .andExpect(status().isConflict())
        .andExpect(content().string(allOf(containsString("Upload at least one document"),
            containsString("Hafenstrasse 1, Hamburg"))));
    mvc.perform(multipart("/portal/profile/documents").file(new MockMultipartFile("file", "notes.pdf", "application/pdf",
            "just text pretending".getBytes(StandardCharsets.UTF_8))).param("kind", "TAX_CERTIFICATE")
            .session(session).with(csrf()))
        .andExpect(redirectedUrl("/portal/profile"))
        .andExpect(flash().attribute("error", containsString("Upload a PDF, PNG or JPEG file")));
    mvc.perform(multipart("/portal/profile/documents").file(new MockMultipartFile("file", "invoice.exe", "application/pdf", PDF))
            .param("kind", "TAX_CERTIFICATE").session(session).with(csrf()))
        .andExpect(flash().attribute("error", containsString("Rename it to end in .pdf")));
    mvc.perform(multipart("/portal/profile/documents").file(new MockMultipartFile("file", "huge.pdf", "application/pdf",
            largerThanTenMegabytes())).param("kind", "BANK_LETTER").session(session).with(csrf()))
        .andExpect(flash().attribute("error", containsString("larger than 10 MB")));
    assertThat(documents.findByPartnerIdOrderByUploadedAtAscIdAsc(partnerId)).isEmpty();
    mvc.perform(multipart("/portal/profile/documents").file(new MockMultipartFile("file", "../../tax \"certificate\".pdf",
            "text/plain", PDF)).param("kind", "TAX_CERTIFICATE").session(session).with(csrf()))
        .andExpect(redirectedUrl("/portal/profile")).andExpect(flash().attributeExists("success"));
    var uploaded = documents.findByPartnerIdOrderByUploadedAtAscIdAsc(partnerId);
    assertThat(uploaded).singleElement().satisfies(d -> {
      assertThat(d.getFileName()).isEqualTo("tax certificate.pdf");
      assertThat(d.getContentType()).isEqualTo("application/pdf");
      assertThat(d.getSizeBytes()).isEqualTo(PDF.length);
    });
    mvc.perform(get("/documents/" + uploaded.get(0).getId()).session(session))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "application/pdf"))
        .andExpect(header().string("Content-Disposition", containsString("attachment")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(content().bytes(PDF));

    mvc.perform(post("/portal/profile").session(session).with(csrf())
            .param("registeredAddress", "Hafenstrasse 1, Hamburg").param("taxId", "DE 123/456 789")
            .param("bankAccountHolder", "Steps Partner GmbH").param("iban", "GB12 not an iban")
            .param("website", "brightline.example").param("employees", "forty"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("Enter a valid IBAN"),
            containsString("Enter a web address starting with http"), containsString("Enter a whole number"),
            containsString("value=\"GB12 not an iban\""), containsString("value=\"forty\""))));
    assertThat(count(partnerId, "PROFILE_SUBMITTED")).isZero();
    for (int submit = 0; submit < 2; submit++) {
      mvc.perform(post("/portal/profile").session(session).with(csrf())
              .param("registeredAddress", "Hafenstrasse 1, Hamburg").param("taxId", "DE123456789")
              .param("bankAccountHolder", "Steps Partner GmbH").param("iban", "DE89 3704 0044 0532 0130 00")
              .param("website", "https://steps.example").param("employees", "40"))
          .andExpect(redirectedUrl("/portal/profile"))
          .andExpect(flash().attributeExists(submit == 0 ? "success" : "info"));
    }
    assertThat(count(partnerId, "PROFILE_SUBMITTED")).isEqualTo(1);
    assertThat(documents.findByPartnerIdOrderByUploadedAtAscIdAsc(partnerId)).allMatch(d -> d.isSubmitted());
    // a submitted document is evidence: it cannot be removed
    mvc.perform(post("/portal/profile/documents/" + uploaded.get(0).getId() + "/remove").session(session).with(csrf()))
        .andExpect(flash().attribute("error", containsString("kept as evidence")));
    fixtures.completeTask(instance, "VerifyDocuments", Map.of("documentsDecision", "approve", "documentsComment", ""));
    fixtures.completeTask(instance, "ScheduleKickoff", Map.of("kickoffAt", "2026-12-03T10:00:00Z", "kickoffNotes", ""));

    // training: every module once, a second click is harmless, a made-up module is not found
    var modules = org.partnerlifecycle.engine.EngineRecords.await(() -> java.util.Optional.of(
        training.findByPartnerIdOrderByModuleCode(partnerId)).filter(m -> !m.isEmpty()), PortalFixtures.WAIT, "training");
    mvc.perform(get("/portal/training").session(session))
        .andExpect(content().string(containsString("0 of " + modules.size() + " modules completed")));
    for (var module : modules) {
      mvc.perform(post("/portal/training/" + module.getModuleCode() + "/complete").session(session).with(csrf()))
          .andExpect(flash().attributeExists("success"));
    }
    mvc.perform(post("/portal/training/" + modules.get(0).getModuleCode() + "/complete").session(session).with(csrf()))
        .andExpect(flash().attributeExists("info"));
    mvc.perform(post("/portal/training/NOPE-999/complete").session(session).with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(count(partnerId, "TRAINING_MODULE_COMPLETED")).isEqualTo(modules.size());

    fixtures.awaitStage(partnerId, LifecycleStage.ACTIVE);
    mvc.perform(get("/portal").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Stage: <strong data-test=\"stage\">Active</strong>"),
            containsString("Agreement revision 1 signed"), containsString("Training module"),
            not(containsString("ONBOARDING_ESCALATED")))));
  }

  @Test
  void stepsThatAreNotOpenAreRefusedWithAMessage() throws Exception {
    var user = fixtures.partnerWithUser("Early Partner " + PortalFixtures.next(), LifecycleStage.APPLIED);
    var session = fixtures.login(mvc, user.username(), user.password());
    mvc.perform(post("/portal/brief/acknowledge").session(session).with(csrf()))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("There is no partner brief to acknowledge yet.")));
    mvc.perform(post("/portal/agreement/sign").session(session).with(csrf()).param("fullName", "A").param("consent", "true")
            .param("documentSha256", "a".repeat(64)))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("There is no agreement to sign yet.")));
    mvc.perform(multipart("/portal/profile/documents").file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
            .param("kind", "OTHER").session(session).with(csrf()))
        .andExpect(flash().attribute("error", containsString("while your company profile is open")));
    for (String page : new String[] {"/portal", "/portal/brief", "/portal/agreement", "/portal/profile",
        "/portal/training", "/portal/team"}) {
      mvc.perform(get(page).session(session)).andExpect(status().isOk());
    }
  }

  private static byte[] largerThanTenMegabytes() {
    byte[] bytes = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, bytes, 0, PDF.length);
    return bytes;
  }
}
