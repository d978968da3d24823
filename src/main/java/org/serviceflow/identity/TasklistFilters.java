package org.serviceflow.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The shared Tasklist filters, readable by every staff group and brought up to date at every start
 * (name, query, sort and properties; a filter of an older release is renamed, not duplicated). All
 * sort by priority, highest first, then by due date, soonest first, and refresh by themselves.
 */
class TasklistFilters {

  static final String MINE = "我的待办";
  static final String MY_GROUPS = "我组待办";
  static final String DUE_SOON = "即将超期";
  static final String OVERDUE = "已超期";
  static final String SERVED_FIRST = "A类客户 / 紧急";
  static final String OWNER = "admin";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AccessGrants grants;
  private final int raisedPriority;

  /** @param raisedPriority tasks from this priority up are served first ({@code serviceflow.task-priority.raised}) */
  TasklistFilters(FilterService filterService, TaskService taskService, AccessGrants grants, int raisedPriority) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = grants;
    this.raisedPriority = raisedPriority;
  }

  /** @param tasklistGroupIds every group that works in Tasklist: they may read every filter */
  void ensureFilters(List<String> tasklistGroupIds) {
    ensure(tasklistGroupIds, MINE, "我的任务", -10, "分配给我的待办任务",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure(tasklistGroupIds, MY_GROUPS, "我组的任务", -5, "我所在组的全部任务（含已分配）",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());
    ensure(tasklistGroupIds, DUE_SOON, null, 0, "我的和我组的任务中已过跟进日（预警）、尚未到期的",
        mineOrMyGroups(query -> query.followUpBeforeExpression("${now()}").dueAfterExpression("${now()}")));
    ensure(tasklistGroupIds, OVERDUE, null, 5, "我的和我组的任务中已过到期日的",
        mineOrMyGroups(query -> query.dueBeforeExpression("${now()}")));
    ensure(tasklistGroupIds, SERVED_FIRST, null, 10, "A类客户和紧急案件的任务，优先处理（优先级 ≥ " + raisedPriority + "）",
        mineOrMyGroups(query -> query.taskMinPriority(raisedPriority)));
  }

  private TaskQuery mineOrMyGroups(UnaryOperator<TaskQuery> condition) {
    return condition.apply(taskService.createTaskQuery()
        .or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks()
        .endOr());
  }

  private void ensure(List<String> groupIds, String name, String formerName, int priority, String description,
      TaskQuery query) {
    Filter filter = find(name);
    if (filter == null && formerName != null) {
      filter = find(formerName);
    }
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      filter.setOwner(OWNER);
    }
    filter.setName(name);
    filter.setQuery(query.orderByTaskPriority().desc().orderByDueDate().asc());
    filter.setProperties(properties(priority, description));
    filterService.saveFilter(filter);
    for (String groupId : groupIds) {
      grants.grant(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private Filter find(String name) {
    return filterService.createFilterQuery().filterName(name).list().stream().findFirst().orElse(null);
  }

  private static Map<String, Object> properties(int priority, String description) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of());
    return properties;
  }
}
