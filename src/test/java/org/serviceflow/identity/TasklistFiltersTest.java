package org.serviceflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.casefile.CaseFlags;
import org.serviceflow.support.FixtureTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Tasklist filters as staff run them: each filter is executed as a demo user with authorization checks on,
 * over tasks of a one-task fixture process (candidate group, priority, due date and case flags set per task),
 * and must return exactly the expected tasks in the order priority (highest first), then due date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistFiltersTest {

  static final List<String> SHARED = List.of(TasklistFilters.MINE, TasklistFilters.MY_GROUPS,
      TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE, TasklistFilters.SERVED_FIRST);
  static final List<String> LEADS_ONLY = List.of(TasklistFilters.DEPARTMENT, TasklistFilters.SUPERVISED,
      TasklistFilters.EXTENDED);

  @Autowired ProcessEngine processEngine;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;

  FixtureTasks fixture;
  final Instant now = Instant.now();

  @BeforeEach
  void deployFixture() {
    fixture = new FixtureTasks(processEngine).deploy();
  }

  @AfterEach
  void removeFixture() {
    identityService.clearAuthentication();
    fixture.remove();
  }

  @Test
  void shouldShowALeadEveryTaskOfTheDepartmentByPriorityThenDueDate() {
    // given: tasks of 客服部 and 客服主管, one already assigned to a clerk, and one of 质量管理部
    String normalLater = task("customer-service", 50, 2, Map.of());
    String raised = task("customer-service", 80, 5, Map.of());
    String leadsOwn = task("customer-service-lead", 50, 1, Map.of());
    String assignedToClerk = task("customer-service", 50, 3, Map.of());
    taskService.setAssignee(assignedToClerk, "kefu2");
    String otherDepartment = task("quality", 90, 1, Map.of());

    // then: the lead's 本部门全部 holds the department's tasks, highest priority first, then soonest due
    assertThat(run("kefuzhuguan", TasklistFilters.DEPARTMENT))
        .containsExactly(raised, leadsOwn, normalLater, assignedToClerk);
    // a clerk's 我组待办 holds 客服部's tasks only, in the same order
    assertThat(run("kefu1", TasklistFilters.MY_GROUPS)).containsExactly(raised, normalLater, assignedToClerk);
    // the 12345 supervisor's department is the 12345 centre: nothing of customer service
    assertThat(run("duban", TasklistFilters.DEPARTMENT)).isEmpty();
    // the lead reads the department's tasks but may not claim them as a candidate would; other departments stay hidden
    as("kefuzhuguan");
    assertThat(taskService.createTaskQuery().taskId(normalLater).count()).isOne();
    assertThat(taskService.createTaskQuery().taskId(otherDepartment).count()).isZero();
    assertThatThrownBy(() -> taskService.claim(normalLater, "kefuzhuguan")).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void shouldShowTheSupervisorTheCentresSupervisedTasksOnly() {
    // given: 12345 centre tasks of supervised and ordinary appeals, and a supervised appeal at a handling unit
    String supervisedLater = task("hotline-dispatchers", 50, 3, Map.of(CaseFlags.SUPERVISED, true));
    String supervisedOwn = task("hotline-supervisors", 50, 1, Map.of(CaseFlags.SUPERVISED, true));
    String supervisedRaised = task("hotline-operators", 80, 4, Map.of(CaseFlags.SUPERVISED, true));
    task("hotline-dispatchers", 90, 1, Map.of(CaseFlags.SUPERVISED, false));
    task("hotline-dispatchers", 90, 1, Map.of());
    task("unit-market", 50, 1, Map.of(CaseFlags.SUPERVISED, true));

    // then
    assertThat(run("duban", TasklistFilters.SUPERVISED)).containsExactly(supervisedRaised, supervisedOwn, supervisedLater);
    assertThat(run("kefuzhuguan", TasklistFilters.SUPERVISED)).isEmpty();
  }

  @Test
  void shouldShowALeadTheExtendedTasksOfTheDepartmentAndTheirOwn() {
    // given
    String extendedOfClerks = task("customer-service", 50, 2, Map.of(CaseFlags.EXTENDED, true));
    String extendedAssignedToLead = task("quality", 50, 1, Map.of(CaseFlags.EXTENDED, true));
    taskService.setAssignee(extendedAssignedToLead, "kefuzhuguan");
    task("customer-service", 50, 1, Map.of(CaseFlags.EXTENDED, false));
    task("quality", 50, 1, Map.of(CaseFlags.EXTENDED, true));

    // then
    assertThat(run("kefuzhuguan", TasklistFilters.EXTENDED)).containsExactly(extendedAssignedToLead, extendedOfClerks);
    assertThat(run("duban", TasklistFilters.EXTENDED)).isEmpty();
  }

  @Test
  void shouldLetOnlyLeadsAndSupervisorsReadTheDepartmentFilters() {
    assertThat(visibleFilters("kefu1", "customer-service")).containsExactlyElementsOf(SHARED);
    assertThat(visibleFilters("zhujian", "unit-housing")).containsExactlyElementsOf(SHARED);
    assertThat(visibleFilters("paidan", "hotline-dispatchers")).containsExactlyElementsOf(SHARED);
    List<String> all = new ArrayList<>(SHARED);
    all.addAll(LEADS_ONLY);
    assertThat(visibleFilters("kefuzhuguan", "customer-service-lead")).containsExactlyElementsOf(all);
    assertThat(visibleFilters("duban", "hotline-supervisors")).containsExactlyElementsOf(all);
    assertThat(visibleFilters("shenji", "auditors")).isEmpty();
  }

  @Test
  void shouldSortEveryFilterByPriorityThenDueDateAndRefreshItself() {
    for (String name : all()) {
      Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
      assertThat(filter).as(name).isNotNull();
      assertThat(filter.getProperties()).as(name).containsEntry("refresh", true);
      TaskQueryImpl query = filter.getQuery();
      assertThat(query.getOrderingProperties()).as(name)
          .extracting(o -> o.getQueryProperty().getName() + " " + o.getDirection().getName())
          .containsExactly("PRIORITY_ desc", "DUE_DATE_ asc");
    }
  }

  private static List<String> all() {
    List<String> all = new ArrayList<>(SHARED);
    all.addAll(LEADS_ONLY);
    return all;
  }

  /** A fixture task for the candidate group, with priority, due in days from now and case variables. */
  private String task(String group, int priority, int dueInDays, Map<String, Object> flags) {
    return fixture.task(group, "筛选测试", priority, now.plus(dueInDays, ChronoUnit.DAYS), flags);
  }

  /** Runs the filter as the demo user (with their groups), limited to fixture tasks; the task ids in order. */
  private List<String> run(String user, String filterName) {
    String filterId = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
    as(user);
    try {
      List<Task> tasks = filterService.list(filterId, taskService.createTaskQuery().processDefinitionKey(FixtureTasks.PROCESS_KEY));
      return tasks.stream().map(Task::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The names of the filters the user may read, in Tasklist's order (the filter property priority). */
  private List<String> visibleFilters(String user, String group) {
    identityService.setAuthentication(user, List.of(group));
    try {
      return filterService.createFilterQuery().list().stream()
          .sorted(Comparator.comparing(f -> ((Number) f.getProperties().get("priority")).intValue()))
          .map(Filter::getName).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void as(String user) {
    identityService.setAuthentication(user, DemoUsers.ALL.stream().filter(d -> d.id().equals(user))
        .map(d -> d.group().id()).toList());
  }
}
