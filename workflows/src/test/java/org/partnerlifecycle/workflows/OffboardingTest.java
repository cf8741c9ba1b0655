package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Offboarding: deals and funds are secured at once, the rest runs in order when the notice period ends. */
class OffboardingTest extends ProcessTestSupport {

  @Test
  void everyOffboardingStepRunsInOrderAfterTheNoticePeriod() {
    long partnerId = newPartnerId();
    long instance = startPartnershipProcess("partner-offboarding", partnerId);

    awaitWaitingAt(instance, "NoticePeriodEnds");
    assertThat(jobElements(instance))
        .containsExactlyInAnyOrder("RecordTerminating", "ReassignOpenDeals", "FreezeFunds")
        .startsWith("RecordTerminating");
    passTime(Duration.ofDays(89));
    assertThat(jobElements(instance)).hasSize(3);
    passTime(Duration.ofDays(1).plusMinutes(1));

    awaitInstanceCompleted(instance);
    assertThat(jobElements(instance)).endsWith(
        "RevokePortalAccess", "SettleFunds", "IssueFinalStatement", "ArchiveRecords", "RecordTerminated",
        "NotifyTerminated");
    assertThat(completedElements(instance)).containsSubsequence(
        "OffboardingStarted", "RecordTerminating", "OffboardingFork", "OffboardingJoin", "NoticePeriodEnds",
        "RevokePortalAccess", "SettleFunds", "IssueFinalStatement", "ArchiveRecords", "RecordTerminated",
        "NotifyTerminated", "OffboardingComplete");
    assertThat(jobsOf(instance)).extracting(RanJob::type).containsExactlyInAnyOrder(
        "partner-stage", "partner-deals-reassign", "partner-funds-freeze", "partner-portal-revoke",
        "partner-funds-settle", "partner-final-statement", "partner-archive", "partner-stage", "partner-notify");
    assertThat(jobsOf(instance)).filteredOn(j -> j.type().equals("partner-stage"))
        .extracting(j -> j.header("stage")).containsExactly("TERMINATING", "TERMINATED");
    assertThat(jobAt(instance, "NotifyTerminated").header("template")).isEqualTo("terminated");
  }
}
