package org.partnerlifecycle.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerlifecycle.onboarding.TestPartners.job;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnerlifecycle.DeliveredTwice;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.RepeatedDelivery;
import org.partnerlifecycle.RepeatedDelivery.Effects;
import org.partnerlifecycle.onboarding.TestPartners;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.workers.partnership.PartnershipPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The certification jobs delivered twice: one verification, rejection, reminder or lapse on record, audited
 * once, mailed once, and the messages they send to other processes correlated once.
 */
@EmbeddedAppTest
@ExtendWith(OutputCaptureExtension.class)
class CertificationJobsRepeatedDeliveryTest {

  static final AtomicInteger people = new AtomicInteger();

  @Autowired PartnershipPort port;
  @Autowired RepeatedDelivery delivery;
  @Autowired TestPartners testPartners;
  @Autowired CertificationRepository certifications;
  @Autowired Clock clock;

  long partnerId;

  @BeforeEach
  void activePartner() {
    partnerId = testPartners.active("Twice Certified Ltd " + people.incrementAndGet(), Segment.SYSTEM_INTEGRATOR);
  }

  @Test
  @DeliveredTwice({"partner-certification-grant", "partner-certification-remind", "partner-certification-lapse"})
  void aVerificationReminderAndLapseTwiceOverAreRecordedAuditedMailedAndAnnouncedOnce(CapturedOutput output) {
    Certification first = submitted(null);
    var granted = delivery.twiceReturning(partnerId, job("partner-certification-grant", "GrantCertification"),
        j -> port.grantCertification(first.getId(), "Checked with the vendor", j));
    assertThat(granted.result()).containsKeys("expiresAt", "remind60At", "remind30At", "remind7At");
    assertThat(granted.effects().events()).containsExactly("CERTIFICATION_VERIFIED");
    assertThat(granted.effects().templates()).containsExactly("certification-verified");
    assertThat(granted.effects().rows()).isEmpty();
    assertThat(certifications.findById(first.getId()).orElseThrow().getStatus()).isEqualTo(Certification.Status.VERIFIED);

    // a renewal's verification ends the reminders of the certification it renews, by one message
    Certification renewal = submitted(first.getId());
    Effects renewed = delivery.twiceReturning(partnerId, job("partner-certification-grant", "GrantCertification"),
        j -> port.grantCertification(renewal.getId(), null, j)).effects();
    assertThat(renewed.events()).containsExactly("CERTIFICATION_VERIFIED");
    assertThat(certifications.findById(first.getId()).orElseThrow().getStatus()).isEqualTo(Certification.Status.RENEWED);
    assertThat(output.getAll()).contains("Message partner-certification-renewed for " + first.getId()
        + " (id certification-renewed-" + first.getId() + ") was published before: not correlated again");

    Effects reminded = delivery.twice(partnerId, job("partner-certification-remind", "Remind30"),
        j -> port.remindCertificationExpiry(renewal.getId(), 30, j));
    assertThat(reminded.events()).containsExactly("CERTIFICATION_EXPIRY_REMINDER");
    assertThat(reminded.mails()).as("the company's contact and the certified person, once each").hasSize(2)
        .allMatch(m -> m.startsWith("certification-expiring to "))
        .contains("certification-expiring to " + renewal.getPersonEmail());

    Effects lapsed = delivery.twice(partnerId, job("partner-certification-lapse", "LapseCertification"),
        j -> port.lapseCertification(renewal.getId(), j));
    assertThat(lapsed.events()).containsExactly("CERTIFICATION_LAPSED");
    assertThat(lapsed.templates()).containsExactly("certification-lapsed");
    assertThat(certifications.findById(renewal.getId()).orElseThrow().getStatus()).isEqualTo(Certification.Status.LAPSED);
    assertThat(output.getAll()).contains("Message partner-reevaluation-requested for " + partnerId
        + " (id reevaluate-lapsed-certification-" + renewal.getId() + ") was published before: not correlated again");
  }

  @Test
  @DeliveredTwice("partner-certification-reject")
  void aRejectionTwiceOverIsRecordedAuditedAndMailedOnce() {
    Certification submitted = submitted(null);
    Effects rejected = delivery.twice(partnerId, job("partner-certification-reject", "RejectCertification"),
        j -> port.rejectCertification(submitted.getId(), "The certificate number is not in the vendor's register.", j));
    assertThat(rejected.events()).containsExactly("CERTIFICATION_REJECTED");
    assertThat(rejected.templates()).containsExactly("certification-rejected");
    assertThat(rejected.rows()).isEmpty();
    assertThat(certifications.findById(submitted.getId()).orElseThrow().getStatus())
        .isEqualTo(Certification.Status.REJECTED);
  }

  /** Stored as the portal stores it, without starting the verification process (the test is the process here). */
  private Certification submitted(Long renews) {
    int n = people.incrementAndGet();
    return certifications.save(new Certification(partnerId, "Person " + n, "person" + n + "@certified.example",
        CertificationLevel.TECHNICAL_SPECIALIST, "Certificate TS-" + n, renews, "pat", clock.instant()));
  }
}
