package org.serviceflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.serviceflow.processchange.ModelConventions;

/**
 * Every form a model references exists in forms/, is valid Camunda Form JSON that Tasklist 7.24
 * renders, and has the fields the model reads after the task.
 */
class FormReferencesTest {

  /** Components Tasklist 7.24 (form-js 1.8.7) renders; filepicker and documentPreview do not (TASKLIST.md). */
  private static final Set<String> RENDERED = Set.of("text", "textfield", "textarea", "number", "select", "radio",
      "checkbox", "checklist", "datetime", "taglist", "group", "default", "button", "spacer", "separator");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([a-zA-Z_][a-zA-Z0-9_]*)(?![\\w(.])");
  private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or",
      "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, FormFile> FORMS = new HashMap<>();

  record FormFile(Path path, String id, Set<String> keys) {
  }

  @BeforeAll
  static void readForms() throws IOException {
    for (Path path : ModelFiles.formFiles()) {
      JsonNode form = JSON.readTree(path.toFile());
      String id = form.path("id").asText();
      Set<String> keys = new LinkedHashSet<>();
      collectKeys(form.path("components"), keys);
      FORMS.put(id, new FormFile(path, id, keys));
    }
  }

  static Stream<Path> formFiles() {
    return ModelFiles.formFiles().stream();
  }

  static Stream<Path> bpmnFiles() {
    return ModelFiles.bpmnFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void shouldBeAFormTasklistRenders(Path path) throws IOException {
    JsonNode form = JSON.readTree(path.toFile());
    String elementId = path.getFileName().toString().replaceFirst("\\.form$", "");
    String processKey = path.getParent().getFileName().toString();

    assertThat(form.path("id").asText()).as("form id of %s", path).isEqualTo(processKey + "_" + elementId);
    assertThat(form.path("schemaVersion").asInt()).as("schemaVersion of %s", path).isEqualTo(16);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    List<String> problems = new ArrayList<>();
    checkComponents(form.path("components"), new LinkedHashSet<>(), problems);
    assertThat(problems).as("components of %s", path).isEmpty();
  }

  @Test
  void shouldGiveEveryFormAUniqueId() throws IOException {
    Map<String, Path> seen = new HashMap<>();
    for (Path path : ModelFiles.formFiles()) {
      String id = JSON.readTree(path.toFile()).path("id").asText();
      assertThat(seen.put(id, path)).as("form id %s used again by %s", id, path).isNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void shouldReferenceExistingFormsWithTheFieldsTheModelReads(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> problems = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      FormFile form = formOf(task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), problems);
      if (form != null) {
        checkOutcomeVariables(task, form, problems);
        checkFollowingDecision(task, form, problems);
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() instanceof Process && start.getCamundaFormRef() != null) {
        formOf(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), problems);
      }
    }
    assertThat(problems).as("form problems in %s", file).isEmpty();
  }

  private static FormFile formOf(BaseElement element, String formRef, String binding, List<String> problems) {
    if (formRef == null) {
      return null;
    }
    if (!"deployment".equals(binding)) {
      problems.add(element.getId() + ": formRef binding must be 'deployment', is " + binding);
    }
    FormFile form = FORMS.get(formRef);
    if (form == null) {
      problems.add(element.getId() + ": form '" + formRef + "' not found in forms/");
    }
    return form;
  }

  /** The variables a task's timeline entry shows are written by its form. */
  private static void checkOutcomeVariables(UserTask task, FormFile form, List<String> problems) {
    for (String variable : outcomeVariables(task)) {
      if (!form.keys().contains(variable)) {
        problems.add(task.getId() + ": timeline.outcome names '" + variable + "', which form " + form.id() + " has no field for");
      }
    }
  }

  /** A decision right after a task reads at least one answer that the task's form gives. */
  private static void checkFollowingDecision(UserTask task, FormFile form, List<String> problems) {
    for (SequenceFlow out : ModelConventions.outgoing(task)) {
      FlowNode next = out.getTarget();
      if (!(next instanceof ExclusiveGateway gateway) || ModelConventions.outgoing(gateway).size() < 2) {
        continue;
      }
      Set<String> read = new LinkedHashSet<>();
      ModelConventions.outgoing(gateway).stream()
          .filter(flow -> flow.getConditionExpression() != null)
          .forEach(flow -> read.addAll(identifiers(flow.getConditionExpression().getTextContent())));
      if (!read.isEmpty() && read.stream().noneMatch(form.keys()::contains)) {
        problems.add(gateway.getId() + " after " + task.getId() + " reads " + read + ", none of which form " + form.id() + " asks for");
      }
    }
  }

  private static List<String> outcomeVariables(UserTask task) {
    if (task.getExtensionElements() == null) {
      return List.of();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
        .list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> "timeline.outcome".equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .flatMap(v -> Stream.of(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  static Set<String> identifiers(String expression) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(expression.replaceAll("'[^']*'|\"[^\"]*\"", "''"));
    while (m.find()) {
      if (!EL_WORDS.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        keys.add(c.get("key").asText());
      }
      collectKeys(c.path("components"), keys);
    }
  }

  private static void checkComponents(JsonNode components, Set<String> keys, List<String> problems) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (!RENDERED.contains(type)) {
        problems.add("component " + c.path("id").asText() + " has type '" + type + "', which Tasklist 7.24 does not render");
      }
      if (c.hasNonNull("key") && !keys.add(c.get("key").asText())) {
        problems.add("key '" + c.get("key").asText() + "' appears twice");
      }
      boolean input = c.hasNonNull("key");
      if (input && !c.path("label").asText().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
        problems.add("field '" + c.get("key").asText() + "' has no Chinese label");
      }
      checkComponents(c.path("components"), keys, problems);
    }
  }
}
