package org.serviceflow.aftersales;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * Notifies staff groups of a service order: overdue replies, parts, factory returns and return visits. The model
 * says who and what, in the service task's input parameters {@code noticeTemplate} and {@code noticeGroups} (a
 * list of group ids); a group named twice is notified once. The notice is recorded on the case timeline.
 */
@Component
class NotifyAfterSalesGroupsDelegate implements JavaDelegate {

  private final NotificationService notifications;
  private final CaseFileService caseFiles;

  NotifyAfterSalesGroupsDelegate(NotificationService notifications, CaseFileService caseFiles) {
    this.notifications = notifications;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AfterSalesVariables order = AfterSalesVariables.of(execution);
    List<String> groups = order.noticeGroups().stream().distinct().toList();
    if (groups.isEmpty()) {
      throw new IllegalStateException(execution.getCurrentActivityId() + ": input parameter "
          + AfterSalesVariables.NOTICE_GROUPS + " names no group (modelling error)");
    }
    for (String group : groups) {
      notifications.toGroup(order.caseNumber(), group, order.noticeTemplate(), order.noticeParams());
    }
    caseFiles.record(order.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "已通知：" + String.join("、", groups));
  }
}
