package org.serviceflow.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/** The report's warnings and escalations to the groups the service task names (noticeTemplate, noticeGroups). */
@Component
class NotifyReportGroupsDelegate implements JavaDelegate {

  private final TaskNotices notices;

  NotifyReportGroupsDelegate(TaskNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.toGroups(execution, ReportVariables.of(execution).noticeParams());
  }
}
