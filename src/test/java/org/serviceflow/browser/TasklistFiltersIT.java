package org.serviceflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serviceflow.casefile.CaseFlags;
import org.serviceflow.support.FixtureTasks;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a role sees in Tasklist (headless Chromium, zh-CN) on the whole application and PostgreSQL: a
 * customer-service clerk has no 新建任务 action, may start only 投诉处理 and 售后服务, and has the five shared
 * filters; their lead also has 本部门全部, 督办中 and 已延期. The filters list the tasks made through the engine API
 * by priority, then due date. Screenshots go to target/screenshots (or -Dscreenshots.dir).
 */
@PostgresIntegrationTest
class TasklistFiltersIT {

  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  static final String PASSWORD = "demo";
  static final List<String> SHARED = List.of("我的待办", "我组待办", "即将超期", "已超期", "A类客户 / 紧急");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine processEngine;

  final Instant now = Instant.now();

  @BeforeAll
  static void requireChromium() {
    TasklistBrowser.assumeChromium();
  }

  @Test
  void shouldShowTheClerkAndTheLeadTheirFiltersByPriorityThenDueDateAndOnlyTheirActions() {
    FixtureTasks fixture = new FixtureTasks(processEngine).deploy();
    try (TasklistBrowser browser = new TasklistBrowser("http://localhost:" + port, SCREENSHOTS)) {
      // given: tasks of 客服部 (one of an A-tier customer, one of a supervised case), of 客服主管 and of 质量管理部
      String later = task(fixture, "customer-service", 50, 3, "演示：一般，三天后到期", Map.of());
      String raised = task(fixture, "customer-service", 80, 5, "演示：A类客户", Map.of());
      String sooner = task(fixture, "customer-service", 50, 1, "演示：一般，明天到期，督办中",
          Map.of(CaseFlags.SUPERVISED, true));
      String leads = task(fixture, "customer-service-lead", 50, 2, "演示：主管的任务", Map.of());
      String quality = task(fixture, "quality", 90, 1, "演示：质量部的任务", Map.of());

      // when: the clerk signs in
      browser.login("kefu1", PASSWORD);

      // then: no standalone task creation, only the processes of 客服部, the five shared filters
      assertThat(browser.displayed("li.create-task-action")).isFalse();
      assertThat(browser.visibleText()).doesNotContain("新建任务").doesNotContain("Create task");
      assertThat(browser.startableProcesses()).containsExactlyInAnyOrder("投诉处理", "售后服务");
      assertThat(browser.filterNames()).containsExactlyElementsOf(SHARED);
      // and 我组待办 lists 客服部's tasks by priority, then due date, without the lead's or quality's task
      assertThat(fixtureTasks(browser.taskNames("我组待办", List.of(raised, sooner, later)), raised, sooner, later,
          leads, quality)).containsExactly(raised, sooner, later);
      browser.screenshot("filters-1-clerk");

      // when: their lead signs in
      browser.logout();
      browser.login("kefuzhuguan", PASSWORD);

      // then: the lead also has the department filters; 本部门全部 holds the department's tasks in the same order
      assertThat(browser.displayed("li.create-task-action")).isFalse();
      assertThat(browser.filterNames()).containsExactly("我的待办", "我组待办", "即将超期", "已超期", "A类客户 / 紧急",
          "本部门全部", "督办中", "已延期");
      assertThat(fixtureTasks(browser.taskNames("本部门全部", List.of(raised, sooner, leads, later)), raised, sooner,
          later, leads, quality)).containsExactly(raised, sooner, leads, later);
      browser.screenshot("filters-2-lead-department");
      assertThat(fixtureTasks(browser.taskNames("督办中", List.of(sooner)), raised, sooner, later, leads, quality))
          .containsExactly(sooner);
    } finally {
      fixture.remove();
    }
  }

  /** A fixture task for the group with priority, due date (days from now), name and case variables; its name. */
  private String task(FixtureTasks fixture, String group, int priority, int dueInDays, String name,
      Map<String, Object> flags) {
    fixture.task(group, name, priority, now.plus(dueInDays, ChronoUnit.DAYS), flags);
    return name;
  }

  /** The listed names that belong to this test's tasks, in the listed order (other tests' tasks may be listed too). */
  private static List<String> fixtureTasks(List<String> listed, String... fixture) {
    List<String> ours = List.of(fixture);
    return listed.stream().filter(ours::contains).toList();
  }
}
