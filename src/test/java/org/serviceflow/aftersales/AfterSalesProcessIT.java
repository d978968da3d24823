package org.serviceflow.aftersales;

import org.serviceflow.support.EngineRest;
import org.serviceflow.support.EngineRest.Step;
import org.serviceflow.support.Mails;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * The after-sales process on the whole application and a real PostgreSQL: intake through
 * POST /api/service-requests, every task through the engine REST API as the demo user of its
 * group, the case file and timeline through /api/cases, the service order's costs in its table,
 * and the customer's e-mails through GreenMail.
 */
@PostgresIntegrationTest
class AfterSalesProcessIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String CLERK = "kefu1";
  static final String MANAGER = "shouhou";
  static final String TECHNICIAN = "jishu";
  static final String WAREHOUSE = "kufang";
  static final String ADMIN = "admin";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
  private NotificationDispatcher dispatcher;

  /** A repair of a water purifier bought two months ago: in warranty, needs a visit. */
  static ObjectNode serviceRequest(String customerName, String email) {
    ObjectNode request = JSON.createObjectNode();
    request.put("customerName", customerName);
    request.put("customerPhone", "13912345678");
    request.put("customerEmail", email);
    request.put("address", "上海市浦东新区世纪大道 100 号 1201 室");
    request.put("productLine", "appliance");
    request.put("productModel", "JSQ-500");
    request.put("serialNumber", "JSQ500-2026-00042");
    request.put("purchaseDate", LocalDate.now().minusMonths(2).toString());
    request.put("proofOfPurchase", "FP-2026-0910-77");
    request.put("serviceType", "repair");
    request.put("faultDescription", "净水器出水很慢，滤芯指示灯一直闪烁");
    request.put("urgency", "normal");
    return request;
  }

  private ResponseEntity<String> postRequest(String user, ObjectNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? rest : engine.as(user);
    return client.postForEntity("/api/service-requests", new HttpEntity<>(body.toString(), headers), String.class);
  }

  private int rows(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  /** What an intake writes: instances, case files, service orders, outbox rows. */
  private List<Integer> writtenRows() {
    return List.of(
        rows("select count(*) from act_hi_procinst where proc_def_key_ = ?", AfterSalesVariables.PROCESS_KEY),
        rows("select count(*) from service_case"),
        rows("select count(*) from service_order"),
        rows("select count(*) from notification"));
  }

  @Test
  void shouldAnswerBadRequestNamingTheFieldsAndWriteNothingForAMalformedRequest() throws Exception {
    // given
    List<Integer> before = writtenRows();
    ObjectNode malformed = serviceRequest("错误的申请", "not-an-address")
        .put("serviceType", "wash").put("purchaseDate", LocalDate.now().plusDays(3).toString());
    malformed.remove("customerPhone");

    // when
    ResponseEntity<String> response = postRequest(CLERK, malformed);

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("customerEmail", "customerPhone", "purchaseDate", "serviceType");
    assertThat(writtenRows()).isEqualTo(before);
    assertThat(rows("select count(*) from service_case where customer_name = ?", "错误的申请")).isZero();
  }

  @Test
  void shouldRefuseAnAnonymousRequestAndWriteNothing() {
    // given
    List<Integer> before = writtenRows();

    // when
    ResponseEntity<String> response = postRequest(null, serviceRequest("匿名", "anonymous@example.com"));

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(writtenRows()).isEqualTo(before);
  }

  /** One user task as a demo user of its group does it: the form's variables in Camunda REST's typed format. */

  @Test
  void shouldRefuseARequestFromStaffWhoMayNotRegisterRequestsAndWriteNothing() {
    // given: a technician, who works on service orders but does not register them
    List<Integer> before = writtenRows();

    // when
    ResponseEntity<String> response = postRequest(TECHNICIAN, serviceRequest("越权受理", "someone@example.com"));

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(writtenRows()).isEqualTo(before);
  }

  @Test
  void shouldRegisterAdviceWithoutSerialNumberPurchaseDateOrAddressAndAskCustomerServiceToReply() throws Exception {
    // given: a question, which the API accepts without the product's serial number, purchase date and address
    ObjectNode advice = serviceRequest("王静", "wang.jing@example.com").put("serviceType", "advice")
        .put("urgency", "urgent").put("faultDescription", "滤芯多久更换一次？");
    advice.remove("serialNumber");
    advice.remove("purchaseDate");
    advice.remove("address");

    // when
    ResponseEntity<String> created = postRequest(CLERK, advice);

    // then: the case and its service order are open, and the reply is due within the urgent 2 hours
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = JSON.readTree(created.getBody()).path("caseNumber").asText();
    Map<String, Object> order = jdbc.queryForMap("select * from service_order where case_number = ?", caseNumber);
    assertThat(order.get("serial_number")).isNull();
    assertThat(order.get("purchase_date")).isNull();
    assertThat(order.get("service_type")).isEqualTo("advice");
    JsonNode tasks = engine.get(CLERK, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber);
    assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsExactly("Task_ReplyToCustomer");
    JsonNode caseFile = engine.get(CLERK, "/api/cases/" + caseNumber);
    JsonNode reply = caseFile.path("deadlines").get(0);
    assertThat(reply.path("kind").asText()).isEqualTo("REPLY");
    assertThat(instant(reply, "dueAt"))
        .isEqualTo(OffsetDateTime.parse(caseFile.path("openedAt").asText()).plusHours(2).toInstant());
  }

  @Test
  void shouldTakeAnInWarrantyOnSiteRepairThroughTheRestApiToClosureWithCaseFileCostsTimelineAndMails()
      throws Exception {
    // given: an in-warranty repair received through the intake API by a customer-service clerk
    String email = "li.ming@example.com";
    ResponseEntity<String> created = postRequest(CLERK, serviceRequest("李明", email));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode receipt = JSON.readTree(created.getBody());
    String caseNumber = receipt.path("caseNumber").asText();
    String instanceId = receipt.path("processInstanceId").asText();
    assertThat(caseNumber).matches("SH\\d{4}\\d+");
    assertThat(created.getHeaders().getLocation()).hasPath("/api/cases/" + caseNumber);
    assertThat(instanceId).isNotBlank();
    assertThat(receipt.path("repeatRepair").asBoolean()).isFalse();

    // when: phone advice and remote support fail, the technician repairs on site with a spare part
    ZonedDateTime appointment = LocalDate.now(ZONE).plusDays(1).atTime(10, 0).atZone(ZONE);
    String partsNeededBy = LocalDate.now(ZONE).plusDays(1).toString();
    List<Step> steps = List.of(
        new Step("Task_ReplyToCustomer", CLERK, Map.of("replyChannel", "phone", "replyNote", "已致电客户，确认购买信息")),
        new Step("Task_AssessRequest", MANAGER, Map.of(
            "scope", "in", "customerCaused", false, "assessmentNote", "保修期内，非人为损坏")),
        new Step("Task_AdviseByPhone", TECHNICIAN, Map.of("phoneResult", "unsolved", "phoneNote", "指导冲洗滤芯，无效")),
        new Step("Task_SupportRemotely", TECHNICIAN, Map.of(
            "remoteAuthorised", true, "remoteResult", "unsolved", "remoteNote", "远程诊断为增压泵故障，需上门")),
        new Step("Task_DispatchTechnician", MANAGER, Map.of("technician", TECHNICIAN, "dispatchNote", "浦东片区")),
        new Step("Task_AgreeAppointment", CLERK, Map.of(
            "appointmentAt", appointment.toOffsetDateTime().toString(), "appointmentNote", "客户明天上午在家")),
        new Step("Task_ArriveOnSite", TECHNICIAN, Map.of("arrivalNote", "按时到达")),
        new Step("Task_InspectOnSite", TECHNICIAN, Map.of(
            "inspectionFindings", "增压泵损坏", "extraCostFound", false, "repairMethod", "onsite",
            "partsNeeded", true, "partName", "增压泵", "partModel", "ZYB-50", "partQuantity", 1,
            "partsNeededBy", partsNeededBy)),
        new Step("Task_DeliverSpareParts", WAREHOUSE, Map.of("deliveryNote", "增压泵 1 台已出库交技术员")),
        new Step("Task_WriteServiceReport", TECHNICIAN, Map.of(
            "problemFound", "增压泵损坏导致出水慢", "serviceProcess", "更换增压泵，冲洗管路",
            "serviceResult", "出水恢复正常", "materialsUsed", "增压泵 ZYB-50 ×1",
            "labourCost", 120, "materialsCost", 85.5, "transportCost", 30)),
        new Step("Task_ConfirmAcceptance", CLERK, Map.of("acceptance", "accepted", "acceptanceNote", "客户签字验收")),
        new Step("Task_ReturnVisit", CLERK, Map.of("satisfaction", "satisfied", "returnVisitNote", "客户满意")));
    for (Step step : steps) {
      engine.complete(caseNumber, step);
    }
    engine.executeDueJobs(instanceId);
    int sent = dispatchAll();

    // then: no task is left and the process has ended
    assertThat(engine.get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber)).isEmpty();
    JsonNode history = engine.get(ADMIN, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseNumber);
    assertThat(history.get(0).path("state").asText()).isEqualTo("COMPLETED");
    // (no escalation ended anywhere: the main path closed the order, and the same-day watch of the ordinary fault
    // (PROCESSES.md B.6) ended because the service report was recorded on the day of the visit)
    assertThat(engine.get(ADMIN, "/engine-rest/history/activity-instance?finished=true&activityType=noneEndEvent"
        + "&processInstanceId=" + instanceId).findValuesAsText("activityId"))
        .containsExactlyInAnyOrder("EndEvent_SameDayMet", "EndEvent_ServiceClosed");

    // and the case file is closed, with every deadline met
    JsonNode caseFile = engine.get(CLERK, "/api/cases/" + caseNumber);
    assertThat(caseFile.path("processType").asText()).isEqualTo("AFTER_SALES");
    assertThat(caseFile.path("processInstanceId").asText()).isEqualTo(instanceId);
    assertThat(caseFile.path("ownerUser").asText()).isEqualTo(CLERK);
    assertThat(caseFile.path("customerName").asText()).isEqualTo("李明");
    assertThat(caseFile.path("status").asText()).isEqualTo("已结案");
    assertThat(caseFile.path("closedAt").isNull()).isFalse();
    assertThat(caseFile.path("outcome").asText()).contains("服务完成");
    assertThat(caseFile.path("flaggedForReview").asBoolean()).isFalse();
    Map<String, JsonNode> deadlines = new java.util.HashMap<>();
    caseFile.path("deadlines").forEach(deadline -> deadlines.put(deadline.path("kind").asText(), deadline));
    assertThat(deadlines).containsOnlyKeys("REPLY", "VISIT", "SPARE_PARTS", "RETURN_VISIT");
    deadlines.forEach((kind, deadline) -> assertThat(deadline.path("metAt").isNull()).as(kind + " met").isFalse());
    OffsetDateTime openedAt = OffsetDateTime.parse(caseFile.path("openedAt").asText());
    assertThat(instant(deadlines.get("REPLY"), "dueAt")).isEqualTo(openedAt.plusHours(12).toInstant());
    assertThat(instant(deadlines.get("VISIT"), "dueAt")).isEqualTo(appointment.toInstant());
    assertThat(instant(deadlines.get("SPARE_PARTS"), "dueAt"))
        .isEqualTo(LocalDate.parse(partsNeededBy).atTime(17, 30).atZone(ZONE).toInstant());

    // and the timeline has every step in order, by the people who did it
    JsonNode timeline = engine.get(CLERK, "/api/cases/" + caseNumber + "/timeline");
    List<String> activities = timeline.findValuesAsText("activityId");
    List<String> expected = new ArrayList<>(steps.stream().map(Step::taskKey).toList());
    expected.add(expected.indexOf("Task_ArriveOnSite"), "Task_ConfirmAppointment");
    expected.add(expected.indexOf("Task_ConfirmAcceptance"), "Task_RecordServiceReport");
    assertThat(activities).containsSubsequence(expected);
    for (JsonNode entry : timeline) {
      steps.stream().filter(step -> step.taskKey().equals(entry.path("activityId").asText())).findFirst()
          .ifPresent(step -> assertThat(entry.path("actor").asText()).as(step.taskKey()).isEqualTo(step.user()));
    }
    List<String> actions = timeline.findValuesAsText("action");
    assertThat(actions.get(0)).contains("受理");
    assertThat(actions.get(actions.size() - 1)).contains("结案");

    // and the service order holds the technician, the appointment and the costs of the report
    Map<String, Object> order = jdbc.queryForMap("select * from service_order where case_number = ?", caseNumber);
    assertThat(order.get("technician")).isEqualTo(TECHNICIAN);
    assertThat(order.get("serial_number")).isEqualTo("JSQ500-2026-00042");
    assertThat(order.get("in_warranty")).isEqualTo(true);
    assertThat(order.get("repeat_repair")).isEqualTo(false);
    assertThat((BigDecimal) order.get("labour_cost")).isEqualByComparingTo("120.00");
    assertThat((BigDecimal) order.get("materials_cost")).isEqualByComparingTo("85.50");
    assertThat((BigDecimal) order.get("transport_cost")).isEqualByComparingTo("30.00");
    assertThat(order.get("completed_at")).isNotNull();
    assertThat(order.get("closed_at")).isNotNull();
    assertThat(((java.sql.Timestamp) order.get("appointment_at")).toInstant()).isEqualTo(appointment.toInstant());

    // and the customer received the acknowledgement, the appointment and the completion by e-mail
    assertThat(sent).isGreaterThanOrEqualTo(3);
    List<MimeMessage> toCustomer = Mails.to(MAIL.getReceivedMessages(), email);
    assertThat(toCustomer).extracting(Mails::subject).hasSize(3)
        .allSatisfy(subject -> assertThat(subject).contains(caseNumber))
        .anySatisfy(subject -> assertThat(subject).contains("已受理"))
        .anySatisfy(subject -> assertThat(subject).contains("上门预约"))
        .anySatisfy(subject -> assertThat(subject).contains("服务已完成"));
    assertThat(toCustomer).extracting(Mails::decodedBody)
        .allSatisfy(body -> assertThat(body).contains("李明").contains(caseNumber))
        .anySatisfy(body -> assertThat(body).contains("12 小时"))
        .anySatisfy(body -> assertThat(body).contains(TECHNICIAN))
        .anySatisfy(body -> assertThat(body).contains("出水恢复正常"));
  }

  private static Instant instant(JsonNode node, String field) {
    return OffsetDateTime.parse(node.path(field).asText()).toInstant();
  }



  private int dispatchAll() {
    int sent = 0;
    for (int run = 0; run < 5; run++) {
      sent += dispatcher.dispatchDue();
    }
    return sent;
  }






}
