package org.serviceflow.aftersales;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * 结案 (Task_CloseServiceOrder, and Task_CloseConsentRefused when the customer refuses extra cost found on site;
 * PROCESSES.md B.3, B.6, B.8, B.10): closes the case file with its outcome and the service order with its warranty
 * status. Out of scope, a declined quote, refused extra cost and a 7-day return are told to the customer here (a
 * completed service was told when its report was recorded). Runs asynchronously with retries.
 */
@Component
class CloseServiceOrderDelegate implements JavaDelegate {

  static final String OUT_OF_SCOPE = "aftersales.outOfScope";
  static final String QUOTE_DECLINED = "aftersales.quoteDeclined";
  static final String RETURNED = "aftersales.returned";
  static final String CONSENT_REFUSED = "aftersales.consentRefused";

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
    if (order.consentRefused()) {
      return "客户不同意现场发现的额外费用，服务终止：" + order.consentRefusedReason();
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
    if (order.consentRefused()) {
      return CONSENT_REFUSED;
    }
    return order.quoteDeclined() ? QUOTE_DECLINED : null;
  }
}
