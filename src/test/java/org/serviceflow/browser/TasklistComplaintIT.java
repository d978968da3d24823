package org.serviceflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseStarter;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.casefile.TimelineEntryView;
import org.serviceflow.support.Intakes;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in a real browser (headless Debian Chromium, Chinese locale) on the whole application and
 * embedded PostgreSQL: the main path of 投诉处理 (a valid complaint, not against staff, with a compensation within
 * the handling department's limit), from the start form to the close, every user task through its Camunda Form
 * by a member of the group the model offers it to. A customer-service clerk starts it and is told the new case
 * number and its first deadline; the quality department's least-loaded member responds, verifies and proposes the
 * solution; the department's lead (质量管理部负责人) approves it (800 yuan, within the lead's 1,000); the first member
 * carries it out; the clerk tells the customer and makes the return visit. Every task's card shows the case line
 * (case number linking to the case page, customer); the quality department's filters list the case above a B-tier
 * case received earlier. The clicks per task are printed (line "CLICKS") and written in docs/processes/complaint.md.
 * Screenshots go to target/screenshots, or, to refresh the ones in the docs, to the folder named by
 * -Dscreenshots.dir=docs/processes/img.
 */
@PostgresIntegrationTest
class TasklistComplaintIT {

  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  static final String CLERK = "kefu1";
  static final List<String> QUALITY = List.of("zhiliang1", "zhiliang2");
  /** 质量管理部负责人 (quality-lead), who approves a solution of up to 1,000 yuan. */
  static final String QUALITY_LEAD = "zhiliangzhuguan";
  static final String PASSWORD = "demo";
  static final String CUSTOMER = "浏览器测试客户";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  TaskService taskService;

  @Autowired
  HistoryService historyService;

  @Autowired
  ManagementService managementService;

  @Autowired
  IdentityService identityService;

  @Autowired
  CaseFileService caseFiles;

  @Autowired
  CaseStarter caseStarter;

  /** Per task: whether its complete button was in the window when the task opened (printed with the clicks). */
  final Map<String, Boolean> completeButtonInView = new LinkedHashMap<>();

  @BeforeAll
  static void requireChromium() {
    TasklistBrowser.assumeChromium();
  }

  @Test
  void shouldTakeAComplaintFromTheStartFormToItsCloseThroughTasklistFormsByTheRightUsers() throws Exception {
    // given: a B-tier complaint of another customer, received a moment earlier, already waits at the quality
    // department (background data, started through the service as a second clerk)
    String earlierCase = startBackgroundComplaint("kefu2");
    Map<String, Integer> clicks = new LinkedHashMap<>();
    String instance;
    try (TasklistBrowser browser = new TasklistBrowser("http://localhost:" + port, SCREENSHOTS)) {
      // when: a customer-service clerk fills the start form of 投诉处理 and submits it
      browser.login(CLERK, PASSWORD);
      int mark = browser.clicks();
      browser.openStartForm("投诉处理");
      assertThat(browser.formLabels()).as("the start form's labels").contains("客户姓名", "联系电话", "客户等级",
          "投诉内容", "发生日期", "投诉渠道", "投诉类别", "严重程度");
      browser.type("Field_CustomerName", CUSTOMER);
      browser.type("Field_CustomerPhone", "13912345678");
      browser.type("Field_CustomerEmail", "liu.min@example.com");
      browser.radio("Field_CustomerTier", 0);
      browser.type("Field_ProductOrOrderNo", "SO-2026-0077");
      browser.type("Field_Content", "购买的空气净化器运行时异响，滤网盖无法扣紧。");
      browser.pickToday("Field_OccurredOn");
      assertThat(browser.selectedLabel("Field_Channel")).as("channel: 电话 by default").isEqualTo("电话");
      browser.select("Field_Category", "产品质量");
      assertThat(browser.radioChosen("Field_Severity", 0)).as("severity: 一般 by default").isTrue();
      browser.screenshot("1-start-form");
      assertThat(browser.formErrors()).isEmpty();
      browser.submitStartForm();
      clicks.put("StartEvent_ComplaintReceived", browser.clicks() - mark);
      browser.screenshot("2-started");

      // then: a complaint case runs, started by the clerk and routed to the quality department
      HistoricProcessInstance started = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey("complaint").variableValueEquals("customerName", CUSTOMER).singleResult();
      assertThat(started).isNotNull();
      assertThat(started.getStartUserId()).isEqualTo(CLERK);
      instance = started.getId();
      String caseNumber = started.getBusinessKey();
      assertThat(caseNumber).startsWith("TS");
      CaseView.Deadline firstDeadline = caseFiles.get(caseNumber).deadlines().get(0);
      assertThat(firstDeadline.kind()).isEqualTo("FIRST_RESPONSE");
      assertThat(browser.intakeNotice()).as("the clerk is told the new case number and its first deadline")
          .isEqualTo("已受理，案件编号 " + caseNumber + "，办理时限 "
              + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(firstDeadline.dueAt()));
      assertThat(runtimeService.getVariable(instance, "handlingGroup")).isEqualTo("quality");

      // and: only the case's owner is told its intake
      String intakeNotice = "/camunda/api/tasklist/plugin/serviceflow-intake/default/intake/" + caseNumber;
      assertThat(browser.status(intakeNotice)).as("the case's owner reads its intake notice").isEqualTo(200);
      browser.logout();
      assertThat(browser.status(intakeNotice)).as("nobody signed in").isEqualTo(401);
      Task firstResponse = task(instance, "Task_FirstResponse");
      assertThat(firstResponse.getAssignee()).as("the first response goes to a quality member").isIn(QUALITY);
      String handler = firstResponse.getAssignee();
      browser.login(handler, PASSWORD);
      assertThat(browser.status(intakeNotice)).as("another user is not told the intake").isEqualTo(404);

      // and: the department's filters list the A-tier case above the B-tier one received earlier (priority first)
      assertThat(only(browser.caseNumbersInFilter("我组待办", List.of(caseNumber, earlierCase)), caseNumber, earlierCase))
          .as("我组待办 of " + handler).containsExactly(caseNumber, earlierCase);
      assertThat(browser.caseNumbersInFilter("A类客户 / 紧急", List.of(caseNumber)))
          .as("A类客户 / 紧急 of " + handler).contains(caseNumber).doesNotContain(earlierCase);
      assertThat(browser.caseNumbersInFilter("我的待办", List.of(caseNumber))).as("我的待办 of " + handler)
          .contains(caseNumber);

      // when: the quality member responds first (assigned to them), then verifies and proposes the solution
      mark = browser.clicks();
      browser.openTaskFromList("我的待办", "首次响应", firstResponse.getId());
      WebElement card = browser.caseLineOfCard(firstResponse.getId());
      assertThat(card.getText()).isEqualTo(caseNumber + " · 客户：" + CUSTOMER);
      assertThat(card.findElement(By.tagName("a")).getAttribute("href")).endsWith("/cases/" + caseNumber);
      browser.claimIfNeeded();
      completeButtonInView.put("Task_FirstResponse", browser.completeButtonInView());
      browser.screenshot("3-task-list");
      assertLabels(browser, "响应方式", "响应记录");
      assertThat(browser.radioChosen("Field_FirstResponseChannel", 0)).as("电话 by default").isTrue();
      browser.type("Field_FirstResponseNote", "已致电客户，约定三个工作日内上门检查。");
      complete(browser, instance, "Task_FirstResponse", handler);
      clicks.put("Task_FirstResponse", browser.clicks() - mark);

      mark = browser.clicks();
      Task verification = openGroupTask(browser, "我组待办", "初步核实", instance, "Task_VerifyComplaint", caseNumber);
      assertLabels(browser, "投诉是否属实", "核实情况");
      browser.radio("Field_VerificationResult", 0);
      browser.type("Field_VerificationNote", "上门检查：滤网盖卡扣断裂，投诉属实。");
      browser.screenshot("4-verify-form");
      complete(browser, instance, verification.getTaskDefinitionKey(), handler);
      clicks.put("Task_VerifyComplaint", browser.clicks() - mark);
      assertThat(runtimeService.getVariable(instance, "verificationResult")).isEqualTo("valid");

      mark = browser.clicks();
      openGroupTask(browser, "我组待办", "分析原因并提出解决方案", instance, "Task_ProposeSolution", caseNumber);
      browser.screenshot("5-verified");
      assertLabels(browser, "原因分析", "责任人", "解决方案", "涉及赔偿或退货（需按金额审批）", "能否立即解决");
      browser.type("Field_Cause", "滤网盖卡扣注塑件批次 K-0912 强度不足。");
      browser.type("Field_ResponsiblePerson", "注塑车间 赵组长");
      browser.type("Field_Solution", "上门更换滤网盖，并补偿一年滤网。");
      browser.checkbox("Field_CompensationInvolved");
      assertLabels(browser, "赔偿金额（元）");
      browser.type("Field_CompensationAmount", "800");
      assertThat(browser.radioChosen("Field_ResolutionMode", 0)).as("能立即解决 by default").isTrue();
      browser.screenshot("6-solution-form");
      complete(browser, instance, "Task_ProposeSolution", handler);
      clicks.put("Task_ProposeSolution", browser.clicks() - mark);
      assertThat(runtimeService.getVariable(instance, "approverGroup")).as("800 yuan: the department's lead approves")
          .isEqualTo("quality-lead");

      // when: the department's lead approves the solution (the model offers it to the group quality-lead)
      browser.logout();
      browser.login(QUALITY_LEAD, PASSWORD);
      mark = browser.clicks();
      openGroupTask(browser, "我组待办", "审批解决方案", instance, "Task_ApproveSolution", caseNumber);
      assertLabels(browser, "审批意见", "审批说明");
      assertThat(browser.visibleText()).as("the approver sees the amount").containsPattern("赔偿金额（元）：\\s*800");
      browser.radio("Field_ApprovalDecision", 0);
      browser.screenshot("7-approve-form");
      complete(browser, instance, "Task_ApproveSolution", QUALITY_LEAD);
      clicks.put("Task_ApproveSolution", browser.clicks() - mark);

      // when: the quality member carries the solution out
      browser.logout();
      browser.login(handler, PASSWORD);
      mark = browser.clicks();
      openGroupTask(browser, "我组待办", "落实解决方案", instance, "Task_ImplementSolution", caseNumber);
      assertLabels(browser, "落实结果");
      browser.type("Field_ImplementationResult", "已上门更换滤网盖，赠送的滤网已寄出，客户确认不再异响。");
      complete(browser, instance, "Task_ImplementSolution", handler);
      clicks.put("Task_ImplementSolution", browser.clicks() - mark);

      // when: the clerk, the case's owner, tells the customer the result and makes the return visit
      browser.logout();
      browser.login(CLERK, PASSWORD);
      mark = browser.clicks();
      openGroupTask(browser, "我组待办", "告知处理结果", instance, "Task_NotifyCustomerOfResult", caseNumber);
      assertLabels(browser, "告知记录");
      browser.type("Field_ResultNote", "已电话告知客户处理结果，客户表示认可。");
      complete(browser, instance, "Task_NotifyCustomerOfResult", CLERK);
      clicks.put("Task_NotifyCustomerOfResult", browser.clicks() - mark);

      mark = browser.clicks();
      openGroupTask(browser, "我组待办", "回访", instance, "Task_ReturnVisit", caseNumber);
      assertLabels(browser, "客户是否满意", "回访记录");
      browser.radio("Field_Satisfaction", 0);
      browser.type("Field_ReturnVisitNote", "回访：净化器运行正常，客户满意。");
      browser.screenshot("8-return-visit-form");
      complete(browser, instance, "Task_ReturnVisit", CLERK);
      clicks.put("Task_ReturnVisit", browser.clicks() - mark);
      System.out.println("CLICKS complaint main path: " + clicks + ", total of the tasks "
          + clicks.values().stream().mapToInt(Integer::intValue).sum() + ", 5 sign-ins of 3 clicks; complete button in view on opening: " + completeButtonInView);
    }

    // when: the engine closes the case. 结案 is asynchronous (asyncBefore); the job executor is off in tests, so the
    // test runs that one job itself. No user takes part in it.
    Job close = managementService.createJobQuery().processInstanceId(instance).activityId("Task_CloseCase").singleResult();
    assertThat(close).as("the close waits as a job").isNotNull();
    managementService.executeJob(close.getId());

    // then: the process has ended at 已结案, along the main path, with its outcomes
    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance)
        .singleResult();
    assertThat(ended.getEndTime()).as("ended").isNotNull();
    assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_ComplaintClosed");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).activityType("userTask")
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list())
        .extracting(HistoricActivityInstance::getActivityId)
        .containsExactly("Task_FirstResponse", "Task_VerifyComplaint", "Task_ProposeSolution", "Task_ApproveSolution",
            "Task_ImplementSolution", "Task_NotifyCustomerOfResult", "Task_ReturnVisit");
    assertThat(variable(instance, "channel")).isEqualTo("phone");
    assertThat(variable(instance, "severity")).isEqualTo("general");
    assertThat(variable(instance, "firstResponseChannel")).isEqualTo("phone");
    assertThat(variable(instance, "verificationResult")).isEqualTo("valid");
    assertThat(variable(instance, "compensationInvolved")).isEqualTo(true);
    assertThat(((Number) variable(instance, "compensationAmount")).intValue()).isEqualTo(800);
    assertThat(variable(instance, "approverGroup")).isEqualTo("quality-lead");
    assertThat(variable(instance, "approvalDecision")).isEqualTo("approved");
    assertThat(variable(instance, "resolutionMode")).isEqualTo("immediate");
    assertThat(variable(instance, "satisfaction")).isEqualTo("satisfied");

    // and: the case file is closed, every deadline met, and its timeline holds every step by who did it
    String caseNumber = ended.getBusinessKey();
    CaseView caseFile = caseFiles.get(caseNumber);
    assertThat(caseFile.status()).isEqualTo(CaseFileService.STATUS_CLOSED);
    assertThat(caseFile.closedAt()).isNotNull();
    assertThat(caseFile.ownerUser()).isEqualTo(CLERK);
    assertThat(caseFile.flaggedForReview()).isFalse();
    assertThat(caseFile.deadlines()).extracting(CaseView.Deadline::kind)
        .contains("FIRST_RESPONSE", "VERIFICATION", "RESOLUTION", "RETURN_VISIT");
    assertThat(caseFile.deadlines()).allSatisfy(deadline -> assertThat(deadline.metAt()).as(deadline.kind()).isNotNull());
    List<TimelineEntryView> timeline = caseFiles.timeline(caseNumber);
    assertThat(timeline.get(0).action()).contains(CaseFileService.ACTION_OPENED);
    assertThat(timeline.get(timeline.size() - 1).action()).contains(CaseFileService.ACTION_CLOSED);
    Map<String, String> actorOf = timeline.stream().filter(entry -> entry.activityId() != null
        && entry.activityId().startsWith("Task_") && entry.actor() != null)
        .collect(Collectors.toMap(TimelineEntryView::activityId, TimelineEntryView::actor, (first, second) -> second));
    Map<String, String> assignees = historyService.createHistoricTaskInstanceQuery().processInstanceId(instance)
        .finished().list().stream().collect(Collectors.toMap(HistoricTaskInstance::getTaskDefinitionKey,
            HistoricTaskInstance::getAssignee));
    assertThat(timeline).extracting(TimelineEntryView::activityId).containsSubsequence("Task_FirstResponse",
        "Task_VerifyComplaint", "Task_ProposeSolution", "Task_ApproveSolution", "Task_ImplementSolution",
        "Task_NotifyCustomerOfResult", "Task_ReturnVisit");
    assertThat(assignees).containsEntry("Task_NotifyCustomerOfResult", CLERK).containsEntry("Task_ReturnVisit", CLERK);
    assertThat(assignees.get("Task_ApproveSolution")).isEqualTo(QUALITY_LEAD);
    assignees.forEach((task, assignee) -> assertThat(actorOf).as("timeline actor of " + task).containsEntry(task, assignee));
    assertThat(timeline).filteredOn(entry -> "Task_ApproveSolution".equals(entry.activityId()))
        .extracting(TimelineEntryView::outcome).containsExactly("approvalDecision=approved; approvalNote="); // the empty note is submitted as ""
    assertThat(caseFile.outcome()).isEqualTo("投诉属实，已处理，客户满意");
    assertThat(timeline.get(timeline.size() - 1).outcome()).isEqualTo(caseFile.outcome());
    assertThat(clicks).containsOnlyKeys("StartEvent_ComplaintReceived", "Task_FirstResponse", "Task_VerifyComplaint",
        "Task_ProposeSolution", "Task_ApproveSolution", "Task_ImplementSolution", "Task_NotifyCustomerOfResult",
        "Task_ReturnVisit");
  }

  /** Starts a B-tier complaint (Intakes.complaint, routed to quality) as the given clerk, through the service. */
  private String startBackgroundComplaint(String clerk) {
    identityService.setAuthentication(clerk, List.of("customer-service"));
    try {
      return caseStarter.start("complaint", Intakes.complaint()).caseNumber();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The one open task of this element in the instance. */
  private Task task(String instance, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    return task;
  }

  /** Opens the group task of this element in the filter, checks its card's case line, and claims it. */
  private Task openGroupTask(TasklistBrowser browser, String filter, String taskName, String instance, String taskKey,
      String caseNumber) {
    Task task = task(instance, taskKey);
    browser.openTaskFromList(filter, taskName, task.getId());
    assertThat(browser.caseLineOfCard(task.getId()).getText()).as("case line of " + taskKey)
        .isEqualTo(caseNumber + " · 客户：" + CUSTOMER);
    browser.claimIfNeeded();
    completeButtonInView.put(taskKey, browser.completeButtonInView());
    return task;
  }

  /** Checks that the open form shows these Chinese labels (after the case summary every task form starts with). */
  private static void assertLabels(TasklistBrowser browser, String... labels) {
    assertThat(browser.formLabels()).contains("案件编号", "客户姓名").contains(labels);
  }

  /** Completes the open task with no validation message showing, and checks the engine finished it by that user. */
  private void complete(TasklistBrowser browser, String instance, String taskKey, String user) {
    assertThat(browser.formErrors()).as("validation messages on " + taskKey).isEmpty();
    // after 告知处理结果 Tasklist tells the clerk that 回访 is assigned to them too (首问负责人); that notice lies
    // over 完成 for a while, so wait until Tasklist's notices are gone (a user fills the form meanwhile)
    browser.completeTaskOnceNoticesAreGone();
    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().processInstanceId(instance)
        .taskDefinitionKey(taskKey).finished().singleResult();
    assertThat(done).as(taskKey + " finished").isNotNull();
    assertThat(done.getAssignee()).as(taskKey + " done by").isEqualTo(user);
  }

  private Object variable(String instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
        .singleResult().getValue();
  }

  /** The given case numbers in the order a filter lists them (other cases are left out). */
  private static List<String> only(List<String> listed, String... caseNumbers) {
    List<String> wanted = List.of(caseNumbers);
    return listed.stream().filter(wanted::contains).toList();
  }
}
