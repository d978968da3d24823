package org.serviceflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * Tells the customer something by e-mail and SMS (whichever contact the intake gave), e.g. the timetable
 * when a complaint cannot be solved at once (000:13). The template is the service task's input parameter
 * {@code noticeTemplate}. The notice is recorded on the case timeline.
 */
@Component
class NotifyCustomerDelegate implements JavaDelegate {

  private final NotificationService notifications;
  private final CaseFileService caseFiles;

  NotifyCustomerDelegate(NotificationService notifications, CaseFileService caseFiles) {
    this.notifications = notifications;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintVariables complaint = ComplaintVariables.of(execution);
    notifications.toCustomer(complaint.caseNumber(), complaint.noticeTemplate(), complaint.noticeParams(),
        complaint.customerEmail(), complaint.customerPhone());
    caseFiles.record(complaint.caseNumber(), null, execution.getCurrentActivityName(),
        execution.getCurrentActivityId(), "已通知客户");
  }
}
