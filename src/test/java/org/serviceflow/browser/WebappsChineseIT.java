package org.serviceflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist, Cockpit and Admin in headless Chromium (zh-CN) on the whole application: the main pages show
 * no English words beyond product names, ids and keys; the CE end-of-life banner is hidden; form-js
 * validation messages are Chinese; dates are YYYY-MM-DD; relative dates are Chinese whatever the order the
 * locale files arrive in (only zh.json is loaded: each file's dateLocales switches moment's global locale).
 */
@PostgresIntegrationTest
class WebappsChineseIT {

  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z]{3,}(?![A-Za-z0-9_-])");
  /** Product names, standards, and what are ids or keys rather than words (process keys, user ids, engine). */
  static final Set<String> PRODUCT_AND_STANDARD = Set.of("Camunda", "Platform", "Tasklist", "Cockpit", "Admin",
      "ServiceFlow", "BPMN", "DMN", "CMMN", "API", "LDAP", "URL", "JSON", "XML", "CSV", "default",
      // the time zone id in the footer, and Camunda's permission names shown as identifiers in Admin
      "Asia", "Shanghai", "ACCESS", "ALL", "READ", "UPDATE", "CREATE", "DELETE", "NONE");
  static final Pattern EMAIL = Pattern.compile("\\S+@\\S+");

  /** Product names and what are ids or keys rather than words: process and decision keys, user ids, group ids, names and types. */
  final Set<String> allowed = new TreeSet<>(PRODUCT_AND_STANDARD);

  @LocalServerPort
  int port;

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  IdentityService identityService;

  @Autowired
  TaskService taskService;

  @BeforeAll
  static void requireChromium() {
    TasklistBrowser.assumeChromium();
  }

  @Test
  void shouldShowTheWebappsInChinese() {
    repositoryService.createProcessDefinitionQuery().list().forEach(d -> addWords(d.getKey()));
    repositoryService.createDecisionDefinitionQuery().list().forEach(d -> addWords(d.getKey()));
    identityService.createUserQuery().list().forEach(u -> addWords(u.getId()));
    identityService.createGroupQuery().list().forEach(g -> {
      addWords(g.getId());
      addWords(g.getName());
      addWords(g.getType());
    });
    allowed.addAll(Set.of("camunda", "cockpit", "tasklist", "admin")); // resource ids of the application authorizations
    Map<String, Set<String>> english = new LinkedHashMap<>();
    String complaint = repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint")
        .latestVersion().singleResult().getId();
    Task aged = agedTaskOfTheClerk();
    try (TasklistBrowser browser = new TasklistBrowser("http://localhost:" + port, SCREENSHOTS)) {
      // Tasklist: task list, start form with validation errors
      browser.login(TasklistComplaintIT.CLERK, TasklistComplaintIT.PASSWORD);
      browser.showTask("我的待办", aged.getName(), aged.getId());
      assertThat(browser.visibleText()).as("relative dates of the aged task's card").contains("3 天前", "5 小时后");
      assertThat(browser.script("return performance.getEntriesByType('resource').map(e => e.name)"
          + ".filter(n => n.includes('/locales/'));")).asList().isNotEmpty()
          .allSatisfy(name -> assertThat(name.toString()).contains("/locales/zh.json"));
      english.put("tasklist list", englishWords(browser));
      assertThat(browser.displayed(".ce-eol-banner")).as("end-of-life banner").isFalse();
      // kefu1 is 王 (last name) 芳 (first name): Camunda would print "芳 王"
      assertThat(browser.visibleText()).contains("王芳").doesNotContain("芳 王");
      assertThat(browser.script("return window.ServiceFlowZh.familyNameFirst('伟', '张');")).isEqualTo("张伟");
      assertThat(browser.script("return window.ServiceFlowZh.familyNameFirst('Anna', 'Meier');")).isEqualTo("Anna Meier");
      browser.openStartForm("投诉处理");
      assertThat(browser.datePlaceholder("Field_OccurredOn")).isEqualTo("YYYY-MM-DD");
      browser.clickStartFormSubmit();
      browser.screenshot("zh-start-form-errors");
      english.put("tasklist start form", englishWords(browser));
      assertThat(browser.formErrors()).isNotEmpty().allSatisfy(error -> assertThat(error).isEqualTo("此项为必填项。"));
      browser.pickToday("Field_OccurredOn");
      assertThat(browser.dateValue("Field_OccurredOn")).matches("\\d{4}-\\d{2}-\\d{2}");
    }
    try (TasklistBrowser browser = new TasklistBrowser("http://localhost:" + port, SCREENSHOTS)) {
      // Cockpit as the administrator
      browser.loginTo("cockpit", "admin", "admin");
      browser.open("/camunda/app/cockpit/default/#/dashboard", ".dashboard");
      english.put("cockpit dashboard", englishWords(browser));
      assertThat(browser.displayed(".ce-eol-banner")).as("end-of-life banner").isFalse();
      browser.open("/camunda/app/cockpit/default/#/processes", ".processes-dashboard, [cam-widget-header]");
      english.put("cockpit processes", englishWords(browser));
      browser.open("/camunda/app/cockpit/default/#/process-definition/" + complaint + "/runtime", ".ctn-main");
      english.put("cockpit process definition", englishWords(browser));

      // Admin
      browser.open("/camunda/app/admin/default/#/users", "table");
      english.put("admin users", englishWords(browser));
      assertThat(browser.displayed(".ce-eol-banner")).as("end-of-life banner").isFalse();
      browser.open("/camunda/app/admin/default/#/groups", "table");
      english.put("admin groups", englishWords(browser));
      browser.open("/camunda/app/admin/default/#/authorization?resource=0", "table");
      english.put("admin authorizations", englishWords(browser));
      browser.open("/camunda/app/admin/default/#/system?section=system-settings-general", ".ctn-main");
      english.put("admin system", englishWords(browser));
      browser.screenshot("zh-admin-system");
    } finally {
      taskService.deleteTask(aged.getId(), true);
    }
    assertThat(english).allSatisfy((page, words) -> assertThat(words).as(page).isEmpty());
  }

  /** A task of the clerk's created 3 days ago and due in 5 hours, so that the list shows relative dates both ways. */
  private Task agedTaskOfTheClerk() {
    Instant now = Instant.now();
    ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(3)).minus(Duration.ofHours(2))));
    try {
      Task task = taskService.newTask(); // the create time is taken here
      task.setName("核对三天前的回访记录");
      task.setAssignee(TasklistComplaintIT.CLERK);
      task.setDueDate(Date.from(now.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(20))));
      taskService.saveTask(task);
      return task;
    } finally {
      ClockUtil.reset();
    }
  }

  private void addWords(String text) {
    if (text != null) {
      Matcher matcher = WORD.matcher(text);
      while (matcher.find()) {
        allowed.add(matcher.group());
      }
    }
  }

  private Set<String> englishWords(TasklistBrowser browser) {
    Set<String> words = new TreeSet<>();
    Matcher matcher = WORD.matcher(EMAIL.matcher(browser.visibleText()).replaceAll(" "));
    while (matcher.find()) {
      if (!allowed.contains(matcher.group())) {
        words.add(matcher.group());
      }
    }
    return words;
  }
}
