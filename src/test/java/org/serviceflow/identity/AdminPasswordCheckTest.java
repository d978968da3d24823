package org.serviceflow.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordCheckTest {

  @Test
  void shouldRefuseAnUnsetEnvironmentVariable() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty(AdminPasswordCheck.ADMIN_ID, "admin")
        .withProperty(AdminPasswordCheck.ADMIN_PASSWORD, "${SERVICEFLOW_ADMIN_PASSWORD_UNSET_IN_TEST}");

    assertThatThrownBy(() -> AdminPasswordCheck.check(environment))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SERVICEFLOW_ADMIN_PASSWORD");
  }

  @Test
  void shouldRefuseAMissingOrBlankPassword() {
    assertThatThrownBy(() -> AdminPasswordCheck.check(new MockEnvironment()
        .withProperty(AdminPasswordCheck.ADMIN_ID, "admin")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> AdminPasswordCheck.check(new MockEnvironment()
        .withProperty(AdminPasswordCheck.ADMIN_ID, "admin").withProperty(AdminPasswordCheck.ADMIN_PASSWORD, " ")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldAcceptAConfiguredPassword() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("SERVICEFLOW_ADMIN_PASSWORD", "s3cret!")
        .withProperty(AdminPasswordCheck.ADMIN_ID, "admin")
        .withProperty(AdminPasswordCheck.ADMIN_PASSWORD, "${SERVICEFLOW_ADMIN_PASSWORD}");

    assertThatCode(() -> AdminPasswordCheck.check(environment)).doesNotThrowAnyException();
  }

  @Test
  void shouldNotCareWithoutAnAdminUser() {
    assertThatCode(() -> AdminPasswordCheck.check(new MockEnvironment())).doesNotThrowAnyException();
  }

  @Test
  void shouldNotCareWhenTheAdminUserIsSwitchedOffAsInTheLdapProfile() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty(AdminPasswordCheck.ADMIN_ID, "false")
        .withProperty(AdminPasswordCheck.ADMIN_PASSWORD, "${SERVICEFLOW_ADMIN_PASSWORD_UNSET_IN_TEST}");

    assertThatCode(() -> AdminPasswordCheck.check(environment)).doesNotThrowAnyException();
  }
}
