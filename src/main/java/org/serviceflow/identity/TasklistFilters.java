package org.serviceflow.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The shared Tasklist filters, created once and readable by every staff group. Both refresh by
 * themselves, so new tasks appear without a click.
 */
class TasklistFilters {

  static final String MY_TASKS = "我的任务";
  static final String MY_GROUP_TASKS = "我组的任务";
  static final String OWNER = "admin";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AccessGrants grants;

  TasklistFilters(FilterService filterService, TaskService taskService, AccessGrants grants) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.grants = grants;
  }

  /** @param tasklistGroupIds every group that works in Tasklist: they may read both filters */
  void ensureFilters(List<String> tasklistGroupIds) {
    ensure(tasklistGroupIds, MY_TASKS, -10, "分配给我的待办任务",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure(tasklistGroupIds, MY_GROUP_TASKS, -5, "我所在组的全部任务（含未分配）",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());
  }

  private void ensure(List<String> groupIds, String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).list().stream()
        .findFirst().orElse(null);
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
      filter.setOwner(OWNER);
      filter.setQuery(query);
      filter.setProperties(properties(priority, description));
      filterService.saveFilter(filter);
    }
    for (String groupId : groupIds) {
      grants.grant(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
    }
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
