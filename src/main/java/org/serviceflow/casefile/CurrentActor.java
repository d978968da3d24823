package org.serviceflow.casefile;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Who a timeline entry is attributed to: the given person, else the engine's authenticated user, else 系统. */
@Component
class CurrentActor {

  static final String SYSTEM = "系统";

  private final ObjectProvider<IdentityService> identityService;

  CurrentActor(ObjectProvider<IdentityService> identityService) {
    this.identityService = identityService;
  }

  String orAuthenticated(String actor) {
    if (actor != null && !actor.isBlank()) {
      return actor;
    }
    IdentityService identity = identityService.getIfAvailable();
    Authentication authentication = identity == null ? null : identity.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return SYSTEM;
  }
}
