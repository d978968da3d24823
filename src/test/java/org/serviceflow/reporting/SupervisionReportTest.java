package org.serviceflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serviceflow.support.ReportRows.NONE;
import static org.serviceflow.support.ReportRows.rows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.support.EngineRest;
import org.serviceflow.support.IntakeRequests;
import org.serviceflow.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * 服务监督报告 (docs/reporting.md) of October 2025, a month no other test writes, from complaints and 12345 appeals taken
 * in through the intake API and carried through their real processes with the engine clock: every figure of every
 * row asserted, each computed by hand below. Not a process test class (it runs two processes only in part, so it
 * does not carry their flow-node coverage); their paths are covered by ComplaintProcessTest and HotlineProcessTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupervisionReportTest extends ProcessTestSupport {

  static final YearMonth OCTOBER = YearMonth.of(2025, 10);

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired ReportCompilers reports;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /*
   * October 2025: National Day and Mid-Autumn 10-01..10-08, 10-11 (Sat) a 调休 working day; every case below starts
   * after them. Complaint deadlines (complaintTimeLimits.dmn): first response 24 h, verification 3 working days
   * (end of the 3rd working day after the day of receipt, 17:30), resolution 14 days, return visit 1 working day
   * after the customer was told the result. 12345 (a 投诉, 7 working days): sign-for 24 h from dispatch, first
   * contact 3 working days from signing, handling 7 working days from dispatch, return visit 1 working day after
   * the reply.
   *
   * Complaints:
   *  A Tue 10-14 09:00, valid, everything in time: FIRST_RESPONSE due 10-15 09:00 met 10-14 10:00; VERIFICATION
   *    due 10-17 17:30 met 10-14 11:00; RESOLUTION due 10-28 09:00 met 10-15 10:00; RETURN_VISIT (told 10-15 10:00)
   *    due 10-16 17:30 met 10-15 11:00; closed 10-15.
   *  B Thu 10-16 09:00, not valid: FIRST_RESPONSE due 10-17 09:00 met 10-17 10:00 (late); VERIFICATION due 10-21
   *    17:30 (10-17, 10-20, 10-21) met 10-17 11:00; explained and closed 10-17; no resolution deadline.
   *  C Mon 10-20 09:00, valid, visited late: FIRST_RESPONSE due 10-21 09:00 met 10-20 10:00; VERIFICATION due 10-23
   *    17:30 met 10-20 11:00; RESOLUTION due 11-03 09:00 (November: not counted, though met 10-21 10:00);
   *    RETURN_VISIT (told 10-21 10:00) due 10-22 17:30 met 10-24 10:00 (late); closed 10-24.
   *  D Thu 10-30 09:00, still waiting for its first response: FIRST_RESPONSE due 10-31 09:00 not met; VERIFICATION
   *    due 11-04 17:30 (10-31, 11-03, 11-04): November.
   *  → 受理 4 (A–D), 结案 3 (A–C); 到期环节 8 = A 3 + B 2 + C 2 + D 1; 按时完成 6 (A 3, B's verification, C 2);
   *    超时完成 1 (B's first response); 未完成 1 (D's first response); 按时率 6/8 = 0.75;
   *    应回访 2 (A, C), 按时回访 1 (A), 按时回访率 1/2 = 0.5.
   *
   * 12345 appeals (投诉 about housing → 住建局):
   *  H1 Tue 10-14 09:00, dispatched 09:00: SIGN_FOR due 10-15 09:00 met 10-15 10:00 (late); FIRST_CONTACT due
   *    10-20 17:30 (10-16, 10-17, 10-20) met 10-15 11:00; HANDLING due 10-23 17:30 (10-15 … 10-23) replied 10-15
   *    12:00, review passed 13:00; RETURN_VISIT due 10-16 17:30 met 10-16 10:00 (satisfied); closed 10-16.
   *  H2 Mon 10-27 09:00, dispatched 09:00 and never signed for: SIGN_FOR due 10-28 09:00 not met; its handling
   *    limit (7 working days from 10-27: 11-05) is in November.
   *  → 受理 2, 结案 1; 到期环节 4 (H1 3, H2 1); 按时完成 2; 超时完成 1; 未完成 1; 按时率 2/4 = 0.5;
   *    应回访 1, 按时回访 1, 按时回访率 1.0.
   *
   * After-sales and process changes: nothing in October, every count 0 and every rate empty (—).
   */
  @Test
  void shouldReportEveryFigureOfTheMonthFromCasesWithKnownOutcomes() {
    ProcessInstance a = complaint("2025-10-14T09:00:00+08:00");
    clockAt("2025-10-14T10:00:00+08:00");
    firstResponse(a);
    clockAt("2025-10-14T11:00:00+08:00");
    verify(a, "valid");
    clockAt("2025-10-15T10:00:00+08:00");
    resolve(a);
    clockAt("2025-10-15T11:00:00+08:00");
    complete(a, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(a);

    ProcessInstance b = complaint("2025-10-16T09:00:00+08:00");
    clockAt("2025-10-17T10:00:00+08:00");
    firstResponse(b);
    clockAt("2025-10-17T11:00:00+08:00");
    verify(b, "not-valid");
    complete(b, "Task_ExplainToCustomer", Map.of("explanationNote", "已说明", "customerUnderstood", true));
    executeJobs(b);

    ProcessInstance c = complaint("2025-10-20T09:00:00+08:00");
    clockAt("2025-10-20T10:00:00+08:00");
    firstResponse(c);
    clockAt("2025-10-20T11:00:00+08:00");
    verify(c, "valid");
    clockAt("2025-10-21T10:00:00+08:00");
    resolve(c);
    clockAt("2025-10-24T10:00:00+08:00");
    complete(c, "Task_ReturnVisit", Map.of("satisfaction", "satisfied", "returnVisitNote", "满意"));
    executeJobs(c);

    ProcessInstance d = complaint("2025-10-30T09:00:00+08:00");

    ProcessInstance h1 = appeal("2025-10-14T09:00:00+08:00");
    complete(h1, "Task_TriageAppeal", Map.of("triageResult", "dispatch"));
    clockAt("2025-10-15T10:00:00+08:00");
    complete(h1, "Task_SignFor", Map.of("signResult", "sign"));
    clockAt("2025-10-15T11:00:00+08:00");
    complete(h1, "Task_FirstContact", Map.of("contactRecord", "已电话联系"));
    clockAt("2025-10-15T12:00:00+08:00");
    complete(h1, "Task_HandleAppeal", Map.of("handlingAction", "reply", "reply", "已约谈物业，电梯已修复",
        "handlingResult", "resolved"));
    clockAt("2025-10-15T13:00:00+08:00");
    complete(h1, "Task_ReviewReply", Map.of("reviewResult", "pass"));
    clockAt("2025-10-16T10:00:00+08:00");
    complete(h1, "Task_ReturnVisit", Map.of("visitResult", "satisfied", "problemResolved", true,
        "visitNote", "回访记录"));
    executeJobs(h1);

    ProcessInstance h2 = appeal("2025-10-27T09:00:00+08:00");
    complete(h2, "Task_TriageAppeal", Map.of("triageResult", "dispatch"));

    // the cases are where the comment above says
    clockAt("2025-11-05T10:00:00+08:00");
    for (ProcessInstance closed : List.of(a, b, c, h1)) {
      assertThat(caseFiles.get(closed.getBusinessKey()).status()).as(closed.getBusinessKey())
          .isEqualTo(CaseFileService.STATUS_CLOSED);
    }
    for (ProcessInstance open : List.of(d, h2)) {
      assertThat(caseFiles.get(open.getBusinessKey()).closedAt()).as(open.getBusinessKey()).isNull();
    }
    assertThat(task(d, "Task_FirstResponse").getId()).isNotBlank();
    assertThat(task(h2, "Task_SignFor").getId()).isNotBlank();

    // then: process, name, 受理, 结案, 到期环节, 按时完成, 超时完成, 未完成, 按时率, 应回访, 按时回访, 按时回访率
    assertThat(rows(reports.compile(ReportType.SUPERVISION_REPORT, OCTOBER), "byProcess")).containsExactly(
        List.of("complaint", "投诉", 4L, 3L, 8L, 6L, 1L, 1L, 0.75, 2L, 1L, 0.5),
        List.of("afterSalesService", "售后服务", 0L, 0L, 0L, 0L, 0L, 0L, NONE, 0L, 0L, NONE),
        List.of("processChange", "流程变更", 0L, 0L, 0L, 0L, 0L, 0L, NONE, 0L, 0L, NONE),
        List.of("hotline12345", "12345热线", 2L, 1L, 4L, 2L, 1L, 1L, 0.5, 1L, 1L, 1.0));
  }

  /** A complaint taken in through POST /api/complaints by the intake clerk kefu1 at the engine time given. */
  private ProcessInstance complaint(String receivedAt) {
    clockAt(receivedAt);
    ObjectNode request = IntakeRequests.complaint("十月客户");
    request.put("occurredOn", "2025-10-10");
    return started(rest.withBasicAuth("kefu1", "demo").postForEntity("/api/complaints", request, String.class));
  }

  /** A 投诉 to the 12345 hotline taken in through POST /api/hotline/appeals by the operator huawu. */
  private ProcessInstance appeal(String receivedAt) {
    clockAt(receivedAt);
    ObjectNode request = IntakeRequests.appeal("十月市民", "13700001010");
    request.put("eventDate", "2025-10-10");
    return started(rest.withBasicAuth("huawu", "demo").postForEntity("/api/hotline/appeals", request, String.class));
  }

  private ProcessInstance started(ResponseEntity<String> answer) {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = EngineRest.json(answer.getBody()).path("caseNumber").asText();
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
  }

  private void firstResponse(ProcessInstance complaint) {
    complete(complaint, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));
  }

  private void verify(ProcessInstance complaint, String result) {
    complete(complaint, "Task_VerifyComplaint", Map.of("verificationResult", result, "verificationNote", "已核实"));
  }

  /** One handling round without approval, all at the engine time: solution, implementation, result told. */
  private void resolve(ProcessInstance complaint) {
    Map<String, Object> solution = new HashMap<>();
    solution.put("cause", "密封圈老化");
    solution.put("responsiblePerson", "王五");
    solution.put("solution", "更换新品");
    solution.put("compensationInvolved", false);
    solution.put("resolutionMode", "immediate");
    complete(complaint, "Task_ProposeSolution", solution);
    complete(complaint, "Task_ImplementSolution", Map.of("implementationResult", "已更换新品"));
    complete(complaint, "Task_NotifyCustomerOfResult", Map.of("resultNote", "电话告知"));
  }
}
