package org.serviceflow.aftersales;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * Notifies the staff groups the service task names of a service order: overdue replies, parts, factory
 * returns, return visits, difficult faults ({@link TaskNotices}: input parameters noticeTemplate and
 * noticeGroups).
 */
@Component
class NotifyAfterSalesGroupsDelegate implements JavaDelegate {

  private final TaskNotices notices;

  NotifyAfterSalesGroupsDelegate(TaskNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.toGroups(execution, AfterSalesVariables.of(execution).noticeParams());
  }
}
