package org.serviceflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LeastLoadedAssigneeTest {

  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final String group = "t" + suffix;

  @BeforeEach
  void deployAndCreateGroup() {
    AssignmentTestProcess.deploy(repositoryService);
    Group g = identityService.newGroup(group);
    g.setName("测试组");
    identityService.saveGroup(g);
  }

  @AfterEach
  void authenticationCleared() {
    identityService.clearAuthentication();
  }

  @Test
  void shouldAssignTheMemberWithFewerOpenTasks() {
    // given: a has two open tasks, b has one
    String a = member("a");
    String b = member("b");
    openTaskFor(a);
    openTaskFor(a);
    openTaskFor(b);

    // when
    Task task = startAndGetTask();

    // then
    assertThat(task.getAssignee()).isEqualTo(b);
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && group.equals(link.getGroupId()));
  }

  @Test
  void shouldGiveATieToTheSmallestUserIdAndCountTheNewTaskNextTime() {
    // given: equal load
    String b = member("b");
    String a = member("a");

    // when two tasks arrive one after the other
    Task first = startAndGetTask();
    Task second = startAndGetTask();

    // then the tie goes to a; then b has fewer
    assertThat(first.getAssignee()).isEqualTo(a);
    assertThat(second.getAssignee()).isEqualTo(b);
  }

  @Test
  void shouldNotCountCompletedTasks() {
    // given: a finished a task, b still has one open
    String a = member("a");
    String b = member("b");
    String done = openTaskFor(a);
    taskService.complete(done);
    openTaskFor(b);

    // when / then
    assertThat(startAndGetTask().getAssignee()).isEqualTo(a);
  }

  @Test
  void shouldLeaveTheTaskToTheGroupWhenItHasNoMembers() {
    Task task = startAndGetTask();

    assertThat(task.getAssignee()).isNull();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup(group).count()).isOne();
  }

  @Test
  void shouldAssignAlthoughTheStarterMayNotReadUsersOrTasks() {
    // given: the process is started by a user without any authorization on users or tasks
    String a = member("a");
    String b = member("b");
    openTaskFor(a);
    String starter = "starter" + suffix;
    allowStart(starter);
    identityService.setAuthentication(starter, List.of());

    // when
    String processInstanceId = runtimeService.createProcessInstanceByKey(AssignmentTestProcess.KEY)
        .setVariable(AssignmentTestProcess.CANDIDATE_GROUP, group)
        .execute(false, false).getId();
    identityService.clearAuthentication();

    // then
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(task.getAssignee()).isEqualTo(b);
  }

  /** Only what starting needs: no READ on users, groups or tasks. */
  private void allowStart(String userId) {
    Authorization createInstance = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    createInstance.setUserId(userId);
    createInstance.setResource(Resources.PROCESS_INSTANCE);
    createInstance.setResourceId(Authorization.ANY);
    createInstance.addPermission(ProcessInstancePermissions.CREATE);
    authorizationService.saveAuthorization(createInstance);
    Authorization startDefinition = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    startDefinition.setUserId(userId);
    startDefinition.setResource(Resources.PROCESS_DEFINITION);
    startDefinition.setResourceId(AssignmentTestProcess.KEY);
    startDefinition.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizationService.saveAuthorization(startDefinition);
  }

  private Task startAndGetTask() {
    String processInstanceId = runtimeService
        .startProcessInstanceByKey(AssignmentTestProcess.KEY, Map.of(AssignmentTestProcess.CANDIDATE_GROUP, group))
        .getId();
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private String member(String name) {
    String id = name + suffix;
    User user = identityService.newUser(id);
    user.setFirstName(name);
    user.setLastName("测试");
    identityService.saveUser(user);
    identityService.createMembership(id, group);
    return id;
  }

  private String openTaskFor(String userId) {
    Task task = taskService.newTask();
    task.setName("其他工作");
    task.setAssignee(userId);
    taskService.saveTask(task);
    return task.getId();
  }
}
