package org.serviceflow.hotline;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * Notifies staff groups of an appeal: warnings (黄灯), supervision (督办), missed first contact. The model says who
 * and what in the service task's input parameters {@code noticeTemplate} (a key of notification/templates/hotline.yaml)
 * and {@code noticeGroups} (group ids, expressions allowed, e.g. {@code ${handlingUnit}}). Staff notices never carry
 * the citizen's name or phone. The notice is recorded on the case timeline.
 */
@Component
class NotifyHotlineStaffDelegate implements JavaDelegate {

  private final NotificationService notifications;
  private final CaseFileService caseFiles;

  NotifyHotlineStaffDelegate(NotificationService notifications, CaseFileService caseFiles) {
    this.notifications = notifications;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    List<String> groups = appeal.noticeGroups();
    if (groups.isEmpty()) {
      throw new IllegalStateException(execution.getCurrentActivityId() + ": input parameter "
          + HotlineVariables.NOTICE_GROUPS + " names no group (modelling error)");
    }
    for (String group : groups) {
      notifications.toGroup(appeal.caseNumber(), group, appeal.noticeTemplate(), appeal.noticeParams());
    }
    caseFiles.record(appeal.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "已通知：" + String.join("、", groups));
  }
}
