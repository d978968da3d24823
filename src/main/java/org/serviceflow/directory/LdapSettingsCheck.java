package org.serviceflow.directory;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;

/**
 * Refuses to start the ldap profile on settings that cannot work: no server, a manager DN without a
 * password (the directory would be searched anonymously, or not at all), a placeholder Spring left unresolved,
 * or an administrator group other than camunda-admin.
 */
final class LdapSettingsCheck {

  private LdapSettingsCheck() {
  }

  static void check(LdapConfiguration directory) {
    List<String> problems = new ArrayList<>();
    if (blank(directory.getServerUrl())) {
      problems.add("SERVICEFLOW_LDAP_URL (the directory's ldap:// or ldaps:// URL) is not set");
    }
    if (!blank(directory.getManagerDn()) && blank(directory.getManagerPassword())) {
      problems.add("SERVICEFLOW_LDAP_MANAGER_PASSWORD is not set for the manager DN " + directory.getManagerDn());
    }
    for (String value : List.of(nullToEmpty(directory.getServerUrl()), nullToEmpty(directory.getManagerDn()),
        nullToEmpty(directory.getManagerPassword()), nullToEmpty(directory.getBaseDn()))) {
      if (value.contains("${")) {
        problems.add("an environment variable is not set: " + value);
      }
    }
    refuse(problems);
  }

  /**
   * The administrator group must be {@code camunda-admin}: ServiceFlow's own admin checks (deployments through
   * /engine-rest, the admin endpoints of /api) look for that group id, as the webapps do.
   */
  static void check(AdministratorAuthorizationPlugin administrator) {
    if (!Groups.CAMUNDA_ADMIN.equals(administrator.getAdministratorGroupName())) {
      refuse(List.of("the administrator group must be the directory group with id " + Groups.CAMUNDA_ADMIN
          + ", not " + administrator.getAdministratorGroupName()));
    }
  }

  private static void refuse(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalStateException("LDAP directory (profile ldap): " + String.join("; ", problems));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
