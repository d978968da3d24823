package org.serviceflow.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a Spring test context at a fresh database on the shared embedded PostgreSQL server.
 * Use with {@code @ContextConfiguration(initializers = PostgresContextInitializer.class)}, or
 * through {@link PostgresIntegrationTest}.
 */
public class PostgresContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var server = EmbeddedPostgres.server();
    String database = "sf_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = server.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("create database " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + database, e);
    }
    TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
        "spring.datasource.url=" + server.getJdbcUrl("postgres", database),
        "spring.datasource.username=postgres",
        "spring.datasource.password=postgres",
        "spring.datasource.driver-class-name=org.postgresql.Driver");
    EmbeddedPostgres.register(context);
  }
}
