package org.serviceflow.segregation;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Who an open approval task excludes (职责分离, docs/collaboration.md), for the checks that run before the engine
 * sees a request: the collaboration API and {@link ProposerGuard}. Reads as the system, so that the proposer, who
 * may not read the task, still gets a clear refusal instead of "not found".
 */
@Component
public class SegregationOfDuties {

  private final ProcessEngine engine;

  SegregationOfDuties(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The user the task excludes, or empty (no such task, or a task without segregation of duties). */
  public Optional<String> excludedUser(String taskId) {
    return Optional.ofNullable(configuration().getCommandExecutorTxRequired().execute(context ->
        context.runWithoutAuthorization(() -> {
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          Object user = task == null ? null : task.getVariableLocal(ProposerListeners.EXCLUDED_USER);
          return user instanceof String id && !id.isBlank() ? id : null;
        })));
  }

  /** Refuses when {@code userId} is the proposer the task excludes. */
  public void requireNotProposer(String taskId, String userId) {
    if (userId != null && excludedUser(taskId).filter(userId::equals).isPresent()) {
      throw new DutySegregationException(userId, taskName(taskId));
    }
  }

  private String taskName(String taskId) {
    return configuration().getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      return task == null || task.getName() == null ? taskId : task.getName();
    }));
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
