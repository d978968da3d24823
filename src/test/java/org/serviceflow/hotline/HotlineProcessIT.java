package org.serviceflow.hotline;

import org.serviceflow.support.EngineRest;
import org.serviceflow.support.EngineRest.Step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
 * The 12345 hotline process on the whole application and a real PostgreSQL: intake through
 * POST /api/hotline/appeals, every task through the engine REST API as the demo user of its group,
 * the case file and timeline through /api/cases, the citizen's SMS through a webhook on loopback,
 * and the reporter's confidentiality as a handling unit's user.
 */
@PostgresIntegrationTest
class HotlineProcessIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String OPERATOR = "huawu";
  static final String DISPATCHER = "paidan";
  static final String HOUSING = "zhujian";
  static final String MARKET = "shichang";
  static final String STREET = "jiedao";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final String ADMIN = "admin";

  /** The SMS gateway: a JDK HTTP server on loopback that keeps every JSON body it receives. */
  private static final List<JsonNode> SMS = new CopyOnWriteArrayList<>();
  private static final HttpServer GATEWAY = smsGateway();

  @DynamicPropertySource
  static void smsWebhook(DynamicPropertyRegistry registry) {
    registry.add("serviceflow.notification.sms.webhook-url",
        () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/sms");
  }

  private static HttpServer smsGateway() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/sms", exchange -> {
        SMS.add(JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stopGateway() {
    GATEWAY.stop(0);
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
  private NotificationDispatcher dispatcher;

  @Autowired
  private Deadlines deadlines;

  @Autowired
  private RuntimeService runtime;

  @Autowired
  private ManagementService managementService;

  @Autowired
  private UnitAssessmentService assessments;

  /** A 投诉 (complaint) about housing in district A, with every field a complaint requires. */
  static ObjectNode complaint(String citizenName, String phone) {
    ObjectNode appeal = JSON.createObjectNode();
    appeal.put("citizenName", citizenName);
    appeal.put("citizenPhone", phone);
    appeal.put("appealType", "complaint");
    appeal.put("urgency", "normal");
    appeal.put("area", "district-a");
    appeal.put("category", "housing");
    appeal.put("content", "小区电梯停运两周，物业不予维修，老人无法下楼。");
    appeal.put("eventDate", "2026-11-20");
    appeal.put("eventLocation", "幸福路 8 号幸福小区 3 栋");
    appeal.put("peopleInvolved", "3 栋全体住户，物业经理");
    appeal.put("target", "幸福小区物业服务中心");
    appeal.put("reason", "电梯故障两周未修");
    appeal.put("evidence", "报修单号 WX-0915，录音两段");
    return appeal;
  }

  private ResponseEntity<String> postAppeal(String user, ObjectNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? rest : engine.as(user);
    return client.postForEntity("/api/hotline/appeals", new HttpEntity<>(body.toString(), headers), String.class);
  }

  private int rows(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  /** Rows of every table an intake writes to: case files, appeals, outbox, process instances. */
  private List<Integer> written() {
    return List.of(rows("select count(*) from service_case"), rows("select count(*) from hotline_appeal"),
        rows("select count(*) from notification"),
        rows("select count(*) from act_hi_procinst where proc_def_key_ = ?", HotlineVariables.PROCESS_KEY));
  }

  @Test
  void shouldAnswerBadRequestNamingTheFieldsAndWriteNothingForAMalformedAppeal() throws Exception {
    // given: a complaint without its evidence and event date, with a malformed phone
    List<Integer> before = written();
    ObjectNode malformed = complaint("错误的诉求", "12345");
    malformed.remove("evidence");
    malformed.remove("eventDate");

    // when
    ResponseEntity<String> response = postAppeal(OPERATOR, malformed);

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("citizenPhone", "eventDate", "evidence");
    assertThat(written()).isEqualTo(before);
    assertThat(rows("select count(*) from service_case where customer_name = ?", "错误的诉求")).isZero();
  }

  @Test
  void shouldRefuseAnAnonymousCallerAndWriteNothing() {
    // given
    List<Integer> before = written();

    // when
    ResponseEntity<String> response = postAppeal(null, complaint("匿名", "13912345678"));

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void shouldRefuseStaffOutsideTheHotlineCentreAndWriteNothing() {
    // given
    List<Integer> before = written();

    // when: a handling unit's user tries to register an appeal
    ResponseEntity<String> response = postAppeal(HOUSING, complaint("越权", "13912345678"));

    // then
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(written()).isEqualTo(before);
  }

  /** One user task as a demo user of its group does it: the form's variables in Camunda REST's typed format. */

  @Test
  void shouldTakeAComplaintThroughTheRestApiToClosureWithCaseFileTimelineAndSms() throws Exception {
    // given: a 投诉 about housing, received through the intake API by a hotline operator
    String phone = "13912345678";
    ResponseEntity<String> created = postAppeal(OPERATOR, complaint("李明", phone));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode receipt = JSON.readTree(created.getBody());
    String caseNumber = receipt.path("caseNumber").asText();
    assertThat(caseNumber).matches("RX\\d{6}\\d+");
    assertThat(created.getHeaders().getLocation()).hasPath("/api/cases/" + caseNumber);
    assertThat(receipt.path("processInstanceId").asText()).isNotBlank();
    assertThat(receipt.path("handlingWorkdays").asInt()).isEqualTo(7);
    assertThat(receipt.path("handlingHours").isNull()).isTrue();
    assertThat(OffsetDateTime.parse(receipt.path("receivedAt").asText()))
        .isBetween(OffsetDateTime.now().minusMinutes(5), OffsetDateTime.now().plusSeconds(5));

    // when: the operator dispatches, 住建局 signs, contacts, replies, the dispatcher passes it, the citizen is satisfied
    List<Step> steps = List.of(
        new Step("Task_TriageAppeal", OPERATOR, Map.of("triageResult", "dispatch")),
        new Step("Task_SignFor", HOUSING, Map.of("signResult", "sign")),
        new Step("Task_FirstContact", HOUSING, Map.of("contactRecord", "已电话联系诉求人，约定次日上门查看电梯")),
        new Step("Task_HandleAppeal", HOUSING, Map.of("handlingAction", "reply", "handlingResult", "resolved",
            "reply", "已责成物业更换电梯主板，电梯已恢复运行")),
        new Step("Task_ReviewReply", DISPATCHER, Map.of("reviewResult", "pass", "reviewNote", "答复属实")),
        new Step("Task_ReturnVisit", OPERATOR, Map.of("visitResult", "satisfied", "problemResolved", true,
            "visitNote", "诉求人表示满意")));
    for (Step step : steps) {
      engine.complete(caseNumber, step);
    }
    int sent = 0;
    for (int run = 0; run < 5; run++) {
      sent += dispatcher.dispatchDue();
    }

    // then: no task is left and the process has ended
    assertThat(engine.tasks(ADMIN, caseNumber)).isEmpty();
    JsonNode history = engine.get(ADMIN, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseNumber);
    assertThat(history.get(0).path("state").asText()).isEqualTo("COMPLETED");

    // and the case file is closed, its handling limit 7 working days from dispatch with the warning 1 before
    JsonNode caseFile = engine.get(OPERATOR, "/api/cases/" + caseNumber);
    assertThat(caseFile.path("processType").asText()).isEqualTo("HOTLINE");
    assertThat(caseFile.path("ownerUser").asText()).isEqualTo(OPERATOR);
    assertThat(caseFile.path("customerName").asText()).isEqualTo("李明");
    assertThat(caseFile.path("closedAt").isNull()).isFalse();
    assertThat(caseFile.path("status").asText()).isEqualTo("已结案");
    Map<String, Object> appeal = jdbc.queryForMap("select * from hotline_appeal where case_number = ?", caseNumber);
    Date dispatchedAt = date(appeal.get("dispatched_at"));
    Date handlingDue = deadlines.workdaysFrom(dispatchedAt, 7);
    JsonNode handling = deadline(caseFile, "HANDLING");
    assertThat(instant(handling.path("dueAt"))).isEqualTo(handlingDue.toInstant());
    assertThat(instant(handling.path("warningAt"))).isEqualTo(deadlines.workdaysBefore(handlingDue, 1).toInstant());
    assertThat(handling.path("metAt").isNull()).isFalse();
    assertThat(date(appeal.get("handling_due_at")).toInstant()).isEqualTo(handlingDue.toInstant());
    for (JsonNode deadline : caseFile.path("deadlines")) {
      assertThat(deadline.path("dueAt").asText()).as(deadline.path("kind").asText()).isNotBlank();
      assertThat(deadline.path("metAt").isNull()).as(deadline.path("kind").asText() + " met").isFalse();
    }

    // and the assessment facts are recorded for 住建局
    assertThat(appeal).containsEntry("unit", "unit-housing").containsEntry("satisfaction", "satisfied")
        .containsEntry("resolved", true).containsEntry("replied_on_time", true).containsEntry("extended", false);
    assertThat(jdbc.queryForMap("select signed_in_time, returned from hotline_dispatch where case_number = ?",
        caseNumber)).containsEntry("signed_in_time", true).containsEntry("returned", false);
    JsonNode assessment = engine.get(DISPATCHER, "/api/hotline/units/assessment?month=" + YearMonth.now(ZONE));
    JsonNode housing = unit(assessment, "unit-housing");
    assertThat(housing.path("received").asLong()).isEqualTo(1);
    assertThat(housing.path("responseRate").asDouble()).isEqualTo(1.0);
    assertThat(housing.path("closed").asLong()).isEqualTo(1);
    assertThat(housing.path("resolutionRate").asDouble()).isEqualTo(1.0);
    assertThat(housing.path("satisfactionRate").asDouble()).isEqualTo(1.0);
    assertThat(housing.path("onTimeCloseRate").asDouble()).isEqualTo(1.0);
    assertThat(housing.path("returnRate").asDouble()).isZero();
    assertThat(housing.path("extensionRate").asDouble()).isZero();

    // and the timeline has every step in order, from 受理 to 结案
    JsonNode timeline = engine.get(OPERATOR, "/api/cases/" + caseNumber + "/timeline");
    List<String> activities = timeline.findValuesAsText("activityId");
    assertThat(activities).containsSubsequence(steps.stream().map(Step::taskKey).toList());
    assertThat(timeline.findValuesAsText("actor")).contains(OPERATOR, HOUSING, DISPATCHER);
    List<String> actions = timeline.findValuesAsText("action");
    assertThat(actions.get(0)).contains("受理");
    assertThat(actions).anyMatch(action -> action.contains("结案") || action.contains("办结"));

    // and the citizen got the acknowledgement by SMS at once, with the case number and the time limit
    assertThat(sent).isGreaterThanOrEqualTo(1);
    List<JsonNode> toCitizen = SMS.stream().filter(sms -> phone.equals(sms.path("phone").asText())).toList();
    assertThat(toCitizen).isNotEmpty();
    assertThat(toCitizen.get(0).path("text").asText()).contains(caseNumber).contains("7 个工作日");
    assertThat(toCitizen).allSatisfy(sms -> assertThat(sms.path("text").asText()).contains(caseNumber));
  }

  @Test
  void shouldNeverShowAReportersNameOrPhoneToTheHandlingUnit() throws Exception {
    // given: a 举报 about the market, dispatched to 市场监管局
    String name = "赵举报";
    String phone = "13700001111";
    ObjectNode report = complaint(name, phone).put("appealType", "report").put("category", "market")
        .put("content", "某超市销售过期食品").put("target", "幸福路某超市");
    ResponseEntity<String> created = postAppeal(OPERATOR, report);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = JSON.readTree(created.getBody()).path("caseNumber").asText();
    engine.complete(caseNumber, new Step("Task_TriageAppeal", OPERATOR, Map.of("triageResult", "dispatch")));

    // when: the unit's user reads its task, the task's variables and the case file
    JsonNode task = engine.task(MARKET, caseNumber, "Task_SignFor");
    String taskId = task.path("id").asText();
    String processInstanceId = task.path("processInstanceId").asText();
    List<String> answers = List.of(
        body(MARKET, "/engine-rest/task/" + taskId + "/variables"),
        body(MARKET, "/engine-rest/task/" + taskId + "/form-variables"),
        body(MARKET, "/engine-rest/task/" + taskId),
        body(MARKET, "/engine-rest/process-instance/" + processInstanceId + "/variables"),
        body(MARKET, "/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId),
        body(MARKET, "/engine-rest/history/detail?processInstanceId=" + processInstanceId),
        body(MARKET, "/api/cases/" + caseNumber),
        body(MARKET, "/api/cases/" + caseNumber + "/timeline"));

    // then: the unit can work on it, but no answer carries the reporter's name or phone, nor does the engine's database
    JsonNode variables = JSON.readTree(answers.get(0));
    assertThat(variables.has(HotlineVariables.CONTENT)).isTrue();
    assertThat(variables.has(HotlineVariables.CITIZEN_NAME)).isFalse();
    assertThat(variables.has(HotlineVariables.CITIZEN_PHONE)).isFalse();
    assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(name).doesNotContain(phone));
    for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
      assertThat(rows("select count(*) from " + table + " where text_ in (?, ?) or text2_ in (?, ?)",
          name, phone, name, phone)).as("reporter's identity in %s", table).isZero();
    }
    JsonNode caseFile = engine.get(MARKET, "/api/cases/" + caseNumber);
    assertThat(caseFile.path("customerName").asText()).isEqualTo(ConfidentialCaseView.HIDDEN_NAME);
    assertThat(caseFile.path("customerPhone").isNull()).isTrue();

    // and the 12345 centre still sees who reported it, so it can reach the reporter
    JsonNode forDispatcher = engine.get(DISPATCHER, "/api/cases/" + caseNumber);
    assertThat(forDispatcher.path("customerName").asText()).isEqualTo(name);
    assertThat(forDispatcher.path("customerPhone").asText()).isEqualTo(phone);
  }




  /**
   * 会办 (D.13) on PostgreSQL: 住建局 leads, 市场监管局 and 街道 assist. 市场监管局 signs and replies, 街道 signs but never
   * replies and is ended at its reply limit; the lead's reply then goes to review with both, and the case file, the
   * outbox and the assessment show each part.
   */
  @Test
  void shouldCoHandleAnAppealWithAssistingUnitsOnTheTimelineInTheNoticesAndTheAssessment() throws Exception {
    ResponseEntity<String> created = postAppeal(OPERATOR, complaint("周会办", "13912340000"));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = JSON.readTree(created.getBody()).path("caseNumber").asText();

    // when: dispatched with two assisting units (the triage form's checklist), 住建局 signs, both assisting units sign,
    // 市场监管局 replies, 住建局 replies
    engine.complete(caseNumber, new Step("Task_TriageAppeal", OPERATOR, Map.of("triageResult", "dispatch",
        "assistingUnits", List.of("unit-market", "unit-street-a"))));
    engine.complete(caseNumber, new Step("Task_SignFor", HOUSING, Map.of("signResult", "sign")));
    engine.complete(caseNumber, new Step("Task_AssistSignFor", MARKET, Map.of("assistSignNote", "食品安全部分由本局核查")));
    engine.complete(caseNumber, new Step("Task_AssistSignFor", STREET, Map.of("assistSignNote", "")));
    assertThat(engine.get(STREET, "/api/cases/" + caseNumber).path("caseNumber").asText())
        .as("an assisting unit reads the case file").isEqualTo(caseNumber);
    engine.complete(caseNumber, new Step("Task_AssistReply", MARKET, Map.of("assistReply", "已现场检查，责令整改")));
    engine.complete(caseNumber, new Step("Task_FirstContact", HOUSING, Map.of("contactRecord", "已电话联系诉求人")));
    JsonNode handle = engine.task(HOUSING, caseNumber, "Task_HandleAppeal");
    String shown = engine.get(HOUSING, "/engine-rest/task/" + handle.path("id").asText() + "/variables/assistReplies")
        .path("value").asText();
    assertThat(shown).contains("**市场监管局**：已于 ", " 答复：已现场检查，责令整改")
        .contains("**街道(示例)**：已签收，待答复（答复时限 ");
    engine.complete(caseNumber, new Step("Task_HandleAppeal", HOUSING, Map.of("handlingAction", "reply",
        "handlingResult", "resolved", "reply", "已维修电梯，食品问题由市场监管局处理")));

    // then: the lead's reply waits for 街道
    assertThat(engine.tasks(DISPATCHER, caseNumber).findValuesAsText("taskDefinitionKey"))
        .doesNotContain("Task_ReviewReply");

    // when: 街道's reply limit passes
    Map<String, Object> street = jdbc.queryForMap("select reply_due_at from hotline_assist where case_number = ? "
        + "and unit = 'unit-street-a'", caseNumber);
    Date replyDue = date(street.get("reply_due_at"));
    String streetPart = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("hotlineAssist").variableValueEquals("assistingUnit", "unit-street-a").singleResult().getId();
    Job overdue = managementService.createJobQuery().processInstanceId(streetPart).activityId("BoundaryEvent_AssistOverdue")
        .singleResult();
    assertThat(overdue.getDuedate()).isEqualTo(replyDue);
    try {
      ClockUtil.setCurrentTime(new Date(replyDue.getTime() + 60_000));
      managementService.executeJob(overdue.getId());
    } finally {
      ClockUtil.reset();
    }

    // then: the reply is reviewed with both parts, the one that did not answer with its reason
    JsonNode review = engine.task(DISPATCHER, caseNumber, "Task_ReviewReply");
    String reviewed = engine.get(DISPATCHER, "/engine-rest/task/" + review.path("id").asText()
        + "/variables/assistReplies").path("value").asText();
    assertThat(reviewed).contains("**市场监管局**：已于 ").endsWith("**街道(示例)**：未答复（已签收，逾期未答复）");
    List<Map<String, Object>> parts = jdbc.queryForList("select unit, signed_in_time, replied_in_time, timed_out, "
        + "timeout_reason, reply from hotline_assist where case_number = ? order by id", caseNumber);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0)).containsEntry("unit", "unit-market").containsEntry("signed_in_time", true)
        .containsEntry("replied_in_time", true).containsEntry("timed_out", false)
        .containsEntry("reply", "已现场检查，责令整改");
    assertThat(parts.get(1)).containsEntry("unit", "unit-street-a").containsEntry("signed_in_time", true)
        .containsEntry("replied_in_time", false).containsEntry("timed_out", true)
        .containsEntry("timeout_reason", "已签收，逾期未答复");

    // and the timeline has each assisting step, by the assisting units' users
    JsonNode timeline = engine.get(OPERATOR, "/api/cases/" + caseNumber + "/timeline");
    List<String> actions = timeline.findValuesAsText("action");
    assertThat(actions).containsSubsequence("协办签收", "协办签收", "协办答复", "协办超时", "汇总协办答复");
    assertThat(timeline.findValuesAsText("actor")).contains(MARKET, STREET, HOUSING);

    // and the lead unit was told of each part, the assisting units were asked, the supervisors told of the timeout
    assertThat(templates(caseNumber, HOUSING)).contains("hotline.assistSigned", "hotline.assistReplied",
        "hotline.assistTimedOut");
    assertThat(templates(caseNumber, MARKET)).contains("hotline.assistRequested");
    assertThat(templates(caseNumber, STREET)).contains("hotline.assistRequested");
    assertThat(templates(caseNumber, "duban")).contains("hotline.assistTimedOut");

    // and the month's assessment counts each part for its assisting unit
    YearMonth month = YearMonth.now(ZONE);
    AssistAssessment market = assessments.assists(month).stream().filter(a -> a.unit().equals("unit-market"))
        .findFirst().orElseThrow();
    assertThat(market.ended()).isGreaterThanOrEqualTo(1);
    assertThat(market.timedOut()).isZero();
    assertThat(market.replyRate()).isEqualTo(1.0);
    AssistAssessment streetFigures = assessments.assists(month).stream()
        .filter(a -> a.unit().equals("unit-street-a")).findFirst().orElseThrow();
    assertThat(streetFigures.timedOut()).isGreaterThanOrEqualTo(1);
    assertThat(streetFigures.replyRate()).isZero();
  }

  private List<String> templates(String caseNumber, String recipient) {
    return jdbc.queryForList("select distinct template_key from notification where case_number = ? and recipient = ?",
        String.class, caseNumber, recipient);
  }

  private static JsonNode deadline(JsonNode caseFile, String kind) {
    for (JsonNode deadline : caseFile.path("deadlines")) {
      if (kind.equals(deadline.path("kind").asText())) {
        return deadline;
      }
    }
    throw new AssertionError("no deadline " + kind + " in " + caseFile.path("deadlines"));
  }

  private static JsonNode unit(JsonNode assessment, String unit) {
    for (JsonNode figures : assessment.path("units")) {
      if (unit.equals(figures.path("unit").asText())) {
        return figures;
      }
    }
    throw new AssertionError("no figures for " + unit + " in " + assessment);
  }

  /** A TIMESTAMP WITH TIME ZONE column as the JDBC driver returns it. */
  private static Date date(Object column) {
    return column instanceof OffsetDateTime time ? Date.from(time.toInstant()) : (Date) column;
  }

  private static Instant instant(JsonNode value) {
    return OffsetDateTime.parse(value.asText()).toInstant();
  }

  /** Whatever the answer is (200, 403 or 404), its body as text. */
  private String body(String user, String path) {
    ResponseEntity<String> response = engine.as(user).getForEntity(path, String.class);
    return response.getBody() == null ? "" : response.getBody();
  }



}
