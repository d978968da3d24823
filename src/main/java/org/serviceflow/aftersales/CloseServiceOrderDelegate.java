package org.serviceflow.aftersales;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * 结案 (Task_CloseServiceOrder, PROCESSES.md B.3, B.8, B.10): closes the case file with its outcome and the service
 * order with its warranty status. Out of scope, a declined quote and a 7-day return are told to the customer here
 * (a completed service was told when its report was recorded). Runs asynchronously with retries.
 */
@Component
class CloseServiceOrderDelegate implements JavaDelegate {

  static final String OUT_OF_SCOPE = "aftersales.outOfScope";
  static final String QUOTE_DECLINED = "aftersales.quoteDeclined";
  static final String RETURNED = "aftersales.returned";

  private final CaseFileService caseFiles;
  private final ServiceOrderService orders;
  private final NotificationService notifications;

  CloseServiceOrderDelegate(CaseFileService caseFiles, ServiceOrderService orders,
      NotificationService notifications) {
    this.caseFiles = caseFiles;
    this.orders = orders;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AfterSalesVariables order = AfterSalesVariables.of(execution);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    orders.close(order.caseNumber(), order.noReasonReturn() ? null : order.freeOfCharge(), now);
    caseFiles.close(order.caseNumber(), outcome(order), now);
    String template = template(order);
    if (template != null) {
      notifications.toCustomer(order.caseNumber(), template, order.noticeParams(), order.customerEmail(),
          order.customerPhone());
    }
  }

  static String outcome(AfterSalesVariables order) {
    if (order.noReasonReturn()) {
      return "七天无理由退货，已办理退货退款";
    }
    if (order.outOfScope()) {
      return "不属于售后服务范围：" + order.outOfScopeReason();
    }
    if (order.quoteDeclined()) {
      return "保修期外，客户不接受报价";
    }
    return "服务完成，客户验收并满意";
  }

  private static String template(AfterSalesVariables order) {
    if (order.noReasonReturn()) {
      return RETURNED;
    }
    if (order.outOfScope()) {
      return OUT_OF_SCOPE;
    }
    return order.quoteDeclined() ? QUOTE_DECLINED : null;
  }
}
