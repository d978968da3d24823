package org.serviceflow.aftersales;

import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * 告知预约 (Task_ConfirmAppointment, PROCESSES.md B.5): records the technician and the agreed appointment on the
 * service order, sets the arrival deadline {@code visitDueAt} (the appointment; for urgent requests the same day
 * at the latest, 003:370) that the arrival task's due date and missed-visit timer use, and tells the customer.
 */
@Component
class ScheduleVisitDelegate implements JavaDelegate {

  static final String APPOINTMENT = "aftersales.appointment";

  private final ServiceOrderService orders;
  private final CaseFileService caseFiles;
  private final NotificationService notifications;
  private final ServiceTimes times;

  ScheduleVisitDelegate(ServiceOrderService orders, CaseFileService caseFiles, NotificationService notifications,
      ServiceTimes times) {
    this.orders = orders;
    this.caseFiles = caseFiles;
    this.notifications = notifications;
    this.times = times;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AfterSalesVariables order = AfterSalesVariables.of(execution);
    OffsetDateTime appointment = times.parse(order.appointmentAt());
    Date visitDue = times.visitDue(appointment, order.urgent(), ClockUtil.getCurrentTime());
    execution.setVariable(AfterSalesVariables.VISIT_DUE_AT, visitDue);

    orders.dispatch(order.caseNumber(), order.technician(), appointment.toInstant());
    caseFiles.record(order.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "技术员 " + order.technician() + "，预约 " + appointment.toLocalDateTime().toString().replace('T', ' '));
    notifications.toCustomer(order.caseNumber(), APPOINTMENT, order.noticeParams(),
        order.customerEmail(), order.customerPhone());
  }
}
