package org.serviceflow.aftersales;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * 登记服务结果 (Task_RecordServiceReport, PROCESSES.md B.7, B.10): adds the report's labour, materials and
 * transport costs to the service order, stamps {@code completedAt} (the return visit counts from it) and tells
 * the customer the service is complete.
 */
@Component
class RecordServiceReportDelegate implements JavaDelegate {

  static final String COMPLETED = "aftersales.completed";

  private final ServiceOrderService orders;
  private final CaseFileService caseFiles;
  private final NotificationService notifications;

  RecordServiceReportDelegate(ServiceOrderService orders, CaseFileService caseFiles,
      NotificationService notifications) {
    this.orders = orders;
    this.caseFiles = caseFiles;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AfterSalesVariables order = AfterSalesVariables.of(execution);
    Date completedAt = ClockUtil.getCurrentTime();
    orders.complete(order.caseNumber(), order.labourCost(), order.materialsCost(), order.transportCost(),
        completedAt.toInstant());
    execution.setVariable(AfterSalesVariables.COMPLETED_AT, completedAt);
    caseFiles.record(order.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "人工费 " + order.labourCost() + " 元，材料费 " + order.materialsCost() + " 元，交通费 "
            + order.transportCost() + " 元");
    notifications.toCustomer(order.caseNumber(), COMPLETED, order.noticeParams(), order.customerEmail(),
        order.customerPhone());
  }
}
