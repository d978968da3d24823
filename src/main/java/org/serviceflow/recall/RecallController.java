package org.serviceflow.recall;

import org.camunda.bpm.engine.task.Task;
import org.serviceflow.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/cases/{caseNumber}/recall}: 撤回 of a step of the case by the person who completed it, while the
 * next step is still waiting unclaimed. The rules are in {@link StepRecall} and application.yaml
 * ({@code serviceflow.recall.rules}); docs/collaboration.md explains them.
 */
@RestController
class RecallController {

  private final StepRecall recall;
  private final CurrentUser currentUser;

  RecallController(StepRecall recall, CurrentUser currentUser) {
    this.recall = recall;
    this.currentUser = currentUser;
  }

  /** @param taskDefinitionKey the completed step, e.g. Task_TriageAppeal; @param reason why, for the timeline */
  record RecallRequest(String taskDefinitionKey, String reason) {
  }

  record RecalledTask(String caseNumber, String taskId, String taskDefinitionKey, String name, String assignee) {
  }

  @PostMapping("/api/cases/{caseNumber}/recall")
  RecalledTask recall(@PathVariable String caseNumber, @RequestBody RecallRequest request) {
    String userId = currentUser.id()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
    Task task = currentUser.asSystem(
        () -> recall.recall(caseNumber, userId, request.taskDefinitionKey(), request.reason()));
    return new RecalledTask(caseNumber, task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee());
  }
}
