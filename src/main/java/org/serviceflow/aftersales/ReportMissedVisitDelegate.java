package org.serviceflow.aftersales;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * 通报错过预约 (Task_ReportMissedVisit, PROCESSES.md B.5; 002:458): the technician did not arrive by the appointment.
 * Notifies the after-sales managers and apologises to the customer; the manager then dispatches again.
 */
@Component
class ReportMissedVisitDelegate implements JavaDelegate {

  static final String MANAGERS = "after-sales-manager";
  static final String TO_STAFF = "aftersales.missedAppointment";
  static final String TO_CUSTOMER = "aftersales.missedAppointmentCustomer";

  private final NotificationService notifications;
  private final CaseFileService caseFiles;

  ReportMissedVisitDelegate(NotificationService notifications, CaseFileService caseFiles) {
    this.notifications = notifications;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AfterSalesVariables order = AfterSalesVariables.of(execution);
    notifications.toGroup(order.caseNumber(), MANAGERS, TO_STAFF, order.noticeParams());
    notifications.toCustomer(order.caseNumber(), TO_CUSTOMER, order.noticeParams(), order.customerEmail(),
        order.customerPhone());
    caseFiles.record(order.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "技术员 " + order.technician() + " 未按预约上门，已通知售后服务经理和客户，重新派工");
  }
}
