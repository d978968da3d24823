package org.serviceflow.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * What a lead or supervisor sees of their department's tasks ({@link StaffGroup#department()}):
 *
 * <ul>
 *   <li>READ on every task offered to a group of their department, given when the engine links the group to the
 *   task (the engine's own rule gives the candidate group READ and UPDATE; the lead only reads, and claims or
 *   passes work on through the collaboration API). The grant goes with the task when it ends.</li>
 *   <li>the filter function {@code ${currentUserDepartment()}}: the signed-in user's groups plus the groups of the
 *   departments they lead, used by the Tasklist filters 本部门全部, 督办中 and 已延期.</li>
 * </ul>
 */
public final class DepartmentTasks {

  /** Name of the filter expression function. */
  static final String CURRENT_USER_DEPARTMENT = "currentUserDepartment";

  private DepartmentTasks() {
  }

  /** Filter expression function: the signed-in user's groups and the groups of the departments they lead. */
  public static List<String> currentUserDepartment() {
    CommandContext context = Context.getCommandContext();
    List<String> groups = context == null ? null : context.getAuthenticatedGroupIds();
    return StaffGroup.withDepartments(groups == null ? List.of() : groups);
  }

  /** The engine's task authorizations, plus READ for the leads of each candidate group's department. */
  static class AuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      AuthorizationEntity[] engine = super.newTaskGroupIdentityLink(task, groupId, type);
      List<String> leads = StaffGroup.leadsOf(groupId);
      if (leads.isEmpty()) {
        return engine;
      }
      List<AuthorizationEntity> all = new ArrayList<>(engine == null ? List.of() : Arrays.asList(engine));
      for (String lead : leads) {
        all.add(createOrUpdateAuthorization(task, null, lead, Resources.TASK, false, Permissions.READ));
      }
      return all.toArray(AuthorizationEntity[]::new);
    }
  }
}
