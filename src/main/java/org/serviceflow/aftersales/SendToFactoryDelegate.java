package org.serviceflow.aftersales;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.calendar.Deadlines;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * 登记返厂并告知客户 (Task_SendToFactory, PROCESSES.md B.6; 003:373): stamps {@code factorySentAt}, from which the
 * factory repair is due in factoryReturnWorkdays working days, and tells the customer that date.
 */
@Component
class SendToFactoryDelegate implements JavaDelegate {

  static final String FACTORY_RETURN = "aftersales.factoryReturn";

  private final Deadlines deadlines;
  private final NotificationService notifications;
  private final CaseFileService caseFiles;

  SendToFactoryDelegate(Deadlines deadlines, NotificationService notifications, CaseFileService caseFiles) {
    this.deadlines = deadlines;
    this.notifications = notifications;
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AfterSalesVariables order = AfterSalesVariables.of(execution);
    Date sentAt = ClockUtil.getCurrentTime();
    Date due = deadlines.workdaysFrom(sentAt, order.factoryReturnWorkdays());
    execution.setVariable(AfterSalesVariables.FACTORY_SENT_AT, sentAt);

    Map<String, Object> params = order.noticeParams();
    params.put("factoryReturnDueAt", due);
    notifications.toCustomer(order.caseNumber(), FACTORY_RETURN, params, order.customerEmail(),
        order.customerPhone());
    caseFiles.record(order.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "返厂维修，" + order.factoryReturnWorkdays() + " 个工作日内修复，已告知客户");
  }
}
