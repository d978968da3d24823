package org.serviceflow.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CompileFigures: compiles the month's figures into a report record and shows them to the owner's review. */
@Component
class CompileReportDelegate implements JavaDelegate {

  private final ReportRecords records;
  private final ReportSchedule schedule;

  CompileReportDelegate(ReportRecords records, ReportSchedule schedule) {
    this.records = records;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    long id = records.compile(variables.type(), variables.period(), execution.getProcessInstanceId(),
        schedule.dueOf(variables.period(), variables.dueDay()));
    ReportRecord record = records.find(id).orElseThrow();
    execution.setVariable(ReportVariables.REPORT_ID, id);
    execution.setVariable(ReportVariables.REPORT_LABEL, record.label());
    execution.setVariable(ReportVariables.REPORT_SUMMARY, ReportText.summary(record.figures()));
    execution.setVariable(ReportVariables.REPORT_LINK, "/reports/" + id);
  }
}
