package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lints every deployed BPMN model with bpmnlint ({@code lint/.bpmnlintrc}: bpmnlint:recommended and
 * camunda-compat for Camunda 8.8), as Camunda Modeler does. Any report, a warning too, fails the build.
 * The Maven build installs bpmnlint into {@code lint/node_modules} (npm ci) before the tests run.
 *
 * <p>One recommended rule is off there, end-event-required: it cannot make an exception for a process that
 * loops until its caller cancels it. The test below checks end events instead, with that exception named.
 */
class BpmnLintTest {

  /** Processes that run as long as their caller (the active partnership) and end only when it cancels them. */
  private static final Set<String> RUN_UNTIL_CANCELED = Set.of("partner-business-planning");

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path LINT = MODULE.resolve("lint");
  private static final Path MODELS = MODULE.resolve("src/main/resources/workflows");

  @Test
  void everyDeployedBpmnModelIsCleanUnderBpmnlint() throws IOException, InterruptedException {
    Path cli = LINT.resolve("node_modules/bpmnlint/bin/bpmnlint.js");
    assertThat(cli).as("bpmnlint, installed by `npm ci` in %s (mvn generate-test-resources)", LINT).exists();
    List<String> models = bpmnModels().stream().map(Path::toString).toList();
    assertThat(models).as("BPMN models under %s", MODELS).isNotEmpty();

    List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--max-warnings=0"));
    command.addAll(models);
    // the working directory holds .bpmnlintrc and the node_modules its plug-in is resolved from
    Process lint = new ProcessBuilder(command).directory(LINT.toFile()).redirectErrorStream(true).start();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lint.waitFor(60, TimeUnit.SECONDS)).as("bpmnlint finished").isTrue();

    assertThat(lint.exitValue()).as("bpmnlint exit code; its report:%n%s", output).isZero();
    assertThat(output).as("bpmnlint report").doesNotContainIgnoringCase("problem").doesNotContain("warning");
  }

  @Test
  void everyProcessAndSubProcessHasAnEndEventUnlessItRunsUntilItsCallerCancelsIt() throws IOException {
    List<String> processes = new ArrayList<>();
    for (Path file : bpmnModels()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (var process : model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)) {
        processes.add(process.getId());
        boolean ends = !process.getChildElementsByType(EndEvent.class).isEmpty();
        assertThat(ends).as("%s has an end event", process.getId())
            .isEqualTo(!RUN_UNTIL_CANCELED.contains(process.getId()));
      }
      for (SubProcess subProcess : model.getModelElementsByType(SubProcess.class)) {
        assertThat(subProcess.getChildElementsByType(EndEvent.class)).as("end events of %s", subProcess.getId())
            .isNotEmpty();
      }
    }
    assertThat(processes).containsAll(RUN_UNTIL_CANCELED);
  }

  private static List<Path> bpmnModels() throws IOException {
    try (Stream<Path> files = Files.walk(MODELS)) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
