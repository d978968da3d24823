package org.serviceflow.processchange;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Component;

/** 办结: closes the case file with the outcome the model names in the input parameter {@code closeOutcome}. */
@Component
class CloseProcessChangeDelegate implements JavaDelegate {

  private final CaseFileService caseFiles;

  CloseProcessChangeDelegate(CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessChangeVariables change = ProcessChangeVariables.of(execution);
    caseFiles.close(change.caseNumber(), change.closeOutcome(), ClockUtil.getCurrentTime().toInstant());
  }
}
