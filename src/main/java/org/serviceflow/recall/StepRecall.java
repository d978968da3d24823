package org.serviceflow.recall;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.serviceflow.assignment.FirstAskOwner;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.notification.NotificationService;
import org.serviceflow.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 撤回: the person who completed a step takes it back while the next step is still open, unclaimed and untouched,
 * by process-instance modification (start before the step, then cancel the next one — in that order, so that a
 * subprocess holding both is not ended and started again). Listeners and input mappings run as on any arrival, so
 * the re-opened task gets its due date, case status and timers as the model says. Runs as the system; every check is
 * made before anything is written, and the modification, the assignee, the timeline entry and the notices are one
 * transaction.
 */
@Service
class StepRecall {

  /** How long after a task's creation an assignment still counts as made with it (same transaction). */

  static final String ACTION = "撤回";
  static final String TEMPLATE = "recall.recalled";

  private final RecallProperties properties;
  private final CaseFileService caseFiles;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final NotificationService notifications;
  private final IdentityService identityService;

  StepRecall(RecallProperties properties, CaseFileService caseFiles, HistoryService historyService,
      TaskService taskService, RuntimeService runtimeService, NotificationService notifications,
      IdentityService identityService) {
    this.properties = properties;
    this.caseFiles = caseFiles;
    this.historyService = historyService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.notifications = notifications;
    this.identityService = identityService;
  }

  /** The re-opened task, assigned to the actor. */
  @Transactional
  Task recall(String caseNumber, String actor, String taskDefinitionKey, String reason) {
    CaseView caseFile = caseFiles.get(caseNumber);
    String text = reason(reason);
    RecallProperties.Rule rule = rule(caseFile.processKey(), taskDefinitionKey);
    String step = rule.step();
    String processInstanceId = caseFile.processInstanceId();
    if (processInstanceId == null) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "案件 " + caseNumber + " 没有流程实例，无可撤回");
    }
    HistoricTaskInstance completed = lastCompleted(processInstanceId, step);
    String stepName = completed.getName();
    if (!actor.equals(completed.getAssignee())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有办结“" + stepName + "”的 "
          + completed.getAssignee() + " 本人可以撤回该步骤");
    }
    Task next = untouchedNext(processInstanceId, rule, completed);
    for (RecallProperties.Refusal refusal : rule.refusedAfter()) {
      if (historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(refusal.step()).finished().count() > 0) {
        throw new ResponseStatusException(HttpStatus.CONFLICT, "不能撤回“" + stepName + "”：" + refusal.reason());
      }
    }
    List<String> candidates = candidateGroups(next);

    runtimeService.createProcessInstanceModification(processInstanceId)
        .startBeforeActivity(step)
        .cancelAllForActivity(rule.whileOpen())
        .execute();
    Task reopened = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(step)
        .singleResult();
    taskService.setAssignee(reopened.getId(), actor);
    caseFiles.record(caseNumber, actor, ACTION, step,
        "撤回“" + stepName + "”，“" + next.getName() + "”已取消；原因：" + text);
    Map<String, Object> params = Map.of("taskName", stepName, "nextTaskName", next.getName(), "from", name(actor),
        "reason", text);
    candidates.forEach(group -> notifications.toGroup(caseNumber, group, TEMPLATE, params));
    return taskService.createTaskQuery().taskId(reopened.getId()).singleResult();
  }

  private RecallProperties.Rule rule(String process, String step) {
    if (step == null || step.isBlank()) {
      throw new BadRequestException("taskDefinitionKey", "请填写要撤回的步骤（任务定义 ID）");
    }
    return properties.find(process, step.strip()).orElseThrow(() -> new BadRequestException("taskDefinitionKey",
        "该流程不能撤回步骤 " + step + "；可撤回的步骤：" + String.join("、", properties.steps(process))));
  }

  private HistoricTaskInstance lastCompleted(String processInstanceId, String step) {
    List<HistoricTaskInstance> done = historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(step).finished()
        .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1);
    if (done.isEmpty() || !"completed".equals(done.get(0).getDeleteReason())) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "步骤 " + step + " 尚未办结，无可撤回");
    }
    return done.get(0);
  }

  /** The next task, open since the step's last round, nobody's yet and not acted on by anyone. */
  private Task untouchedNext(String processInstanceId, RecallProperties.Rule rule, HistoricTaskInstance completed) {
    List<Task> open = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(rule.whileOpen()).list();
    Task next = open.size() == 1 ? open.get(0) : null;
    if (next == null || next.getCreateTime().before(completed.getStartTime())) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "不能撤回“" + completed.getName()
          + "”：案件已不在其下一步（" + rule.whileOpen() + "）等待签收，已继续流转");
    }
    if (next.getOwner() != null || next.getAssignee() != null && !assignedAtCreation(next)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "不能撤回“" + completed.getName() + "”：下一步“"
          + next.getName() + "”已由 " + (next.getAssignee() != null ? next.getAssignee() : next.getOwner()) + " 认领");
    }
    // a person's every act on a task (save variables, comment, attach, claim, delegate…) is in the operation log;
    // what the engine's own create listeners write (task card labels, served-first reason) is not
    if (historyService.createUserOperationLogQuery().taskId(next.getId()).count() > 0) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "不能撤回“" + completed.getName() + "”：下一步“"
          + next.getName() + "”已开始办理（已有人保存内容、评论或操作过该任务）");
    }
    return next;
  }

  /**
   * Whether the task is still with the person it was given to as it was created (the first-ask owner, package
   * assignment), not claimed or transferred since: what the task's creation noted as its owner.
   */
  private boolean assignedAtCreation(Task task) {
    return task.getAssignee().equals(taskService.getVariableLocal(task.getId(), FirstAskOwner.ASSIGNED_AT_CREATION));
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).distinct().toList();
  }

  /** 胡军（huawu）, or the id alone for a user without a name. */
  private String name(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    String name = user == null ? "" : (user.getLastName() == null ? "" : user.getLastName())
        + (user.getFirstName() == null ? "" : user.getFirstName());
    return name.isBlank() ? userId : name + "（" + userId + "）";
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BadRequestException("reason", "请填写撤回原因");
    }
    if (reason.strip().length() > 500) {
      throw new BadRequestException("reason", "原因最多 500 字");
    }
    return reason.strip();
  }
}
