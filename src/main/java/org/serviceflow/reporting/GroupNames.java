package org.serviceflow.reporting;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.serviceflow.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** The Chinese names of staff groups (units, departments) for report rows, from the engine's identity service. */
@Component
public class GroupNames {

  private final IdentityService identityService;
  private final CurrentUser currentUser;

  GroupNames(IdentityService identityService, CurrentUser currentUser) {
    this.identityService = identityService;
    this.currentUser = currentUser;
  }

  /** Group id → name, every group (read as the system: a reader may not list groups). */
  public Map<String, String> all() {
    return currentUser.asSystem(() -> identityService.createGroupQuery().list().stream()
        .collect(Collectors.toMap(Group::getId, g -> g.getName() == null ? g.getId() : g.getName(), (a, b) -> a)));
  }
}
