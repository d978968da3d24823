package org.serviceflow.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.serviceflow.support.EngineRest;
import org.serviceflow.support.EngineRest.Step;
import org.serviceflow.support.IntakeRequests;
import org.serviceflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The knowledge base on the whole application and a real PostgreSQL: Chinese questions as callers phrase them find
 * the right demo entry first (PostgreSQL full-text search over CJK bigrams), maintenance through /api/knowledge with
 * its authorization and field errors, a direct answer of a 12345 consultation that names the entry it used, and the
 * review task once an entry's review date has passed.
 */
@PostgresIntegrationTest
class KnowledgeBaseIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String OPERATOR = "huawu";
  static final String CLERK = "kefu1";
  static final String SUPERVISOR = "duban";
  static final String LEAD = "kefuzhuguan";
  static final String UNIT_USER = "shichang";
  /** The calendar's zone, where "today" of the review check is counted. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired KnowledgeReviewCheck reviewCheck;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------------------------------ search

  @Test
  void shouldFindTheRightEntryFirstForQuestionsAsCallersAskThem() {
    assertThat(firstTitle("社保卡丢了怎么补办")).isEqualTo("社保卡丢失补办");
    assertThat(firstTitle("楼上装修太吵了，晚上还在施工")).isEqualTo("装修噪音扰民投诉");
    assertThat(firstTitle("楼上装修太吵")).isEqualTo("装修噪音扰民投诉");
    assertThat(firstTitle("我想把公积金取出来付房租")).isEqualTo("住房公积金提取");
    assertThat(firstTitle("网上买的电饭煲不想要了能退货吗")).isEqualTo("退换货政策");
    assertThat(firstTitle("外地人在这里怎么办居住证")).isEqualTo("居住证办理");
    assertThat(firstTitle("发票抬头开错了能重开吗")).isEqualTo("发票开具与补开");
  }

  @Test
  void shouldAnswerWithRankAndTheMatchingPassage() {
    JsonNode hits = get(CLERK, "/api/knowledge?q=楼上装修太吵");

    assertThat(hits.size()).isGreaterThanOrEqualTo(1);
    JsonNode best = hits.get(0);
    assertThat(best.path("category").asText()).isEqualTo("城市管理");
    assertThat(best.path("snippet").asText()).contains("装修");
    assertThat(best.path("rank").asDouble()).isPositive();
    for (int i = 1; i < hits.size(); i++) {
      assertThat(hits.get(i).path("rank").asDouble()).isLessThanOrEqualTo(hits.get(i - 1).path("rank").asDouble());
    }
    assertThat(get(CLERK, "/api/knowledge?q=天气预报")).as("no shared pair of characters, no hit").isEmpty();
    assertThat(get(CLERK, "/api/knowledge?q=，。！")).as("a question without terms").isEmpty();
  }

  // ------------------------------------------------------------------------------------------ maintenance

  @Test
  void shouldLetMaintainersCreateChangeAndDeleteAnEntry() {
    ResponseEntity<String> created = send(SUPERVISOR, HttpMethod.POST, "/api/knowledge",
        entry("电动自行车上牌", "购买符合国家标准的电动自行车后，携带身份证、购车发票和合格证到就近的登记点免费上牌。"));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    long id = json(created.getBody()).path("id").asLong();
    assertThat(json(created.getBody()).path("updatedBy").asText()).isEqualTo(SUPERVISOR);
    assertThat(firstTitle("电动车怎么上牌照")).isEqualTo("电动自行车上牌");

    ResponseEntity<String> changed = send(LEAD, HttpMethod.PUT, "/api/knowledge/" + id,
        entry("电动自行车登记上牌", "携带身份证、购车发票和合格证到登记点办理，当场发放号牌。"));
    assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode read = get(OPERATOR, "/api/knowledge/" + id);
    assertThat(read.path("title").asText()).isEqualTo("电动自行车登记上牌");
    assertThat(read.path("updatedBy").asText()).isEqualTo(LEAD);
    assertThat(firstTitle("电动车登记")).isEqualTo("电动自行车登记上牌");

    assertThat(send(SUPERVISOR, HttpMethod.DELETE, "/api/knowledge/" + id, null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(send(OPERATOR, HttpMethod.GET, "/api/knowledge/" + id, null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void shouldRefuseWritesOfClerksAndOperatorsAndReadsOfOthers() {
    long demoEntry = firstId("社保卡补办");
    int entries = count();

    for (String writer : List.of(CLERK, OPERATOR)) {
      assertThat(send(writer, HttpMethod.POST, "/api/knowledge", entry("新条目", "答复")).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(send(writer, HttpMethod.PUT, "/api/knowledge/" + demoEntry, entry("改标题", "改答复")).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(send(writer, HttpMethod.DELETE, "/api/knowledge/" + demoEntry, null).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(send(UNIT_USER, HttpMethod.GET, "/api/knowledge?q=社保卡", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/knowledge?q=社保卡", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    assertThat(count()).isEqualTo(entries);
    assertThat(get(CLERK, "/api/knowledge/" + demoEntry).path("title").asText()).isEqualTo("社保卡丢失补办");
  }

  @Test
  void shouldAnswerBadInputWithTheFieldAndChangeNothing() {
    int entries = count();
    ObjectNode noTitle = entry(" ", "答复");
    ObjectNode badOwner = entry("标题", "答复").put("ownerGroup", "quality");
    ObjectNode noReviewDate = entry("标题", "答复");
    noReviewDate.remove("reviewDate");
    ObjectNode longAnswer = entry("标题", "答".repeat(4001));

    assertThat(fields(send(SUPERVISOR, HttpMethod.POST, "/api/knowledge", noTitle))).containsExactly("title");
    assertThat(fields(send(SUPERVISOR, HttpMethod.POST, "/api/knowledge", badOwner))).containsExactly("ownerGroup");
    assertThat(fields(send(SUPERVISOR, HttpMethod.POST, "/api/knowledge", noReviewDate))).containsExactly("reviewDate");
    assertThat(fields(send(SUPERVISOR, HttpMethod.POST, "/api/knowledge", longAnswer))).containsExactly("answer");
    long demoEntry = firstId("社保卡补办");
    assertThat(fields(send(SUPERVISOR, HttpMethod.PUT, "/api/knowledge/" + demoEntry, noTitle)))
        .containsExactly("title");
    assertThat(fields(send(OPERATOR, HttpMethod.GET, "/api/knowledge?q=" + "社".repeat(501), null))).containsExactly("q");

    assertThat(count()).isEqualTo(entries);
    assertThat(get(CLERK, "/api/knowledge/" + demoEntry).path("title").asText()).isEqualTo("社保卡丢失补办");
  }

  // ------------------------------------------------------------------------------------------ direct answer

  @Test
  void shouldSuggestEntriesInTheTriageFormAndRecordTheEntryTheDirectAnswerUsed() {
    ObjectNode consultation = IntakeRequests.appeal("赵六", "13912340001").put("appealType", "consultation")
        .put("category", "other").put("content", "我的社保卡丢了，想问一下怎么补办，要带什么材料？");
    ResponseEntity<String> received = new EngineRest(rest).post(OPERATOR, "/api/hotline/appeals", consultation);
    assertThat(received.getStatusCode()).as(received.getBody()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = json(received.getBody()).path("caseNumber").asText();
    long entry = firstId("社保卡丢失补办");
    int usesBefore = uses(entry);

    // the triage form's suggestions, as Tasklist reads them (serialized: a Json variable comes as its JSON text)
    String taskId = new EngineRest(rest).task(OPERATOR, caseNumber, "Task_TriageAppeal").path("id").asText();
    JsonNode variables = get(OPERATOR, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
    JsonNode options = json(variables.path("knowledgeOptions").path("value").asText());
    assertThat(variables.path("knowledgeOptions").path("type").asText()).isEqualTo("Json");
    assertThat(options.get(0).path("value").asText()).isEqualTo(String.valueOf(entry));
    assertThat(options.get(0).path("label").asText()).isEqualTo("#" + entry + " 社保卡丢失补办");
    assertThat(variables.path("knowledgeSuggestion").path("value").asText()).startsWith("**#" + entry + " 社保卡丢失补办**")
        .contains("12333");

    new EngineRest(rest).complete(caseNumber, new Step("Task_TriageAppeal", OPERATOR, Map.of("triageResult", "answered",
        "directAnswer", "请先拨打 12333 挂失，再带身份证到社保卡服务网点补办。", "knowledgeEntryId", String.valueOf(entry))));

    assertThat(uses(entry)).isEqualTo(usesBefore + 1);
    JsonNode timeline = get(OPERATOR, "/api/cases/" + caseNumber + "/timeline");
    assertThat(timeline.findValuesAsText("outcome")).contains("知识条目 #" + entry + " 社保卡丢失补办");
    assertThat(timeline.findValuesAsText("action")).contains(KnowledgeBase.ACTION_USED, "结案");
    assertThat(get(OPERATOR, "/api/knowledge/" + entry).path("usageCount").asInt()).isEqualTo(usesBefore + 1);
  }

  // ------------------------------------------------------------------------------------------ review

  @Test
  void shouldRaiseAReviewTaskForTheOwnerOnceTheReviewDateHasPassedAndCloseItWithANewDate() {
    LocalDate today = LocalDate.now(ZONE);
    ResponseEntity<String> created = send(LEAD, HttpMethod.POST, "/api/knowledge",
        entry("会员积分有效期", "会员积分自获得之日起两年内有效，到期未使用的积分自动清零。")
            .put("ownerGroup", "customer-service-lead").put("reviewDate", today.toString()));
    long id = json(created.getBody()).path("id").asLong();

    reviewCheck.raiseReviewTasks();
    assertThat(reviewTask(id)).as("the review date itself has not passed yet").isNull();

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(86_400)));
    reviewCheck.raiseReviewTasks();
    reviewCheck.raiseReviewTasks();

    String taskId = reviewTask(id);
    assertThat(taskId).isNotNull();
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task.getName()).isEqualTo("知识条目复核：会员积分有效期");
    assertThat(task.getDueDate()).isAfter(ClockUtil.getCurrentTime());
    assertThat(taskService.getIdentityLinksForTask(taskId)).singleElement()
        .satisfies(link -> assertThat(link.getGroupId()).isEqualTo("customer-service-lead"));
    assertThat(taskService.createTaskQuery().taskName("知识条目复核：会员积分有效期").count()).as("raised once").isOne();
    assertThat(get(LEAD, "/engine-rest/task?taskId=" + taskId + "&candidateGroup=customer-service-lead").size())
        .as("the lead sees it in Tasklist").isOne();

    ResponseEntity<String> reviewed = send(LEAD, HttpMethod.PUT, "/api/knowledge/" + id,
        entry("会员积分有效期", "会员积分自获得之日起两年内有效，到期未使用的积分于次年 1 月 1 日清零。")
            .put("ownerGroup", "customer-service-lead").put("reviewDate", today.plusYears(1).toString()));
    assertThat(reviewed.getStatusCode()).as(reviewed.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the review task is done").isZero();
    assertThat(reviewTask(id)).isNull();
  }

  // ------------------------------------------------------------------------------------------ helpers

  private String firstTitle(String question) {
    JsonNode hits = get(OPERATOR, "/api/knowledge?q=" + question);
    assertThat(hits.size()).as("hits for %s", question).isPositive();
    return hits.get(0).path("title").asText();
  }

  private long firstId(String question) {
    return get(OPERATOR, "/api/knowledge?q=" + question).get(0).path("id").asLong();
  }

  private static ObjectNode entry(String title, String answer) {
    return JSON.createObjectNode().put("title", title).put("answer", answer).put("category", "交通出行")
        .put("source", "市公安局交通管理局").put("ownerGroup", "hotline-supervisors").put("reviewDate", "2027-12-31");
  }

  private JsonNode get(String user, String path) {
    return new EngineRest(rest).get(user, path);
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, JsonNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new EngineRest(rest).as(user).exchange(path, method,
        new HttpEntity<>(body == null ? null : body.toString(), headers), String.class);
  }

  private static List<String> fields(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    return json(response.getBody()).path("errors").findValuesAsText("field");
  }

  private int count() {
    return jdbc.queryForObject("select count(*) from knowledge_entry", Integer.class);
  }

  private int uses(long entry) {
    return jdbc.queryForObject("select usage_count from knowledge_entry where id = ?", Integer.class, entry);
  }

  private String reviewTask(long entry) {
    return jdbc.queryForObject("select review_task_id from knowledge_entry where id = ?", String.class, entry);
  }

  private static JsonNode json(String body) {
    return EngineRest.json(body);
  }
}
