package org.serviceflow.identity;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The staff member calling /api/* (authenticated by HTTP Basic for the length of the request).
 * Also the engine's current authentication, so engine calls made for them are authorization-checked.
 */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The caller's user id, empty outside an authenticated request. */
  public Optional<String> id() {
    return Optional.ofNullable(identityService.getCurrentAuthentication()).map(Authentication::getUserId);
  }

  /** The caller's user id; fails when called outside an authenticated request. */
  public String requireId() {
    return id().orElseThrow(() -> new IllegalStateException("no authenticated user"));
  }

  /** The caller's group ids, empty outside an authenticated request. */
  public List<String> groupIds() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null
        ? List.of() : List.copyOf(authentication.getGroupIds());
  }

  /**
   * The caller's id when they are a member of camunda-admin: 401 problem details when nobody is signed in,
   * 403 with {@code deniedMessage} for everyone else.
   */
  public String requireAdmin(String deniedMessage) {
    String userId = id().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
    if (!isAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, deniedMessage);
    }
    return userId;
  }

  /** Whether the caller is a member of camunda-admin. */
  public boolean isAdmin() {
    return groupIds().contains(Groups.CAMUNDA_ADMIN);
  }

  /**
   * Runs work that ServiceFlow's own check already allowed the caller (e.g. pausing a case they work on) as
   * the system, without the engine's authorization checks: suspending its timers or evaluating a decision
   * needs permissions staff do not hold. The caller's authentication is restored afterwards.
   */
  public <T> T asSystem(java.util.function.Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
