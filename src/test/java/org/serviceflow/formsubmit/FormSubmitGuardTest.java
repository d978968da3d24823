package org.serviceflow.formsubmit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.EngineRest;
import org.serviceflow.support.Intakes;
import org.serviceflow.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The server-side check of Camunda Form submissions ({@link FormSubmitGuard}), over HTTP: what form-js would refuse
 * in the browser is refused with 400 problem details, read-only and hidden fields are not written, through the
 * engine REST API and through the webapps' API that Tasklist calls. The fuzzed cases are in FormSubmitFuzzTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormSubmitGuardTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void shouldRefuseAFieldTheStartFormDoesNotHaveAndStartNothing() {
    Map<String, Object> intake = complaint("表单外字段客户");
    intake.put("handlingGroup", "general-manager"); // a process variable the clerk must not choose
    long before = historyService.createHistoricProcessInstanceQuery().count();

    ResponseEntity<String> answer = new EngineRest(rest).submitStartForm("kefu1", "complaint", intake);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode problem = EngineRest.json(answer.getBody());
    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("handlingGroup");
    assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("表单中没有这个字段");
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void shouldRefuseWhatFormJsRefusesNamingEachField() {
    Map<String, Object> intake = complaint("校验客户");
    intake.put("customerTier", "Z"); // not an option
    intake.put("customerPhone", "12345"); // not the pattern
    intake.put("occurredOn", "2026-02-30"); // no such day
    intake.remove("content"); // required
    intake.put("customerName", "x".repeat(5000)); // beyond the form's 100

    ResponseEntity<String> answer = new EngineRest(rest).submitStartForm("kefu1", "complaint", intake);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode errors = EngineRest.json(answer.getBody()).path("errors");
    assertThat(errors.findValuesAsText("field"))
        .containsExactly("content", "customerName", "customerPhone", "customerTier", "occurredOn");
    assertThat(errors.findValuesAsText("message")).containsExactly("投诉内容：必填", "客户姓名：最多 100 个字符",
        "联系电话：格式不正确", "客户等级：不是可选的选项", "发生日期：不是有效的日期或时间");
  }

  @Test
  void shouldNotWriteAFieldTheFormHides() {
    // given: not against staff, so the form hides 员工姓名, but the request sends one
    Map<String, Object> intake = complaint("隐藏字段客户");
    intake.put("staffName", "张三");

    ResponseEntity<String> answer = new EngineRest(rest).submitStartForm("kefu1", "complaint", intake);

    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    String instanceId = EngineRest.json(answer.getBody()).path("id").asText();
    assertThat(runtimeService.getVariables(instanceId)).containsEntry("customerName", "隐藏字段客户")
        .doesNotContainKey("staffName");
  }

  @Test
  void shouldKeepTheProcessValuesOfReadOnlyFieldsThroughTasklistsOwnApi() throws Exception {
    // given: a complaint at its first response, and its handler signed in to Tasklist
    ResponseEntity<String> started = new EngineRest(rest).submitStartForm("kefu1", "complaint", complaint("只读客户"));
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(EngineRest.json(started.getBody()).path("id").asText()).singleResult();
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_FirstResponse").singleResult();
    WebappSession browser = WebappSession.signIn("http://localhost:" + port, task.getAssignee(), "demo");

    // when: the submission changes the read-only case number and customer, through the webapps' engine API
    ObjectNode body = new ObjectMapper().createObjectNode();
    ObjectNode variables = body.putObject("variables");
    variables.putObject("caseNumber").put("value", "TS0000000000");
    variables.putObject("customerName").put("value", "冒名顶替");
    variables.putObject("firstResponseChannel").put("value", "phone");
    variables.putObject("firstResponseNote").put("value", "已致电客户。");
    HttpResponse<String> answer = submitInTasklist(browser, task.getId(), body);

    // then: the task is done, with its own fields, and the case keeps its number and customer
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(runtimeService.getVariables(instance.getId()))
        .containsEntry("caseNumber", instance.getBusinessKey()).containsEntry("customerName", "只读客户")
        .containsEntry("firstResponseNote", "已致电客户。");
  }

  @Test
  void shouldRefuseAWrongTypeThroughTasklistsOwnApiAndLeaveTheTaskOpen() throws Exception {
    ResponseEntity<String> started = new EngineRest(rest).submitStartForm("kefu1", "complaint", complaint("类型客户"));
    Task task = taskService.createTaskQuery()
        .processInstanceId(EngineRest.json(started.getBody()).path("id").asText())
        .taskDefinitionKey("Task_FirstResponse").singleResult();
    WebappSession browser = WebappSession.signIn("http://localhost:" + port, task.getAssignee(), "demo");
    ObjectNode body = new ObjectMapper().createObjectNode();
    ObjectNode variables = body.putObject("variables");
    variables.putObject("firstResponseChannel").put("value", 7);
    variables.putObject("firstResponseNote").put("value", "带\u0000空字符");

    HttpResponse<String> answer = submitInTasklist(browser, task.getId(), body);

    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode errors = EngineRest.json(answer.body()).path("errors");
    assertThat(errors.findValuesAsText("field")).containsExactly("firstResponseChannel", "firstResponseNote");
    assertThat(errors.findValuesAsText("message")).containsExactly("响应方式：须为文本",
        "响应记录：不能包含空字符 (NUL)");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(taskService.getVariables(task.getId())).doesNotContainKeys("firstResponseChannel", "firstResponseNote");
  }

  private HttpResponse<String> submitInTasklist(WebappSession browser, String taskId, JsonNode body) {
    // as Tasklist does: the token of the signed-in session comes with the answer of a read
    String token = browser.get("/camunda/api/engine/engine/default/task/" + taskId).headers()
        .firstValue("X-XSRF-TOKEN").orElseGet(() -> browser.cookies().replaceAll(".*XSRF-TOKEN=([^;]+).*", "$1"));
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private static Map<String, Object> complaint(String customer) {
    Map<String, Object> intake = new HashMap<>(Intakes.complaint());
    intake.put("customerName", customer);
    intake.remove("staffName");
    return intake;
  }
}
