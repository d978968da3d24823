package org.serviceflow.hotline;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * Tells the citizen something by SMS (acknowledgement with case number and time limit, 000:276; who handles the
 * appeal, D.5; the close). The template is the service task's input parameter {@code noticeTemplate}. Name and
 * phone come from the case file, because a confidential citizen's are not in the process variables.
 */
@Component
class NotifyCitizenDelegate implements JavaDelegate {

  private final NotificationService notifications;
  private final CaseFileService caseFiles;

  NotifyCitizenDelegate(NotificationService notifications, CaseFileService caseFiles) {
    this.notifications = notifications;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    HotlineVariables appeal = HotlineVariables.of(execution);
    CaseView file = caseFiles.get(appeal.caseNumber());
    Map<String, Object> params = appeal.noticeParams();
    params.put("citizenName", file.customerName() != null ? file.customerName() : "市民");
    if (file.customerPhone() != null) {
      notifications.toCustomer(appeal.caseNumber(), appeal.noticeTemplate(), params, null, file.customerPhone());
    }
    caseFiles.record(appeal.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        file.customerPhone() != null ? "已短信告知诉求人" : "诉求人未留电话，未发送");
  }
}
