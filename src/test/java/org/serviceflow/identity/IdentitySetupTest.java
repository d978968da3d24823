package org.serviceflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.serviceflow.identity.DemoUsers.DemoUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentitySetupTest {

  @Autowired ProcessEngine processEngine;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired IdentitySetupPlugin setupPlugin;

  @Test
  void shouldCreateEveryGroupWithItsChineseName() {
    Map<String, String> names = identityService.createGroupQuery().list().stream()
        .collect(Collectors.toMap(Group::getId, Group::getName));

    assertThat(names).containsEntry("customer-service", "客服部")
        .containsEntry("hotline-dispatchers", "12345 派单审核")
        .containsEntry("unit-housing", "住建局")
        .containsEntry("auditors", "审计");
    for (StaffGroup group : StaffGroup.values()) {
      assertThat(names).containsEntry(group.id(), group.chineseName());
    }
  }

  @Test
  void shouldChangeNothingWhenSetUpRunsAgainAsAfterARestart() {
    // given
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long groups = identityService.createGroupQuery().count();
    long users = identityService.createUserQuery().count();
    long filters = filterService.createFilterQuery().count();

    // when
    setupPlugin.setUp(processEngine);
    setupPlugin.setUp(processEngine);

    // then
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn("customer-service")
        .resourceType(Resources.APPLICATION).resourceId(AccessGrants.TASKLIST).count()).isOne();
  }

  @Test
  void shouldRestoreAGroupNameChangedByHand() {
    Group group = identityService.createGroupQuery().groupId("warehouse").singleResult();
    group.setName("Lager");
    identityService.saveGroup(group);

    setupPlugin.setUp(processEngine);

    assertThat(identityService.createGroupQuery().groupId("warehouse").singleResult().getName()).isEqualTo("库房");
  }

  @Test
  void shouldCreateDemoUsersInTheirGroupsWithPasswordDemo() {
    for (DemoUser demo : DemoUsers.ALL) {
      User user = identityService.createUserQuery().userId(demo.id()).singleResult();
      assertThat(user).as(demo.id()).isNotNull();
      assertThat(user.getFirstName()).isEqualTo(demo.firstName());
      assertThat(user.getLastName()).isEqualTo(demo.lastName());
      assertThat(user.getEmail()).isEqualTo(demo.id() + "@serviceflow.local");
      assertThat(identityService.checkPassword(demo.id(), "demo")).as(demo.id()).isTrue();
      assertThat(identityService.createUserQuery().memberOfGroup(demo.group().id()).userId(demo.id()).count())
          .as(demo.id()).isOne();
    }
    for (StaffGroup group : StaffGroup.values()) {
      assertThat(identityService.createUserQuery().memberOfGroup(group.id()).count()).as(group.id()).isPositive();
    }
    assertThat(identityService.createUserQuery().memberOfGroup("customer-service").count()).isGreaterThanOrEqualTo(2);
    assertThat(identityService.createUserQuery().memberOfGroup("quality").count()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldGiveAUnitAddedLaterTasklistAndTheFiltersAtTheNextStart() {
    // given: a handling unit added in Admin
    Group unit = identityService.newGroup("unit-water");
    unit.setName("水务局");
    identityService.saveGroup(unit);
    assertThat(allowed("x", "unit-water", AccessGrants.TASKLIST)).isFalse();

    // when
    setupPlugin.setUp(processEngine);

    // then
    assertThat(allowed("x", "unit-water", AccessGrants.TASKLIST)).isTrue();
    Filter myGroupTasks = filterService.createFilterQuery().filterName(TasklistFilters.MY_GROUPS).singleResult();
    assertThat(authorizationService.isUserAuthorized("x", List.of("unit-water"), Permissions.READ, Resources.FILTER,
        myGroupTasks.getId())).isTrue();
  }

  @Test
  void shouldNameTheCatalogueGroupsThatTheIdentityServiceLacksAsForADirectory() {
    // given: every catalogue group exists; then one is gone (as a directory without it would be)
    StaffGroupSetup groups = new StaffGroupSetup(identityService);
    assertThat(groups.warnAboutMissingGroups()).isEmpty();
    identityService.deleteGroup("warehouse");
    try {
      // when / then
      assertThat(groups.warnAboutMissingGroups()).containsExactly("warehouse");
    } finally {
      setupPlugin.setUp(processEngine);
    }
    assertThat(groups.warnAboutMissingGroups()).isEmpty();
  }

  @Test
  void shouldLetMembersReadTheirOwnGroupOnly() {
    assertThat(authorizationService.isUserAuthorized("x", List.of("quality"), Permissions.READ, Resources.GROUP,
        "quality")).isTrue();
    assertThat(authorizationService.isUserAuthorized("x", List.of("auditors"), Permissions.READ, Resources.GROUP,
        "auditors")).isTrue();
    assertThat(authorizationService.isUserAuthorized("x", List.of("quality"), Permissions.READ, Resources.GROUP,
        "hr")).isFalse();
  }

  @Test
  void shouldLetStaffUseTasklistAndAuditorsCockpitOnly() {
    assertThat(allowed("kefu1", "customer-service", AccessGrants.TASKLIST)).isTrue();
    assertThat(allowed("zhujian", "unit-housing", AccessGrants.TASKLIST)).isTrue();
    assertThat(allowed("kefu1", "customer-service", AccessGrants.COCKPIT)).isFalse();
    assertThat(allowed("shenji", "auditors", AccessGrants.COCKPIT)).isTrue();
    assertThat(allowed("shenji", "auditors", AccessGrants.TASKLIST)).isFalse();
  }

  @Test
  void shouldLetOnlyTheStarterGroupsStartTheirProcesses() {
    assertThat(mayStart("customer-service", "complaint")).isTrue();
    assertThat(mayStart("customer-service", "afterSalesService")).isTrue();
    assertThat(mayStart("hotline-operators", "hotline12345")).isTrue();
    assertThat(mayStart("process-owners", "processChange")).isTrue();
    assertThat(mayStart("quality", "complaint")).isFalse();
    assertThat(mayStart("customer-service", "hotline12345")).isFalse();
  }

  @Test
  void shouldShareTheTwoTasklistFiltersWithEveryStaffGroup() {
    for (String name : List.of(TasklistFilters.MINE, TasklistFilters.MY_GROUPS)) {
      Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
      assertThat(filter).as(name).isNotNull();
      assertThat(filter.getProperties()).containsEntry("refresh", true);
      assertThat(authorizationService.isUserAuthorized("x", List.of("quality"), Permissions.READ, Resources.FILTER,
          filter.getId())).isTrue();
      assertThat(authorizationService.isUserAuthorized("x", List.of("auditors"), Permissions.READ, Resources.FILTER,
          filter.getId())).isFalse();
    }
  }

  private boolean allowed(String user, String group, String application) {
    return authorizationService.isUserAuthorized(user, List.of(group), Permissions.ACCESS, Resources.APPLICATION,
        application);
  }

  private boolean mayStart(String group, String processKey) {
    return authorizationService.isUserAuthorized("x", List.of(group), Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, processKey)
        && authorizationService.isUserAuthorized("x", List.of(group), Permissions.CREATE,
        Resources.PROCESS_INSTANCE, Authorization.ANY);
  }
}
