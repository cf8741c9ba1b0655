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

import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.PortalFixtures;
import org.partnerlifecycle.PortalFixtures.PartnerUser;
import org.partnerlifecycle.certification.Certification;
import org.partnerlifecycle.certification.CertificationLevel;
import org.partnerlifecycle.certification.CertificationRepository;
import org.partnerlifecycle.deal.CustomerContract;
import org.partnerlifecycle.deal.DealRegistration;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.onboarding.Agreement;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.AgreementService;
import org.partnerlifecycle.onboarding.AgreementSignature;
import org.partnerlifecycle.onboarding.AgreementSignatureRepository;
import org.partnerlifecycle.termination.Termination;
import org.partnerlifecycle.termination.TerminationRepository;
import org.partnerlifecycle.termination.TerminationTrigger;
import org.partnerlifecycle.planning.BusinessPlan;
import org.partnerlifecycle.planning.BusinessPlanRepository;
import org.partnerlifecycle.planning.PlanningService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The portal pages of the later partner steps (certifications, business plan, renewal, termination): each
 * renders for the partner, shows mistakes next to the fields without storing anything, stores a valid entry,
 * and never shows one company's data to another company's user.
 */
@EmbeddedAppTest
class PortalLaterStepsTest {

  @Autowired MockMvc mvc;
  @Autowired PortalFixtures fixtures;
  @Autowired CertificationRepository certifications;
  @Autowired BusinessPlanRepository plans;
  @Autowired PlanningService planning;
  @Autowired PlatformTransactionManager transactions;
  @Autowired AgreementService agreementService;
  @Autowired TerminationRepository terminations;
  @Autowired org.partnerlifecycle.deal.DealRegistrationRepository deals;
  @Autowired AgreementRepository agreements;
  @Autowired AgreementSignatureRepository signatures;
  @Autowired org.partnerlifecycle.deal.CustomerContractRepository contracts;
  @Autowired org.partnerlifecycle.deal.DealRenewalService renewals;
  @Autowired org.partnerlifecycle.audit.LifecycleEventRepository events;
  @Autowired java.time.Clock clock;

  private MockHttpSession signIn(PartnerUser p) throws Exception {
    return fixtures.login(mvc, p.username(), p.password());
  }

  @Test
  void certifications() throws Exception {
    int n = PortalFixtures.next();
    PartnerUser a = fixtures.partnerWithUser("Cert A Ltd " + n, LifecycleStage.ONBOARDING);
    PartnerUser b = fixtures.partnerWithUser("Cert B Ltd " + n, LifecycleStage.ONBOARDING);
    MockHttpSession session = signIn(a);

    mvc.perform(get("/portal/certifications").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("No certifications submitted yet"),
            containsString("Solution Architect"), containsString("href=\"/portal/certifications\""))));

    // invalid: errors next to the fields, what was typed kept, nothing stored
    mvc.perform(post("/portal/certifications").session(session).with(csrf()).param("personName", "Ada Lovelace")
            .param("personEmail", "not-an-email").param("level", "GRAND_MASTER").param("evidence", " "))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("Enter a valid email address"),
            containsString("Choose one of the certification levels"),
            containsString("Describe the evidence"), containsString("value=\"Ada Lovelace\""),
            containsString("value=\"not-an-email\""))));
    assertThat(certifications.findByPartnerIdOrderBySubmittedAtDesc(a.partnerId())).isEmpty();

    mvc.perform(post("/portal/certifications").session(session).with(csrf()).param("personName", "Ada Lovelace")
            .param("personEmail", "Ada@Cert.example").param("level", "SOLUTION_ARCHITECT")
            .param("evidence", "Exam 4711").param("renewsCertificationId", ""))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/certifications"));
    var stored = certifications.findByPartnerIdOrderBySubmittedAtDesc(a.partnerId());
    assertThat(stored).singleElement().satisfies(c -> {
      assertThat(c.getPersonEmail()).isEqualTo("ada@cert.example");
      assertThat(c.getLevel()).isEqualTo(CertificationLevel.SOLUTION_ARCHITECT);
      assertThat(c.getStatus()).isEqualTo(Certification.Status.SUBMITTED);
      assertThat(c.getSubmittedBy()).isEqualTo(a.username());
    });
    mvc.perform(get("/portal/certifications").session(session))
        .andExpect(content().string(allOf(containsString("Ada Lovelace"), containsString("Being verified"))));

    // renewing another company's (or a not yet verified) certification is refused with a message
    mvc.perform(post("/portal/certifications").session(signIn(b)).with(csrf()).param("personName", "Bob")
            .param("personEmail", "bob@b.example").param("level", "SALES_ASSOCIATE").param("evidence", "X1")
            .param("renewsCertificationId", String.valueOf(stored.get(0).getId())))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("That certification is not one of yours.")));
    assertThat(certifications.findByPartnerIdOrderBySubmittedAtDesc(b.partnerId())).isEmpty();

    // the other company sees none of it
    mvc.perform(get("/portal/certifications").session(signIn(b)))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("No certifications submitted yet"),
            not(containsString("Ada Lovelace")))));

    // outside onboarding and the active partnership: a message, nothing stored
    PartnerUser applied = fixtures.partnerWithUser("Cert C Ltd " + n, LifecycleStage.APPLIED);
    mvc.perform(post("/portal/certifications").session(signIn(applied)).with(csrf()).param("personName", "Cy")
            .param("personEmail", "cy@c.example").param("level", "SALES_ASSOCIATE").param("evidence", "X2"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("Certifications can be submitted during onboarding")));
    assertThat(certifications.findByPartnerIdOrderBySubmittedAtDesc(applied.partnerId())).isEmpty();
  }

  @Test
  void businessPlan() throws Exception {
    int n = PortalFixtures.next();
    PartnerUser a = fixtures.partnerWithUser("Plan A Ltd " + n, LifecycleStage.ACTIVE);
    PartnerUser b = fixtures.partnerWithUser("Plan B Ltd " + n, LifecycleStage.ACTIVE);
    var tx = new TransactionTemplate(transactions);
    BusinessPlan requested = tx.execute(s -> planning.requestPlan(a.partnerId(), "portal-plan-test-" + n));
    MockHttpSession session = signIn(a);
    MockHttpSession other = signIn(b);

    mvc.perform(get("/portal/plan").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Waiting for your draft"),
            containsString("Targets for <span>" + requested.getPlanYear() + "</span>"), containsString("href=\"/portal/plan\""))));
    mvc.perform(get("/portal/plan").session(other))
        .andExpect(status().isOk()).andExpect(content().string(containsString("There is no business plan to draft yet")));

    // invalid: every mistake next to its field, input kept, nothing stored
    mvc.perform(post("/portal/plan").session(session).with(csrf()).param("revenueTarget", "lots")
            .param("shareOfSalesTarget", "120").param("productLines", "").param("newCustomersTarget", "12")
            .param("certifiedStaffTarget", "-1").param("marketingActivitiesTarget", ""))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("Enter the amount as a number"), containsString("At most 100%"),
            containsString("Name the lines of business"), containsString("Enter the number of joint marketing activities"),
            containsString("value=\"lots\""), containsString("value=\"120\""))));
    assertThat(plans.findById(requested.getId()).orElseThrow().getStatus()).isEqualTo(BusinessPlan.Status.REQUESTED);

    // the other company has no plan open: refused with a message, A's plan untouched
    mvc.perform(post("/portal/plan").session(other).with(csrf()).param("revenueTarget", "1").param("shareOfSalesTarget", "1")
            .param("productLines", "X").param("newCustomersTarget", "1").param("certifiedStaffTarget", "1")
            .param("marketingActivitiesTarget", "1"))
        .andExpect(status().isConflict()).andExpect(content().string(containsString("There is no business plan open")));
    assertThat(plans.findFirstByPartnerIdOrderByPlanYearDesc(b.partnerId())).isEmpty();

    mvc.perform(post("/portal/plan").session(session).with(csrf()).param("revenueTarget", "250000")
            .param("shareOfSalesTarget", "35").param("productLines", "ERP, Analytics").param("newCustomersTarget", "12")
            .param("certifiedStaffTarget", "4").param("marketingActivitiesTarget", "3"))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/plan"));
    BusinessPlan submitted = plans.findById(requested.getId()).orElseThrow();
    assertThat(submitted.getStatus()).isEqualTo(BusinessPlan.Status.SUBMITTED);
    assertThat(submitted.getRevenueTarget()).isEqualByComparingTo("250000");
    assertThat(submitted.getShareOfSalesTarget()).isEqualTo(35);
    assertThat(submitted.getSubmittedBy()).isEqualTo(a.username());
    mvc.perform(get("/portal/plan").session(other))
        .andExpect(content().string(not(containsString("ERP, Analytics"))));

    // approved: shown read-only, no form
    tx.execute(s -> planning.lock(a.partnerId(), "Agreed in the review"));
    mvc.perform(get("/portal/plan").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Approved and locked"), containsString("ERP, Analytics"),
            containsString("250,000"), containsString("Agreed in the review"), not(containsString("Submit the plan")))));
  }

  @Test
  void renewalSignature() throws Exception {
    int n = PortalFixtures.next();
    PartnerUser a = fixtures.partnerWithUser("Renewal A Ltd " + n, LifecycleStage.ACTIVE);
    PartnerUser b = fixtures.partnerWithUser("Renewal B Ltd " + n, LifecycleStage.ACTIVE);
    var tx = new TransactionTemplate(transactions);
    MockHttpSession session = signIn(a);
    MockHttpSession other = signIn(b);

    // no renewal yet: nothing to sign, and signing is refused
    mvc.perform(get("/portal/renewal").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("There is no renewal to sign"), containsString("href=\"/portal/renewal\""))));
    mvc.perform(post("/portal/renewal/sign").session(session).with(csrf()).param("fullName", "Nora Jones")
            .param("consent", "true").param("documentSha256", "0".repeat(64)))
        .andExpect(status().isConflict());

    Agreement renewal = tx.execute(s -> agreementService.newRevision(a.partnerId(), Agreement.Kind.RENEWAL, null,
        "portal-renewal-test-" + n));
    mvc.perform(get("/portal/renewal").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString(renewal.getDocumentSha256()), containsString("Renewal A Ltd " + n),
            containsString("Sign revision <span>" + renewal.getRevision() + "</span> electronically"))));
    // the other company sees none of it
    mvc.perform(get("/portal/renewal").session(other))
        .andExpect(content().string(allOf(containsString("There is no renewal to sign"),
            not(containsString(renewal.getDocumentSha256())))));

    // invalid: errors next to the fields, the name kept, nothing signed
    mvc.perform(post("/portal/renewal/sign").session(session).with(csrf()).param("fullName", "Nora Jones")
            .param("documentSha256", renewal.getDocumentSha256()))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("Tick the box to agree to sign electronically"),
            containsString("value=\"Nora Jones\""))));
    // a stale hash: refused, nothing signed
    mvc.perform(post("/portal/renewal/sign").session(session).with(csrf()).param("fullName", "Nora Jones")
            .param("consent", "true").param("documentSha256", "a".repeat(64)))
        .andExpect(status().isConflict()).andExpect(content().string(containsString("The agreement has changed")));
    assertThat(signatures.findByAgreementIdAndParty(renewal.getId(), AgreementSignature.Party.PARTNER)).isEmpty();

    mvc.perform(post("/portal/renewal/sign").session(session).with(csrf()).param("fullName", "Nora Jones")
            .param("consent", "true").param("documentSha256", renewal.getDocumentSha256()))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/renewal"));
    assertThat(signatures.findByAgreementIdAndParty(renewal.getId(), AgreementSignature.Party.PARTNER))
        .hasValueSatisfying(sig -> {
          assertThat(sig.getSignerName()).isEqualTo("Nora Jones");
          assertThat(sig.getSignerUsername()).isEqualTo(a.username());
          assertThat(sig.getDocumentSha256()).isEqualTo(renewal.getDocumentSha256());
        });
    assertThat(agreements.findById(renewal.getId()).orElseThrow().getStatus())
        .isEqualTo(Agreement.Status.AWAITING_COUNTERSIGNATURE);
    mvc.perform(get("/portal/renewal").session(session))
        .andExpect(content().string(allOf(containsString("You signed the renewal"), not(containsString("Sign revision")))));
  }

  @Test
  void terminationRequest() throws Exception {
    int n = PortalFixtures.next();
    PartnerUser a = fixtures.partnerWithUser("Ending A Ltd " + n, LifecycleStage.ACTIVE);
    PartnerUser b = fixtures.partnerWithUser("Ending B Ltd " + n, LifecycleStage.ACTIVE);
    MockHttpSession session = signIn(a);
    String colleague = fixtures.user(a.partnerId(), "colleague" + n + "@ending.example", false);
    MockHttpSession notAdmin = fixtures.login(mvc, colleague, a.password());

    mvc.perform(get("/portal/termination").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Request the termination"), containsString("href=\"/portal/termination\""))));
    // a user who is not a partner admin sees no form and may not post one
    mvc.perform(get("/portal/termination").session(notAdmin))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Only your company's portal administrators"),
            not(containsString("name=\"reason\"")))));
    mvc.perform(post("/portal/termination").session(notAdmin).with(csrf()).param("reason", "We stop").param("confirm", "true"))
        .andExpect(status().isForbidden());
    assertThat(terminations.findByPartnerId(a.partnerId())).isEmpty();

    // invalid: the reason kept, the missing confirmation next to its box, nothing stored
    mvc.perform(post("/portal/termination").session(session).with(csrf()).param("reason", "Changing our focus"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("Tick the box to confirm"), containsString("Changing our focus"))));
    mvc.perform(post("/portal/termination").session(session).with(csrf()).param("reason", " ").param("confirm", "true"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(containsString("Tell us why you want to end the partnership")));
    assertThat(terminations.findByPartnerId(a.partnerId())).isEmpty();

    mvc.perform(post("/portal/termination").session(session).with(csrf()).param("reason", "Changing our focus")
            .param("confirm", "true"))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/termination"));
    Termination stored = terminations.findByPartnerId(a.partnerId()).orElseThrow();
    assertThat(stored.getTrigger()).isEqualTo(TerminationTrigger.PARTNER_REQUEST);
    assertThat(stored.getReason()).isEqualTo("Changing our focus");
    assertThat(stored.getRequestedBy()).isEqualTo(a.username());
    mvc.perform(get("/portal/termination").session(session))
        .andExpect(content().string(allOf(containsString("Termination in progress"), containsString("Changing our focus"),
            not(containsString("name=\"reason\"")))));
    // a second request stores nothing more
    mvc.perform(post("/portal/termination").session(session).with(csrf()).param("reason", "Again").param("confirm", "true"))
        .andExpect(status().is3xxRedirection());
    assertThat(terminations.findByPartnerId(a.partnerId()).orElseThrow().getReason()).isEqualTo("Changing our focus");

    // the other company sees none of it
    mvc.perform(get("/portal/termination").session(signIn(b)))
        .andExpect(content().string(allOf(not(containsString("Changing our focus")), containsString("Request the termination"))));
    assertThat(terminations.findByPartnerId(b.partnerId())).isEmpty();

    // not an active partnership: refused with a message next to the form
    PartnerUser onboarding = fixtures.partnerWithUser("Ending C Ltd " + n, LifecycleStage.ONBOARDING);
    mvc.perform(post("/portal/termination").session(signIn(onboarding)).with(csrf()).param("reason", "No")
            .param("confirm", "true"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("Only an active or suspended partnership can be terminated")));
    assertThat(terminations.findByPartnerId(onboarding.partnerId())).isEmpty();
  }

  @Test
  void dealRegistrations() throws Exception {
    int n = PortalFixtures.next();
    PartnerUser a = fixtures.partnerWithUser("Deals A Ltd " + n, LifecycleStage.ACTIVE);
    PartnerUser b = fixtures.partnerWithUser("Deals B Ltd " + n, LifecycleStage.ACTIVE);
    MockHttpSession session = signIn(a);
    MockHttpSession other = signIn(b);

    mvc.perform(get("/portal/deals").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("No deals registered yet"), containsString("href=\"/portal/deals\""))));

    mvc.perform(post("/portal/deals").session(session).with(csrf()).param("customerName", "Acme " + n)
            .param("country", "France").param("productLines", "ERP").param("estimatedValue", "a lot")
            .param("expectedClose", "2001-01-01"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().string(allOf(containsString("Use the two-letter country code"),
            containsString("Enter the value as a number"), containsString("The expected close date must be in the future"),
            containsString("value=\"Acme " + n + "\""), containsString("value=\"a lot\""))));
    assertThat(deals.findByPartnerIdOrderByRegisteredAtDesc(a.partnerId())).isEmpty();

    String close = java.time.LocalDate.now().plusMonths(3).toString();
    mvc.perform(post("/portal/deals").session(session).with(csrf()).param("customerName", "Acme " + n)
            .param("customerDomain", "acme" + n + ".example").param("country", "fr").param("productLines", "ERP")
            .param("estimatedValue", "50000").param("expectedClose", close).param("evidence", "Met the CIO"))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/deals"));
    var stored = deals.findByPartnerIdOrderByRegisteredAtDesc(a.partnerId());
    assertThat(stored).singleElement().satisfies(d -> {
      assertThat(d.getCustomerName()).isEqualTo("Acme " + n);
      assertThat(d.getCountry()).isEqualTo("FR");
      assertThat(d.getRegisteredBy()).isEqualTo(a.username());
    });
    mvc.perform(get("/portal/deals").session(session)).andExpect(content().string(containsString("Acme " + n)));

    // the other company neither sees nor acts on it
    mvc.perform(get("/portal/deals").session(other))
        .andExpect(content().string(allOf(containsString("No deals registered yet"), not(containsString("Acme " + n)))));
    long dealId = stored.get(0).getId();
    mvc.perform(post("/portal/deals/" + dealId + "/outcome").session(other).with(csrf()).param("outcome", "won"))
        .andExpect(status().isConflict()).andExpect(content().string(containsString("No such deal registration of yours")));
    mvc.perform(post("/portal/deals/" + dealId + "/extension").session(other).with(csrf()))
        .andExpect(status().isConflict());
    mvc.perform(post("/portal/deals/" + dealId + "/outcome").session(session).with(csrf()).param("outcome", "maybe"))
        .andExpect(status().isConflict()).andExpect(content().string(containsString("Report the deal as won or lost")));
  }

  @Test
  void renewalOffersAreAnsweredByTheIncumbentOnly() throws Exception {
    int n = PortalFixtures.next();
    PartnerUser incumbent = fixtures.partnerWithUser("Incumbent Ltd " + n, LifecycleStage.ACTIVE);
    PartnerUser other = fixtures.partnerWithUser("Bystander Ltd " + n, LifecycleStage.ACTIVE);
    java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    var renewing = contracts.save(new CustomerContract("Renewing Customer " + n, null, null, "DE", "Analytics",
        new java.math.BigDecimal("80000"), incumbent.partnerId(), today.plusDays(100)));
    var leaving = contracts.save(new CustomerContract("Leaving Customer " + n, null, null, "DE", "Analytics",
        new java.math.BigDecimal("60000"), incumbent.partnerId(), today.plusDays(101)));
    renewals.offerDueRenewals();
    DealRegistration offer = awaitDeal(renewing.getId(), DealRegistration.Status.OFFERED);
    DealRegistration declined = awaitDeal(leaving.getId(), DealRegistration.Status.OFFERED);
    MockHttpSession session = signIn(incumbent);
    MockHttpSession bystander = signIn(other);

    // the incumbent sees both offers with their answers; the other company sees neither
    mvc.perform(get("/portal/deals").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Renewal offers"), containsString("Renewing Customer " + n),
            containsString("Leaving Customer " + n),
            containsString("action=\"/portal/deals/renewals/" + renewing.getId() + "/answer\""),
            containsString("action=\"/portal/deals/renewals/" + leaving.getId() + "/answer\""))));
    mvc.perform(get("/portal/deals").session(bystander))
        .andExpect(content().string(allOf(not(containsString("Renewal offers")),
            not(containsString("Renewing Customer " + n)))));

    // another company cannot answer it, and an answer must be one of the two
    mvc.perform(post("/portal/deals/renewals/" + renewing.getId() + "/answer").session(bystander).with(csrf())
            .param("answer", "decline"))
        .andExpect(status().isConflict()).andExpect(content().string(containsString("No such renewal offer of yours.")));
    mvc.perform(post("/portal/deals/renewals/" + renewing.getId() + "/answer").session(session).with(csrf())
            .param("answer", "maybe"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("Answer the renewal offer with accept or decline.")));
    assertThat(answersOf(incumbent.partnerId())).isEmpty();

    mvc.perform(post("/portal/deals/renewals/" + renewing.getId() + "/answer").session(session).with(csrf())
            .param("answer", "accept"))
        .andExpect(redirectedUrl("/portal/deals"));
    mvc.perform(post("/portal/deals/renewals/" + leaving.getId() + "/answer").session(session).with(csrf())
            .param("answer", "decline"))
        .andExpect(redirectedUrl("/portal/deals"));

    // accepted: an approved registration with exclusivity; declined: the customer is released
    assertThat(awaitDeal(offer.getId(), DealRegistration.Status.APPROVED).getExclusiveUntil()).isNotNull();
    awaitDeal(declined.getId(), DealRegistration.Status.RELEASED);
    assertThat(contracts.findById(renewing.getId()).orElseThrow().getRenewalStatus())
        .isEqualTo(CustomerContract.RenewalStatus.ACCEPTED);
    org.partnerlifecycle.engine.EngineRecords.await(() -> contracts.findById(leaving.getId())
        .filter(c -> c.getRenewalStatus() == CustomerContract.RenewalStatus.RELEASED), PortalFixtures.WAIT, "release");
    assertThat(answersOf(incumbent.partnerId())).containsExactlyInAnyOrder(
        incumbent.username() + ": Renewing Customer " + n + " accept",
        incumbent.username() + ": Leaving Customer " + n + " decline");

    // answered offers are no longer offered, and cannot be answered again
    mvc.perform(get("/portal/deals").session(session))
        .andExpect(content().string(not(containsString("Renewal offers"))));
    mvc.perform(post("/portal/deals/renewals/" + renewing.getId() + "/answer").session(session).with(csrf())
            .param("answer", "decline"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("This renewal offer is no longer open.")));
  }

  private DealRegistration awaitDeal(long contractOrDealId, DealRegistration.Status status) {
    return org.partnerlifecycle.engine.EngineRecords.await(() -> status == DealRegistration.Status.OFFERED
        ? deals.findByContractIdAndStatus(contractOrDealId, status)
        : deals.findById(contractOrDealId).filter(d -> d.getStatus() == status), PortalFixtures.WAIT,
        "deal " + contractOrDealId + " " + status);
  }

  /** The renewal answers in the partner's history: who answered which customer how. */
  private java.util.List<String> answersOf(long partnerId) throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    java.util.List<String> answers = new java.util.ArrayList<>();
    for (var e : events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId)) {
      if (e.getEventType().equals("RENEWAL_ANSWERED")) {
        var payload = json.readTree(e.getPayload());
        answers.add(e.getActor() + ": " + payload.path("customer").asText() + " " + payload.path("answer").asText());
      }
    }
    return answers;
  }
}
