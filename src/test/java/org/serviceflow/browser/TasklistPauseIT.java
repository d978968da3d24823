package org.serviceflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serviceflow.calendar.WorkingDayCalendar;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.TimelineEntryView;
import org.serviceflow.support.Intakes;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 挂起 / 恢复计时 from Tasklist (issue 12 item 1), in a real browser on the whole application and embedded PostgreSQL:
 * the clerk kefu1 opens 答复客户 of an after-sales repair in 我的待办 and pauses the case with the task view's 挂起
 * (scripts/serviceflow-cases.js) as 客户联系不上, a customer-side type that stops the clock. Without a reason the
 * API's Chinese message shows in the dialog and nothing changes; with one the view says 已挂起 (type, since) and the
 * card has the badge 已挂起. 恢复计时 ends it. The pause runs from Friday 16:00 to Monday 10:00 (engine clock, set in
 * this JVM before each click that posts): 8 h + 10 h = 18 h of working time, the weekend not counted. The case file
 * keeps the pause (party customer, 64,800 s), the task's due date and the overdue timer moved by exactly that
 * working time, and the timeline has 挂起 and 恢复. The clicks are counted (docs/calendar.md § Pauses).
 */
@PostgresIntegrationTest
class TasklistPauseIT {

  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String CLERK = "kefu1";
  static final String PASSWORD = "demo";
  static final String REASON = "客户电话三次无人接听，已发短信约定回电";
  static final String TYPE_TEXT = "客户联系不上（计入客户，暂停计时）";
  static final Instant RECEIVED = LocalDateTime.of(2026, 12, 4, 9, 0).atZone(SHANGHAI).toInstant(); // a Friday
  static final Instant PAUSED = LocalDateTime.of(2026, 12, 4, 16, 0).atZone(SHANGHAI).toInstant();
  static final Instant RESUMED = LocalDateTime.of(2026, 12, 7, 10, 0).atZone(SHANGHAI).toInstant(); // Monday

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  IdentityService identityService;

  @Autowired
  TaskService taskService;

  @Autowired
  ManagementService managementService;

  @Autowired
  CaseFileService caseFiles;

  @Autowired
  WorkingDayCalendar calendar;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeAll
  static void requireChromium() {
    TasklistBrowser.assumeChromium();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldPauseACaseFromItsTaskInTasklistAndResumeItWithTheDeadlinesMovedByThePausedWorkingTime() {
    assertThat(calendar.isWorkingDay(calendar.dayOf(PAUSED))).isTrue();
    assertThat(calendar.isWorkingDay(calendar.dayOf(RESUMED))).isTrue();
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
    ProcessInstance order = startAs(CLERK, "afterSalesService", Intakes.afterSalesRepair("KX-PAUSE-0001"));
    String caseNumber = order.getBusinessKey();
    Task reply = taskService.createTaskQuery().processInstanceId(order.getId())
        .taskDefinitionKey("Task_ReplyToCustomer").singleResult();
    assertThat(reply.getAssignee()).as("the first-ask owner holds 答复客户").isEqualTo(CLERK);
    Instant dueBefore = reply.getDueDate().toInstant();
    Instant timerBefore = overdueTimer(order).toInstant();
    String statusBefore = caseFiles.get(caseNumber).status();

    try (TasklistBrowser browser = new TasklistBrowser("http://localhost:" + port, SCREENSHOTS)) {
      browser.loadTasklist(Duration.ofMinutes(3));
      browser.login(CLERK, PASSWORD);
      browser.openTaskFromList("我的待办", "答复客户", reply.getId());
      assertThat(browser.caseLineOfCard(reply.getId()).getText()).startsWith(caseNumber + " · ");
      assertThat(browser.pauseActions()).containsExactly("挂起");
      int opened = browser.clicks();

      // the dialog offers the types decision casePauseTypes allows for after-sales, in Chinese
      assertThat(browser.openPauseDialog()).containsExactly("等待客户补充资料或同意（计入客户，暂停计时）",
          TYPE_TEXT, "等待配件（计入我方，照常计时）", "返厂维修（计入供应商，暂停计时）");

      // a pause without a reason is refused with the API's message, and nothing changes
      browser.pauseWith(TYPE_TEXT, "");
      assertThat(browser.pauseRefusal()).isEqualTo("请填写挂起原因");
      assertThat(jdbc.queryForObject("select count(*) from case_pause where case_number = ?", Integer.class, caseNumber))
          .isZero();
      assertThat(caseFiles.get(caseNumber).status()).isEqualTo(statusBefore);
      assertThat(timeline(caseNumber, "挂起")).isEmpty();
      int refusedClicks = browser.clicks() - opened;

      // with a reason, in the same dialog, at Friday 16:00
      ClockUtil.setCurrentTime(Date.from(PAUSED));
      int mark = browser.clicks();
      browser.pauseWith(null, REASON);
      int pauseClicks = browser.clicks() - mark;
      assertThat(browser.pauseRefusal()).isNull();
      String paused = "已挂起（客户联系不上，自 12-04 16:00）";
      assertThat(browser.waitForPauseStatus(paused)).isEqualTo(paused);
      assertThat(browser.pauseActions()).containsExactly("恢复计时");
      // the card reads the pause from the task's description (no request per card), which names it with the year
      assertThat(browser.waitForPausedBadge(reply.getId(), true)).isEqualTo("已挂起|已挂起（客户联系不上，自 2026-12-04 16:00）");
      assertThat(taskService.createTaskQuery().taskId(reply.getId()).singleResult().getDescription())
          .startsWith(caseNumber + " · 客户：").contains("\n挂起中：客户联系不上，自 2026-12-04 16:00");
      assertThat(caseFiles.get(caseNumber).status()).isEqualTo("已挂起");
      browser.screenshot("pause-tasklist-paused");

      // resumed on Monday 10:00
      ClockUtil.setCurrentTime(Date.from(RESUMED));
      mark = browser.clicks();
      browser.resumeClock();
      int resumeClicks = browser.clicks() - mark;
      assertThat(browser.pauseRefusal()).isNull();
      assertThat(browser.waitForPauseStatus(null)).isNull();
      assertThat(browser.pauseActions()).containsExactly("挂起");
      assertThat(browser.waitForPausedBadge(reply.getId(), false)).isNull();
      assertThat(taskService.createTaskQuery().taskId(reply.getId()).singleResult().getDescription())
          .startsWith(caseNumber + " · 客户：").doesNotContain("挂起中");

      System.out.println("CLICKS TasklistPauseIT: refused try " + refusedClicks + ", pause " + pauseClicks
          + ", resume " + resumeClicks);
      assertThat(refusedClicks).as("挂起, type list, type, reason, 确定").isEqualTo(5);
      assertThat(pauseClicks).as("in the same dialog: reason, 确定").isEqualTo(2);
      assertThat(resumeClicks).as("恢复计时, 确定").isEqualTo(2);
    }

    // the case file keeps the pause: counted to the customer, 18 h of working time (Fri 16-24 h, Mon 0-10 h)
    Map<String, Object> pause = jdbc.queryForMap("select pause_type, party, stops_clock, reason, started_at, ended_at,"
        + " started_by, ended_by, paused_working_seconds from case_pause where case_number = ?", caseNumber);
    assertThat(pause).containsEntry("pause_type", "customer-unreachable").containsEntry("party", "customer")
        .containsEntry("stops_clock", true).containsEntry("reason", REASON)
        .containsEntry("started_by", CLERK).containsEntry("ended_by", CLERK);
    assertThat(((Timestamp) pause.get("started_at")).toInstant()).isEqualTo(PAUSED);
    assertThat(((Timestamp) pause.get("ended_at")).toInstant()).isEqualTo(RESUMED);
    long pausedSeconds = ((Number) pause.get("paused_working_seconds")).longValue();
    assertThat(pausedSeconds).isEqualTo(Duration.ofHours(18).toSeconds())
        .isEqualTo(calendar.workingTimeBetween(PAUSED, RESUMED).toSeconds());

    // the task's due date and its overdue timer moved by exactly that working time; the status is back
    Instant dueAfter = taskService.createTaskQuery().taskId(reply.getId()).singleResult().getDueDate().toInstant();
    assertThat(dueAfter).isAfter(dueBefore)
        .isEqualTo(calendar.addWorkingTime(dueBefore, Duration.ofSeconds(pausedSeconds)));
    assertThat(overdueTimer(order).toInstant())
        .isEqualTo(calendar.addWorkingTime(timerBefore, Duration.ofSeconds(pausedSeconds)));
    assertThat(caseFiles.get(caseNumber).status()).isEqualTo(statusBefore);

    // the timeline: 挂起 with type, party and reason; 恢复 with the paused time and the moved deadline
    assertThat(timeline(caseNumber, "挂起")).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo(CLERK);
      assertThat(entry.outcome()).isEqualTo("客户联系不上，计入客户，期限暂停计时；原因：" + REASON);
    });
    assertThat(timeline(caseNumber, "恢复")).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo(CLERK);
      assertThat(entry.outcome()).startsWith("挂起 18 小时（工作时间），计入客户；期限顺延：").contains("答复客户");
    });
  }

  private Date overdueTimer(ProcessInstance order) {
    return managementService.createJobQuery().processInstanceId(order.getId()).activityId("BoundaryEvent_ReplyOverdue")
        .singleResult().getDuedate();
  }

  private List<TimelineEntryView> timeline(String caseNumber, String action) {
    return caseFiles.timeline(caseNumber).stream().filter(entry -> action.equals(entry.action())).toList();
  }

  private ProcessInstance startAs(String user, String processKey, Map<String, Object> variables) {
    identityService.setAuthentication(user, List.of("customer-service"));
    try {
      return runtimeService.startProcessInstanceByKey(processKey, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
