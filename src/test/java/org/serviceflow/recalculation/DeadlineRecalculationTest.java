package org.serviceflow.recalculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.Intakes;
import org.serviceflow.support.ProcessTestSupport;
import org.serviceflow.casefile.TimelineEntryView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * Running deadlines follow a change of the holiday data: a corrected year is listed in the dry run and moved
 * when an administrator applies it (timers, task due and follow-up dates, case-file deadlines, one timeline
 * entry per case, nothing else), a second run finds nothing; a year that was missing is recalculated as soon
 * as its file arrives. Deadlines in calendar hours never move.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class DeadlineRecalculationTest extends ProcessTestSupport {

  static final Path DATA_DIR = createDataDir();
  /** 2027 as first published: only 劳动节; 2027-01-01 (a Friday) is then a working day. */
  static final String YEAR_2027 = """
      year: 2027
      source: 测试数据（非官方）
      festivals:
        - name: 劳动节
          holidays: {from: 2027-05-01, to: 2027-05-05}
      """;
  /** The correction: 元旦 2027-01-01 is a holiday too. */
  static final String YEAR_2027_CORRECTED = YEAR_2027 + """
        - name: 元旦
          holidays: {from: 2027-01-01}
      """;

  /** 2029 as first published: 劳动节 05-01 to 05-05, the make-up workday (调休上班) Saturday 04-28. */
  static final String YEAR_2029 = """
      year: 2029
      source: 测试数据（非官方）
      festivals:
        - name: 劳动节
          holidays: {from: 2029-05-01, to: 2029-05-05}
          make-up-workdays: [2029-04-28]
      """;
  /** The correction: the make-up workday is Saturday 05-12, not 04-28. */
  static final String YEAR_2029_CORRECTED = YEAR_2029.replace("2029-04-28", "2029-05-12");

  /** 2031 as first published: only 劳动节. */
  static final String YEAR_2031 = """
      year: 2031
      source: 测试数据（非官方）
      festivals:
        - name: 劳动节
          holidays: {from: 2031-05-01, to: 2031-05-05}
      """;
  /** The correction: Wednesday 2031-03-05 is a holiday too (after the pause of Monday 03-03, not inside it). */
  static final String YEAR_2031_CORRECTED = YEAR_2031 + """
        - name: 测试假日
          holidays: {from: 2031-03-05}
      """;

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    write("2027.yaml", YEAR_2027);
    write("2031.yaml", YEAR_2031);
    registry.add("serviceflow.calendar.data-dir", DATA_DIR::toString);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void shouldListMoveAndRecordTheDeadlinesThatACorrectedYearMovesAndOnlyThose() throws Exception {
    // given, on Wednesday 2026-12-30, a complaint in verification (3 working days: 12-31, 01-01, 01-04) and a
    // process change in formal review (from now), both counted with the first 2027 data
    clockAt("2026-12-30T09:00:00+08:00");
    ProcessInstance complaint = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    complete(complaint, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));
    ProcessInstance change = startAs("liuchengjingli", "process-owners", "processChange", changeApplication());
    String complaintCase = complaint.getBusinessKey();
    Task verify = task(complaint, "Task_VerifyComplaint");
    Task review = task(change, "Task_FormalReview");
    // 5 working days from 12-30 with 01-01 working: 12-31, 01-01, 01-04, 01-05, 01-06; warning on the 3rd
    assertThat(review.getDueDate()).isEqualTo(date("2027-01-06T17:30:00+08:00"));
    assertThat(review.getFollowUpDate()).isEqualTo(date("2027-01-04T17:30:00+08:00"));
    assertThat(verify.getDueDate()).isEqualTo(date("2027-01-04T17:30:00+08:00"));
    assertThat(timer(complaint, "BoundaryEvent_VerifyOverdue").getDuedate()).isEqualTo(verify.getDueDate());
    // and a complaint still waiting for its first response, in calendar hours (24 h: 12-31 09:00)
    ProcessInstance waiting = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    Date firstResponseTimer = timer(waiting, "BoundaryEvent_FirstResponseOverdue").getDuedate();
    // the model expressions give the stored instants again: nothing to do yet
    assertThat(changesOf(dryRun(), complaintCase)).isEmpty();
    assertThat(changesOf(dryRun(), change.getBusinessKey())).isEmpty();

    // when the corrected 2027 is reloaded (a change, not a new year: nothing moves by itself)
    write("2027.yaml", YEAR_2027_CORRECTED);
    admin(post("/api/calendar/reload"), status().isOk());
    assertThat(task(complaint, "Task_VerifyComplaint").getDueDate()).isEqualTo(verify.getDueDate());

    // then the dry run lists the verification task, its timer and the case-file deadline: 01-04 → 01-05
    List<Map<String, Object>> listed = changesOf(dryRun(), complaintCase);
    assertThat(listed).extracting(c -> c.get("kind") + " " + c.get("name") + " " + c.get("oldAt") + " → " + c.get("newAt"))
        .containsExactlyInAnyOrder(
            "TIMER 核实超期 2027-01-04T17:30:00+08:00 → 2027-01-05T17:30:00+08:00",
            "TASK_DUE 初步核实 2027-01-04T17:30:00+08:00 → 2027-01-05T17:30:00+08:00",
            "CASE_DEADLINE VERIFICATION 2027-01-04T17:30:00+08:00 → 2027-01-05T17:30:00+08:00");
    assertThat(listed).extracting(c -> c.get("overdue")).containsOnly(false);
    // the review's working days from 12-30 also cross 01-01
    List<Map<String, Object>> reviewChanges = changesOf(dryRun(), change.getBusinessKey());
    assertThat(reviewChanges).extracting(c -> c.get("kind")).contains("TASK_DUE", "TASK_FOLLOW_UP");
    assertThat(task(complaint, "Task_VerifyComplaint").getDueDate()).as("a dry run moves nothing")
        .isEqualTo(verify.getDueDate());

    // when an administrator applies it
    String answer = admin(post("/api/deadlines/recalculation"), status().isOk());
    List<Map<String, Object>> applied = changesOf(answer, complaintCase);
    assertThat(changesOf(answer, waiting.getBusinessKey())).as("calendar hours never move").isEmpty();

    // then timer, task and case file say 01-05 17:30, the hours-based deadlines stayed, one timeline entry
    Date corrected = date("2027-01-05T17:30:00+08:00");
    assertThat(applied).hasSameSizeAs(listed);
    assertThat(task(complaint, "Task_VerifyComplaint").getDueDate()).isEqualTo(corrected);
    assertThat(timer(complaint, "BoundaryEvent_VerifyOverdue").getDuedate()).isEqualTo(corrected);
    assertThat(timer(waiting, "BoundaryEvent_FirstResponseOverdue").getDuedate()).isEqualTo(firstResponseTimer);
    assertThat(caseFiles.get(complaintCase).deadlines()).filteredOn(d -> d.kind().equals("VERIFICATION"))
        .singleElement().satisfies(d -> {
          assertThat(d.dueAt()).isEqualTo(OffsetDateTime.parse("2027-01-05T17:30:00+08:00"));
          assertThat(d.metAt()).isNull();
        });
    assertThat(caseFiles.timeline(complaintCase)).filteredOn(e -> e.action().equals(DeadlineRecalculation.TIMELINE_ACTION))
        .singleElement().satisfies(entry -> {
          assertThat(entry.actor()).isEqualTo("admin");
          assertThat(entry.outcome()).contains("初步核实 2027-01-04 17:30 → 2027-01-05 17:30");
        });
    Task reviewAfter = task(change, "Task_FormalReview");
    // with 01-01 a holiday: 12-31, 01-04, 01-05, 01-06, 01-07; warning on the 3rd, 01-05
    assertThat(reviewAfter.getDueDate()).isEqualTo(date("2027-01-07T17:30:00+08:00"));
    assertThat(reviewAfter.getFollowUpDate()).isEqualTo(date("2027-01-05T17:30:00+08:00"));

    // and a second run finds and moves nothing
    assertThat(changesOf(dryRun(), complaintCase)).isEmpty();
    assertThat(changesOf(admin(post("/api/deadlines/recalculation"), status().isOk()), complaintCase)).isEmpty();
    assertThat(caseFiles.timeline(complaintCase)).filteredOn(e -> e.action().equals(DeadlineRecalculation.TIMELINE_ACTION))
        .hasSize(1);
  }

  @Test
  void shouldMoveTheLimitsThat12345DelegatesCountedWithTheirTimersTasksAndCaseFileDeadlineKeepingTheExtension()
      throws Exception {
    // given 2029 as first published, and on Monday 2029-04-23 a 12345 complaint (7 working days from receipt)
    // dispatched to the housing bureau with two assisting units (协办)
    write("2029.yaml", YEAR_2029);
    admin(post("/api/calendar/reload"), status().isOk());
    clockAt("2029-04-23T09:00:00+08:00");
    ProcessInstance appeal = startAs("huawu", "hotline-operators", "hotline12345",
        Intakes.hotlineAppeal("complaint", "normal", "housing", "district-a"));
    String caseNumber = appeal.getBusinessKey();
    complete(appeal, "Task_TriageAppeal", Map.of("triageResult", "dispatch",
        "assistingUnits", SpinValues.jsonValue("[\"unit-market\", \"unit-street-a\"]").create()));
    clockAt("2029-04-23T10:00:00+08:00");
    complete(appeal, "Task_SignFor", Map.of("signResult", "sign"));
    ProcessInstance market = assistPart(appeal, "unit-market");
    ProcessInstance street = assistPart(appeal, "unit-street-a");
    complete(market, "Task_AssistSignFor", Map.of("assistSignNote", "属本局职责部分"));
    complete(appeal, "Task_FirstContact", Map.of("contactRecord", "已电话联系"));
    // 04-24, 25, 26, 27, 28 (调休), 30, 05-07: the limit 05-07 17:30, its warning 04-30 17:30, which is also the
    // assisting units' reply limit (their warning 04-28); the limit is extended by 3 working days: 05-10, 05-09
    complete(appeal, "Task_HandleAppeal", Map.of("handlingAction", "extension", "extensionWorkdays", 3,
        "extensionReason", "需住建、规划联合勘查"));
    complete(appeal, "Task_ApproveExtension", Map.of("extensionDecision", "approve", "approvedWorkdays", 3));
    Task handle = task(appeal, "Task_HandleAppeal");
    assertThat(handle.getDueDate()).isEqualTo(date("2029-05-10T17:30:00+08:00"));
    assertThat(handle.getFollowUpDate()).isEqualTo(date("2029-05-09T17:30:00+08:00"));
    Task reply = task(market, "Task_AssistReply");
    assertThat(reply.getDueDate()).isEqualTo(date("2029-04-30T17:30:00+08:00"));
    assertThat(reply.getFollowUpDate()).isEqualTo(date("2029-04-28T17:30:00+08:00"));
    Date streetSignDue = date("2029-04-24T10:00:00+08:00");
    assertThat(task(street, "Task_AssistSignFor").getDueDate()).as("24 h").isEqualTo(streetSignDue);
    assertThat(changesOf(dryRun(), caseNumber)).isEmpty();

    // when the corrected 2029 is reloaded
    write("2029.yaml", YEAR_2029_CORRECTED);
    admin(post("/api/calendar/reload"), status().isOk());

    // then the dry run lists the counted variables, the timers and tasks that read them and the case-file deadline:
    // the limit 7 working days from receipt is now 05-08 (04-24..27, 30, 05-07, 05-08), extended 05-11, warning
    // 05-10; the assisting units reply by the lead's first warning, now 05-07, warned 04-30; the 24 h do not show
    List<Map<String, Object>> listed = changesOf(dryRun(), caseNumber);
    assertThat(listed).extracting(c -> instanceOf(c, appeal, market, street) + " " + c.get("kind") + " "
            + c.get("name") + " " + c.get("oldAt") + " → " + c.get("newAt"))
        .containsExactlyInAnyOrder(
            "lead VARIABLE 办理时限 2029-05-10T17:30:00+08:00 → 2029-05-11T17:30:00+08:00",
            "lead VARIABLE 办理预警 2029-05-09T17:30:00+08:00 → 2029-05-10T17:30:00+08:00",
            "lead TIMER 红灯超期 2029-05-10T17:30:00+08:00 → 2029-05-11T17:30:00+08:00",
            "lead TIMER 黄灯预警 2029-05-09T17:30:00+08:00 → 2029-05-10T17:30:00+08:00",
            "lead TASK_DUE 办理答复 2029-05-10T17:30:00+08:00 → 2029-05-11T17:30:00+08:00",
            "lead TASK_FOLLOW_UP 办理答复 2029-05-09T17:30:00+08:00 → 2029-05-10T17:30:00+08:00",
            "lead CASE_DEADLINE HANDLING 2029-05-10T17:30:00+08:00 → 2029-05-11T17:30:00+08:00",
            "lead CASE_DEADLINE HANDLING（预警） 2029-05-09T17:30:00+08:00 → 2029-05-10T17:30:00+08:00",
            "market VARIABLE 协办答复时限 2029-04-30T17:30:00+08:00 → 2029-05-07T17:30:00+08:00",
            "market VARIABLE 协办答复预警 2029-04-28T17:30:00+08:00 → 2029-04-30T17:30:00+08:00",
            "market TIMER 协办超时 2029-04-30T17:30:00+08:00 → 2029-05-07T17:30:00+08:00",
            "market TIMER 协办答复预警 2029-04-28T17:30:00+08:00 → 2029-04-30T17:30:00+08:00",
            "market TASK_DUE 协办答复 2029-04-30T17:30:00+08:00 → 2029-05-07T17:30:00+08:00",
            "market TASK_FOLLOW_UP 协办答复 2029-04-28T17:30:00+08:00 → 2029-04-30T17:30:00+08:00",
            "street VARIABLE 协办答复时限 2029-04-30T17:30:00+08:00 → 2029-05-07T17:30:00+08:00",
            "street VARIABLE 协办答复预警 2029-04-28T17:30:00+08:00 → 2029-04-30T17:30:00+08:00",
            "street TIMER 协办超时 2029-04-30T17:30:00+08:00 → 2029-05-07T17:30:00+08:00",
            "street TIMER 协办答复预警 2029-04-28T17:30:00+08:00 → 2029-04-30T17:30:00+08:00");
    assertThat(listed).extracting(c -> c.get("overdue")).containsOnly(false);
    assertThat(task(appeal, "Task_HandleAppeal").getDueDate()).as("a dry run moves nothing")
        .isEqualTo(handle.getDueDate());

    // (the street unit has not signed yet: its reply timers run already, its 24 h sign-for task is not listed)

    // when an administrator applies it
    List<Map<String, Object>> applied = changesOf(admin(post("/api/deadlines/recalculation"), status().isOk()),
        caseNumber);

    // then variables, timers, tasks and the case file hold the new instants, still extended; one timeline entry
    assertThat(applied).hasSameSizeAs(listed);
    Date due = date("2029-05-11T17:30:00+08:00");
    Date warning = date("2029-05-10T17:30:00+08:00");
    assertThat(runtimeService.getVariable(appeal.getId(), "handlingDueAt")).isEqualTo(due);
    assertThat(runtimeService.getVariable(appeal.getId(), "handlingWarningAt")).isEqualTo(warning);
    assertThat(runtimeService.getVariable(appeal.getId(), "extended")).isEqualTo(true);
    assertThat(timer(appeal, "BoundaryEvent_HandlingOverdue").getDuedate()).isEqualTo(due);
    assertThat(timer(appeal, "BoundaryEvent_HandlingWarning").getDuedate()).isEqualTo(warning);
    assertThat(task(appeal, "Task_HandleAppeal").getDueDate()).isEqualTo(due);
    assertThat(task(appeal, "Task_HandleAppeal").getFollowUpDate()).isEqualTo(warning);
    assertThat(caseFiles.get(caseNumber).deadlines()).filteredOn(d -> d.kind().equals("HANDLING"))
        .singleElement().satisfies(d -> {
          assertThat(d.dueAt()).isEqualTo(OffsetDateTime.parse("2029-05-11T17:30:00+08:00"));
          assertThat(d.warningAt()).isEqualTo(OffsetDateTime.parse("2029-05-10T17:30:00+08:00"));
          assertThat(d.extendedAt()).as("still 已延期").isNotNull();
        });
    Date replyDue = date("2029-05-07T17:30:00+08:00");
    Date replyWarning = date("2029-04-30T17:30:00+08:00");
    assertThat(runtimeService.getVariable(market.getId(), "assistReplyDueAt")).isEqualTo(replyDue);
    assertThat(task(market, "Task_AssistReply").getDueDate()).isEqualTo(replyDue);
    assertThat(task(market, "Task_AssistReply").getFollowUpDate()).isEqualTo(replyWarning);
    assertThat(timer(market, "BoundaryEvent_AssistOverdue").getDuedate()).isEqualTo(replyDue);
    assertThat(timer(market, "BoundaryEvent_AssistReplyWarning").getDuedate()).isEqualTo(replyWarning);
    assertThat(timer(street, "BoundaryEvent_AssistOverdue").getDuedate()).isEqualTo(replyDue);
    assertThat(runtimeService.getVariable(street.getId(), "assistReplyWarningAt")).isEqualTo(replyWarning);
    assertThat(task(street, "Task_AssistSignFor").getDueDate()).as("24 h never move").isEqualTo(streetSignDue);
    assertThat(timer(street, "BoundaryEvent_AssistSignForOverdue").getDuedate()).isEqualTo(streetSignDue);
    assertThat(caseFiles.timeline(caseNumber)).filteredOn(e -> e.action().equals(DeadlineRecalculation.TIMELINE_ACTION))
        .singleElement().satisfies(entry -> {
          assertThat(entry.actor()).isEqualTo("admin");
          assertThat(entry.outcome()).contains("办理时限 2029-05-10 17:30 → 2029-05-11 17:30",
              "红灯超期 2029-05-10 17:30 → 2029-05-11 17:30", "协办答复时限 2029-04-30 17:30 → 2029-05-07 17:30");
        });

    // and a second run finds and moves nothing
    assertThat(changesOf(dryRun(), caseNumber)).isEmpty();
    assertThat(changesOf(admin(post("/api/deadlines/recalculation"), status().isOk()), caseNumber)).isEmpty();
    assertThat(caseFiles.timeline(caseNumber)).filteredOn(e -> e.action().equals(DeadlineRecalculation.TIMELINE_ACTION))
        .hasSize(1);
  }

  @Test
  void shouldKeepTheShiftOfEndedPausesWhenRecalculating() throws Exception {
    // given a complaint of Monday 2031-03-03 in verification: 3 working days = 03-04, 03-05, 03-06 17:30
    clockAt("2031-03-03T09:00:00+08:00");
    ProcessInstance complaint = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    complete(complaint, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));
    String caseNumber = complaint.getBusinessKey();
    assertThat(task(complaint, "Task_VerifyComplaint").getDueDate()).isEqualTo(date("2031-03-06T17:30:00+08:00"));
    // and a complaint of Monday 2031-06-02, far from any change of the data
    clockAt("2031-06-02T09:00:00+08:00");
    ProcessInstance untouched = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    complete(untouched, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));
    // each paused by the customer from 10:00 to 14:00 that Monday (4 working hours), and resumed
    pauseAndResume(caseNumber, "2031-03-03T10:00:00+08:00", "2031-03-03T14:00:00+08:00");
    pauseAndResume(untouched.getBusinessKey(), "2031-06-02T10:00:00+08:00", "2031-06-02T14:00:00+08:00");
    Date paused = date("2031-03-06T21:30:00+08:00");
    assertThat(task(complaint, "Task_VerifyComplaint").getDueDate()).isEqualTo(paused);
    assertThat(timer(complaint, "BoundaryEvent_VerifyOverdue").getDuedate()).isEqualTo(paused);
    Date untouchedDue = task(untouched, "Task_VerifyComplaint").getDueDate();
    assertThat(untouchedDue).isEqualTo(date("2031-06-05T21:30:00+08:00"));

    // then, before any change of the data, the recount with the pauses gives the stored instants again
    assertThat(changesOf(dryRun(), caseNumber)).isEmpty();
    assertThat(changesOf(dryRun(), untouched.getBusinessKey())).isEmpty();

    // when the corrected 2031 (03-05 a holiday) is reloaded
    clockAt("2031-03-03T15:00:00+08:00");
    write("2031.yaml", YEAR_2031_CORRECTED);
    admin(post("/api/calendar/reload"), status().isOk());

    // then the dry run lists the verification's instants: recount 03-07 17:30 plus the 4 paused hours
    String dryRun = dryRun();
    assertThat(changesOf(dryRun, caseNumber))
        .extracting(c -> c.get("kind") + " " + c.get("name") + " " + c.get("oldAt") + " → " + c.get("newAt"))
        .containsExactlyInAnyOrder(
            "TIMER 核实超期 2031-03-06T21:30:00+08:00 → 2031-03-07T21:30:00+08:00",
            "TASK_DUE 初步核实 2031-03-06T21:30:00+08:00 → 2031-03-07T21:30:00+08:00",
            "CASE_DEADLINE VERIFICATION 2031-03-06T21:30:00+08:00 → 2031-03-07T21:30:00+08:00");
    assertThat(changesOf(dryRun, untouched.getBusinessKey())).as("the pause is not undone").isEmpty();

    // when applied, timer, task and case file keep the pause's shift on the recount
    String answer = admin(post("/api/deadlines/recalculation"), status().isOk());
    assertThat(changesOf(answer, untouched.getBusinessKey())).isEmpty();
    Date moved = date("2031-03-07T21:30:00+08:00");
    assertThat(task(complaint, "Task_VerifyComplaint").getDueDate()).isEqualTo(moved);
    assertThat(timer(complaint, "BoundaryEvent_VerifyOverdue").getDuedate()).isEqualTo(moved);
    assertThat(caseFiles.get(caseNumber).deadlines()).filteredOn(d -> d.kind().equals("VERIFICATION"))
        .singleElement().satisfies(d -> assertThat(d.dueAt()).isEqualTo(OffsetDateTime.parse("2031-03-07T21:30:00+08:00")));
    assertThat(task(untouched, "Task_VerifyComplaint").getDueDate()).isEqualTo(untouchedDue);
    assertThat(timer(untouched, "BoundaryEvent_VerifyOverdue").getDuedate()).isEqualTo(untouchedDue);
    assertThat(changesOf(dryRun(), caseNumber)).as("a second run finds nothing").isEmpty();
  }

  private void pauseAndResume(String caseNumber, String from, String to) throws Exception {
    clockAt(from);
    mvc.perform(post("/api/cases/" + caseNumber + "/pauses").header(HttpHeaders.AUTHORIZATION, basic("zhiliang1", "demo"))
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .content("{\"type\": \"customer-information\", \"reason\": \"等待客户补充照片\"}"))
        .andExpect(status().isCreated());
    clockAt(to);
    mvc.perform(post("/api/cases/" + caseNumber + "/pauses/resume").header(HttpHeaders.AUTHORIZATION, basic("zhiliang1", "demo")))
        .andExpect(status().isOk());
  }

  @Test
  void shouldRecalculateAtOnceWhenAMissingYearArrives() throws Exception {
    // given, on Wednesday 2027-12-29, a complaint in verification counted into 2028, which has no data yet:
    // 12-30, 12-31, 2028-01-03 (a Monday, a working day by weekends only)
    clockAt("2027-12-29T09:00:00+08:00");
    ProcessInstance complaint = startAs("kefu1", "customer-service", "complaint", Intakes.complaint());
    complete(complaint, "Task_FirstResponse", Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电"));
    assertThat(task(complaint, "Task_VerifyComplaint").getDueDate()).isEqualTo(date("2028-01-03T17:30:00+08:00"));

    // when 2028 arrives with 元旦 on 01-01 to 01-03
    write("2028.yaml", """
        year: 2028
        source: 测试数据（非官方）
        festivals:
          - name: 元旦
            holidays: {from: 2028-01-01, to: 2028-01-03}
        """);
    admin(post("/api/calendar/reload"), status().isOk());

    // then the deadline moved by itself, on the record, to 01-04
    Date moved = date("2028-01-04T17:30:00+08:00");
    assertThat(task(complaint, "Task_VerifyComplaint").getDueDate()).isEqualTo(moved);
    assertThat(timer(complaint, "BoundaryEvent_VerifyOverdue").getDuedate()).isEqualTo(moved);
    List<TimelineEntryView> entries = caseFiles.timeline(complaint.getBusinessKey()).stream()
        .filter(e -> e.action().equals(DeadlineRecalculation.TIMELINE_ACTION)).toList();
    assertThat(entries).singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo("系统"));
    assertThat(changesOf(dryRun(), complaint.getBusinessKey())).isEmpty();
  }

  @Test
  void shouldLetOnlyAdministratorsRecalculate() throws Exception {
    mvc.perform(get("/api/deadlines/recalculation").header(HttpHeaders.AUTHORIZATION, basic("kefu1", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/deadlines/recalculation").header(HttpHeaders.AUTHORIZATION, basic("kefuzhuguan", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/deadlines/recalculation")).andExpect(status().isUnauthorized());
  }

  // ------------------------------------------------------------------------------------------ helpers

  private String dryRun() throws Exception {
    return admin(get("/api/deadlines/recalculation"),
        status().isOk());
  }

  private String admin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      ResultMatcher expected) throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, basic("admin", "admin")))
        .andExpect(expected).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private ProcessInstance assistPart(ProcessInstance appeal, String unit) {
    ProcessInstance part = runtimeService.createProcessInstanceQuery().superProcessInstanceId(appeal.getId())
        .variableValueEquals("assistingUnit", unit).singleResult();
    assertThat(part).as("assisting part of %s", unit).isNotNull();
    return part;
  }

  private static String instanceOf(Map<String, Object> change, ProcessInstance lead, ProcessInstance market,
      ProcessInstance street) {
    Object id = change.get("processInstanceId");
    return id.equals(lead.getId()) ? "lead" : id.equals(market.getId()) ? "market" : id.equals(street.getId())
        ? "street" : String.valueOf(id);
  }

  private static List<Map<String, Object>> changesOf(String answer, String caseNumber) {
    List<Map<String, Object>> changes = JsonPath.read(answer, "$.changes");
    return changes.stream().filter(c -> caseNumber.equals(c.get("caseNumber"))).toList();
  }

  private static Map<String, Object> changeApplication() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("targetProcessKey", "complaint");
    variables.put("targetProcessName", "投诉处理");
    variables.put("changeType", "change");
    variables.put("level", 2);
    variables.put("category", "business");
    variables.put("trigger", "improvement");
    variables.put("description", "增加一个处理步骤");
    variables.put("effectiveDate", "2027-02-01");
    variables.put("ownerGroup", "quality");
    variables.put("affectedGroups", List.of());
    return variables;
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static void write(String file, String content) {
    try {
      Files.writeString(DATA_DIR.resolve(file), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createDataDir() {
    try {
      return Files.createTempDirectory("holiday-data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
