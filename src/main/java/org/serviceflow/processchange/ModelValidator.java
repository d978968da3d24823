package org.serviceflow.processchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXParseException;

/**
 * Checks the model files attached to a process change before anything is started (PROCESSES.md C.2):
 * each must parse with the Camunda model API, pass the engine's deployment check
 * ({@link EngineDeploymentCheck}) and the project's model checks ({@link ModelConventions}, known
 * candidate groups, forms that exist). Every problem names its file.
 */
@Component
public class ModelValidator {

  static final Set<String> TYPES = Set.of("bpmn", "dmn", "form");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How the model API reports a fatal parse error: "Fatal Error: URI=null Line=6: The element type …". */
  private static final Pattern PARSER_LINE = Pattern.compile("Line=(\\d+):(.*)", Pattern.DOTALL);

  private final EngineLookups engine;
  private final EngineDeploymentCheck deploymentCheck;

  ModelValidator(EngineLookups engine, EngineDeploymentCheck deploymentCheck) {
    this.engine = engine;
    this.deploymentCheck = deploymentCheck;
  }

  /** Every problem of every file, in file order; empty when all of them may be submitted. */
  public List<ModelProblem> validate(List<ModelFile> files) {
    List<ModelProblem> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Map<ModelFile, JsonNode> forms = new LinkedHashMap<>();
    for (ModelFile file : files) {
      if (!names.add(file.name())) {
        problems.add(new ModelProblem(file.name(), "attached twice"));
      }
    }
    for (ModelFile file : files) {
      if ("form".equals(file.extension())) {
        forms.put(file, readForm(file, problems));
      }
    }
    Set<String> submittedFormIds = new HashSet<>();
    forms.values().stream().filter(form -> form != null).forEach(form -> submittedFormIds.add(form.get("id").asText()));
    for (ModelFile file : files) {
      List<String> found = switch (file.extension()) {
        case "bpmn" -> checkBpmn(file, submittedFormIds);
        case "dmn" -> checkDmn(file);
        case "form" -> forms.get(file) == null ? List.of() : deploymentCheck.check(file);
        default -> List.of("unsupported file type: attach .bpmn, .dmn or .form files only");
      };
      found.forEach(message -> problems.add(new ModelProblem(file.name(), message)));
    }
    return problems;
  }

  private List<String> checkBpmn(ModelFile file, Set<String> submittedFormIds) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    } catch (ModelException e) {
      return List.of(xmlError(e));
    }
    List<String> problems = new ArrayList<>(ModelConventions.check(model, file.baseName()));
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      for (String group : CandidateGroups.named(task.getCamundaCandidateGroups())) {
        if (!engine.groupExists(group)) {
          problems.add(ModelConventions.describe(task) + " names unknown group '" + group + "'");
        }
      }
      checkFormRef(task, task.getCamundaFormRef(), submittedFormIds, problems);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() instanceof Process) {
        checkFormRef(start, start.getCamundaFormRef(), submittedFormIds, problems);
      }
    }
    problems.addAll(deploymentCheck.check(file));
    return problems;
  }

  private void checkFormRef(BaseElement element, String formRef, Set<String> submittedFormIds, List<String> problems) {
    if (formRef != null && !formRef.contains("${") && !submittedFormIds.contains(formRef) && !engine.formDeployed(formRef)) {
      problems.add(ModelConventions.describe(element) + " references form '" + formRef
          + "', which is neither attached nor deployed");
    }
  }

  private List<String> checkDmn(ModelFile file) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    } catch (ModelException e) {
      return List.of(xmlError(e));
    }
    List<String> problems = new ArrayList<>();
    var decisions = model.getModelElementsByType(Decision.class);
    if (decisions.stream().noneMatch(decision -> file.baseName().equals(decision.getId()))) {
      problems.add("no decision with the file's key '" + file.baseName() + "'");
    }
    for (Decision decision : decisions) {
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        problems.add("decision " + decision.getId() + " has no camunda:historyTimeToLive");
      }
    }
    problems.addAll(deploymentCheck.check(file));
    return problems;
  }

  /** A Camunda Form: JSON with an id, a schemaVersion and components; null (and problems) otherwise. */
  private static JsonNode readForm(ModelFile file, List<ModelProblem> problems) {
    JsonNode form;
    try {
      form = JSON.readTree(file.content());
    } catch (JsonProcessingException e) {
      problems.add(new ModelProblem(file.name(), "JSON error at line " + e.getLocation().getLineNr() + ": "
          + e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      problems.add(new ModelProblem(file.name(), "JSON error: " + e.getMessage()));
      return null;
    }
    List<String> missing = new ArrayList<>();
    if (form == null || !form.path("id").isTextual() || form.path("id").asText().isBlank()) {
      missing.add("id");
    }
    if (form == null || !form.path("schemaVersion").isNumber()) {
      missing.add("schemaVersion");
    }
    if (form == null || !form.path("components").isArray()) {
      missing.add("components");
    }
    if (!missing.isEmpty()) {
      problems.add(new ModelProblem(file.name(), "not a Camunda Form: it lacks " + String.join(", ", missing)));
      return null;
    }
    return form;
  }

  /** "XML error at line 12: …" from the parser's exception (the model API wraps the SAX error). */
  static String xmlError(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SAXParseException sax) {
        return "XML error at line " + sax.getLineNumber() + ": " + sax.getMessage();
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    Matcher located = PARSER_LINE.matcher(String.valueOf(root.getMessage()));
    return located.find() ? "XML error at line " + located.group(1) + ": " + located.group(2).strip()
        : "XML error: " + root.getMessage();
  }
}
