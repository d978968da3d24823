package org.serviceflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Drives cases through the running application's HTTP API as the demo users would: HTTP Basic
 * (password "demo", "admin" for admin), Camunda's /engine-rest for tasks and jobs.
 */
public final class EngineRest {

  public static final String ADMIN = "admin";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;

  public EngineRest(TestRestTemplate rest) {
    this.rest = rest;
  }

  /** One step of a case: the task, who does it, and what its form submits. */
  public record Step(String taskKey, String user, Map<String, Object> variables) {
  }

  public TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, ADMIN.equals(user) ? "admin" : "demo");
  }

  /** GET that must answer 200; the body as JSON. */
  public JsonNode get(String user, String path) {
    ResponseEntity<String> response = as(user).getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
    return json(response.getBody());
  }

  public ResponseEntity<String> post(String user, String path, JsonNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body.toString(), headers), String.class);
  }

  public JsonNode tasks(String user, String caseNumber) {
    return get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber);
  }

  public JsonNode task(String user, String caseNumber, String taskKey) {
    JsonNode found = tasks(user, caseNumber);
    for (JsonNode candidate : found) {
      if (taskKey.equals(candidate.path("taskDefinitionKey").asText())) {
        return candidate;
      }
    }
    throw new AssertionError(taskKey + " not visible to " + user + " among " + found);
  }

  /** Finds the step's task for the case as that user, claims it if nobody has, completes it; returns who did. */
  public String complete(String caseNumber, Step step) {
    JsonNode task = task(step.user(), caseNumber, step.taskKey());
    String id = task.path("id").asText();
    String actor = task.path("assignee").isNull() ? step.user() : task.path("assignee").asText();
    if (task.path("assignee").isNull()) {
      ResponseEntity<String> claimed = post(actor, "/engine-rest/task/" + id + "/claim",
          JSON.createObjectNode().put("userId", actor));
      assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    ObjectNode completion = JSON.createObjectNode();
    putVariables(completion, step.variables());
    ResponseEntity<String> completed = post(actor, "/engine-rest/task/" + id + "/complete", completion);
    assertThat(completed.getStatusCode()).as("complete %s: %s", step.taskKey(), completed.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return actor;
  }

  /**
   * Starts a process from its start form as Tasklist does, {@code POST /engine-rest/process-definition/{id}/submit-form}
   * of its latest version, as this user; the answer as it is (the started instance, with its business key).
   */
  public ResponseEntity<String> submitStartForm(String user, String processKey, Map<String, Object> variables) {
    String definitionId = get(ADMIN, "/engine-rest/process-definition/key/" + processKey).path("id").asText();
    ObjectNode submission = JSON.createObjectNode();
    putVariables(submission, variables);
    return post(user, "/engine-rest/process-definition/" + definitionId + "/submit-form", submission);
  }

  /** Form values as the REST API takes them; a list (a checklist or taglist) as Tasklist sends it, Json. */
  private static void putVariables(ObjectNode body, Map<String, Object> values) {
    ObjectNode variables = body.putObject("variables");
    values.forEach((name, value) -> {
      if (value instanceof java.util.List<?> list) {
        variables.putObject(name).put("type", "Json").put("value", JSON.valueToTree(list).toString());
      } else {
        variables.putObject(name).put("type", typeOf(value)).putPOJO("value", value);
      }
    });
  }

  /** Runs the process instance's due jobs (the job executor is off in tests), as admin, until none is left. */
  public void executeDueJobs(String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      JsonNode jobs = get(ADMIN, "/engine-rest/job?executable=true&processInstanceId=" + processInstanceId);
      if (jobs.isEmpty()) {
        return;
      }
      for (JsonNode job : jobs) {
        ResponseEntity<String> executed = post(ADMIN, "/engine-rest/job/" + job.path("id").asText() + "/execute",
            JSON.createObjectNode());
        assertThat(executed.getStatusCode()).as(executed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
      }
    }
  }

  /** The id of the running process instance of a case. */
  public String processInstanceOf(String caseNumber) {
    return get(ADMIN, "/engine-rest/process-instance?businessKey=" + caseNumber).path(0).path("id").asText();
  }

  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  private static String typeOf(Object value) {
    if (value instanceof Boolean) {
      return "Boolean";
    }
    if (value instanceof Integer) {
      return "Integer";
    }
    return value instanceof Double || value instanceof BigDecimal ? "Double" : "String";
  }
}
