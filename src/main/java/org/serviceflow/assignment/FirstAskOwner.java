package org.serviceflow.assignment;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Create listener of the tasks {@link FirstAskProperties} lists: the case's first-ask owner (首问负责人) becomes the
 * assignee, the candidate group stays. An owner who is no longer a member of the group is passed over: the task
 * stays with the group and the case timeline says so, so that the lead can hand it on (转办).
 */
public class FirstAskOwner implements TaskListener {

  /**
   * Task-local variable naming the first-ask owner the task was given to as it was created: a later assignee (a
   * claim, a transfer) differs from it, which is how 撤回 tells an untouched next step from a claimed one.
   */
  public static final String ASSIGNED_AT_CREATION = "firstAskOwner";

  static final String ACTION = "首问负责";
  static final String SYSTEM = "系统";

  private final FirstAskProperties properties;
  private final ObjectProvider<IdentityService> identityService;
  private final ObjectProvider<CaseFileService> caseFiles;

  FirstAskOwner(FirstAskProperties properties, ObjectProvider<IdentityService> identityService,
      ObjectProvider<CaseFileService> caseFiles) {
    this.properties = properties;
    this.identityService = identityService;
    this.caseFiles = caseFiles;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() != null) {
      return;
    }
    Object value = task.getVariable(properties.variable());
    String owner = value == null ? null : value.toString().strip();
    if (owner == null || owner.isEmpty()) {
      return; // a case without an intake user (e.g. taken over from an older system): the group keeps it
    }
    // runs as whoever completed the previous step: look up the membership without their authorizations
    boolean member = Context.getCommandContext().runWithoutAuthorization(() -> identityService.getObject()
        .createUserQuery().userId(owner).memberOfGroup(properties.group()).count() > 0);
    if (member) {
      task.setAssignee(owner);
      task.setVariableLocal(ASSIGNED_AT_CREATION, owner);
      return;
    }
    String caseNumber = task.getExecution().getProcessBusinessKey();
    CaseFileService files = caseFiles.getObject();
    if (files.exists(caseNumber)) {
      files.record(caseNumber, SYSTEM, ACTION, task.getTaskDefinitionKey(), "首问负责人 " + owner + " 已不在"
          + properties.group() + "组，“" + task.getName() + "”留给 " + properties.group() + " 组办理，由主管转办");
    }
  }
}
