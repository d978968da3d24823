package org.serviceflow.casefile;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a case's process for an intake, as the signed-in clerk (the process's initiator). The
 * process registers the case (number, case file, acknowledgement) before its first wait state, in
 * this same transaction: the caller gets a case number, or an error and nothing written.
 */
@Service
public class CaseStarter {

  private final RuntimeService runtimeService;

  CaseStarter(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /** The started case: its number (the business key), process instance, and the variables at the first wait state. */
  public record StartedCase(String caseNumber, String processInstanceId, VariableMap variables) {
  }

  @Transactional
  public StartedCase start(String processKey, Map<String, Object> variables) {
    ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(processKey)
        .setVariables(variables)
        .executeWithVariablesInReturn();
    if (instance.getBusinessKey() == null) {
      throw new IllegalStateException(processKey + " process " + instance.getId() + " started without a case number");
    }
    return new StartedCase(instance.getBusinessKey(), instance.getId(), instance.getVariables());
  }
}
