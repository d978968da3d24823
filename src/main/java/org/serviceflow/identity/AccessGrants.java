package org.serviceflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * The authorizations each group needs (authorization checks are on). Grants are idempotent: an
 * existing grant for the same group and resource is extended, never duplicated.
 *
 * <p>Task visibility is not granted here: the engine's DefaultAuthorizationProvider gives the
 * candidate groups, candidate users and the assignee of each task READ and UPDATE on that task,
 * so every group sees only its own tasks.
 */
class AccessGrants {

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  private final AuthorizationService authorizationService;

  AccessGrants(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** @param tasklistGroupIds every group that works in Tasklist (see {@link StaffGroupSetup#tasklistGroupIds()}) */
  void ensureDefaults(List<String> tasklistGroupIds) {
    tasklistGroupIds.forEach(this::grantTasklist);
    for (StaffGroup group : StaffGroup.values()) {
      for (String processKey : group.startableProcessKeys()) {
        grantStart(group.id(), processKey);
      }
    }
    grantAuditor(StaffGroup.AUDITORS.id());
  }

  /**
   * Tasklist access; READ on the process definitions so task and start forms, the diagram and the
   * process name show. Reading a definition does not reveal its tasks or instances.
   */
  void grantTasklist(String groupId) {
    grant(groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
    grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grantReadOwnGroup(groupId);
  }

  /**
   * Members read their own group (/api/me, group queries by member). The engine grants this itself when
   * it creates a group in its database; a directory group (profile ldap) is never created there, so it is
   * granted here for both.
   */
  void grantReadOwnGroup(String groupId) {
    grant(groupId, Resources.GROUP, groupId, Permissions.READ);
  }

  /**
   * Start a process in Tasklist (listed with startablePermissionCheck) or through the intake API:
   * READ + CREATE_INSTANCE on the definition and CREATE on process instances (only grantable for
   * any instance). Camunda Forms of a deployment are read by the engine without a DEPLOYMENT grant.
   */
  void grantStart(String groupId, String processKey) {
    grant(groupId, Resources.PROCESS_DEFINITION, processKey,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(groupId, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
  }

  /** Read-only Cockpit: definitions, instances and history of processes and decisions. */
  void grantAuditor(String groupId) {
    grant(groupId, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grantReadOwnGroup(groupId);
    grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    grant(groupId, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(groupId, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
  }

  /** Grants the permissions to the group, extending an existing grant for the same resource. */
  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .list().stream().findFirst().orElse(null);
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (grantsAll(authorization, permissions)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private static boolean grantsAll(Authorization authorization, Permission[] permissions) {
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        return false;
      }
    }
    return true;
  }
}
