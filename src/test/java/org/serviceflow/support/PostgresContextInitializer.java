package org.serviceflow.support;

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
    String database = EmbeddedPostgres.createDatabase();
    TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
        "spring.datasource.url=" + EmbeddedPostgres.jdbcUrl(database),
        "spring.datasource.username=postgres",
        "spring.datasource.password=postgres",
        "spring.datasource.driver-class-name=org.postgresql.Driver",
        // as the postgres profile ships it (application-postgres.yaml)
        "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true",
        "spring.datasource.hikari.data-source-properties.options=-c plan_cache_mode=force_custom_plan");
    EmbeddedPostgres.register(context);
  }
}
