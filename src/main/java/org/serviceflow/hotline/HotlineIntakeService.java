package org.serviceflow.hotline;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a 12345 hotline process for a validated appeal, as the signed-in hotline operator (the
 * process's initiator). Registration (case number, case file, acknowledgement to the citizen) runs
 * inside the start in the same transaction, so either all of it is written or nothing is.
 */
@Service
class HotlineIntakeService {

  private final RuntimeService runtimeService;

  HotlineIntakeService(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** The started case: its number (the process instance's business key) and process instance. */
  record Receipt(String caseNumber, String processInstanceId) {
  }

  @Transactional
  public Receipt receive(AppealRequest request) {
    ProcessInstanceWithVariables instance = runtimeService
        .createProcessInstanceByKey(HotlineVariables.PROCESS_KEY)
        .setVariables(request.toVariables())
        .executeWithVariablesInReturn();
    String caseNumber = instance.getBusinessKey();
    if (caseNumber == null) {
      throw new IllegalStateException("hotline process " + instance.getId() + " started without a case number");
    }
    return new Receipt(caseNumber, instance.getId());
  }
}
