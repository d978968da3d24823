package org.serviceflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serviceflow.casefile.CaseFileService;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.casefile.TimelineEntryView;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The 12345 hotline appeal's main path in Tasklist (headless Debian Chromium, Chinese locale) on the whole application
 * and embedded PostgreSQL, every user task through its Camunda Form by the demo user of its group: the operator huawu
 * takes a 举报 through the start form and dispatches it (即时办结或派单, the intake operator's own task, 首问负责);
 * 市场监管局's shichang signs for it, contacts the reporter first and replies; the dispatcher paidan passes the reply;
 * the operator huawu calls back (回访, 满意) and the appeal is closed. The reporter's name and phone never show to the
 * unit (card, task list, forms). The unit's 我组待办 lists its appeals by priority, then due date; the clicks of each
 * task and of the whole path are counted (docs/processes/hotline-12345.md, "在 Tasklist 中办理：点击次数").
 */
@PostgresIntegrationTest
class TasklistHotlineIT {

  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  static final String PASSWORD = "demo";
  static final String OPERATOR = "huawu";
  static final String DISPATCHER = "paidan";
  static final String MARKET = "shichang";
  static final String REPORTER = "浏览器举报人";
  static final String REPORTER_PHONE = "13700002222";
  static final String REPORTER_PHONE_SHOWN = "137 0000 2222";
  static final List<String> ENGLISH_MESSAGES = List.of("Field is required", "Field must", "must be");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  TaskService taskService;

  @Autowired
  HistoryService historyService;

  @Autowired
  CaseFileService caseFiles;

  @Autowired
  TestRestTemplate rest;

  @BeforeAll
  static void requireChromium() {
    TasklistBrowser.assumeChromium();
  }

  @Test
  void shouldTakeAReportFromIntakeToCloseInTasklistWithoutShowingTheReporterToTheUnit() throws Exception {
    Map<String, Integer> clicks = new LinkedHashMap<>();
    try (TasklistBrowser browser = new TasklistBrowser("http://localhost:" + port, SCREENSHOTS)) {
      // given: the operator signs in and fills the start form of 12345热线诉求 with a 举报 about the market
      int before = browser.clicks();
      browser.login(OPERATOR, PASSWORD);
      clicks.put("登录（话务员 huawu）", browser.clicks() - before);
      before = browser.clicks();
      browser.openStartForm("12345热线诉求");
      assertVisible(browser, "诉求人姓名", "联系电话", "诉求类型", "紧急程度", "区域", "类别", "诉求内容");
      browser.type("Field_CitizenName", REPORTER);
      browser.type("Field_CitizenPhone", REPORTER_PHONE);
      browser.radio("Field_AppealType", 3); // 举报: always confidential, whatever the checkbox says
      browser.select("Field_Area", "示例区");
      browser.select("Field_Category", "市场监管");
      browser.type("Field_Content", "幸福路某超市销售过期食品，货架上多批牛奶已过保质期。");
      assertVisible(browser, "事件发生日期", "事件地点", "涉及人员", "被投诉（举报）对象", "投诉（举报）理由", "证据或线索");
      browser.pickToday("Field_EventDate");
      browser.type("Field_EventLocation", "幸福路 12 号幸福超市");
      browser.type("Field_PeopleInvolved", "超市店长");
      browser.type("Field_Target", "幸福路幸福超市");
      browser.type("Field_Reason", "销售过期食品");
      browser.type("Field_Evidence", "购物小票一张，货架照片三张");
      assertNoEnglishValidation(browser);
      browser.screenshot("hotline-1-start-form");

      // when: the operator submits it
      browser.submitStartForm();
      clicks.put("受理诉求（开始表单）", browser.clicks() - before);

      // then: an appeal runs under a new RX number, started by the operator, the reporter in the case file only
      HistoricProcessInstance appeal = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey("hotline12345").startedBy(OPERATOR).orderByProcessInstanceStartTime().desc().list()
          .stream().filter(p -> REPORTER.equals(caseFiles.get(p.getBusinessKey()).customerName())).findFirst()
          .orElseThrow();
      String caseNumber = appeal.getBusinessKey();
      assertThat(caseNumber).matches("RX\\d{6}\\d+");
      // the intake notice names the first running deadline of the case file; an appeal's first (签收, 办理时限) run
      // from the dispatch, so at intake the operator is told the due date of the triage, the case's open task
      CaseView file = caseFiles.get(caseNumber);
      assertThat(file.deadlines()).as("no deadline runs before the dispatch").isEmpty();
      assertThat(browser.intakeNotice()).isEqualTo("已受理，案件编号 " + caseNumber + "，办理时限 "
          + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
              task(appeal, "Task_TriageAppeal").getDueDate().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"))));
      assertThat(file.customerPhone()).isEqualTo(REPORTER_PHONE);
      assertThat(taskService.getVariables(task(appeal, "Task_TriageAppeal").getId()))
          .as("registration took the reporter out of the process variables")
          .doesNotContainKeys("citizenName", "citizenPhone").containsEntry("confidential", true);

      // when: the operator opens the appeal's first task straight from Tasklist's notice (it is assigned to them)
      Task triage = task(appeal, "Task_TriageAppeal");
      assertThat(triage.getAssignee()).isEqualTo(OPERATOR);
      before = browser.clicks();
      browser.openAssignedTaskFromNotice(triage.getId());
      assertThat(browser.caseLineOfCard(triage.getId()).getText()).as("the centre's card names the reporter")
          .isEqualTo(caseNumber + " · 诉求人：" + REPORTER);
      assertThat(browser.knowledgeLinkOfCard(triage.getId())).as("operators read the knowledge base")
          .isEqualTo("/knowledge 知识库");
      assertVisible(browser, "诉求信息", "编号：", caseNumber, "举报", "处理方式", "即时办结（当场答复）", "派单");
      browser.radio("Field_TriageResult", 1);
      assertNoEnglishValidation(browser);
      browser.screenshot("hotline-2-triage");
      browser.completeTask();
      clicks.put("即时办结或派单（huawu）", browser.clicks() - before);
      browser.logout();

      // and, in the background, two more appeals reach 市场监管局 after this one: an urgent one (served first) and a
      // normal one (signed for later); started through the intake API and dispatched through the engine's Java API
      String urgent = appealThroughApi("consultation", "urgent", "咨询预付卡退费办法（浏览器测试，紧急）");
      String later = appealThroughApi("suggestion", "normal", "建议在农贸市场增设公平秤（浏览器测试）");

      // then: the unit's 我组待办 lists them by priority (the urgent first), then by the sign-for due date
      before = browser.clicks();
      browser.login(MARKET, PASSWORD);
      clicks.put("登录（承办单位 shichang）", browser.clicks() - before);
      List<String> ours = List.of(urgent, caseNumber, later);
      assertThat(browser.caseNumbersInFilter("我组待办", ours)).filteredOn(ours::contains)
          .as("priority first, then due date").containsExactly(urgent, caseNumber, later);
      assertThat(browser.taskNames("我组待办", List.of("签收"))).contains("签收");
      assertThat(browser.caseNumbersInFilter("A类客户 / 紧急", List.of(urgent))).contains(urgent)
          .doesNotContain(caseNumber, later);
      Task signFor = task(appeal, "Task_SignFor");
      assertThat(signFor.getPriority()).isLessThan(taskOf(urgent, "Task_SignFor").getPriority());
      assertThat(signFor.getDueDate()).isBefore(taskOf(later, "Task_SignFor").getDueDate());
      assertThat(browser.visibleText()).as("the unit's task list").doesNotContain(REPORTER, REPORTER_PHONE);

      // when: the unit's user signs for the appeal
      before = browser.clicks();
      browser.openTask("我组待办", "签收", signFor.getId());
      browser.claimIfNeeded();
      assertThat(browser.caseLineOfCard(signFor.getId()).getText()).as("the unit's card masks the reporter")
          .isEqualTo(caseNumber + " · 诉求人：（保密）");
      assertThat(browser.knowledgeLinkOfCard(signFor.getId())).as("units do not read the centre's knowledge base")
          .isNull();
      assertVisible(browser, "签收或退单", "签收（属本单位职责）", "退单", "退单时限",
          "诉求人要求保密或为举报：姓名和电话不向承办单位提供");
      assertReporterHidden(browser);
      assertPicked(browser, "Field_SignResult", 0); // 签收 is the default (forms/hotline12345/Task_SignFor.form)
      assertNoEnglishValidation(browser);
      browser.screenshot("hotline-3-sign-for");
      browser.completeTask();
      clicks.put("签收（shichang）", browser.clicks() - before);

      // and contacts the reporter first (through the 12345 centre, the form says)
      Task firstContact = task(appeal, "Task_FirstContact");
      before = browser.clicks();
      browser.openTask("我组待办", "先行联系", firstContact.getId());
      browser.claimIfNeeded();
      assertThat(browser.caseLineOfCard(firstContact.getId()).getText()).isEqualTo(caseNumber + " · 诉求人：（保密）");
      assertVisible(browser, "先行联系记录（联系时间、方式、告知的调查核实情况）", "如需联系请经 12345 转达");
      assertReporterHidden(browser);
      browser.type("Field_ContactRecord", "经 12345 转达举报人：已于当日到幸福超市现场检查，下架过期牛奶 36 盒。");
      assertNoEnglishValidation(browser);
      browser.completeTask();
      clicks.put("先行联系（shichang）", browser.clicks() - before);

      // and replies
      Task handle = task(appeal, "Task_HandleAppeal");
      before = browser.clicks();
      browser.openTask("我组待办", "办理答复", handle.getId());
      browser.claimIfNeeded();
      assertThat(browser.caseLineOfCard(handle.getId()).getText()).isEqualTo(caseNumber + " · 诉求人：（保密）");
      assertVisible(browser, "办理结果", "答复", "申请延期");
      assertReporterHidden(browser);
      assertPicked(browser, "Field_HandlingAction", 0); // 答复 is the default
      assertVisible(browser, "答复内容", "问题解决情况", "已解决");
      browser.type("Field_Reply", "经查举报属实，已责令超市下架并销毁过期食品，立案处罚。");
      browser.radio("Field_HandlingResult", 0);
      assertNoEnglishValidation(browser);
      browser.screenshot("hotline-4-reply");
      browser.completeTask();
      clicks.put("办理答复（shichang）", browser.clicks() - before);
      browser.logout();

      // when: the dispatcher reviews the reply and passes it
      Task review = task(appeal, "Task_ReviewReply");
      before = browser.clicks();
      browser.login(DISPATCHER, PASSWORD);
      clicks.put("登录（派单审核 paidan）", browser.clicks() - before);
      before = browser.clicks();
      browser.openTask("我组待办", "答复审核", review.getId());
      browser.claimIfNeeded();
      assertThat(browser.caseLineOfCard(review.getId()).getText()).as("the centre's card names the reporter")
          .isEqualTo(caseNumber + " · 诉求人：" + REPORTER);
      assertVisible(browser, "答复内容：", "已责令超市下架", "问题解决情况：", "已解决", "先行联系记录：", "审核意见",
          "通过，回访", "不通过，退回重办", "审核说明");
      assertPicked(browser, "Field_ReviewResult", 0); // 通过，回访 is the default
      assertNoEnglishValidation(browser);
      browser.completeTask();
      clicks.put("答复审核（paidan）", browser.clicks() - before);
      browser.logout();

      // when: the operator calls the reporter back: satisfied, problem solved
      Task visit = task(appeal, "Task_ReturnVisit");
      before = browser.clicks();
      browser.login(OPERATOR, PASSWORD);
      clicks.put("登录（话务员 huawu，回访）", browser.clicks() - before);
      before = browser.clicks();
      browser.openTask("我组待办", "回访", visit.getId());
      browser.claimIfNeeded();
      assertThat(browser.caseLineOfCard(visit.getId()).getText()).isEqualTo(caseNumber + " · 诉求人：" + REPORTER);
      assertVisible(browser, "答复内容：", "回访评价", "满意", "基本满意", "不满意", "未能联系", "诉求人确认问题已解决",
          "回访记录", "联系方式见案卷");
      browser.radio("Field_VisitResult", 0);
      browser.checkbox("Field_ProblemResolved");
      browser.type("Field_VisitNote", "举报人表示满意，超市已整改。");
      assertNoEnglishValidation(browser);
      browser.screenshot("hotline-5-return-visit");
      browser.completeTask();
      clicks.put("回访（huawu）", browser.clicks() - before);

      // then: the appeal has ended at 已办结, closed in the case file, every step on the timeline by its user
      HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(appeal.getId()).singleResult();
      assertThat(ended.getState()).isEqualTo("COMPLETED");
      assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_AppealClosed");
      assertThat(variables(appeal)).containsEntry("appealType", "report").containsEntry("confidential", true)
          .containsEntry("triageResult", "dispatch").containsEntry("handlingUnit", "unit-market")
          .containsEntry("signResult", "sign").containsEntry("handlingAction", "reply")
          .containsEntry("handlingResult", "resolved").containsEntry("reviewResult", "pass")
          .containsEntry("visitResult", "satisfied").containsEntry("problemResolved", true);
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(appeal.getId()).finished()
          .orderByHistoricActivityInstanceStartTime().asc().list())
          .extracting(t -> t.getTaskDefinitionKey() + "/" + t.getAssignee())
          .containsExactly("Task_TriageAppeal/" + OPERATOR, "Task_SignFor/" + MARKET, "Task_FirstContact/" + MARKET,
              "Task_HandleAppeal/" + MARKET, "Task_ReviewReply/" + DISPATCHER, "Task_ReturnVisit/" + OPERATOR);
      CaseView closed = caseFiles.get(caseNumber);
      assertThat(closed.status()).isEqualTo(CaseFileService.STATUS_CLOSED);
      assertThat(closed.closedAt()).isNotNull();
      assertThat(closed.ownerUser()).isEqualTo(OPERATOR);
      assertThat(closed.deadlines()).extracting(CaseView.Deadline::kind)
          .contains("SIGN_FOR", "FIRST_CONTACT", "HANDLING", "RETURN_VISIT");
      assertThat(closed.deadlines()).allSatisfy(d -> assertThat(d.metAt()).as(d.kind() + " met").isNotNull());
      List<TimelineEntryView> timeline = caseFiles.timeline(caseNumber);
      assertThat(timeline.get(0).action()).isEqualTo(CaseFileService.ACTION_OPENED);
      assertThat(timeline).extracting(TimelineEntryView::activityId).containsSubsequence("Task_TriageAppeal",
          "Task_SignFor", "Task_FirstContact", "Task_HandleAppeal", "Task_ReviewReply", "Task_ReturnVisit");
      assertThat(timeline).filteredOn(e -> "Task_SignFor".equals(e.activityId())).extracting(TimelineEntryView::actor)
          .containsOnly(MARKET);
      assertThat(timeline).extracting(TimelineEntryView::actor).contains(OPERATOR, MARKET, DISPATCHER);
      assertThat(timeline).extracting(TimelineEntryView::action).contains(CaseFileService.ACTION_CLOSED);
      assertThat(timeline).as("the timeline keeps the reporter's identity out")
          .allSatisfy(e -> assertThat(e.action() + " " + e.outcome()).doesNotContain(REPORTER, REPORTER_PHONE));

      // and the clicks of the main path, per task and in all (docs/processes/hotline-12345.md)
      int total = clicks.values().stream().mapToInt(Integer::intValue).sum();
      StringBuilder table = new StringBuilder("clicks of the 12345 main path:\n");
      clicks.forEach((step, count) -> table.append("  ").append(step).append(": ").append(count).append('\n'));
      System.out.println(table.append("  total: ").append(total));
      assertThat(clicks).containsExactlyEntriesOf(EXPECTED_CLICKS);
    }
  }

  @Test
  void shouldShowKnowledgeSuggestionsAtTriageAndRecordTheEntryTheDirectAnswerUsed() throws Exception {
    // given: a consultation about a lost social-security card, taken in by the operator
    ObjectNode body = JSON.createObjectNode().put("citizenName", "咨询市民").put("citizenPhone", "13900004444")
        .put("appealType", "consultation").put("urgency", "normal").put("area", "district-a").put("category", "other")
        .put("content", "我的社保卡丢了，请问怎么补办？");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> created = rest.withBasicAuth(OPERATOR, PASSWORD)
        .postForEntity("/api/hotline/appeals", new HttpEntity<>(body.toString(), headers), String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = JSON.readTree(created.getBody()).path("caseNumber").asText();
    JsonNode entry = JSON.readTree(rest.withBasicAuth(OPERATOR, PASSWORD)
        .getForEntity("/api/knowledge?q=社保卡丢失补办", String.class).getBody()).get(0);
    String option = "#" + entry.path("id").asText() + " " + entry.path("title").asText();
    assertThat(option).endsWith(" 社保卡丢失补办");
    Task triage = taskOf(caseNumber, "Task_TriageAppeal");

    try (TasklistBrowser browser = new TasklistBrowser("http://localhost:" + port, SCREENSHOTS)) {
      // when: the operator opens 即时办结或派单, reads the suggestion, answers directly and names the entry used
      browser.login(OPERATOR, PASSWORD);
      browser.openTaskFromList("我的待办", triage.getName(), triage.getId());
      browser.claimIfNeeded();
      assertVisible(browser, "知识库建议", option, "12333");
      browser.radio("Field_TriageResult", 0);
      browser.type("Field_DirectAnswer", "请先拨打 12333 挂失，再带身份证到社保卡服务网点补办。");
      browser.selectOption("Field_KnowledgeEntryId", option); // the Tab out of 答复内容 may have opened its list
      assertThat(browser.selectedLabel("Field_KnowledgeEntryId")).isEqualTo(option);
      browser.screenshot("hotline-knowledge-triage");
      browser.completeTask();
    }

    // then: the appeal is closed by direct answer, the entry's use counted and named on the timeline
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(triage.getProcessInstanceId())
        .variableName("knowledgeEntryId").singleResult().getValue()).isEqualTo(entry.path("id").asText());
    assertThat(caseFiles.get(caseNumber).status()).isEqualTo(CaseFileService.STATUS_CLOSED);
    assertThat(caseFiles.timeline(caseNumber)).anySatisfy(line -> {
      assertThat(line.action()).isEqualTo("引用知识库");
      assertThat(line.outcome()).isEqualTo("知识条目 " + option);
    });
  }

  /** The clicks measured on the main path, as docs/processes/hotline-12345.md lists them. */
  static final Map<String, Integer> EXPECTED_CLICKS = expectedClicks();

  private static Map<String, Integer> expectedClicks() {
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("登录（话务员 huawu）", 3);
    expected.put("受理诉求（开始表单）", 18);
    expected.put("即时办结或派单（huawu）", 3);
    expected.put("登录（承办单位 shichang）", 3);
    expected.put("签收（shichang）", 4);
    expected.put("先行联系（shichang）", 5);
    expected.put("办理答复（shichang）", 6);
    expected.put("登录（派单审核 paidan）", 3);
    expected.put("答复审核（paidan）", 4);
    expected.put("登录（话务员 huawu，回访）", 3);
    expected.put("回访（huawu）", 7);
    return expected;
  }

  /** A background appeal to 市场监管局 through POST /api/hotline/appeals as the operator, dispatched at once. */
  private String appealThroughApi(String type, String urgency, String content) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("citizenName", "背景诉求人").put("citizenPhone", "13900003333")
        .put("appealType", type).put("urgency", urgency).put("area", "district-a").put("category", "market")
        .put("content", content);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> created = rest.withBasicAuth(OPERATOR, PASSWORD)
        .postForEntity("/api/hotline/appeals", new HttpEntity<>(body.toString(), headers), String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode receipt = JSON.readTree(created.getBody());
    String caseNumber = receipt.path("caseNumber").asText();
    // background data: the operator's dispatch of these two is not part of the path under test
    taskService.complete(taskOf(caseNumber, "Task_TriageAppeal").getId(), Map.of("triageResult", "dispatch"));
    assertThat(taskOf(caseNumber, "Task_SignFor")).isNotNull();
    return caseNumber;
  }

  private Task task(HistoricProcessInstance appeal, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceId(appeal.getId()).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as(taskKey).isNotNull();
    return task;
  }

  private Task taskOf(String caseNumber, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as(caseNumber + " " + taskKey).isNotNull();
    return task;
  }

  private Map<String, Object> variables(HistoricProcessInstance appeal) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(appeal.getId()).list()) {
      if (variable.getValue() != null) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  private static void assertVisible(TasklistBrowser browser, String... labels) {
    String text = browser.visibleText();
    assertThat(text).contains(labels);
  }

  /** What a unit's user sees on the page: neither the reporter's name nor phone. */
  private static void assertReporterHidden(TasklistBrowser browser) {
    assertThat(browser.visibleText()).doesNotContain(REPORTER, REPORTER_PHONE, REPORTER_PHONE_SHOWN);
    assertThat(browser.displayed("[id$='-Field_CitizenName'], [id$='-Field_CitizenPhone']")).isFalse();
  }

  /** The n-th option of a radio group is picked (a default of the form, no click needed). */
  private static void assertPicked(TasklistBrowser browser, String fieldId, int option) {
    assertThat(browser.script("return document.querySelector(\"[id$='-" + fieldId + "-" + option + "']\").checked;"))
        .as(fieldId + " option " + option + " picked").isEqualTo(true);
  }

  private static void assertNoEnglishValidation(TasklistBrowser browser) {
    assertThat(browser.formErrors()).isEmpty();
    assertThat(browser.visibleText()).doesNotContain(ENGLISH_MESSAGES.toArray(String[]::new));
  }
}
