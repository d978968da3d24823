package org.serviceflow.hotline;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * Keeps the case file in step with the model, as the element's extension properties say: on task create,
 * {@code case.status} becomes the case status and {@code case.deadline} names the deadline kind stored with the
 * task's due and follow-up dates (the same instants as its timers); on the end of the owning element the deadline
 * is met. To be shared via casefile: the same listener as the complaint process's, kept local because process
 * packages do not depend on each other.
 */
@Component
class HotlineCaseFileListener implements TaskListener, ExecutionListener {

  static final String STATUS = "case.status";
  static final String DEADLINE = "case.deadline";

  private final CaseFileService caseFiles;

  HotlineCaseFileListener(CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    BaseElement element = task.getBpmnModelElementInstance();
    property(element, STATUS).ifPresent(status -> caseFiles.updateStatus(caseNumber, status));
    property(element, DEADLINE)
        .filter(kind -> task.getDueDate() != null)
        .ifPresent(kind -> caseFiles.setDeadline(caseNumber, kind, task.getDueDate(), task.getFollowUpDate()));
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    property(execution.getBpmnModelElementInstance(), DEADLINE).ifPresent(kind -> caseFiles.completeDeadline(
        execution.getProcessBusinessKey(), kind, ClockUtil.getCurrentTime().toInstant()));
  }

  static Optional<String> property(BaseElement element, String name) {
    if (element == null || element.getExtensionElements() == null) {
      return Optional.empty();
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }
}
