package org.serviceflow.processchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The checks of attached models on the real engine: what a process owner is told about changed files. */
@SpringBootTest
@ActiveProfiles("test")
class ModelValidatorTest {

  @Autowired
  private ModelValidator validator;
  @Autowired
  private RepositoryService repositoryService;

  /** The complaint model as it lies in the repository (deployed as version 1 at start-up). */
  static String complaintBpmn() throws IOException {
    return Files.readString(Path.of("bpmn/complaint.bpmn"));
  }

  /** complaint.bpmn with a renamed task: a change that passes every check. */
  static String changedComplaintBpmn() throws IOException {
    return complaintBpmn().replace("name=\"解释说明\"", "name=\"解释说明并致歉\"");
  }

  static ModelFile file(String name, String content) {
    return new ModelFile(name, content.getBytes(StandardCharsets.UTF_8));
  }

  static ModelFile resource(String name, String resource) throws IOException {
    return new ModelFile(name, Files.readAllBytes(Path.of("src/test/resources/processchange", resource)));
  }

  /** The 1-based line of the first occurrence of a text. */
  static int lineOf(String xml, String text) {
    assertThat(xml).contains(text);
    return (int) xml.substring(0, xml.indexOf(text)).chars().filter(c -> c == '\n').count() + 1;
  }

  private List<String> problemsOf(ModelFile... files) {
    return validator.validate(List.of(files)).stream().map(ModelProblem::toString).toList();
  }

  @Test
  void shouldAcceptAChangedComplaintModelAndDeployNothing() throws IOException {
    long deployments = repositoryService.createDeploymentQuery().count();

    List<String> problems = problemsOf(file("complaint.bpmn", changedComplaintBpmn()),
        file("complaintRouting.dmn", Files.readString(Path.of("bpmn/complaintRouting.dmn"))));

    assertThat(problems).isEmpty();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint").latestVersion()
        .singleResult().getVersion()).isEqualTo(1);
  }

  @Test
  void shouldRejectAModelWithoutADiagramShape() throws IOException {
    String noShape = complaintBpmn().replaceFirst(
        "(?s)<bpmndi:BPMNShape id=\"Task_ExplainToCustomer_di\".*?</bpmndi:BPMNShape>", "");

    assertThat(problemsOf(file("complaint.bpmn", noShape)))
        .containsExactly("complaint.bpmn: userTask Task_ExplainToCustomer has no diagram shape");
  }

  @Test
  void shouldRejectAnUnknownCandidateGroupButNotAnExpression() throws IOException {
    String unknownGroup = complaintBpmn().replace("camunda:candidateGroups=\"hr\"", "camunda:candidateGroups=\"hr, no-such-group\"");

    assertThat(problemsOf(file("complaint.bpmn", unknownGroup)))
        .containsExactly("complaint.bpmn: userTask Task_DecideDiscipline names unknown group 'no-such-group'");
  }

  @Test
  void shouldRejectAnXmlErrorWithItsLine() throws IOException {
    assertThat(problemsOf(resource("complaint.bpmn", "xml-error.bpmn.xml"))).containsExactly(
        "complaint.bpmn: XML error at line 6: The element type \"bpmn:userTask\" must be terminated by the matching end-tag \"</bpmn:userTask>\".");
  }

  @Test
  void shouldRejectWhatTheEnginesParserRejects() throws IOException {
    String timerWithoutDefinition = complaintBpmn().replaceFirst(
        "(?s)<bpmn:timerEventDefinition id=\"TimerEventDefinition_ReturnVisitOverdue\">.*?</bpmn:timerEventDefinition>",
        "<bpmn:timerEventDefinition id=\"TimerEventDefinition_ReturnVisitOverdue\"/>");

    assertThat(problemsOf(file("complaint.bpmn", timerWithoutDefinition))).containsExactly(
        "complaint.bpmn: engine error at line " + lineOf(timerWithoutDefinition, "id=\"TimerEventDefinition_ReturnVisitOverdue\"")
            + " (element BoundaryEvent_ReturnVisitOverdue): "
            + "Timer needs configuration (either timeDate, timeCycle or timeDuration is needed).");
  }

  @Test
  void shouldRejectAProcessWithoutHistoryTimeToLive() throws IOException {
    String noTimeToLive = complaintBpmn().replace(" camunda:historyTimeToLive=\"P1825D\"", "");

    assertThat(problemsOf(file("complaint.bpmn", noTimeToLive))).containsExactly(
        "complaint.bpmn: process complaint has no camunda:historyTimeToLive",
        "complaint.bpmn: engine error at line " + lineOf(noTimeToLive, "<bpmn:process id=\"complaint\"")
            + " (element complaint): ENGINE-12018 History Time To Live (TTL) cannot be null. "
            + "TTL is necessary for the History Cleanup to work.");
  }

  @Test
  void shouldRejectAFileNameThatIsNotTheProcessKey() throws IOException {
    assertThat(problemsOf(file("complaint-v2.bpmn", changedComplaintBpmn())))
        .containsExactly("complaint-v2.bpmn: no process with the file's key 'complaint-v2'");
  }

  @Test
  void shouldAcceptAReferencedFormOnlyWhenAttachedOrDeployed() throws IOException {
    String newForm = complaintBpmn().replace("camunda:formRef=\"complaint_Task_ExplainToCustomer\"",
        "camunda:formRef=\"complaint_Task_ExplainAndApologise\"");
    ModelFile form = file("Task_ExplainAndApologise.form", """
        {"id": "complaint_Task_ExplainAndApologise", "schemaVersion": 16, "executionPlatform": "Camunda Platform",
         "type": "default", "components": [{"type": "textarea", "key": "explanation", "label": "解释内容", "id": "Field_Explanation"}]}
        """);

    assertThat(problemsOf(file("complaint.bpmn", newForm))).containsExactly(
        "complaint.bpmn: userTask Task_ExplainToCustomer references form 'complaint_Task_ExplainAndApologise', "
            + "which is neither attached nor deployed");
    assertThat(problemsOf(file("complaint.bpmn", newForm), form)).isEmpty();
  }

  @Test
  void shouldRejectFormsThatAreNotCamundaForms() throws IOException {
    assertThat(problemsOf(resource("extra.form", "broken-json.form.txt"), file("empty.form", "{\"type\": \"default\"}")))
        .containsExactly(
            "extra.form: JSON error at line 3: Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
            "empty.form: not a Camunda Form: it lacks id, schemaVersion, components");
  }

  @Test
  void shouldRejectADecisionWithoutTheFilesKeyOrTimeToLive() throws IOException {
    String dmn = Files.readString(Path.of("bpmn/complaintRouting.dmn")).replace(" camunda:historyTimeToLive=\"P1825D\"", "");

    assertThat(problemsOf(file("routing.dmn", dmn))).containsExactly(
        "routing.dmn: no decision with the file's key 'routing'",
        "routing.dmn: decision complaintRouting has no camunda:historyTimeToLive",
        "routing.dmn: engine error: ENGINE-12018 History Time To Live (TTL) cannot be null. TTL is necessary for the History Cleanup to work.");
  }

  @Test
  void shouldRejectOtherFileTypesAndDuplicates() throws IOException {
    assertThat(problemsOf(file("notes.txt", "改进说明"), file("complaint.bpmn", changedComplaintBpmn()),
        file("complaint.bpmn", changedComplaintBpmn()))).containsExactly(
            "complaint.bpmn: attached twice",
            "notes.txt: unsupported file type: attach .bpmn, .dmn or .form files only");
  }
}
