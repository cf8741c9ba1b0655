package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The agreement term: outreach before it ends, the partner signs the renewal in time, late (after a
 * suspension) or never (termination). The scheduled dates are relative to the engine clock.
 */
class RenewalTest extends ProcessTestSupport {

  private static final String PROCESS = "partner-renewal";

  @Test
  void aRenewalSignedInTimeIsActivatedAndTheNextTermScheduled() {
    long partnerId = newPartnerId();
    long instance = startWithOutreachInTenDaysAndExpiryInForty(partnerId);

    passTime(Duration.ofDays(9));
    assertThat(jobElements(instance)).doesNotContain("StartRenewalOutreach");
    passTime(Duration.ofDays(1).plusMinutes(1));
    awaitCompleted(instance, "StartRenewalOutreach");
    assertThat(jobAt(instance, "StartRenewalOutreach").type()).isEqualTo("partner-renewal-outreach");

    deliver(instance, partnerId, "AwaitRenewalSignature", "partner-renewal-signed");

    awaitJobs(instance, "ScheduleRenewal", 2);
    awaitWaitingAt(instance, "RenewalOutreachDue");
    assertThat(completedElements(instance)).containsSubsequence(
        "TermMerge", "ScheduleRenewal", "RenewalOutreachDue", "StartRenewalOutreach", "AwaitRenewalSignature",
        "SignedMerge", "ActivateRenewal", "TermMerge", "ScheduleRenewal");
    assertThat(jobAt(instance, "ActivateRenewal").type()).isEqualTo("partner-renewal-activate");
    assertThat(jobElements(instance)).doesNotContain("SuspendPartner");
    // the next term's dates come from the second ScheduleRenewal: outreach ten days after the signature
    passTime(Duration.ofDays(10).plusMinutes(1));
    awaitJobs(instance, "StartRenewalOutreach", 2);
  }

  @Test
  void aPartnerThatSignsAfterTheAgreementExpiredIsSuspendedAndThenRenewed() {
    long partnerId = newPartnerId();
    long instance = startWithOutreachInTenDaysAndExpiryInForty(partnerId);
    passTime(Duration.ofDays(10).plusMinutes(1));
    awaitWaitingAt(instance, "AwaitRenewalSignature");

    passTime(Duration.ofDays(29));
    assertThat(jobElements(instance)).doesNotContain("SuspendPartner");
    passTime(Duration.ofDays(1));

    awaitCompleted(instance, "SuspendPartner");
    assertThat(jobAt(instance, "SuspendPartner").type()).isEqualTo("partner-suspend");
    assertThat(terminatedElements(instance)).contains("AwaitRenewalSignature");
    deliver(instance, partnerId, "AwaitLateRenewalSignature", "partner-renewal-signed");

    awaitJobs(instance, "ScheduleRenewal", 2);
    assertThat(completedElements(instance)).containsSubsequence(
        "StartRenewalOutreach", "AgreementExpired", "SuspendPartner", "AwaitLateRenewalSignature", "SignedMerge",
        "ActivateRenewal", "TermMerge", "ScheduleRenewal");
    assertThat(jobElements(instance)).doesNotContain("RequestLapseTermination");
  }

  @Test
  void aPartnerThatNeverSignsIsSuspendedAndItsTerminationRequestedWhenTheGracePeriodEnds() {
    long partnerId = newPartnerId();
    long instance = startWithOutreachInTenDaysAndExpiryInForty(partnerId, ZoneOffset.ofHours(2));
    passTime(Duration.ofDays(10).plusMinutes(1));
    awaitWaitingAt(instance, "AwaitRenewalSignature");
    passTime(Duration.ofDays(30));
    awaitWaitingAt(instance, "AwaitLateRenewalSignature");

    // lapseGrace is P30D
    passTime(Duration.ofDays(29));
    assertThat(jobElements(instance)).doesNotContain("RequestLapseTermination");
    passTime(Duration.ofDays(1).plusMinutes(1));

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance)).containsSubsequence(
        "AgreementExpired", "SuspendPartner", "LapseGraceEnds", "RequestLapseTermination", "AgreementLapsed");
    assertThat(terminatedElements(instance)).contains("AwaitRenewalSignature", "AwaitLateRenewalSignature");
    RanJob termination = jobAt(instance, "RequestLapseTermination");
    assertThat(termination.type()).isEqualTo("partner-termination-request");
    assertThat(termination.header("trigger")).isEqualTo("AGREEMENT_LAPSED");
    assertThat(jobElements(instance)).doesNotContain("ActivateRenewal");
  }

  private long startWithOutreachInTenDaysAndExpiryInForty(long partnerId) {
    return startWithOutreachInTenDaysAndExpiryInForty(partnerId, ZoneOffset.UTC);
  }

  /** The dates come with the offset given: the timers must read any ISO-8601 offset, not only Z. */
  private long startWithOutreachInTenDaysAndExpiryInForty(long partnerId, ZoneOffset offset) {
    whenJob("partner-renewal-schedule", job -> renewalDates(Duration.ofDays(10), Duration.ofDays(40), offset));
    long instance = startPartnershipProcess(PROCESS, partnerId);
    awaitWaitingAt(instance, "RenewalOutreachDue");
    return instance;
  }
}
