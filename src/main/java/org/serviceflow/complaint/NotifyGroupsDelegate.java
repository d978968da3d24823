package org.serviceflow.complaint;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * Notifies staff groups of a complaint: warnings, escalations, 催办. The model says who and what, in the
 * service task's input parameters {@code noticeTemplate} (a key of notification/templates/complaint.yaml)
 * and {@code noticeGroups} (a list of group ids, expressions allowed, e.g. {@code ${handlingGroup}});
 * a group named twice is notified once. The notice is recorded on the case timeline.
 */
@Component
class NotifyGroupsDelegate implements JavaDelegate {

  private final NotificationService notifications;
  private final CaseFileService caseFiles;

  NotifyGroupsDelegate(NotificationService notifications, CaseFileService caseFiles) {
    this.notifications = notifications;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintVariables complaint = ComplaintVariables.of(execution);
    String caseNumber = complaint.caseNumber();
    List<String> groups = complaint.noticeGroups().stream().distinct().toList();
    if (groups.isEmpty()) {
      throw new IllegalStateException(execution.getCurrentActivityId() + ": input parameter "
          + ComplaintVariables.NOTICE_GROUPS + " names no group (modelling error)");
    }
    for (String group : groups) {
      notifications.toGroup(caseNumber, group, complaint.noticeTemplate(), complaint.noticeParams());
    }
    caseFiles.record(caseNumber, null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "已通知：" + String.join("、", groups));
  }
}
