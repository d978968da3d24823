package org.serviceflow.database;

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
 * On PostgreSQL, what Tasklist's task queries need at many open tasks, made once after the engine has created its
 * tables (Flyway runs before that, so not a migration). docs/benchmarks.md, "Task queries".
 *
 * <ul>
 *   <li><b>Statistics on the permission bits</b> of {@code ACT_RU_AUTHORIZATION} (PostgreSQL 14 and later). Every task
 *   query under a user's authentication joins the user's grants on {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}
 *   and selects them by {@code PERMS_ & 2 = 2}. Without statistics on that expression PostgreSQL guesses a handful of
 *   grants where there is one per task of the user's groups, and compares every task with every grant: 108 s for the
 *   count of 30,000 tasks at 100,000 open ones. With them it reads each task's grants by
 *   {@code ACT_IDX_AUTH_RESOURCE_ID}. The estimate needs the permission values in the plan, so the postgres profile
 *   plans every statement with its values ({@code plan_cache_mode=force_custom_plan}, application-postgres.yaml).</li>
 *   <li><b>An index on the filters' order</b>, {@code ACT_RU_TASK (PRIORITY_ DESC, DUE_DATE_)}: every Tasklist filter
 *   sorts so (identity.TasklistFilters), so a first page reads the tasks in that order until it has 15, instead of
 *   joining and sorting all of them.</li>
 * </ul>
 */
@Component
class TaskQueryPlanning extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryPlanning.class);

  static final String STATISTICS = "serviceflow_auth_perms";
  /** READ (2) is what task and instance queries check, READ_TASK (64) and READ_INSTANCE (512) on definitions. */
  static final String STATISTICS_ON = "resource_type_, (perms_ & 2), (perms_ & 64), (perms_ & 512)";
  static final String INDEX = "serviceflow_idx_task_priority_due";
  static final String INDEX_ON = "priority_ desc, due_date_";

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration();
    if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      return;
    }
    String prefix = configuration.getDatabaseTablePrefix();
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists " + INDEX + " on " + prefix + "act_ru_task (" + INDEX_ON + ")");
      if (connection.getMetaData().getDatabaseMajorVersion() < 14) {
        LOG.warn("PostgreSQL {} has no statistics on expressions: task queries at many open tasks compare every "
            + "task with every grant (docs/operations.md, PostgreSQL)", connection.getMetaData().getDatabaseProductVersion());
      } else if (!statisticsExist(connection)) {
        String table = prefix + "act_ru_authorization";
        statement.execute("create statistics if not exists " + STATISTICS + " on " + STATISTICS_ON + " from " + table);
        statement.execute("analyze " + table);
        LOG.info("Created the statistics {} on {} ({})", STATISTICS, table, STATISTICS_ON);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create what task queries need on PostgreSQL (" + INDEX + ", "
          + STATISTICS + ")", e);
    }
  }

  private static boolean statisticsExist(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "select 1 from pg_statistic_ext where stxname = ? and pg_statistics_obj_is_visible(oid)")) {
      query.setString(1, STATISTICS);
      try (ResultSet result = query.executeQuery()) {
        return result.next();
      }
    }
  }
}
