package org.serviceflow.reporting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completion of a report's user task: who completed it — the signed-in user, else the person it was assigned to —
 * goes into variable {@code completedBy}, which the next service task writes on the record. A report is confirmed by a
 * person: a completion by nobody known fails.
 */
@Component
class RecordCompleterListener implements TaskListener {

  static final String COMPLETED_BY = "completedBy";

  private final IdentityService identityService;

  RecordCompleterListener(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    String user = authentication != null && authentication.getUserId() != null
        ? authentication.getUserId() : task.getAssignee();
    if (user == null) {
      throw new IllegalStateException(task.getTaskDefinitionKey() + " of " + task.getExecution().getBusinessKey()
          + " is completed by nobody known: a report is confirmed by a person (claim it first)");
    }
    task.getExecution().setVariable(COMPLETED_BY, user);
  }
}
