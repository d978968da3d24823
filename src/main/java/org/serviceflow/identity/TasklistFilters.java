package org.serviceflow.identity;

import java.util.Arrays;
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
import org.serviceflow.casefile.CaseFlags;

/**
 * The Tasklist filters, brought up to date at every start (name, query, sort and properties; a filter of an
 * older release is renamed, not duplicated). Five are shared by every staff group; 本部门全部, 督办中 and 已延期
 * are read by the lead and supervisor groups only. All sort by priority, highest first, then by due date,
 * soonest first, and refresh by themselves.
 */
class TasklistFilters {

  static final String MINE = "我的待办";
  static final String MY_GROUPS = "我组待办";
  static final String DUE_SOON = "即将超期";
  static final String OVERDUE = "已超期";
  static final String SERVED_FIRST = "A类客户 / 紧急";
  static final String DEPARTMENT = "本部门全部";
  static final String SUPERVISED = "督办中";
  static final String EXTENDED = "已延期";
  static final String OWNER = "admin";
  /** The signed-in user's groups and those of the departments they lead ({@link DepartmentTasks}). */
  private static final String DEPARTMENT_GROUPS = "${" + DepartmentTasks.CURRENT_USER_DEPARTMENT + "()}";

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

  /**
   * @param tasklistGroupIds every group that works in Tasklist: they may read the five shared filters; the lead
   *     and supervisor groups ({@link StaffGroup#leadsDepartment()}) also read 本部门全部, 督办中 and 已延期
   */
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
    List<String> leads = leadGroupIds();
    ensure(leads, DEPARTMENT, null, 15, "本部门（含我领导或督办的各组）的全部任务，含已分配给同事的",
        taskService.createTaskQuery().taskCandidateGroupInExpression(DEPARTMENT_GROUPS).includeAssignedTasks());
    ensure(leads, SUPERVISED, null, 20, "本部门和我的任务中，案件处于督办（12345 红灯督办、投诉超期查办）的",
        mineOrMyDepartment(query -> query.processVariableValueEquals(CaseFlags.SUPERVISED, true)));
    ensure(leads, EXTENDED, null, 25, "本部门和我的任务中，案件时限已批准延期的",
        mineOrMyDepartment(query -> query.processVariableValueEquals(CaseFlags.EXTENDED, true)));
  }

  /** The groups that lead or supervise a department. */
  static List<String> leadGroupIds() {
    return Arrays.stream(StaffGroup.values()).filter(StaffGroup::leadsDepartment).map(StaffGroup::id).toList();
  }

  private TaskQuery mineOrMyDepartment(UnaryOperator<TaskQuery> condition) {
    return condition.apply(taskService.createTaskQuery()
        .or()
        .taskAssigneeExpression("${currentUser()}")
        .taskCandidateGroupInExpression(DEPARTMENT_GROUPS)
        .includeAssignedTasks()
        .endOr());
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
