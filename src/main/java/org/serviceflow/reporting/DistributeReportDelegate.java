package org.serviceflow.reporting;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.notification.NotificationService;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * Task_DistributeReport: the confirmed report goes to its recipient groups and, for a report with rows per unit or
 * department, to every group that has rows in it (which, on the report page, sees only its own rows).
 */
@Component
class DistributeReportDelegate implements JavaDelegate {

  static final String TEMPLATE = "report.distributed";

  private final ReportRecords records;
  private final NotificationService notifications;

  DistributeReportDelegate(ReportRecords records, NotificationService notifications) {
    this.records = records;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportVariables variables = ReportVariables.of(execution);
    ReportRecord record = records.find(variables.reportId()).orElseThrow();
    Set<String> groups = new LinkedHashSet<>(TaskNotices.groupIds(execution.getVariable(ReportVariables.RECIPIENT_GROUPS)));
    record.figures().tables().stream().filter(t -> t.scopeColumn() != null)
        .forEach(t -> t.rows().forEach(row -> groups.add(String.valueOf(row.get(t.scopeColumn())))));
    groups.forEach(group -> notifications.toGroup(execution.getProcessBusinessKey(), group, TEMPLATE,
        variables.noticeParams()));
  }
}
