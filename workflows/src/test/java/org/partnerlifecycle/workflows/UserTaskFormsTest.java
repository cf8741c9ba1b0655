package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The user tasks of the models and their Camunda Forms fit together: each task links a deployed form by id,
 * each form submits exactly the variables the process reads from that task, and the options of a decision
 * field are the values the next gateway routes on.
 */
class UserTaskFormsTest {

  /** What each form hands back to the process (the contract with the app and the portal). */
  private static final Map<String, Set<String>> OUTPUTS = Map.of(
      "review-application", Set.of("reviewDecision", "reviewReason"),
      "countersign-agreement", Set.of("countersignDecision", "requestedChanges"),
      "verify-partner-documents", Set.of("documentsDecision", "documentsComment"),
      "schedule-kickoff", Set.of("kickoffAt", "kickoffNotes"),
      "review-business-plan", Set.of("planDecision", "planComments"),
      "approve-tier-change", Set.of("tierChangeDecision", "tierChangeComment"),
      "decide-non-productive", Set.of("nonProductiveDecision", "decisionReason"),
      "verify-certification", Set.of("certificationDecision", "certificationComment"),
      "review-deal-conflict", Set.of("dealDecision", "dealDecisionReason"));

  /** Who works on each user task of the models. */
  private static final Map<String, String> CANDIDATE_GROUPS = Map.of(
      "ReviewApplication", "channel-ops",
      "CountersignAgreement", "channel-ops,channel-legal",
      "VerifyDocuments", "channel-ops",
      "ScheduleKickoff", "channel-ops",
      "ReviewBusinessPlan", "channel-managers",
      "ApproveTierChange", "channel-managers",
      "DecideNonProductive", "channel-managers",
      "VerifyCertification", "channel-ops",
      "ReviewDealConflict", "channel-managers");

  private static final Pattern CONDITION = Pattern.compile("^=\\s*(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*$");

  private static final Map<String, JsonNode> forms = new HashMap<>();
  private static final Map<String, UserTask> userTasks = new HashMap<>();

  @BeforeAll
  static void readModelsAndForms() throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    ObjectMapper json = new ObjectMapper();
    for (Resource form : resolver.getResources("classpath*:/workflows/forms/*.form")) {
      try (InputStream in = form.getInputStream()) {
        JsonNode schema = json.readTree(in);
        assertThat(schema.path("id").asText()).as("id of %s", form.getFilename())
            .isEqualTo(form.getFilename().replace(".form", ""));
        assertThat(schema.path("components").isArray()).as("components of %s", form.getFilename()).isTrue();
        assertThat(schema.path("executionPlatform").asText()).isEqualTo("Camunda Cloud");
        assertThat(schema.path("executionPlatformVersion").asText()).isEqualTo("8.8.0");
        assertThat(schema.path("schemaVersion").asInt()).isEqualTo(19);
        forms.put(schema.path("id").asText(), schema);
      }
    }
    for (Resource bpmn : resolver.getResources("classpath*:/workflows/bpmn/*.bpmn")) {
      try (InputStream in = bpmn.getInputStream()) {
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        model.getModelElementsByType(UserTask.class).forEach(task -> userTasks.put(task.getId(), task));
      }
    }
  }

  @Test
  void everyUserTaskIsACamundaUserTaskWithADeployedFormAGroupADueDateAndAPriority() {
    assertThat(userTasks).containsOnlyKeys(CANDIDATE_GROUPS.keySet());
    for (UserTask task : userTasks.values()) {
      assertThat(task.getSingleExtensionElement(ZeebeUserTask.class)).as("zeebe:userTask on %s", task.getId())
          .isNotNull();
      ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
      assertThat(form.getFormId()).as("form of %s", task.getId()).isIn(forms.keySet());
      assertThat(form.getBindingType().name()).isEqualToIgnoringCase("deployment");
      assertThat(task.getSingleExtensionElement(ZeebeTaskSchedule.class).getDueDate())
          .isEqualTo("=string(date and time(now(), \"Z\") + duration(reviewDueIn))");
      assertThat(task.getSingleExtensionElement(ZeebeAssignmentDefinition.class).getCandidateGroups())
          .as("candidate groups of %s", task.getId()).isEqualTo(CANDIDATE_GROUPS.get(task.getId()));
      assertThat(task.getSingleExtensionElement(ZeebePriorityDefinition.class)).as("priority of %s", task.getId())
          .isNotNull();
    }
    assertThat(userTasks.values()).extracting(t -> t.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId())
        .containsExactlyInAnyOrderElementsOf(forms.keySet());
  }

  @Test
  void everyUserTaskHasTheFourTaskListeners() {
    for (UserTask task : userTasks.values()) {
      List<ZeebeTaskListener> listeners = task.getExtensionElements()
          .getElementsQuery().filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners.class)
          .singleResult().getTaskListeners().stream().toList();
      assertThat(listeners).as("task listeners of %s", task.getId())
          .allSatisfy(l -> assertThat(l.getType()).isEqualTo("user-task-" + l.getEventType().name()))
          .extracting(ZeebeTaskListener::getEventType)
          .containsExactlyInAnyOrder(ZeebeTaskListenerEventType.creating, ZeebeTaskListenerEventType.assigning,
              ZeebeTaskListenerEventType.completing, ZeebeTaskListenerEventType.canceling);
    }
  }

  @Test
  void eachFormSubmitsExactlyTheVariablesTheProcessReadsFromItsTask() {
    assertThat(forms).containsOnlyKeys(OUTPUTS.keySet());
    OUTPUTS.forEach((formId, outputs) -> assertThat(keysOf(forms.get(formId))).as("keyed fields of %s", formId)
        .containsExactlyInAnyOrderElementsOf(outputs));
  }

  @Test
  void theOptionsOfADecisionFieldAreTheValuesTheNextGatewayRoutesOn() {
    int gatewaysChecked = 0;
    for (UserTask task : userTasks.values()) {
      JsonNode form = forms.get(task.getSingleExtensionElement(ZeebeFormDefinition.class).getFormId());
      for (SequenceFlow out : task.getOutgoing()) {
        if (!(out.getTarget() instanceof ExclusiveGateway gateway)) {
          continue;
        }
        gatewaysChecked++;
        Map<String, Set<String>> routedOn = new HashMap<>();
        for (SequenceFlow branch : gateway.getOutgoing()) {
          ConditionExpression condition = branch.getConditionExpression();
          assertThat(condition).as("condition on %s", branch.getId()).isNotNull();
          Matcher matcher = CONDITION.matcher(condition.getTextContent().trim());
          assertThat(matcher.matches()).as("%s is `=variable = \"value\"`", condition.getTextContent()).isTrue();
          routedOn.computeIfAbsent(matcher.group(1), v -> new HashSet<>()).add(matcher.group(2));
        }
        routedOn.forEach((variable, values) ->
            assertThat(optionsOf(form, variable)).as("options of %s in the form of %s", variable, task.getId())
                .containsExactlyInAnyOrderElementsOf(values));
      }
    }
    assertThat(gatewaysChecked).isEqualTo(8);
  }

  private static Set<String> keysOf(JsonNode form) {
    Set<String> keys = new HashSet<>();
    StreamSupport.stream(form.path("components").spliterator(), false)
        .filter(c -> c.hasNonNull("key"))
        .forEach(c -> keys.add(c.get("key").asText()));
    return keys;
  }

  private static Set<String> optionsOf(JsonNode form, String key) {
    Set<String> options = new HashSet<>();
    StreamSupport.stream(form.path("components").spliterator(), false)
        .filter(c -> key.equals(c.path("key").asText()))
        .forEach(c -> {
          assertThat(c.path("validate").path("required").asBoolean()).as("%s is required", key).isTrue();
          c.path("values").forEach(v -> options.add(v.path("value").asText()));
        });
    return options;
  }
}
