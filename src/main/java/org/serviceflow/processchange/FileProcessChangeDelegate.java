package org.serviceflow.processchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/**
 * 更新流程清单 (Task_UpdateCatalogue, PROCESSES.md C.5): after enterprise-management filed the approved change,
 * the catalogue takes its name, level, category, owner group, version tag and approval case.
 */
@Component
class FileProcessChangeDelegate implements JavaDelegate {

  private final ProcessCatalogue catalogue;
  private final CaseFileService caseFiles;

  FileProcessChangeDelegate(ProcessCatalogue catalogue, CaseFileService caseFiles) {
    this.catalogue = catalogue;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessChangeVariables change = ProcessChangeVariables.of(execution);
    catalogue.file(change.caseNumber(), change.targetProcessKey(), change.targetProcessName(), change.level(),
        change.category(), change.ownerGroup(), change.changeType(), change.newVersionTag(),
        ClockUtil.getCurrentTime().toInstant());
    caseFiles.record(change.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "流程清单已更新：" + change.targetProcessKey() + " 版本 " + change.newVersionTag());
  }
}
