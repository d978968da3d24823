package org.serviceflow.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordApproval: approved makes the record final; sent back, it waits for the owner's review again. */
@Component
class RecordReportApprovalDelegate implements JavaDelegate {

  private final ReportRecords records;

  RecordReportApprovalDelegate(ReportRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    records.decide(variables.reportId(), (String) execution.getVariable(RecordCompleterListener.COMPLETED_BY), variables.approved());
  }
}
