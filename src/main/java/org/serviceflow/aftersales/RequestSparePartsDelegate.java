package org.serviceflow.aftersales;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * 申请备件 (Task_RequestSpareParts, PROCESSES.md B.6; 000 L125 §四.4): sends the parts request (name, model,
 * quantity, needed-by date) to the warehouse and sets {@code partsDueAt}, the end of the needed-by day, which the
 * delivery task's due date and timer use.
 */
@Component
class RequestSparePartsDelegate implements JavaDelegate {

  static final String WAREHOUSE = "warehouse";
  static final String REQUESTED = "aftersales.sparePartsRequested";

  private final NotificationService notifications;
  private final CaseFileService caseFiles;
  private final ServiceTimes times;

  RequestSparePartsDelegate(NotificationService notifications, CaseFileService caseFiles, ServiceTimes times) {
    this.notifications = notifications;
    this.caseFiles = caseFiles;
    this.times = times;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AfterSalesVariables order = AfterSalesVariables.of(execution);
    Date due = times.endOfDay(order.partsNeededBy());
    execution.setVariable(AfterSalesVariables.PARTS_DUE_AT, due);

    Map<String, Object> params = order.noticeParams();
    params.put("partsDueAt", due);
    notifications.toGroup(order.caseNumber(), WAREHOUSE, REQUESTED, params);
    caseFiles.record(order.caseNumber(), null, execution.getCurrentActivityName(), execution.getCurrentActivityId(),
        "备件 " + params.get("partName") + "（" + params.get("partModel") + "）× " + params.get("partQuantity")
            + "，需用日期 " + order.partsNeededBy());
  }
}
