package org.serviceflow.processchange;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * 废止流程 (Task_RetireProcess, PROCESSES.md C.5): on the effective date every version of the process is
 * suspended — running cases finish (their instances stay active), no new case starts — and the catalogue
 * marks it retired with the approval case.
 */
@Component
class RetireProcessDelegate implements JavaDelegate {

  private final RepositoryService repositoryService;
  private final ProcessCatalogue catalogue;
  private final CaseFileService caseFiles;

  RetireProcessDelegate(RepositoryService repositoryService, ProcessCatalogue catalogue, CaseFileService caseFiles) {
    this.repositoryService = repositoryService;
    this.catalogue = catalogue;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessChangeVariables change = ProcessChangeVariables.of(execution);
    String key = change.targetProcessKey();
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).active().count() > 0) {
      repositoryService.suspendProcessDefinitionByKey(key, false, null);
    }
    catalogue.retire(change.caseNumber(), key, ClockUtil.getCurrentTime().toInstant());
    caseFiles.record(change.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "流程 " + key + " 已废止：不再发起新案件，在办案件继续办理");
  }
}
