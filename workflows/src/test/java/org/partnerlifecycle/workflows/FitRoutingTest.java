package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the fit decision sends an application, and the review a person does in between. */
class FitRoutingTest extends ProcessTestSupport {

  @Test
  void aReferralPartnerWithTinyRevenueIsDeclinedWithTheTablesReason() {
    long instance = startOnboarding(newPartnerId(),
        application("REFERRAL", 2_000, 3, 0, List.of("EMEA"), List.of()));

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance))
        .containsSubsequence("RecordApplied", "ScoreFit", "FitRoute", "DeclineJoin", "DeclineApplication", "Declined")
        .doesNotContain("ReviewApplication", "RecordQualified");
    RanJob decline = jobAt(instance, "DeclineApplication");
    assertThat(decline.type()).isEqualTo("partner-decline");
    assertThat(decline.variables()).doesNotContainKey("reviewReason");
    assertThat(decline.variables().get("fit")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("route", "decline")
        .containsEntry("reason", "Referral partners must expect at least 10,000 in annual revenue");
  }

  @Test
  void aStrongApplicationQualifiesWithoutAReview() {
    long instance = startOnboarding(newPartnerId(), strongApplication());

    awaitWaitingAt(instance, "AwaitBriefAcknowledgement");
    assertThat(completedElements(instance))
        .containsSubsequence("RecordApplied", "ScoreFit", "FitRoute", "QualifiedJoin", "RecordQualified",
            "GenerateBrief")
        .doesNotContain("ReviewApplication", "DeclineApplication");
    assertThat(jobsOf(instance)).filteredOn(j -> j.type().equals("partner-stage"))
        .extracting(j -> j.header("stage")).containsExactly("APPLIED", "QUALIFIED");
  }

  @Test
  void aMiddlingApplicationIsReviewedAndQualified() {
    long instance = startOnboarding(newPartnerId(), middlingApplication());
    OffsetDateTime created = OffsetDateTime.now();

    var review = awaitUserTask(instance, "ReviewApplication");
    assertThat(review.getCandidateGroupsList()).containsExactly("channel-ops");
    assertThat(review.getFormKey()).as("form review-application deployed and linked").isPositive();
    assertThat(review.getPriority()).isEqualTo(60);
    assertThat(OffsetDateTime.parse(review.getDueDate()))
        .as("due date, an ISO offset date-time three days (reviewDueIn) ahead")
        .isCloseTo(created.plusDays(3), within(Duration.ofMinutes(5)));

    engine.completeUserTask(review.getUserTaskKey(),
        Map.of("reviewDecision", "qualify", "reviewReason", "Strong ERP practice in a region we need"));

    awaitWaitingAt(instance, "AwaitBriefAcknowledgement");
    assertThat(completedElements(instance))
        .containsSubsequence("ScoreFit", "FitRoute", "ReviewApplication", "ReviewOutcome", "QualifiedJoin",
            "RecordQualified")
        .doesNotContain("DeclineApplication");
  }

  @Test
  void aMiddlingApplicationIsReviewedAndDeclinedWithTheReviewersReason() {
    long instance = startOnboarding(newPartnerId(), middlingApplication());

    completeUserTask(instance, "ReviewApplication",
        Map.of("reviewDecision", "decline", "reviewReason", "Overlaps with two existing integrators"));

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance))
        .containsSubsequence("ReviewApplication", "ReviewOutcome", "DeclineJoin", "DeclineApplication", "Declined")
        .doesNotContain("RecordQualified");
    assertThat(jobAt(instance, "DeclineApplication").variables())
        .containsEntry("reviewReason", "Overlaps with two existing integrators");
  }
}
