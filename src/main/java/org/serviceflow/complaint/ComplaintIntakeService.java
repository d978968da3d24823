package org.serviceflow.complaint;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a complaint process for a validated intake, as the signed-in intake clerk (the process's
 * initiator, 首问负责). Registration (case number, case file, acknowledgement) runs inside the start
 * in the same transaction, so either all of it is written or nothing is.
 */
@Service
class ComplaintIntakeService {

  private final RuntimeService runtimeService;

  ComplaintIntakeService(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** The started case: its number (the process instance's business key) and process instance. */
  record Receipt(String caseNumber, String processInstanceId) {
  }

  @Transactional
  public Receipt receive(ComplaintRequest request) {
    ProcessInstanceWithVariables instance = runtimeService
        .createProcessInstanceByKey(ComplaintVariables.PROCESS_KEY)
        .setVariables(request.toVariables())
        .executeWithVariablesInReturn();
    String caseNumber = instance.getBusinessKey();
    if (caseNumber == null) {
      throw new IllegalStateException("complaint process " + instance.getId() + " started without a case number");
    }
    return new Receipt(caseNumber, instance.getId());
  }
}
