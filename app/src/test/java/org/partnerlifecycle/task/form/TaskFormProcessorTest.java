package org.partnerlifecycle.task.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.partnerlifecycle.task.form.FieldView.TextBlock;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Server-side Camunda Forms: the onboarding process's real forms (from the classpath, linked through the BPMN)
 * and a form with every supported component, rendered, validated and turned into typed variables.
 */
class TaskFormProcessorTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);
  static final FormCatalog CATALOG = new FormCatalog(new ProcessModels(), JSON);
  final TaskFormProcessor processor = new TaskFormProcessor(new FeelExpressions(), CLOCK);

  static FormSchema onboardingForm(String elementId) {
    return CATALOG.forTask("partner-onboarding", elementId).orElseThrow();
  }

  static Map<String, List<String>> input(String... pairs) {
    Map<String, List<String>> input = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      input.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return input;
  }

  @Test
  void everyOnboardingUserTaskResolvesItsFormThroughTheBpmn() {
    var models = new ProcessModels();
    assertThat(models.formId("partner-onboarding", "ReviewApplication")).contains("review-application");
    assertThat(models.formId("partner-onboarding", "CountersignAgreement")).contains("countersign-agreement");
    assertThat(models.formId("partner-onboarding", "VerifyDocuments")).contains("verify-partner-documents");
    assertThat(models.formId("partner-onboarding", "ScheduleKickoff")).contains("schedule-kickoff");
    assertThat(models.formId("partner-onboarding", "ScoreFit")).isEmpty();
    assertThat(models.elementName("partner-onboarding", "VerifyDocuments")).isEqualTo("Verify partner documents");
    assertThat(models.processName("partner-onboarding")).isEqualTo("Partner lifecycle I: onboarding");
    assertThat(CATALOG.forTask("unknown-process", "Review")).isEmpty();
  }

  @Test
  void theConsoleRendersEveryComponentOfEveryUserTaskFormTheAppDeploys() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Resource bpmn : new PathMatchingResourcePatternResolver().getResources(ProcessModels.LOCATION)) {
      try (var in = bpmn.getInputStream()) {
        for (UserTask task : Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class)) {
          String process = processOf(task).getId();
          FormSchema form = CATALOG.forTask(process, task.getId()).orElseThrow(() ->
              new AssertionError(task.getId() + " of " + process + " links no form the console finds"));
          assertThat(processor.render(form, Map.of(), Map.of(), Map.of()))
              .as("components of form %s", form.id()).allMatch(FieldView::supported);
          checked.add(process + "/" + task.getId());
        }
      }
    }
    assertThat(checked).contains("partner-onboarding/ReviewApplication", "partner-onboarding/CountersignAgreement",
        "partner-onboarding/VerifyDocuments", "partner-onboarding/ScheduleKickoff");
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance current = element.getParentElement();
    while (!(current instanceof Process)) {
      current = current.getParentElement();
    }
    return (Process) current;
  }

  @Test
  void reviewFormFillsItsTextFromTheProcessVariablesAndRequiresDecisionAndReason() {
    FormSchema form = onboardingForm("ReviewApplication");
    Map<String, Object> variables = Map.of("partnerId", 42,
        "application", Map.of("segment", "SYSTEM_INTEGRATOR", "regions", List.of("DACH"),
            "domainExpertise", List.of("Cloud migration"), "customerBase", 30, "certificationsHeld", 1,
            "expectedAnnualRevenue", 300000.0, "motivation", "We integrate."),
        "fit", Map.of("score", 45, "reason", "moderate fit", "route", "review"));

    List<FieldView> fields = processor.render(form, Map.of(), Map.of(), variables);
    List<TextBlock> text = fields.get(0).blocks();
    assertThat(text.get(0)).isEqualTo(new TextBlock("heading", "Partner 42: SYSTEM_INTEGRATOR", List.of()));
    assertThat(text.get(1).items()).contains("Regions: DACH", "Customers: 30", "Expected annual revenue: 300000",
        "Fit score: 45 of 100: moderate fit");
    assertThat(text.get(2).text()).isEqualTo("Motivation: We integrate.");

    var missing = processor.submit(form, input(), variables);
    assertThat(missing.valid()).isFalse();
    assertThat(missing.errors()).containsOnlyKeys("Field_reviewDecision", "Field_reviewReason");
    assertThat(missing.errors().get("Field_reviewReason")).isEqualTo("Reason is required.");

    var notAnOption = processor.submit(form, input("reviewDecision", "maybe", "reviewReason", "x"), variables);
    assertThat(notAnOption.errors()).containsEntry("Field_reviewDecision", "Choose one of the options offered.");

    var tooLong = processor.submit(form, input("reviewDecision", "qualify", "reviewReason", "x".repeat(2001)), variables);
    assertThat(tooLong.errors().get("Field_reviewReason")).startsWith("Enter at most 2000 characters");

    var ok = processor.submit(form, input("reviewDecision", "qualify", "reviewReason", "Strong practice"), variables);
    assertThat(ok.valid()).isTrue();
    assertThat(ok.variables()).containsExactly(Map.entry("reviewDecision", "qualify"),
        Map.entry("reviewReason", "Strong practice"));
  }

  @Test
  void withoutProcessVariablesTheTextShowsItsExpressionsAsWritten() {
    List<FieldView> fields = processor.render(onboardingForm("VerifyDocuments"), Map.of(), Map.of(), Map.of());
    assertThat(fields.get(0).blocks().get(1).text()).contains("Partner {{partnerId}} ({{application.segment}})");
  }

  @Test
  void conditionallyHiddenFieldIsNeitherValidatedNorSubmittedUntilItsConditionShowsIt() {
    FormSchema form = onboardingForm("CountersignAgreement");

    List<FieldView> initial = processor.render(form, Map.of(), Map.of(), Map.of());
    FieldView changes = initial.get(2);
    assertThat(changes.hidden()).as("hidden while no decision is made").isTrue();
    assertThat(changes.hideRule()).isEqualTo(new FieldView.HideRule("countersignDecision", false, "reject"));

    var approve = processor.submit(form, input("countersignDecision", "approve", "requestedChanges", "stale text"), Map.of());
    assertThat(approve.valid()).isTrue();
    assertThat(approve.variables()).containsExactly(Map.entry("countersignDecision", "approve"));

    var rejectWithout = processor.submit(form, input("countersignDecision", "reject"), Map.of());
    assertThat(rejectWithout.errors()).containsOnlyKeys("Field_requestedChanges");
    assertThat(processor.render(form, input("countersignDecision", "reject"), rejectWithout.errors(), Map.of())
        .get(2)).satisfies(f -> {
          assertThat(f.hidden()).isFalse();
          assertThat(f.error()).isEqualTo("Changes requested is required.");
        });

    var reject = processor.submit(form, input("countersignDecision", "reject", "requestedChanges", "Add APAC"), Map.of());
    assertThat(reject.variables()).containsEntry("requestedChanges", "Add APAC");
  }

  @Test
  void kickoffDateTimeIsSerialisedInUtcAndMayNotBeInThePastOrOffTheQuarterHour() {
    FormSchema form = onboardingForm("ScheduleKickoff");

    var ok = processor.submit(form, input("kickoffAt__date", "2026-03-12", "kickoffAt__time", "14:30",
        "kickoffNotes", ""), Map.of());
    assertThat(ok.variables()).containsEntry("kickoffAt", "2026-03-12T14:30+00:00").containsEntry("kickoffNotes", "");

    assertThat(processor.submit(form, input("kickoffAt__date", "2026-03-09", "kickoffAt__time", "10:00"), Map.of())
        .errors()).containsEntry("Field_kickoffAt", "Choose a date that is not in the past.");
    assertThat(processor.submit(form, input("kickoffAt__date", "2026-03-12", "kickoffAt__time", "10:10"), Map.of())
        .errors()).containsEntry("Field_kickoffAt", "Choose a time in steps of 15 minutes.");
    assertThat(processor.submit(form, input("kickoffAt__date", "2026-03-12"), Map.of())
        .errors()).containsEntry("Field_kickoffAt", "Enter both the date and the time.");
    assertThat(processor.submit(form, input(), Map.of()).errors()).containsEntry("Field_kickoffAt", "Kickoff date is required.");

    var prefilled = processor.initialInput(form, Map.of("kickoffAt", "2026-04-01T10:00:00+02:00"));
    assertThat(prefilled).containsEntry("kickoffAt__date", List.of("2026-04-01")).containsEntry("kickoffAt__time", List.of("08:00"));
  }

  static final String ALL_COMPONENTS = """
      {"id": "all", "components": [
        {"type": "textfield", "id": "f_code", "key": "code", "label": "Code",
         "validate": {"required": true, "pattern": "^[A-Z]{3}-\\\\d{2}$", "minLength": 6, "maxLength": 6}},
        {"type": "textfield", "id": "f_mail", "key": "contact.email", "label": "Email", "validate": {"validationType": "email"}},
        {"type": "number", "id": "f_seats", "key": "seats", "label": "Seats", "validate": {"required": true, "min": 1, "max": 500}},
        {"type": "number", "id": "f_share", "key": "share", "label": "Share", "decimalDigits": 2},
        {"type": "checkbox", "id": "f_terms", "key": "terms", "label": "Terms accepted", "validate": {"required": true}},
        {"type": "checkbox", "id": "f_news", "key": "newsletter", "label": "Newsletter"},
        {"type": "checklist", "id": "f_regions", "key": "regions", "label": "Regions", "validate": {"required": true},
         "values": [{"label": "Europe", "value": "EMEA"}, {"label": "Americas", "value": "AMER"}]},
        {"type": "select", "id": "f_level", "key": "level", "label": "Level",
         "values": [{"label": "One", "value": 1}, {"label": "Two", "value": 2}]},
        {"type": "radio", "id": "f_size", "key": "size", "label": "Size", "valuesKey": "sizes"},
        {"type": "textarea", "id": "f_why", "key": "why", "label": "Why", "validate": {"minLength": 5},
         "conditional": {"hide": "=seats < 100"}},
        {"type": "datetime", "id": "f_day", "key": "day", "subtype": "date", "dateLabel": "Day"},
        {"type": "text", "id": "t", "text": "=\\"Seats so far: \\" + string(seats)"}
      ]}""";

  @Test
  void everySupportedComponentValidatesAndSubmitsTypedValues() throws Exception {
    FormSchema form = FormSchema.of(JSON.readTree(ALL_COMPONENTS));
    Map<String, Object> variables = Map.of("sizes", List.of(Map.of("label", "Small", "value", "S"), "L"));

    var bad = processor.submit(form, input("code", "abc-1", "contact.email", "nobody", "seats", "0", "share", "1.234",
        "regions", "APAC", "level", "3", "size", "M", "day__date", "03/12/2026"), variables);
    assertThat(bad.errors()).containsEntry("f_code", "Enter at least 6 characters.")
        .containsEntry("f_mail", "Enter a valid email address.")
        .containsEntry("f_seats", "Enter a number of at least 1.")
        .containsEntry("f_share", "Use at most 2 decimal places.")
        .containsEntry("f_terms", "Terms accepted is required.")
        .containsEntry("f_regions", "Choose among the options offered.")
        .containsEntry("f_level", "Choose one of the options offered.")
        .containsEntry("f_size", "Choose one of the options offered.")
        .containsEntry("f_day", "Enter the date as YYYY-MM-DD.")
        .doesNotContainKey("f_why");
    assertThat(processor.submit(form, input("code", "abc-12"), variables).errors())
        .containsEntry("f_code", "Enter a value that matches the pattern ^[A-Z]{3}-\\d{2}$.");
    assertThat(processor.submit(form, input("seats", "501"), variables).errors())
        .containsEntry("f_seats", "Enter a number of at most 500.");
    assertThat(processor.submit(form, input("seats", "many"), variables).errors())
        .containsEntry("f_seats", "Enter a number.");
    assertThat(processor.submit(form, input("seats", "150", "why", "no"), variables).errors())
        .as("shown once seats >= 100, then validated").containsEntry("f_why", "Enter at least 5 characters.");

    var ok = processor.submit(form, input("code", "ABC-12", "contact.email", "a@b.example", "seats", "150",
        "share", "0.25", "terms", "true", "regions", "EMEA", "regions", "AMER", "level", "2", "size", "S",
        "why", "growth", "day__date", "2026-05-01"), variables);
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.variables())
        .containsEntry("code", "ABC-12")
        .containsEntry("contact", Map.of("email", "a@b.example"))
        .containsEntry("seats", 150L)
        .containsEntry("share", 0.25)
        .containsEntry("terms", true)
        .containsEntry("newsletter", false)
        .containsEntry("regions", List.of("EMEA", "AMER"))
        .containsEntry("level", 2L)
        .containsEntry("size", "S")
        .containsEntry("why", "growth")
        .containsEntry("day", "2026-05-01");

    List<FieldView> shown = processor.render(form, input("seats", "150"), Map.of(), variables);
    assertThat(shown.get(9).hidden()).isFalse();
    assertThat(shown.get(9).hideRule()).as("not a simple condition: the server decides").isNull();
    assertThat(shown.get(8).options()).extracting(FieldView.OptionView::label).containsExactly("Small", "L");
    assertThat(shown.get(11).blocks().get(0).text()).isEqualTo("Seats so far: 150");
  }

  @Test
  void aFieldTheConsoleCannotRenderBlocksCompletion() throws Exception {
    FormSchema form = FormSchema.of(JSON.readTree("""
        {"id": "lists", "components": [
          {"type": "textfield", "id": "f_name", "key": "name", "label": "Name"},
          {"type": "dynamiclist", "id": "f_list", "key": "items", "label": "Items"}]}"""));
    var outcome = processor.submit(form, input("name", "x"), Map.of());
    assertThat(outcome.valid()).isFalse();
    assertThat(outcome.errors().get("f_list")).contains("cannot show", "Camunda Tasklist");
    assertThat(processor.render(form, Map.of(), Map.of(), Map.of()).get(1).supported()).isFalse();
  }
}
