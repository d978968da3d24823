package org.serviceflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.ProcessEngineTest;
import org.serviceflow.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives every path of monthlyReportSchedule.bpmn and monthlyReport.bpmn with the real calendar: each report's timer
 * start fires on the first working day of the month and schedules the next one; review, warning and overdue timers,
 * approval sent back and approved, publication, distribution; the record written at each step.
 */
@ProcessEngineTest
class ReportProcessTest extends ProcessTestSupport {

  /** First working day of October 2026, after the National Day holiday (10-01 … 10-07). */
  static final String OCTOBER_START = "2026-10-08T08:30:00+08:00";

  @Autowired RuntimeService runtime;
  @Autowired ReportRecords records;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldStartEveryReportOnTheFirstWorkingDayAndScheduleTheNextMonthFromTheCalendar() {
    // given the schedule's timer start
    clockAt(OCTOBER_START);
    // when it fires on the first working day of October
    managementService.executeJob(startTimer().getId());
    // then the next start is the first working day of November (11-01 is a Sunday), computed by the calendar
    assertThat(startTimer().getDuedate()).isEqualTo(date("2026-11-02T08:30:00+08:00"));
    // and a run for September has started for every report, due by its day
    for (ReportType type : ReportType.values()) {
      ProcessInstance run = run(type, "2026-09");
      assertThat(run).as("run of %s", type).isNotNull();
      Task review = task(run, "Task_ReviewReport");
      assertThat(review.getDueDate()).as("due of %s", type).isEqualTo(date(expectedDue(type)));
      // and the owner confirms it (the penalty review goes on to approval and publication)
      confirm(run, "审核意见", null);
      if (type == ReportType.PENALTY_REVIEW) {
        claimAndComplete(run, "Task_ApproveReport", "zongjingli", Map.of("approvalDecision", "approved"));
        claimAndComplete(run, "Task_PublishReport", "renshi", Map.of("publicationNote", "已在公告栏公布"));
      }
      assertThat(run).isEnded();
      ReportRecord record = records.find(type, java.time.YearMonth.of(2026, 9)).orElseThrow();
      assertThat(record.status()).isEqualTo(ReportRecord.Status.CONFIRMED);
      assertThat(record.figures().type()).isEqualTo(type.key());
      assertThat(record.figures().tables()).isNotEmpty();
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ReportVariables.SCHEDULE_PROCESS_KEY).count())
        .as("the month's schedule ends with its reports").isZero();
  }

  /** Due "by the Nth" of October 2026, by decision monthlyReportRules and the calendar. */
  static String expectedDue(ReportType type) {
    return switch (type) {
      // the 10th is a Saturday but a 调休 working day
      case COMPLAINT_STATISTICS, PENALTY_REVIEW, STAFF_ASSESSMENT, UNIT_ASSESSMENT -> "2026-10-10T17:30:00+08:00";
      // the 4th and 5th fall in the holiday: not before the first working day, 10-08
      case AFTER_SALES_STATISTICS, AFTER_SALES_SUMMARY -> "2026-10-08T17:30:00+08:00";
      // month end: the 31st is a Saturday, so Friday the 30th
      case SUPERVISION_REPORT -> "2026-10-30T17:30:00+08:00";
    };
  }

  @Test
  void shouldWarnTheOwnerAndEscalateToRecipientsWhenTheReviewRunsLate() {
    // given the complaint statistics for January, due Tuesday 2026-02-10 (first working day 02-02)
    ProcessInstance run = startRun(ReportType.COMPLAINT_STATISTICS, "2026-01", "2026-02-02T08:30:00+08:00");
    assertThat(task(run, "Task_ReviewReport").getFollowUpDate()).isEqualTo(date("2026-02-09T17:30:00+08:00"));
    // when the warning and the overdue timers fire
    fire(run, "BoundaryEvent_ReviewReportWarning", OffsetDateTime.parse("2026-02-09T17:30:00+08:00"));
    fire(run, "BoundaryEvent_ReviewReportOverdue", OffsetDateTime.parse("2026-02-10T17:30:00+08:00"));
    // then the owner was warned, owner and recipients told it is overdue, and the review stays open
    assertThat(templatesSentTo(run.getBusinessKey(), "qiguan")).containsExactly("report.reviewWarning",
        "report.reviewOverdue");
    assertThat(templatesSentTo(run.getBusinessKey(), "zongjingli")).containsExactly("report.reviewOverdue");
    assertThat(run).isWaitingAt("Task_ReviewReport");
    assertThat(candidateGroups(task(run, "Task_ReviewReport"))).containsExactly("enterprise-management");
    // and when it is confirmed, the recipients get it
    confirm(run, "一月投诉已核对", "加强包装检查");
    assertThat(run).isEnded();
    assertThat(templatesSentTo(run.getBusinessKey(), "zongjingli")).contains("report.distributed");
    assertThat(templatesSentTo(run.getBusinessKey(), "zhiliang1")).containsExactly("report.reviewOverdue",
        "report.distributed");
    ReportRecord record = records.find(ReportType.COMPLAINT_STATISTICS, java.time.YearMonth.of(2026, 1)).orElseThrow();
    assertThat(record.confirmedBy()).isEqualTo("qiguan");
    assertThat(record.comments()).isEqualTo("一月投诉已核对");
    assertThat(record.measures()).isEqualTo("加强包装检查");
    assertThat(record.confirmedAt()).isNotNull();
    assertThat(record.dueAt()).isEqualTo(date("2026-02-10T17:30:00+08:00").toInstant());
  }

  @Test
  void shouldSendThePenaltyReviewBackWhenTheGeneralManagerRejectsItAndEscalateALateApproval() {
    // given the penalty review for April, due Saturday 2026-05-09 (a 调休 working day; the 10th is a Sunday)
    ProcessInstance run = startRun(ReportType.PENALTY_REVIEW, "2026-04", "2026-05-06T08:30:00+08:00");
    assertThat(task(run, "Task_ReviewReport").getDueDate()).isEqualTo(date("2026-05-09T17:30:00+08:00"));
    confirm(run, "四月处分", null);
    long id = records.find(ReportType.PENALTY_REVIEW, java.time.YearMonth.of(2026, 4)).orElseThrow().id();
    assertThat(records.find(id).orElseThrow().status()).isEqualTo(ReportRecord.Status.REVIEWED);
    assertThat(candidateGroups(task(run, "Task_ApproveReport"))).containsExactly("general-manager");
    // when the approval runs late and the general manager then sends it back
    fire(run, "BoundaryEvent_ApproveReportOverdue", OffsetDateTime.parse("2026-05-09T17:30:00+08:00"));
    assertThat(templatesSentTo(run.getBusinessKey(), "zongjingli")).contains("report.approvalOverdue");
    claimAndComplete(run, "Task_ApproveReport", "zongjingli", Map.of("approvalDecision", "rejected"));
    // then the owner reviews it again, with the record back to COMPILED
    assertThat(run).isWaitingAt("Task_ReviewReport");
    assertThat(records.find(id).orElseThrow().status()).isEqualTo(ReportRecord.Status.COMPILED);
    confirm(run, "四月处分（已更正）", null);
    claimAndComplete(run, "Task_ApproveReport", "zongjingli", Map.of("approvalDecision", "approved"));
    assertThat(candidateGroups(task(run, "Task_PublishReport"))).containsExactly("hr");
    // the publication runs late too: hr and the owner are told, the task stays
    fire(run, "BoundaryEvent_PublishReportOverdue", OffsetDateTime.parse("2026-05-09T17:30:00+08:00"));
    assertThat(templatesSentTo(run.getBusinessKey(), "renshi")).contains("report.publicationOverdue");
    assertThat(templatesSentTo(run.getBusinessKey(), "qiguan")).contains("report.publicationOverdue");
    claimAndComplete(run, "Task_PublishReport", "renshi", Map.of("publicationNote", "已公布"));
    assertThat(run).hasPassed("Task_DistributeReport").isEnded();
    ReportRecord record = records.find(id).orElseThrow();
    assertThat(record.status()).isEqualTo(ReportRecord.Status.CONFIRMED);
    assertThat(record.comments()).isEqualTo("四月处分（已更正）");
    assertThat(record.approvedBy()).isEqualTo("zongjingli");
    assertThat(templatesSentTo(run.getBusinessKey(), "renshi")).contains("report.distributed");
  }

  @Test
  void shouldDistributeAnApprovedReportWithoutPublicationWhenTheRulesNameNoPublisher() {
    // given rules, as a process owner may set them, that require approval of the supervision report but no publication
    clockAt("2026-04-01T08:30:00+08:00");
    ProcessInstance run = runtime.createProcessInstanceByKey(ReportVariables.PROCESS_KEY)
        .businessKey("RPT-supervisionReport-2026-03")
        .setVariable(ReportVariables.REPORT_TYPE, ReportType.SUPERVISION_REPORT.key())
        .setVariable(ReportVariables.PERIOD, "2026-03")
        .setVariable(ReportVariables.OWNER_GROUP, "customer-service-lead")
        .setVariable(ReportVariables.APPROVER_GROUP, "general-manager")
        .setVariable(ReportVariables.PUBLISHER_GROUP, "")
        .setVariable(ReportVariables.RECIPIENT_GROUPS, "general-manager")
        .setVariable(ReportVariables.DUE_DAY, 31)
        .startBeforeActivity("Task_CompileFigures")
        .execute();
    // when the owner confirms and the general manager approves
    confirm(run, "三月监督", null);
    claimAndComplete(run, "Task_ApproveReport", "zongjingli", Map.of("approvalDecision", "approved"));
    // then it is final and distributed without a publication step
    assertThat(run).hasNotPassed("Task_PublishReport").hasPassed("Task_DistributeReport").isEnded();
    ReportRecord record = records.find(ReportType.SUPERVISION_REPORT, java.time.YearMonth.of(2026, 3)).orElseThrow();
    assertThat(record.status()).isEqualTo(ReportRecord.Status.CONFIRMED);
    assertThat(record.dueAt()).isEqualTo(date("2026-04-30T17:30:00+08:00").toInstant());
    assertThat(templatesSentTo(run.getBusinessKey(), "zongjingli")).containsExactly("report.distributed");
  }

  private ProcessInstance startRun(ReportType type, String period, String at) {
    clockAt(at);
    return runtime.createProcessInstanceByKey(ReportVariables.PROCESS_KEY)
        .businessKey("RPT-" + type.key() + "-" + period)
        .setVariable(ReportVariables.REPORT_TYPE, type.key())
        .setVariable(ReportVariables.PERIOD, period)
        .execute();
  }

  private void confirm(ProcessInstance run, String comments, String measures) {
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(ReportVariables.REVIEW_COMMENTS, comments);
    variables.put(ReportVariables.IMPROVEMENT_MEASURES, measures);
    variables.put("reportConfirmed", true);
    String owner = switch (ReportType.ofKey((String) runtime.getVariable(run.getId(), ReportVariables.REPORT_TYPE))
        .orElseThrow()) {
      case COMPLAINT_STATISTICS, PENALTY_REVIEW -> "qiguan";
      case SUPERVISION_REPORT, STAFF_ASSESSMENT -> "kefuzhuguan";
      case AFTER_SALES_STATISTICS, AFTER_SALES_SUMMARY -> "shouhou";
      case UNIT_ASSESSMENT -> "duban";
    };
    claimAndComplete(run, "Task_ReviewReport", owner, variables);
  }

  private void claimAndComplete(ProcessInstance run, String taskKey, String user, Map<String, Object> variables) {
    Task task = task(run, taskKey);
    taskService.claim(task.getId(), user);
    taskService.complete(task.getId(), variables);
  }

  private void fire(ProcessInstance run, String boundaryEventId, OffsetDateTime at) {
    assertThat(timer(run, boundaryEventId).getDuedate()).isEqualTo(date(at));
    ClockUtil.setCurrentTime(date(at.plusMinutes(1)));
    managementService.executeJob(timer(run, boundaryEventId).getId());
  }

  private Job startTimer() {
    List<Job> jobs = managementService.createJobQuery().processDefinitionKey(ReportVariables.SCHEDULE_PROCESS_KEY)
        .activityId("StartEvent_MonthStarted").timers().list();
    assertThat(jobs).as("the schedule's start timer").hasSize(1);
    return jobs.get(0);
  }

  private ProcessInstance run(ReportType type, String period) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ReportVariables.PROCESS_KEY)
        .processInstanceBusinessKey("RPT-" + type.key() + "-" + period).singleResult();
  }
}
