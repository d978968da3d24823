package org.serviceflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.TimelineEntryView;
import org.serviceflow.support.Intakes;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 转办 from Tasklist (issue 11 item 1), in a real browser on the whole application and embedded PostgreSQL: the
 * clerk kefu1, first-ask owner (首问负责人) of a service request, opens its 答复客户 in 我的待办 and transfers it with the
 * task view's 转办 action (scripts/serviceflow-cases.js) to the colleague kefu2; a transfer without a reason is
 * refused first with the API's Chinese message and changes nothing. The colleague signs in and finds the task in
 * 我的待办; the case timeline has the 转办 entry (replacing the first-ask owner) and the colleague's inbox the notice.
 * The clicks are counted (docs/collaboration.md). The request is registered through the engine as background data.
 */
@PostgresIntegrationTest
class TasklistTransferIT {

  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  static final String CLERK = "kefu1";
  static final String COLLEAGUE = "kefu2";
  static final String PASSWORD = "demo";
  static final String REASON = "本人下午请假，由同事答复";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  IdentityService identityService;

  @Autowired
  TaskService taskService;

  @Autowired
  CaseFileService caseFiles;

  @Autowired
  JdbcTemplate jdbc;

  @BeforeAll
  static void requireChromium() {
    TasklistBrowser.assumeChromium();
  }

  @Test
  void shouldTransferATaskInTasklistToAColleagueWhoFindsItInTheirList() {
    ProcessInstance order = startAs(CLERK, "afterSalesService", Intakes.afterSalesRepair("KX-TRANSFER-0001"));
    String caseNumber = order.getBusinessKey();
    Task reply = taskService.createTaskQuery().processInstanceId(order.getId())
        .taskDefinitionKey("Task_ReplyToCustomer").singleResult();
    assertThat(reply.getAssignee()).as("the first-ask owner holds 答复客户").isEqualTo(CLERK);

    try (TasklistBrowser browser = new TasklistBrowser("http://localhost:" + port, SCREENSHOTS)) {
      browser.loadTasklist(Duration.ofMinutes(3));
      browser.login(CLERK, PASSWORD);
      int signedIn = browser.clicks();

      // when the clerk opens the task from 我的待办 (shown after sign-in) and uses 转办
      browser.openTaskFromList("我的待办", "答复客户", reply.getId());
      assertThat(browser.caseLineOfCard(reply.getId()).getText()).startsWith(caseNumber + " · ");
      assertThat(browser.collaborationActions()).containsExactly("转办", "委派", "抄送");
      int opened = browser.clicks();

      // a transfer without a reason is refused with the API's Chinese message, and nothing changes
      browser.collaborate("transfer", COLLEAGUE, "");
      assertThat(browser.collaborationRefusal()).isEqualTo("请填写原因");
      assertThat(assignee(reply)).isEqualTo(CLERK);
      int refusedClicks = browser.clicks() - opened;

      int mark = browser.clicks();
      browser.collaborate("transfer", COLLEAGUE, REASON);
      int transferClicks = browser.clicks() - mark;
      assertThat(browser.collaborationRefusal()).isNull();
      assertThat(browser.collaborationNotice()).isEqualTo("已转办给 " + COLLEAGUE + "：“答复客户”");
      browser.screenshot("transfer-done");
      assertThat(assignee(reply)).as("the colleague holds the task").isEqualTo(COLLEAGUE);
      browser.waitUntilGoneFromList(reply.getId()); // the clerk's 我的待办 is reloaded without a click
      int clerkClicks = browser.clicks() - signedIn;
      browser.logout();

      // then the colleague finds it in 我的待办
      browser.login(COLLEAGUE, PASSWORD);
      assertThat(browser.caseNumbersInFilter("我的待办", List.of(caseNumber))).as("我的待办 of " + COLLEAGUE)
          .contains(caseNumber);
      browser.openTaskFromList("我的待办", "答复客户", reply.getId());
      assertThat(browser.caseLineOfCard(reply.getId()).getText()).startsWith(caseNumber + " · ");

      System.out.println("CLICKS TasklistTransferIT: open the task " + (opened - signedIn) + ", refused try "
          + refusedClicks + ", transfer " + transferClicks + ", clerk in all " + clerkClicks);
      assertThat(opened - signedIn).as("open the task from the list shown after sign-in").isEqualTo(1);
      assertThat(refusedClicks).as("转办, receiver, reason, 确定").isEqualTo(4);
      assertThat(transferClicks).as("in the same dialog: receiver, reason, 确定").isEqualTo(3);
    }

    // the timeline says who passed it to whom and why, replacing the first-ask owner; the colleague is told
    List<TimelineEntryView> transfers = caseFiles.timeline(caseNumber).stream()
        .filter(entry -> "转办".equals(entry.action())).toList();
    assertThat(transfers).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo(CLERK);
      assertThat(entry.activityId()).isEqualTo("Task_ReplyToCustomer");
      assertThat(entry.outcome()).isEqualTo("“答复客户”转办给 李娜（kefu2），替换首问负责人 王芳（kefu1）；原因：" + REASON);
    });
    List<Map<String, Object>> notices = jdbc.queryForList("select template_key, body from notification"
        + " where case_number = ? and recipient = ? and channel = 'INBOX'", caseNumber, COLLEAGUE);
    assertThat(notices).filteredOn(row -> "collaboration.transferred".equals(row.get("template_key")))
        .singleElement().satisfies(row -> assertThat((String) row.get("body")).contains("答复客户", REASON));
  }

  private String assignee(Task task) {
    return taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
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
