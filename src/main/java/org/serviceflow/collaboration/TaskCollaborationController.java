package org.serviceflow.collaboration;

import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.serviceflow.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/tasks/{taskId}/transfer|delegate|resolve|copy}: 转办, 委派, 委派办结 and 抄送 of a case's user task.
 * The rules of who may act and to whom are in {@link TaskCollaboration}; docs/collaboration.md explains them.
 */
@RestController
@RequestMapping("/api/tasks/{taskId}")
class TaskCollaborationController {

  private final TaskCollaboration collaboration;
  private final CurrentUser currentUser;

  TaskCollaborationController(TaskCollaboration collaboration, CurrentUser currentUser) {
    this.collaboration = collaboration;
    this.currentUser = currentUser;
  }

  /** @param to the receiving user's id; @param reason why, for the timeline and the notice */
  record PassRequest(String to, String reason) {
  }

  record ResolveRequest(String reason) {
  }

  record CopyRequest(List<String> to, String reason) {
  }

  record TaskState(String taskId, String name, String assignee, String owner, String delegationState) {
    static TaskState of(Task task) {
      return new TaskState(task.getId(), task.getName(), task.getAssignee(), task.getOwner(),
          task.getDelegationState() == null ? null : task.getDelegationState().name());
    }
  }

  record CopyResult(String taskId, List<String> copiedTo) {
  }

  @PostMapping("/transfer")
  TaskState transfer(@PathVariable String taskId, @RequestBody PassRequest request) {
    String userId = signedIn();
    List<String> groups = currentUser.groupIds();
    return TaskState.of(currentUser.asSystem(
        () -> collaboration.transfer(taskId, userId, groups, request.to(), request.reason())));
  }

  @PostMapping("/delegate")
  TaskState delegate(@PathVariable String taskId, @RequestBody PassRequest request) {
    String userId = signedIn();
    List<String> groups = currentUser.groupIds();
    return TaskState.of(currentUser.asSystem(
        () -> collaboration.delegate(taskId, userId, groups, request.to(), request.reason())));
  }

  @PostMapping("/resolve")
  TaskState resolve(@PathVariable String taskId, @RequestBody(required = false) ResolveRequest request) {
    String userId = signedIn();
    String reason = request == null ? null : request.reason();
    return TaskState.of(currentUser.asSystem(() -> collaboration.resolve(taskId, userId, reason)));
  }

  @PostMapping("/copy")
  CopyResult copy(@PathVariable String taskId, @RequestBody CopyRequest request) {
    String userId = signedIn();
    List<String> groups = currentUser.groupIds();
    return new CopyResult(taskId, currentUser.asSystem(
        () -> collaboration.copy(taskId, userId, groups, request.to(), request.reason())));
  }

  private String signedIn() {
    return currentUser.id().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
  }
}
