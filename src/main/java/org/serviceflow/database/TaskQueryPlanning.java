package org.serviceflow.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL 14 and later, gives the planner statistics on the permission bits of {@code ACT_RU_AUTHORIZATION},
 * once, after the engine has created its tables.
 *
 * <p>Every task query under a user's authentication (each Tasklist filter and its count) joins the user's grants
 * on {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')} and selects them by {@code PERMS_ & 2 = 2}. Without
 * statistics on that expression PostgreSQL guesses a handful of grants where there is one per task of the user's
 * groups, scans the grants once and compares every task with every grant: 108 s for the count of 30,000 tasks
 * at 100,000 open ones. With them it reads each task's grants by {@code ACT_IDX_AUTH_RESOURCE_ID} (under 1 s). The
 * estimate needs the permission values in the plan, so the postgres profile also plans every statement with its
 * values ({@code plan_cache_mode=force_custom_plan}, application-postgres.yaml). docs/benchmarks.md, "Task queries".
 */
@Component
class AuthorizationCheckStatistics extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationCheckStatistics.class);

  static final String NAME = "serviceflow_auth_perms";
  /** READ (2) is what task and instance queries check, READ_TASK (64) and READ_INSTANCE (512) on definitions. */
  static final String EXPRESSIONS = "resource_type_, (perms_ & 2), (perms_ & 64), (perms_ & 512)";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration();
    if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      return;
    }
    String table = configuration.getDatabaseTablePrefix() + "act_ru_authorization";
    try (Connection connection = configuration.getDataSource().getConnection()) {
      if (connection.getMetaData().getDatabaseMajorVersion() < 14) {
        LOG.warn("PostgreSQL {} has no statistics on expressions: task queries at many open tasks compare every "
            + "task with every grant (docs/operations.md, PostgreSQL)", connection.getMetaData().getDatabaseProductVersion());
        return;
      }
      if (!exists(connection)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("create statistics if not exists " + NAME + " on " + EXPRESSIONS + " from " + table);
          statement.execute("analyze " + table);
        }
        LOG.info("Created the statistics {} on {} ({})", NAME, table, EXPRESSIONS);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the statistics " + NAME + " on " + table, e);
    }
  }

  private static boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "select 1 from pg_statistic_ext where stxname = ? and pg_statistics_obj_is_visible(oid)")) {
      query.setString(1, NAME);
      try (ResultSet result = query.executeQuery()) {
        return result.next();
      }
    }
  }
}
