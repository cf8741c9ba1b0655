package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A certification of one of the partner's people: the channel team verifies the evidence; a granted
 * certification sends reminders 60, 30 and 7 days before it expires and lapses unless it is renewed.
 */
class CertificationTest extends ProcessTestSupport {

  @Test
  void rejectedEvidenceEndsTheCertification() {
    long certificationId = newPartnerId();
    long instance = startCertification(newPartnerId(), certificationId);

    var verification = awaitUserTask(instance, "VerifyCertification");
    assertThat(verification.getCandidateGroupsList()).containsExactly("channel-ops");
    decide(instance, "VerifyCertification", "certificationDecision", "reject", "certificationComment",
        "The certificate is for another person");

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance)).containsSubsequence(
        "EvidenceSubmitted", "VerifyCertification", "CertificationVerified", "RejectCertification",
        "CertificationRejected");
    RanJob rejection = jobAt(instance, "RejectCertification");
    assertThat(rejection.type()).isEqualTo("partner-certification-reject");
    assertThat(rejection.variables()).containsEntry("certificationComment", "The certificate is for another person");
    assertThat(((Number) rejection.variables().get("certificationId")).longValue()).isEqualTo(certificationId);
    assertThat(jobElements(instance)).doesNotContain("GrantCertification");
  }

  @Test
  void aGrantedCertificationIsRemindedSixtyThirtyAndSevenDaysBeforeItLapses() {
    long certificationId = newPartnerId();
    long instance = startGranted(newPartnerId(), certificationId);
    assertThat(jobAt(instance, "GrantCertification").type()).isEqualTo("partner-certification-grant");

    // expires in 100 days: reminders on days 40, 70 and 93
    passTime(Duration.ofDays(39));
    assertThat(jobElements(instance)).doesNotContain("Remind60");
    passTime(Duration.ofDays(1).plusMinutes(1));
    awaitCompleted(instance, "Remind60");
    passTime(Duration.ofDays(30));
    awaitCompleted(instance, "Remind30");
    passTime(Duration.ofDays(23));
    awaitCompleted(instance, "Remind7");
    assertThat(jobElements(instance)).doesNotContain("LapseCertification");
    passTime(Duration.ofDays(7));

    awaitInstanceCompleted(instance);
    assertThat(jobsOf(instance)).filteredOn(j -> j.type().equals("partner-certification-remind"))
        .extracting(j -> j.header("daysBefore")).containsExactly("60", "30", "7");
    assertThat(completedElements(instance)).containsSubsequence(
        "GrantCertification", "ValidityStarted", "Reminder60Due", "Remind60", "Reminder30Due", "Remind30",
        "Reminder7Due", "Remind7", "CertificationExpires", "LapseCertification", "ValidityEnded", "Validity",
        "CertificationLapsed");
    assertThat(jobAt(instance, "LapseCertification").type()).isEqualTo("partner-certification-lapse");
    assertThat(completedElements(instance)).doesNotContain("Renewed");
  }

  @Test
  void aRenewalStopsTheRemindersOfThatCertification() {
    long partnerId = newPartnerId();
    long certificationId = newPartnerId();
    long instance = startGranted(partnerId, certificationId);
    passTime(Duration.ofDays(40).plusMinutes(1));
    awaitCompleted(instance, "Remind60");
    awaitWaitingAt(instance, "Reminder30Due");

    // renewals correlate by certification, not by partner
    publish("partner-certification-renewed", partnerId);
    engine.waitForIdleState(WAIT);
    assertThat(isWaitingAt(instance, "Reminder30Due")).isTrue();
    publish("partner-certification-renewed", certificationId);

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance)).containsSubsequence("Remind60", "CertificationRenewed", "Renewed")
        .doesNotContain("CertificationLapsed", "LapseCertification");
    assertThat(terminatedElements(instance)).contains("Reminder30Due", "Validity");
    passTime(Duration.ofDays(60));
    assertThat(jobElements(instance)).doesNotContain("Remind30", "Remind7", "LapseCertification");
  }

  private long startCertification(long partnerId, long certificationId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("partnerId", partnerId);
    variables.put("certificationId", certificationId);
    variables.put("reviewDueIn", "P2D");
    return start("partner-certification", variables);
  }

  /** A certification whose evidence was approved, granted to expire in 100 days. */
  private long startGranted(long partnerId, long certificationId) {
    whenJob("partner-certification-grant", job -> certificationDates(Duration.ofDays(100)));
    long instance = startCertification(partnerId, certificationId);
    decide(instance, "VerifyCertification", "certificationDecision", "approve", "certificationComment", null);
    awaitWaitingAt(instance, "Reminder60Due");
    return instance;
  }
}
