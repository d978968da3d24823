package org.serviceflow.aftersales;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * Tells the customer something by e-mail and SMS (whichever contact the intake gave), e.g. the quote. The
 * template is the service task's input parameter {@code noticeTemplate} (a key of
 * notification/templates/aftersales.yaml). The notice is recorded on the case timeline.
 */
@Component
class NotifyAfterSalesCustomerDelegate implements JavaDelegate {

  private final NotificationService notifications;
  private final CaseFileService caseFiles;

  NotifyAfterSalesCustomerDelegate(NotificationService notifications, CaseFileService caseFiles) {
    this.notifications = notifications;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AfterSalesVariables order = AfterSalesVariables.of(execution);
    notifications.toCustomer(order.caseNumber(), order.noticeTemplate(), order.noticeParams(),
        order.customerEmail(), order.customerPhone());
    caseFiles.record(order.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "已通知客户");
  }
}
