package org.serviceflow.segregation;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** The task listeners that {@link SegregationParseListener} adds to proposing and approval tasks. */
final class ProposerListeners {

  /** Task-local variable of an approval task: the user it excludes (the proposer). */
  static final String EXCLUDED_USER = "excludedUser";

  private ProposerListeners() {
  }

  /** The user acting now: the engine's authenticated user, else the task's assignee; null if neither. */
  static String actingUser(DelegateTask task) {
    CommandContext context = Context.getCommandContext();
    String authenticated = context == null ? null : context.getAuthenticatedUserId();
    return authenticated != null ? authenticated : task.getAssignee();
  }

  static String excludedUser(DelegateTask task) {
    Object user = task.getVariableLocal(EXCLUDED_USER);
    return user instanceof String id && !id.isBlank() ? id : null;
  }

  /** Complete of the proposing task: who completed it is the proposer. */
  static final class RecordProposer implements TaskListener {

    private final String variable;

    RecordProposer(String variable) {
      this.variable = variable;
    }

    @Override
    public void notify(DelegateTask task) {
      task.getExecution().setVariable(variable, actingUser(task));
    }
  }

  /**
   * Create of the approval task: remembers the proposer on the task and revokes their every permission on it with
   * a user REVOKE authorization. Camunda lets a user's authorization override their groups' (the candidate group's
   * GRANT), and with the default {@code authorizationCheckRevokes = auto} checks revokes for exactly the users who
   * have one. The engine deletes the task's authorizations with the task.
   */
  static final class ExcludeProposer implements TaskListener {

    private final String variable;

    ExcludeProposer(String variable) {
      this.variable = variable;
    }

    @Override
    public void notify(DelegateTask task) {
      Object proposer = task.getVariable(variable);
      if (!(proposer instanceof String user) || user.isBlank()) {
        return;
      }
      task.setVariableLocal(EXCLUDED_USER, user);
      if (user.equals(task.getAssignee())) {
        throw new DutySegregationException(user, task.getName());
      }
      var authorizations = task.getProcessEngineServices().getAuthorizationService();
      Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
      revoke.setUserId(user);
      revoke.setResource(Resources.TASK);
      revoke.setResourceId(task.getId());
      revoke.removePermission(Permissions.READ);
      revoke.removePermission(Permissions.UPDATE);
      revoke.removePermission(Permissions.DELETE);
      revoke.removePermission(TaskPermissions.TASK_ASSIGN);
      revoke.removePermission(TaskPermissions.TASK_WORK);
      revoke.removePermission(TaskPermissions.READ_VARIABLE);
      revoke.removePermission(TaskPermissions.UPDATE_VARIABLE);
      Context.getCommandContext().runWithoutAuthorization(() -> authorizations.saveAuthorization(revoke));
    }
  }

  /** Assignment (claim, setAssignee, transfer, delegation) of the approval task to the proposer is refused. */
  static final class RefuseAssignment implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
      String excluded = excludedUser(task);
      if (excluded != null && excluded.equals(task.getAssignee())) {
        throw new DutySegregationException(excluded, task.getName());
      }
    }
  }

  /** Completion of the approval task by the proposer (signed in, or as its assignee) is refused. */
  static final class RefuseCompletion implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
      String excluded = excludedUser(task);
      if (excluded == null) {
        return;
      }
      CommandContext context = Context.getCommandContext();
      String authenticated = context == null ? null : context.getAuthenticatedUserId();
      if (excluded.equals(authenticated) || excluded.equals(task.getAssignee())) {
        throw new DutySegregationException(excluded, task.getName());
      }
    }
  }
}
