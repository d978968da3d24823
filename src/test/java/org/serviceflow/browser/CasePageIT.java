package org.serviceflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.EngineRest;
import org.serviceflow.support.EngineRest.Step;
import org.serviceflow.support.IntakeRequests;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The case page /cases/{n} in headless Debian Chromium on the whole application and embedded PostgreSQL, signed in
 * through the Tasklist login page: a complaint taken in through the API, its first response done and its
 * verification paused, shows its header, its deadlines' states and its timeline (screenshot docs/images/case-page.png);
 * a handling unit opening a 举报 sees no reporter; not signed in, forbidden and unknown cases read clear Chinese
 * messages; the Cockpit link shows for those who may use Cockpit only.
 */
@PostgresIntegrationTest
class CasePageIT {

  static final Path SCREENSHOT = Path.of(System.getProperty("case-page.screenshot", "docs/images/case-page.png"));
  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  static final String LOADED = "body[data-loaded='true'] #timeline tbody tr";
  static final String FAILED = "body[data-loaded='error'] #message";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;

  @BeforeAll
  static void requireChromium() {
    TasklistBrowser.assumeChromium();
  }

  private TasklistBrowser browser() {
    return new TasklistBrowser("http://localhost:" + port, SCREENSHOTS);
  }

  private String text(TasklistBrowser browser, String css) {
    return (String) browser.script("var e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
  }

  @Test
  void shouldShowHeaderDeadlineStatesAndTimelineOfAComplaintToTheSignedInClerk() throws Exception {
    // given: a complaint taken in by kefu1 through the API, first response done, verification paused for the customer
    EngineRest engine = new EngineRest(rest);
    ResponseEntity<String> created = engine.post("kefu1", "/api/complaints", IntakeRequests.complaint("页面测试客户"));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = EngineRest.json(created.getBody()).path("caseNumber").asText();
    String processInstanceId = EngineRest.json(created.getBody()).path("processInstanceId").asText();
    Task firstResponse = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("Task_FirstResponse").singleResult();
    String quality = firstResponse.getAssignee() != null ? firstResponse.getAssignee() : "zhiliang1";
    engine.complete(caseNumber, new Step("Task_FirstResponse", quality,
        Map.of("firstResponseChannel", "phone", "firstResponseNote", "已致电客户，约定上门检查")));
    ResponseEntity<String> paused = engine.post(quality, "/api/cases/" + caseNumber + "/pauses",
        EngineRest.json("{\"type\": \"customer-information\", \"reason\": \"等待客户补充漏水照片\"}"));
    assertThat(paused.getStatusCode()).as(paused.getBody()).isEqualTo(HttpStatus.CREATED);

    try (TasklistBrowser browser = browser()) {
      // when: the clerk signs in to Tasklist and opens the case page
      browser.login("kefu1", "demo");
      browser.open("/cases/" + caseNumber, LOADED);
      browser.screenshotTo(SCREENSHOT);

      // then: header facts with Chinese labels
      assertThat(text(browser, "h1")).contains(caseNumber, "投诉", "已挂起");
      assertThat(text(browser, "#facts")).contains("页面测试客户", "13812345678", "电话", "产品质量", "一般", "客服部", "kefu1");
      // the deadlines with their states: first response met in time, verification paused
      assertThat(text(browser, "#deadlines tr[data-kind='FIRST_RESPONSE']")).contains("首次响应", "已完成（按时）");
      assertThat(text(browser, "#deadlines tr[data-kind='VERIFICATION']")).contains("初步核实", "已挂起");
      assertThat(text(browser, "#pauses tbody")).contains("挂起中", "客户", "等待客户补充漏水照片");
      // the timeline as a table: who, what, outcome
      assertThat((Long) browser.script("return document.querySelectorAll('#timeline tbody tr').length;"))
          .isGreaterThanOrEqualTo(3);
      assertThat(text(browser, "#timeline tbody tr:first-child")).contains("kefu1", "受理", caseNumber);
      assertThat(text(browser, "#timeline tbody")).contains("首次响应", quality, "挂起");
      // kefu1 may not use Cockpit: no link; customer service reads the knowledge base: its link
      assertThat(browser.displayed("#cockpit-link")).isFalse();
      assertThat(browser.displayed("#knowledge-link")).isTrue();
    }
    assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);

    try (TasklistBrowser admin = browser()) {
      // when: the admin (who may use Cockpit) opens it, then: the link to the running instance
      admin.loginTo("tasklist", EngineRest.ADMIN, "admin");
      admin.open("/cases/" + caseNumber, LOADED);
      assertThat(admin.displayed("#cockpit-link")).isTrue();
      assertThat((String) admin.script("return document.getElementById('cockpit-link').getAttribute('href');"))
          .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");
    }
  }

  @Test
  void shouldNeverShowAReporterToTheHandlingUnitAndExplainEveryRefusalInChinese() {
    // given: a 举报 (confidential) dispatched to 市场监管局, and a complaint the unit has nothing to do with
    EngineRest engine = new EngineRest(rest);
    ResponseEntity<String> report = engine.post("huawu", "/api/hotline/appeals", IntakeRequests.report("钱页面", "13700003579"));
    assertThat(report.getStatusCode()).as(report.getBody()).isEqualTo(HttpStatus.CREATED);
    String reportNumber = EngineRest.json(report.getBody()).path("caseNumber").asText();
    engine.complete(reportNumber, new Step("Task_TriageAppeal", "huawu", Map.of("triageResult", "dispatch")));
    JsonNode complaint = EngineRest.json(engine.post("kefu1", "/api/complaints", IntakeRequests.complaint("别家客户"))
        .getBody());

    try (TasklistBrowser browser = browser()) {
      // when: nobody is signed in, then: a message with the way to the Tasklist login
      browser.open("/cases/" + reportNumber, FAILED);
      assertThat(text(browser, "#message")).contains("尚未登录", "登录 Tasklist");
      assertThat((String) browser.script("return document.querySelector('#message a').getAttribute('href');"))
          .isEqualTo("/camunda/app/tasklist/default/");

      // when: the unit's user signs in to Tasklist and opens the 举报
      browser.login("shichang", "demo");
      browser.open("/cases/" + reportNumber, LOADED);
      browser.screenshot("case-page-report-unit");
      assertThat(browser.displayed("#knowledge-link")).as("units do not read the centre's knowledge base").isFalse();

      // then: the case, the reporter masked everywhere on the page
      String page = browser.visibleText();
      assertThat(text(browser, "h1")).contains(reportNumber, "12345热线");
      assertThat(text(browser, "#facts")).contains("（保密）", "市场监管");
      assertThat(page).doesNotContain("钱页面").doesNotContain("13700003579");
      assertThat((String) browser.script("return document.documentElement.outerHTML;"))
          .doesNotContain("钱页面").doesNotContain("13700003579");

      // a complaint the unit may not read, and a number that does not exist
      browser.open("/cases/" + complaint.path("caseNumber").asText(), FAILED);
      assertThat(text(browser, "#message")).contains("无权查看案件 " + complaint.path("caseNumber").asText());
      browser.open("/cases/TS99990001", FAILED);
      assertThat(text(browser, "#message")).contains("未找到案件 TS99990001");
    }
  }
}
