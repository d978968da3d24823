package org.serviceflow.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the caller is and which groups (roles) they belong to. */
@RestController
class MeController {

  private final CurrentUser currentUser;
  private final IdentityService identityService;

  MeController(CurrentUser currentUser, IdentityService identityService) {
    this.currentUser = currentUser;
    this.identityService = identityService;
  }

  record GroupView(String id, String name) {
  }

  record MeView(String id, String firstName, String lastName, String email, List<GroupView> groups) {
  }

  @GetMapping("/api/me")
  MeView me() {
    String userId = currentUser.requireId();
    User user = identityService.createUserQuery().userId(userId).singleResult();
    List<GroupView> groups = identityService.createGroupQuery().groupMember(userId).orderByGroupId().asc()
        .list().stream().map(MeController::view).toList();
    return new MeView(userId, user == null ? null : user.getFirstName(),
        user == null ? null : user.getLastName(), user == null ? null : user.getEmail(), groups);
  }

  private static GroupView view(Group group) {
    return new GroupView(group.getId(), group.getName());
  }
}
