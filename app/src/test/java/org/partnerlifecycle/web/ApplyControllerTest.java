package org.partnerlifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.PortalFixtures;
import org.partnerlifecycle.onboarding.PartnerApplicationRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@EmbeddedAppTest
class ApplyControllerTest {

  private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

  @Autowired MockMvc mvc;
  @Autowired PartnerApplicationRepository applications;

  /** Opens the form in a fresh session and returns the one-time token it carries. */
  private String openForm(MockHttpSession session) throws Exception {
    String page = mvc.perform(get("/apply").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Apply to become a partner")))
        .andReturn().getResponse().getContentAsString();
    Matcher m = TOKEN.matcher(page);
    assertThat(m.find()).as("form token in the page").isTrue();
    return m.group(1);
  }

  private static MockHttpServletRequestBuilder validApplication(MockHttpSession session, String token, String email) {
    return post("/apply").session(session).with(csrf())
        .param("formToken", token)
        .param("legalName", "Prospect Systems " + email)
        .param("country", "de")
        .param("segment", "SYSTEM_INTEGRATOR")
        .param("regions", "DACH\nBenelux")
        .param("domainExpertise", "Cloud migration, Data platforms")
        .param("customerBase", "150")
        .param("certificationsHeld", "4")
        .param("expectedAnnualRevenue", "1500000")
        .param("motivation", "We want to lead with your product.")
        .param("contactName", "Pat Prospect")
        .param("contactEmail", email);
  }

  private long applicationsFrom(String email) {
    return applications.findAll().stream().filter(a -> a.getContactEmail().equals(email)).count();
  }

  @Test
  void anonymousVisitorsMayOpenTheForm() throws Exception {
    mvc.perform(get("/apply"))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("for=\"legalName\""), containsString("id=\"legalName\""),
            containsString("System integrator"), containsString("name=\"formToken\""))));
  }

  @Test
  void invalidInputIsShownNextToTheFieldsAndEverythingTypedIsKept() throws Exception {
    var session = new MockHttpSession();
    String token = openForm(session);
    mvc.perform(post("/apply").session(session).with(csrf())
            .param("formToken", token)
            .param("legalName", "Half Filled GmbH")
            .param("country", "Germany")
            .param("segment", "")
            .param("regions", "DACH, Nordics")
            .param("customerBase", "many")
            .param("certificationsHeld", "-1")
            .param("expectedAnnualRevenue", "1,5 Mio")
            .param("motivation", "Because <b>we</b> can")
            .param("contactName", "Pat")
            .param("contactEmail", "not-an-email"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(
            containsString("Use the two-letter country code, e.g. DE"),
            containsString("Choose a segment"),
            containsString("Enter a whole number, e.g. 150"),
            containsString("Cannot be negative"),
            containsString("Enter an amount in digits without separators"),
            containsString("Enter a valid email address"),
            // typed values come back, escaped
            containsString("value=\"Half Filled GmbH\""), containsString("value=\"Germany\""),
            containsString("value=\"many\""), containsString("value=\"1,5 Mio\""),
            containsString("DACH, Nordics"), containsString("Because &lt;b&gt;we&lt;/b&gt; can"),
            containsString("value=\"not-an-email\""),
            containsString("aria-invalid=\"true\""), containsString("href=\"#country\""))));
    assertThat(applications.findAll()).noneMatch(a -> a.getContactEmail().equals("not-an-email"));
  }

  @Test
  void aDoubleSubmitCreatesOnePartnerAndTheSecondLandsOnTheConfirmation() throws Exception {
    var session = new MockHttpSession();
    String token = openForm(session);
    String email = "double" + PortalFixtures.next() + "@prospect.example";

    mvc.perform(validApplication(session, token, email)).andExpect(redirectedUrl("/apply/submitted"));
    mvc.perform(validApplication(session, token, email))
        .andExpect(redirectedUrl("/apply/submitted"))
        .andExpect(flash().attribute("alreadySubmitted", true));

    assertThat(applicationsFrom(email)).isEqualTo(1);
    mvc.perform(get("/apply/submitted").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("we received your application"), containsString(email),
            containsString("Prospect Systems " + email))));
  }

  @Test
  void aFormFromAnExpiredSessionIsShownAgainWithItsEntriesAndCreatesNothing() throws Exception {
    String email = "expired" + PortalFixtures.next() + "@prospect.example";
    mvc.perform(validApplication(new MockHttpSession(), "token-from-a-session-that-is-gone", email))
        .andExpect(status().isConflict())
        .andExpect(content().string(allOf(containsString("This form had expired"),
            containsString("value=\"" + email + "\""), not(containsString("token-from-a-session-that-is-gone")))));
    assertThat(applicationsFrom(email)).isZero();
  }

  @Test
  void theConfirmationPageWithoutAnApplicationGoesBackToTheForm() throws Exception {
    mvc.perform(get("/apply/submitted")).andExpect(redirectedUrl("/apply"));
  }

  @Test
  void anApplicationWithoutTheCsrfTokenIsRefused() throws Exception {
    var session = new MockHttpSession();
    String token = openForm(session);
    String email = "nocsrf" + PortalFixtures.next() + "@prospect.example";
    mvc.perform(post("/apply").session(session).param("formToken", token).param("contactEmail", email))
        .andExpect(status().isForbidden());
    assertThat(applicationsFrom(email)).isZero();
  }
}
