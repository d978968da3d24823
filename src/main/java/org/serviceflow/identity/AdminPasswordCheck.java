package org.serviceflow.identity;

import org.springframework.core.env.Environment;

/**
 * Refuses to start when the admin user's password is not configured. Spring leaves an unresolved
 * {@code ${SERVICEFLOW_ADMIN_PASSWORD}} in a configuration property as literal text, and Camunda
 * falls back to the user id for a missing password; either would create a guessable admin login. With the
 * admin user switched off ({@code camunda.bpm.admin-user.id: "false"}, as the ldap profile does) no password
 * is needed.
 */
final class AdminPasswordCheck {

  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  /** The admin user id that switches the starter's admin-user creation off (profile ldap: a read-only directory). */
  static final String NO_ADMIN_USER = "false";

  private AdminPasswordCheck() {
  }

  static void check(Environment environment) {
    if (!environment.containsProperty(ADMIN_ID) || NO_ADMIN_USER.equalsIgnoreCase(environment.getProperty(ADMIN_ID))) {
      return;
    }
    String password;
    try {
      password = environment.getProperty(ADMIN_PASSWORD);
    } catch (IllegalArgumentException unresolved) {
      throw missing(unresolved);
    }
    if (password == null || password.isBlank()) {
      throw missing(null);
    }
  }

  private static IllegalStateException missing(Exception cause) {
    return new IllegalStateException("The admin password is not configured: set the environment variable "
        + "SERVICEFLOW_ADMIN_PASSWORD (or " + ADMIN_PASSWORD + "), or run with the demo profile.", cause);
  }
}
