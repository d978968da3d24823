package org.serviceflow.collaboration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.serviceflow.assignment.FirstAskProperties;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.identity.StaffGroup;
import org.serviceflow.notification.NotificationService;
import org.serviceflow.segregation.DutySegregationException;
import org.serviceflow.segregation.SegregationOfDuties;
import org.serviceflow.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Transfer (转办), delegate (委派), hand back (委派办结) and copy (抄送) of a case's user task, on the engine's own
 * task model: {@code setAssignee}, {@code delegateTask} / {@code resolveTask}. Runs as the system (no engine
 * authorization checks), so every method checks first who may act and to whom; each refusal is thrown before
 * anything is written. Every action is one transaction with its timeline entry and its notices.
 */
@Service
class TaskCollaboration {

  static final String ACTION_TRANSFER = "转办";
  static final String ACTION_DELEGATE = "委派";
  static final String ACTION_RESOLVE = "委派办结";
  static final String ACTION_COPY = "抄送";
  /** The 12345 dispatch group: handling units may always pass a task back to it. */
  static final String DISPATCH_GROUP = StaffGroup.HOTLINE_DISPATCHERS.id();
  static final String LEAD_SUFFIX = "-lead";

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CaseFileService caseFiles;
  private final NotificationService notifications;
  private final RepositoryService repositoryService;
  private final FirstAskProperties firstAsk;
  private final SegregationOfDuties duties;

  TaskCollaboration(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
      CaseFileService caseFiles, NotificationService notifications, RepositoryService repositoryService,
      FirstAskProperties firstAsk, SegregationOfDuties duties) {
    this.duties = duties;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.caseFiles = caseFiles;
    this.notifications = notifications;
    this.repositoryService = repositoryService;
    this.firstAsk = firstAsk;
  }

  /** 转办: the task gets a new assignee; the actor is done with it. */
  @Transactional
  Task transfer(String taskId, String actor, List<String> actorGroups, String to, String reason) {
    Task task = task(taskId);
    String caseNumber = caseNumber(task);
    requireMayAct(task, actor, actorGroups);
    User receiver = user(to);
    if (to.equals(task.getAssignee())) {
      throw new BadRequestException("to", to + " 已是该任务的办理人");
    }
    requireMayPassTo(task, actorGroups, to);
    requireNotProposer(task, to);
    String text = reason(reason);
    String replaced = replacedFirstAskOwner(task, to);
    taskService.setAssignee(taskId, to);
    caseFiles.record(caseNumber, actor, ACTION_TRANSFER, task.getTaskDefinitionKey(),
        "“" + task.getName() + "”转办给 " + name(receiver)
            + (replaced == null ? "" : "，替换首问负责人 " + replaced) + "；原因：" + text);
    notifications.toUser(caseNumber, to, "collaboration.transferred", params(task, actor, text));
    return task(taskId);
  }

  /** 委派: the receiver works on the task and hands it back; the actor stays its owner. */
  @Transactional
  Task delegate(String taskId, String actor, List<String> actorGroups, String to, String reason) {
    Task task = task(taskId);
    String caseNumber = caseNumber(task);
    requireMayAct(task, actor, actorGroups);
    User receiver = user(to);
    if (to.equals(actor)) {
      throw new BadRequestException("to", "不能委派给自己");
    }
    if (task.getDelegationState() == DelegationState.PENDING) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "任务“" + task.getName() + "”已在委派中，请先由受托人办结");
    }
    requireMayPassTo(task, actorGroups, to);
    requireNotProposer(task, to);
    String text = reason(reason);
    if (!actor.equals(task.getAssignee())) {
      taskService.setAssignee(taskId, actor); // an unassigned task: the actor takes it, then owns the delegation
    }
    taskService.delegateTask(taskId, to);
    caseFiles.record(caseNumber, actor, ACTION_DELEGATE, task.getTaskDefinitionKey(),
        "“" + task.getName() + "”委派给 " + name(receiver) + "；原因：" + text);
    notifications.toUser(caseNumber, to, "collaboration.delegated", params(task, actor, text));
    return task(taskId);
  }

  /** 委派办结: the delegate hands the task back to its owner (engine resolveTask). */
  @Transactional
  Task resolve(String taskId, String actor, String reason) {
    Task task = task(taskId);
    String caseNumber = caseNumber(task);
    if (task.getDelegationState() != DelegationState.PENDING) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "任务“" + task.getName() + "”没有在委派中，无需交回");
    }
    if (!actor.equals(task.getAssignee())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有受托人 " + task.getAssignee() + " 可以交回任务“"
          + task.getName() + "”");
    }
    String text = reason == null || reason.isBlank() ? null : reason.strip();
    String owner = task.getOwner();
    taskService.resolveTask(taskId);
    caseFiles.record(caseNumber, actor, ACTION_RESOLVE, task.getTaskDefinitionKey(),
        "“" + task.getName() + "”交回委派人 " + name(user(owner)) + (text == null ? "" : "；说明：" + text));
    notifications.toUser(caseNumber, owner, "collaboration.resolved",
        params(task, actor, text == null ? "（未填写）" : text));
    return task(taskId);
  }

  /** 抄送: a read-only notice in each receiver's inbox; the task itself does not change. */
  @Transactional
  List<String> copy(String taskId, String actor, List<String> actorGroups, List<String> to, String reason) {
    Task task = task(taskId);
    String caseNumber = caseNumber(task);
    requireMayAct(task, actor, actorGroups);
    if (to == null || to.isEmpty()) {
      throw new BadRequestException("to", "请至少选择一位抄送人");
    }
    Set<String> receivers = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    for (String id : to) {
      if (receivers.add(id)) {
        names.add(name(user(id)));
      }
    }
    String text = reason(reason);
    caseFiles.record(caseNumber, actor, ACTION_COPY, task.getTaskDefinitionKey(),
        "“" + task.getName() + "”抄送给 " + String.join("、", names) + "；原因：" + text);
    receivers.forEach(id -> notifications.toUser(caseNumber, id, "collaboration.copied", params(task, actor, text)));
    return List.copyOf(receivers);
  }

  // ------------------------------------------------------------------------------------------ rules

  /** The assignee, a candidate-group member of an unassigned task, a lead of a candidate group's department, or admin. */
  private void requireMayAct(Task task, String actor, List<String> actorGroups) {
    requireNotProposer(task, actor);
    if (actorGroups.contains("camunda-admin") || actor.equals(task.getAssignee())) {
      return;
    }
    List<String> candidates = candidateGroups(task);
    if (task.getAssignee() == null && candidates.stream().anyMatch(actorGroups::contains)) {
      return;
    }
    if (candidates.stream().anyMatch(group -> leadDepartments(actorGroups).contains(department(group)))) {
      return;
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN, "您不是任务“" + task.getName()
        + "”的办理人，也不是其候选组成员或部门主管，不能转办、委派或抄送");
  }

  /** 职责分离: the proposer neither acts on the approval of their own proposal nor receives it. */
  private void requireNotProposer(Task task, String user) {
    try {
      duties.requireNotProposer(task.getId(), user);
    } catch (DutySegregationException refused) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, refused.getMessage());
    }
  }

  /**
   * To whom: a handling unit (unit-*) only within its own unit group or back to 12345 dispatch; a lead within
   * their department (X and X-lead); other staff to members of their own groups or of the task's candidate groups.
   */
  private void requireMayPassTo(Task task, List<String> actorGroups, String to) {
    if (actorGroups.contains("camunda-admin")) {
      return;
    }
    List<String> receiverGroups = groupsOf(to);
    List<String> units = actorGroups.stream().filter(g -> g.startsWith(StaffGroup.UNIT_PREFIX)).toList();
    boolean allowed;
    String rule;
    if (!units.isEmpty()) {
      allowed = receiverGroups.stream().anyMatch(g -> units.contains(g) || g.equals(DISPATCH_GROUP));
      rule = "承办单位只能转给本单位（" + String.join("、", units) + "）人员或退回 12345 派单（" + DISPATCH_GROUP + "）";
    } else {
      Set<String> leads = leadDepartments(actorGroups);
      List<String> candidates = candidateGroups(task);
      allowed = receiverGroups.stream().anyMatch(g -> leads.contains(department(g)) || actorGroups.contains(g)
          || candidates.contains(g));
      rule = "只能转给本部门人员或该任务候选组的成员";
    }
    if (!allowed) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "不能把任务“" + task.getName() + "”交给 " + to + "：" + rule);
    }
  }

  /** Departments whose lead group the actor belongs to: customer-service-lead leads customer-service. */
  private static Set<String> leadDepartments(List<String> groups) {
    Set<String> departments = new LinkedHashSet<>();
    groups.stream().filter(g -> g.endsWith(LEAD_SUFFIX)).forEach(g -> departments.add(department(g)));
    return departments;
  }

  private static String department(String group) {
    return group.endsWith(LEAD_SUFFIX) ? group.substring(0, group.length() - LEAD_SUFFIX.length()) : group;
  }

  /**
   * The first-ask owner (首问负责人, package assignment) whom a transfer of this task replaces, named for the
   * timeline: for a task that goes to the owner first, its owner when the receiver is someone else; else null.
   */
  private String replacedFirstAskOwner(Task task, String to) {
    String processKey = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    if (!firstAsk.covers(processKey, task.getTaskDefinitionKey())) {
      return null;
    }
    Object owner = runtimeService.getVariable(task.getExecutionId(), firstAsk.variable());
    if (owner == null || owner.toString().isBlank() || owner.toString().equals(to)) {
      return null;
    }
    User user = identityService.createUserQuery().userId(owner.toString()).singleResult();
    return user == null ? owner.toString() : name(user);
  }

  // ------------------------------------------------------------------------------------------ look-ups

  private Task task(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有任务 " + taskId + "（不存在或已办结）");
    }
    return task;
  }

  private String caseNumber(Task task) {
    ProcessInstance instance = task.getProcessInstanceId() == null ? null
        : runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    String caseNumber = instance == null ? null : instance.getBusinessKey();
    if (caseNumber == null || !caseFiles.exists(caseNumber)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "任务“" + task.getName() + "”不属于任何案件，不能转办、委派或抄送");
    }
    return caseNumber;
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  private User user(String userId) {
    User user = userId == null || userId.isBlank() ? null
        : identityService.createUserQuery().userId(userId.strip()).singleResult();
    if (user == null) {
      throw new BadRequestException("to", userId == null || userId.isBlank() ? "请填写接收人" : "没有用户 " + userId);
    }
    return user;
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BadRequestException("reason", "请填写原因");
    }
    if (reason.strip().length() > 500) {
      throw new BadRequestException("reason", "原因最多 500 字");
    }
    return reason.strip();
  }

  private static String name(User user) {
    String name = (user.getLastName() == null ? "" : user.getLastName()) + (user.getFirstName() == null ? "" : user.getFirstName());
    return name.isBlank() ? user.getId() : name + "（" + user.getId() + "）";
  }

  private Map<String, Object> params(Task task, String actor, String reason) {
    User from = identityService.createUserQuery().userId(actor).singleResult();
    return Map.of("taskName", task.getName() == null ? task.getTaskDefinitionKey() : task.getName(),
        "from", from == null ? actor : name(from), "reason", reason);
  }
}
