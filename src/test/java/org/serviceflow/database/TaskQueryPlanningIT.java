package org.serviceflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The planner sees how many grants a task query's authorization check reads (the statistics object on the
 * permission bits exists after the start, and the application's connections plan with the values), and reads a
 * filter's first page in the filters' order by index.
 */
@PostgresIntegrationTest
class TaskQueryPlanningIT {

  static final String GROUP = "customer-service";
  /** The grants of a task query under the group's authentication, as the engine selects them (values bound). */
  static final String GRANTS = "from act_ru_authorization a where a.type_ < 2 and (a.user_id_ in ('nobody', '*') "
      + "or a.group_id_ in ('" + GROUP + "')) and (a.resource_type_ = 7 and a.perms_ & 2 = 2 "
      + "or a.resource_type_ = 6 and a.perms_ & 64 = 64)";

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  TaskService taskService;

  final List<String> created = new ArrayList<>();

  @AfterEach
  void deleteTasks() {
    created.forEach(id -> taskService.deleteTask(id, true));
  }

  @Test
  void shouldCreateTheStatisticsOnThePermissionBits() {
    String definition = jdbc.queryForObject("select pg_get_statisticsobjdef(oid) from pg_statistic_ext where stxname = ?",
        String.class, TaskQueryPlanning.STATISTICS);

    assertThat(definition).contains("act_ru_authorization").contains("resource_type_")
        .contains("(perms_ & 2)").contains("(perms_ & 64)").contains("(perms_ & 512)");
  }

  @Test
  void shouldReadAFiltersFirstPageInItsOrderByIndex() {
    createTasksOfTheGroup(600);
    jdbc.execute("analyze act_ru_task");

    assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class,
        TaskQueryPlanning.INDEX)).contains("act_ru_task").contains("(priority_ DESC, due_date_)");
    String plan = String.join("\n", jdbc.queryForList("explain select id_ from act_ru_task order by priority_ desc, "
        + "due_date_ asc limit 15", String.class));
    assertThat(plan).contains("Index Scan").contains(TaskQueryPlanning.INDEX).doesNotContain("Sort");
  }

  @Test
  void shouldPlanEveryStatementWithItsValues() {
    assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
  }

  @Test
  void shouldEstimateTheGrantsOfTheGroupsTasks() {
    createTasksOfTheGroup(600);
    jdbc.execute("analyze act_ru_authorization");

    long grants = jdbc.queryForObject("select count(*) " + GRANTS, Long.class);
    String plan = jdbc.queryForObject("explain (format json) select a.* " + GRANTS, String.class);
    long estimated = Long.parseLong(plan.replaceAll("(?s).*?\"Plan Rows\": (\\d+).*", "$1"));

    assertThat(grants).isGreaterThanOrEqualTo(600);
    // without the statistics PostgreSQL estimates a few rows (0.5 % of 0.5 % of the table), and joins by comparing
    assertThat(estimated).as("estimated grants of %d", grants).isBetween(grants / 2, grants * 2);
  }

  private void createTasksOfTheGroup(int count) {
    for (int i = 0; i < count; i++) {
      Task task = taskService.newTask();
      task.setName("统计估算 " + i);
      task.setPriority(i % 3 == 0 ? 80 : 50);
      taskService.saveTask(task);
      taskService.addCandidateGroup(task.getId(), GROUP); // the engine grants the group READ on the task
      created.add(task.getId());
    }
  }
}
