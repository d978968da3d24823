package org.serviceflow.priority;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.serviceflow.casefile.CasePriority;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Why a case is served first, for its case file (the case page): the labels of the rules of
 * {@link TaskPriorityProperties} that reach the raised priority and that the case's process variables match now,
 * running or ended (read from the history, which keeps the last value of each). Read as the system: whoever may read
 * the case file may read why it is served first.
 */
@Component
class CaseServedFirst implements CasePriority {

  private final TaskPriorityProperties properties;
  // resolved at the first case file read: the engine is built after the case file beans
  private final ObjectProvider<ProcessEngine> engine;

  CaseServedFirst(TaskPriorityProperties properties, ObjectProvider<ProcessEngine> engine) {
    this.properties = properties;
    this.engine = engine;
  }

  @Override
  public Optional<String> servedFirst(String processInstanceId) {
    List<String> names = properties.rules().stream().map(TaskPriorityProperties.Rule::variable).distinct().toList();
    if (names.isEmpty()) {
      return Optional.empty();
    }
    ProcessEngine processEngine = engine.getObject();
    Command<List<HistoricVariableInstance>> read = context -> context.runWithoutAuthorization(() ->
        processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceIdIn(processInstanceId)
            .variableNameIn(names.toArray(String[]::new)).list());
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : ((ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(read)) {
      if (processInstanceId.equals(variable.getExecutionId())) { // the case's own variables, not a task's or a scope's
        variables.put(variable.getName(), variable.getValue());
      }
    }
    List<String> labels = properties.servedFirstLabels(variables::get);
    return labels.isEmpty() ? Optional.empty() : Optional.of(ServedFirst.reason(labels));
  }
}
