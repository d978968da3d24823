package org.serviceflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.assignment.AssignmentTestProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The REST API behind HTTP Basic, and what each group may see and do through it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RestAccessTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;

  @BeforeEach
  void deployTestProcess() {
    AssignmentTestProcess.deploy(repositoryService);
  }

  @Test
  void shouldRejectAnonymousAndWrongPasswordCalls() {
    ResponseEntity<String> anonymous = rest.getForEntity("/engine-rest/task", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

    assertThat(rest.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // (a wrong password locks the user for a few seconds: use a user of this test only)
    String userId = "wrongpw" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    User user = identityService.newUser(userId);
    user.setPassword("right");
    identityService.saveUser(user);
    assertThat(rest.withBasicAuth(userId, "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldAnswerADemoUserWithPasswordDemo() {
    assertThat(as("kefu1").getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldKnowTheCallerInOurOwnApi() {
    ResponseEntity<JsonNode> me = as("kefu1").getForEntity("/api/me", JsonNode.class);

    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody().path("id").asText()).isEqualTo("kefu1");
    assertThat(me.getBody().path("lastName").asText()).isEqualTo("王");
    assertThat(me.getBody().path("groups").findValuesAsText("name")).containsExactly("客服部");
    assertThat(me.getBody().path("apps")).extracting(JsonNode::asText).containsExactly("tasklist");
    assertThat(me.getBody().path("pages")).as("customer service reads the knowledge base")
        .extracting(JsonNode::asText).containsExactly("/knowledge");
  }

  @Test
  void shouldNameTheWebappsTheCallerMayOpen() {
    assertThat(as("shenji").getForEntity("/api/me", JsonNode.class).getBody().path("apps"))
        .as("auditors: Cockpit only").extracting(JsonNode::asText).containsExactly("cockpit");
    assertThat(as("shenji").getForEntity("/api/me", JsonNode.class).getBody().path("pages"))
        .as("auditors: not the knowledge base").isEmpty();
    assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/api/me", JsonNode.class).getBody().path("apps"))
        .extracting(JsonNode::asText).containsExactly("tasklist", "cockpit", "admin");
  }

  @Test
  void shouldKeepHealthOpenAndUpWithoutAMailServer() {
    // no login needed; mail waits in the outbox, so no SMTP server (as here) must not make a node DOWN
    ResponseEntity<JsonNode> health = rest.getForEntity("/actuator/health", JsonNode.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
  }

  @Test
  void shouldShowATaskOnlyToItsCandidateGroup() {
    // given: a task for quality (assigned by least load to one of its two members)
    String processInstanceId = startFor("quality");
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    String otherMember = task.getAssignee().equals("zhiliang1") ? "zhiliang2" : "zhiliang1";

    // when / then
    assertThat(taskIdsSeenBy("kefu1", processInstanceId)).isEmpty();
    assertThat(taskIdsSeenBy("jishu", processInstanceId)).isEmpty();
    assertThat(taskIdsSeenBy(task.getAssignee(), processInstanceId)).containsExactly(task.getId());
    assertThat(taskIdsSeenBy(otherMember, processInstanceId)).containsExactly(task.getId());
  }

  @Test
  void shouldListTasksThroughTheSharedFilters() {
    // given
    String processInstanceId = startFor("quality");
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    String otherMember = task.getAssignee().equals("zhiliang1") ? "zhiliang2" : "zhiliang1";
    String myTasks = filterId(TasklistFilters.MINE);
    String myGroupTasks = filterId(TasklistFilters.MY_GROUPS);

    // then: the filters are offered to staff
    JsonNode offered = as("kefu1").getForEntity("/engine-rest/filter?resourceType=Task", JsonNode.class).getBody();
    assertThat(offered.findValuesAsText("name")).contains(TasklistFilters.MINE, TasklistFilters.MY_GROUPS);
    // and each shows the right tasks
    assertThat(filterTaskIds(task.getAssignee(), myTasks)).contains(task.getId());
    assertThat(filterTaskIds(otherMember, myTasks)).doesNotContain(task.getId());
    assertThat(filterTaskIds(otherMember, myGroupTasks)).contains(task.getId());
    assertThat(filterTaskIds("kefu1", myGroupTasks)).doesNotContain(task.getId());
  }

  @Test
  void shouldLetOnlyAStarterGroupStartAProcessWithItsCamundaForm() {
    // given: customer-service may start the test process, as it may start complaint
    new AccessGrants(authorizationService).grantStart("customer-service", AssignmentTestProcess.KEY);

    // then Tasklist's start list (startablePermissionCheck) shows it to kefu1 only
    String startable = "/engine-rest/process-definition?key=" + AssignmentTestProcess.KEY
        + "&latestVersion=true&startableInTasklist=true&startablePermissionCheck=true";
    assertThat(as("kefu1").getForEntity(startable, JsonNode.class).getBody()).hasSize(1);
    assertThat(as("zhiliang1").getForEntity(startable, JsonNode.class).getBody()).isEmpty();

    // and kefu1 reads the deployed Camunda Form (no DEPLOYMENT grant needed) and submits it
    String definition = "/engine-rest/process-definition/key/" + AssignmentTestProcess.KEY;
    ResponseEntity<JsonNode> form = as("kefu1").getForEntity(definition + "/deployed-start-form", JsonNode.class);
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody().path("id").asText()).isEqualTo("assignmentTest_StartEvent_TestStarted");
    Map<String, Object> submit = Map.of("variables", Map.of("candidateGroup", Map.of("value", "quality")));
    ResponseEntity<JsonNode> started = as("kefu1").postForEntity(definition + "/submit-form", submit, JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(started.getBody().path("id").asText())
        .count()).isOne();
    assertThat(as("zhiliang1").postForEntity(definition + "/submit-form", submit, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void shouldLetAuditorsReadHistoryButNotStaff() {
    String processInstanceId = startFor("quality");
    String history = "/engine-rest/history/process-instance?processInstanceId=" + processInstanceId;

    assertThat(as("shenji").getForEntity(history, JsonNode.class).getBody()).hasSize(1);
    assertThat(as("kefu1").getForEntity(history, JsonNode.class).getBody()).isEmpty();
  }

  private String startFor(String group) {
    return runtimeService.startProcessInstanceByKey(AssignmentTestProcess.KEY,
        Map.of(AssignmentTestProcess.CANDIDATE_GROUP, group)).getId();
  }

  private TestRestTemplate as(String userId) {
    return rest.withBasicAuth(userId, DemoUsers.PASSWORD);
  }

  private List<String> taskIdsSeenBy(String userId, String processInstanceId) {
    ResponseEntity<JsonNode> tasks = as(userId)
        .getForEntity("/engine-rest/task?processInstanceId=" + processInstanceId, JsonNode.class);
    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    return tasks.getBody().findValuesAsText("id");
  }

  private List<String> filterTaskIds(String userId, String filterId) {
    ResponseEntity<JsonNode> tasks = as(userId)
        .postForEntity("/engine-rest/filter/" + filterId + "/list?maxResults=1000", Map.of(), JsonNode.class);
    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    tasks.getBody().forEach(t -> ids.add(t.path("id").asText()));
    return ids;
  }

  private String filterId(String name) {
    return filterService.createFilterQuery().filterName(name).singleResult().getId();
  }
}
