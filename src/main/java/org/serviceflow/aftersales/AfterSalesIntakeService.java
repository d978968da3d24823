package org.serviceflow.aftersales;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts an after-sales process for a validated service request, as the signed-in customer-service
 * clerk (the process's initiator). Registration (service order number, case file, service order,
 * acknowledgement) runs inside the start in the same transaction: all of it is written or nothing is.
 */
@Service
class AfterSalesIntakeService {

  private final RuntimeService runtimeService;

  AfterSalesIntakeService(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /**
   * The started case: its service order number (the business key) and process instance, and whether the serial
   * number was repaired within the repeat-repair window (with the earlier order), so the clerk can tell the customer.
   */
  record Receipt(String caseNumber, String processInstanceId, boolean repeatRepair, String earlierCaseNumber) {
  }

  @Transactional
  public Receipt receive(ServiceRequest request) {
    ProcessInstanceWithVariables instance = runtimeService
        .createProcessInstanceByKey(AfterSalesVariables.PROCESS_KEY)
        .setVariables(request.toVariables())
        .executeWithVariablesInReturn();
    String caseNumber = instance.getBusinessKey();
    if (caseNumber == null) {
      throw new IllegalStateException("after-sales process " + instance.getId() + " started without a case number");
    }
    VariableMap variables = instance.getVariables();
    return new Receipt(caseNumber, instance.getId(),
        Boolean.TRUE.equals(variables.get(AfterSalesVariables.REPEAT_REPAIR)),
        (String) variables.get(AfterSalesVariables.EARLIER_CASE_NUMBER));
  }
}
