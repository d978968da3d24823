package org.serviceflow.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who the caller is, which groups (roles) they belong to, and which Camunda webapps they may
 * open ({@code apps}: tasklist, cockpit, admin; APPLICATION ACCESS, camunda-admin all) and which of our own pages
 * ({@code pages}: each {@link StaffPage}, e.g. {@code /knowledge}), so our pages and Tasklist cards link only there.
 * Signed in through the webapps' session, also the session's XSRF token ({@code xsrfToken}): our pages outside
 * /camunda cannot read the webapps' XSRF-TOKEN cookie (its path is /camunda), and a write with the session needs it
 * (SessionOrBasicAuthenticationProvider). Another site cannot read this answer (no CORS), so the token stays secret.
 */
@RestController
class MeController {

  private final CurrentUser currentUser;
  static final List<String> WEBAPPS = List.of("tasklist", "cockpit", "admin");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final List<StaffPage> pages;

  MeController(CurrentUser currentUser, IdentityService identityService, AuthorizationService authorizationService,
      List<StaffPage> pages) {
    this.currentUser = currentUser;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.pages = pages;
  }

  record GroupView(String id, String name) {
  }

  /** @param xsrfToken the webapps' XSRF token of the caller's session; null when the caller used HTTP Basic */
  record MeView(String id, String firstName, String lastName, String email, List<GroupView> groups, List<String> apps,
      List<String> pages, String xsrfToken) {
  }

  @GetMapping("/api/me")
  MeView me(HttpServletRequest request) {
    String userId = currentUser.requireId();
    User user = identityService.createUserQuery().userId(userId).singleResult();
    List<GroupView> groups = identityService.createGroupQuery().groupMember(userId).orderByGroupId().asc()
        .list().stream().map(MeController::view).toList();
    return new MeView(userId, user == null ? null : user.getFirstName(),
        user == null ? null : user.getLastName(), user == null ? null : user.getEmail(), groups, apps(userId),
        pages.stream().filter(page -> page.mayOpen(currentUser.groupIds())).map(StaffPage::path).sorted().toList(),
        SessionOrBasicAuthenticationProvider.sessionXsrfToken(request));
  }

  /** Checked as the system: reading authorizations is not for every caller, their own answer is. */
  private List<String> apps(String userId) {
    List<String> groupIds = currentUser.groupIds();
    return currentUser.asSystem(() -> WEBAPPS.stream().filter(app -> currentUser.isAdmin()
        || authorizationService.isUserAuthorized(userId, groupIds, Permissions.ACCESS, Resources.APPLICATION, app))
        .toList());
  }

  private static GroupView view(Group group) {
    return new GroupView(group.getId(), group.getName());
  }
}
