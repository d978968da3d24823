package org.serviceflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.casefile.TimelineEntryView;
import org.serviceflow.processchange.ProcessChangeVariables;
import org.serviceflow.support.EngineRest;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 15, the main path of 流程新增/变更审批 in Tasklist (headless Debian Chromium, Chinese locale) on the whole
 * application and embedded PostgreSQL: the process owner applies through the start form (an organisational change
 * of 投诉处理 without model files: Tasklist cannot upload files, see docs/processes/process-change.md), then
 * 企管部 (formal review), the owner group 客服部 (review meeting), 管理者代表, 总经理 (level 2 approval), 企管部 again
 * (filing and version bump) and the affected group 客服部 (training) each complete their task through its Camunda Form.
 * Only the effective date's timer and the asynchronous go-live job are run through the Java API, as the job
 * executor would at 00:00 of that day. Every user's clicks are counted (docs/processes/process-change.md, 在 Tasklist
 * 中办理：点击次数).
 *
 * <p>The engine clock is moved to the effective date and the catalogue records the approval, so the context is
 * discarded afterwards.
 */
@PostgresIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TasklistProcessChangeIT {

  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String PASSWORD = "demo";
  /** Demo users (README.md): process owner 马超, 企管部 孙涛, 客服部 王芳, 管理者代表 朱红, 总经理 徐明. */
  static final String PROCESS_OWNER = "liuchengjingli";
  static final String ENTERPRISE_MANAGEMENT = "qiguan";
  static final String CLERK = "kefu1";
  static final String MANAGEMENT_REP = "guanlidaibiao";
  static final String GENERAL_MANAGER = "zongjingli";
  static final String DESCRIPTION = "浏览器测试：投诉“解释说明”环节改为“解释说明并致歉”，并更新话术文件";

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ManagementService managementService;
  @Autowired
  CaseFileService caseFiles;

  /** Clicks per step, in the order of the path ("登录 qiguan", "形式审查", ...). */
  private final Map<String, Integer> clicks = new LinkedHashMap<>();
  /** Per task: whether its complete button is in the window as the form opens. */
  private final Map<String, Boolean> inView = new LinkedHashMap<>();

  @BeforeAll
  static void requireChromium() {
    TasklistBrowser.assumeChromium();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldTakeAChangeFromTheApplicationToGoLiveThroughTasklistForms() throws Exception {
    LocalDate effectiveDate = LocalDate.now(SHANGHAI).plusMonths(1).withDayOfMonth(1);
    String later = backgroundApplicationDueLater();
    String caseNumber;
    String pid;

    try (TasklistBrowser browser = new TasklistBrowser("http://localhost:" + port, SCREENSHOTS)) {
      // given: the process owner fills the start form: a level 2 change of 投诉处理, effective on the 1st of next month
      login(browser, PROCESS_OWNER);
      int before = browser.clicks();
      browser.openStartForm("流程新增/变更审批");
      assertThat(browser.visibleText()).contains("流程新增/变更审批表", "流程标识（key）", "申请类型", "流程级别（1–4）",
          "生效日期", "业务部门（评审会）", "受影响的部门（需培训确认）");
      browser.type("Field_TargetProcessKey", "complaint");
      browser.type("Field_TargetProcessName", "投诉处理");
      assertThat(browser.radioChosen("Field_ChangeType", 1)).as("变更 is the default type").isTrue();
      browser.type("Field_Level", "2");
      browser.selectOption("Field_Category", "业务");
      browser.selectOption("Field_Trigger", "投诉分析");
      browser.type("Field_Description", DESCRIPTION);
      browser.pickDate("Field_EffectiveDate", effectiveDate);
      browser.selectOption("Field_OwnerGroup", "客服部");
      browser.radio("Field_AffectedGroups", 0); // a checklist: 客服部 is its first option
      browser.screenshot("change-1-start-form");
      assertThat(browser.formErrors()).isEmpty();
      browser.submitStartForm();
      record("申请（开始表单）", browser.clicks() - before);

      // then: a change case runs, started by the process owner, and he is told its number and first deadline
      HistoricProcessInstance started = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey(ProcessChangeVariables.PROCESS_KEY)
          .variableValueEquals(ProcessChangeVariables.DESCRIPTION, DESCRIPTION).singleResult();
      assertThat(started).isNotNull();
      assertThat(started.getStartUserId()).isEqualTo(PROCESS_OWNER);
      caseNumber = started.getBusinessKey();
      assertThat(caseNumber).matches("LC" + DateTimeFormatter.ofPattern("yyMM").format(LocalDate.now(SHANGHAI))
          + "\\d{4,}");
      CaseView.Deadline firstDeadline = caseFiles.get(caseNumber).deadlines().get(0);
      assertThat(firstDeadline.kind()).isEqualTo("FORMAL_REVIEW");
      assertThat(browser.intakeNotice()).isEqualTo("已受理，案件编号 " + caseNumber + "，办理时限 "
          + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(firstDeadline.dueAt()));
      pid = started.getId();
      assertThat(runtimeService.getVariables(pid)).containsEntry("changeType", "change").containsEntry("level", 2)
          .containsEntry("ownerGroup", "customer-service").containsEntry("effectiveDate", effectiveDate.toString());
      browser.screenshot("change-2-started");
      String caseLine = caseNumber + " · 申请人：" + PROCESS_OWNER;

      // when: 企管部 sees both formal reviews, the earlier due first, and passes this one
      logoutAndLogin(browser, ENTERPRISE_MANAGEMENT);
      List<String> listed = reread(() -> browser.caseNumbersInFilter("我组待办", List.of(caseNumber, later)));
      assertThat(listed.stream().filter(List.of(caseNumber, later)::contains).toList())
          .as("我组待办 of 企管部, by priority then due date").containsExactly(caseNumber, later);
      assertThat(reread(() -> browser.taskNames("我组待办", List.of("形式审查")))).containsOnly("形式审查");
      assertThat(listed).as("企管部 sees only its group's tasks").allSatisfy(number -> assertThat(
          taskService.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup("enterprise-management")
              .count()).isPositive());
      browser.screenshot("change-3-formal-review-list");
      work(browser, ENTERPRISE_MANAGEMENT, pid, "Task_FormalReview", "形式审查", caseLine,
          List.of("形式审查", "案件编号", "结论", "意见"), form -> {
        form.radio("Field_FormalReviewResult", 0);
        form.type("Field_FormalReviewNote", "符合流程制度标准，与售后、12345 流程无冲突。");
      });

      // when: the owner group's clerk confirms the plan in the review meeting
      logoutAndLogin(browser, CLERK);
      work(browser, CLERK, pid, "Task_ReviewMeeting", "评审会", caseLine,
          List.of("评审会", "申请", "结论", "确认方案", "意见"), form -> {
        form.radio("Field_MeetingResult", 0);
        form.type("Field_MeetingNote", "客服部评审会确认方案。");
      });

      // when: the management representative agrees and passes it on
      logoutAndLogin(browser, MANAGEMENT_REP);
      work(browser, MANAGEMENT_REP, pid, "Task_ManagementRepReview", "管理者代表审核", caseLine,
          List.of("管理者代表审核", "评审会意见", "同意，提交审批", "审核意见"), form -> {
            form.radio("Field_ManagementRepResult", 0);
            form.type("Field_ManagementRepNote", "同意，提交总经理审批。");
          });
      assertThat(runtimeService.getVariable(pid, ProcessChangeVariables.APPROVER_GROUP)).as("level 2: 总经理")
          .isEqualTo("general-manager");

      // when: the general manager approves
      logoutAndLogin(browser, GENERAL_MANAGER);
      work(browser, GENERAL_MANAGER, pid, "Task_ApproveChange", "审批", caseLine,
          List.of("管理者代表意见", "审批结论", "不批准的申请办结，不部署任何模型。", "审批意见"),
          form -> {
            form.radio("Field_ApprovalDecision", 0);
            form.type("Field_ApprovalNote", "批准。");
          });

      // when: 企管部 files it as release 1.1
      logoutAndLogin(browser, ENTERPRISE_MANAGEMENT);
      work(browser, ENTERPRISE_MANAGEMENT, pid, "Task_FileChange", "归档并升级版本", caseLine,
          List.of("归档并升级版本", "审批意见", "新版本号"),
          form -> form.type("Field_NewVersionTag", "1.1"));

      // when: the affected group confirms its training
      logoutAndLogin(browser, CLERK);
      work(browser, CLERK, pid, "Task_ConfirmTraining", "培训确认", caseLine,
          List.of("培训确认", "培训情况"),
          form -> form.type("Field_TrainingNote", "客服部已完成培训。"));
      browser.screenshot("change-4-trained");
    }

    // then: all approved, waiting for the effective date
    assertThat(runtimeService.getActiveActivityIds(pid)).containsExactly("Event_EffectiveDate");

    // when: 00:00 of the effective date has come (Asia/Shanghai); the job executor would run its timer and then
    // the asynchronous go-live; it is off in tests, so they are run here
    ClockUtil.setCurrentTime(Date.from(effectiveDate.atTime(0, 5).atZone(SHANGHAI).toInstant()));
    Job timer = managementService.createJobQuery().processInstanceId(pid).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(effectiveDate.atStartOfDay(SHANGHAI).toInstant()));
    managementService.executeJob(timer.getId());
    for (Job job : managementService.createJobQuery().processInstanceId(pid).executable().list()) {
      managementService.executeJob(job.getId());
    }

    // then: the case has ended as 已生效 after the main path, by the right users, and nothing was deployed
    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(pid)
        .singleResult();
    assertThat(ended.getState()).isEqualTo("COMPLETED");
    assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_ChangeEffective");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pid).orderPartiallyByOccurrence()
        .asc().list()).extracting(HistoricActivityInstance::getActivityId).containsSubsequence(
        "StartEvent_ChangeRequested", "Task_RegisterChange", "Task_FormalReview", "Task_ReviewMeeting",
        "Task_ManagementRepReview", "Task_DetermineApprover", "Task_ApproveChange", "Task_FileChange",
        "Task_UpdateCatalogue", "Task_PublishChange", "Task_ConfirmTraining", "Event_EffectiveDate",
        "Task_DeployModels", "Task_CloseEffective", "EndEvent_ChangeEffective");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pid).activityType("userTask")
        .orderPartiallyByOccurrence().asc().list()).extracting(HistoricActivityInstance::getActivityId,
        HistoricActivityInstance::getAssignee).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Task_FormalReview", ENTERPRISE_MANAGEMENT),
        org.assertj.core.groups.Tuple.tuple("Task_ReviewMeeting", CLERK),
        org.assertj.core.groups.Tuple.tuple("Task_ManagementRepReview", MANAGEMENT_REP),
        org.assertj.core.groups.Tuple.tuple("Task_ApproveChange", GENERAL_MANAGER),
        org.assertj.core.groups.Tuple.tuple("Task_FileChange", ENTERPRISE_MANAGEMENT),
        org.assertj.core.groups.Tuple.tuple("Task_ConfirmTraining", CLERK));
    Map<String, Object> variables = new LinkedHashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(pid).list()
        .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    assertThat(variables).containsEntry("formalReviewResult", "pass").containsEntry("meetingResult", "pass")
        .containsEntry("managementRepResult", "pass").containsEntry("approvalDecision", "approved")
        .containsEntry("newVersionTag", "1.1").containsEntry("closeOutcome", "变更已生效")
        .containsEntry("deploymentId", null);

    CaseView file = caseFiles.get(caseNumber);
    assertThat(file.closedAt()).isNotNull();
    assertThat(file.outcome()).isEqualTo("变更已生效");
    List<TimelineEntryView> timeline = caseFiles.timeline(caseNumber);
    assertThat(timeline).extracting(TimelineEntryView::action).containsSubsequence("受理", "形式审查", "评审会",
        "管理者代表审核", "审批", "归档并升级版本", "更新流程清单", "培训确认", "部署新版本");
    assertThat(timeline).filteredOn(entry -> "Task_DeployModels".equals(entry.activityId()))
        .extracting(TimelineEntryView::outcome).containsExactly("无模型文件，未部署");
    assertThat(timeline).filteredOn(entry -> "Task_FormalReview".equals(entry.activityId()))
        .extracting(TimelineEntryView::actor).containsExactly(ENTERPRISE_MANAGEMENT);

    // and: the catalogue lists complaint with release 1.1 and this approval case
    JsonNode complaint = null;
    for (JsonNode entry : new EngineRest(rest).get(PROCESS_OWNER, "/api/process-catalogue")) {
      if ("complaint".equals(entry.path("processKey").asText())) {
        complaint = entry;
      }
    }
    assertThat(complaint).isNotNull();
    assertThat(complaint.path("lastChangeCase").asText()).isEqualTo(caseNumber);
    assertThat(complaint.path("versionTag").asText()).isEqualTo("1.1");
    assertThat(complaint.path("currentVersion").asInt()).as("no model files: the same engine version").isEqualTo(1);

    // and: the clicks of the whole path, per step (docs/processes/process-change.md)
    int total = clicks.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println("TasklistProcessChangeIT clicks " + clicks + " total " + total + "; complete button in view "
        + inView);
    assertThat(clicks).containsExactlyEntriesOf(EXPECTED_CLICKS);
    assertThat(inView).as("each task's complete button is in view as its form opens").containsOnlyKeys(
        "形式审查", "评审会", "管理者代表审核", "审批", "归档并升级版本", "培训确认").doesNotContainValue(false);
  }

  /** The clicks per step of the main path, as measured (login 3, logout 2). */
  static final Map<String, Integer> EXPECTED_CLICKS = new LinkedHashMap<>();

  static {
    EXPECTED_CLICKS.put("1 登录 liuchengjingli", 3);
    EXPECTED_CLICKS.put("2 申请（开始表单）", 17);
    EXPECTED_CLICKS.put("3 退出", 2);
    EXPECTED_CLICKS.put("4 登录 qiguan", 3);
    EXPECTED_CLICKS.put("5 形式审查", 6);
    EXPECTED_CLICKS.put("6 退出", 2);
    EXPECTED_CLICKS.put("7 登录 kefu1", 3);
    EXPECTED_CLICKS.put("8 评审会", 6);
    EXPECTED_CLICKS.put("9 退出", 2);
    EXPECTED_CLICKS.put("10 登录 guanlidaibiao", 3);
    EXPECTED_CLICKS.put("11 管理者代表审核", 6);
    EXPECTED_CLICKS.put("12 退出", 2);
    EXPECTED_CLICKS.put("13 登录 zongjingli", 3);
    EXPECTED_CLICKS.put("14 审批", 6);
    EXPECTED_CLICKS.put("15 退出", 2);
    EXPECTED_CLICKS.put("16 登录 qiguan", 3);
    EXPECTED_CLICKS.put("17 归档并升级版本", 5);
    EXPECTED_CLICKS.put("18 退出", 2);
    EXPECTED_CLICKS.put("19 登录 kefu1", 3);
    EXPECTED_CLICKS.put("20 培训确认", 5);
  }

  /**
   * Background data: another application, through the start form's REST call, started before the one in the browser,
   * whose formal review is then given a later due date (TaskService), so the filters' order by due date differs from
   * the order of creation and of case numbers.
   */
  private String backgroundApplicationDueLater() {
    EngineRest engine = new EngineRest(rest);
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("targetProcessKey", "afterSalesService");
    application.put("targetProcessName", "售后服务");
    application.put("changeType", "change");
    application.put("level", 3);
    application.put("category", "business");
    application.put("trigger", "improvement");
    application.put("description", "背景数据：售后回访话术调整");
    application.put("effectiveDate", LocalDate.now(SHANGHAI).plusMonths(2).withDayOfMonth(1).toString());
    application.put("ownerGroup", "after-sales-manager");
    application.put("affectedGroups", List.of("customer-service"));
    ResponseEntity<String> started = engine.submitStartForm(PROCESS_OWNER, ProcessChangeVariables.PROCESS_KEY,
        application);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode instance = EngineRest.json(started.getBody());
    Task review = taskService.createTaskQuery().processInstanceId(instance.path("id").asText())
        .taskDefinitionKey("Task_FormalReview").singleResult();
    review.setDueDate(Date.from(review.getDueDate().toInstant().plus(java.time.Duration.ofDays(14))));
    taskService.saveTask(review);
    return instance.path("businessKey").asText();
  }

  /**
   * The text of the task's card line and its link. The filters refresh themselves, so a card read while the list is
   * redrawn goes stale: it is read again from the new list.
   */
  private static List<String> caseLineOfCard(TasklistBrowser browser, String taskId) {
    return reread(() -> {
      WebElement line = browser.caseLineOfCard(taskId);
      return List.of(line.getText(), line.findElement(By.tagName("a")).getAttribute("href"));
    });
  }

  /** Reads from the task list again when it was redrawn while being read (at most five times). */
  private static <T> T reread(java.util.function.Supplier<T> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (StaleElementReferenceException redrawn) {
        if (attempt == 5) {
          throw redrawn;
        }
      }
    }
  }

  /** Steps are numbered: a user signs in more than once. */
  private void record(String step, int count) {
    clicks.put((clicks.size() + 1) + " " + step, count);
  }

  private void login(TasklistBrowser browser, String user) {
    int before = browser.clicks();
    browser.login(user, PASSWORD);
    record("登录 " + user, browser.clicks() - before);
  }

  private void logoutAndLogin(TasklistBrowser browser, String user) {
    int before = browser.clicks();
    browser.logout();
    record("退出", browser.clicks() - before);
    login(browser, user);
  }

  /**
   * Opens the case's task from the user's filter (我的待办 when it is assigned to the user, else 我组待办), checks its
   * card, its Chinese labels and that the complete button is in view, fills the form, checks there is no
   * validation message, completes it and waits until the engine has it completed by this user.
   */
  private void work(TasklistBrowser browser, String user, String pid, String taskKey, String taskName, String caseLine,
      List<String> labels, Consumer<TasklistBrowser> fill) {
    String caseNumber = caseLine.substring(0, caseLine.indexOf(' '));
    Task task = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    int before = browser.clicks();
    browser.openTask(task.getAssignee() == null ? "我组待办" : "我的待办", taskName, task.getId());
    List<String> card = caseLineOfCard(browser, task.getId());
    assertThat(card.get(0)).isEqualTo(caseLine);
    assertThat(card.get(1)).endsWith("/cases/" + caseNumber);
    browser.claimIfNeeded();
    assertThat(browser.visibleText()).contains(labels);
    assertThat(browser.visibleText()).contains("案件编号", caseNumber);
    inView.put(taskName, browser.completeButtonInView());
    fill.accept(browser);
    assertThat(browser.formErrors()).as("no validation message").isEmpty();
    browser.screenshot("change-" + taskKey);
    browser.completeTask();
    record(taskName, browser.clicks() - before);
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().singleResult()
        .getAssignee()).as(taskKey + " completed by").isEqualTo(user);
  }
}
