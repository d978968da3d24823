package org.serviceflow.aftersales;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.casefile.NewCase;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * 登记售后服务单 (Task_RegisterServiceOrder, PROCESSES.md B.1, B.9): opens the case file (SH + yyMM + serial) as
 * the business key, writes the service order, flags a repeat repair of the serial number on the case and the
 * order, works out the product's age for the warranty decision and the 7-day return, and writes the
 * acknowledgement to the customer into the outbox. Runs in the intake's transaction: all or nothing.
 */
@Component
class RegisterServiceOrderDelegate implements JavaDelegate {

  static final String OWNER_GROUP = "customer-service";
  static final String ACKNOWLEDGEMENT = "aftersales.acknowledged";

  private final CaseFileService caseFiles;
  private final ServiceOrderService orders;
  private final NotificationService notifications;
  private final ServiceTimes times;

  RegisterServiceOrderDelegate(CaseFileService caseFiles, ServiceOrderService orders,
      NotificationService notifications, ServiceTimes times) {
    this.caseFiles = caseFiles;
    this.orders = orders;
    this.notifications = notifications;
    this.times = times;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AfterSalesVariables request = AfterSalesVariables.of(execution);
    Date receivedAt = ClockUtil.getCurrentTime();
    String caseNumber = caseFiles.open(new NewCase(CaseType.AFTER_SALES, execution.getProcessInstanceId(),
        request.customerName(), request.customerPhone(), request.customerEmail(), null, request.serviceType(),
        request.urgency(), OWNER_GROUP, request.intakeUser(), receivedAt.toInstant()));
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(AfterSalesVariables.CASE_NUMBER, caseNumber);
    execution.setVariable(AfterSalesVariables.RECEIVED_AT, receivedAt);
    execution.setVariable(AfterSalesVariables.TECHNICIAN, null);
    execution.setVariable(AfterSalesVariables.MONTHS_SINCE_PURCHASE,
        times.monthsSincePurchase(request.purchaseDate(), receivedAt));
    execution.setVariable(AfterSalesVariables.NO_REASON_RETURN, AfterSalesVariables.RETURN.equals(request.serviceType())
        && times.withinDaysOfPurchase(request.purchaseDate(), receivedAt, request.noReasonReturnDays()));

    Optional<String> earlier = orders.open(new ServiceOrderService.NewOrder(caseNumber, request.serialNumber(),
        request.productLine(), request.productModel(), request.purchaseDate(), request.serviceType(),
        request.urgency(), receivedAt.toInstant()), request.repeatRepairWindowDays());
    execution.setVariable(AfterSalesVariables.REPEAT_REPAIR, earlier.isPresent());
    execution.setVariable(AfterSalesVariables.EARLIER_CASE_NUMBER, earlier.orElse(null));
    earlier.ifPresent(previous -> caseFiles.flagForReview(caseNumber, "重复维修：序列号 " + request.serialNumber()
        + " 在 " + request.repeatRepairWindowDays() + " 天内已维修（服务单 " + previous + "）"));

    notifications.toCustomer(caseNumber, ACKNOWLEDGEMENT, request.noticeParams(), request.customerEmail(),
        request.customerPhone());
  }
}
