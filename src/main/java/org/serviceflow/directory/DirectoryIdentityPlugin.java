package org.serviceflow.directory;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;

/**
 * Camunda's LDAP identity plugin, with one difference: a lookup that runs without authorization checks
 * ({@code CommandContext.runWithoutAuthorization}, as the least-loaded assignee, the notification recipients
 * and the 12345 dispatch do for the members of a group) sees every user and group, as it does with the engine's
 * own identity tables. The plugin as shipped filters its results by the caller's USER / GROUP READ grants even
 * there (the engine's AuthorizationManager#isAuthorized ignores the command's switch "for backward
 * compatibility"), so a clerk starting a complaint would find no member of the handling group. Queries made
 * with authorization checks (the REST API, the webapps) stay filtered as before.
 */
class DirectoryIdentityPlugin extends LdapIdentityProviderPlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    super.preInit(configuration);
    SessionFactory factory = new SessionFactory();
    factory.setLdapConfiguration(this);
    configuration.setIdentityProviderSessionFactory(factory);
  }

  static class SessionFactory extends LdapIdentityProviderFactory {
    @Override
    public Session openSession() {
      return new DirectorySession(ldapConfiguration);
    }
  }

  static class DirectorySession extends LdapIdentityProviderSession {

    DirectorySession(LdapConfiguration configuration) {
      super(configuration);
    }

    @Override
    protected boolean isAuthorizedToRead(Resource resource, String resourceId) {
      CommandContext context = Context.getCommandContext();
      boolean checksOff = context != null && !context.isAuthorizationCheckEnabled();
      return checksOff || super.isAuthorizedToRead(resource, resourceId);
    }
  }
}
