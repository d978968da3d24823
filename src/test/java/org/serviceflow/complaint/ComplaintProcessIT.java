package org.serviceflow.complaint;

import org.serviceflow.support.EngineRest;
import org.serviceflow.support.EngineRest.Step;
import org.serviceflow.support.Mails;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.serviceflow.calendar.Deadlines;
import org.serviceflow.notification.NotificationDispatcher;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The complaint process on the whole application and a real PostgreSQL: intake through
 * POST /api/complaints, every task through the engine REST API as the demo user of its group,
 * the case file and timeline through /api/cases, and the customer's e-mails through GreenMail.
 */
@PostgresIntegrationTest
class ComplaintProcessIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "demo";
  /** Demo users: a customer-service clerk, a quality department member, and the administrator. */
  static final String CLERK = "kefu1";
  static final String QUALITY = "zhiliang1";
  /** 质量管理部负责人 (quality-lead), who approves a solution of up to 1,000 yuan. */
  static final String LEAD = "zhiliangzhuguan";
  static final String ADMIN = "admin";

  /** A free loopback port, chosen up front: the Spring context may be built before GreenMail starts. */
  private static final ServerSetup SMTP = new ServerSetup(Mails.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(SMTP).withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", SMTP::getBindAddress);
    registry.add("spring.mail.port", SMTP::getPort);
  }


  @Autowired
  private TestRestTemplate rest;

  private EngineRest engine;

  @BeforeEach
  void driveThroughTheApi() {
    engine = new EngineRest(rest);
  }

  @Autowired
  private JdbcTemplate jdbc;

  @Autowired
  private IdentityService identityService;

  @Autowired
  private NotificationDispatcher dispatcher;

  @Autowired
  private Deadlines deadlines;

  static ObjectNode complaint(String customerName, String email) {
    ObjectNode complaint = JSON.createObjectNode();
    complaint.put("customerName", customerName);
    complaint.put("customerPhone", "13812345678");
    complaint.put("customerEmail", email);
    complaint.put("customerTier", "A");
    complaint.put("productOrOrderNo", "SO-2026-0042");
    complaint.put("content", "新买的净水器使用三天后漏水，地板被泡坏。");
    complaint.put("occurredOn", "2026-11-20");
    complaint.put("channel", "phone");
    complaint.put("category", "product-quality");
    complaint.put("severity", "general");
    complaint.put("againstStaff", false);
    return complaint;
  }

  private ResponseEntity<String> postComplaint(String user, ObjectNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, PASSWORD);
    return client.postForEntity("/api/complaints", new HttpEntity<>(body.toString(), headers), String.class);
  }

  private int rows(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  private int complaintInstances() {
    return rows("select count(*) from act_hi_procinst where proc_def_key_ = ?", ComplaintVariables.PROCESS_KEY);
  }

  @Test
  void shouldAnswerBadRequestNamingTheFieldsAndWriteNothingForAMalformedComplaint() throws Exception {
    // given
    int cases = rows("select count(*) from service_case");
    int notifications = rows("select count(*) from notification");
    int instances = complaintInstances();
    ObjectNode malformed = complaint("错误的投诉", "not-an-address")
        .put("customerPhone", "12345").put("category", "weather");
    malformed.remove("content");

    // when
    ResponseEntity<String> response = postComplaint(CLERK, malformed);

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("category", "content", "customerEmail", "customerPhone");
    assertThat(rows("select count(*) from service_case")).isEqualTo(cases);
    assertThat(rows("select count(*) from service_case where customer_name = ?", "错误的投诉")).isZero();
    assertThat(rows("select count(*) from notification")).isEqualTo(notifications);
    assertThat(complaintInstances()).isEqualTo(instances);
  }

  @Test
  void shouldRefuseAnAnonymousComplaintAndWriteNothing() {
    // given
    int cases = rows("select count(*) from service_case");
    int instances = complaintInstances();

    // when
    ResponseEntity<String> response = postComplaint(null, complaint("匿名", "anonymous@example.com"));

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rows("select count(*) from service_case")).isEqualTo(cases);
    assertThat(complaintInstances()).isEqualTo(instances);
  }

  @Test
  void shouldRefuseAComplaintFromStaffWhoMayNotTakeComplaintsAndWriteNothing() {
    // given: a quality department member, who works on complaints but does not register them
    int cases = rows("select count(*) from service_case");
    int instances = complaintInstances();

    // when
    ResponseEntity<String> response = postComplaint(QUALITY, complaint("越权受理", "someone@example.com"));

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rows("select count(*) from service_case")).isEqualTo(cases);
    assertThat(complaintInstances()).isEqualTo(instances);
  }

  /** One user task as a demo user of its group does it: the form's variables in Camunda REST's typed format. */

  @Test
  void shouldTakeAComplaintThroughTheRestApiToClosureWithCaseFileTimelineAndMails() throws Exception {
    // given: a complaint about product quality, received through the intake API by a customer-service clerk
    String email = "zhang.wei@example.com";
    ResponseEntity<String> created = postComplaint(CLERK, complaint("张伟", email));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode receipt = JSON.readTree(created.getBody());
    String caseNumber = receipt.path("caseNumber").asText();
    assertThat(caseNumber).matches("TS\\d{4}\\d+");
    assertThat(created.getHeaders().getLocation()).hasPath("/api/cases/" + caseNumber);
    assertThat(receipt.path("processInstanceId").asText()).isNotBlank();

    // when: the quality department and customer service do every task through the engine REST API
    List<Step> steps = List.of(
        new Step("Task_FirstResponse", QUALITY, Map.of(
            "firstResponseChannel", "phone", "firstResponseNote", "已致电客户，说明将在三个工作日内核实")),
        new Step("Task_VerifyComplaint", QUALITY, Map.of(
            "verificationResult", "valid", "verificationNote", "现场查看，密封圈装配不良，投诉属实")),
        new Step("Task_ProposeSolution", QUALITY, Map.of(
            "cause", "生产批次 B-1107 密封圈装配不良", "responsiblePerson", "总装车间 王班长",
            "solution", "上门更换整机并修复地板", "compensationInvolved", false, "resolutionMode", "immediate")),
        new Step("Task_ImplementSolution", QUALITY, Map.of("implementationResult", "已上门更换整机，客户确认不再漏水")),
        new Step("Task_NotifyCustomerOfResult", CLERK, Map.of("resultNote", "已电话告知客户处理结果")),
        new Step("Task_ReturnVisit", CLERK, Map.of("satisfaction", "satisfied", "returnVisitNote", "客户对处理结果满意")));
    List<String> actors = new ArrayList<>();
    for (Step step : steps) {
      actors.add(engine.complete(caseNumber, step));
    }
    engine.executeDueJobs(engine.processInstanceOf(caseNumber));
    int sent = 0;
    for (int run = 0; run < 5; run++) {
      sent += dispatcher.dispatchDue();
    }

    // then: no task is left and the process has ended
    assertThat(engine.tasks(ADMIN, caseNumber)).isEmpty();
    JsonNode history = engine.get(ADMIN, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseNumber);
    assertThat(history.get(0).path("state").asText()).isEqualTo("COMPLETED");

    // and the case file is closed, with its deadlines
    JsonNode caseFile = engine.get(CLERK, "/api/cases/" + caseNumber);
    assertThat(caseFile.path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(caseFile.path("processInstanceId").asText()).isEqualTo(receipt.path("processInstanceId").asText());
    assertThat(caseFile.path("ownerUser").asText()).isEqualTo(CLERK);
    assertThat(caseFile.path("category").asText()).isEqualTo("product-quality");
    assertThat(caseFile.path("closedAt").isNull()).isFalse();
    assertThat(caseFile.path("status").asText()).isEqualTo("已结案");
    assertThat(caseFile.path("flaggedForReview").asBoolean()).isFalse();
    assertThat(caseFile.path("deadlines").findValuesAsText("kind")).contains("FIRST_RESPONSE", "VERIFICATION", "RESOLUTION", "RETURN_VISIT");
    Date openedAt = Date.from(OffsetDateTime.parse(caseFile.path("openedAt").asText()).toInstant());
    assertThat(dueAt(caseFile, "FIRST_RESPONSE")).isEqualTo(deadlines.hoursFrom(openedAt, 24));
    assertThat(dueAt(caseFile, "VERIFICATION")).isEqualTo(deadlines.workdaysFrom(openedAt, 3));
    for (JsonNode deadline : caseFile.path("deadlines")) {
      assertThat(deadline.path("dueAt").asText()).as(deadline.path("kind").asText()).isNotBlank();
      assertThat(deadline.path("metAt").isNull()).as(deadline.path("kind").asText() + " met").isFalse();
    }

    // and the timeline has every step in order
    JsonNode timeline = engine.get(CLERK, "/api/cases/" + caseNumber + "/timeline");
    List<String> activities = timeline.findValuesAsText("activityId");
    assertThat(activities).containsSubsequence(steps.stream().map(Step::taskKey).toList());
    List<OffsetDateTime> times = timeline.findValuesAsText("occurredAt").stream().map(OffsetDateTime::parse).toList();
    assertThat(times).isSortedAccordingTo(OffsetDateTime::compareTo);
    assertThat(timeline.findValuesAsText("actor")).containsAll(actors);
    List<String> actions = timeline.findValuesAsText("action");
    assertThat(actions.get(0)).contains("受理");
    assertThat(actions.get(actions.size() - 1)).contains("结案");

    // and the customer received the acknowledgement and the result by e-mail, in Chinese, with the case number
    assertThat(sent).isGreaterThanOrEqualTo(2);
    List<MimeMessage> toCustomer = Arrays.stream(MAIL.getReceivedMessages())
        .filter(message -> Mails.recipients(message).contains(email)).toList();
    assertThat(toCustomer).hasSize(2);
    assertThat(toCustomer).allSatisfy(message -> {
      assertThat(message.getSubject()).contains(caseNumber);
      assertThat(GreenMailUtil.getBody(message)).isNotBlank();
    });
    MimeMessage acknowledgement = Mails.withSubject(toCustomer, "已受理");
    assertThat(Mails.decodedBody(acknowledgement)).contains(caseNumber).contains("张伟").contains("24 小时");
    MimeMessage result = Mails.withSubject(toCustomer, "处理结果");
    assertThat(Mails.decodedBody(result)).contains(caseNumber).contains("张伟").contains("结案");
  }


  @Test
  void shouldRefuseTheProposerTheApprovalOfTheirOwnSolutionOverHttpWhileAnotherLeadApprovesIt() throws Exception {
    identityService.createMembership(QUALITY, "quality-lead");
    try {
      // given: zhiliang1, a quality member who is also one of the department's leads, proposes an 800-yuan
      // compensation, which the leads of 质量管理部 (quality-lead, their own group) approve
      String caseNumber = JSON.readTree(postComplaint(CLERK, complaint("赵敏", "zhao.min@example.com")).getBody())
          .path("caseNumber").asText();
      engine.complete(caseNumber, new Step("Task_FirstResponse", QUALITY, Map.of("firstResponseChannel", "phone")));
      engine.complete(caseNumber, new Step("Task_VerifyComplaint", QUALITY, Map.of("verificationResult", "valid")));
      assertThat(engine.complete(caseNumber, new Step("Task_ProposeSolution", QUALITY, Map.of("cause", "密封圈老化",
          "responsiblePerson", "王五", "solution", "更换新品并赔偿", "compensationInvolved", true,
          "compensationAmount", 800, "resolutionMode", "immediate")))).isEqualTo(QUALITY);
      String approval = engine.task(LEAD, caseNumber, "Task_ApproveSolution").path("id").asText();

      // then: the proposer does not see it, neither in the task list nor in the filter 我组待办
      assertThat(engine.tasks(QUALITY, caseNumber).findValuesAsText("taskDefinitionKey"))
          .doesNotContain("Task_ApproveSolution");
      assertThat(filterList(QUALITY, "我组待办", caseNumber)).doesNotContain(approval);
      assertThat(filterList(LEAD, "我组待办", caseNumber)).contains(approval);

      // and claim, complete, submit-form and a transfer to oneself are refused with 403 problem details
      ObjectNode decision = JSON.createObjectNode();
      decision.putObject("variables").putObject("approvalDecision").put("value", "approved");
      for (String action : List.of("claim", "complete", "submit-form")) {
        JsonNode body = action.equals("claim") ? JSON.createObjectNode().put("userId", QUALITY) : decision;
        ResponseEntity<String> refused = engine.post(QUALITY, "/engine-rest/task/" + approval + "/" + action, body);
        assertThat(refused.getStatusCode()).as(action + ": " + refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .as(action + " answers problem details").isTrue();
        assertThat(JSON.readTree(refused.getBody()).path("detail").asText()).isEqualTo(
            "职责分离：zhiliang1 是本事项的提出人，不能查看、认领、接办或完成对自己所提事项的“审批解决方案”");
      }
      // nor may the other lead give it to the proposer, through the engine or through our collaboration API
      ResponseEntity<String> assigned = engine.post(LEAD, "/engine-rest/task/" + approval + "/assignee",
          JSON.createObjectNode().put("userId", QUALITY));
      assertThat(assigned.getStatusCode()).as(assigned.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(JSON.readTree(assigned.getBody()).path("title").asText()).isEqualTo("职责分离");
      ObjectNode toProposer = JSON.createObjectNode().put("to", QUALITY).put("reason", "请本人审批");
      for (String actor : List.of(QUALITY, LEAD)) {
        ResponseEntity<String> transfer = engine.post(actor, "/api/tasks/" + approval + "/transfer", toProposer);
        assertThat(transfer.getStatusCode()).as(actor + " transfers: " + transfer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(JSON.readTree(transfer.getBody()).path("detail").asText()).startsWith("职责分离：zhiliang1 是本事项的提出人");
      }
      JsonNode untouched = engine.get(ADMIN, "/engine-rest/task/" + approval);
      assertThat(untouched.path("assignee").isNull()).as("nobody claimed it").isTrue();

      // when: the other lead claims and approves it through the form
      assertThat(engine.post(LEAD, "/engine-rest/task/" + approval + "/claim",
          JSON.createObjectNode().put("userId", LEAD)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      ResponseEntity<String> approved = engine.post(LEAD, "/engine-rest/task/" + approval + "/submit-form", decision);
      assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

      // then: the case goes on to the implementation, and the timeline names the other lead as approver
      assertThat(engine.tasks(ADMIN, caseNumber).findValuesAsText("taskDefinitionKey")).containsExactly("Task_ImplementSolution");
      JsonNode timeline = engine.get(CLERK, "/api/cases/" + caseNumber + "/timeline");
      assertThat(timeline).filteredOn(entry -> "Task_ApproveSolution".equals(entry.path("activityId").asText()))
          .singleElement().satisfies(entry -> assertThat(entry.path("actor").asText()).isEqualTo(LEAD));
    } finally {
      identityService.deleteMembership(QUALITY, "quality-lead");
    }
  }

  /** The tasks of a case that a filter lists for this user (POST /engine-rest/filter/{id}/list, extended by the case). */
  private List<String> filterList(String user, String filterName, String caseNumber) {
    String filterId = engine.get(user, "/engine-rest/filter?name=" + filterName).path(0).path("id").asText();
    ResponseEntity<String> listed = engine.post(user, "/engine-rest/filter/" + filterId + "/list",
        JSON.createObjectNode().put("processInstanceBusinessKey", caseNumber));
    assertThat(listed.getStatusCode()).as(listed.getBody()).isEqualTo(HttpStatus.OK);
    return EngineRest.json(listed.getBody()).findValuesAsText("id");
  }

  private static Date dueAt(JsonNode caseFile, String kind) {
    for (JsonNode deadline : caseFile.path("deadlines")) {
      if (kind.equals(deadline.path("kind").asText())) {
        return Date.from(OffsetDateTime.parse(deadline.path("dueAt").asText()).toInstant());
      }
    }
    throw new AssertionError("no deadline " + kind + " in " + caseFile.path("deadlines"));
  }









}
