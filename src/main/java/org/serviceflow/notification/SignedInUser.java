package org.serviceflow.notification;

import org.serviceflow.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The caller of /api/inbox and /api/notifications, as 401 / 403 problem details when not allowed. */
@Component
class SignedInUser {

  private final CurrentUser currentUser;

  SignedInUser(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  /** The user id; 401 when nobody is signed in. */
  String id() {
    return currentUser.id()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
  }

  /** The user id of a member of camunda-admin; 401 when nobody is signed in, 403 for everyone else. */
  String adminId() {
    return currentUser.requireAdmin("仅系统管理员 (camunda-admin) 可以查看和重发通知");
  }

}
