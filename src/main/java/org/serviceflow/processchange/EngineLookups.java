package org.serviceflow.processchange;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * What the engine already knows — groups, deployed processes and forms — asked without the signed-in
 * user's authorizations: a process owner may not read the group list, yet their submission is checked
 * against it. Also runs the engine's own commands (the deployment check) the same way.
 */
@Component
class EngineLookups {

  private final CommandExecutor commands;

  EngineLookups(ProcessEngine engine) {
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  boolean groupExists(String groupId) {
    return run(context -> context.getReadOnlyIdentityProvider().findGroupById(groupId) != null);
  }

  boolean processDeployed(String processKey) {
    return run(context -> context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(processKey) != null);
  }

  /** A Camunda Form with this id is deployed (a formRef with binding "latest" or an earlier deployment). */
  boolean formDeployed(String formId) {
    return run(context -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null);
  }

  /** Runs an engine command without authorization checks, in the caller's transaction if there is one. */
  <T> T run(Command<T> command) {
    return commands.execute(context -> context.runWithoutAuthorization(command));
  }
}
