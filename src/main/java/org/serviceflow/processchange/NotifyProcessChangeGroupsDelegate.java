package org.serviceflow.processchange;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * Notifies staff groups of a process change: review warnings, escalations, publication. The model says
 * who and what in the service task's input parameters {@code noticeTemplate} (a key of
 * notification/templates/processchange.yaml) and {@code noticeGroups} (group ids or a list expression such
 * as {@code ${trainingGroups}}). The notice is recorded on the case timeline.
 */
@Component
class NotifyProcessChangeGroupsDelegate implements JavaDelegate {

  private final NotificationService notifications;
  private final CaseFileService caseFiles;

  NotifyProcessChangeGroupsDelegate(NotificationService notifications, CaseFileService caseFiles) {
    this.notifications = notifications;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessChangeVariables change = ProcessChangeVariables.of(execution);
    List<String> groups = change.noticeGroups();
    Map<String, Object> params = change.noticeParams();
    params.put("notice", execution.getCurrentActivityName());
    for (String group : groups) {
      notifications.toGroup(change.caseNumber(), group, change.noticeTemplate(), params);
    }
    caseFiles.record(change.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        groups.isEmpty() ? "无需通知" : "已通知：" + String.join("、", groups));
  }
}
