package org.serviceflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.serviceflow.identity.StaffGroup;
import org.serviceflow.processchange.ModelConventions;

/** Every model in bpmn/ opens cleanly in Modeler, renders in Cockpit and follows the id conventions. */
class ModelConventionsTest {

  static Stream<Path> bpmnFiles() {
    return ModelFiles.bpmnFiles().stream();
  }

  static Stream<Path> dmnFiles() {
    return ModelFiles.dmnFiles().stream();
  }

  /** The model checks on a file as it lies in the repository: its key is the file name without ".bpmn". */
  static List<String> check(Path file) {
    String fileKey = file.getFileName().toString().replaceFirst("\\.bpmn$", "");
    return ModelConventions.check(Bpmn.readModelFromFile(file.toFile()), fileKey);
  }

  @Test
  void shouldFindTheProcessModels() {
    assertThat(ModelFiles.bpmnFiles()).extracting(p -> p.getFileName().toString()).contains("complaint.bpmn");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void shouldFollowTheModelConventions(Path file) {
    assertThat(check(file)).as("model problems in %s", file).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void shouldGiveEveryDecisionAHistoryTimeToLive(Path file) {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    String fileKey = file.getFileName().toString().replaceFirst("\\.dmn$", "");
    assertThat(model.getModelElementsByType(Decision.class))
        .as("decisions in %s", file)
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", d.getId()).isNotBlank())
        .anySatisfy(d -> assertThat(d.getId()).isEqualTo(fileKey));
  }

  /** The check a submitted model gets against the engine's groups (ModelValidator), here against the groups set up at start-up. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void shouldNameOnlyGroupsThatExist(Path file) {
    Set<String> groups = Arrays.stream(StaffGroup.values()).map(StaffGroup::id).collect(Collectors.toSet());
    List<String> unknown = Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class).stream()
        .filter(task -> task.getCamundaCandidateGroups() != null)
        .flatMap(task -> Arrays.stream(task.getCamundaCandidateGroups().split(","))
            .map(String::trim)
            .filter(group -> !group.contains("{") && !group.contains("}") && !groups.contains(group))
            .map(group -> task.getId() + " names unknown group '" + group + "'"))
        .toList();

    assertThat(unknown).as("groups in %s", file).isEmpty();
  }

  @Test
  void shouldReportEveryKindOfProblemInABrokenModel() {
    List<String> problems = check(Path.of("src/test/resources/models/broken-model.xml"));

    assertThat(problems).containsExactlyInAnyOrder(
        "no process with the file's key 'broken-model.xml'",
        "process Process_Other has no camunda:historyTimeToLive",
        "userTask Activity_0r8lucn has no diagram shape",
        "userTask Activity_0r8lucn does not follow the id convention Task_PascalCase",
        "userTask Activity_0r8lucn names no group or assignee",
        "userTask Activity_0r8lucn has no form",
        "userTask Activity_0r8lucn keeps a case.deadline but has no camunda:dueDate",
        "startEvent StartEvent_Received has no Chinese name",
        "exclusiveGateway Gateway_Valid is not named as a question",
        "sequence flow SequenceFlow_No out of Gateway_Valid is not labelled with its answer",
        "boundaryEvent BoundaryEvent_Overdue is a deadline without documentation");
  }
}
