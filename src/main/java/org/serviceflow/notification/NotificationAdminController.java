package org.serviceflow.notification;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** For members of camunda-admin: see the outbox (e.g. ?status=FAILED) and re-queue failed messages. */
@RestController
@RequestMapping("/api/notifications")
class NotificationAdminController {

  private final OutboxAdministration administration;
  private final SignedInUser user;

  NotificationAdminController(OutboxAdministration administration, SignedInUser user) {
    this.administration = administration;
    this.user = user;
  }

  @GetMapping
  List<OutboxEntry> list(@RequestParam(required = false) NotificationStatus status) {
    user.adminId();
    return administration.list(status);
  }

  @PostMapping("/{id}/retry")
  OutboxEntry retry(@PathVariable long id) {
    user.adminId();
    try {
      return administration.requeue(id)
          .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有通知 " + id));
    } catch (IllegalStateException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "只能重发失败 (FAILED) 的通知", e);
    }
  }
}
