package org.serviceflow.processchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Artifact;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;

/**
 * The project's model checks, as one reusable function: every problem a process owner would trip
 * over in Modeler, Cockpit or Tasklist. Used by the model tests on bpmn/ and by {@link ModelValidator}
 * on the models attached to a process change.
 */
public final class ModelConventions {

  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  /** Camunda-style technical ids, e.g. Task_VerifyComplaint; generated ids such as Activity_0r8lucn fail. */
  private static final String NAME_PART = "_[A-Z][A-Za-z0-9]*";
  private static final Map<Class<? extends BaseElement>, String> PREFIXES = new java.util.LinkedHashMap<>();

  static {
    PREFIXES.put(StartEvent.class, "StartEvent");
    PREFIXES.put(EndEvent.class, "EndEvent");
    PREFIXES.put(BoundaryEvent.class, "BoundaryEvent");
    PREFIXES.put(IntermediateCatchEvent.class, "(IntermediateCatchEvent|Event)");
    PREFIXES.put(IntermediateThrowEvent.class, "(IntermediateThrowEvent|Event)");
    PREFIXES.put(SubProcess.class, "SubProcess");
    PREFIXES.put(CallActivity.class, "(CallActivity|Task)");
    PREFIXES.put(Task.class, "Task");
    PREFIXES.put(Gateway.class, "Gateway");
    PREFIXES.put(SequenceFlow.class, "SequenceFlow");
    PREFIXES.put(Artifact.class, "(TextAnnotation|Association|Group)");
  }

  private ModelConventions() {
  }

  /**
   * The problems of a model, each naming the element ("userTask Task_X has no diagram shape"); empty
   * when it follows the conventions. {@code fileKey} is the file name without ".bpmn": the key of
   * the process the file must define.
   */
  public static List<String> check(BpmnModelInstance model, String fileKey) {
    List<String> problems = new ArrayList<>();
    Set<String> drawn = drawnElementIds(model);
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    if (processes.stream().noneMatch(p -> p.getId().equals(fileKey))) {
      problems.add("no process with the file's key '" + fileKey + "'");
    }
    for (Process process : processes) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add("process " + process.getId() + " has no camunda:historyTimeToLive");
      }
    }
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      checkElement(element, drawn, problems);
    }
    for (Artifact artifact : model.getModelElementsByType(Artifact.class)) {
      checkId(artifact, problems);
      if (!drawn.contains(artifact.getId())) {
        problems.add(describe(artifact) + " has no diagram shape");
      }
    }
    return problems;
  }

  private static void checkElement(FlowElement element, Set<String> drawn, List<String> problems) {
    if (!drawn.contains(element.getId())) {
      problems.add(describe(element) + " has no diagram shape");
    }
    checkId(element, problems);
    if ((element instanceof Activity || element instanceof Event) && !hasChineseName(element)) {
      problems.add(describe(element) + " has no Chinese name");
    }
    if (element instanceof UserTask task) {
      checkUserTask(task, problems);
    }
    if (element instanceof BusinessRuleTask task && task.getCamundaDecisionRef() == null
        && task.getCamundaDelegateExpression() == null) {
      problems.add(describe(element) + " names no decision");
    }
    if (element instanceof ExclusiveGateway gateway && outgoing(gateway).size() > 1) {
      checkDecisionGateway(gateway, problems);
    }
    if (element instanceof BoundaryEvent event
        && !event.getChildElementsByType(TimerEventDefinition.class).isEmpty()
        && event.getDocumentations().isEmpty()) {
      problems.add(describe(element) + " is a deadline without documentation");
    }
  }

  private static void checkUserTask(UserTask task, List<String> problems) {
    if (task.getCamundaCandidateGroups() == null && task.getCamundaAssignee() == null
        && task.getCamundaCandidateUsers() == null) {
      problems.add(describe(task) + " names no group or assignee");
    }
    if (task.getCamundaFormRef() == null && task.getCamundaFormKey() == null) {
      problems.add(describe(task) + " has no form");
    }
    if (hasProperty(task, "case.deadline") && task.getCamundaDueDate() == null) {
      problems.add(describe(task) + " keeps a case.deadline but has no camunda:dueDate");
    }
  }

  private static boolean hasProperty(BaseElement element, String name) {
    return element.getExtensionElements() != null
        && element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
            .flatMap(properties -> properties.getCamundaProperties().stream())
            .anyMatch(property -> name.equals(property.getCamundaName()));
  }

  private static void checkDecisionGateway(ExclusiveGateway gateway, List<String> problems) {
    String name = gateway.getName();
    if (name == null || !(name.endsWith("?") || name.endsWith("？"))) {
      problems.add(describe(gateway) + " is not named as a question");
    }
    for (SequenceFlow flow : outgoing(gateway)) {
      if (flow.getName() == null || flow.getName().isBlank()) {
        problems.add("sequence flow " + flow.getId() + " out of " + gateway.getId() + " is not labelled with its answer");
      }
    }
  }

  private static void checkId(BaseElement element, List<String> problems) {
    String prefix = PREFIXES.entrySet().stream()
        .filter(e -> e.getKey().isInstance(element))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("[A-Z][A-Za-z]*");
    if (element.getId() == null || !element.getId().matches(prefix + NAME_PART)) {
      problems.add(describe(element) + " does not follow the id convention " + prefix.replaceAll("[()]", "") + "_PascalCase");
    }
  }

  /** Flows leaving a node, found by their sourceRef (hand-written XML may omit the outgoing elements). */
  public static List<SequenceFlow> outgoing(FlowElement node) {
    return node.getModelInstance().getModelElementsByType(SequenceFlow.class).stream()
        .filter(flow -> flow.getSource() == node)
        .toList();
  }

  private static boolean hasChineseName(FlowElement element) {
    return element.getName() != null && CJK.matcher(element.getName()).find();
  }

  private static Set<String> drawnElementIds(BpmnModelInstance model) {
    Set<String> ids = new HashSet<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (shape.getBpmnElement() != null) {
        ids.add(shape.getBpmnElement().getId());
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (edge.getBpmnElement() != null) {
        ids.add(edge.getBpmnElement().getId());
      }
    }
    return ids;
  }

  /** How problems name an element: its BPMN type and id, e.g. "userTask Task_Verify". */
  static String describe(BaseElement element) {
    return element.getElementType().getTypeName() + " " + element.getId();
  }
}
