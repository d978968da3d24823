package org.serviceflow.hotline;

import org.serviceflow.support.Intakes;
import org.serviceflow.support.ProcessEngineTest;
import org.serviceflow.support.ProcessTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.serviceflow.support.ReportRows.rows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.serviceflow.support.EngineRest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.serviceflow.casefile.CaseFlags;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.casefile.DeadlineState;
import org.serviceflow.casefile.TimelineEntryView;
import org.springframework.beans.factory.annotation.Autowired;
import org.serviceflow.reporting.ReportCompilers;
import org.serviceflow.reporting.ReportFigures;
import org.serviceflow.reporting.ReportType;
import java.time.YearMonth;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives every path of hotline12345.bpmn with the real calendar, case file, notification outbox and assessment
 * tables (PROCESSES.md D). Timers are fired by moving the engine clock and executing the due jobs; each is shown
 * not due a minute before its instant and due a minute after. The class asserts 100% flow-node and sequence-flow
 * coverage of the model (see {@link ProcessEngineTest}).
 */
@ProcessEngineTest
class HotlineProcessTest extends ProcessTestSupport {

  /** A Monday in a month without holidays, so that working-day deadlines are plain arithmetic. */
  static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-02T09:00:00+08:00");
  static final String PHONE = "13912345678";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;
  @Autowired ReportCompilers reports;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

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
  void shouldAnswerAConsultationDirectlyAndClose() {
    ProcessInstance appeal = receive(intake("consultation", "normal", "other", "district-a"));
    String caseNumber = appeal.getBusinessKey();
    Task triage = task(appeal, "Task_TriageAppeal");
    assertThat(triage.getAssignee()).isEqualTo("huawu");
    assertThat(candidateGroups(triage)).containsExactly("hotline-operators");

    complete(appeal, "Task_TriageAppeal", Map.of("triageResult", "answered", "directAnswer", "已告知办理地点和材料"));

    assertThat(appeal).hasPassedInOrder("Task_RegisterAppeal", "Task_DetermineTimeLimits", "Task_AcknowledgeAppeal",
        "Task_TriageAppeal", "Task_CloseAppeal", "Task_NotifyClosed", "EndEvent_AppealClosed").isEnded();
    assertThat(appeal).hasNotPassed("Task_DispatchAppeal");
    CaseView file = caseFiles.get(caseNumber);
    assertThat(file.status()).isEqualTo(CaseFileService.STATUS_CLOSED);
    assertThat(file.outcome()).isEqualTo("话务员即时办结");
    assertThat(templatesSentTo(caseNumber, PHONE)).containsExactly("hotline.acknowledged", "hotline.closed");
    assertThat(bodyOf(caseNumber, "hotline.acknowledged")).isEqualTo("王五您好：您于 2026-11-02 09:00 反映的咨询诉求已受理，编号 "
        + caseNumber + "，办理时限 3 个工作日。如需查询，请致电 12345 并提供此编号。");
    assertThat(appealRow(caseNumber)).containsEntry("ANSWERED_DIRECTLY", true).containsEntry("RESOLVED", true);
  }

  @Test
  void shouldSuggestKnowledgeEntriesAtTriageAndRecordTheEntryTheDirectAnswerUsed() {
    Map<String, Object> consultation = new HashMap<>(intake("consultation", "normal", "other", "district-a"));
    consultation.put("content", "想咨询一下住房公积金怎么提取，租房可以取吗");
    ProcessInstance appeal = receive(consultation);
    String caseNumber = appeal.getBusinessKey();
    long entry = jdbc.queryForObject("select id from knowledge_entry where title = '住房公积金提取'", Long.class);
    int usesBefore = jdbc.queryForObject("select usage_count from knowledge_entry where id = ?", Integer.class, entry);

    Task triage = task(appeal, "Task_TriageAppeal");
    assertThat(taskService.getVariableLocal(triage.getId(), "knowledgeSuggestion").toString())
        .startsWith("**#" + entry + " 住房公积金提取**").contains("租房提取每年可办理一次");
    assertThat(taskService.getVariableLocal(triage.getId(), "knowledgeOptions").toString())
        .startsWith("[{\"label\":\"#" + entry + " 住房公积金提取\",\"value\":\"" + entry + "\"}");

    complete(appeal, "Task_TriageAppeal", Map.of("triageResult", "answered",
        "directAnswer", "租房提取每年一次，带身份证和租房合同到公积金中心办理", HotlineVariables.KNOWLEDGE_ENTRY_ID,
        String.valueOf(entry)));

    assertThat(appeal).isEnded();
    assertThat(jdbc.queryForObject("select usage_count from knowledge_entry where id = ?", Integer.class, entry))
        .isEqualTo(usesBefore + 1);
    assertThat(timeline(caseNumber)).anySatisfy(line -> {
      assertThat(line.action()).isEqualTo("引用知识库");
      assertThat(line.outcome()).isEqualTo("知识条目 #" + entry + " 住房公积金提取");
    });
  }

  @Test
  void shouldSuggestNothingWhenNoEntryIsNearTheAppeal() {
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"));
    Task triage = task(appeal, "Task_TriageAppeal");

    assertThat(taskService.getVariableLocal(triage.getId(), "knowledgeSuggestion")).isEqualTo("知识库中没有与诉求内容相近的条目。");
    assertThat(taskService.getVariableLocal(triage.getId(), "knowledgeOptions").toString()).isEqualTo("[]");
    dispatch(appeal);
    assertThat(actions(appeal.getBusinessKey())).doesNotContain("引用知识库");
  }

  @Test
  void shouldDispatchSignAnswerAndCloseASatisfiedAppeal() {
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"));
    String caseNumber = appeal.getBusinessKey();
    dispatch(appeal);

    Task signFor = task(appeal, "Task_SignFor");
    assertThat(candidateGroups(signFor)).containsExactly("unit-housing");
    assertThat(signFor.getDueDate()).isEqualTo(date(RECEIVED.plusHours(24)));
    at(RECEIVED.plusHours(1));
    sign(appeal);
    assertThat(templatesSentTo(caseNumber, PHONE)).containsExactly("hotline.acknowledged", "hotline.unitAssigned");
    assertThat(bodyOf(caseNumber, "hotline.unitAssigned")).contains("住建局", "2026-11-11 17:30");
    assertThat(task(appeal, "Task_FirstContact").getDueDate()).isEqualTo(date("2026-11-05T17:30:00+08:00"));
    complete(appeal, "Task_FirstContact", Map.of("contactRecord", "11月2日电话联系，告知将现场核查"));
    Task handle = task(appeal, "Task_HandleAppeal");
    assertThat(handle.getDueDate()).isEqualTo(date("2026-11-11T17:30:00+08:00"));
    assertThat(handle.getFollowUpDate()).isEqualTo(date("2026-11-10T17:30:00+08:00"));
    at(OffsetDateTime.parse("2026-11-06T15:00:00+08:00"));  // a Friday
    reply(appeal);
    assertThat(candidateGroups(task(appeal, "Task_ReviewReply"))).containsExactly("hotline-dispatchers");
    complete(appeal, "Task_ReviewReply", Map.of("reviewResult", "pass"));
    Task visit = task(appeal, "Task_ReturnVisit");
    assertThat(candidateGroups(visit)).containsExactly("hotline-operators");
    assertThat(visit.getDueDate()).as("next working day after the reply").isEqualTo(date("2026-11-09T17:30:00+08:00"));
    visit(appeal, "satisfied", true);

    assertThat(appeal).hasPassedInOrder("Task_DetermineUnit", "Task_DispatchAppeal", "Task_SignFor", "Task_RecordSignFor",
        "Task_TellCitizenUnit", "Task_FirstContact", "Task_HandleAppeal", "EndEvent_Replied", "Task_RecordReply",
        "Task_ReviewReply", "Task_ReturnVisit", "Task_CloseAppeal", "EndEvent_AppealClosed").isEnded();
    CaseView file = caseFiles.get(caseNumber);
    assertThat(file.outcome()).isEqualTo("已办结，诉求人满意");
    assertThat(file.customerName()).isEqualTo("王五");
    assertThat(file.deadlines()).extracting(CaseView.Deadline::kind)
        .containsExactlyInAnyOrder("SIGN_FOR", "FIRST_CONTACT", "HANDLING", "RETURN_VISIT");
    assertThat(file.deadlines()).allSatisfy(deadline -> assertThat(deadline.metAt()).isNotNull());
    assertThat(actions(caseNumber)).containsSubsequence("受理", "派单", "签收", "告知承办单位", "先行联系", "办理答复",
        "答复审核", "回访", "结案");
    assertThat(timeline(caseNumber)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("先行联系");
      assertThat(entry.outcome()).contains("11月2日电话联系");
    });
    assertThat(dispatchRows(caseNumber)).singleElement().satisfies(row -> {
      assertThat(row).containsEntry("UNIT", "unit-housing").containsEntry("SIGNED_IN_TIME", true)
          .containsEntry("RETURNED", false);
    });
    assertThat(appealRow(caseNumber)).containsEntry("UNIT", "unit-housing").containsEntry("SATISFACTION", "satisfied")
        .containsEntry("RESOLVED", true).containsEntry("REPLIED_ON_TIME", true).containsEntry("REHANDLES", 0)
        .containsEntry("EXTENDED", false);
  }

  @Test
  void shouldRedispatchAnAcceptedReturn() {
    ProcessInstance appeal = receive(intake("help", "normal", "housing", "district-a"));
    String caseNumber = appeal.getBusinessKey();
    dispatch(appeal);
    at(RECEIVED.plusHours(3));

    complete(appeal, "Task_SignFor", Map.of("signResult", "return", "returnReason", "属市场监管职责"));
    Task review = task(appeal, "Task_ReviewReturn");
    assertThat(candidateGroups(review)).containsExactly("hotline-dispatchers");
    complete(appeal, "Task_ReviewReturn", Map.of("returnDecision", "accept", "redispatchUnit", "unit-market"));

    Task signFor = task(appeal, "Task_SignFor");
    assertThat(candidateGroups(signFor)).containsExactly("unit-market");
    assertThat(signFor.getDueDate()).as("counted from the new dispatch").isEqualTo(date(RECEIVED.plusHours(27)));
    assertThat(passedTimes(appeal, "Task_DispatchAppeal")).isEqualTo(2);
    assertThat(dispatchRows(caseNumber)).hasSize(2).first().satisfies(row -> assertThat(row)
        .containsEntry("UNIT", "unit-housing").containsEntry("RETURNED", true).containsEntry("RETURN_IN_TIME", true)
        .containsEntry("RETURN_ACCEPTED", true).containsEntry("SIGNED_IN_TIME", true)
        .containsEntry("RETURN_REASON", "属市场监管职责"));
    assertThat(appealRow(caseNumber)).containsEntry("UNIT", "unit-market");
  }

  /** Dispatched 2026-09-30 10:00: 2 working days from the next working day (Oct 8, 9) end on 2026-10-09 17:30. */
  static final OffsetDateTime DISPATCHED_BEFORE_HOLIDAYS = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");
  static final Date RETURN_DEADLINE_AFTER_HOLIDAYS = date("2026-10-09T17:30:00+08:00");

  @Test
  void shouldReviewAReturnAskedForAtTheReturnDeadlineAcrossTheHolidays() {
    // given an appeal dispatched before the National Day holidays
    ProcessInstance appeal = receive(intake("help", "normal", "housing", "district-a"), DISPATCHED_BEFORE_HOLIDAYS);
    String caseNumber = appeal.getBusinessKey();
    dispatch(appeal);
    assertThat(appeal).variables().containsEntry("returnDueAt", RETURN_DEADLINE_AFTER_HOLIDAYS);
    assertThat(jdbc.queryForObject("select return_due_at from hotline_dispatch where case_number = ?",
        OffsetDateTime.class, caseNumber).toInstant()).isEqualTo(RETURN_DEADLINE_AFTER_HOLIDAYS.toInstant());

    // when the unit returns it at the last moment of the window
    at(OffsetDateTime.parse("2026-10-09T17:30:00+08:00"));
    complete(appeal, "Task_SignFor", Map.of("signResult", "return", "returnReason", "属市场监管职责"));

    // then the dispatchers review it and it counts as a return in time
    assertThat(appeal).isWaitingAt("Task_ReviewReturn").hasNotPassed("Task_RefuseLateReturn");
    assertThat(appeal).variables().containsEntry("returnInTime", true);
    assertThat(dispatchRows(caseNumber)).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("RETURNED", true).containsEntry("RETURN_IN_TIME", true));
  }

  @Test
  void shouldRefuseAReturnAskedForAfterTheReturnDeadlineAndSendTheAppealBackToTheUnit() {
    // given an appeal dispatched before the National Day holidays
    ProcessInstance appeal = receive(intake("help", "normal", "housing", "district-a"), DISPATCHED_BEFORE_HOLIDAYS);
    String caseNumber = appeal.getBusinessKey();
    dispatch(appeal);

    // when the unit asks to return it one minute after the window
    at(OffsetDateTime.parse("2026-10-09T17:31:00+08:00"));
    complete(appeal, "Task_SignFor", Map.of("signResult", "return", "returnReason", "不属本单位"));

    // then the return is refused without review: the unit is told, the timeline shows it, and it is a late return
    // attempt, not a return: the dispatch stays unanswered
    assertThat(appeal).hasPassedInOrder("Task_RecordSignFor", "Gateway_ReturnInTime", "Task_RefuseLateReturn")
        .hasNotPassed("Task_ReviewReturn").isWaitingAt("Task_SignFor");
    assertThat(candidateGroups(task(appeal, "Task_SignFor"))).containsExactly("unit-housing");
    assertThat(appeal).variables().containsEntry("returnInTime", false).containsEntry("lateReturnAttempts", 1);
    assertThat(templatesSentTo(caseNumber, "zhujian")).containsExactly("hotline.lateReturnRefused");
    assertThat(jdbc.queryForObject("select body from notification where case_number = ? and recipient = 'zhujian' "
        + "and template_key = 'hotline.lateReturnRefused' and channel = 'INBOX'", String.class, caseNumber))
        .contains(caseNumber, "2026-10-09 17:30", "不属本单位");
    assertThat(timeline(caseNumber)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("退单超时，退回承办单位");
      assertThat(entry.outcome()).isEqualTo("已通知：unit-housing");
    });
    assertThat(dispatchRows(caseNumber)).singleElement().satisfies(row -> {
      assertThat(row.get("RESPONDED_AT")).isNull();
      assertThat(row.get("RETURNED")).isNotEqualTo(true);
    });

    // and when the unit then signs, it has the appeal, signed late
    sign(appeal);
    assertThat(appeal).isWaitingAt("Task_FirstContact");
    assertThat(dispatchRows(caseNumber)).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("RETURNED", false).containsEntry("SIGNED_IN_TIME", false));
  }

  @Test
  void shouldSendARefusedReturnBackToTheUnit() {
    ProcessInstance appeal = receive(intake("help", "normal", "housing", "district-a"));
    String caseNumber = appeal.getBusinessKey();
    dispatch(appeal);
    complete(appeal, "Task_SignFor", Map.of("signResult", "return", "returnReason", "不属本单位"));

    assertThat(dispatchRows(caseNumber)).singleElement().as("a return in time answers the dispatch in time")
        .satisfies(row -> assertThat(row).containsEntry("SIGNED_IN_TIME", true));

    complete(appeal, "Task_ReviewReturn", Map.of("returnDecision", "refuse", "returnReviewNote", "属住房问题"));

    // issue 12 item 5: a refused return does not count as signed in time (响应率)
    assertThat(appeal).isWaitingAt("Task_FirstContact").hasPassed("Task_TellCitizenUnit");
    assertThat(candidateGroups(task(appeal, "Task_FirstContact"))).containsExactly("unit-housing");
    assertThat(dispatchRows(caseNumber)).singleElement().satisfies(row -> assertThat(row)
        .containsEntry("RETURNED", true).containsEntry("RETURN_IN_TIME", true).containsEntry("RETURN_ACCEPTED", false)
        .containsEntry("SIGNED_IN_TIME", false));
  }

  @Test
  void shouldMoveEveryClockByTheApprovedWorkingDaysWhenAnExtensionIsApproved() {
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"));
    String caseNumber = appeal.getBusinessKey();
    toHandling(appeal);
    Date due = date("2026-11-11T17:30:00+08:00");
    Date warning = date("2026-11-10T17:30:00+08:00");
    assertThat(timer(appeal, "BoundaryEvent_HandlingOverdue").getDuedate()).isEqualTo(due);
    assertThat(timer(appeal, "BoundaryEvent_HandlingWarning").getDuedate()).isEqualTo(warning);

    complete(appeal, "Task_HandleAppeal", Map.of("handlingAction", "extension", "extensionWorkdays", 5,
        "extensionReason", "需住建、规划联合勘查"));
    assertThat(candidateGroups(task(appeal, "Task_ApproveExtension"))).containsExactly("hotline-dispatchers");
    complete(appeal, "Task_ApproveExtension", Map.of("extensionDecision", "approve", "approvedWorkdays", 3));

    Date movedDue = date("2026-11-16T17:30:00+08:00");     // Nov 12, 13, 16
    Date movedWarning = date("2026-11-13T17:30:00+08:00");
    assertThat(timer(appeal, "BoundaryEvent_HandlingOverdue").getDuedate()).as("overdue timer").isEqualTo(movedDue);
    assertThat(timer(appeal, "BoundaryEvent_HandlingWarning").getDuedate()).as("warning timer").isEqualTo(movedWarning);
    Task handle = task(appeal, "Task_HandleAppeal");
    assertThat(handle.getDueDate()).as("task due date").isEqualTo(movedDue);
    assertThat(handle.getFollowUpDate()).as("task follow-up date").isEqualTo(movedWarning);
    assertThat(caseFiles.get(caseNumber).deadlines()).filteredOn(d -> d.kind().equals("HANDLING")).singleElement()
        .satisfies(d -> {
          assertThat(d.dueAt().toInstant()).as("case file deadline").isEqualTo(movedDue.toInstant());
          assertThat(d.warningAt().toInstant()).isEqualTo(movedWarning.toInstant());
          assertThat(d.state()).as("case file deadline state").isEqualTo(DeadlineState.EXTENDED);
          assertThat(d.originalDueAt().toInstant()).isEqualTo(due.toInstant());
          assertThat(d.extendedAt()).isNotNull();
        });
    assertThat(appeal).variables().containsEntry("handlingDueAt", movedDue).containsEntry("extended", true);
    assertThat(appealRow(caseNumber)).containsEntry("EXTENDED", true).containsEntry("EXTENSION_DAYS", 3);

    // at most once: a second request goes straight back to the unit
    complete(appeal, "Task_HandleAppeal", Map.of("handlingAction", "extension", "extensionWorkdays", 2,
        "extensionReason", "仍需时间"));
    assertThat(appeal).isWaitingAt("Task_HandleAppeal");
    assertThat(passedTimes(appeal, "Task_ApproveExtension")).isOne();
    assertThat(timer(appeal, "BoundaryEvent_HandlingOverdue").getDuedate()).isEqualTo(movedDue);
    assertThat(handlingDeadline(caseNumber).state()).as("the same round: still extended").isEqualTo(DeadlineState.EXTENDED);
    assertThat(handlingDeadline(caseNumber).originalDueAt().toInstant()).isEqualTo(due.toInstant());

    // the moved warning fires at its new instant, not at the old one
    fireTimer(appeal, "BoundaryEvent_HandlingWarning", OffsetDateTime.parse("2026-11-13T17:30:00+08:00"));
    assertThat(templatesSentTo(caseNumber, "zhujian")).contains("hotline.handlingWarning");
    assertThat(handlingDeadline(caseNumber).state()).isEqualTo(DeadlineState.WARNED);
    reply(appeal);
    assertThat(appealRow(caseNumber)).containsEntry("REPLIED_ON_TIME", true);
    assertThat(handlingDeadline(caseNumber)).satisfies(d -> {
      assertThat(d.state()).isEqualTo(DeadlineState.MET);
      assertThat(d.metInTime()).isTrue();
    });
  }

  /**
   * Issue 12 item 5 (PROCESSES.md D.9): an extension can be asked for only up to the limit. Two complaints dispatched
   * before National Day (limit 2026-10-15 17:30): one asks at 17:30 and goes to the dispatchers; the other asks at
   * 17:31 and is refused by the process, with a notice to the unit and a timeline entry, its clock unchanged.
   */
  @Test
  void shouldReviewAnExtensionAskedForAtTheLimitAndRefuseOneAskedForAfterIt() {
    Date due = date("2026-10-15T17:30:00+08:00");
    ProcessInstance atLimit = receive(intake("complaint", "normal", "housing", "district-a"), BEFORE_NATIONAL_DAY);
    toHandling(atLimit);
    ProcessInstance late = receive(intake("complaint", "normal", "housing", "district-a"), BEFORE_NATIONAL_DAY);
    toHandling(late);
    assertThat(task(late, "Task_HandleAppeal").getDueDate()).isEqualTo(due);

    at(OffsetDateTime.parse("2026-10-15T17:30:00+08:00"));
    complete(atLimit, "Task_HandleAppeal", Map.of("handlingAction", "extension", "extensionWorkdays", 3,
        "extensionReason", "需联合勘查"));
    assertThat(atLimit).isWaitingAt("Task_ApproveExtension").hasNotPassed("Task_RefuseLateExtension");

    at(OffsetDateTime.parse("2026-10-15T17:31:00+08:00"));
    complete(late, "Task_HandleAppeal", Map.of("handlingAction", "extension", "extensionWorkdays", 3,
        "extensionReason", "需联合勘查"));

    String caseNumber = late.getBusinessKey();
    assertThat(late).hasPassed("Task_RefuseLateExtension").hasNotPassed("Task_ApproveExtension")
        .isWaitingAt("Task_HandleAppeal");
    assertThat(late).variables().containsEntry("extended", false).containsEntry("handlingDueAt", due);
    assertThat(task(late, "Task_HandleAppeal").getDueDate()).isEqualTo(due);
    assertThat(timer(late, "BoundaryEvent_HandlingOverdue").getDuedate()).isEqualTo(due);
    assertThat(templatesSentTo(caseNumber, "zhujian")).containsExactly("hotline.lateExtensionRefused");
    assertThat(jdbc.queryForObject("select body from notification where case_number = ? and recipient = 'zhujian' "
        + "and template_key = 'hotline.lateExtensionRefused' and channel = 'INBOX'", String.class, caseNumber))
        .isEqualTo("投诉诉求 " + caseNumber + " 的办理时限 2026-10-15 17:30 已过，延期须在办理时限前申请，本次延期申请不予受理，"
            + "请住建局立即办理并答复。");
    assertThat(timeline(caseNumber)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("延期申请超时，不予受理");
      assertThat(entry.outcome()).isEqualTo("已通知：unit-housing");
    });
    assertThat(appealRow(caseNumber)).containsEntry("EXTENDED", false);
  }

  @Test
  void shouldKeepTheClockWhenAnExtensionIsRefused() {
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"));
    toHandling(appeal);

    complete(appeal, "Task_HandleAppeal", Map.of("handlingAction", "extension", "extensionWorkdays", 5,
        "extensionReason", "人手不足"));
    complete(appeal, "Task_ApproveExtension", Map.of("extensionDecision", "refuse", "extensionNote", "理由不充分"));

    assertThat(appeal).isWaitingAt("Task_HandleAppeal").hasPassed("Gateway_ExtensionApproved")
        .hasNotPassed("Task_ExtendDeadline");
    assertThat(task(appeal, "Task_HandleAppeal").getDueDate()).isEqualTo(date("2026-11-11T17:30:00+08:00"));
    assertThat(timer(appeal, "BoundaryEvent_HandlingOverdue").getDuedate()).isEqualTo(date("2026-11-11T17:30:00+08:00"));
    assertThat(appealRow(appeal.getBusinessKey())).containsEntry("EXTENDED", false);
  }

  @Test
  void shouldKeepTheRequesterOfAnExtensionOffItsApproval() {
    // given a housing-bureau officer who also works in 12345 dispatch and asks for an extension
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"));
    toHandling(appeal);
    List<String> bothGroups = List.of("unit-housing", "hotline-dispatchers");
    identityService.setAuthentication("zhujian", bothGroups);
    String handling = task(appeal, "Task_HandleAppeal").getId();
    taskService.claim(handling, "zhujian");
    taskService.complete(handling, Map.of("handlingAction", "extension", "extensionWorkdays", 5,
        "extensionReason", "需住建、规划联合勘查"));
    identityService.clearAuthentication();
    Task approval = task(appeal, "Task_ApproveExtension");
    assertThat(runtimeService.getVariable(appeal.getId(), HotlineVariables.EXTENSION_REQUESTER)).isEqualTo("zhujian");

    // then they neither see, claim nor complete its approval (职责分离)
    identityService.setAuthentication("zhujian", bothGroups);
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ApproveExtension")
        .processInstanceId(appeal.getId()).count()).isZero();
    assertThatThrownBy(() -> taskService.claim(approval.getId(), "zhujian")).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.complete(approval.getId(), Map.of("extensionDecision", "approve",
        "approvedWorkdays", 5))).isInstanceOf(AuthorizationException.class);
    identityService.clearAuthentication();
    assertThatThrownBy(() -> taskService.setAssignee(approval.getId(), "zhujian"))
        .hasMessageContaining("职责分离：zhujian 是本事项的提出人").hasRootCauseInstanceOf(AuthorizationException.class);

    // while the dispatcher sees and decides it
    identityService.setAuthentication("paidan", List.of("hotline-dispatchers"));
    assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ApproveExtension")
        .processInstanceId(appeal.getId()).singleResult().getId()).isEqualTo(approval.getId());
    taskService.claim(approval.getId(), "paidan");
    taskService.complete(approval.getId(), Map.of("extensionDecision", "refuse", "extensionNote", "理由不充分"));
    identityService.clearAuthentication();
    assertThat(appeal).isWaitingAt("Task_HandleAppeal").hasNotPassed("Task_ExtendDeadline");
  }

  @Test
  void shouldSendAFailedReplyBackToTheUnitAsARehandle() {
    ProcessInstance appeal = receive(intake("help", "normal", "housing", "district-a"));
    toHandling(appeal);
    reply(appeal);
    at(OffsetDateTime.parse("2026-11-04T10:00:00+08:00"));

    complete(appeal, "Task_ReviewReply", Map.of("reviewResult", "fail", "reviewNote", "答复不完整"));

    assertThat(appeal).isWaitingAt("Task_HandleAppeal").hasPassed("Task_RehandleAfterReview")
        .variables().containsEntry("rehandles", 1);
    assertThat(task(appeal, "Task_HandleAppeal").getDueDate()).as("a fresh limit of 5 working days")
        .isEqualTo(date("2026-11-11T17:30:00+08:00"));
    assertThat(appealRow(appeal.getBusinessKey())).containsEntry("REHANDLES", 1);
    assertThat(caseFiles.get(appeal.getBusinessKey()).status()).isEqualTo("办理中");
  }

  @Test
  void shouldRehandleOnceWhenUnsatisfiedAndCloseWhenThenSatisfied() {
    ProcessInstance appeal = receive(intake("complaint", "normal", "market", "district-a"));
    toReturnVisit(appeal);

    visit(appeal, "unsatisfied", false);
    assertThat(appeal).isWaitingAt("Task_HandleAppeal").hasPassed("Task_RehandleAfterVisit")
        .variables().containsEntry("visitRehandled", true).containsEntry("rehandles", 1);
    reply(appeal);
    complete(appeal, "Task_ReviewReply", Map.of("reviewResult", "pass"));
    visit(appeal, "basically-satisfied", true);

    assertThat(appeal).isEnded();
    assertThat(caseFiles.get(appeal.getBusinessKey()).outcome()).isEqualTo("已办结，诉求人基本满意");
    assertThat(appealRow(appeal.getBusinessKey())).containsEntry("SATISFACTION", "basically-satisfied")
        .containsEntry("REHANDLES", 1).containsEntry("UNIT", "unit-market");
  }

  @Test
  void shouldTakeTheSecondUnsatisfiedEvaluationAsFinal() {
    ProcessInstance appeal = receive(intake("complaint", "normal", "market", "district-a"));
    toReturnVisit(appeal);
    visit(appeal, "unsatisfied", false);
    reply(appeal);
    complete(appeal, "Task_ReviewReply", Map.of("reviewResult", "pass"));

    visit(appeal, "unsatisfied", false);

    assertThat(appeal).isEnded();
    assertThat(passedTimes(appeal, "Task_RehandleAfterVisit")).isOne();
    assertThat(caseFiles.get(appeal.getBusinessKey()).outcome()).isEqualTo("已重办一次，诉求人仍不满意，以第二次评价为准办结");
    assertThat(appealRow(appeal.getBusinessKey())).containsEntry("SATISFACTION", "unsatisfied")
        .containsEntry("RESOLVED", false).containsEntry("REHANDLES", 1);
  }

  @Test
  void shouldCloseAsUnreachableAfterThreeFailedAttempts() {
    ProcessInstance appeal = receive(intake("help", "normal", "housing", "district-a"));
    toReturnVisit(appeal);

    visit(appeal, "unreachable", false);
    assertThat(appeal).isWaitingAt("Task_ReturnVisit").variables().containsEntry("contactAttempts", 1);
    visit(appeal, "unreachable", false);
    visit(appeal, "unreachable", false);

    assertThat(appeal).isEnded();
    assertThat(passedTimes(appeal, "Task_ReturnVisit")).isEqualTo(3);
    assertThat(caseFiles.get(appeal.getBusinessKey()).outcome()).isEqualTo("回访三次未能联系诉求人，按无法联系办结");
    assertThat(appealRow(appeal.getBusinessKey())).containsEntry("SATISFACTION", "unreachable")
        .as("resolved as the unit replied").containsEntry("RESOLVED", true);
    assertThat(actions(appeal.getBusinessKey())).filteredOn("记录联系失败"::equals).hasSize(3);
  }

  // ------------------------------------------------------------------------------------------ monthly reports

  /**
   * A month of appeals with known outcomes, carried through the real process in March 2025 (a month no other test's 12345 rows touch), and the unit assessment
   * compiled for it (PROCESSES.md D.12, docs/reporting.md): 住建局 H1 signed, replied in time, satisfied; H2 signed
   * late, unsatisfied twice (rehandled once); H3 returned in time, the return refused (so not signed in time, but not
   * listed as a late sign-for either), citizen unreachable; 市场监管局 M1
   * replied after its limit, basically satisfied.
   */
  @Test
  void shouldAssessTheMonthsUnitsFromAppealsWithKnownOutcomes() {
    OffsetDateTime monday = OffsetDateTime.parse("2025-03-10T09:00:00+08:00");
    ProcessInstance h1 = receive(intake("help", "normal", "housing", "district-a"), monday);
    toReturnVisit(h1);
    visit(h1, "satisfied", true);

    ProcessInstance h2 = receive(intake("help", "normal", "housing", "district-a"), monday.plusHours(1));
    dispatch(h2);
    at(monday.plusHours(27));
    sign(h2);
    complete(h2, "Task_FirstContact", Map.of("contactRecord", "已电话联系"));
    reply(h2);
    complete(h2, "Task_ReviewReply", Map.of("reviewResult", "pass"));
    visit(h2, "unsatisfied", false);
    reply(h2);
    complete(h2, "Task_ReviewReply", Map.of("reviewResult", "pass"));
    visit(h2, "unsatisfied", false);

    ProcessInstance h3 = receive(intake("help", "normal", "housing", "district-a"), monday.plusDays(1));
    dispatch(h3);
    complete(h3, "Task_SignFor", Map.of("signResult", "return", "returnReason", "不属本单位"));
    complete(h3, "Task_ReviewReturn", Map.of("returnDecision", "refuse", "returnReviewNote", "属住房问题"));
    complete(h3, "Task_FirstContact", Map.of("contactRecord", "已电话联系"));
    reply(h3);
    complete(h3, "Task_ReviewReply", Map.of("reviewResult", "pass"));
    for (int attempt = 0; attempt < 3; attempt++) {
      visit(h3, "unreachable", false);
    }

    ProcessInstance m1 = receive(intake("complaint", "normal", "market", "district-a"), monday.plusDays(1));
    toHandling(m1);
    at(OffsetDateTime.parse("2025-03-24T10:00:00+08:00"));  // the 7 working days ended 03-20 17:30
    reply(m1);
    complete(m1, "Task_ReviewReply", Map.of("reviewResult", "pass"));
    visit(m1, "basically-satisfied", true);
    assertThat(List.of(h1, h2, h3, m1)).allSatisfy(appeal -> assertThat(appeal).isEnded());

    at(OffsetDateTime.parse("2025-04-03T09:00:00+08:00"));
    ReportFigures assessment = reports.compile(ReportType.UNIT_ASSESSMENT, YearMonth.of(2025, 3));
    // rank, unit, name, received, response rate, closed, resolution, satisfaction, on-time close, returns, late
    // returns, refused returns, return rate, rehandle rate, extension rate, supervisions
    assertThat(rows(assessment, "units")).containsExactly(
        List.of(1, "unit-housing", "住建局", 3L, 1.0 / 3, 3L, 2.0 / 3, 0.5, 1.0, 1L, 0L, 1L, 1.0 / 3, 1.0 / 3, 0.0, 0L),
        List.of(2, "unit-market", "市场监管局", 1L, 1.0, 1L, 1.0, 1.0, 0.0, 0L, 0L, 0L, 0.0, 0.0, 0.0, 0L));
    assertThat(rows(assessment, "lateSteps")).extracting(row -> row.get(0) + " " + row.get(2) + " " + row.get(3))
        .containsExactly("unit-housing " + h2.getBusinessKey() + " 签收超时", "unit-market " + m1.getBusinessKey() + " 办结超时");
  }

  // ------------------------------------------------------------------------------------------ timers

  @Test
  void shouldSuperviseAnAppealNotSignedForWithin24Hours() {
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"));
    String caseNumber = appeal.getBusinessKey();
    dispatch(appeal);

    fireTimer(appeal, "BoundaryEvent_SignForOverdue", RECEIVED.plusHours(24));

    // a notice and a 督办 task of its own for the supervisors, due 1 working day after it opened (Tue 09:01 → Wed)
    assertThat(appeal).isWaitingAt("Task_SignFor", "Task_SuperviseSigning").hasPassed("Task_SuperviseSignFor");
    assertThat(templatesSentTo(caseNumber, "duban")).containsExactly("hotline.signForOverdue");
    assertThat(templatesSentTo(caseNumber, "zhujian")).containsExactly("hotline.signForOverdue");
    Task supervise = task(appeal, "Task_SuperviseSigning");
    assertThat(candidateGroups(supervise)).containsExactly("hotline-supervisors");
    Date supervisionDue = date("2026-11-04T17:30:00+08:00");
    assertThat(supervise.getDueDate()).isEqualTo(supervisionDue);
    assertThat(timer(appeal, "BoundaryEvent_SuperviseSigningOverdue").getDuedate()).isEqualTo(supervisionDue);
    sign(appeal);
    assertThat(appeal).isWaitingAt("Task_FirstContact", "Task_SuperviseSigning");
    complete(appeal, "Task_SuperviseSigning", Map.of("supervisionNote", "已电话督促住建局签收"));
    assertThat(appeal).hasPassed("EndEvent_SignForSupervised").isWaitingAt("Task_FirstContact");
    assertThat(timeline(caseNumber)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("签收督办");
      assertThat(entry.outcome()).contains("已电话督促住建局签收");
    });
    assertThat(dispatchRows(caseNumber)).singleElement()
        .satisfies(row -> assertThat(row).containsEntry("SIGNED_IN_TIME", false));
  }

  /**
   * Issue 12 item 5 (PROCESSES.md D.5, D.8; 000:277–282): the 24 h initial review (sign-for) and the 7 working days'
   * resolution count from receipt ("接到用户申诉后"), the return window from the dispatch. Received on the Wednesday
   * before National Day, dispatched only after the holidays: sign-for was due 24 h after receipt (and its timer is due
   * at once); the 7 working days run from receipt: Oct 8, 9, 10 (make-up Saturday), 12, 13, 14, 15 — not from the
   * dispatch (which would give Oct 16); the return window's 2 working days from the dispatch: Oct 9, 10.
   */
  @Test
  void shouldCountTheSignForAndHandlingLimitsFromReceiptAndTheReturnWindowFromDispatch() {
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"), BEFORE_NATIONAL_DAY);
    String caseNumber = appeal.getBusinessKey();
    at(OffsetDateTime.parse("2026-10-08T09:00:00+08:00"));

    dispatch(appeal);

    Date signDue = date("2026-10-01T10:00:00+08:00");
    assertThat(task(appeal, "Task_SignFor").getDueDate()).as("24 h from receipt, not from dispatch").isEqualTo(signDue);
    assertThat(timer(appeal, "BoundaryEvent_SignForOverdue").getDuedate()).isEqualTo(signDue);
    assertThat(dueTimers(appeal, "BoundaryEvent_SignForOverdue")).as("already due at dispatch").isOne();
    assertThat(jdbc.queryForObject("select sign_due_at from hotline_dispatch where case_number = ?",
        OffsetDateTime.class, caseNumber).toInstant()).isEqualTo(signDue.toInstant());
    assertThat(appeal).variables().containsEntry("returnDueAt", date("2026-10-10T17:30:00+08:00"))
        .containsEntry("handlingDueAt", date("2026-10-15T17:30:00+08:00"))
        .containsEntry("handlingWarningAt", date("2026-10-14T17:30:00+08:00"));
    assertThat(handlingDeadline(caseNumber).dueAt().toInstant())
        .isEqualTo(date("2026-10-15T17:30:00+08:00").toInstant());
  }

  @Test
  void shouldWarnTheUnitAndDispatchersOfAMissedFirstContact() {
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"));
    dispatch(appeal);
    sign(appeal);

    fireTimer(appeal, "BoundaryEvent_FirstContactOverdue", OffsetDateTime.parse("2026-11-05T17:30:00+08:00"));

    assertThat(appeal).isWaitingAt("Task_FirstContact").hasPassed("EndEvent_FirstContactWarned");
    assertThat(templatesSentTo(appeal.getBusinessKey(), "zhujian")).containsExactly("hotline.firstContactOverdue");
    assertThat(templatesSentTo(appeal.getBusinessKey(), "paidan")).containsExactly("hotline.firstContactOverdue");
  }

  @Test
  void shouldWarnOneWorkingDayBeforeAndSuperviseAtTheHandlingLimit() {
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"));
    String caseNumber = appeal.getBusinessKey();
    toHandling(appeal);

    fireTimer(appeal, "BoundaryEvent_HandlingWarning", OffsetDateTime.parse("2026-11-10T17:30:00+08:00"));
    assertThat(templatesSentTo(caseNumber, "zhujian")).containsExactly("hotline.handlingWarning");
    assertThat(caseFiles.get(caseNumber).flaggedForReview()).isFalse();
    assertThat(appeal).variables().doesNotContainKey(CaseFlags.SUPERVISED);

    fireTimer(appeal, "BoundaryEvent_HandlingOverdue", OffsetDateTime.parse("2026-11-11T17:30:00+08:00"));
    Task supervise = task(appeal, "Task_SuperviseHandling");
    assertThat(candidateGroups(supervise)).containsExactly("hotline-supervisors");
    assertThat(templatesSentTo(caseNumber, "zhujian")).contains("hotline.supervised");
    assertThat(templatesSentTo(caseNumber, "duban")).containsExactly("hotline.supervised");
    assertThat(caseFiles.get(caseNumber).flaggedForReview()).isTrue();
    assertThat(appealRow(caseNumber)).containsEntry("SUPERVISIONS", 1);
    assertThat(appeal).variables().containsEntry(CaseFlags.SUPERVISED, true); // the 督办中 filter shows its tasks
    assertThat(appeal).isWaitingAt("Task_HandleAppeal", "Task_SuperviseHandling");

    complete(appeal, "Task_SuperviseHandling", Map.of("supervisionNote", "已电话督促住建局"));
    reply(appeal);
    assertThat(appeal).hasPassed("EndEvent_HandlingWarned", "EndEvent_HandlingSupervised");
    assertThat(appealRow(caseNumber)).containsEntry("REPLIED_ON_TIME", false);
  }

  /**
   * Issue 12 item 5 (PROCESSES.md D.8): the red-light notice "to the unit's lead" goes to the lead, a role within the
   * unit (group unit-housing-lead, demo lead zhujian), not to every member; the yellow warning still goes to the whole
   * unit. A unit without a lead (市场监管局) gets it as a unit, and the timeline says why.
   */
  @Test
  void shouldSendTheSupervisionNoticeToTheUnitsLeadAndToTheWholeUnitOnlyWithoutOne() {
    identityService.saveUser(identityService.newUser("zhujian2"));
    identityService.createMembership("zhujian2", "unit-housing");
    try {
      ProcessInstance housing = receive(intake("complaint", "normal", "housing", "district-a"));
      toHandling(housing);
      ProcessInstance market = receive(intake("complaint", "normal", "market", "district-a"));
      toHandling(market);
      OffsetDateTime limit = OffsetDateTime.parse("2026-11-11T17:30:00+08:00");

      fireTimer(housing, "BoundaryEvent_HandlingWarning", limit.minusDays(1));
      fireTimer(housing, "BoundaryEvent_HandlingOverdue", limit);
      fireTimer(market, "BoundaryEvent_HandlingOverdue", limit);

      assertThat(templatesSentTo(housing.getBusinessKey(), "zhujian"))
          .containsExactly("hotline.handlingWarning", "hotline.supervised");
      assertThat(templatesSentTo(housing.getBusinessKey(), "zhujian2")).as("a member, not the lead")
          .containsExactly("hotline.handlingWarning");
      assertThat(templatesSentTo(housing.getBusinessKey(), "duban")).containsExactly("hotline.supervised");
      assertThat(timeline(housing.getBusinessKey())).anySatisfy(entry -> {
        assertThat(entry.activityId()).isEqualTo("Task_NotifySupervision");
        assertThat(entry.outcome()).isEqualTo("已通知：hotline-supervisors、zhujian（单位负责人）");
      });

      assertThat(templatesSentTo(market.getBusinessKey(), "shichang")).containsExactly("hotline.supervised");
      assertThat(timeline(market.getBusinessKey())).anySatisfy(entry -> {
        assertThat(entry.activityId()).isEqualTo("Task_NotifySupervision");
        assertThat(entry.outcome()).isEqualTo("已通知：hotline-supervisors、unit-market"
            + "（unit-market 未设负责人（组 unit-market-lead 无成员），改为通知全单位）");
      });
    } finally {
      identityService.deleteUser("zhujian2");
    }
  }

  @Test
  void shouldGiveAnUrgentAppeal2HoursToSignAnd24HoursToHandle() {
    ProcessInstance appeal = receive(intake("help", "urgent", "housing", "district-a"));
    String caseNumber = appeal.getBusinessKey();
    assertThat(bodyOf(caseNumber, "hotline.acknowledged")).contains("办理时限 24 小时");
    dispatch(appeal);
    assertThat(task(appeal, "Task_SignFor").getDueDate()).isEqualTo(date(RECEIVED.plusHours(2)));
    assertThat(task(appeal, "Task_SignFor").getPriority()).as("urgent appeals are served first").isEqualTo(80);
    assertThat(task(appeal, "Task_SignFor").getDescription()).as("the card says why")
        .startsWith(caseNumber + " · 诉求人：王五\n优先处理：紧急\n\n");
    assertThat(caseFiles.readable(caseNumber).servedFirst()).isEqualTo("紧急");

    fireTimer(appeal, "BoundaryEvent_SignForOverdue", RECEIVED.plusHours(2));
    sign(appeal);
    complete(appeal, "Task_FirstContact", Map.of("contactRecord", "已联系"));

    Task handle = task(appeal, "Task_HandleAppeal");
    assertThat(handle.getDueDate()).isEqualTo(date(RECEIVED.plusHours(24)));
    assertThat(handle.getFollowUpDate()).isEqualTo(date(RECEIVED.plusHours(20)));
    fireTimer(appeal, "BoundaryEvent_HandlingWarning", RECEIVED.plusHours(20));
    fireTimer(appeal, "BoundaryEvent_HandlingOverdue", RECEIVED.plusHours(24));
    assertThat(appeal).isWaitingAt("Task_HandleAppeal", "Task_SuperviseHandling");
  }

  @Test
  void shouldRemindTheOperatorsOfAnOverdueReturnVisit() {
    ProcessInstance appeal = receive(intake("help", "normal", "housing", "district-a"));
    toHandling(appeal);
    at(OffsetDateTime.parse("2026-11-06T16:00:00+08:00"));  // a Friday
    reply(appeal);
    complete(appeal, "Task_ReviewReply", Map.of("reviewResult", "pass"));

    fireTimer(appeal, "BoundaryEvent_ReturnVisitOverdue", OffsetDateTime.parse("2026-11-09T17:30:00+08:00"));

    assertThat(appeal).isWaitingAt("Task_ReturnVisit").hasPassed("EndEvent_ReturnVisitWarned");
    assertThat(templatesSentTo(appeal.getBusinessKey(), "huawu")).contains("hotline.returnVisitOverdue");
    assertThat(templatesSentTo(appeal.getBusinessKey(), "paidan")).contains("hotline.returnVisitOverdue");
  }

  // ------------------------------------------------------------------------------------------ deadlines

  @Test
  void shouldDueAComplaintDispatchedBeforeTheNationalDayHolidaysOnOctober15() {
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"),
        OffsetDateTime.parse("2026-09-30T10:00:00+08:00"));
    dispatch(appeal);
    sign(appeal);
    complete(appeal, "Task_FirstContact", Map.of("contactRecord", "已联系"));

    // 7 working days from the next working day: Oct 8, 9, 10 (make-up Saturday), 12, 13, 14, 15
    Date due = date("2026-10-15T17:30:00+08:00");
    Date warning = date("2026-10-14T17:30:00+08:00");
    Task handle = task(appeal, "Task_HandleAppeal");
    assertThat(handle.getDueDate()).isEqualTo(due);
    assertThat(handle.getFollowUpDate()).isEqualTo(warning);
    assertThat(timer(appeal, "BoundaryEvent_HandlingOverdue").getDuedate()).isEqualTo(due);
    assertThat(timer(appeal, "BoundaryEvent_HandlingWarning").getDuedate()).isEqualTo(warning);
    assertThat(caseFiles.get(appeal.getBusinessKey()).deadlines()).filteredOn(d -> d.kind().equals("HANDLING"))
        .singleElement().satisfies(d -> assertThat(d.dueAt().toInstant()).isEqualTo(due.toInstant()));
  }

  // ------------------------------------------------------------------------------------------ confidentiality

  @Test
  void shouldKeepAReportersNameAndPhoneFromTheHandlingUnit() {
    Map<String, Object> intake = intake("report", "normal", "market", "district-a");
    intake.put("confidential", true);
    ProcessInstance appeal = receive(intake);
    String caseNumber = appeal.getBusinessKey();
    assertThat(task(appeal, "Task_TriageAppeal").getDescription()).as("the centre's card")
        .startsWith(caseNumber + " · 诉求人：王五");
    dispatch(appeal);
    Task signFor = task(appeal, "Task_SignFor");
    assertThat(signFor.getDescription()).as("the unit's card").startsWith(caseNumber + " · 诉求人：（保密）")
        .doesNotContain("王五", PHONE);

    identityService.setAuthentication("shichang", List.of("unit-market"));
    Map<String, Object> visibleToUnit = taskService.getVariables(signFor.getId());
    identityService.clearAuthentication();
    assertThat(visibleToUnit).containsKey("content").doesNotContainKeys("citizenName", "citizenPhone");
    assertThat(visibleToUnit.values()).doesNotContain("王五", PHONE);

    ResponseEntity<String> restAnswer = rest.withBasicAuth("shichang", "demo")
        .getForEntity("/engine-rest/task/" + signFor.getId() + "/variables", String.class);
    assertThat(restAnswer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(restAnswer.getBody()).contains("caseNumber").doesNotContain("citizenName", "citizenPhone", "王五", PHONE);

    CaseView file = caseFiles.get(caseNumber);
    assertThat(file.customerName()).isEqualTo("王五");
    assertThat(file.customerPhone()).isEqualTo(PHONE);
    assertThat(templatesSentTo(caseNumber, PHONE)).containsExactly("hotline.acknowledged");
  }

  @Test
  void shouldMaskTheReporterOnTheCardOnceTheTaskIsAssignedOutsideTheCentre() {
    Map<String, Object> intake = intake("report", "normal", "market", "district-a");
    intake.put("confidential", true);
    ProcessInstance appeal = receive(intake);
    Task triage = task(appeal, "Task_TriageAppeal");
    assertThat(triage.getDescription()).startsWith(appeal.getBusinessKey() + " · 诉求人：王五");

    taskService.setAssignee(triage.getId(), "shichang");

    String description = task(appeal, "Task_TriageAppeal").getDescription();
    assertThat(description).startsWith(appeal.getBusinessKey() + " · 诉求人：（保密）\n\n").doesNotContain("王五");
    assertThat(description.split("\n\n", -1)).as("one case line, then the model's documentation").hasSize(2);
  }

  @Test
  void shouldTakeAConfidentialIdentityGivenAsTransientVariablesIntoTheCaseFileOnly() {
    Map<String, Object> intake = intake("help", "normal", "housing", "district-a");
    intake.put("confidential", true);
    intake.put("citizenName", Variables.stringValue("王五", true));
    intake.put("citizenPhone", Variables.stringValue(PHONE, true));

    ProcessInstance appeal = receive(intake);

    CaseView file = caseFiles.get(appeal.getBusinessKey());
    assertThat(file.customerName()).isEqualTo("王五");
    assertThat(file.customerPhone()).isEqualTo(PHONE);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(appeal.getId())
        .variableNameIn("citizenName", "citizenPhone").count()).as("never written, not even to history").isZero();
    assertThat(templatesSentTo(appeal.getBusinessKey(), PHONE)).containsExactly("hotline.acknowledged");
  }

  @Test
  void shouldLetTheUnitReadTheContactOfACitizenWhoDidNotAskForConfidentiality() {
    ProcessInstance appeal = receive(intake("help", "normal", "market", "district-a"));
    dispatch(appeal);
    Task signFor = task(appeal, "Task_SignFor");
    assertThat(signFor.getDescription()).startsWith(appeal.getBusinessKey() + " · 诉求人：王五");

    identityService.setAuthentication("shichang", List.of("unit-market"));
    Map<String, Object> visibleToUnit = taskService.getVariables(signFor.getId());

    assertThat(visibleToUnit).containsEntry("citizenName", "王五").containsEntry("citizenPhone", PHONE);
  }

  @Test
  void shouldAnswerTheTasklistStartWithTheAppealNumberAndLabelTheCodesOfTheSummary() {
    at(RECEIVED);
    ProcessInstance appeal = submitStartFormAs("huawu", HotlineVariables.PROCESS_KEY,
        intake("complaint", "urgent", "housing", "district-a"));

    assertThat(appeal.getBusinessKey()).startsWith("RX" + RECEIVED.format(DateTimeFormatter.ofPattern("yyMMdd")));
    Task triage = task(appeal, "Task_TriageAppeal");
    assertThat(triage.getDescription()).startsWith(appeal.getBusinessKey() + " · 诉求人：王五");
    assertThat(taskService.getVariablesLocal(triage.getId()))
        .containsEntry("appealTypeLabel", "投诉").containsEntry("urgencyLabel", "紧急")
        .containsEntry("categoryLabel", "住房").containsEntry("areaLabel", "示例区");
  }

  // ------------------------------------------------------------------------------------------ co-handling (会办)

  /**
   * 会办 (D.13): 住建局 leads, 市场监管局 and 街道 assist. 市场监管局 signs in time, is warned before its reply limit and
   * replies; 街道 never signs, is supervised at its sign-for limit and is ended at its reply limit with the reason. The
   * lead's first reply waits for both parts, goes to review with their text; the reply after re-handling does not wait.
   */
  @Test
  void shouldWaitForTheAssistingUnitsOrTheirReasonBeforeTheLeadsReplyIsReviewed() {
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"));
    String caseNumber = appeal.getBusinessKey();
    complete(appeal, "Task_TriageAppeal", Map.of("triageResult", "dispatch",
        "assistingUnits", SpinValues.jsonValue("[\"unit-market\", \"unit-street-a\"]").create()));
    assertThat(runtimeService.getVariable(appeal.getId(), "assistingUnits"))
        .isEqualTo(List.of("unit-market", "unit-street-a"));
    assertThat(assistParts(appeal)).as("assisting starts when the lead signs").isEmpty();

    at(RECEIVED.plusHours(1));
    sign(appeal);
    ProcessInstance market = assistPart(appeal, "unit-market");
    ProcessInstance street = assistPart(appeal, "unit-street-a");
    assertThat(market.getBusinessKey()).isEqualTo(caseNumber);
    Task marketSign = task(market, "Task_AssistSignFor");
    assertThat(candidateGroups(marketSign)).containsExactly("unit-market");
    assertThat(marketSign.getDueDate()).as("the lead's sign-for rule: 24 h").isEqualTo(date(RECEIVED.plusHours(25)));
    assertThat(templatesSentTo(caseNumber, "shichang")).containsExactly("hotline.assistRequested");
    assertThat(templatesSentTo(caseNumber, "jiedao")).containsExactly("hotline.assistRequested");
    assertThat(bodyOf(caseNumber, "hotline.assistRequested", "shichang")).isEqualTo("投诉诉求 " + caseNumber
        + "（一般）由住建局主办，请市场监管局协办：于 2026-11-03 10:00 前签收，2026-11-10 17:30 前向主办单位答复。");

    at(RECEIVED.plusHours(6));
    complete(market, "Task_AssistSignFor", Map.of("assistSignNote", "属本局食品安全部分"));
    assertThat(templatesSentTo(caseNumber, "zhujian")).contains("hotline.assistSigned");
    Task marketReply = task(market, "Task_AssistReply");
    assertThat(marketReply.getDueDate()).as("the lead's warning instant").isEqualTo(date("2026-11-10T17:30:00+08:00"));
    assertThat(marketReply.getFollowUpDate()).isEqualTo(date("2026-11-09T17:30:00+08:00"));

    fireDeadline(street, "Task_AssistSignFor", "BoundaryEvent_AssistSignForOverdue", RECEIVED.plusHours(25),
        "hotline.assistSignForOverdue", "duban");
    assertThat(templatesSentTo(caseNumber, "jiedao")).contains("hotline.assistSignForOverdue");
    assertThat(templatesSentTo(caseNumber, "zhujian")).contains("hotline.assistSignForOverdue");

    complete(appeal, "Task_FirstContact", Map.of("contactRecord", "已电话联系"));
    Task handle = task(appeal, "Task_HandleAppeal");
    assertThat((String) taskService.getVariable(handle.getId(), "assistReplies"))
        .isEqualTo("**市场监管局**：已签收，待答复（答复时限 2026-11-10 17:30）\n\n"
            + "**街道(示例)**：待签收（签收时限 2026-11-03 10:00，答复时限 2026-11-10 17:30）");

    fireDeadline(market, "Task_AssistReply", "BoundaryEvent_AssistReplyWarning",
        OffsetDateTime.parse("2026-11-09T17:30:00+08:00"), "hotline.assistReplyWarning", "shichang");
    at(OffsetDateTime.parse("2026-11-10T09:00:00+08:00"));
    complete(market, "Task_AssistReply", Map.of("assistReply", "已查封过期食品，罚款 5000 元"));
    assertThat(market).isEnded();
    assertThat(templatesSentTo(caseNumber, "zhujian")).contains("hotline.assistReplied");

    at(OffsetDateTime.parse("2026-11-10T10:00:00+08:00"));
    reply(appeal);
    assertThat(taskService.createTaskQuery().processInstanceId(appeal.getId()).taskDefinitionKey("Task_ReviewReply")
        .count()).as("the lead's reply waits for 街道").isZero();
    assertThat(appealRow(caseNumber)).containsEntry("REPLIED_ON_TIME", true);

    fireTimer(street, "BoundaryEvent_AssistOverdue", OffsetDateTime.parse("2026-11-10T17:30:00+08:00"));
    assertThat(street).isEnded();
    assertThat(templatesSentTo(caseNumber, "zhujian")).contains("hotline.assistTimedOut");
    assertThat(templatesSentTo(caseNumber, "duban")).contains("hotline.assistTimedOut");
    assertThat(bodyOf(caseNumber, "hotline.assistTimedOut", "zhujian")).contains("街道(示例)", "逾期未签收，未答复");
    Task review = task(appeal, "Task_ReviewReply");
    assertThat((String) taskService.getVariable(review.getId(), "assistReplies"))
        .isEqualTo("**市场监管局**：已于 2026-11-10 09:00 答复：已查封过期食品，罚款 5000 元\n\n"
            + "**街道(示例)**：未答复（逾期未签收，未答复）");
    assertThat(actions(caseNumber)).containsSubsequence("协办签收", "协办答复", "协办超时", "汇总协办答复");
    assertThat(timeline(caseNumber)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo("协办超时");
      assertThat(entry.outcome()).isEqualTo("街道(示例)：逾期未签收，未答复，主办单位不再等待");
    });
    assertThat(assistRows(caseNumber)).extracting(r -> r.get("UNIT"), r -> r.get("SIGNED_IN_TIME"),
        r -> r.get("REPLIED_IN_TIME"), r -> r.get("TIMED_OUT"), r -> r.get("TIMEOUT_REASON"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("unit-market", true, true, false, null),
            org.assertj.core.groups.Tuple.tuple("unit-street-a", false, false, true, "逾期未签收，未答复"));

    complete(appeal, "Task_ReviewReply", Map.of("reviewResult", "fail", "reviewNote", "请补充整改措施"));
    reply(appeal);
    task(appeal, "Task_ReviewReply");
    assertThat(passedTimes(appeal, "Task_CollectAssistReplies")).as("a re-handled reply does not wait again").isOne();
    assertThat(passedTimes(appeal, "Gateway_AssistWaited")).isEqualTo(2);
    complete(appeal, "Task_ReviewReply", Map.of("reviewResult", "pass"));
    visit(appeal, "satisfied", true);
    assertThat(appeal).isEnded();
  }

  @Test
  void shouldRefuseTheLeadUnitAsAnAssistingUnitAndChangeNothing() throws Exception {
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"));
    Task triage = task(appeal, "Task_TriageAppeal");
    ObjectNode body = new ObjectMapper().createObjectNode();
    ObjectNode variables = body.putObject("variables");
    variables.putObject("triageResult").put("type", "String").put("value", "dispatch");
    variables.putObject("assistingUnits").put("type", "Json").put("value", "[\"unit-market\", \"unit-housing\"]");

    ResponseEntity<String> answer = new EngineRest(rest).post("huawu", "/engine-rest/task/" + triage.getId()
        + "/submit-form", body);

    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(new ObjectMapper().readTree(answer.getBody()).path("message").asText())
        .endsWith("assistingUnits: 协办单位不能是主办单位（住建局）；主办单位由派单确定，请从协办单位中去掉它");
    assertThat(task(appeal, "Task_TriageAppeal").getId()).isEqualTo(triage.getId());
    assertThat(dispatchRows(appeal.getBusinessKey())).isEmpty();
    assertThat(runtimeService.getVariable(appeal.getId(), "triageResult")).isNull();
  }

  // ------------------------------------------------------------------------------------------ default deadlines

  /** The Wednesday before the National Day holidays (Oct 1–7; Saturday Oct 10 is a make-up workday): wd 1 is Oct 8. */
  static final OffsetDateTime BEFORE_NATIONAL_DAY = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");

  /** Tasks whose limit the sources do not give: the default of the time-limit table, counted from the task's start. */
  @ParameterizedTest(name = "{0}: due {1}, follow-up {4}")
  @CsvSource({
      // task, due, overdue notice, a member of a group it goes to, follow-up, warning notice, a member warned
      "Task_TriageAppeal, 2026-10-08T17:30+08:00, hotline.triageOverdue, paidan, , , ",
      "Task_ReviewReturn, 2026-10-08T17:30+08:00, hotline.returnReviewOverdue, duban, , , ",
      "Task_ReviewReply, 2026-10-08T17:30+08:00, hotline.replyReviewOverdue, duban, , , ",
      "Task_SuperviseHandling, 2026-10-08T17:30+08:00, hotline.supervisionOverdue, paidan, , , ",
      "Task_SuperviseSigning, 2026-10-08T17:30+08:00, hotline.signSupervisionOverdue, paidan, , , "})
  void shouldDueATaskWithoutSourceLimitByTheDefaultAndEscalateItWithoutTakingItAway(String taskKey, OffsetDateTime due,
      String overdueTemplate, String overdueRecipient, OffsetDateTime followUp, String warningTemplate,
      String warningRecipient) {
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"), BEFORE_NATIONAL_DAY);
    moveTo(appeal, taskKey);

    Task task = task(appeal, taskKey);
    assertThat(task.getDueDate()).isEqualTo(date(due));
    assertThat(task.getFollowUpDate()).isEqualTo(followUp == null ? null : date(followUp));
    String timers = taskKey.replace("Task_", "BoundaryEvent_");
    if (followUp != null) {
      fireDeadline(appeal, taskKey, timers + "Warning", followUp, warningTemplate, warningRecipient);
    }
    fireDeadline(appeal, taskKey, timers + "Overdue", due, overdueTemplate, overdueRecipient);
    assertThat(appeal).isWaitingAt(taskKey);
  }

  // ------------------------------------------------------------------------------------------ steps

  // ------------------------------------------------------------------------------------------ 并单

  @Test
  void shouldOfferTheOpenAppealAsDuplicateMergeTheRepeatCallAndLetTheSupervisorSplitItOff() throws Exception {
    // given: an appeal about rubbish in a stairwell, with its handling unit
    ProcessInstance appeal = receive(intake("complaint", "normal", "housing", "district-a"));
    String caseNumber = appeal.getBusinessKey();
    toHandling(appeal);
    long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("hotline12345").count();

    // when: the citizen calls again; the operator looks for duplicates and merges the call
    ResponseEntity<String> offered = rest.withBasicAuth("huawu", "demo").getForEntity(
        "/api/cases/duplicates?type=hotline12345&phone=" + PHONE + "&subject={s}", String.class,
        "楼道里的杂物还是没人清理");
    ResponseEntity<String> merged = rest.withBasicAuth("huawu", "demo").postForEntity(
        "/api/cases/" + caseNumber + "/contacts", Map.of("callerName", "王五", "callerPhone", PHONE,
            "text", "楼道杂物仍未清理，再次反映", "channel", "12345", "reason", "同一诉求再次来电"), String.class);

    // then: the open appeal is offered; merging starts nothing and answers with its number and handling limit
    assertThat(offered.getStatusCode()).as(offered.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode candidate = null;
    for (JsonNode node : JSON.readTree(offered.getBody())) {
      if (node.path("caseNumber").asText().equals(caseNumber)) {
        candidate = node;
      }
    }
    assertThat(candidate).as("the open appeal is offered").isNotNull();
    assertThat(candidate.path("matchedOn").toString()).isEqualTo("[\"phone\"]");
    assertThat(candidate.path("similarity").asDouble()).isGreaterThanOrEqualTo(0.15);
    assertThat(merged.getStatusCode()).as(merged.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = JSON.readTree(merged.getBody());
    assertThat(answer.path("caseNumber").asText()).isEqualTo(caseNumber);
    CaseView.Deadline handling = caseFiles.get(caseNumber).deadlines().stream()
        .filter(d -> d.kind().equals("HANDLING")).findFirst().orElseThrow();
    assertThat(answer.path("deadline").path("kind").asText()).isEqualTo("HANDLING");
    assertThat(OffsetDateTime.parse(answer.path("deadline").path("dueAt").asText())).isEqualTo(handling.dueAt());
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("hotline12345").count())
        .isEqualTo(instancesBefore);
    assertThat(appeal).hasPassedInOrder("StartEvent_RepeatContactReceived", "Task_RecordRepeatContact",
        "EndEvent_RepeatContactRecorded");
    assertThat(appeal).isWaitingAt("Task_HandleAppeal");
    long contactId = answer.path("contactId").asLong();
    assertThat(timeline(caseNumber)).filteredOn(e -> e.action().equals("重复来电（并单）")).singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("第 1 次重复来电（来电记录 #" + contactId
            + "，渠道 12345）：楼道杂物仍未清理，再次反映；并单原因：同一诉求再次来电"));

    // when: the operator may not split; 12345 督办 does
    String split = "/api/cases/" + caseNumber + "/contacts/" + contactId + "/split";
    Map<String, Object> why = Map.of("reason", "是另一栋楼的问题");
    ResponseEntity<String> refused = rest.withBasicAuth("huawu", "demo").postForEntity(split, why, String.class);
    ResponseEntity<String> done = rest.withBasicAuth("duban", "demo").postForEntity(split, why, String.class);

    // then: a new appeal of the same type and area, taken in as duban, noted on both timelines
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.CREATED);
    String newCase = JSON.readTree(done.getBody()).path("newCaseNumber").asText();
    CaseView file = caseFiles.get(newCase);
    assertThat(file.ownerUser()).isEqualTo("duban");
    assertThat(runtimeService.getVariable(file.processInstanceId(), "appealType")).isEqualTo("complaint");
    assertThat(runtimeService.getVariable(file.processInstanceId(), "content")).isEqualTo("楼道杂物仍未清理，再次反映");
    assertThat(actions(caseNumber)).containsSubsequence("重复来电（并单）", "拆单");
    assertThat(timeline(newCase)).extracting(TimelineEntryView::action).containsSubsequence("受理", "拆单");
  }

  static Map<String, Object> intake(String type, String urgency, String category, String area) {
    Map<String, Object> variables = Intakes.hotlineAppeal(type, urgency, category, area);
    assertThat(variables.get("citizenPhone")).isEqualTo(PHONE);
    return variables;
  }

  ProcessInstance receive(Map<String, Object> intake) {
    return receive(intake, RECEIVED);
  }

  /** Starts the process as the operator huawu (the start event's initiator) at the given engine time. */
  ProcessInstance receive(Map<String, Object> intake, OffsetDateTime at) {
    at(at);
    identityService.setAuthentication("huawu", List.of("hotline-operators"));
    try {
      ProcessInstance instance = runtimeService.startProcessInstanceByKey(HotlineVariables.PROCESS_KEY, intake);
      assertThat(instance.getBusinessKey()).startsWith("RX" + at.format(DateTimeFormatter.ofPattern("yyMMdd")));
      return instance;
    } finally {
      identityService.clearAuthentication();
    }
  }

  void dispatch(ProcessInstance appeal) {
    complete(appeal, "Task_TriageAppeal", Map.of("triageResult", "dispatch"));
  }

  void sign(ProcessInstance appeal) {
    complete(appeal, "Task_SignFor", Map.of("signResult", "sign"));
  }

  /** Dispatched, signed and first contact made at the time of receipt: waiting at Task_HandleAppeal. */
  void toHandling(ProcessInstance appeal) {
    dispatch(appeal);
    sign(appeal);
    complete(appeal, "Task_FirstContact", Map.of("contactRecord", "已电话联系"));
  }

  void reply(ProcessInstance appeal) {
    complete(appeal, "Task_HandleAppeal", Map.of("handlingAction", "reply", "reply", "已清理杂物并约谈物业",
        "handlingResult", "resolved"));
  }

  void toReturnVisit(ProcessInstance appeal) {
    toHandling(appeal);
    reply(appeal);
    complete(appeal, "Task_ReviewReply", Map.of("reviewResult", "pass"));
  }

  void visit(ProcessInstance appeal, String result, boolean resolved) {
    complete(appeal, "Task_ReturnVisit", Map.of("visitResult", result, "problemResolved", resolved,
        "visitNote", "回访记录"));
  }

  void at(OffsetDateTime time) {
    ClockUtil.setCurrentTime(date(time));
  }




  long passedTimes(ProcessInstance appeal, String activityId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(appeal.getId()).activityId(activityId)
        .count();
  }





  /** The assisting parts (hotlineAssist instances) a lead appeal called, running or ended. */
  List<String> assistParts(ProcessInstance appeal) {
    return historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(appeal.getId()).list().stream()
        .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toList();
  }

  ProcessInstance assistPart(ProcessInstance appeal, String unit) {
    ProcessInstance part = runtimeService.createProcessInstanceQuery().superProcessInstanceId(appeal.getId())
        .variableValueEquals("assistingUnit", unit).singleResult();
    assertThat(part).as("assisting part of %s", unit).isNotNull();
    return part;
  }

  List<Map<String, Object>> assistRows(String caseNumber) {
    return jdbc.queryForList("select * from hotline_assist where case_number = ? order by id", caseNumber);
  }

  String bodyOf(String caseNumber, String template, String recipient) {
    return jdbc.queryForList("select body from notification where case_number = ? and template_key = ? and recipient = ? "
        + "and channel = 'INBOX'", String.class, caseNumber, template, recipient).get(0);
  }

  String bodyOf(String caseNumber, String template) {
    return jdbc.queryForList("select body from notification where case_number = ? and template_key = ? and channel = 'SMS'",
        String.class, caseNumber, template).get(0);
  }

  Map<String, Object> appealRow(String caseNumber) {
    return jdbc.queryForMap("select * from hotline_appeal where case_number = ?", caseNumber);
  }

  List<Map<String, Object>> dispatchRows(String caseNumber) {
    return jdbc.queryForList("select * from hotline_dispatch where case_number = ? order by id", caseNumber);
  }


  List<String> actions(String caseNumber) {
    return timeline(caseNumber).stream().map(TimelineEntryView::action).toList();
  }



  private CaseView.Deadline handlingDeadline(String caseNumber) {
    return caseFiles.get(caseNumber).deadlines().stream().filter(d -> d.kind().equals("HANDLING")).findFirst()
        .orElseThrow();
  }

}
