package org.serviceflow.aftersales;

import org.serviceflow.support.ProcessEngineTest;
import org.serviceflow.support.ProcessTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.serviceflow.support.ReportRows.rows;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.casefile.TimelineEntryView;
import org.springframework.beans.factory.annotation.Autowired;
import org.serviceflow.reporting.ReportCompilers;
import org.serviceflow.reporting.ReportType;
import java.time.YearMonth;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives every path of afterSalesService.bpmn with the real calendar, case file, service orders and notification
 * outbox (PROCESSES.md B). Timers are fired by moving the engine clock and executing the due jobs. The class
 * asserts 100% flow-node and sequence-flow coverage of the model (see {@link ProcessEngineTest}).
 */
@ProcessEngineTest
class AfterSalesProcessTest extends ProcessTestSupport {

  /** A Monday, so that every working-day deadline below is plain arithmetic. */
  static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-02T09:00:00+08:00");
  static final String IN_WARRANTY_PURCHASE = "2026-06-01";
  static final String OUT_OF_WARRANTY_PURCHASE = "2024-06-01";
  static final String PHONE = "13912345678";
  static final String APPOINTMENT = "2026-11-03T10:00+08:00";
  /** Every request gets its own serial number unless a test repeats one: the tests share one database. */
  static final AtomicInteger SERIALS = new AtomicInteger();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired ServiceOrderService serviceOrders;
  @Autowired ReportCompilers reports;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  // ------------------------------------------------------------------------------------------ paths

  @Test
  void shouldFixAFaultInWarrantyRemotely() {
    ProcessInstance order = receive(intake("repair", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    assertThat(order).variables().containsEntry("inWarranty", true).containsEntry("warrantyMonths", 12)
        .containsEntry("monthsSincePurchase", 5).containsEntry("noReasonReturn", false).containsEntry("repeatRepair", false);

    reply(order);
    assertThat(candidateGroups(task(order, "Task_AssessRequest"))).containsExactly("after-sales-manager");
    assess(order, false);
    Task phone = task(order, "Task_AdviseByPhone");
    assertThat(candidateGroups(phone)).containsExactly("technical-service");
    assertThat(phone.getAssignee()).as("least-loaded technician").isNotNull();
    complete(order, "Task_AdviseByPhone", Map.of("phoneResult", "unsolved", "phoneNote", "指导重启无效"));
    complete(order, "Task_SupportRemotely", Map.of("remoteAuthorised", true, "remoteResult", "solved", "remoteNote", "远程升级固件"));
    report(order, 50, 0, 0);
    accept(order);
    complete(order, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(order);

    assertThat(order).hasPassedInOrder("Task_RegisterServiceOrder", "Task_ReplyToCustomer", "Task_AssessRequest",
        "Task_DetermineTriage", "Task_AdviseByPhone", "Task_SupportRemotely", "Task_WriteServiceReport",
        "Task_RecordServiceReport", "Task_ConfirmAcceptance", "Task_ReturnVisit", "Task_CloseServiceOrder",
        "EndEvent_ServiceClosed").isEnded();
    assertThat(order).hasNotPassed("Task_PrepareQuote", "Task_DispatchTechnician");
    CaseView file = caseFiles.get(caseNumber);
    assertThat(file.status()).isEqualTo(CaseFileService.STATUS_CLOSED);
    assertThat(file.outcome()).isEqualTo("服务完成，客户验收并满意");
    assertThat(file.ownerUser()).isEqualTo("kefu1");
    assertThat(file.deadlines()).extracting(CaseView.Deadline::kind).containsExactlyInAnyOrder("REPLY", "RETURN_VISIT");
    assertThat(file.deadlines()).allSatisfy(deadline -> assertThat(deadline.metAt()).isNotNull());
    assertThat(templatesSentTo(caseNumber, PHONE)).containsExactly("aftersales.acknowledged", "aftersales.completed");
    assertThat(body(caseNumber, "aftersales.acknowledged")).isEqualTo("李四您好：您于 2026-11-02 09:00 提出的维修申请（KX-100）"
        + "已受理，服务单号 " + caseNumber + "。我们将在 12 小时内与您联系。如需查询，请向客服提供此编号。");
    ServiceOrder saved = serviceOrders.get(caseNumber).orElseThrow();
    assertThat(saved.getLabourCost()).isEqualByComparingTo("50.00");
    assertThat(saved.getInWarranty()).isTrue();
    assertThat(saved.getCompletedAt()).isEqualTo(RECEIVED.toInstant());
    assertThat(saved.getClosedAt()).isEqualTo(RECEIVED.toInstant());
    assertThat(timeline(caseNumber)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("远程支持");
      assertThat(entry.outcome()).contains("remoteResult=solved");
    });
  }

  @Test
  void shouldRepairOnSiteWithSparePartsWhenPhoneAndRemoteSupportFailAndRecordTheCosts() {
    ProcessInstance order = receive(intake("repair", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    reply(order);
    assess(order, false);
    complete(order, "Task_AdviseByPhone", Map.of("phoneResult", "unsolved", "phoneNote", "无法排除"));
    complete(order, "Task_SupportRemotely", Map.of("remoteAuthorised", false, "remoteResult", "unsolved",
        "remoteNote", "客户不同意远程连接"));

    assertThat(order).isWaitingAt("Task_DispatchTechnician").hasPassed("Task_ProposeTechnician");
    String technician = dispatchAndArrive(order, APPOINTMENT);
    assertThat(task(order, "Task_InspectOnSite").getAssignee()).isEqualTo(technician);
    complete(order, "Task_InspectOnSite", inspection(false, "onsite", true));

    assertThat(templatesSentTo(caseNumber, "kufang")).containsExactly("aftersales.sparePartsRequested");
    Task delivery = task(order, "Task_DeliverSpareParts");
    assertThat(candidateGroups(delivery)).containsExactly("warehouse");
    assertThat(delivery.getDueDate()).isEqualTo(date("2026-11-05T17:30:00+08:00"));
    assertThat(timer(order, "BoundaryEvent_SparePartsOverdue").getDuedate()).isEqualTo(delivery.getDueDate());
    complete(order, "Task_DeliverSpareParts", Map.of("deliveryNote", "出库单 CK-001，已送达"));
    report(order, 120, 85.5, 30);
    accept(order);
    complete(order, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(order);

    assertThat(order).hasPassedInOrder("Task_ArriveOnSite", "Task_InspectOnSite", "Task_RequestSpareParts",
        "Task_DeliverSpareParts", "Task_WriteServiceReport").isEnded();
    ServiceOrder saved = serviceOrders.get(caseNumber).orElseThrow();
    assertThat(saved.getTechnician()).isEqualTo(technician);
    assertThat(saved.getAppointmentAt()).isEqualTo(OffsetDateTime.parse(APPOINTMENT).toInstant());
    assertThat(saved.getLabourCost()).isEqualByComparingTo("120.00");
    assertThat(saved.getMaterialsCost()).isEqualByComparingTo("85.50");
    assertThat(saved.getTransportCost()).isEqualByComparingTo("30.00");
    assertThat(jdbc.queryForObject("select labour_cost + materials_cost + transport_cost from service_order "
        + "where case_number = ?", BigDecimal.class, caseNumber)).isEqualByComparingTo("235.50");
    assertThat(templatesSentTo(caseNumber, PHONE)).containsExactly("aftersales.acknowledged", "aftersales.appointment",
        "aftersales.completed");
    assertThat(caseFiles.get(caseNumber).deadlines()).extracting(CaseView.Deadline::kind)
        .contains("VISIT", "SPARE_PARTS");
  }

  @Test
  void shouldCloseWhenTheCustomerDeclinesTheQuote() {
    ProcessInstance order = receive(intake("repair", OUT_OF_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    assertThat(order).variables().containsEntry("inWarranty", false);
    reply(order);
    assess(order, false);

    assertThat(candidateGroups(task(order, "Task_PrepareQuote"))).containsExactly("sales");
    complete(order, "Task_PrepareQuote", Map.of("quoteAmount", 380, "quoteNote", "更换压缩机"));
    assertThat(body(caseNumber, "aftersales.quote")).contains("报价 380 元");
    assertThat(candidateGroups(task(order, "Task_ConfirmQuote"))).containsExactly("customer-service");
    complete(order, "Task_ConfirmQuote", Map.of("quoteDecision", "declined", "quoteDecisionNote", "太贵"));
    executeJobs(order);

    assertThat(order).hasPassedInOrder("Task_PrepareQuote", "Task_SendQuote", "Task_ConfirmQuote",
        "Task_CloseServiceOrder").hasNotPassed("Task_DetermineTriage").isEnded();
    assertThat(caseFiles.get(caseNumber).outcome()).isEqualTo("保修期外，客户不接受报价");
    assertThat(templatesSentTo(caseNumber, PHONE)).containsExactly("aftersales.acknowledged", "aftersales.quote",
        "aftersales.quoteDeclined");
    assertThat(serviceOrders.get(caseNumber).orElseThrow().getInWarranty()).isFalse();
  }

  @Test
  void shouldServiceAfterTheCustomerAcceptsTheQuote() {
    ProcessInstance order = receive(intake("repair", OUT_OF_WARRANTY_PURCHASE));
    reply(order);
    assess(order, false);
    complete(order, "Task_PrepareQuote", Map.of("quoteAmount", 199.5, "quoteNote", "检测费"));
    complete(order, "Task_ConfirmQuote", Map.of("quoteDecision", "accepted", "quoteDecisionNote", "同意"));

    complete(order, "Task_AdviseByPhone", Map.of("phoneResult", "solved", "phoneNote", "指导更换滤网"));
    report(order, 199.5, 0, 0);
    accept(order);
    complete(order, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(order);

    assertThat(order).hasPassedInOrder("Task_ConfirmQuote", "Task_AdviseByPhone", "Task_WriteServiceReport")
        .hasNotPassed("Task_SupportRemotely").isEnded();
    assertThat(caseFiles.get(order.getBusinessKey()).outcome()).isEqualTo("服务完成，客户验收并满意");
    assertThat(serviceOrders.get(order.getBusinessKey()).orElseThrow().getInWarranty()).isFalse();
  }

  @Test
  void shouldChargeForDamageTheCustomerCausedInWarranty() {
    ProcessInstance order = receive(intake("repair", IN_WARRANTY_PURCHASE));
    reply(order);

    assess(order, true);

    assertThat(order).isWaitingAt("Task_PrepareQuote");
  }

  @Test
  void shouldReplaceAProductThatCannotBeRepairedAfterTheCustomerConsentsToTheExtraCost() {
    ProcessInstance order = receive(intake("replacement", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    reply(order);
    assess(order, false);
    dispatchAndArrive(order, APPOINTMENT);

    complete(order, "Task_InspectOnSite", inspection(true, "not-repairable", false));
    complete(order, "Task_ObtainConsent", Map.of("extraCostConsent", "agreed", "consentNote", "客户同意"));
    assertThat(candidateGroups(task(order, "Task_ReplaceOrReturn"))).containsExactly("after-sales-manager");
    complete(order, "Task_ReplaceOrReturn", Map.of("replacementResolution", "replacement", "replacementNote", "更换新机"));
    report(order, 0, 0, 20);
    accept(order);
    complete(order, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(order);

    assertThat(order).hasPassedInOrder("Task_InspectOnSite", "Task_ObtainConsent", "Task_ReplaceOrReturn",
        "Task_WriteServiceReport", "EndEvent_ServiceClosed").hasNotPassed("Task_RequestSpareParts", "Task_SendToFactory")
        .isEnded();
    assertThat(timeline(caseNumber)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("更换或退换货");
      assertThat(entry.outcome()).contains("replacementResolution=replacement");
    });
  }

  @Test
  void shouldQuoteTheExtraCostAgainWhenTheCustomerRefusesItAndGoOnOnceTheyAgree() {
    // given a technician on site who finds extra cost (B.6; 000:64)
    ProcessInstance order = receive(intake("installation", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    reply(order);
    assess(order, false);
    dispatchAndArrive(order, APPOINTMENT);
    complete(order, "Task_InspectOnSite", inspection(true, "onsite", false));

    // when the customer refuses it and asks for another quote
    complete(order, "Task_ObtainConsent", Map.of("extraCostConsent", "requote", "consentNote", "客户嫌贵"));

    // then sales quotes again, due like the first quote (1 working day from the task's start, 17:30)
    Task requote = task(order, "Task_RequoteExtraCost");
    assertThat(candidateGroups(requote)).containsExactly("sales");
    assertThat(requote.getDueDate()).isEqualTo(date("2026-11-03T17:30:00+08:00"));
    assertThat(timer(order, "BoundaryEvent_RequoteExtraCostOverdue").getDuedate()).isEqualTo(requote.getDueDate());
    complete(order, "Task_RequoteExtraCost", Map.of("extraCostAmount", 90, "requoteNote", "改用国产管路"));

    // and the technician asks the customer again; once they agree the repair goes on
    assertThat(order).isWaitingAt("Task_ObtainConsent");
    complete(order, "Task_ObtainConsent", Map.of("extraCostConsent", "agreed", "consentNote", "客户同意 90 元"));
    assertThat(order).hasPassedInOrder("Task_ObtainConsent", "Task_RequoteExtraCost", "Gateway_ConsentJoin",
        "Gateway_ExtraCostMerge").isWaitingAt("Task_WriteServiceReport").hasNotPassed("Task_CloseConsentRefused");
    assertThat(order).variables().containsEntry("extraCostAmount", 90);
    assertThat(timeline(caseNumber)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("额外费用重新报价");
      assertThat(entry.outcome()).contains("extraCostAmount=90", "改用国产管路");
    });
  }

  @Test
  void shouldEndTheServiceWithTheReasonWhenTheCustomerRefusesTheExtraCost() {
    ProcessInstance order = receive(intake("installation", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    reply(order);
    assess(order, false);
    dispatchAndArrive(order, APPOINTMENT);
    complete(order, "Task_InspectOnSite", inspection(true, "onsite", false));

    complete(order, "Task_ObtainConsent", Map.of("extraCostConsent", "refused",
        "consentRefusedReason", "客户决定自行更换管路", "consentNote", "已当面说明"));
    executeJobs(order);

    assertThat(order).hasPassedInOrder("Task_ObtainConsent", "Gateway_ConsentGiven", "Task_CloseConsentRefused",
        "EndEvent_ConsentRefused").hasNotPassed("Task_RequoteExtraCost", "Task_WriteServiceReport").isEnded();
    CaseView file = caseFiles.get(caseNumber);
    assertThat(file.status()).isEqualTo(CaseFileService.STATUS_CLOSED);
    assertThat(file.outcome()).isEqualTo("客户不同意现场发现的额外费用，服务终止：客户决定自行更换管路");
    assertThat(templatesSentTo(caseNumber, PHONE)).endsWith("aftersales.consentRefused");
    assertThat(body(caseNumber, "aftersales.consentRefused")).isEqualTo("李四您好：服务单 " + caseNumber
        + "（KX-100）现场发现需另行收费 150 元，您未同意，本次服务终止，服务单已结案。原因：客户决定自行更换管路。"
        + "如需再次申请，欢迎随时联系客服。");
    ServiceOrder saved = serviceOrders.get(caseNumber).orElseThrow();
    assertThat(saved.getCompletedAt()).as("no service was done").isNull();
    assertThat(saved.getClosedAt()).isNotNull();
  }

  @Test
  void shouldHandleAReturnWithinSevenDaysOfPurchaseWithoutAssessment() {
    ProcessInstance order = receive(intake("return", "2026-10-26"));
    String caseNumber = order.getBusinessKey();
    assertThat(order).variables().containsEntry("noReasonReturn", true);
    reply(order);

    assertThat(candidateGroups(task(order, "Task_HandleNoReasonReturn"))).containsExactly("customer-service");
    complete(order, "Task_HandleNoReasonReturn", Map.of("refundAmount", 1299, "returnNote", "已收货退款"));
    executeJobs(order);

    assertThat(order).hasPassedInOrder("Task_ReplyToCustomer", "Task_HandleNoReasonReturn", "Task_CloseServiceOrder")
        .hasNotPassed("Task_AssessRequest").isEnded();
    assertThat(caseFiles.get(caseNumber).outcome()).isEqualTo("七天无理由退货，已办理退货退款");
    assertThat(templatesSentTo(caseNumber, PHONE)).containsExactly("aftersales.acknowledged", "aftersales.returned");
    ServiceOrder saved = serviceOrders.get(caseNumber).orElseThrow();
    assertThat(saved.getClosedAt()).isEqualTo(RECEIVED.toInstant());
    assertThat(saved.getCompletedAt()).as("no repair: never a repeat-repair reference").isNull();
  }

  @Test
  void shouldAssessAReturnAfterSevenDays() {
    ProcessInstance order = receive(intake("return", "2026-10-25"));

    reply(order);

    assertThat(order).variables().containsEntry("noReasonReturn", false);
    assertThat(order).isWaitingAt("Task_AssessRequest");
  }

  @Test
  void shouldTellTheCustomerWhyARequestIsOutOfScope() {
    ProcessInstance order = receive(intake("repair", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    reply(order);

    complete(order, "Task_AssessRequest", Map.of("scope", "out", "outOfScopeReason", "非本公司销售的产品",
        "customerCaused", false, "assessmentNote", "序列号不符"));
    executeJobs(order);

    assertThat(order).hasPassed("Task_CloseServiceOrder").hasNotPassed("Task_PrepareQuote").isEnded();
    assertThat(caseFiles.get(caseNumber).outcome()).isEqualTo("不属于售后服务范围：非本公司销售的产品");
    assertThat(body(caseNumber, "aftersales.outOfScope")).contains("原因：非本公司销售的产品");
  }

  @Test
  void shouldReworkAtOnceWhenTheCustomerRejectsOrIsUnsatisfied() {
    ProcessInstance order = receive(intake("repair", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    reply(order);
    assess(order, false);
    complete(order, "Task_AdviseByPhone", Map.of("phoneResult", "solved", "phoneNote", "指导复位"));
    report(order, 30, 0, 0);

    complete(order, "Task_ConfirmAcceptance", Map.of("acceptance", "rejected", "acceptanceNote", "仍有异响"));
    assertThat(order).isWaitingAt("Task_DispatchTechnician");
    dispatchAndArrive(order, APPOINTMENT);
    complete(order, "Task_InspectOnSite", inspection(false, "onsite", false));
    report(order, 100, 10, 20);
    accept(order);
    complete(order, "Task_ReturnVisit", Map.of("satisfaction", "unsatisfied", "returnVisitNote", "一周后又坏"));
    assertThat(order).isWaitingAt("Task_DispatchTechnician");
    dispatchAndArrive(order, "2026-11-04T10:00+08:00");
    complete(order, "Task_InspectOnSite", inspection(false, "onsite", false));
    report(order, 100, 0, 20);
    accept(order);
    complete(order, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(order);

    assertThat(order).isEnded();
    ServiceOrder saved = serviceOrders.get(caseNumber).orElseThrow();
    assertThat(saved.getLabourCost()).as("costs of all three reports").isEqualByComparingTo("230.00");
    assertThat(saved.getMaterialsCost()).isEqualByComparingTo("10.00");
    assertThat(saved.getTransportCost()).isEqualByComparingTo("40.00");
    assertThat(actions(caseNumber)).containsSubsequence("客户验收", "派工", "回访", "派工", "回访", "结案");
  }

  // ------------------------------------------------------------------------------------------ dispatch

  @Test
  void shouldProposeTheTechnicianWithTheLeastOpenWorkAndLetTheManagerChangeIt() {
    createTechnician("ajishu1");
    createTechnician("ajishu2");
    try {
      ProcessInstance first = receive(intake("installation", IN_WARRANTY_PURCHASE));
      reply(first);
      assess(first, false);
      assertThat(first).variables().containsEntry("technicianGroup", "technical-service")
          .containsEntry("proposedTechnician", "ajishu1").containsEntry("technician", "ajishu1");
      dispatchAndArrive(first, APPOINTMENT);

      ProcessInstance second = receive(intake("installation", IN_WARRANTY_PURCHASE));
      reply(second);
      assess(second, false);
      assertThat(second).variables().containsEntry("proposedTechnician", "ajishu2");
      complete(second, "Task_DispatchTechnician", Map.of("technician", "jishu", "dispatchNote", "改派熟悉该型号的技术员"));
      complete(second, "Task_AgreeAppointment", Map.of("appointmentAt", APPOINTMENT, "appointmentNote", "客户在家"));

      assertThat(task(second, "Task_ArriveOnSite").getAssignee()).isEqualTo("jishu");
      assertThat(serviceOrders.get(second.getBusinessKey()).orElseThrow().getTechnician()).isEqualTo("jishu");
    } finally {
      identityService.deleteUser("ajishu1");
      identityService.deleteUser("ajishu2");
    }
  }

  @Test
  void shouldFlagARepeatRepairOfTheSameSerialNumberWithinThirtyDays() {
    Map<String, Object> intake = intake("repair", IN_WARRANTY_PURCHASE);
    ProcessInstance first = receive(intake);
    completeRemotely(first);

    ProcessInstance second = receive(intake, RECEIVED.plusDays(30));

    assertThat(second).variables().containsEntry("repeatRepair", true)
        .containsEntry("earlierCaseNumber", first.getBusinessKey());
    ServiceOrder saved = serviceOrders.get(second.getBusinessKey()).orElseThrow();
    assertThat(saved.isRepeatRepair()).isTrue();
    assertThat(saved.getEarlierCaseNumber()).isEqualTo(first.getBusinessKey());
    CaseView file = caseFiles.get(second.getBusinessKey());
    assertThat(file.flaggedForReview()).isTrue();
    assertThat(file.reviewReason()).isEqualTo("重复维修：序列号 " + intake.get("serialNumber") + " 在 30 天内已维修（服务单 "
        + first.getBusinessKey() + "）");
  }

  @Test
  void shouldNotFlagARepairOfTheSameSerialNumberAfterThirtyDays() {
    Map<String, Object> intake = intake("repair", IN_WARRANTY_PURCHASE);
    intake.put("serialNumber", "SN-LATE");
    ProcessInstance first = receive(intake);
    completeRemotely(first);

    ProcessInstance second = receive(intake, RECEIVED.plusDays(30).plusMinutes(1));

    assertThat(second).variables().containsEntry("repeatRepair", false).containsEntry("earlierCaseNumber", null);
    assertThat(serviceOrders.get(second.getBusinessKey()).orElseThrow().isRepeatRepair()).isFalse();
    assertThat(caseFiles.get(second.getBusinessKey()).flaggedForReview()).isFalse();
  }

  @Test
  void shouldNotCountAnOrderClosedWithoutServiceAsARepair() {
    Map<String, Object> intake = intake("repair", OUT_OF_WARRANTY_PURCHASE);
    ProcessInstance declined = receive(intake);
    reply(declined);
    assess(declined, false);
    complete(declined, "Task_PrepareQuote", Map.of("quoteAmount", 380, "quoteNote", "更换压缩机"));
    complete(declined, "Task_ConfirmQuote", Map.of("quoteDecision", "declined", "quoteDecisionNote", "太贵"));
    executeJobs(declined);

    ProcessInstance again = receive(intake, RECEIVED.plusDays(3));

    assertThat(again).variables().containsEntry("repeatRepair", false);
  }

  // ------------------------------------------------------------------------------------------ deadlines

  @ParameterizedTest(name = "{0}: reply within {1} hours, warned at {2}")
  @CsvSource({"normal, 12, 10", "urgent, 2, 1"})
  void shouldWarnCustomerServiceAndThenRemindTheManagerWhenTheReplyIsOverdue(String urgency, int hours, int warningHours) {
    Map<String, Object> intake = intake("repair", IN_WARRANTY_PURCHASE);
    intake.put("urgency", urgency);
    ProcessInstance order = receive(intake);
    String caseNumber = order.getBusinessKey();
    Task reply = task(order, "Task_ReplyToCustomer");
    assertThat(reply.getDueDate()).isEqualTo(date(RECEIVED.plusHours(hours)));
    assertThat(reply.getPriority()).as("urgent requests are served first").isEqualTo("urgent".equals(urgency) ? 80 : 50);
    assertThat(candidateGroups(reply)).containsExactly("customer-service");
    assertThat(reply.getFollowUpDate()).as("yellow light, rule B.2").isEqualTo(date(RECEIVED.plusHours(warningHours)));
    assertThat(timer(order, "BoundaryEvent_ReplyWarning").getDuedate()).isEqualTo(date(RECEIVED.plusHours(warningHours)));

    fireTimer(order, "BoundaryEvent_ReplyWarning", RECEIVED.plusHours(warningHours));

    assertThat(order).isWaitingAt("Task_ReplyToCustomer").hasPassed("EndEvent_ReplyWarned").hasNotPassed("Task_EscalateReply");
    assertThat(templatesSentTo(caseNumber, "kefu1")).containsExactly("aftersales.replyWarning");
    assertThat(templatesSentTo(caseNumber, "shouhou")).isEmpty();

    fireTimer(order, "BoundaryEvent_ReplyOverdue", RECEIVED.plusHours(hours));

    assertThat(order).isWaitingAt("Task_ReplyToCustomer").hasPassed("EndEvent_ReplyEscalated");
    assertThat(templatesSentTo(caseNumber, "kefu1")).containsExactly("aftersales.replyWarning");
    assertThat(templatesSentTo(caseNumber, "shouhou")).containsExactly("aftersales.replyOverdue");
    assertThat(templatesSentTo(caseNumber, "kefuzhuguan")).containsExactly("aftersales.replyOverdue");
    assertThat(caseFiles.get(caseNumber).deadlines()).singleElement().satisfies(deadline -> {
      assertThat(deadline.kind()).isEqualTo("REPLY");
      assertThat(deadline.dueAt().toInstant()).isEqualTo(RECEIVED.plusHours(hours).toInstant());
    });
    assertThat(actions(caseNumber)).contains("计时器：答复预警", "答复预警通知", "计时器：答复超时", "答复超时提醒");
  }

  @Test
  void shouldTellTheManagerWhenAnOrdinaryFaultIsNotFixedOnTheDayOfTheVisit() {
    // given a technician who signed in on site on Monday 2 November at 09:00
    ProcessInstance order = receive(intake("installation", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    reply(order);
    assess(order, false);
    dispatchAndArrive(order, APPOINTMENT);

    // then the same-day limit of rule B.6 (003:371) runs until 24:00 of that day
    Date midnight = date("2026-11-03T00:00:00+08:00");
    Job sameDay = timer(order, "Event_SameDayDeadline");
    assertThat(sameDay.getDuedate()).isEqualTo(midnight);
    ClockUtil.setCurrentTime(date("2026-11-02T23:59:00+08:00"));
    assertThat(dueTimers(order, "Event_SameDayDeadline")).isZero();
    ClockUtil.setCurrentTime(date("2026-11-03T00:01:00+08:00"));
    assertThat(dueTimers(order, "Event_SameDayDeadline")).isOne();

    // when it passes with the fault not fixed
    managementService.executeJob(sameDay.getId());

    // then the manager and the customer-service lead are told, and the technician goes on
    assertThat(order).hasPassed("Task_EscalateSameDay", "EndEvent_SameDayEscalated").isWaitingAt("Task_InspectOnSite");
    assertThat(templatesSentTo(caseNumber, "shouhou")).containsExactly("aftersales.sameDayMissed");
    assertThat(templatesSentTo(caseNumber, "kefuzhuguan")).containsExactly("aftersales.sameDayMissed");
    complete(order, "Task_InspectOnSite", inspection(false, "onsite", false));
    report(order, 80, 0, 0);
    accept(order);
    complete(order, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(order);
    assertThat(order).isEnded().hasNotPassed("EndEvent_SameDayMet");
  }

  @Test
  void shouldStopTheSameDayLimitWhenTheFaultIsFixedThatDay() {
    ProcessInstance order = receive(intake("installation", IN_WARRANTY_PURCHASE));
    reply(order);
    assess(order, false);
    dispatchAndArrive(order, APPOINTMENT);
    assertThat(timer(order, "Event_SameDayDeadline").getDuedate()).isEqualTo(date("2026-11-03T00:00:00+08:00"));

    complete(order, "Task_InspectOnSite", inspection(false, "onsite", false));
    report(order, 80, 0, 0);

    assertThat(order).hasPassed("Event_SameDayStopped", "EndEvent_SameDayMet").hasNotPassed("Task_EscalateSameDay");
    assertThat(managementService.createJobQuery().processInstanceId(order.getId()).activityId("Event_SameDayDeadline")
        .count()).isZero();
  }

  @Test
  void shouldNotifyTheManagerAndTheCustomerOfAMissedAppointmentAndDispatchAgain() {
    ProcessInstance order = receive(intake("installation", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    reply(order);
    assess(order, false);
    dispatch(order, APPOINTMENT);
    assertThat(task(order, "Task_ArriveOnSite").getDueDate()).isEqualTo(date(APPOINTMENT));

    fireTimer(order, "BoundaryEvent_VisitMissed", OffsetDateTime.parse(APPOINTMENT));

    assertThat(order).isWaitingAt("Task_DispatchTechnician").hasPassed("Task_ReportMissedVisit");
    assertThat(templatesSentTo(caseNumber, "shouhou")).containsExactly("aftersales.missedAppointment");
    assertThat(templatesSentTo(caseNumber, PHONE)).endsWith("aftersales.missedAppointmentCustomer");
    assertThat(actions(caseNumber)).contains("计时器：错过预约", "通报错过预约");
  }

  @Test
  void shouldDecideTheTechnicianGroupOnTheRegionOfTheRequest() {
    // given a request from district B
    Map<String, Object> intake = intake("installation", IN_WARRANTY_PURCHASE);
    intake.put("region", "district-b");
    ProcessInstance order = receive(intake);

    // when it reaches dispatch
    reply(order);
    assess(order, false);

    // then the region was an input of afterSalesDispatch, its district row decided the group, and the proposal
    // is a member of that group
    assertThat(order).isWaitingAt("Task_DispatchTechnician");
    HistoricDecisionInstance decision = historyService.createHistoricDecisionInstanceQuery()
        .processInstanceId(order.getId()).decisionDefinitionKey("afterSalesDispatch").includeInputs().includeOutputs()
        .singleResult();
    assertThat(decision.getInputs()).anySatisfy(input -> {
      assertThat(input.getClauseName()).isEqualTo("片区");
      assertThat(input.getValue()).isEqualTo("district-b");
    });
    assertThat(decision.getInputs()).anySatisfy(input -> {
      assertThat(input.getClauseName()).isEqualTo("服务类型");
      assertThat(input.getValue()).isEqualTo("installation");
    });
    assertThat(decision.getOutputs()).singleElement()
        .satisfies(output -> assertThat(output.getRuleId()).isEqualTo("Rule_DistrictBRepairTechnicians"));
    assertThat(order).variables().containsEntry("technicianGroup", "technical-service-district-b")
        .containsEntry("proposedTechnician", "jishub");
    assertThat(identityService.createUserQuery().memberOfGroup("technical-service-district-b").userId("jishub").count())
        .isEqualTo(1);

    // and the B-district technician works the order in Tasklist like any technician: assigned, the group's name is Chinese
    String technician = dispatchAndArrive(order, APPOINTMENT);
    assertThat(technician).isEqualTo("jishub");
    assertThat(task(order, "Task_InspectOnSite").getAssignee()).isEqualTo("jishub");
    assertThat(identityService.createGroupQuery().groupId("technical-service-district-b").singleResult().getName())
        .isEqualTo("技术服务部·B 片区");
  }

  @Test
  void shouldProposeATechnicianOfTechnicalServiceWhenTheSkillGroupHasNoMembers() {
    // given the maintenance group (afterSalesDispatch row Rule_MaintenanceTechnicians) without its member
    identityService.deleteMembership("baoyang", "technical-service-maintenance");
    try {
      ProcessInstance order = receive(intake("maintenance", IN_WARRANTY_PURCHASE));
      reply(order);
      assess(order, false);

      // then the table still names the maintenance group, and the proposal falls back to technical-service
      assertThat(order).isWaitingAt("Task_DispatchTechnician").variables()
          .containsEntry("technicianGroup", "technical-service-maintenance");
      String proposed = (String) runtimeService.getVariable(order.getId(), "proposedTechnician");
      assertThat(proposed).isNotNull();
      assertThat(identityService.createUserQuery().memberOfGroup("technical-service").userId(proposed).count()).isOne();
    } finally {
      identityService.createMembership("baoyang", "technical-service-maintenance");
    }
  }

  @Test
  void shouldProposeTheMaintenanceGroupsTechnicianForMaintenance() {
    ProcessInstance order = receive(intake("maintenance", IN_WARRANTY_PURCHASE));
    reply(order);
    assess(order, false);

    assertThat(order).variables().containsEntry("technicianGroup", "technical-service-maintenance")
        .containsEntry("proposedTechnician", "baoyang");
  }

  @Test
  void shouldReportADifficultFaultToTheAfterSalesManagerTheSameDay() {
    // given a technician on site
    ProcessInstance order = receive(intake("installation", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    reply(order);
    assess(order, false);
    String technician = dispatchAndArrive(order, APPOINTMENT);

    // when the inspection is marked as a difficult fault
    Map<String, Object> inspection = inspection(false, "onsite", false);
    inspection.put("difficultFault", true);
    inspection.put("difficultFaultNote", "主板间歇性短路，原因不明");
    complete(order, "Task_InspectOnSite", inspection);

    // then the after-sales manager is told at once (in the same transaction as the inspection), and the case
    // timeline shows both the marked inspection and the report
    assertThat(order).hasPassedInOrder("Task_InspectOnSite", "Task_ReportDifficultFault", "Gateway_ExtraCost")
        .isWaitingAt("Task_WriteServiceReport");
    // the same-day report replaces the same-day limit of an ordinary fault (B.6; 003:375)
    assertThat(order).hasPassed("EndEvent_SameDayMet");
    assertThat(managementService.createJobQuery().processInstanceId(order.getId()).activityId("Event_SameDayDeadline")
        .count()).isZero();
    assertThat(templatesSentTo(caseNumber, "shouhou")).containsExactly("aftersales.difficultFault");
    assertThat(jdbc.queryForObject("select body from notification where case_number = ? and recipient = 'shouhou' "
        + "and template_key = 'aftersales.difficultFault' and channel = 'INBOX'", String.class, caseNumber))
        .contains(caseNumber, technician, "主板间歇性短路，原因不明");
    assertThat(timeline(caseNumber)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("现场检测");
      assertThat(entry.outcome()).contains("difficultFault=是", "difficultFaultNote=主板间歇性短路，原因不明");
    }).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("疑难故障当日报告");
      assertThat(entry.outcome()).isEqualTo("已通知：after-sales-manager");
    });
  }

  @Test
  void shouldNotReportAnOrdinaryFault() {
    ProcessInstance order = receive(intake("installation", IN_WARRANTY_PURCHASE));
    reply(order);
    assess(order, false);
    dispatchAndArrive(order, APPOINTMENT);

    Map<String, Object> inspection = inspection(false, "onsite", false);
    inspection.put("difficultFault", false);
    complete(order, "Task_InspectOnSite", inspection);

    assertThat(order).hasPassed("Gateway_ExtraCost").hasNotPassed("Task_ReportDifficultFault");
    assertThat(templatesSentTo(order.getBusinessKey(), "shouhou")).doesNotContain("aftersales.difficultFault");
  }

  @Test
  void shouldExpectAnUrgentVisitTheSameDay() {
    Map<String, Object> intake = intake("installation", IN_WARRANTY_PURCHASE);
    intake.put("urgency", "urgent");
    ProcessInstance order = receive(intake);
    reply(order);
    assess(order, false);

    dispatch(order, APPOINTMENT);

    Date endOfTheDay = date("2026-11-03T00:00:00+08:00");
    assertThat(task(order, "Task_ArriveOnSite").getDueDate()).isEqualTo(endOfTheDay);
    assertThat(timer(order, "BoundaryEvent_VisitMissed").getDuedate()).isEqualTo(endOfTheDay);
  }

  @Test
  void shouldGoOnSiteAtOnceForAnInstallation() {
    ProcessInstance order = receive(intake("installation", IN_WARRANTY_PURCHASE));
    reply(order);

    assess(order, false);

    assertThat(order).isWaitingAt("Task_DispatchTechnician").hasNotPassed("Task_AdviseByPhone")
        .variables().containsEntry("triageStart", "onsite");
  }

  @Test
  void shouldRemindTheWarehouseWhenSparePartsAreLate() {
    ProcessInstance order = receive(intake("maintenance", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    reply(order);
    assess(order, false);
    dispatchAndArrive(order, APPOINTMENT);
    complete(order, "Task_InspectOnSite", inspection(false, "onsite", true));

    fireTimer(order, "BoundaryEvent_SparePartsOverdue", OffsetDateTime.parse("2026-11-05T17:30:00+08:00"));

    assertThat(order).isWaitingAt("Task_DeliverSpareParts").hasPassed("EndEvent_SparePartsEscalated");
    assertThat(templatesSentTo(caseNumber, "kufang")).containsExactly("aftersales.sparePartsRequested",
        "aftersales.sparePartsOverdue");
    assertThat(templatesSentTo(caseNumber, "shouhou")).containsExactly("aftersales.sparePartsOverdue");
  }

  @Test
  void shouldTellTheCustomerTheFactoryReturnLimitAndWarnWhenItIsOverdue() {
    ProcessInstance order = receive(intake("maintenance", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    reply(order);
    assess(order, false);
    dispatchAndArrive(order, APPOINTMENT);

    complete(order, "Task_InspectOnSite", inspection(false, "factory", false));

    Date due = date("2026-11-16T17:30:00+08:00");  // 10th working day after Monday 2 November
    assertThat(task(order, "Task_RepairAtFactory").getDueDate()).isEqualTo(due);
    // the factory's 10 working days replace the same-day limit of an ordinary fault (B.6; 003:373)
    assertThat(order).hasPassed("EndEvent_SameDayMet");
    assertThat(managementService.createJobQuery().processInstanceId(order.getId()).activityId("Event_SameDayDeadline")
        .count()).isZero();
    assertThat(body(caseNumber, "aftersales.factoryReturn")).contains("10 个工作日内（2026-11-16 17:30 前）");
    fireTimer(order, "BoundaryEvent_FactoryReturnOverdue", OffsetDateTime.parse("2026-11-16T17:30:00+08:00"));
    assertThat(order).isWaitingAt("Task_RepairAtFactory").hasPassed("EndEvent_FactoryReturnEscalated");
    assertThat(templatesSentTo(caseNumber, "shouhou")).containsExactly("aftersales.factoryReturnOverdue");
    assertThat(templatesSentTo(caseNumber, "kefuzhuguan")).containsExactly("aftersales.factoryReturnOverdue");

    complete(order, "Task_RepairAtFactory", Map.of("factoryResult", "更换主板后返回"));
    report(order, 200, 350, 60);
    accept(order);
    complete(order, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(order);
    assertThat(order).hasPassedInOrder("Task_SendToFactory", "Task_RepairAtFactory", "Task_WriteServiceReport").isEnded();
    assertThat(caseFiles.get(caseNumber).deadlines()).filteredOn(deadline -> deadline.kind().equals("FACTORY_RETURN"))
        .singleElement().satisfies(deadline -> assertThat(deadline.metAt()).isNotNull());
  }

  @Test
  void shouldRemindCustomerServiceWhenTheReturnVisitIsOverdue() {
    ProcessInstance order = receive(intake("repair", IN_WARRANTY_PURCHASE));
    String caseNumber = order.getBusinessKey();
    reply(order);
    assess(order, false);
    complete(order, "Task_AdviseByPhone", Map.of("phoneResult", "solved", "phoneNote", "指导复位"));
    ClockUtil.setCurrentTime(date("2026-11-06T16:00:00+08:00"));
    report(order, 30, 0, 0);
    accept(order);

    assertThat(task(order, "Task_ReturnVisit").getDueDate()).isEqualTo(date("2026-11-08T16:00:00+08:00"));
    fireTimer(order, "BoundaryEvent_ReturnVisitOverdue", OffsetDateTime.parse("2026-11-08T16:00:00+08:00"));

    assertThat(order).isWaitingAt("Task_ReturnVisit").hasPassed("EndEvent_ReturnVisitEscalated");
    assertThat(templatesSentTo(caseNumber, "kefu2")).containsExactly("aftersales.returnVisitOverdue");
    assertThat(templatesSentTo(caseNumber, "kefuzhuguan")).containsExactly("aftersales.returnVisitOverdue");
  }

  // ------------------------------------------------------------------------------------------ default deadlines

  /** The Wednesday before the National Day holidays (Oct 1–7; Saturday Oct 10 is a make-up workday): wd 1 is Oct 8. */
  static final OffsetDateTime BEFORE_NATIONAL_DAY = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");

  /** Tasks whose limit the sources do not give: the default of the time-limit table, counted from the task's start. */
  @ParameterizedTest(name = "{0}: due {1}, follow-up {4}")
  @CsvSource({
      // task, due, overdue notice, a member of a group it goes to, follow-up, warning notice, a member warned
      "Task_HandleNoReasonReturn, 2026-10-08T17:30+08:00, aftersales.noReasonReturnOverdue, kefuzhuguan, , , ",
      "Task_AssessRequest, 2026-10-08T17:30+08:00, aftersales.assessmentOverdue, shouhou, , , ",
      "Task_PrepareQuote, 2026-10-08T17:30+08:00, aftersales.quoteOverdue, xiaoshou, , , ",
      "Task_ConfirmQuote, 2026-10-10T17:30+08:00, aftersales.quoteDecisionOverdue, shouhou, 2026-10-09T17:30+08:00, aftersales.quoteDecisionWarning, kefu1",
      "Task_AdviseByPhone, 2026-10-08T17:30+08:00, aftersales.phoneAdviceOverdue, shouhou, , , ",
      "Task_SupportRemotely, 2026-10-08T17:30+08:00, aftersales.remoteSupportOverdue, jishu, , , ",
      "Task_DispatchTechnician, 2026-10-08T17:30+08:00, aftersales.dispatchOverdue, kefuzhuguan, , , ",
      "Task_AgreeAppointment, 2026-10-08T17:30+08:00, aftersales.appointmentOverdue, kefu2, , , ",
      "Task_InspectOnSite, 2026-10-08T17:30+08:00, aftersales.inspectionOverdue, shouhou, , , ",
      "Task_ObtainConsent, 2026-10-08T17:30+08:00, aftersales.consentOverdue, jishu, , , ",
      "Task_RequoteExtraCost, 2026-10-08T17:30+08:00, aftersales.requoteOverdue, xiaoshou, , , ",
      "Task_ReplaceOrReturn, 2026-10-08T17:30+08:00, aftersales.replacementOverdue, kefuzhuguan, , , ",
      "Task_WriteServiceReport, 2026-10-08T17:30+08:00, aftersales.serviceReportOverdue, shouhou, , , ",
      "Task_ConfirmAcceptance, 2026-10-08T17:30+08:00, aftersales.acceptanceOverdue, kefu1, , , "})
  void shouldDueATaskWithoutSourceLimitByTheDefaultAndEscalateItWithoutTakingItAway(String taskKey, OffsetDateTime due,
      String overdueTemplate, String overdueRecipient, OffsetDateTime followUp, String warningTemplate,
      String warningRecipient) {
    ProcessInstance order = receive(intake("repair", "2026-01-10"), BEFORE_NATIONAL_DAY);
    runtimeService.setVariable(order.getId(), "technician", "jishu");
    moveTo(order, taskKey);

    Task task = task(order, taskKey);
    assertThat(task.getDueDate()).isEqualTo(date(due));
    assertThat(task.getFollowUpDate()).isEqualTo(followUp == null ? null : date(followUp));
    String timers = taskKey.replace("Task_", "BoundaryEvent_");
    if (followUp != null) {
      fireDeadline(order, taskKey, timers + "Warning", followUp, warningTemplate, warningRecipient);
    }
    fireDeadline(order, taskKey, timers + "Overdue", due, overdueTemplate, overdueRecipient);
    assertThat(order).isWaitingAt(taskKey);
  }

  // ------------------------------------------------------------------------------------------ first-ask owner

  /** 首问负责人: the clerk who took the request (kefu1) holds the later customer-service tasks; the group stays candidate. */
  @ParameterizedTest(name = "{0} goes to the first-ask owner")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"Task_ReplyToCustomer", "Task_ConfirmQuote",
      "Task_AgreeAppointment", "Task_ConfirmAcceptance", "Task_ReturnVisit"})
  void shouldGiveTheLaterCustomerServiceTasksToTheClerkWhoTookTheRequest(String taskKey) {
    ProcessInstance order = receive(intake("repair", OUT_OF_WARRANTY_PURCHASE));
    runtimeService.setVariable(order.getId(), "technician", "jishu");
    runtimeService.setVariable(order.getId(), "completedAt", date(RECEIVED)); // the return visit counts from it
    moveTo(order, taskKey);

    Task task = task(order, taskKey);
    assertThat(task.getAssignee()).as("the first-ask owner of " + taskKey).isEqualTo("kefu1");
    assertThat(candidateGroups(task)).containsExactly("customer-service");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("customer-service")
        .includeAssignedTasks().count()).as("still listed for the group").isOne();
  }

  @Test
  void shouldLeaveACustomerServiceTaskOutsideTheFirstAskListToTheGroup() {
    ProcessInstance order = receive(intake("return", "2026-10-26"));
    Task reply = task(order, "Task_ReplyToCustomer");
    assertThat(reply.getAssignee()).isEqualTo("kefu1");
    reply(order);

    Task handleReturn = task(order, "Task_HandleNoReasonReturn");
    assertThat(candidateGroups(handleReturn)).containsExactly("customer-service");
    assertThat(handleReturn.getAssignee()).as("not in serviceflow.first-ask.tasks").isNull();
  }

  // ------------------------------------------------------------------------------------------ task cards

  @Test
  void shouldAnswerTheTasklistStartWithTheOrderNumberAndCardTheFirstTaskWithCustomerAndLabels() {
    ClockUtil.setCurrentTime(date(RECEIVED));
    ProcessInstance order = submitStartFormAs("kefu1", AfterSalesVariables.PROCESS_KEY,
        intake("installation", "2026-10-01"));

    assertThat(order.getBusinessKey()).startsWith("SH" + RECEIVED.format(DateTimeFormatter.ofPattern("yyMM")));
    Task first = taskService.createTaskQuery().processInstanceId(order.getId()).list().get(0);
    assertThat(first.getDescription()).startsWith(order.getBusinessKey() + " · 客户：李四");
    assertThat(taskService.getVariablesLocal(first.getId()))
        .containsEntry("serviceTypeLabel", "安装").containsEntry("productLineLabel", "家电")
        .containsEntry("urgencyLabel", "一般");
  }

  // ------------------------------------------------------------------------------------------ monthly reports

  /**
   * A month of service orders with known outcomes, carried through the real process in April 2025, and the after-sales
   * statistics and summary compiled for it (definitions in docs/reporting.md): O1 fixed by phone (labour 30), O2 on
   * site (labour 120, materials 85.50, transport 30), both serviced and closed in April; O3 received in April,
   * serviced and closed in May.
   */
  @Test
  void shouldCompileTheMonthsAfterSalesReportsFromOrdersWithKnownOutcomes() {
    String purchase = "2025-01-10";
    ProcessInstance o1 = receive(intake("repair", purchase), OffsetDateTime.parse("2025-04-07T09:00:00+08:00"));
    completeRemotely(o1);
    accept(o1);
    complete(o1, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(o1);

    ProcessInstance o2 = receive(intake("repair", purchase), OffsetDateTime.parse("2025-04-08T09:00:00+08:00"));
    reply(o2);
    assess(o2, false);
    complete(o2, "Task_AdviseByPhone", Map.of("phoneResult", "unsolved", "phoneNote", "无法排除"));
    complete(o2, "Task_SupportRemotely", Map.of("remoteAuthorised", false, "remoteResult", "unsolved",
        "remoteNote", "客户不同意远程连接"));
    dispatchAndArrive(o2, "2025-04-09T10:00:00+08:00");
    complete(o2, "Task_InspectOnSite", inspection(false, "onsite", false));
    report(o2, 120, 85.5, 30);
    accept(o2);
    complete(o2, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(o2);

    ProcessInstance o3 = receive(intake("repair", purchase), OffsetDateTime.parse("2025-04-29T09:00:00+08:00"));
    reply(o3);
    clockAt("2025-05-06T10:00:00+08:00");
    assess(o3, false);
    complete(o3, "Task_AdviseByPhone", Map.of("phoneResult", "solved", "phoneNote", "指导复位"));
    report(o3, 30, 0, 0);
    accept(o3);
    complete(o3, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(o3);
    assertThat(List.of(o1, o2, o3)).allSatisfy(order -> assertThat(order).isEnded());

    clockAt("2025-06-03T09:00:00+08:00");
    YearMonth april = YearMonth.of(2025, 4);
    // serviced, visits on site, repeat repairs, labour, materials, transport, total
    assertThat(rows(reports.compile(ReportType.AFTER_SALES_STATISTICS, april), "byServiceType")).containsExactly(
        List.of("repair", "维修", 2L, 1L, 0L, 150.0, 85.5, 30.0, 265.5),
        List.of("all", "合计", 2L, 1L, 0L, 150.0, 85.5, 30.0, 265.5));
    // received, serviced, closed, open at the month's end, deadlines missed, repeat repairs
    assertThat(rows(reports.compile(ReportType.AFTER_SALES_SUMMARY, april), "byServiceType")).containsExactly(
        List.of("repair", "维修", 3L, 2L, 2L, 1L, 0L, 0L));
    assertThat(rows(reports.compile(ReportType.AFTER_SALES_STATISTICS, YearMonth.of(2025, 5)), "byServiceType"))
        .first().isEqualTo(List.of("repair", "维修", 1L, 0L, 0L, 30.0, 0.0, 0.0, 30.0));
  }

  // ------------------------------------------------------------------------------------------ steps

  static Map<String, Object> intake(String serviceType, String purchaseDate) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("customerName", "李四");
    variables.put("customerPhone", PHONE);
    variables.put("customerEmail", "li4@example.com");
    variables.put("address", "上海市浦东新区世纪大道 100 号");
    variables.put("productLine", "appliance");
    variables.put("productModel", "KX-100");
    variables.put("serialNumber", "SN-" + SERIALS.incrementAndGet());
    variables.put("purchaseDate", purchaseDate);
    variables.put("proofOfPurchase", "FP-0001");
    variables.put("serviceType", serviceType);
    variables.put("faultDescription", "空调不制冷");
    variables.put("urgency", "normal");
    return variables;
  }

  ProcessInstance receive(Map<String, Object> intake) {
    return receive(intake, RECEIVED);
  }

  /** Starts the process as the intake clerk kefu1 (the start event's initiator) at the given engine time. */
  ProcessInstance receive(Map<String, Object> intake, OffsetDateTime at) {
    ClockUtil.setCurrentTime(date(at));
    identityService.setAuthentication("kefu1", List.of("customer-service"));
    try {
      ProcessInstance instance = runtimeService.startProcessInstanceByKey(AfterSalesVariables.PROCESS_KEY, intake);
      assertThat(instance.getBusinessKey()).startsWith("SH" + at.format(DateTimeFormatter.ofPattern("yyMM")));
      return instance;
    } finally {
      identityService.clearAuthentication();
    }
  }

  void reply(ProcessInstance order) {
    complete(order, "Task_ReplyToCustomer", Map.of("replyChannel", "phone", "replyNote", "已致电确认购买信息"));
  }

  void assess(ProcessInstance order, boolean customerCaused) {
    complete(order, "Task_AssessRequest", Map.of("scope", "in", "customerCaused", customerCaused,
        "assessmentNote", "属于服务范围"));
  }

  /** Dispatches the proposed technician and agrees the appointment; returns the technician. */
  String dispatch(ProcessInstance order, String appointmentAt) {
    assertThat(candidateGroups(task(order, "Task_DispatchTechnician"))).containsExactly("after-sales-manager");
    String technician = (String) runtimeService.getVariable(order.getId(), "proposedTechnician");
    assertThat(technician).as("proposed technician").isNotNull();
    complete(order, "Task_DispatchTechnician", Map.of("technician", technician, "dispatchNote", "按推荐派工"));
    complete(order, "Task_AgreeAppointment", Map.of("appointmentAt", appointmentAt, "appointmentNote", "客户在家"));
    return technician;
  }

  String dispatchAndArrive(ProcessInstance order, String appointmentAt) {
    String technician = dispatch(order, appointmentAt);
    assertThat(task(order, "Task_ArriveOnSite").getAssignee()).isEqualTo(technician);
    complete(order, "Task_ArriveOnSite", Map.of("arrivalNote", "准时到达"));
    return technician;
  }

  static Map<String, Object> inspection(boolean extraCost, String repairMethod, boolean partsNeeded) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("inspectionFindings", "压缩机故障");
    variables.put("extraCostFound", extraCost);
    if (extraCost) {
      variables.put("extraCostAmount", 150);
      variables.put("extraCostReason", "需更换管路");
    }
    variables.put("repairMethod", repairMethod);
    variables.put("partsNeeded", partsNeeded);
    if (partsNeeded) {
      variables.put("partName", "压缩机");
      variables.put("partModel", "YS-2");
      variables.put("partQuantity", 1);
      variables.put("partsNeededBy", "2026-11-05");
    }
    return variables;
  }

  void report(ProcessInstance order, Number labour, Number materials, Number transport) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("problemFound", "压缩机故障");
    variables.put("serviceProcess", "检测并处理");
    variables.put("serviceResult", "已恢复制冷");
    variables.put("materialsUsed", "无");
    variables.put("labourCost", labour);
    variables.put("materialsCost", materials);
    variables.put("transportCost", transport);
    complete(order, "Task_WriteServiceReport", variables);
  }

  void accept(ProcessInstance order) {
    complete(order, "Task_ConfirmAcceptance", Map.of("acceptance", "accepted", "acceptanceNote", "客户签字"));
  }

  /** The in-warranty remote fix up to the recorded service report (the order is completed). */
  void completeRemotely(ProcessInstance order) {
    reply(order);
    assess(order, false);
    complete(order, "Task_AdviseByPhone", Map.of("phoneResult", "solved", "phoneNote", "指导复位"));
    report(order, 30, 0, 0);
    assertThat(serviceOrders.get(order.getBusinessKey()).orElseThrow().getCompletedAt()).isNotNull();
  }

  void createTechnician(String id) {
    User user = identityService.newUser(id);
    user.setFirstName("测试");
    user.setLastName("技术员");
    identityService.saveUser(user);
    identityService.createMembership(id, "technical-service");
  }








  String body(String caseNumber, String template) {
    return jdbc.queryForList("select body from notification where case_number = ? and template_key = ? and channel = 'SMS'",
        String.class, caseNumber, template).stream().findFirst().orElse(null);
  }



  List<String> actions(String caseNumber) {
    return timeline(caseNumber).stream().map(TimelineEntryView::action).toList();
  }


}
