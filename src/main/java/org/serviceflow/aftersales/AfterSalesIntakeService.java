package org.serviceflow.aftersales;

import org.serviceflow.casefile.CaseStarter;
import org.serviceflow.casefile.CaseStarter.StartedCase;
import org.springframework.stereotype.Service;

/**
 * Starts an after-sales process for a validated service request, as the signed-in customer-service
 * clerk (the process's initiator). Registration (service order number, case file, service order,
 * acknowledgement) runs inside the start in the same transaction: all of it is written or nothing is.
 */
@Service
class AfterSalesIntakeService {

  private final CaseStarter cases;

  AfterSalesIntakeService(CaseStarter cases) {
    this.cases = cases;
  }

  /**
   * The started case: its service order number (the business key) and process instance, and whether the serial
   * number was repaired within the repeat-repair window (with the earlier order), so the clerk can tell the customer.
   */
  record Receipt(String caseNumber, String processInstanceId, boolean repeatRepair, String earlierCaseNumber) {
  }

  public Receipt receive(ServiceRequest request) {
    StartedCase started = cases.start(AfterSalesVariables.PROCESS_KEY, request.toVariables());
    return new Receipt(started.caseNumber(), started.processInstanceId(),
        Boolean.TRUE.equals(started.variables().get(AfterSalesVariables.REPEAT_REPAIR)),
        (String) started.variables().get(AfterSalesVariables.EARLIER_CASE_NUMBER));
  }
}
