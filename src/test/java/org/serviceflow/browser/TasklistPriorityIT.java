package org.serviceflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.EngineRest;
import org.serviceflow.support.IntakeRequests;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Served first in Tasklist (issue 15.5, issue 12.3), headless Chromium on the whole application and PostgreSQL: a
 * C-tier complaint and a later A-tier one (so the A-tier task is due later), an ordinary and a later urgent 12345
 * appeal, all taken in through the API. The A-tier and the urgent task carry the raised priority; 我组待办 lists them
 * first, A类客户 / 紧急 lists only them, in the order the filter's own query gives through the engine REST API; their
 * cards carry the badge with the rule's label (A类客户, 紧急) after the case line, the others none; the case page says
 * 优先处理. Screenshots go to target/screenshots (or -Dscreenshots.dir).
 */
@PostgresIntegrationTest
class TasklistPriorityIT {

  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  static final String MY_GROUPS = "我组待办";
  static final String SERVED_FIRST = "A类客户 / 紧急";
  static final int RAISED = 80;
  static final String LOADED = "body[data-loaded='true'] #timeline tbody tr";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;

  @BeforeAll
  static void requireChromium() {
    TasklistBrowser.assumeChromium();
  }

  @Test
  void shouldListAnATierComplaintFirstWithItsBadgeAndOnlyItAmongTheServedFirst() {
    // given: a C-tier complaint, then an A-tier one, both routed to 质量管理部
    EngineRest engine = new EngineRest(rest);
    String tierC = created(engine.post("kefu1", "/api/complaints",
        IntakeRequests.complaint("排序测试丙").put("customerTier", "C")));
    String tierA = created(engine.post("kefu1", "/api/complaints", IntakeRequests.complaint("排序测试甲")));
    Task tierCTask = openTask(tierC);
    Task tierATask = openTask(tierA);
    assertThat(tierATask.getDueDate()).as("the A-tier task is the newer one, due later").isAfter(tierCTask.getDueDate());
    assertThat(tierATask.getPriority()).as("A 类客户优先 (002:386)").isEqualTo(RAISED);
    assertThat(tierCTask.getPriority()).isEqualTo(50);

    try (TasklistBrowser browser = new TasklistBrowser("http://localhost:" + port, SCREENSHOTS)) {
      // when: a quality clerk signs in
      browser.login("zhiliang1", "demo");

      // then: 我组待办 lists the A-tier case first although it is due later; only it is served first
      List<String> myGroups = ours(browser.caseNumbersInFilter(MY_GROUPS, List.of(tierA, tierC)), tierA, tierC);
      assertThat(myGroups).containsExactly(tierA, tierC);
      assertThat(browser.servedFirstBadge(tierA)).isEqualTo("A类客户");
      assertThat(browser.servedFirstBadge(tierC)).isNull();
      assertThat(browser.caseLineOfCard(tierATask.getId()).getText()).as("the case line itself is unchanged")
          .isEqualTo(tierA + " · 客户：排序测试甲");
      assertThat(browser.knowledgeLinkOfCard(tierATask.getId()))
          .as("quality clerks may not read the knowledge base: no link on their cards").isNull();
      browser.screenshot("priority-1-my-groups");
      assertThat(ours(browser.caseNumbersInFilter(SERVED_FIRST, List.of(tierA)), tierA, tierC)).containsExactly(tierA);
      assertThat(browser.servedFirstBadge(tierA)).isEqualTo("A类客户");

      // and the filters' own queries, as the engine REST API answers them to the same clerk, give the same order
      assertThat(ours(filterList(engine, "zhiliang1", MY_GROUPS), tierA, tierC)).containsExactly(tierA, tierC);
      assertThat(ours(filterList(engine, "zhiliang1", SERVED_FIRST), tierA, tierC)).containsExactly(tierA);

      // and the card's reading of a description is the one the task card writes
      assertThat(browser.script("return window.ServiceFlowCases.servedFirst(arguments[0]);",
          tierA + " · 客户：排序测试甲\n优先处理：A类客户、紧急\n\n首次回应。")).isEqualTo("A类客户、紧急");
      assertThat(browser.script("return window.ServiceFlowCases.servedFirst(arguments[0]);",
          tierC + " · 客户：排序测试丙\n\n优先处理：写在说明里的不算")).isNull();

      // and the case page says why the A-tier case is served first, and that the C-tier one is not
      browser.open("/cases/" + tierA, LOADED);
      assertThat(fact(browser, "优先处理")).isEqualTo("是：A类客户");
      browser.open("/cases/" + tierC, LOADED);
      assertThat(fact(browser, "优先处理")).isEqualTo("否");
    }
  }

  @Test
  void shouldListAnUrgentAppealFirstWithItsBadge() {
    // given: an ordinary 12345 appeal, then an urgent one, both with the operator who took them in
    EngineRest engine = new EngineRest(rest);
    String ordinary = created(engine.post("huawu", "/api/hotline/appeals",
        IntakeRequests.appeal("排序市民乙", "13900001357")));
    String urgent = created(engine.post("huawu", "/api/hotline/appeals",
        IntakeRequests.appeal("排序市民甲", "13900002468").put("urgency", "urgent")));
    assertThat(openTask(urgent).getPriority()).as("urgent appeals are served first").isEqualTo(RAISED);
    assertThat(openTask(ordinary).getPriority()).isEqualTo(50);

    try (TasklistBrowser browser = new TasklistBrowser("http://localhost:" + port, SCREENSHOTS)) {
      // when: the operator signs in
      browser.login("huawu", "demo");

      // then: the urgent appeal comes first with the badge 紧急, and only it is served first
      assertThat(ours(browser.caseNumbersInFilter(MY_GROUPS, List.of(urgent, ordinary)), urgent, ordinary))
          .containsExactly(urgent, ordinary);
      assertThat(browser.servedFirstBadge(urgent)).isEqualTo("紧急");
      assertThat(browser.servedFirstBadge(ordinary)).isNull();
      browser.screenshot("priority-2-hotline");
      assertThat(ours(browser.caseNumbersInFilter(SERVED_FIRST, List.of(urgent)), urgent, ordinary))
          .containsExactly(urgent);
      assertThat(ours(filterList(engine, "huawu", MY_GROUPS), urgent, ordinary)).containsExactly(urgent, ordinary);
      assertThat(ours(filterList(engine, "huawu", SERVED_FIRST), urgent, ordinary)).containsExactly(urgent);

      browser.open("/cases/" + urgent, LOADED);
      assertThat(fact(browser, "优先处理")).isEqualTo("是：紧急");
    }
  }

  /** The case number of a 201 answer of an intake. */
  private static String created(ResponseEntity<String> answer) {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    return EngineRest.json(answer.getBody()).path("caseNumber").asText();
  }

  /** The case's one open user task. */
  private Task openTask(String caseNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
  }

  /** The case numbers of the tasks the filter's query lists for this user (engine REST), in its order. */
  private static List<String> filterList(EngineRest engine, String user, String filterName) {
    String id = null;
    for (JsonNode filter : engine.get(user, "/engine-rest/filter?resourceType=Task")) {
      if (filterName.equals(filter.path("name").asText())) {
        id = filter.path("id").asText();
      }
    }
    assertThat(id).as("filter %s readable by %s", filterName, user).isNotNull();
    List<String> caseNumbers = new ArrayList<>();
    for (JsonNode task : engine.get(user, "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=1000")) {
      String description = task.path("description").asText("");
      caseNumbers.add(description.split(" · ", 2)[0]);
    }
    return caseNumbers;
  }

  /** The listed case numbers that are this test's, in the listed order (other tests' cases may be listed too). */
  private static List<String> ours(List<String> listed, String... cases) {
    List<String> ourCases = List.of(cases);
    return listed.stream().filter(ourCases::contains).toList();
  }

  /** The value of a fact of the case page, by its label. */
  private static String fact(TasklistBrowser browser, String label) {
    return (String) browser.script("var dt = Array.from(document.querySelectorAll('#facts dt'))"
        + ".find(e => e.textContent === arguments[0]); return dt ? dt.nextElementSibling.textContent : null;", label);
  }
}
