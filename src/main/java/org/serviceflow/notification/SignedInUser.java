package org.serviceflow.notification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The user of the current request, as authenticated against Camunda's identity service (HTTP Basic). */
@Component
class SignedInUser {

  private final IdentityService identityService;
  private final StaffDirectory staff;

  SignedInUser(IdentityService identityService, StaffDirectory staff) {
    this.identityService = identityService;
    this.staff = staff;
  }

  /** The user id; 401 when nobody is signed in. */
  String id() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    return authentication.getUserId();
  }

  /** The user id of a member of camunda-admin; 401 when nobody is signed in, 403 for everyone else. */
  String adminId() {
    String userId = id();
    if (!staff.isMember(userId, Groups.CAMUNDA_ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "仅系统管理员 (camunda-admin) 可以查看和重发通知");
    }
    return userId;
  }
}
