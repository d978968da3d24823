package org.serviceflow.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * Tells the customer something by e-mail and SMS (whichever contact the intake gave), e.g. the timetable
 * when a complaint cannot be solved at once (000:13); the template is the service task's input
 * parameter noticeTemplate ({@link TaskNotices}).
 */
@Component
class NotifyCustomerDelegate implements JavaDelegate {

  private final TaskNotices notices;

  NotifyCustomerDelegate(TaskNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintVariables complaint = ComplaintVariables.of(execution);
    notices.toCustomer(execution, complaint.noticeParams(), complaint.customerEmail(), complaint.customerPhone());
  }
}
