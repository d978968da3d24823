package org.serviceflow.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordReview: the owner's confirmation, comments and improvement measures go on the record. */
@Component
class RecordReportReviewDelegate implements JavaDelegate {

  private final ReportRecords records;

  RecordReportReviewDelegate(ReportRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    records.confirm(variables.reportId(), (String) execution.getVariable(RecordCompleterListener.COMPLETED_BY),
        variables.text(ReportVariables.REVIEW_COMMENTS), variables.text(ReportVariables.IMPROVEMENT_MEASURES),
        variables.approvalRequired());
  }
}
