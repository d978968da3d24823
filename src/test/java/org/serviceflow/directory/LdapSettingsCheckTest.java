package org.serviceflow.directory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.junit.jupiter.api.Test;

class LdapSettingsCheckTest {

  private static LdapConfiguration directory(String url, String managerDn, String managerPassword) {
    LdapConfiguration directory = new LdapConfiguration();
    directory.setServerUrl(url);
    directory.setManagerDn(managerDn);
    directory.setManagerPassword(managerPassword);
    directory.setBaseDn("dc=serviceflow,dc=local");
    return directory;
  }

  @Test
  void shouldAcceptAServerWithManagerAndPassword() {
    assertThatCode(() -> LdapSettingsCheck.check(directory("ldap://ldap.example:389",
        "cn=serviceflow,ou=services,dc=serviceflow,dc=local", "s3cret"))).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseAManagerWithoutPassword() {
    assertThatThrownBy(() -> LdapSettingsCheck.check(directory("ldap://ldap.example:389", "cn=serviceflow", "")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SERVICEFLOW_LDAP_MANAGER_PASSWORD");
  }

  @Test
  void shouldRefuseAMissingServerOrAnUnresolvedVariable() {
    assertThatThrownBy(() -> LdapSettingsCheck.check(directory(" ", "cn=serviceflow", "s3cret")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SERVICEFLOW_LDAP_URL");
    assertThatThrownBy(() -> LdapSettingsCheck.check(directory("ldap://ldap.example:389", "cn=serviceflow",
        "${SERVICEFLOW_LDAP_MANAGER_PASSWORD}")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("environment variable is not set");
  }

  @Test
  void shouldRequireTheAdministratorGroupCamundaAdmin() {
    AdministratorAuthorizationPlugin administrator = new AdministratorAuthorizationPlugin();
    administrator.setAdministratorGroupName("it-admins");
    assertThatThrownBy(() -> LdapSettingsCheck.check(administrator))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("camunda-admin");

    administrator.setAdministratorGroupName("camunda-admin");
    assertThatCode(() -> LdapSettingsCheck.check(administrator)).doesNotThrowAnyException();
  }
}
