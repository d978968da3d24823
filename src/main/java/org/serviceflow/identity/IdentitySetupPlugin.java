package org.serviceflow.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Right after the engine is built (before the job executor runs and before any request), makes
 * sure the groups, their authorizations, the Tasklist filters and, in the demo profile, the demo
 * users exist. Every step is idempotent, so a restart on the same database changes nothing.
 */
@Component
class IdentitySetupPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetupPlugin.class);

  private final IdentityProperties properties;
  private final Environment environment;

  IdentitySetupPlugin(IdentityProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /**
   * Group ids are kebab-case ({@code customer-service}); the engine's default whitelist only
   * allows letters and digits (and {@code camunda-admin}). User ids keep the default.
   */
  static final String GROUP_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    AdminPasswordCheck.check(environment);
    if (configuration.getGroupResourceWhitelistPattern() == null
        || configuration.getGroupResourceWhitelistPattern().isEmpty()) {
      configuration.setGroupResourceWhitelistPattern(GROUP_ID_PATTERN);
    }
    if (configuration.getResourceAuthorizationProvider() == null) {
      configuration.setResourceAuthorizationProvider(new DepartmentTasks.AuthorizationProvider());
    }
  }

  /** The filter function {@code ${currentUserDepartment()}}, next to the engine's {@code ${currentUserGroups()}}. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    try {
      configuration.getExpressionManager().addFunction(DepartmentTasks.CURRENT_USER_DEPARTMENT,
          DepartmentTasks.class.getMethod(DepartmentTasks.CURRENT_USER_DEPARTMENT));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    setUp(engine);
  }

  /**
   * With a read-only identity provider (profile ldap) the groups and users live in the directory: nothing is
   * written to them (the engine would refuse), the authorizations and filters are granted to the same group
   * ids in the engine database, and catalogue groups the directory lacks are logged.
   */
  void setUp(ProcessEngine engine) {
    IdentityService identityService = engine.getIdentityService();
    boolean directory = identityService.isReadOnly();
    AccessGrants grants = new AccessGrants(engine.getAuthorizationService());
    StaffGroupSetup groups = new StaffGroupSetup(identityService);
    if (directory) {
      groups.warnAboutMissingGroups();
    } else {
      groups.ensureGroups();
    }
    // demo users first: their technician groups work in Tasklist like the catalogue's
    boolean demoUsers = properties.demoUsers() && !directory;
    if (demoUsers) {
      new DemoUsers(identityService).ensureUsers();
    } else if (properties.demoUsers()) {
      LOG.warn("Demo users are off: users come from the read-only directory");
    }
    List<String> tasklistGroupIds = groups.tasklistGroupIds();
    grants.ensureDefaults(tasklistGroupIds);
    new TasklistFilters(engine.getFilterService(), engine.getTaskService(), grants,
        environment.getProperty("serviceflow.task-priority.raised", Integer.class, 80)).ensureFilters(tasklistGroupIds);
    LOG.info("Identity set up: {} groups ({}), demo users {}", StaffGroup.values().length,
        directory ? "read-only directory" : "engine database", demoUsers ? "on" : "off");
  }
}
