package org.serviceflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in a real browser (headless Debian Chromium, Chinese locale) on the whole application and
 * embedded PostgreSQL: a customer-service clerk starts 投诉处理 through its start form; the quality
 * department's user does the first response and the initial verification through their Camunda Forms;
 * the engine shows the process moved past the verification. Along the way the clerk is told the new case number and its first deadline, and
 * the task list's card of the first response shows the case number (linking to the case page) and the customer. Screenshots go to target/screenshots,
 * or, to refresh the ones in the docs, to the folder named by -Dscreenshots.dir=docs/processes/img.
 */
@PostgresIntegrationTest
class TasklistComplaintIT {

  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  static final String CLERK = "kefu1";
  static final String QUALITY_DEFAULT = "zhiliang1";
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
  CaseFileService caseFiles;

  @BeforeAll
  static void requireChromium() {
    TasklistBrowser.assumeChromium();
  }

  @Test
  void shouldStartAComplaintInTasklistAndVerifyItAsTheQualityDepartment() throws Exception {
    try (TasklistBrowser browser = new TasklistBrowser("http://localhost:" + port, SCREENSHOTS)) {
      // given: a customer-service clerk fills the start form of 投诉处理
      browser.login(CLERK, PASSWORD);
      browser.openStartForm("投诉处理");
      browser.type("Field_CustomerName", CUSTOMER);
      browser.type("Field_CustomerPhone", "13912345678");
      browser.type("Field_CustomerEmail", "liu.min@example.com");
      browser.radio("Field_CustomerTier", 0);
      browser.type("Field_ProductOrOrderNo", "SO-2026-0077");
      browser.type("Field_Content", "购买的空气净化器运行时异响，滤网盖无法扣紧。");
      browser.pickToday("Field_OccurredOn");
      browser.select("Field_Channel", "电话");
      browser.select("Field_Category", "产品质量");
      browser.radio("Field_Severity", 0);
      browser.screenshot("1-start-form");
      assertThat(browser.formErrors()).isEmpty();

      // when: the clerk submits it
      browser.submitStartForm();
      browser.screenshot("2-started");

      // then: a complaint case runs, started by the clerk and routed to the quality department
      HistoricProcessInstance started = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey("complaint").variableValueEquals("customerName", CUSTOMER).singleResult();
      assertThat(started).isNotNull();
      assertThat(started.getStartUserId()).isEqualTo(CLERK);
      String caseNumber = started.getBusinessKey();
      assertThat(caseNumber).startsWith("TS");
      CaseView.Deadline firstDeadline = caseFiles.get(caseNumber).deadlines().get(0);
      assertThat(firstDeadline.kind()).isEqualTo("FIRST_RESPONSE");
      assertThat(browser.intakeNotice()).as("the clerk is told the new case number and its first deadline")
          .isEqualTo("已受理，案件编号 " + caseNumber + "，办理时限 "
              + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(firstDeadline.dueAt()));
      assertThat(runtimeService.getVariable(started.getId(), "handlingGroup")).isEqualTo("quality");

      // when: the quality department's user responds first, then opens the verification and fills its form
      String intakeNotice = "/camunda/api/tasklist/plugin/serviceflow-intake/default/intake/" + caseNumber;
      assertThat(browser.status(intakeNotice)).as("the case's owner reads its intake notice").isEqualTo(200);
      browser.logout();
      assertThat(browser.status(intakeNotice)).as("nobody signed in").isEqualTo(401);
      Task firstResponse = taskService.createTaskQuery().processInstanceId(started.getId())
          .taskDefinitionKey("Task_FirstResponse").singleResult();
      assertThat(firstResponse).as("first response task").isNotNull();
      String quality = firstResponse.getAssignee() != null ? firstResponse.getAssignee() : QUALITY_DEFAULT;
      browser.login(quality, PASSWORD);
      assertThat(browser.status(intakeNotice)).as("another user is not told the intake").isEqualTo(404);
      browser.showTask("我的待办", "首次响应", firstResponse.getId());
      WebElement card = browser.caseLineOfCard(firstResponse.getId());
      assertThat(card.getText()).isEqualTo(caseNumber + " · 客户：" + CUSTOMER);
      assertThat(card.findElement(By.tagName("a")).getAttribute("href")).endsWith("/cases/" + caseNumber);
      browser.openTask("我的待办", "首次响应", firstResponse.getId());
      browser.claimIfNeeded();
      browser.screenshot("3-task-list");
      browser.radio("Field_FirstResponseChannel", 0);
      browser.type("Field_FirstResponseNote", "已致电客户，约定三个工作日内上门检查。");
      browser.completeTask();

      Task verification = taskService.createTaskQuery().processInstanceId(started.getId())
          .taskDefinitionKey("Task_VerifyComplaint").singleResult();
      assertThat(verification).as("verification task").isNotNull();
      browser.openTask("我组待办", "初步核实", verification.getId());
      browser.claimIfNeeded();
      browser.radio("Field_VerificationResult", 0);
      browser.type("Field_VerificationNote", "上门检查：滤网盖卡扣断裂，投诉属实。");
      browser.screenshot("4-verify-form");
      assertThat(browser.formErrors()).isEmpty();
      browser.completeTask();
      Task solution = taskService.createTaskQuery().processInstanceId(started.getId())
          .taskDefinitionKey("Task_ProposeSolution").singleResult();
      assertThat(solution).as("solution task after the verification").isNotNull();
      browser.showTask("我组待办", "分析原因并提出解决方案", solution.getId());
      browser.screenshot("5-verified");

      // then: the verification is done as valid, by that user, and the process moved on to the solution
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(started.getId())
          .taskDefinitionKey("Task_VerifyComplaint").finished().singleResult().getAssignee()).isEqualTo(quality);
      assertThat(runtimeService.getVariable(started.getId(), "verificationResult")).isEqualTo("valid");
      assertThat(taskService.createTaskQuery().processInstanceId(started.getId()).list())
          .extracting(Task::getTaskDefinitionKey).contains("Task_ProposeSolution")
          .doesNotContain("Task_VerifyComplaint", "Task_FirstResponse");
    }
  }
}
