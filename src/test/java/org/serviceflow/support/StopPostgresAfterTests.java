package org.serviceflow.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** At the end of the test JVM's run, before it exits: closes the PostgreSQL-backed contexts, then the server. */
public class StopPostgresAfterTests implements LauncherSessionListener {

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    EmbeddedPostgres.stop();
  }
}
