package org.serviceflow.directory;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Profile {@code ldap}: users, groups and passwords come from the company's LDAP directory through Camunda's
 * LDAP identity plugin, read-only. Authorizations, filters and everything else stay in the engine database;
 * identity set-up grants the staff groups there as usual, by group id. The administrator is a directory group
 * (and optionally a user) given every permission by the engine's {@link AdministratorAuthorizationPlugin}.
 * Settings: {@code serviceflow.ldap.directory.*} (the plugin's properties) and
 * {@code serviceflow.ldap.administrator.*}, filled from environment variables in application-ldap.yaml.
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
class LdapDirectoryConfiguration {

  static final String DIRECTORY = "serviceflow.ldap.directory";
  static final String ADMINISTRATOR = "serviceflow.ldap.administrator";

  @Bean
  LdapIdentityProviderPlugin ldapIdentityProviderPlugin(Environment environment) {
    LdapIdentityProviderPlugin plugin = bind(environment, DIRECTORY, new DirectoryIdentityPlugin());
    LdapSettingsCheck.check(plugin);
    return plugin;
  }

  @Bean
  AdministratorAuthorizationPlugin ldapAdministratorAuthorizationPlugin(Environment environment) {
    AdministratorAuthorizationPlugin plugin = bind(environment, ADMINISTRATOR, new AdministratorAuthorizationPlugin());
    LdapSettingsCheck.check(plugin);
    return plugin;
  }

  /** Sets the plugin's properties from the settings below the prefix (relaxed names: server-url → serverUrl). */
  private static <T> T bind(Environment environment, String prefix, T plugin) {
    Binder.get(environment).bind(prefix, Bindable.ofInstance(plugin));
    return plugin;
  }
}
