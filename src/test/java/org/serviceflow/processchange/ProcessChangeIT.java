package org.serviceflow.processchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.EngineRest;
import org.serviceflow.support.EngineRest.Step;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 5 end to end on PostgreSQL: a process owner submits a changed complaint.bpmn through
 * POST /api/process-changes; the approval runs through /engine-rest as the demo users of each step;
 * complaints keep starting on version 1 until the effective date has passed, then new ones start on
 * version 2 while those already running stay on version 1; the catalogue shows the approval case.
 * The context is discarded afterwards: the other integration tests must not find complaint version 2.
 */
@PostgresIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProcessChangeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** Demo users (docs/identity.md): process owner, 企管部, the owner group's clerk, 管理者代表, 总经理. */
  static final String PROCESS_OWNER = "liuchengjingli";
  static final String ENTERPRISE_MANAGEMENT = "qiguan";
  static final String CLERK = "kefu1";
  static final String MANAGEMENT_REP = "guanlidaibiao";
  static final String GENERAL_MANAGER = "zongjingli";

  @Autowired
  private TestRestTemplate rest;
  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private RuntimeService runtimeService;
  @Autowired
  private HistoryService historyService;
  @Autowired
  private ManagementService managementService;
  @Autowired
  private JdbcTemplate jdbc;

  private EngineRest engine;

  @BeforeEach
  void driveThroughTheApi() {
    engine = new EngineRest(rest);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static ObjectNode application(LocalDate effectiveDate) {
    ObjectNode request = JSON.createObjectNode();
    request.put("targetProcessKey", "complaint");
    request.put("targetProcessName", "投诉处理");
    request.put("changeType", "change");
    request.put("level", 2);
    request.put("category", "business");
    request.put("trigger", "complaint-analysis");
    request.put("description", "投诉分析发现客户需要道歉：“解释说明”改为“解释说明并致歉”");
    request.put("effectiveDate", effectiveDate.toString());
    request.put("ownerGroup", "customer-service");
    request.putArray("affectedGroups").add("customer-service");
    return request;
  }

  private ResponseEntity<String> submit(ObjectNode request, String fileName, String content) {
    HttpHeaders jsonPart = new HttpHeaders();
    jsonPart.setContentType(MediaType.APPLICATION_JSON);
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("request", new HttpEntity<>(request.toString(), jsonPart));
    parts.add("files", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return engine.as(PROCESS_OWNER).postForEntity("/api/process-changes", new HttpEntity<>(parts, headers), String.class);
  }

  /** Starts a complaint through the intake API as the clerk; returns its process instance id. */
  private String startComplaint(String customerName) {
    ObjectNode complaint = JSON.createObjectNode();
    complaint.put("customerName", customerName);
    complaint.put("customerPhone", "13812345678");
    complaint.put("customerTier", "B");
    complaint.put("content", "净水器漏水");
    complaint.put("occurredOn", LocalDate.now(SHANGHAI).toString());
    complaint.put("channel", "phone");
    complaint.put("category", "product-quality");
    complaint.put("severity", "general");
    complaint.put("againstStaff", false);
    ResponseEntity<String> started = engine.post(CLERK, "/api/complaints", complaint);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
    return EngineRest.json(started.getBody()).path("processInstanceId").asText();
  }

  private int versionOf(String processInstanceId) {
    String definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getProcessDefinitionId();
    return repositoryService.getProcessDefinition(definitionId).getVersion();
  }

  private int rows(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  @Test
  void shouldRejectABrokenModelWithPreciseMessagesAndStartNothing() throws Exception {
    int changes = rows("select count(*) from act_hi_procinst where proc_def_key_ = 'processChange'");
    int attachments = rows("select count(*) from process_change_attachment");
    String broken = ModelValidatorTest.complaintBpmn()
        .replace("camunda:candidateGroups=\"hr\"", "camunda:candidateGroups=\"no-such-group\"")
        .replaceFirst("(?s)<bpmndi:BPMNShape id=\"Task_ExplainToCustomer_di\".*?</bpmndi:BPMNShape>", "");

    ResponseEntity<String> response = submit(application(LocalDate.now(SHANGHAI).plusDays(1)), "complaint.bpmn", broken);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode errors = EngineRest.json(response.getBody()).path("errors");
    assertThat(errors).extracting(e -> e.path("field").asText() + " → " + e.path("message").asText()).containsExactly(
        "files[complaint.bpmn] → complaint.bpmn: userTask Task_DecideDiscipline names unknown group 'no-such-group'",
        "files[complaint.bpmn] → complaint.bpmn: userTask Task_ExplainToCustomer has no diagram shape");
    ResponseEntity<String> xmlError = submit(application(LocalDate.now(SHANGHAI).plusDays(1)), "complaint.bpmn",
        new String(ModelValidatorTest.resource("complaint.bpmn", "xml-error.bpmn.xml").content(), StandardCharsets.UTF_8));
    assertThat(EngineRest.json(xmlError.getBody()).path("errors").path(0).path("message").asText())
        .startsWith("complaint.bpmn: XML error at line 6: The element type \"bpmn:userTask\" must be terminated");
    assertThat(rows("select count(*) from act_hi_procinst where proc_def_key_ = 'processChange'")).isEqualTo(changes);
    assertThat(rows("select count(*) from process_change_attachment")).isEqualTo(attachments);
  }

  @Test
  void shouldPutAnApprovedChangedComplaintModelLiveOnItsEffectiveDate() throws Exception {
    String runningBefore = startComplaint("王芳");
    LocalDate tomorrow = LocalDate.now(SHANGHAI).plusDays(1);
    String changed = ModelValidatorTest.changedComplaintBpmn();

    // given: the process owner applies with the changed diagram, effective tomorrow
    ResponseEntity<String> submitted = submit(application(tomorrow), "complaint.bpmn", changed);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode receipt = EngineRest.json(submitted.getBody());
    String caseNumber = receipt.path("caseNumber").asText();
    String changeInstance = receipt.path("processInstanceId").asText();
    assertThat(caseNumber).matches("LC\\d{4}\\d+");
    assertThat(receipt.path("files")).extracting(JsonNode::asText).containsExactly("complaint.bpmn");
    assertThat(submitted.getHeaders().getLocation()).hasPath("/api/cases/" + caseNumber);
    assertThat(versionOf(startComplaint("李雷"))).as("while under review").isEqualTo(1);

    // when: every step approves, as the demo user of its group (level 2: 总经理 approves)
    engine.complete(caseNumber, new Step("Task_FormalReview", ENTERPRISE_MANAGEMENT, Map.of("formalReviewResult", "pass")));
    engine.complete(caseNumber, new Step("Task_ReviewMeeting", CLERK, Map.of("meetingResult", "pass")));
    engine.complete(caseNumber, new Step("Task_ManagementRepReview", MANAGEMENT_REP, Map.of("managementRepResult", "pass", "managementRepNote", "同意")));
    engine.complete(caseNumber, new Step("Task_ApproveChange", GENERAL_MANAGER, Map.of("approvalDecision", "approved")));
    engine.complete(caseNumber, new Step("Task_FileChange", ENTERPRISE_MANAGEMENT, Map.of("newVersionTag", "1.1")));
    engine.complete(caseNumber, new Step("Task_ConfirmTraining", CLERK, Map.of("trainingNote", "已培训")));

    // then: approved, but not yet effective — still version 1
    assertThat(versionOf(startComplaint("韩梅梅"))).as("approved, before the effective date").isEqualTo(1);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint").count()).isEqualTo(1);

    // when: the effective date has begun (Asia/Shanghai) and its timer fires
    ClockUtil.setCurrentTime(Date.from(tomorrow.atTime(0, 5).atZone(SHANGHAI).toInstant()));
    Job timer = managementService.createJobQuery().processInstanceId(changeInstance).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(tomorrow.atStartOfDay(SHANGHAI).toInstant()));
    managementService.executeJob(timer.getId());
    for (Job job : managementService.createJobQuery().processInstanceId(changeInstance).executable().list()) {
      managementService.executeJob(job.getId());
    }

    // then: new complaints start on version 2, the one running before stays on version 1
    String runningAfter = startComplaint("张伟");
    assertThat(versionOf(runningAfter)).isEqualTo(2);
    assertThat(versionOf(runningBefore)).isEqualTo(1);
    assertThat(repositoryService.getProcessModel(runtimeService.createProcessInstanceQuery()
        .processInstanceId(runningAfter).singleResult().getProcessDefinitionId()).readAllBytes())
        .isEqualTo(changed.getBytes(StandardCharsets.UTF_8));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(changeInstance).singleResult()
        .getState()).isEqualTo("COMPLETED");

    // and: the version 2 tasks still show their Camunda Forms in Tasklist (the forms went live with the diagram)
    String taskOnVersion2 = engine.get(EngineRest.ADMIN, "/engine-rest/task?processInstanceId=" + runningAfter)
        .path(0).path("id").asText();
    assertThat(engine.get(EngineRest.ADMIN, "/engine-rest/task/" + taskOnVersion2 + "/deployed-form").path("id")
        .asText()).isEqualTo("complaint_Task_FirstResponse");

    // and: the catalogue lists complaint on version 2 with the approval case
    JsonNode catalogue = engine.get(PROCESS_OWNER, "/api/process-catalogue");
    JsonNode complaint = null;
    for (JsonNode entry : catalogue) {
      if ("complaint".equals(entry.path("processKey").asText())) {
        complaint = entry;
      }
    }
    assertThat(complaint).as("complaint in %s", catalogue).isNotNull();
    assertThat(complaint.path("currentVersion").asInt()).isEqualTo(2);
    assertThat(complaint.path("lastChangeCase").asText()).isEqualTo(caseNumber);
    assertThat(complaint.path("deploymentId").asText()).isEqualTo(
        repositoryService.getProcessDefinition(runtimeService.createProcessInstanceQuery().processInstanceId(runningAfter)
            .singleResult().getProcessDefinitionId()).getDeploymentId());
  }
}
