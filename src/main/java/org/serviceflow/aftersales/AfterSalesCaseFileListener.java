package org.serviceflow.aftersales;

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
 * {@code case.status} becomes the case status and {@code case.deadline} names the deadline stored with the task's
 * due date; on the element's end (not when a timer interrupts it) the deadline is met.
 *
 * <p>To be shared via casefile: this is the smallest local equivalent of the complaint package's
 * CaseFileListener, which process packages may not import (they never depend on each other). Once casefile
 * offers one listener bean, bind that in afterSalesService.bpmn and delete this class.
 */
@Component
class AfterSalesCaseFileListener implements TaskListener, ExecutionListener {

  static final String STATUS = "case.status";
  static final String DEADLINE = "case.deadline";

  private final CaseFileService caseFiles;

  AfterSalesCaseFileListener(CaseFileService caseFiles) {
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

  private static Optional<String> property(BaseElement element, String name) {
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
