package org.serviceflow.aftersales;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.notification.TaskNotices;
import org.springframework.stereotype.Component;

/**
 * Tells the customer something by e-mail and SMS (whichever contact the intake gave), e.g. the quote;
 * the template is the service task's input parameter noticeTemplate ({@link TaskNotices}).
 */
@Component
class NotifyAfterSalesCustomerDelegate implements JavaDelegate {

  private final TaskNotices notices;

  NotifyAfterSalesCustomerDelegate(TaskNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AfterSalesVariables order = AfterSalesVariables.of(execution);
    notices.toCustomer(execution, order.noticeParams(), order.customerEmail(), order.customerPhone());
  }
}
